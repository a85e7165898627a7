import { Args, Field, Float, ID, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, Roles, type AuthenticatedUser } from '@seriktes/auth';
import { STAFF_READ_ROLES } from '../intake/access';
import { ProblemsService } from './problems.service';

@ObjectType('ProblemMonth', { description: 'Requests of a cluster in one month.' })
export class ProblemMonthNode {
  @Field({ description: 'Month, YYYY-MM (Asia/Almaty).' })
  month!: string;

  @Field(() => Int, { description: 'Requests received that month.' })
  count!: number;
}

@ObjectType('CandidateProblem', { description: 'Requests of one category repeating in one place of a precinct: a candidate for problem-oriented work (SARA).' })
export class CandidateProblemNode {
  @Field({ description: 'Precinct code.' })
  precinctCode!: string;

  @Field({ description: 'Category code.' })
  categoryCode!: string;

  @Field(() => Float, { description: 'Latitude of the cluster’s centre.' })
  lat!: number;

  @Field(() => Float, { description: 'Longitude of the cluster’s centre.' })
  lon!: number;

  @Field(() => Int, { description: 'Requests in the cluster.' })
  requestCount!: number;

  @Field({ description: 'The first one received (ISO 8601).' })
  firstReceivedAt!: string;

  @Field({ description: 'The last one received (ISO 8601).' })
  lastReceivedAt!: string;

  @Field(() => [ProblemMonthNode], { description: 'Counts per month, oldest first.' })
  months!: ProblemMonthNode[];

  @Field(() => [ID], { description: 'The requests, oldest first.' })
  requestIds!: string[];
}

@ObjectType('ProblemTask', { description: 'A task of an interagency commission tied to a problem.' })
export class ProblemTaskNode {
  @Field(() => ID, { description: 'Id of the task (in commission-tasks).' })
  taskId!: string;

  @Field({ description: 'Whether the problem may be closed (count as resolved) only after this task is closed.' })
  blocks!: boolean;

  @Field({ description: 'open, done, not_done or cancelled.' })
  status!: string;
}

@ObjectType('Problem', { description: 'A local problem under problem-oriented work (SARA: scanning, analysis, response, assessment).' })
export class ProblemNode {
  @Field(() => ID, { description: 'Id.' })
  id!: string;

  @Field({ description: 'Category code.' })
  categoryCode!: string;

  @Field({ description: 'What the problem is.' })
  title!: string;

  @Field({ description: 'SARA stage: scanning, analysis, response, assessment or closed.' })
  stage!: string;

  @Field(() => Int, { description: 'Requests grouped under it.' })
  requestCount!: number;

  @Field({ description: 'When it was opened (ISO 8601).' })
  openedAt!: string;

  @Field(() => [ProblemTaskNode], { description: 'Commission tasks tied to it, oldest first; while a blocking one is open the problem cannot be closed.' })
  tasks!: ProblemTaskNode[];
}

@Resolver()
export class ProblemsResolver {
  constructor(private readonly service: ProblemsService) {}

  @Query(() => [CandidateProblemNode], { description: 'Clusters of repeating requests in a precinct (same category, same place, recent): candidate problems, largest first (police staff of the territory).' })
  @Roles(...STAFF_READ_ROLES)
  candidateProblems(
    @CurrentUser() user: AuthenticatedUser,
    @Args('precinctCode', { description: 'Precinct code.' }) precinctCode: string,
    @Args('days', { type: () => Int, nullable: true, description: 'Look back this many days (default 90).' }) days?: number,
    @Args('minRequests', { type: () => Int, nullable: true, description: 'Smallest cluster (default 3).' }) minRequests?: number,
    @Args('cellMetres', { type: () => Int, nullable: true, description: 'Radius of a place in metres (default 150).' }) cellMetres?: number,
  ) {
    return this.service.candidates(user, precinctCode, { days: days ?? undefined, minRequests: minRequests ?? undefined, cellM: cellMetres ?? undefined });
  }

  @Query(() => [ProblemNode], { name: 'problems', description: 'Problems of a precinct, newest first.' })
  @Roles(...STAFF_READ_ROLES)
  problems(@CurrentUser() user: AuthenticatedUser, @Args('precinctCode', { description: 'Precinct code.' }) precinctCode: string) {
    return this.service.list(user, precinctCode);
  }

  @Mutation(() => ID, { description: 'Opens a problem from requests of one precinct and category (scanning stage); returns its id.' })
  @Roles(...STAFF_READ_ROLES)
  openProblem(
    @CurrentUser() user: AuthenticatedUser,
    @Args('precinctCode', { description: 'Precinct code.' }) precinctCode: string,
    @Args('categoryCode', { description: 'Category code.' }) categoryCode: string,
    @Args('title', { description: 'What the problem is.' }) title: string,
    @Args('requestIds', { type: () => [ID], description: 'The requests it groups.' }) requestIds: string[],
  ) {
    return this.service.open(user, { precinctCode, categoryCode, title, requestIds });
  }

  @Mutation(() => Boolean, { description: 'Moves a problem to another SARA stage, with notes. Closing it is refused (CONFLICT) while a commission task that blocks it is open.' })
  @Roles(...STAFF_READ_ROLES)
  async advanceProblem(
    @CurrentUser() user: AuthenticatedUser,
    @Args('id', { type: () => ID, description: 'Problem id.' }) id: string,
    @Args('stage', { description: 'scanning, analysis, response, assessment or closed.' }) stage: string,
    @Args('notes', { type: () => String, nullable: true, description: 'What was found or done.' }) notes?: string,
  ) {
    await this.service.advance(user, id, stage, notes ?? null);
    return true;
  }
}

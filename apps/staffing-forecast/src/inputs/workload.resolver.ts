import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, forbidden, Roles, type AuthenticatedUser } from '@seriktes/auth';
import { parsePrecinctCode } from '@seriktes/contracts';
import { invalidInput } from '@seriktes/runtime';
import { mayReadRuns, READ_ROLES } from '../access';
import { WorkloadInputNode } from '../graphql.types';
import { ResultsService } from '../runs/results.service';

@Resolver()
export class WorkloadResolver {
  constructor(private readonly results: ResultsService) {}

  @Query(() => WorkloadInputNode, { description: 'What the staffing models read for a precinct: requests by month and category, police commission tasks, roster figures and trust.' })
  @Roles(...READ_ROLES)
  async workloadInput(
    @CurrentUser() user: AuthenticatedUser,
    @Args('precinctCode', { description: 'Precinct code, e.g. AST-ESL-01.' }) precinctCode: string,
    @Args('months', { type: () => Int, nullable: true, description: 'Months back, the current one included (default 12, at most 120).' }) months: number | null,
  ): Promise<WorkloadInputNode> {
    if (!parsePrecinctCode(precinctCode)) throw invalidInput([{ field: 'precinctCode', message: 'must be a precinct code like AST-ESL-01' }]);
    const span = months ?? 12;
    if (!Number.isInteger(span) || span < 1 || span > 120) throw invalidInput([{ field: 'months', message: 'must be from 1 to 120' }]);
    if (!mayReadRuns(user, precinctCode)) throw forbidden(`the workload of ${precinctCode} is outside your territory`);
    return this.results.workloadInput(precinctCode, span);
  }
}

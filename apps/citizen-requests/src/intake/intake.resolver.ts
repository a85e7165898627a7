import { Args, ID, Int, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { CurrentUser, Roles, type AuthenticatedUser } from '@seriktes/auth';
import { parsePrecinctCode } from '@seriktes/contracts';
import { badUserInput, pageArgs, toConnection, withCursorErrors, type Connection } from '@seriktes/graphql';
import { READ_ROLES } from './access';
import { CitizenRequestConnection, CitizenRequestNode, PrecinctRef, toNode } from './graphql.types';
import { IntakeService, requestCursor } from './intake.service';


@Resolver(() => CitizenRequestNode)
export class CitizenRequestResolver {
  constructor(private readonly intake: IntakeService) {}

  @Query(() => CitizenRequestConnection, {
    description: 'Citizen requests within your jurisdiction (a district inspector sees their precinct, a unit head their district, a department head their region, a citizen their own), newest first.',
  })
  @Roles(...READ_ROLES)
  async citizenRequests(
    @CurrentUser() user: AuthenticatedUser,
    @Args('precinctId', { type: () => ID, nullable: true, description: 'Only this precinct (must be within your jurisdiction).' }) precinctId?: string,
    @Args('first', { type: () => Int, nullable: true, description: 'Page size, 1 to 100 (default 20).' }) first?: number,
    @Args('after', { nullable: true, description: 'endCursor of the previous page.' }) after?: string,
  ): Promise<Connection<CitizenRequestNode>> {
    if (precinctId !== undefined && precinctId !== null && !parsePrecinctCode(precinctId)) {
      throw badUserInput([{ field: 'precinctId', message: 'must be a precinct code like AST-ESL-01' }]);
    }
    const page = pageArgs(first, after);
    const result = await withCursorErrors(() => this.intake.list(user, { precinctCode: precinctId ?? undefined }, page, 'graphql:Query.citizenRequests'));
    return toConnection(result.rows, result.size, toNode, requestCursor, result.totalCount);
  }

  @Query(() => CitizenRequestNode, { nullable: true, description: 'One citizen request by id; null if none exists, FORBIDDEN if outside your jurisdiction.' })
  @Roles(...READ_ROLES)
  async citizenRequest(
    @CurrentUser() user: AuthenticatedUser,
    @Args('id', { type: () => ID, description: 'Id of the request.' }) id: string,
  ): Promise<CitizenRequestNode | null> {
    const found = await this.intake.find(id, user, 'graphql:Query.citizenRequest');
    return found ? toNode(found) : null;
  }
}

@Resolver(() => PrecinctRef)
export class PrecinctRequestsResolver {
  constructor(private readonly intake: IntakeService) {}

  @ResolveReference()
  resolveReference(reference: { __typename: string; id: string }): PrecinctRef {
    return { id: reference.id };
  }

  @ResolveField(() => CitizenRequestConnection, {
    nullable: true,
    description: 'Requests of this precinct, newest first (police roles, within their jurisdiction); null with a FORBIDDEN error for other roles.',
  })
  @Roles(...READ_ROLES)
  async requests(
    @Parent() precinct: PrecinctRef,
    @CurrentUser() user: AuthenticatedUser,
    @Args('first', { type: () => Int, nullable: true, description: 'Page size, 1 to 100 (default 20).' }) first?: number,
    @Args('after', { nullable: true, description: 'endCursor of the previous page.' }) after?: string,
  ): Promise<Connection<CitizenRequestNode>> {
    const page = pageArgs(first, after);
    const result = await withCursorErrors(() => this.intake.list(user, { precinctCode: precinct.id }, page, 'graphql:Precinct.requests'));
    return toConnection(result.rows, result.size, toNode, requestCursor, result.totalCount);
  }
}

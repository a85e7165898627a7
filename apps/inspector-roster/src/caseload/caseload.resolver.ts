import { Args, ID, Int, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { CurrentUser, Roles, type AuthenticatedUser } from '@seriktes/auth';
import { encodeCursor, pageArgs, toConnection, withCursorErrors, type Connection } from '@seriktes/graphql';
import type { PrecinctCode } from '@seriktes/contracts';
import { CASELOAD_READ_ROLES } from './access';
import { CaseloadService } from './caseload.service';
import { PrecinctCaseloadNode, PrecinctConnection, PrecinctNode } from './graphql.types';

const node = (precinct: PrecinctCode): PrecinctNode => ({ id: precinct.id, regionCode: precinct.regionCode, districtCode: precinct.districtCode });

@Resolver(() => PrecinctNode)
@Roles(...CASELOAD_READ_ROLES)
export class PrecinctResolver {
  constructor(private readonly service: CaseloadService) {}

  @Query(() => PrecinctNode, { nullable: true, description: 'A precinct by code; null if the code is malformed, FORBIDDEN if outside your jurisdiction.' })
  precinct(@Args('id', { type: () => ID, description: 'Precinct code, e.g. AST-ESL-01.' }) id: string, @CurrentUser() user: AuthenticatedUser): PrecinctNode | null {
    const precinct = this.service.precinct(id, user);
    return precinct ? node(precinct) : null;
  }

  @Query(() => PrecinctConnection, { description: 'Precincts within your jurisdiction that have received requests, ordered by code.' })
  async precincts(
    @CurrentUser() user: AuthenticatedUser,
    @Args('first', { type: () => Int, nullable: true, description: 'Page size, 1 to 100 (default 20).' }) first?: number,
    @Args('after', { nullable: true, description: 'endCursor of the previous page.' }) after?: string,
  ): Promise<Connection<PrecinctNode>> {
    const page = pageArgs(first, after);
    const rows = await withCursorErrors(() => this.service.precincts(user, page));
    return toConnection(rows, page.size, node, (p) => encodeCursor([p.id]));
  }

  /** A precinct referenced by another subgraph (e.g. a citizen request's precinct): same jurisdiction rule. */
  @ResolveReference()
  resolveReference(@Parent() reference: { __typename: string; id: string }, @CurrentUser() user: AuthenticatedUser): PrecinctNode | null {
    const precinct = this.service.precinct(reference.id, user);
    return precinct ? node(precinct) : null;
  }

  @ResolveField(() => PrecinctCaseloadNode, { description: 'Requests received by the precinct so far.' })
  async caseload(@Parent() precinct: PrecinctNode): Promise<PrecinctCaseloadNode> {
    const view = await this.service.caseload(precinct.id);
    return { registeredRequests: view.registeredRequests, lastRequestAt: view.lastRequestAt };
  }
}

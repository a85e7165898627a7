import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { AuditLog } from '@seriktes/audit';
import { concernsTerritory, CurrentUser, describeJurisdiction, forbidden, Roles, type AuthenticatedUser } from '@seriktes/auth';
import { badUserInput, encodeCursor, pageSize, type Connection } from '@seriktes/graphql';
import { WORKFORCE_READ_ROLES } from '../access';
import { localDateOf } from '../duty/rules/time';
import { actorOf } from '../inspectors/assignment.service';
import { PrecinctWorkforceConnection, PrecinctWorkforceNode, toPrecinctWorkforceNode } from './graphql.types';
import { checkWorkforceArgs, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, MAX_YEAR, MIN_YEAR } from './workforce';
import { WorkforceService } from './workforce.service';

/**
 * Precinct workforce for the staffing forecast: officers per precinct and their yearly available
 * hours, summed. Personnel data in aggregate, so for the roster's readers (not inspectors) within
 * their territory; every page read is audited.
 */
@Resolver()
export class WorkforceResolver {
  constructor(
    private readonly workforce: WorkforceService,
    private readonly audit: AuditLog,
  ) {}

  @Query(() => PrecinctWorkforceConnection, {
    description:
      'Per precinct within your jurisdiction (HQ, platform services and administrators: all; a department head, planner or analyst with a region: the region; a unit head: the district), by code: population, area, settlement type, the officers serving it and their yearly scheduled, leave, holiday and available hours, summed. Aggregates only.',
  })
  @Roles(...WORKFORCE_READ_ROLES)
  async precinctWorkforce(
    @CurrentUser() user: AuthenticatedUser,
    @Args('year', { type: () => Int, description: `Calendar year of the hours, ${MIN_YEAR} to ${MAX_YEAR}; officers are counted today in the current year, otherwise on 1 January.` }) year: number,
    @Args('regionCode', { type: () => String, nullable: true, description: 'Only this region, e.g. AST (refused outside your jurisdiction).' }) regionCode?: string | null,
    @Args('districtCode', { type: () => String, nullable: true, description: 'Only this district, e.g. AST-ESL (refused outside your jurisdiction).' }) districtCode?: string | null,
    @Args('first', { type: () => Int, nullable: true, description: `Page size, 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).` }) first?: number | null,
    @Args('after', { type: () => String, nullable: true, description: 'endCursor of the previous page.' }) after?: string | null,
  ): Promise<Connection<PrecinctWorkforceNode>> {
    const errors = checkWorkforceArgs({ year, regionCode, districtCode, first, after });
    if (errors.length) throw badUserInput(errors);
    for (const code of [regionCode, districtCode]) {
      if (code && !concernsTerritory(user.jurisdiction, code)) {
        await this.audit.record({ actor: actorOf(user), action: 'denied', entity: 'precinct_workforce', purpose: 'graphql:precinctWorkforce', details: { territory: code, jurisdiction: describeJurisdiction(user.jurisdiction) } });
        throw forbidden(`${code} is outside your jurisdiction (${describeJurisdiction(user.jurisdiction)})`);
      }
    }
    const size = pageSize(first, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
    const page = await this.workforce.page(user.jurisdiction, { year, regionCode: regionCode ?? undefined, districtCode: districtCode ?? undefined }, { size, after: after ?? undefined }, localDateOf(new Date()));
    await this.audit.record({
      actor: actorOf(user),
      action: 'read',
      entity: 'precinct_workforce',
      purpose: 'graphql:precinctWorkforce',
      details: { year, regionCode: regionCode ?? null, districtCode: districtCode ?? null, first: size, after: after ?? null, precincts: page.rows.length },
    });
    const edges = page.rows.map((row) => ({ cursor: encodeCursor([row.code]), node: toPrecinctWorkforceNode(row) }));
    return { edges, pageInfo: { endCursor: edges.length ? edges[edges.length - 1].cursor : null, hasNextPage: page.hasNextPage }, totalCount: page.totalCount };
  }
}

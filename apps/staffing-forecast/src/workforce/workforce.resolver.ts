import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, Roles, type AuthenticatedUser } from '@seriktes/auth';
import { invalidInput } from '@seriktes/runtime';
import { FACT_ROLES, READ_ROLES } from '../access';
import { WorkforceFactInput, WorkforceFactNode, WorkforceImportNode } from '../graphql.types';
import { periodOf } from './facts';
import { WorkforceService, type FactRow } from './workforce.service';

function factNode(r: FactRow): WorkforceFactNode {
  return {
    territoryCode: r.territory_code,
    period: r.period,
    authorised: r.authorised,
    filled: r.filled,
    hires: r.hires,
    departuresRetirement: r.departures_retirement,
    departuresOwnRequest: r.departures_own_request,
    departuresNegative: r.departures_negative,
    departuresTransfer: r.departures_transfer,
    departuresOther: r.departures_other,
    expectedRetirements: r.expected_retirements,
    trainingLeadMonths: r.training_lead_months,
    source: r.source,
    enteredBy: r.entered_by,
  };
}

@Resolver()
export class WorkforceResolver {
  constructor(private readonly workforce: WorkforceService) {}

  @Mutation(() => WorkforceFactNode, { description: 'Records (or corrects) the workforce facts of a territory for a month (HR planners within their territory).' })
  @Roles(...FACT_ROLES)
  async recordWorkforceFacts(@CurrentUser() user: AuthenticatedUser, @Args('input', { type: () => WorkforceFactInput, description: 'The facts.' }) input: WorkforceFactInput): Promise<WorkforceFactNode> {
    return factNode(await this.workforce.record(user, { ...input }));
  }

  @Mutation(() => WorkforceImportNode, {
    description:
      'Imports workforce facts from CSV (columns territory_code, period, authorised, filled, hires, departures_retirement, departures_own_request, departures_negative, ' +
      'departures_transfer, departures_other, expected_retirements, training_lead_months; `,` or `;`). Every row is checked; any refused row means nothing is written.',
  })
  @Roles(...FACT_ROLES)
  async importWorkforceFacts(@CurrentUser() user: AuthenticatedUser, @Args('csv', { description: 'The file’s text (UTF-8).' }) csv: string): Promise<WorkforceImportNode> {
    return this.workforce.import(user, csv);
  }

  @Query(() => [WorkforceFactNode], { description: 'Workforce facts of a territory and the territories in it, by territory and month.' })
  @Roles(...READ_ROLES)
  async workforceFacts(
    @CurrentUser() user: AuthenticatedUser,
    @Args('territory', { description: 'KAZ, a region, a district or a precinct code.' }) territory: string,
    @Args('from', { type: () => String, nullable: true, description: 'First month, YYYY-MM.' }) from: string | null,
    @Args('to', { type: () => String, nullable: true, description: 'Last month, YYYY-MM.' }) to: string | null,
  ): Promise<WorkforceFactNode[]> {
    const errors = [];
    const fromMonth = from ? periodOf(from) : null;
    const toMonth = to ? periodOf(to) : null;
    if (from && !fromMonth) errors.push({ field: 'from', message: 'must be a month like 2026-01' });
    if (to && !toMonth) errors.push({ field: 'to', message: 'must be a month like 2026-12' });
    if (territory !== 'KAZ' && !/^[A-Z]{3}(-[A-Z]{3}(-[0-9]{2,3})?)?$/.test(territory)) errors.push({ field: 'territory', message: 'must be KAZ, a region, a district or a precinct code' });
    if (errors.length) throw invalidInput(errors);
    return (await this.workforce.list(user, territory, fromMonth, toMonth)).map(factNode);
  }
}

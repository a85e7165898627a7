import { Args, ID, Int, Mutation, Parent, Query, ResolveField, ResolveReference, Resolver } from '@nestjs/graphql';
import { CurrentUser, forbidden, Roles, type AuthenticatedUser } from '@seriktes/auth';
import { toConnection, type Connection } from '@seriktes/graphql';
import { invalidInput, isUuid } from '@seriktes/runtime';
import { mayReadPublished, PLANNER_ROLES, PUBLISH_ROLES, READ_ROLES, SUMMARY_ROLES, WHAT_IF_ROLES } from '../access';
import {
  DistrictForecastNode,
  ForecastRunNode,
  PrecinctNeedConnection,
  PrecinctRef,
  PrecinctStaffingNode,
  RunComparisonNode,
  RunForecastInput,
  ScenarioEnum,
  ScenarioNode,
  StaffingGapNode,
  StaffingModelEnum,
  StaffingNeedNode,
  StaffingParametersInput,
} from '../graphql.types';
import type { ScenarioName } from '../models/scenarios';
import { districtNode, precinctNode, runNode, scenarioNodes, whatIfNode } from './mappers';
import type { StaffingParameters } from './parameters';
import { ResultsService } from './results.service';
import { RunService, type DistrictResult, type RunRequest } from './run.service';

/** The model parameters as given through GraphQL, as a partial parameter set (the rest: defaults). */
export function parametersOf(input: StaffingParametersInput | null | undefined): Partial<StaffingParameters> {
  if (!input) return {};
  const out: Partial<StaffingParameters> = {};
  const set = <K extends keyof StaffingParameters>(key: K, value: StaffingParameters[K] | null | undefined) => {
    if (value !== null && value !== undefined) out[key] = value;
  };
  set('obligatedShare', input.obligatedShare);
  if (input.residentsPerInspectorUrban != null || input.residentsPerInspectorRural != null) {
    out.residentsPerInspector = { urban: input.residentsPerInspectorUrban ?? 3000, rural: input.residentsPerInspectorRural ?? 2000 };
  }
  set('handlingTimeSource', input.handlingTimeSource);
  if (input.handlingHours) out.handlingHours = Object.fromEntries(input.handlingHours.map((h) => [h.category, h.hours]));
  set('taskHours', input.taskHours);
  set('availableHoursPerInspector', input.availableHoursPerInspector);
  set('coverageHoursPerDay', input.coverageHoursPerDay);
  set('timeCriticalCategories', input.timeCriticalCategories);
  set('minUnitFree', input.minUnitFree);
  set('historyMonths', input.historyMonths);
  set('trustWeight', input.trustWeight);
  if (input.weightWorkload != null || input.weightPopulation != null || input.weightRisk != null) {
    out.allocationWeights = { workload: input.weightWorkload ?? 0.6, population: input.weightPopulation ?? 0.3, risk: input.weightRisk ?? 0.1 };
  }
  set('maxChangeShare', input.maxChangeShare);
  set('floor', input.floor);
  set('allocationTotal', input.allocationTotal);
  return out;
}

function uuid(value: string, field: string): string {
  if (!isUuid(value)) throw invalidInput([{ field, message: 'must be a run id (UUID)' }]);
  return value;
}

@Resolver(() => ForecastRunNode)
export class RunResolver {
  constructor(
    private readonly runs: RunService,
    private readonly results: ResultsService,
  ) {}

  @Query(() => StaffingNeedNode, { description: 'What-if: inspectors needed per precinct and district of a scope by every model, with the given parameters; nothing is stored.' })
  @Roles(...WHAT_IF_ROLES)
  async staffingNeed(
    @CurrentUser() user: AuthenticatedUser,
    @Args('scope', { description: 'KAZ, a region, a district or a precinct code.' }) scope: string,
    @Args('model', { type: () => StaffingModelEnum, nullable: true, description: 'Headline model (default combined).' }) model: StaffingModelEnum | null,
    @Args('parameters', { type: () => StaffingParametersInput, nullable: true, description: 'Parameters; defaults where left out.' }) parameters: StaffingParametersInput | null,
    @Args('horizonMonths', { type: () => Int, nullable: true, description: 'Horizon in months (default 12).' }) horizonMonths: number | null,
    @Args('scenario', { type: () => ScenarioEnum, nullable: true, description: 'Scenario (default neutral).' }) scenario: ScenarioEnum | null,
  ): Promise<StaffingNeedNode> {
    const request: RunRequest = { scopeCode: scope, horizonMonths: horizonMonths ?? 12, scenario: (scenario ?? 'neutral') as ScenarioName, model: model ?? StaffingModelEnum.combined, parameters: parametersOf(parameters) };
    return whatIfNode(await this.runs.whatIf(user, request));
  }

  @Mutation(() => ForecastRunNode, { description: 'Queues a forecast run for a scope, horizon and scenario; poll `forecastRun` for its progress and results.' })
  @Roles(...PLANNER_ROLES)
  async runForecast(@CurrentUser() user: AuthenticatedUser, @Args('input', { type: () => RunForecastInput, description: 'Scope, horizon, scenario, model and parameters.' }) input: RunForecastInput): Promise<ForecastRunNode> {
    const row = await this.runs.request(user, {
      scopeCode: input.scope,
      horizonMonths: input.horizonMonths,
      scenario: (input.scenario ?? 'neutral') as ScenarioName,
      model: input.model ?? StaffingModelEnum.combined,
      parameters: parametersOf(input.parameters),
      note: input.note ?? null,
    });
    return runNode(row);
  }

  @Mutation(() => ForecastRunNode, { description: 'Publishes a finished run as the basis of staffing proposals (department head of the region, or HQ); emits forecast.published for partners.' })
  @Roles(...PUBLISH_ROLES)
  async publishForecastRun(@CurrentUser() user: AuthenticatedUser, @Args('id', { type: () => ID, description: 'The run.' }) id: string): Promise<ForecastRunNode> {
    return runNode(await this.runs.publish(user, uuid(id, 'id')));
  }

  @Query(() => ForecastRunNode, { nullable: true, description: 'A forecast run with its progress, summary, districts and precinct results; null if there is none.' })
  @Roles(...READ_ROLES)
  async forecastRun(@CurrentUser() user: AuthenticatedUser, @Args('id', { type: () => ID, description: 'The run.' }) id: string): Promise<ForecastRunNode | null> {
    const row = await this.runs.get(user, uuid(id, 'id'));
    return row ? runNode(row) : null;
  }

  @Query(() => [ForecastRunNode], { description: 'Recent forecast runs within your territory, newest first.' })
  @Roles(...READ_ROLES)
  async forecastRuns(
    @CurrentUser() user: AuthenticatedUser,
    @Args('scope', { type: () => String, nullable: true, description: 'Only runs of this scope.' }) scope: string | null,
    @Args('first', { type: () => Int, nullable: true, description: 'How many (default 20, at most 100).' }) first: number | null,
  ): Promise<ForecastRunNode[]> {
    const size = first ?? 20;
    if (size < 1 || size > 100) throw invalidInput([{ field: 'first', message: 'must be from 1 to 100' }]);
    return (await this.runs.list(user, scope ?? null, size)).map(runNode);
  }

  @Query(() => [RunComparisonNode], { description: 'Two runs side by side per precinct, with the inputs and parameters that differ.' })
  @Roles(...READ_ROLES)
  async compareForecastRuns(
    @CurrentUser() user: AuthenticatedUser,
    @Args('a', { type: () => ID, description: 'The first run.' }) a: string,
    @Args('b', { type: () => ID, description: 'The second run.' }) b: string,
  ): Promise<RunComparisonNode[]> {
    return this.results.compare(user, uuid(a, 'a'), uuid(b, 'b'));
  }

  @Query(() => [StaffingGapNode], { description: 'Need against filled and authorised posts per district of a scope, from the latest published run (police planners: the latest finished one when none is published).' })
  @Roles(...SUMMARY_ROLES)
  async staffingGap(@CurrentUser() user: AuthenticatedUser, @Args('scope', { description: 'KAZ, a region, a district or a precinct code.' }) scope: string): Promise<StaffingGapNode[]> {
    return this.results.gap(user, scope);
  }

  @Query(() => [ScenarioNode], { description: 'The named scenarios and their parameters.' })
  @Roles(...SUMMARY_ROLES)
  staffingScenarios(): ScenarioNode[] {
    return scenarioNodes();
  }

  @ResolveField(() => [DistrictForecastNode], { description: 'Per district: need, serving, allocated, filled, authorised and supply to the horizon.' })
  async districts(@Parent() run: ForecastRunNode): Promise<DistrictForecastNode[]> {
    const rows = await this.results.districts(run.id);
    return rows.map((d) =>
      districtNode({
        districtCode: d.district_code,
        regionCode: d.region_code,
        need: d.need,
        current: d.current,
        allocated: d.allocated,
        filled: d.filled,
        authorised: d.authorised,
        filledAtHorizon: d.filled_at_horizon,
        gap: 0,
        supply: Object.keys(d.supply).length ? (d.supply as unknown as DistrictResult['supply']) : null,
      }),
    ).map((node, i) => ({ ...node, gap: Math.round((rows[i].need - (rows[i].filled_at_horizon ?? rows[i].filled ?? rows[i].current)) * 10) / 10 }));
  }

  @ResolveField(() => PrecinctNeedConnection, { description: 'Per precinct results with explanations, by code.' })
  async precincts(
    @Parent() run: ForecastRunNode,
    @Args('districtCode', { type: () => String, nullable: true, description: 'Only this district.' }) districtCode: string | null,
    @Args('first', { type: () => Int, nullable: true, description: 'Page size (default 50, at most 500).' }) first: number | null,
    @Args('after', { type: () => String, nullable: true, description: 'Cursor: the precinct code after which to start.' }) after: string | null,
  ): Promise<Connection<ReturnType<typeof precinctNode>>> {
    const size = first ?? 50;
    if (size < 1 || size > 500) throw invalidInput([{ field: 'first', message: 'must be from 1 to 500' }]);
    const rows = await this.results.precincts(run.id, districtCode ?? null, size, after ?? null);
    return toConnection(rows, size, precinctNode, (r) => r.precinct_code, run.summary?.precincts);
  }
}

/** `Precinct.staffing` through federation: the latest published figures of the precinct. */
@Resolver(() => PrecinctRef)
export class PrecinctStaffingResolver {
  constructor(private readonly results: ResultsService) {}

  @ResolveReference()
  resolveReference(@Parent() reference: { __typename: string; id: string }): PrecinctRef {
    return { id: reference.id };
  }

  @ResolveField(() => PrecinctStaffingNode, { nullable: true, description: 'Latest published staffing figures of the precinct (need, serving, allocated); null before any is published.' })
  @Roles(...SUMMARY_ROLES)
  async staffing(@Parent() precinct: PrecinctRef, @CurrentUser() user: AuthenticatedUser): Promise<PrecinctStaffingNode | null> {
    if (!mayReadPublished(user, precinct.id)) throw forbidden(`staffing figures of ${precinct.id} are not within your territory`);
    return (await this.results.precinctStaffing(precinct.id)) as PrecinctStaffingNode | null;
  }
}

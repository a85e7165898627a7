import { Directive, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType, LocalizedTextNode } from '@seriktes/graphql';

export enum StaffingModelEnum {
  workload = 'workload',
  population = 'population',
  queueing = 'queueing',
  combined = 'combined',
}
registerEnumType(StaffingModelEnum, {
  name: 'StaffingModel',
  description: 'Which model gives the headline need (all are always computed and explained).',
  valuesMap: {
    workload: { description: 'Wilson & Weiss workload: hours of obligated work / target share / available hours.' },
    population: { description: 'Residents per inspector, by settlement type.' },
    queueing: { description: 'Erlang C: inspectors on duty so that urgent calls find one free, times the shift relief factor.' },
    combined: { description: 'The larger of workload and queueing (Police Allocation Manual).' },
  },
});

export enum ScenarioEnum {
  ideal = 'ideal',
  positive = 'positive',
  neutral = 'neutral',
  negative = 'negative',
}
registerEnumType(ScenarioEnum, { name: 'ForecastScenario', description: 'Named parameter sets of the long-term method (seed-004: ideal, positive, neutral, negative).' });

export enum RunStatusEnum {
  queued = 'queued',
  running = 'running',
  succeeded = 'succeeded',
  failed = 'failed',
}
registerEnumType(RunStatusEnum, { name: 'ForecastRunStatus', description: 'Where a forecast run is.' });

export enum HandlingTimeSourceEnum {
  norm = 'norm',
  measured = 'measured',
}
registerEnumType(HandlingTimeSourceEnum, {
  name: 'HandlingTimeSource',
  description: 'Where hours per request come from.',
  valuesMap: {
    norm: { description: 'The effort norm of the category (hours of work).' },
    measured: { description: 'The measured time from assignment to answer (elapsed, not effort: an upper bound).' },
  },
});

export enum AllocationTotalEnum {
  current = 'current',
  authorised = 'authorised',
}
registerEnumType(AllocationTotalEnum, { name: 'AllocationTotal', description: 'What the allocation shares within each district: the officers serving now or the authorised posts.' });

@ObjectType('Precinct', { description: 'An administrative precinct (owned by inspector-roster).' })
@Directive('@key(fields: "id")')
export class PrecinctRef {
  @Field(() => ID, { description: 'Precinct code, e.g. AST-ESL-01.' })
  id!: string;
}

@InputType('CategoryHoursInput', { description: 'An effort norm for one category.' })
export class CategoryHoursInput {
  @Field({ description: 'Category code, e.g. domestic-violence.' })
  category!: string;

  @Field(() => Float, { description: 'Hours of an inspector’s work per request.' })
  hours!: number;
}

@InputType('StaffingParametersInput', { description: 'Parameters of the models; each one left out keeps its default (see `staffingDefaults`).' })
export class StaffingParametersInput {
  @Field(() => Float, { nullable: true, description: 'p: target share of on-duty time on obligated work (default 0.6, the Rule of 60).' })
  obligatedShare?: number | null;

  @Field(() => Int, { nullable: true, description: 'Residents per inspector in urban precincts (default 3,000).' })
  residentsPerInspectorUrban?: number | null;

  @Field(() => Int, { nullable: true, description: 'Residents per inspector in rural precincts (default 2,000).' })
  residentsPerInspectorRural?: number | null;

  @Field(() => HandlingTimeSourceEnum, { nullable: true, description: 'Effort norms (default) or measured elapsed times.' })
  handlingTimeSource?: HandlingTimeSourceEnum | null;

  @Field(() => [CategoryHoursInput], { nullable: true, description: 'Effort norms to change, by category.' })
  handlingHours?: CategoryHoursInput[] | null;

  @Field(() => Float, { nullable: true, description: 'Hours of work per commission task assigned to the police (default 8).' })
  taskHours?: number | null;

  @Field(() => Float, { nullable: true, description: 'Net available hours per inspector a year; by default from the roster’s shifts and leave.' })
  availableHoursPerInspector?: number | null;

  @Field(() => Float, { nullable: true, description: 'Hours a day the urgent response of a precinct is covered (default 8).' })
  coverageHoursPerDay?: number | null;

  @Field(() => [String], { nullable: true, description: 'Time-critical categories (line-102 calls always are; default domestic-violence, crime-threat-tip).' })
  timeCriticalCategories?: string[] | null;

  @Field(() => Float, { nullable: true, description: 'Share of urgent calls that must find an inspector free (default 0.9).' })
  minUnitFree?: number | null;

  @Field(() => Int, { nullable: true, description: 'Months of history the demand models read (default 36).' })
  historyMonths?: number | null;

  @Field(() => Float, { nullable: true, description: 'Weight of low trust in the risk indicator (default 0.5).' })
  trustWeight?: number | null;

  @Field(() => Float, { nullable: true, description: 'Allocation weight of the workload need (default 0.6).' })
  weightWorkload?: number | null;

  @Field(() => Float, { nullable: true, description: 'Allocation weight of the population need (default 0.3).' })
  weightPopulation?: number | null;

  @Field(() => Float, { nullable: true, description: 'Allocation weight of risk (default 0.1).' })
  weightRisk?: number | null;

  @Field(() => Float, { nullable: true, description: 'Damping: the largest share by which a precinct’s inspectors may change in a year (default 0.1).' })
  maxChangeShare?: number | null;

  @Field(() => Int, { nullable: true, description: 'Fewest inspectors a precinct keeps (default 1).' })
  floor?: number | null;

  @Field(() => AllocationTotalEnum, { nullable: true, description: 'Share the officers serving now (default) or the authorised posts.' })
  allocationTotal?: AllocationTotalEnum | null;
}

@InputType('RunForecastInput', { description: 'A forecast run to queue.' })
export class RunForecastInput {
  @Field({ description: 'Scope: KAZ (national), a region (AST), a district (AST-ESL) or a precinct (AST-ESL-01).' })
  scope!: string;

  @Field(() => Int, { description: 'Horizon in months: up to 12 short term, 13-36 medium, 37-120 long.' })
  horizonMonths!: number;

  @Field(() => ScenarioEnum, { nullable: true, description: 'Scenario (default neutral).' })
  scenario?: ScenarioEnum | null;

  @Field(() => StaffingModelEnum, { nullable: true, description: 'Headline model (default combined).' })
  model?: StaffingModelEnum | null;

  @Field(() => StaffingParametersInput, { nullable: true, description: 'Parameters; defaults where left out.' })
  parameters?: StaffingParametersInput | null;

  @Field(() => String, { nullable: true, description: 'Why the run was made (kept with it).' })
  note?: string | null;
}

@ObjectType('NamedValue', { description: 'One named number behind a figure.' })
export class NamedValueNode {
  @Field({ description: 'What it is.' })
  name!: string;

  @Field(() => Float, { description: 'Its value.' })
  value!: number;

  @Field(() => String, { nullable: true, description: 'Unit, e.g. h, requests, residents.' })
  unit?: string | null;

  @Field(() => String, { nullable: true, description: 'Where it came from or how it was used.' })
  note?: string | null;
}

@ObjectType('ModelExplanation', { description: 'How one model reached its figure: formula, parameters, inputs and intermediate values.' })
export class ModelExplanationNode {
  @Field({ description: 'workload, population, queueing, relief (shift relief factor) or risk.' })
  model!: string;

  @Field({ description: 'The formula, in words and symbols.' })
  formula!: string;

  @Field(() => [NamedValueNode], { description: 'Parameters used.' })
  parameters!: NamedValueNode[];

  @Field(() => [NamedValueNode], { description: 'Inputs read.' })
  inputs!: NamedValueNode[];

  @Field(() => [NamedValueNode], { description: 'Intermediate values.' })
  intermediate!: NamedValueNode[];

  @Field(() => Float, { description: 'The result (inspectors, or the factor/indicator for relief and risk).' })
  result!: number;
}

@ObjectType('CategoryDemand', { description: 'Requests of one category: history, forecast at the horizon and how good the forecast was in its backtest.' })
export class CategoryDemandNode {
  @Field({ description: 'Category code.' })
  category!: string;

  @Field(() => Float, { description: 'Requests in the last 12 months of history.' })
  lastYear!: number;

  @Field(() => Float, { description: 'Requests a year at the horizon (the 12 months ending at it).' })
  atHorizon!: number;

  @Field(() => Float, { description: 'Lower end of the 95 % prediction interval.' })
  lower!: number;

  @Field(() => Float, { description: 'Upper end of the 95 % prediction interval.' })
  upper!: number;

  @Field({ description: 'Forecasting method used (by history length and horizon).' })
  method!: string;

  @Field(() => Float, { nullable: true, description: 'Backtest MAPE (mean absolute percentage error) on held-out months; null without non-zero actuals.' })
  mape!: number | null;

  @Field(() => Float, { nullable: true, description: 'Backtest MASE (scaled by the in-sample seasonal naive error; below 1 beats it).' })
  mase!: number | null;

  @Field(() => Float, { nullable: true, description: 'MASE of the seasonal naive forecast on the same held-out months, for comparison.' })
  naiveMase!: number | null;

  @Field(() => Float, { description: 'Hours per request used.' })
  handlingHours!: number;

  @Field({ description: 'norm or measured.' })
  handlingSource!: string;

  @Field(() => Float, { description: 'Inspectors per request (measured when enough were answered, else 1).' })
  unitsPerRequest!: number;

  @Field(() => Float, { description: 'Of the requests at the horizon, the time-critical ones.' })
  timeCritical!: number;
}

@ObjectType('PrecinctNeed', { description: 'The staffing figures of one precinct, each open to its explanation.' })
export class PrecinctNeedNode {
  @Field({ description: 'Precinct code.' })
  precinctCode!: string;

  @Field(() => PrecinctRef, { description: 'The precinct (its name, boundary and inspectors through the gateway).' })
  precinct!: PrecinctRef;

  @Field({ description: 'District code.' })
  districtCode!: string;

  @Field(() => Float, { description: 'Inspectors needed by the headline model (FTE).' })
  need!: number;

  @Field(() => Float, { description: 'By the workload model (FTE).' })
  needWorkload!: number;

  @Field(() => Float, { description: 'By the population norm (FTE).' })
  needPopulation!: number;

  @Field(() => Float, { description: 'By Erlang C for urgent calls, times the shift relief factor (FTE).' })
  needQueueing!: number;

  @Field(() => Int, { description: 'Officers serving it now (roster).' })
  current!: number;

  @Field(() => Int, { description: 'Inspectors the damped allocation gives it within its district.' })
  allocated!: number;

  @Field(() => Int, { description: 'allocated − current.' })
  change!: number;

  @Field(() => String, { nullable: true, description: 'What held the allocation away from the undamped target: floor, damping-lower, damping-upper, or null.' })
  binding!: string | null;

  @Field(() => [ModelExplanationNode], { description: 'Every model’s formula, parameters, inputs and intermediate values.' })
  explanation!: ModelExplanationNode[];

  @Field(() => [CategoryDemandNode], { description: 'Demand by category behind the workload and queueing figures.' })
  demand!: CategoryDemandNode[];
}

export const PrecinctNeedConnection = ConnectionType(PrecinctNeedNode, 'PrecinctNeed', 'A page of precinct results of a forecast run.');

@ObjectType('SupplyPoint', { description: 'Filled strength expected at a month of the horizon.' })
export class SupplyPointNode {
  @Field(() => Int, { description: 'Months from the start.' })
  month!: number;

  @Field(() => Float, { description: 'Filled posts expected (expected value).' })
  filled!: number;

  @Field(() => Int, { description: 'Authorised posts then.' })
  authorised!: number;

  @Field(() => Float, { description: 'Vacant share of the authorised posts.' })
  vacancyRate!: number;
}

@ObjectType('DistrictForecast', { description: 'One district of a run: need against serving, filled and authorised, and supply to the horizon.' })
export class DistrictForecastNode {
  @Field({ description: 'District code.' })
  districtCode!: string;

  @Field(() => Float, { description: 'Inspectors needed at the horizon (sum over precincts).' })
  need!: number;

  @Field(() => Int, { description: 'Officers serving now.' })
  current!: number;

  @Field(() => Int, { description: 'What the damped allocation gives.' })
  allocated!: number;

  @Field(() => Int, { nullable: true, description: 'Filled posts (latest workforce facts); null without facts.' })
  filled!: number | null;

  @Field(() => Int, { nullable: true, description: 'Authorised posts (latest workforce facts); null without facts.' })
  authorised!: number | null;

  @Field(() => Float, { nullable: true, description: 'Filled strength expected at the horizon; null without facts.' })
  filledAtHorizon!: number | null;

  @Field(() => Float, { description: 'Need − expected strength at the horizon (positive: a shortfall).' })
  gap!: number;

  @Field(() => [SupplyPointNode], { description: 'Filled strength at the end of each year of the horizon.' })
  supply!: SupplyPointNode[];

  @Field(() => [NamedValueNode], { description: 'Basis of the supply forecast: annual departure rates by reason, hires a month, training lead time.' })
  supplyBasis!: NamedValueNode[];
}

@ObjectType('ForecastRunSummary', { description: 'Totals of a finished run.' })
export class RunSummaryNode {
  @Field(() => Int, { description: 'Precincts computed.' })
  precincts!: number;

  @Field(() => Float, { description: 'Inspectors needed.' })
  need!: number;

  @Field(() => Int, { description: 'Officers serving now.' })
  current!: number;

  @Field(() => Int, { description: 'Allocated (equals the total shared).' })
  allocated!: number;

  @Field(() => Int, { nullable: true, description: 'Filled posts where facts exist.' })
  filled!: number | null;

  @Field(() => Int, { nullable: true, description: 'Authorised posts where facts exist.' })
  authorised!: number | null;

  @Field(() => Float, { description: 'Sum of the districts’ gaps.' })
  gap!: number;

  @Field(() => Int, { description: 'Precincts whose allocation the damping held back.' })
  damped!: number;

  @Field(() => Int, { description: 'Computation time, milliseconds.' })
  durationMs!: number;
}

@ObjectType('ForecastRunProgress', { description: 'How far a run is.' })
export class RunProgressNode {
  @Field(() => Int, { description: 'Precincts computed.' })
  done!: number;

  @Field(() => Int, { description: 'Precincts in the scope (0 until known).' })
  total!: number;
}

@ObjectType('ForecastRun', { description: 'A stored forecast run: scope, horizon, scenario, parameters, progress and results.' })
export class ForecastRunNode {
  @Field(() => ID, { description: 'Run id.' })
  id!: string;

  @Field({ description: 'Scope code (KAZ, region, district or precinct).' })
  scope!: string;

  @Field(() => Int, { description: 'Horizon in months.' })
  horizonMonths!: number;

  @Field({ description: 'short (≤ 12 months), medium (13-36) or long (37-120).' })
  horizon!: string;

  @Field(() => ScenarioEnum, { description: 'Scenario.' })
  scenario!: ScenarioEnum;

  @Field(() => StaffingModelEnum, { description: 'Headline model.' })
  model!: StaffingModelEnum;

  @Field(() => [NamedValueNode], { description: 'Every parameter the run used (with defaults filled in).' })
  parameters!: NamedValueNode[];

  @Field(() => RunStatusEnum, { description: 'Status.' })
  status!: RunStatusEnum;

  @Field(() => RunProgressNode, { description: 'Progress.' })
  progress!: RunProgressNode;

  @Field(() => RunSummaryNode, { nullable: true, description: 'Totals once finished.' })
  summary!: RunSummaryNode | null;

  @Field(() => String, { nullable: true, description: 'Why it failed.' })
  error!: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was made.' })
  note!: string | null;

  @Field({ description: 'Who asked for it.' })
  createdBy!: string;

  @Field({ description: 'When it was asked for (its inputs are as of then).' })
  createdAt!: string;

  @Field(() => String, { nullable: true, description: 'When it finished.' })
  finishedAt!: string | null;

  @Field(() => String, { nullable: true, description: 'When it was published; null while a draft.' })
  publishedAt!: string | null;

  @Field(() => String, { nullable: true, description: 'Who published it.' })
  publishedBy!: string | null;
}

@ObjectType('StaffingNeed', { description: 'A what-if: every model for a scope with the given parameters, not stored.' })
export class StaffingNeedNode {
  @Field({ description: 'Scope code.' })
  scope!: string;

  @Field(() => StaffingModelEnum, { description: 'Headline model.' })
  model!: StaffingModelEnum;

  @Field(() => Int, { description: 'Horizon in months.' })
  horizonMonths!: number;

  @Field(() => ScenarioEnum, { description: 'Scenario.' })
  scenario!: ScenarioEnum;

  @Field(() => [NamedValueNode], { description: 'Parameters used.' })
  parameters!: NamedValueNode[];

  @Field(() => RunSummaryNode, { description: 'Totals.' })
  summary!: RunSummaryNode;

  @Field(() => [DistrictForecastNode], { description: 'Per district.' })
  districts!: DistrictForecastNode[];

  @Field(() => [PrecinctNeedNode], { description: 'Per precinct, with explanations.' })
  precincts!: PrecinctNeedNode[];
}

@ObjectType('RunComparison', { description: 'One precinct in two runs.' })
export class RunComparisonNode {
  @Field({ description: 'Precinct code.' })
  precinctCode!: string;

  @Field(() => Float, { nullable: true, description: 'Need in the first run (null: not in it).' })
  needA!: number | null;

  @Field(() => Float, { nullable: true, description: 'Need in the second run.' })
  needB!: number | null;

  @Field(() => Float, { nullable: true, description: 'needB − needA.' })
  needDelta!: number | null;

  @Field(() => Int, { nullable: true, description: 'Allocated in the first run.' })
  allocatedA!: number | null;

  @Field(() => Int, { nullable: true, description: 'Allocated in the second run.' })
  allocatedB!: number | null;

  @Field(() => [NamedValueNode], { description: 'Inputs and parameters that differ (first → second), e.g. requests a year of a category.' })
  differences!: NamedValueNode[];
}

@ObjectType('StaffingGap', { description: 'Need against filled and authorised posts for one district.' })
export class StaffingGapNode {
  @Field({ description: 'District code.' })
  districtCode!: string;

  @Field(() => Float, { description: 'Inspectors needed (from the run).' })
  need!: number;

  @Field(() => Int, { description: 'Officers serving (roster, at the run).' })
  current!: number;

  @Field(() => Int, { nullable: true, description: 'Filled posts (latest facts).' })
  filled!: number | null;

  @Field(() => Int, { nullable: true, description: 'Authorised posts (latest facts).' })
  authorised!: number | null;

  @Field(() => Float, { nullable: true, description: 'Vacant share of the authorised posts.' })
  vacancyRate!: number | null;

  @Field(() => Float, { nullable: true, description: 'Filled strength expected at the horizon.' })
  filledAtHorizon!: number | null;

  @Field(() => Float, { description: 'Need − expected strength (positive: a shortfall).' })
  gap!: number;

  @Field(() => ID, { description: 'The run the need comes from.' })
  runId!: string;

  @Field({ description: 'Whether that run is published (partners see published runs only).' })
  published!: boolean;
}

@ObjectType('PrecinctStaffing', { description: 'The latest published staffing figures of a precinct.' })
export class PrecinctStaffingNode {
  @Field(() => Float, { description: 'Inspectors needed (headline model).' })
  need!: number;

  @Field(() => Int, { description: 'Officers serving at the run.' })
  current!: number;

  @Field(() => Int, { description: 'What the allocation gives it.' })
  allocated!: number;

  @Field(() => Int, { description: 'Horizon of the run, months.' })
  horizonMonths!: number;

  @Field(() => ScenarioEnum, { description: 'Scenario of the run.' })
  scenario!: ScenarioEnum;

  @Field(() => ID, { description: 'The run.' })
  runId!: string;

  @Field({ description: 'When the run was published.' })
  publishedAt!: string;
}

@ObjectType('WorkloadMonth', { description: 'Requests of a precinct in one month and category, as gathered from events.' })
export class WorkloadMonthNode {
  @Field({ description: 'Month, YYYY-MM.' })
  month!: string;

  @Field({ description: 'Category code.' })
  category!: string;

  @Field(() => Int, { description: 'Requests registered.' })
  requests!: number;

  @Field(() => Int, { description: 'Of them, line-102 calls.' })
  line102!: number;

  @Field(() => Int, { description: 'Requests answered in the month.' })
  answered!: number;

  @Field(() => Float, { nullable: true, description: 'Mean hours from assignment to answer of those answered.' })
  meanElapsedHours!: number | null;

  @Field(() => Float, { nullable: true, description: 'Mean inspectors per answered request.' })
  unitsPerRequest!: number | null;
}

@ObjectType('WorkloadInput', { description: 'What the models read for a precinct: its requests by month and category, police commission tasks, roster figures and trust.' })
export class WorkloadInputNode {
  @Field({ description: 'Precinct code.' })
  precinctCode!: string;

  @Field(() => Int, { nullable: true, description: 'Population (roster); null before the first sync.' })
  population!: number | null;

  @Field(() => Int, { nullable: true, description: 'Officers serving (roster).' })
  officers!: number | null;

  @Field(() => Float, { nullable: true, description: 'Available hours per officer this year from shifts and leave (roster).' })
  availableHoursPerOfficer!: number | null;

  @Field(() => Int, { description: 'Requests registered in the months shown.' })
  requests!: number;

  @Field(() => Int, { description: 'Police commission tasks for the precinct itself in the months shown.' })
  tasks!: number;

  @Field(() => Float, { nullable: true, description: 'Latest trust figure (0-100) of the precinct, its district or region.' })
  trust!: number | null;

  @Field(() => [WorkloadMonthNode], { description: 'By month and category, oldest first.' })
  months!: WorkloadMonthNode[];
}

@ObjectType('ForecastScenarioDescription', { description: 'A named scenario and its parameters.' })
export class ScenarioNode {
  @Field(() => ScenarioEnum, { description: 'Code.' })
  code!: ScenarioEnum;

  @Field(() => LocalizedTextNode, { description: 'Name in three languages.' })
  name!: LocalizedTextNode;

  @Field(() => LocalizedTextNode, { description: 'What it assumes, in three languages.' })
  description!: LocalizedTextNode;

  @Field(() => [NamedValueNode], { description: 'Its parameters (population growth, 14-17 cohort growth, crime trend, turnover and hiring multipliers).' })
  parameters!: NamedValueNode[];
}

@ObjectType('WorkforceFact', { description: 'Workforce facts of a territory for one month.' })
export class WorkforceFactNode {
  @Field({ description: 'District (or precinct, region) code.' })
  territoryCode!: string;

  @Field({ description: 'Month, YYYY-MM.' })
  period!: string;

  @Field(() => Int, { description: 'Authorised posts.' })
  authorised!: number;

  @Field(() => Int, { description: 'Filled posts at the end of the month.' })
  filled!: number;

  @Field(() => Int, { description: 'Hires that joined in the month.' })
  hires!: number;

  @Field(() => Int, { description: 'Departures: retirement.' })
  departuresRetirement!: number;

  @Field(() => Int, { description: 'Departures: at own request.' })
  departuresOwnRequest!: number;

  @Field(() => Int, { description: 'Departures: negative reasons (dismissal for misconduct).' })
  departuresNegative!: number;

  @Field(() => Int, { description: 'Departures: transfer to another unit or service.' })
  departuresTransfer!: number;

  @Field(() => Int, { description: 'Departures: other reasons.' })
  departuresOther!: number;

  @Field(() => Int, { description: 'Retirements expected in the next 12 months.' })
  expectedRetirements!: number;

  @Field(() => Int, { nullable: true, description: 'Months from hiring to an inspector on duty.' })
  trainingLeadMonths!: number | null;

  @Field({ description: 'manual or csv.' })
  source!: string;

  @Field({ description: 'Who entered it.' })
  enteredBy!: string;
}

@InputType('WorkforceFactInput', { description: 'Workforce facts of a territory for one month.' })
export class WorkforceFactInput {
  @Field({ description: 'District (or precinct, region) code.' })
  territoryCode!: string;

  @Field({ description: 'Month, YYYY-MM (not in the future).' })
  period!: string;

  @Field(() => Int, { description: 'Authorised posts.' })
  authorised!: number;

  @Field(() => Int, { description: 'Filled posts at the end of the month.' })
  filled!: number;

  @Field(() => Int, { nullable: true, description: 'Hires that joined in the month.' })
  hires?: number | null;

  @Field(() => Int, { nullable: true, description: 'Departures: retirement.' })
  departuresRetirement?: number | null;

  @Field(() => Int, { nullable: true, description: 'Departures: at own request.' })
  departuresOwnRequest?: number | null;

  @Field(() => Int, { nullable: true, description: 'Departures: negative reasons.' })
  departuresNegative?: number | null;

  @Field(() => Int, { nullable: true, description: 'Departures: transfer.' })
  departuresTransfer?: number | null;

  @Field(() => Int, { nullable: true, description: 'Departures: other reasons.' })
  departuresOther?: number | null;

  @Field(() => Int, { nullable: true, description: 'Retirements expected in the next 12 months.' })
  expectedRetirements?: number | null;

  @Field(() => Int, { nullable: true, description: 'Months from hiring to an inspector on duty.' })
  trainingLeadMonths?: number | null;
}

@ObjectType('WorkforceImportError', { description: 'Why a line of an import was refused.' })
export class ImportErrorNode {
  @Field(() => Int, { description: 'Line of the file (the header is line 1).' })
  line!: number;

  @Field({ description: 'Column or field.' })
  field!: string;

  @Field({ description: 'What is wrong.' })
  message!: string;
}

@ObjectType('WorkforceImport', { description: 'Result of a CSV import: all lines or none.' })
export class WorkforceImportNode {
  @Field(() => Int, { description: 'Lines written (0 when any line was refused).' })
  imported!: number;

  @Field(() => [ImportErrorNode], { description: 'Every refused line and field.' })
  errors!: ImportErrorNode[];
}

/**
 * One precinct through every model (plain TypeScript, no framework): the demand of each category
 * projected to the horizon under a scenario, then the workload, population-norm and queueing
 * needs, each with the formula, parameters, inputs and intermediate values behind it, so the
 * figure can be opened and checked by hand. A run, a what-if and the benchmark all use this.
 */
import { ERLANG_FORMULA, smallestStaff } from '../models/erlang';
import { POPULATION_NORM_FORMULA, populationNorm, type SettlementType } from '../models/population-norm';
import { postHours, RELIEF_FORMULA, shiftReliefFactor } from '../models/relief';
import { projectDemand, SCENARIOS, type ScenarioName } from '../models/scenarios';
import { WORKLOAD_FORMULA, workloadNeed } from '../models/workload';
import type { StaffingModel, StaffingParameters } from './parameters';

export interface CategoryHistory {
  category: string;
  /** Requests per month, oldest first, one entry per month of the history window. */
  requests: number[];
  /** Of them, line-102 calls. */
  line102: number;
  /** Answered requests in the window, their summed elapsed hours (assignment to answer) and units. */
  answered: number;
  elapsedHours: number;
  units: number;
}

export interface PrecinctInput {
  code: string;
  districtCode: string;
  regionCode: string;
  population: number;
  settlementType: SettlementType;
  officers: number;
  officersWithSchedule: number;
  /** Sum of the available hours of its officers with schedules this year (roster). */
  availableHours: number;
  categories: CategoryHistory[];
  /** Commission tasks assigned to the police for it in the last 12 months (its share of district ones included). */
  tasksPerYear: number;
  /** Latest trust figure (0..100) of it or its district; null when none was published. */
  trust: number | null;
}

export interface NamedValue {
  name: string;
  value: number;
  unit?: string;
  note?: string;
}

export interface ModelExplanation {
  model: StaffingModel | 'relief' | 'risk';
  formula: string;
  parameters: NamedValue[];
  inputs: NamedValue[];
  intermediate: NamedValue[];
  result: number;
}

export interface CategoryDemand {
  category: string;
  /** Requests in the last 12 months of history. */
  lastYear: number;
  /** Requests a year at the horizon (the 12 months ending at it), with a 95 % interval. */
  atHorizon: number;
  lower: number;
  upper: number;
  method: string;
  mape: number | null;
  mase: number | null;
  naiveMase: number | null;
  handlingHours: number;
  handlingSource: 'norm' | 'measured';
  unitsPerRequest: number;
  timeCritical: number;
}

export interface PrecinctNeed {
  code: string;
  districtCode: string;
  regionCode: string;
  current: number;
  need: number;
  workload: number;
  population: number;
  queueing: number;
  risk: number;
  explanation: { models: ModelExplanation[]; demand: CategoryDemand[] };
}

export interface RunSettings {
  horizonMonths: number;
  scenario: ScenarioName;
  model: StaffingModel;
  parameters: StaffingParameters;
}

const HOURS_PER_YEAR = 8760;
const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;
const v = (name: string, value: number, unit?: string, note?: string): NamedValue => ({ name, value: round(value, 4), ...(unit ? { unit } : {}), ...(note ? { note } : {}) });

/** The demand of one category at the horizon: the 12 projected months ending at it. */
function demandAtHorizon(history: CategoryHistory, settings: RunSettings): { mean: number; lower: number; upper: number; method: string; mape: number | null; mase: number | null; naiveMase: number | null } {
  const months = Math.max(12, settings.horizonMonths);
  const projection = projectDemand({
    history: history.requests,
    months,
    scenario: SCENARIOS[settings.scenario].parameters,
    youthSensitive: history.category === 'minors',
  });
  const last = projection.monthly.slice(-12);
  const sum = (k: 'mean' | 'lower' | 'upper') => last.reduce((s, p) => s + p[k], 0);
  return { mean: sum('mean'), lower: sum('lower'), upper: sum('upper'), method: projection.method, mape: projection.base.backtest.mape, mase: projection.base.backtest.mase, naiveMase: projection.base.backtest.naiveMase };
}

/** Every model for one precinct. */
export function computePrecinct(input: PrecinctInput, settings: RunSettings): PrecinctNeed {
  const p = settings.parameters;
  const years = settings.horizonMonths / 12;
  const scenario = SCENARIOS[settings.scenario].parameters;
  const critical = new Set(p.timeCriticalCategories);

  const demand: CategoryDemand[] = input.categories.map((c) => {
    const d = demandAtHorizon(c, settings);
    const measured = p.handlingTimeSource === 'measured' && c.answered >= p.minMeasured;
    const handlingHours = measured ? c.elapsedHours / c.answered : (p.handlingHours[c.category] ?? p.defaultHandlingHours);
    const unitsPerRequest = c.answered >= p.minMeasured ? c.units / c.answered : 1;
    const total = c.requests.reduce((s, x) => s + x, 0);
    const line102Share = total > 0 ? c.line102 / total : 0;
    const timeCritical = critical.has(c.category) ? d.mean : d.mean * line102Share;
    return {
      category: c.category,
      lastYear: c.requests.slice(-12).reduce((s, x) => s + x, 0),
      atHorizon: round(d.mean),
      lower: round(d.lower),
      upper: round(d.upper),
      method: d.method,
      mape: d.mape === null ? null : round(d.mape, 4),
      mase: d.mase === null ? null : round(d.mase, 4),
      naiveMase: d.naiveMase === null ? null : round(d.naiveMase, 4),
      handlingHours: round(handlingHours),
      handlingSource: measured ? 'measured' : 'norm',
      unitsPerRequest: round(unitsPerRequest),
      timeCritical: round(timeCritical),
    };
  });

  // Available hours: the roster's shifts and leave, unless the planner set a figure.
  const rosterHours = input.officersWithSchedule > 0 ? input.availableHours / input.officersWithSchedule : null;
  const available = p.availableHoursPerInspector ?? rosterHours ?? p.fallbackAvailableHours;
  const availableNote = p.availableHoursPerInspector !== null ? 'set by the planner' : rosterHours !== null ? `roster: ${input.officersWithSchedule} officers' shifts and leave` : 'no schedules in the roster: the published worked example';

  const models: ModelExplanation[] = [];

  // Workload (Wilson & Weiss).
  const taskHours = input.tasksPerYear * p.taskHours;
  const w = workloadNeed(
    { lines: demand.map((d) => ({ category: d.category, requests: d.atHorizon, handlingHours: d.handlingHours, unitsPerRequest: d.unitsPerRequest })), otherHours: taskHours, availableHoursPerInspector: available },
    { obligatedShare: p.obligatedShare },
  );
  models.push({
    model: 'workload',
    formula: WORKLOAD_FORMULA,
    parameters: [v('p (obligated share)', p.obligatedShare), v('hours per commission task', p.taskHours, 'h'), v('handling time source', p.handlingTimeSource === 'norm' ? 0 : 1, undefined, p.handlingTimeSource)],
    inputs: [
      ...demand.map((d) => v(`requests a year: ${d.category}`, d.atHorizon, 'requests', `× ${d.handlingHours} h (${d.handlingSource}) × ${d.unitsPerRequest} units`)),
      v('commission tasks a year', input.tasksPerYear, 'tasks'),
      v('available hours per inspector', available, 'h', availableNote),
    ],
    intermediate: [...w.byCategory.map((c) => v(`W: ${c.category}`, c.hours, 'h')), v('W (commission tasks)', w.otherHours, 'h'), v('W', w.workloadHours, 'h'), v('hours needed = W / p', w.hoursNeeded, 'h')],
    result: round(w.fte),
  });

  // Population norm, with the scenario's population growth to the horizon.
  const population = input.population * (1 + scenario.populationGrowth) ** years;
  const pop = populationNorm({ population, settlementType: input.settlementType }, { residentsPerInspector: p.residentsPerInspector });
  models.push({
    model: 'population',
    formula: POPULATION_NORM_FORMULA,
    parameters: [v(`residents per inspector (${input.settlementType})`, pop.residentsPerInspector, 'residents'), v('population growth a year', scenario.populationGrowth)],
    inputs: [v('population now', input.population, 'residents')],
    intermediate: [v('population at the horizon', population, 'residents')],
    result: round(pop.fte),
  });

  // Shift relief factor of the urgent-response post, then Erlang C for the time-critical calls.
  const post = postHours(p.coverageHoursPerDay);
  const srf = shiftReliefFactor(post, available);
  models.push({
    model: 'relief',
    formula: RELIEF_FORMULA,
    parameters: [v('hours a day the post is covered', p.coverageHoursPerDay, 'h')],
    inputs: [v('post hours a year', post, 'h'), v('available hours per inspector', available, 'h', availableNote)],
    intermediate: [],
    result: round(srf),
  });
  const criticalCalls = demand.reduce((s, d) => s + d.timeCritical, 0);
  const criticalHours = criticalCalls > 0 ? demand.reduce((s, d) => s + d.timeCritical * d.handlingHours, 0) / criticalCalls : 0;
  const arrivalsPerHour = criticalCalls / HOURS_PER_YEAR;
  const staff = criticalCalls > 0 ? smallestStaff({ arrivalsPerHour, handlingHours: criticalHours }, { minUnitFree: p.minUnitFree }) : null;
  const servers = staff?.servers ?? 0;
  const queueFte = servers * srf;
  models.push({
    model: 'queueing',
    formula: `${ERLANG_FORMULA}; FTE = c × SRF`,
    parameters: [v('share of urgent calls finding an inspector free', p.minUnitFree)],
    inputs: [v('time-critical calls a year', criticalCalls, 'calls'), v('mean handling time of them', criticalHours, 'h'), v('SRF', srf)],
    intermediate: [
      v('λ (calls an hour)', arrivalsPerHour),
      v('A = λ × handling time (erlangs)', arrivalsPerHour * criticalHours),
      v('c: inspectors on duty', servers),
      ...(staff ? [v('P(wait)', staff.metrics.pWait), v('P(at least one free)', staff.metrics.pUnitFree)] : []),
    ],
    result: round(queueFte),
  });

  // Risk (for the allocation's weights): time-critical calls per 1,000 residents, weighed up where trust is low.
  const perThousand = input.population > 0 ? (criticalCalls / input.population) * 1000 : 0;
  const trustFactor = input.trust === null ? 1 : Math.max(0, 1 + (p.trustWeight * (50 - input.trust)) / 50);
  const risk = perThousand * trustFactor;
  models.push({
    model: 'risk',
    formula: 'risk = time-critical calls per 1,000 residents × (1 + k × (50 − trust) / 50); trust from the area survey, factor 1 without one',
    parameters: [v('k (trust weight)', p.trustWeight)],
    inputs: [v('time-critical calls a year', criticalCalls, 'calls'), v('population now', input.population, 'residents'), ...(input.trust === null ? [] : [v('trust (0-100)', input.trust)])],
    intermediate: [v('calls per 1,000 residents', perThousand), v('trust factor', trustFactor)],
    result: round(risk, 4),
  });

  const workload = round(w.fte);
  const byModel: Record<StaffingModel, number> = { workload, population: round(pop.fte), queueing: round(queueFte), combined: round(Math.max(w.fte, queueFte)) };
  return {
    code: input.code,
    districtCode: input.districtCode,
    regionCode: input.regionCode,
    current: input.officers,
    need: byModel[settings.model],
    workload,
    population: byModel.population,
    queueing: byModel.queueing,
    risk: round(risk, 4),
    explanation: { models, demand },
  };
}

export const COMBINED_FORMULA = 'combined need = max(workload FTE, queueing FTE): the larger of the obligated workload and the policy objective for urgent calls (Police Allocation Manual)';

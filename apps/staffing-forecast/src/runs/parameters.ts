/**
 * Parameters of the staffing models, with the defaults a planner starts from. Every figure a run
 * or a what-if shows names the parameters it used, so a changed default never changes an old run.
 */
import { DEFAULT_ALLOCATION } from '../models/allocation';
import { DEFAULT_POPULATION_NORM } from '../models/population-norm';
import { DEFAULT_WORKLOAD } from '../models/workload';

export type StaffingModel = 'workload' | 'population' | 'queueing' | 'combined';
export const STAFFING_MODELS: readonly StaffingModel[] = ['workload', 'population', 'queueing', 'combined'];

/**
 * Effort norms: hours of an inspector's work per request, by category. Placeholders for the
 * Ministry's workload norms (MVD Order No. 455 of 27 Nov 2007 keeps "normative load"; its
 * inspector values are not public), set from the categories' nature: a domestic-violence call
 * means a visit, a protective order and follow-up; lost documents a certificate.
 */
export const DEFAULT_HANDLING_HOURS: Readonly<Record<string, number>> = Object.freeze({
  'domestic-violence': 6,
  'internet-fraud': 4,
  'public-order-noise': 2,
  minors: 5,
  'alcohol-drugs': 3,
  'traffic-parking': 1.5,
  'neighbour-dispute': 3,
  migration: 2,
  'lost-documents': 1,
  'officer-complaint': 4,
  'precinct-proposal': 1.5,
  'crime-threat-tip': 3,
  other: 2,
});

export interface StaffingParameters {
  /** p: target share of an inspector's on-duty time spent on obligated work (Rule of 60). */
  obligatedShare: number;
  /** Residents per inspector by settlement type (population norm). */
  residentsPerInspector: { urban: number; rural: number };
  /** Where the hours per request come from: the effort norms, or the measured elapsed time. */
  handlingTimeSource: 'norm' | 'measured';
  /** Effort norm per category, hours. */
  handlingHours: Record<string, number>;
  /** Effort norm for a category without its own, hours. */
  defaultHandlingHours: number;
  /** Fewest answered requests of a category before its measured times and units are used. */
  minMeasured: number;
  /** Hours of work per commission task assigned to the police. */
  taskHours: number;
  /** Net available hours per inspector a year; null: from the roster's shifts and leave. */
  availableHoursPerInspector: number | null;
  /** Used when the roster has no schedules for a precinct's officers: the published worked example. */
  fallbackAvailableHours: number;
  /** Hours a day the urgent response of a precinct must be covered (the post of the relief factor). */
  coverageHoursPerDay: number;
  /** Categories that are time-critical whatever the channel (line-102 calls always are). */
  timeCriticalCategories: string[];
  /** Share of urgent calls that must find at least one inspector free (Erlang C target). */
  minUnitFree: number;
  /** Months of history the demand models read. */
  historyMonths: number;
  /** Weight of low trust in the risk indicator: risk × (1 + k × (50 − trust) / 50). */
  trustWeight: number;
  /** Allocation: weights of the need components, the damping and the floor. */
  allocationWeights: { workload: number; population: number; risk: number };
  maxChangeShare: number;
  floor: number;
  /** What the allocation shares within each district: the officers serving now, or the authorised posts. */
  allocationTotal: 'current' | 'authorised';
}

export const DEFAULT_PARAMETERS: Readonly<StaffingParameters> = Object.freeze({
  obligatedShare: DEFAULT_WORKLOAD.obligatedShare,
  residentsPerInspector: { ...DEFAULT_POPULATION_NORM.residentsPerInspector },
  handlingTimeSource: 'norm',
  handlingHours: { ...DEFAULT_HANDLING_HOURS },
  defaultHandlingHours: 2,
  minMeasured: 5,
  taskHours: 8,
  availableHoursPerInspector: null,
  fallbackAvailableHours: 1698,
  coverageHoursPerDay: 8,
  timeCriticalCategories: ['domestic-violence', 'crime-threat-tip'],
  minUnitFree: 0.9,
  historyMonths: 36,
  trustWeight: 0.5,
  allocationWeights: { ...DEFAULT_ALLOCATION.weights },
  maxChangeShare: DEFAULT_ALLOCATION.maxChangeShare,
  floor: DEFAULT_ALLOCATION.floor,
  allocationTotal: 'current',
}) as StaffingParameters;

export interface FieldProblem {
  field: string;
  message: string;
}

/** Defaults overridden by what the caller gave; every given value is checked. */
export function resolveParameters(given: Partial<StaffingParameters>): { parameters: StaffingParameters; errors: FieldProblem[] } {
  const p: StaffingParameters = {
    ...DEFAULT_PARAMETERS,
    ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined && v !== null)),
    residentsPerInspector: { ...DEFAULT_PARAMETERS.residentsPerInspector, ...(given.residentsPerInspector ?? {}) },
    handlingHours: { ...DEFAULT_PARAMETERS.handlingHours, ...(given.handlingHours ?? {}) },
    allocationWeights: { ...DEFAULT_PARAMETERS.allocationWeights, ...(given.allocationWeights ?? {}) },
    timeCriticalCategories: given.timeCriticalCategories ?? [...DEFAULT_PARAMETERS.timeCriticalCategories],
    availableHoursPerInspector: given.availableHoursPerInspector ?? null,
  };
  const errors: FieldProblem[] = [];
  const range = (field: string, value: number, min: number, max: number, open = false) => {
    if (!Number.isFinite(value) || value > max || (open ? value <= min : value < min)) errors.push({ field, message: `must be ${open ? 'above' : 'at least'} ${min} and at most ${max}` });
  };
  range('obligatedShare', p.obligatedShare, 0, 1, true);
  range('residentsPerInspector.urban', p.residentsPerInspector.urban, 100, 100_000);
  range('residentsPerInspector.rural', p.residentsPerInspector.rural, 100, 100_000);
  for (const [category, hours] of Object.entries(p.handlingHours)) range(`handlingHours.${category}`, hours, 0, 200);
  range('defaultHandlingHours', p.defaultHandlingHours, 0, 200);
  range('minMeasured', p.minMeasured, 1, 10_000);
  range('taskHours', p.taskHours, 0, 500);
  if (p.availableHoursPerInspector !== null) range('availableHoursPerInspector', p.availableHoursPerInspector, 100, 4000);
  range('fallbackAvailableHours', p.fallbackAvailableHours, 100, 4000);
  range('coverageHoursPerDay', p.coverageHoursPerDay, 1, 24);
  range('minUnitFree', p.minUnitFree, 0, 0.9999);
  range('historyMonths', p.historyMonths, 3, 120);
  if (!Number.isInteger(p.historyMonths)) errors.push({ field: 'historyMonths', message: 'must be a whole number of months' });
  range('trustWeight', p.trustWeight, 0, 5);
  for (const k of ['workload', 'population', 'risk'] as const) range(`allocationWeights.${k}`, p.allocationWeights[k], 0, 100);
  if (p.allocationWeights.workload + p.allocationWeights.population + p.allocationWeights.risk <= 0) errors.push({ field: 'allocationWeights', message: 'at least one weight must be above 0' });
  range('maxChangeShare', p.maxChangeShare, 0, 1);
  range('floor', p.floor, 0, 50);
  if (!Number.isInteger(p.floor)) errors.push({ field: 'floor', message: 'must be a whole number of inspectors' });
  if (p.timeCriticalCategories.some((c) => !/^[a-z][a-z0-9-]{0,63}$/.test(c))) errors.push({ field: 'timeCriticalCategories', message: 'must be category codes like domestic-violence' });
  return { parameters: p, errors };
}

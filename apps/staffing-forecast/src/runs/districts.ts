/**
 * Per district (plain TypeScript): the damped allocation of its inspectors across its precincts,
 * and its supply: filled strength month by month to the horizon from its workforce facts (turnover
 * by reason, expected retirements, hiring at the pace of the past, training lead time), under the
 * scenario's turnover and hiring multipliers. Forecasts filled posts, not authorised ones.
 */
import { allocate, type AllocationLine } from '../models/allocation';
import { SCENARIOS, type ScenarioName } from '../models/scenarios';
import { estimateTurnover, forecastSupply, type DepartureReason, type WorkforcePeriod } from '../models/supply';
import type { PrecinctNeed } from './engine';
import type { StaffingParameters } from './parameters';

export interface SupplyPath {
  /** Basis: the facts used and the estimates from them. */
  basisMonths: number;
  annualRates: Record<DepartureReason, number>;
  hiresPerMonth: number;
  trainingLeadMonths: number;
  /** Filled strength at the end of each year of the horizon (and the last month). */
  points: Array<{ month: number; filled: number; authorised: number; vacancyRate: number }>;
  filledAtHorizon: number;
}

/** Default time from hiring decision to an inspector on the street, when the facts give none (months). */
export const DEFAULT_TRAINING_LEAD_MONTHS = 6;

export function districtSupply(periods: readonly WorkforcePeriod[], trainingLead: number | null, expectedRetirements: number, horizonMonths: number, scenario: ScenarioName): SupplyPath | null {
  if (!periods.length) return null;
  const latest = periods[periods.length - 1];
  const s = SCENARIOS[scenario].parameters;
  const turnover = estimateTurnover(periods);
  const annualRates = Object.fromEntries(Object.entries(turnover.annualRates).map(([k, r]) => [k, r * s.turnoverMultiplier])) as Record<DepartureReason, number>;
  const lead = trainingLead ?? DEFAULT_TRAINING_LEAD_MONTHS;
  const hiresPerMonth = turnover.hiresPerMonth * s.hiringMultiplier;
  const months = forecastSupply({
    authorised: latest.authorised,
    filled: latest.filled,
    // Known retirements replace the retirement rate in their first year.
    annualRates: expectedRetirements > 0 ? { ...annualRates, retirement: 0 } : annualRates,
    scheduledRetirements: expectedRetirements > 0 ? new Array<number>(Math.min(12, horizonMonths)).fill(expectedRetirements / 12) : undefined,
    trainingLeadMonths: lead,
    hiring: { policy: 'replace', capacityPerMonth: Math.max(hiresPerMonth * 1.5, 0.5) },
    months: horizonMonths,
  });
  const points = months.filter((m) => m.month % 12 === 0 || m.month === horizonMonths).map((m) => ({ month: m.month, filled: round(m.filled), authorised: m.authorised, vacancyRate: round(m.vacancyRate, 4) }));
  const last = months[months.length - 1];
  return { basisMonths: turnover.basisMonths, annualRates, hiresPerMonth: round(hiresPerMonth), trainingLeadMonths: lead, points, filledAtHorizon: round(last?.filled ?? latest.filled) };
}

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * The allocation within one district: its total (the officers serving now, or its authorised
 * posts) shared across its precincts by relative need, damped and floored.
 */
export function allocateDistrict(needs: readonly PrecinctNeed[], parameters: StaffingParameters, authorised: number | null): { total: number; floorApplied: number; lines: Map<string, AllocationLine> } {
  const current = needs.reduce((s, n) => s + n.current, 0);
  const total = parameters.allocationTotal === 'authorised' && authorised !== null ? authorised : current;
  const units = needs.map((n) => ({ code: n.code, current: n.current, need: { workload: n.workload, population: n.population, risk: n.risk } }));
  const run = (floor: number) => allocate(units, { total, weights: parameters.allocationWeights, maxChangeShare: parameters.maxChangeShare, floor });
  let floorApplied = Math.min(parameters.floor, Math.floor(total / Math.max(needs.length, 1)));
  let result;
  try {
    result = run(floorApplied);
  } catch (error) {
    // Floors that the district's total cannot meet under the damping: allocate without them.
    if (!(error instanceof RangeError)) throw error;
    floorApplied = 0;
    result = run(0);
  }
  return { total, floorApplied, lines: new Map(result.lines.map((l) => [l.code, l])) };
}

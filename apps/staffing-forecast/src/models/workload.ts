/**
 * Workload model (Wilson & Weiss 2012, "A Performance-Based Approach to Police Staffing and Allocation", COPS Office /
 * Michigan State University, NCJ 240104; steps 3 "time spent on CFS", 5 "performance objectives", 6 "staff estimates").
 *
 *   W           = Σ_lines requests × handlingHours × unitsPerRequest + otherHours   (obligated workload, hours per period)
 *   hoursNeeded = W / p                                                              (p = target share of on-duty time on obligated work)
 *   FTE         = hoursNeeded / availableHoursPerInspector                           (net hours one inspector is available per period)
 *
 * p defaults to 0.6, the CPSM/ICMA "Rule of 60" (obligated work should not exceed 60 % of on-duty time; the rest is
 * proactive/community and administrative time). p = 1/3 reproduces the "thirds" (IACP-style) shortcut. otherHours
 * takes obligated work not counted per request (report writing, court, commission tasks). availableHoursPerInspector is
 * the net figure after leave, training and sickness (see relief.ts); the units of the period (year, month) must match.
 */

export interface WorkloadLine {
  category: string;
  requests: number;
  handlingHours: number;
  unitsPerRequest: number;
}

export interface WorkloadInput {
  lines: WorkloadLine[];
  otherHours?: number;
  availableHoursPerInspector: number;
}

export interface WorkloadParameters {
  obligatedShare: number;
}

export const DEFAULT_WORKLOAD: WorkloadParameters = Object.freeze({ obligatedShare: 0.6 });

export const WORKLOAD_FORMULA =
  'W = Σ requests × handling hours × units per request + other hours; hours needed = W / p (p = share of time on obligated work, ' +
  'Rule of 60: p = 0.6); FTE = hours needed / available hours per inspector';

export interface WorkloadResult {
  workloadHours: number;
  byCategory: Array<{ category: string; hours: number }>;
  otherHours: number;
  hoursNeeded: number;
  fte: number;
}

function nonNegative(value: number, what: string): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`${what} must be a finite number >= 0, got ${value}`);
  }
}

/** Obligated workload, hours needed and FTE; lines of the same category are summed (first-seen order). */
export function workloadNeed(input: WorkloadInput, parameters: WorkloadParameters = DEFAULT_WORKLOAD): WorkloadResult {
  const p = parameters.obligatedShare;
  if (!Number.isFinite(p) || p <= 0 || p > 1) {
    throw new RangeError(`obligated share p must be in (0, 1], got ${p}`);
  }
  if (!Number.isFinite(input.availableHoursPerInspector) || input.availableHoursPerInspector <= 0) {
    throw new RangeError(`available hours per inspector must be a finite number > 0, got ${input.availableHoursPerInspector}`);
  }
  const otherHours = input.otherHours ?? 0;
  nonNegative(otherHours, 'other hours');

  const byCategory = new Map<string, number>();
  for (const line of input.lines) {
    nonNegative(line.requests, `requests of '${line.category}'`);
    nonNegative(line.handlingHours, `handling hours of '${line.category}'`);
    nonNegative(line.unitsPerRequest, `units per request of '${line.category}'`);
    const hours = line.requests * line.handlingHours * line.unitsPerRequest;
    byCategory.set(line.category, (byCategory.get(line.category) ?? 0) + hours);
  }
  let workloadHours = otherHours;
  for (const hours of byCategory.values()) workloadHours += hours;
  const hoursNeeded = workloadHours / p;
  return {
    workloadHours,
    byCategory: [...byCategory].map(([category, hours]) => ({ category, hours })),
    otherHours,
    hoursNeeded,
    fte: hoursNeeded / input.availableHoursPerInspector,
  };
}

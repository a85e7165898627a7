/**
 * Allocation of a fixed total of inspectors across units (precincts) by relative need, damped, with floors.
 *
 * Pattern: the UK Police Allocation Formula (a fixed pot shared by relative, not absolute, need; damped with floors to limit
 * year-on-year swings; gov.uk "Guide to the police allocation formula", Hansard 23 Jul 2007) and the Metropolitan Police
 * Resource Allocation Formula (officers across borough units from need + demand components, with a change cap and a
 * "no losers" rule; policeauthority.org 2004-05).
 *
 * Method (T = total, d = maxChangeShare, floor_i = unit floor or the default floor):
 *  1. Need share. Weights are normalised to sum 1; needShare_i = Σ_k w_k · x_ik / Σ_j x_jk over the components
 *     k ∈ {workload, population, risk}. A component whose column sums to 0 (or whose weight is 0) is dropped and the other
 *     weights renormalised; if every component is dropped, shares are equal (1/n). target_i = T · needShare_i (undamped).
 *  2. Baseline b_i = current_i · T / Σ current: today's distribution scaled to the new total. If Σ current = 0 there is nothing
 *     to damp against: baseline = target, lower_i = floor_i, upper_i = T.
 *  3. Integer bounds: lower_i = max(floor_i, min(ceil(b_i(1 − d)), floor(b_i))),
 *                     upper_i = max(lower_i, floor(b_i(1 + d)), ceil(b_i)), capped at T (but never below lower_i);
 *     a unit with current_i = 0 (a new precinct) is not damped upwards: upper_i = max(lower_i, T).
 *     Hence when T = Σ current every unit stays within current_i ± floor(d · current_i) (the strict rule; floors and new
 *     precincts excepted), and for any T, Σ floor(b_i) <= T <= Σ ceil(b_i) keeps the bounds feasible unless floors exceed T.
 *     Σ lower_i > T throws a RangeError.
 *  4. Continuous solution (water-filling): clamp each target into [lower_i, upper_i] and redistribute the excess or shortfall
 *     among the unclamped units in proportion to need, until the sum is T. Equivalently x_i = clamp(θ · needShare_i, lower_i,
 *     upper_i) with the single θ for which Σ x_i = T, found exactly on the piecewise-linear Σ x(θ). If even θ → ∞ leaves a
 *     shortfall (every unit with need is at its upper bound), the rest goes to the units without need, in proportion to
 *     their room (upper − x).
 *  5. Integers: a_i = floor(x_i) (within bounds); the remaining T − Σ a_i inspectors go one each by largest fractional
 *     remainder x_i − a_i (ties by code) to units below their upper bound. Σ allocated = T exactly.
 * binding reports the bound that held a unit away from its target: 'floor' / 'damping-lower' when allocated = lower > target
 * (whichever of floor_i and the damping bound set lower_i), 'damping-upper' when allocated = upper < target.
 */

export interface AllocationUnit {
  code: string;
  /** Inspectors now, integer >= 0. */
  current: number;
  need: { workload: number; population: number; risk: number };
  floor?: number;
}

export interface AllocationParameters {
  total: number;
  weights: { workload: number; population: number; risk: number };
  /** E.g. 0.1: no unit moves more than 10 % per year. */
  maxChangeShare: number;
  /** Default minimum per unit, e.g. 1. */
  floor: number;
}

export const DEFAULT_ALLOCATION: Omit<AllocationParameters, 'total'> = Object.freeze({
  weights: Object.freeze({ workload: 0.6, population: 0.3, risk: 0.1 }),
  maxChangeShare: 0.1,
  floor: 1,
});

export const ALLOCATION_FORMULA =
  'needShare_i = Σ_k w_k · x_ik / Σ_j x_jk; target_i = T · needShare_i; baseline_i = current_i · T / Σ current; ' +
  'lower_i = max(floor_i, min(ceil(baseline_i(1 − d)), floor(baseline_i))), upper_i = max(lower_i, floor(baseline_i(1 + d)), ceil(baseline_i)); ' +
  'allocated_i = integer water-filling of T in proportion to need within [lower_i, upper_i], largest remainders';

export interface AllocationLine {
  code: string;
  current: number;
  needShare: number;
  /** Undamped, continuous. */
  target: number;
  baseline: number;
  lower: number;
  upper: number;
  allocated: number;
  change: number;
  binding: 'floor' | 'damping-lower' | 'damping-upper' | null;
}

export interface AllocationResult {
  total: number;
  lines: AllocationLine[];
  dampedUnits: number;
}

const COMPONENTS = ['workload', 'population', 'risk'] as const;
const EPSILON = 1e-9;

/** floor/ceil that treat values within a relative 1e-9 of an integer as that integer (27.000000000000004 → 27). */
function floorTolerant(x: number): number {
  return Math.floor(x + EPSILON * Math.max(1, Math.abs(x)));
}
function ceilTolerant(x: number): number {
  return Math.ceil(x - EPSILON * Math.max(1, Math.abs(x)));
}

function requireCount(value: number, what: string): void {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${what} must be an integer >= 0, got ${value}`);
}
function requireNonNegative(value: number, what: string): void {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${what} must be a finite number >= 0, got ${value}`);
}

function validate(units: AllocationUnit[], parameters: AllocationParameters): void {
  requireCount(parameters.total, 'total');
  requireCount(parameters.floor, 'floor');
  const d = parameters.maxChangeShare;
  if (!Number.isFinite(d) || d < 0 || d > 1) throw new RangeError(`maxChangeShare must be in [0, 1], got ${d}`);
  for (const k of COMPONENTS) requireNonNegative(parameters.weights[k], `weight of ${k}`);
  if (COMPONENTS.every((k) => parameters.weights[k] === 0)) throw new RangeError('weights must not all be 0');
  const codes = new Set<string>();
  for (const unit of units) {
    if (typeof unit.code !== 'string' || unit.code === '') throw new RangeError('every unit needs a non-empty code');
    if (codes.has(unit.code)) throw new RangeError(`duplicate unit code '${unit.code}'`);
    codes.add(unit.code);
    requireCount(unit.current, `current of '${unit.code}'`);
    if (unit.floor !== undefined) requireCount(unit.floor, `floor of '${unit.code}'`);
    for (const k of COMPONENTS) requireNonNegative(unit.need[k], `${k} need of '${unit.code}'`);
  }
}

function needShares(units: AllocationUnit[], weights: AllocationParameters['weights']): number[] {
  const columns = COMPONENTS.map((k) => units.reduce((sum, unit) => sum + unit.need[k], 0));
  const active = COMPONENTS.map((k, i) => (weights[k] > 0 && columns[i] > 0 ? weights[k] : 0));
  const weightSum = active.reduce((a, b) => a + b, 0);
  if (weightSum === 0) return units.map(() => 1 / units.length);
  return units.map((unit) => COMPONENTS.reduce((sum, k, i) => (active[i] > 0 ? sum + (active[i] / weightSum) * (unit.need[k] / columns[i]) : sum), 0));
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

/** x_i = clamp(θ s_i, l_i, u_i) with Σ x_i = total (Σ l <= total <= Σ u assumed). */
function waterFill(shares: number[], lower: number[], upper: number[], total: number): number[] {
  const n = shares.length;
  const at = (theta: number) => shares.map((s, i) => (s > 0 ? clamp(theta * s, lower[i], upper[i]) : lower[i]));
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  if (sum(lower) >= total) return [...lower];

  const breakpoints = [...new Set(shares.flatMap((s, i) => (s > 0 ? [lower[i] / s, upper[i] / s] : [])))].sort((a, b) => a - b);
  let previousTheta = 0;
  let previousSum = sum(lower);
  for (const theta of breakpoints) {
    const value = sum(at(theta));
    if (value >= total) {
      // Σ x(θ) is linear between consecutive breakpoints.
      const solved = value === previousSum ? theta : previousTheta + ((total - previousSum) * (theta - previousTheta)) / (value - previousSum);
      return at(solved);
    }
    previousTheta = theta;
    previousSum = value;
  }

  // Every unit with need is at its upper bound: the units without need take the rest, in proportion to their room.
  const x = at(Number.POSITIVE_INFINITY);
  const shortfall = total - sum(x);
  const room = x.map((value, i) => (shares[i] > 0 ? 0 : upper[i] - value));
  const roomSum = sum(room);
  if (shortfall > 0 && roomSum > 0) for (let i = 0; i < n; i++) if (room[i] > 0) x[i] += (shortfall * room[i]) / roomSum;
  return x;
}

/** Integers within [lower, upper] adding up to total: floors, then largest remainders (ties by code). */
function roundToTotal(x: number[], lower: number[], upper: number[], codes: string[], total: number): number[] {
  const allocated = x.map((value, i) => clamp(floorTolerant(value), lower[i], upper[i]));
  let remaining = total - allocated.reduce((a, b) => a + b, 0);
  const byCode = (a: number, b: number) => (codes[a] < codes[b] ? -1 : codes[a] > codes[b] ? 1 : 0);
  const remainder = (i: number) => x[i] - allocated[i];
  while (remaining > 0) {
    const order = x.map((_, i) => i).filter((i) => allocated[i] < upper[i]);
    if (order.length === 0) throw new Error('allocation: no room left to place the remaining inspectors');
    order.sort((a, b) => remainder(b) - remainder(a) || byCode(a, b));
    for (const i of order.slice(0, remaining)) allocated[i]++;
    remaining = total - allocated.reduce((a, b) => a + b, 0);
  }
  while (remaining < 0) {
    const order = x.map((_, i) => i).filter((i) => allocated[i] > lower[i]);
    if (order.length === 0) throw new Error('allocation: cannot remove the surplus inspectors within the lower bounds');
    order.sort((a, b) => remainder(a) - remainder(b) || byCode(b, a));
    for (const i of order.slice(0, -remaining)) allocated[i]--;
    remaining = total - allocated.reduce((a, b) => a + b, 0);
  }
  return allocated;
}

export function allocate(units: AllocationUnit[], parameters: AllocationParameters): AllocationResult {
  validate(units, parameters);
  const total = parameters.total;
  const d = parameters.maxChangeShare;
  if (units.length === 0) {
    if (total === 0) return { total, lines: [], dampedUnits: 0 };
    throw new RangeError(`no units to allocate ${total} inspectors to`);
  }

  const shares = needShares(units, parameters.weights);
  const targets = shares.map((s) => total * s);
  const currentSum = units.reduce((sum, unit) => sum + unit.current, 0);
  const damped = currentSum > 0;
  const baselines = units.map((unit, i) => (damped ? (unit.current * total) / currentSum : targets[i]));
  const floors = units.map((unit) => unit.floor ?? parameters.floor);
  const dampingLower = baselines.map((b) => (damped ? Math.min(ceilTolerant(b * (1 - d)), floorTolerant(b)) : 0));
  const lower = floors.map((floor, i) => Math.max(floor, dampingLower[i]));
  const upper = units.map((unit, i) => {
    if (!damped || unit.current === 0) return Math.max(lower[i], total);
    const b = baselines[i];
    return Math.max(lower[i], Math.min(total, Math.max(floorTolerant(b * (1 + d)), ceilTolerant(b))));
  });

  const lowerSum = lower.reduce((a, b) => a + b, 0);
  if (lowerSum > total) {
    throw new RangeError(
      `floors exceed the total: the units' minimum allocations (floors and damping) add up to ${lowerSum}, more than the total of ${total}`,
    );
  }

  const continuous = waterFill(shares, lower, upper, total);
  const allocated = roundToTotal(
    continuous,
    lower,
    upper,
    units.map((unit) => unit.code),
    total,
  );

  const lines: AllocationLine[] = units.map((unit, i) => {
    let binding: AllocationLine['binding'] = null;
    if (allocated[i] === lower[i] && targets[i] < lower[i] - EPSILON) {
      binding = damped && dampingLower[i] >= floors[i] ? 'damping-lower' : 'floor';
    } else if (allocated[i] === upper[i] && targets[i] > upper[i] + EPSILON) {
      binding = 'damping-upper';
    }
    return {
      code: unit.code,
      current: unit.current,
      needShare: shares[i],
      target: targets[i],
      baseline: baselines[i],
      lower: lower[i],
      upper: upper[i],
      allocated: allocated[i],
      change: allocated[i] - unit.current,
      binding,
    };
  });
  return { total, lines, dampedUnits: lines.filter((line) => line.binding === 'damping-lower' || line.binding === 'damping-upper').length };
}

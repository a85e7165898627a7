/**
 * Erlang C (M/M/c) service levels for time-critical work (Larson & Odoni, "Urban Operations Research", ch. 4,
 * http://web.mit.edu/urban_or_book/www/book/chapter4/; the "≥ 90 % of P1 calls find a unit free" objective of the
 * Northwestern Police Allocation Manual / Allocation Model for Patrol).
 *
 *   A = λ × t̄                                   offered load in Erlangs (λ arrivals per hour, t̄ mean handling hours, μ = 1/t̄)
 *   C(c, A) = [A^c/c! · c/(c−A)] / [Σ_{k<c} A^k/k! + A^c/c! · c/(c−A)]     probability that an arrival waits (A < c)
 *   W_q = C / (cμ − λ);   P(wait > t) = C · e^{−(cμ−λ) t};   P(at least one unit free) = 1 − C
 *
 * Computed without factorials or powers, through the Erlang B recursion, which stays in [0, 1] for any c and A:
 *   B(0) = 1;  B(k) = A·B(k−1) / (k + A·B(k−1));   C = c·B / (c − A(1 − B)).
 * When A >= c (and A > 0) the queue is unstable: pWait = 1, meanWait = ∞, P(wait > t) = 1.
 * Convention: with no offered load (λ = 0 or t̄ = 0) nobody ever waits, for any c including 0: pWait = 0, meanWait = 0.
 * Caveats (Larson & Odoni): multi-unit dispatch and spatial effects break M/M/c; use a hypercube model for beat-level work.
 */

export const ERLANG_FORMULA =
  'A = λ × handling time; C(c, A) = [A^c/c! · c/(c−A)] / [Σ_{k<c} A^k/k! + A^c/c! · c/(c−A)]; P(at least one unit free) = 1 − C; ' +
  'Wq = C / (cμ − λ); P(wait > t) = C · exp(−(cμ − λ) t)';

function requireServers(servers: number): void {
  if (!Number.isInteger(servers) || servers < 0) throw new RangeError(`servers must be an integer >= 0, got ${servers}`);
}

function requireNonNegative(value: number, what: string): void {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${what} must be a finite number >= 0, got ${value}`);
}

/** Erlang B blocking probability B(c, A) by the stable recursion. */
export function erlangB(servers: number, offeredLoad: number): number {
  requireServers(servers);
  requireNonNegative(offeredLoad, 'offered load');
  let b = 1;
  for (let k = 1; k <= servers; k++) b = (offeredLoad * b) / (k + offeredLoad * b);
  return b;
}

/** Erlang C probability of waiting C(c, A): 1 when A >= c and A > 0 (unstable, including c = 0), 0 when A = 0. */
export function erlangC(servers: number, offeredLoad: number): number {
  requireServers(servers);
  requireNonNegative(offeredLoad, 'offered load');
  if (offeredLoad === 0) return 0;
  if (offeredLoad >= servers) return 1;
  return fromErlangB(servers, offeredLoad, erlangB(servers, offeredLoad));
}

function fromErlangB(servers: number, offeredLoad: number, b: number): number {
  return Math.min(1, (servers * b) / (servers - offeredLoad * (1 - b)));
}

export interface QueueInput {
  arrivalsPerHour: number;
  handlingHours: number;
  servers: number;
}

export interface QueueMetrics {
  offeredLoad: number;
  utilisation: number;
  pWait: number;
  /** Probability an arriving urgent call finds at least one inspector free = 1 − pWait. */
  pUnitFree: number;
  meanWaitHours: number;
  pWaitLongerThan(hours: number): number;
}

function metrics(arrivalsPerHour: number, handlingHours: number, servers: number, pWait: number): QueueMetrics {
  const offeredLoad = arrivalsPerHour * handlingHours;
  const idle = offeredLoad === 0;
  const unstable = !idle && offeredLoad >= servers;
  // cμ − λ = (c − A) / t̄: the rate at which the waiting time decays.
  const decay = idle || unstable ? 0 : (servers - offeredLoad) / handlingHours;
  return {
    offeredLoad,
    utilisation: servers > 0 ? offeredLoad / servers : idle ? 0 : Number.POSITIVE_INFINITY,
    pWait,
    pUnitFree: 1 - pWait,
    meanWaitHours: idle ? 0 : unstable ? Number.POSITIVE_INFINITY : pWait / decay,
    pWaitLongerThan(hours: number): number {
      requireNonNegative(hours, 'waiting time');
      if (idle) return 0;
      if (unstable) return 1;
      return pWait * Math.exp(-decay * hours);
    },
  };
}

function requireQueue(arrivalsPerHour: number, handlingHours: number): void {
  requireNonNegative(arrivalsPerHour, 'arrivals per hour');
  requireNonNegative(handlingHours, 'handling hours');
}

/** Service level of c inspectors on duty facing λ urgent calls per hour of mean handling time t̄ hours. */
export function queueMetrics(input: QueueInput): QueueMetrics {
  requireQueue(input.arrivalsPerHour, input.handlingHours);
  requireServers(input.servers);
  const pWait = erlangC(input.servers, input.arrivalsPerHour * input.handlingHours);
  return metrics(input.arrivalsPerHour, input.handlingHours, input.servers, pWait);
}

export interface StaffTarget {
  /** P(at least one inspector free) >= this, e.g. 0.9. */
  minUnitFree?: number;
  /** Alone: mean wait W_q <= this (hours). With withinProbability: P(wait <= maxWaitHours) >= withinProbability. */
  maxWaitHours?: number;
  /** P(wait <= maxWaitHours) >= this; requires maxWaitHours. */
  withinProbability?: number;
}

const TOLERANCE = 1e-12;

function meets(m: QueueMetrics, target: StaffTarget): boolean {
  if (target.minUnitFree !== undefined && m.pUnitFree < target.minUnitFree - TOLERANCE) return false;
  if (target.maxWaitHours !== undefined) {
    if (target.withinProbability !== undefined) {
      if (1 - m.pWaitLongerThan(target.maxWaitHours) < target.withinProbability - TOLERANCE) return false;
    } else if (m.meanWaitHours > target.maxWaitHours + TOLERANCE) {
      return false;
    }
  }
  return true;
}

/**
 * Smallest number of inspectors on duty that meets every given target (an empty target asks only for a stable queue,
 * c > A). All targets improve monotonically with c, so the first c that meets them is the answer. With no offered
 * load the answer is 0 servers. Throws RangeError if no c <= maxServers (default 1,000) meets the target.
 */
export function smallestStaff(
  input: { arrivalsPerHour: number; handlingHours: number },
  target: StaffTarget,
  maxServers = 1000,
): { servers: number; metrics: QueueMetrics } {
  const { arrivalsPerHour, handlingHours } = input;
  requireQueue(arrivalsPerHour, handlingHours);
  requireServers(maxServers);
  const probability = (value: number | undefined, what: string) => {
    if (value !== undefined && !(value >= 0 && value <= 1)) throw new RangeError(`${what} must be in [0, 1], got ${value}`);
  };
  probability(target.minUnitFree, 'minUnitFree');
  probability(target.withinProbability, 'withinProbability');
  if (target.maxWaitHours !== undefined) requireNonNegative(target.maxWaitHours, 'maxWaitHours');
  if (target.withinProbability !== undefined && target.maxWaitHours === undefined) {
    throw new RangeError('withinProbability needs maxWaitHours (P(wait <= maxWaitHours) >= withinProbability)');
  }

  const offeredLoad = arrivalsPerHour * handlingHours;
  if (offeredLoad === 0) return { servers: 0, metrics: metrics(arrivalsPerHour, handlingHours, 0, 0) };
  let b = 1;
  for (let servers = 1; servers <= maxServers; servers++) {
    b = (offeredLoad * b) / (servers + offeredLoad * b);
    if (offeredLoad >= servers) continue;
    const candidate = metrics(arrivalsPerHour, handlingHours, servers, fromErlangB(servers, offeredLoad, b));
    if (meets(candidate, target)) return { servers, metrics: candidate };
  }
  throw new RangeError(`no staffing up to ${maxServers} servers meets the target for an offered load of ${offeredLoad} Erlangs`);
}

/**
 * Weighted estimates for survey indicators: running moments, the Kish design effect, Wilson score
 * intervals for shares and Student t intervals for means on the 0..100 index scale, with small-cell
 * suppression. Pure functions, no dependencies.
 *
 * Notation: an observation i has a value x_i and a weight w_i >= 0; n is the unweighted count.
 */

/** The 0.975 quantile of the standard normal distribution (two-sided 95 % intervals). */
export const Z_95 = 1.959963984540054;

/** Sufficient statistics of a weighted sample. */
export interface Moments {
  /** Unweighted number of observations. */
  n: number;
  /** Σ w. */
  sumW: number;
  /** Σ w². */
  sumW2: number;
  /** Σ w·x. */
  sumWX: number;
  /** Σ w·x². */
  sumWX2: number;
}

/** Moments of an empty sample. */
export function emptyMoments(): Moments {
  return { n: 0, sumW: 0, sumW2: 0, sumWX: 0, sumWX2: 0 };
}

/**
 * Adds one observation `x` with weight `w` (default 1): n + 1, sumW + w, sumW2 + w², sumWX + w·x,
 * sumWX2 + w·x². Returns new moments; `m` is not changed.
 * @throws RangeError when `x` is not finite or `w` is negative or not finite.
 */
export function addObservation(m: Moments, x: number, w = 1): Moments {
  if (!Number.isFinite(x)) throw new RangeError(`observation must be a finite number, got ${x}`);
  if (!Number.isFinite(w) || w < 0) throw new RangeError(`weight must be a finite number >= 0, got ${w}`);
  return {
    n: m.n + 1,
    sumW: m.sumW + w,
    sumW2: m.sumW2 + w * w,
    sumWX: m.sumWX + w * x,
    sumWX2: m.sumWX2 + w * x * x,
  };
}

/** Moments of the union of two disjoint samples (component-wise sums). */
export function combineMoments(a: Moments, b: Moments): Moments {
  return {
    n: a.n + b.n,
    sumW: a.sumW + b.sumW,
    sumW2: a.sumW2 + b.sumW2,
    sumWX: a.sumWX + b.sumWX,
    sumWX2: a.sumWX2 + b.sumWX2,
  };
}

/**
 * Moments from per-stratum unweighted sums, all members of a stratum sharing the stratum weight w:
 * n = Σ n_h, sumW = Σ w_h·n_h, sumW2 = Σ w_h²·n_h, sumWX = Σ w_h·ΣX_h, sumWX2 = Σ w_h·ΣX²_h.
 * @throws RangeError when a count is not a non-negative integer or a weight is negative or not finite.
 */
export function weightedMoments(
  strata: ReadonlyArray<{ n: number; sumX: number; sumX2: number; weight: number }>,
): Moments {
  let m = emptyMoments();
  for (const s of strata) {
    if (!Number.isInteger(s.n) || s.n < 0)
      throw new RangeError(`stratum count must be an integer >= 0, got ${s.n}`);
    if (!Number.isFinite(s.weight) || s.weight < 0) {
      throw new RangeError(`stratum weight must be a finite number >= 0, got ${s.weight}`);
    }
    const w = s.weight;
    m = combineMoments(m, {
      n: s.n,
      sumW: w * s.n,
      sumW2: w * w * s.n,
      sumWX: w * s.sumX,
      sumWX2: w * s.sumX2,
    });
  }
  return m;
}

/**
 * Kish effective sample size n_eff = (Σ w)² / Σ w²; equals n when all weights are equal,
 * 0 for an empty sample (or one whose weights are all zero).
 */
export function effectiveN(m: Moments): number {
  return m.sumW2 > 0 ? (m.sumW * m.sumW) / m.sumW2 : 0;
}

/**
 * Kish design effect of unequal weighting deff = n·Σ w² / (Σ w)² = n / n_eff (= 1 + CV²(w) with the
 * population CV); 1 when unweighted, and 1 by convention for an empty sample (n = 0 or all weights zero).
 */
export function designEffect(m: Moments): number {
  if (m.n === 0 || m.sumW2 === 0) return 1;
  return (m.n * m.sumW2) / (m.sumW * m.sumW);
}

/** A published figure with its interval; value/lower/upper/standardError are null when suppressed. */
export interface Estimate {
  /** Unweighted number of observations. */
  n: number;
  effectiveN: number;
  designEffect: number;
  value: number | null;
  lower: number | null;
  upper: number | null;
  standardError: number | null;
  /** True when n < minN (or there is nothing to estimate): the figure must not be shown. */
  suppressed: boolean;
  method: 'wilson' | 't' | 'normal';
}

function checkMinN(minN: number): void {
  if (!Number.isFinite(minN) || minN < 0)
    throw new RangeError(`minN must be a finite number >= 0, got ${minN}`);
}

function suppressed(m: Moments, method: Estimate['method']): Estimate {
  return {
    n: m.n,
    effectiveN: effectiveN(m),
    designEffect: designEffect(m),
    value: null,
    lower: null,
    upper: null,
    standardError: null,
    suppressed: true,
    method,
  };
}

/**
 * A weighted share in percent from 0/1 observations, with a Wilson score interval.
 *
 * - p = Σ w·x / Σ w (weighted share), value = 100·p;
 * - the Wilson interval uses the effective sample size n_eff = (Σ w)²/Σ w² in place of n:
 *   centre = (p + z²/(2n_eff)) / (1 + z²/n_eff),
 *   half = z / (1 + z²/n_eff) · √(p(1−p)/n_eff + z²/(4n_eff²)),
 *   lower/upper = 100·(centre ∓ half);
 * - standardError = 100·√(p(1−p)/n_eff);
 * - suppressed (value, bounds and SE null) when n < minN or n = 0; n, effectiveN and designEffect are
 *   always given.
 *
 * The observations must be 0/1; p is clamped to [0, 1] against rounding.
 */
export function estimateProportion(m: Moments, options: { minN: number; z?: number }): Estimate {
  const { minN, z = Z_95 } = options;
  checkMinN(minN);
  if (!Number.isFinite(z) || z <= 0) throw new RangeError(`z must be a finite number > 0, got ${z}`);
  if (m.n === 0 || m.n < minN || m.sumW <= 0) return suppressed(m, 'wilson');
  const p = Math.min(1, Math.max(0, m.sumWX / m.sumW));
  const nEff = effectiveN(m);
  const z2 = z * z;
  const denominator = 1 + z2 / nEff;
  const centre = (p + z2 / (2 * nEff)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / nEff + z2 / (4 * nEff * nEff));
  return {
    n: m.n,
    effectiveN: nEff,
    designEffect: designEffect(m),
    value: 100 * p,
    lower: 100 * Math.max(0, centre - half),
    upper: 100 * Math.min(1, centre + half),
    standardError: 100 * Math.sqrt((p * (1 - p)) / nEff),
    suppressed: false,
    method: 'wilson',
  };
}

/**
 * A weighted mean of observations on the 0..100 index scale, with a t (or normal) interval.
 *
 * - mean = Σ w·x / Σ w;
 * - s² = (Σ w·x² / Σ w − mean²) · n_eff / (n_eff − 1), with n_eff = (Σ w)²/Σ w² (for equal weights
 *   this is the ordinary sample variance with denominator n − 1);
 * - SE = s / √n_eff;
 * - interval mean ± q·SE with q = t(0.975, df = n_eff − 1) when n_eff < 100 (method 't'), otherwise
 *   q = z(0.975) = 1.959964 (method 'normal'); the bounds are clamped to [0, 100];
 * - n_eff ≤ 1: the mean is given but the interval and SE are null;
 * - suppressed (value, bounds and SE null) when n < minN or n = 0.
 */
export function estimateMean(m: Moments, options: { minN: number }): Estimate {
  const { minN } = options;
  checkMinN(minN);
  const nEff = effectiveN(m);
  const method: Estimate['method'] = nEff < 100 ? 't' : 'normal';
  if (m.n === 0 || m.n < minN || m.sumW <= 0) return suppressed(m, method);
  const mean = m.sumWX / m.sumW;
  const base: Estimate = {
    n: m.n,
    effectiveN: nEff,
    designEffect: designEffect(m),
    value: mean,
    lower: null,
    upper: null,
    standardError: null,
    suppressed: false,
    method,
  };
  if (nEff <= 1) return base;
  const variance = Math.max(0, m.sumWX2 / m.sumW - mean * mean) * (nEff / (nEff - 1));
  const se = Math.sqrt(variance / nEff);
  const q = method === 't' ? studentTQuantile(0.975, nEff - 1) : Z_95;
  return {
    ...base,
    lower: Math.max(0, mean - q * se),
    upper: Math.min(100, mean + q * se),
    standardError: se,
  };
}

// ---------------------------------------------------------------------------------------------
// Student t distribution
// ---------------------------------------------------------------------------------------------

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos approximation, g = 7, relative error about 1e-15). */
export function logGamma(x: number): number {
  if (x < 0.5) {
    // Reflection: Γ(x)Γ(1−x) = π / sin(πx).
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  }
  const y = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i] / (y + i);
  const t = y + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Continued fraction of the incomplete beta function (modified Lentz; Numerical Recipes `betacf`). */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 10_000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return h;
}

/**
 * The regularized incomplete beta function I_x(a, b) = B(x; a, b) / B(a, b) for 0 ≤ x ≤ 1, a, b > 0,
 * by its continued fraction, using I_x(a, b) = 1 − I_{1−x}(b, a) where that converges faster.
 */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (!(a > 0) || !(b > 0)) throw new RangeError(`a and b must be > 0, got ${a}, ${b}`);
  if (!(x >= 0 && x <= 1)) throw new RangeError(`x must be in [0, 1], got ${x}`);
  if (x === 0) return 0;
  if (x === 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a;
  return 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

/** Upper tail P(T > t) of Student's t with `df` degrees of freedom, for t ≥ 0: ½·I_{df/(df+t²)}(df/2, ½). */
function studentTUpperTail(t: number, df: number): number {
  return 0.5 * regularizedIncompleteBeta(df / (df + t * t), df / 2, 0.5);
}

/**
 * The p-quantile of Student's t distribution with `df` > 0 degrees of freedom (real df allowed, as
 * with effective sample sizes): the t with P(T ≤ t) = p. Found by bisection on the upper tail
 * P(T > t) = ½·I_{df/(df+t²)}(df/2, ½) until the bracket is narrower than 1e-12·max(1, t), then by
 * symmetry t_p = −t_{1−p}. E.g. t(0.975, 1) = 12.7062, t(0.975, 10) = 2.2281, t(0.975, 100) = 1.9840.
 * @throws RangeError unless 0 < p < 1 and df is a finite number > 0.
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`p must be in (0, 1), got ${p}`);
  if (!Number.isFinite(df) || df <= 0) throw new RangeError(`df must be a finite number > 0, got ${df}`);
  if (p === 0.5) return 0;
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  const tail = 1 - p;
  let lo = 0;
  let hi = 1;
  while (studentTUpperTail(hi, df) > tail) {
    lo = hi;
    hi *= 2;
    if (!Number.isFinite(hi)) return Infinity;
  }
  for (let i = 0; i < 2_000 && hi - lo > 1e-12 * Math.max(1, hi); i++) {
    const mid = (lo + hi) / 2;
    if (studentTUpperTail(mid, df) > tail) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Weights for respondents by raking (iterative proportional fitting) to population margins of sex and
 * age band. Pure functions, no dependencies.
 *
 * A respondent's stratum is their (sex, ageBand) profile; every respondent of a stratum gets the same
 * weight. Respondents who did not disclose their sex or age band keep weight 1.
 */
import { AGE_BANDS, type AgeBand, SEXES, type Sex } from '../instruments/types';

/** Stratum key `${sex ?? '-'}|${ageBand ?? '-'}`, e.g. `female|25-34`, `-|60+`, `-|-`. */
export type WeightKey = string;

/** The stratum key of a profile: `${sex ?? '-'}|${ageBand ?? '-'}`. */
export function weightKey(sex: Sex | null | undefined, ageBand: AgeBand | null | undefined): WeightKey {
  return `${sex ?? '-'}|${ageBand ?? '-'}`;
}

/**
 * The profile of a stratum key (inverse of {@link weightKey}; `-` stands for undisclosed).
 * @throws RangeError when the key is not of the form `sex|ageBand` with known values.
 */
export function parseWeightKey(key: string): { sex: Sex | null; ageBand: AgeBand | null } {
  const bar = key.indexOf('|');
  if (bar < 0 || key.indexOf('|', bar + 1) >= 0) throw new RangeError(`not a weight key: ${key}`);
  const sexPart = key.slice(0, bar);
  const agePart = key.slice(bar + 1);
  const sex =
    sexPart === '-' ? null : (SEXES as readonly string[]).includes(sexPart) ? (sexPart as Sex) : undefined;
  const ageBand =
    agePart === '-'
      ? null
      : (AGE_BANDS as readonly string[]).includes(agePart)
        ? (agePart as AgeBand)
        : undefined;
  if (sex === undefined || ageBand === undefined) throw new RangeError(`not a weight key: ${key}`);
  return { sex, ageBand };
}

/** Number of respondents with one profile (null = not disclosed). */
export interface ProfileCell {
  sex: Sex | null;
  ageBand: AgeBand | null;
  n: number;
}

/** Population margins, as shares or counts (each margin is normalised to sum 1). */
export interface PopulationMargins {
  sex: Record<Sex, number>;
  ageBand: Record<AgeBand, number>;
}

export interface RakingOptions {
  /** Largest allowed |weighted share − target share| over all margin categories; default 1e-6. */
  tolerance?: number;
  /** Default 100; one iteration adjusts the sex margin, then the age-band margin. */
  maxIterations?: number;
}

export interface RakingResult {
  /**
   * Weight per stratum key ({@link weightKey}) for all 2 × 5 disclosed profiles (also those with no
   * respondents, so a late response can be weighted) and every undisclosed key (weight 1).
   */
  weights: Record<WeightKey, number>;
  /** Whether the weighted margins reached the targets within the tolerance. */
  converged: boolean;
  /** Iterations run (0 when the sample already matched the margins). */
  iterations: number;
  /** Largest |weighted share − target share| at the end, over the reachable categories. */
  maxDeviation: number;
  /**
   * Categories with a population share > 0 but no disclosed respondent: the rake cannot reach them, so
   * their share is left out and the other categories of that margin are rescaled to sum 1.
   */
  unmatched: Array<Sex | AgeBand>;
  /** Weight of a respondent with this profile (1 when the sex or the age band is undisclosed). */
  weightOf(sex: Sex | null | undefined, ageBand: AgeBand | null | undefined): number;
}

function normalise<K extends string>(
  name: string,
  keys: readonly K[],
  values: Record<K, number>,
): Record<K, number> {
  let total = 0;
  for (const k of keys) {
    const v = values[k];
    if (!Number.isFinite(v) || v < 0)
      throw new RangeError(`${name} margin of ${k} must be a finite number >= 0`);
    total += v;
  }
  if (total <= 0) throw new RangeError(`${name} margins must not all be zero`);
  const out = {} as Record<K, number>;
  for (const k of keys) out[k] = values[k] / total;
  return out;
}

/**
 * Rakes stratum weights to the sex and age-band margins (iterative proportional fitting).
 *
 * Over the disclosed respondents (N_d of them, counts n_sa), weights have the form w_sa = r_s·c_a.
 * Starting from r = c = 1, each iteration sets
 *   r_s ← r_s · (T_s·N_d) / Σ_a w_sa·n_sa   (sex margin matched), then
 *   c_a ← c_a · (T_a·N_d) / Σ_s w_sa·n_sa   (age-band margin matched),
 * with T the normalised target shares, until max |Σ w n share − T| ≤ tolerance (1e-6) or 100 iterations.
 * Categories with a target > 0 but no disclosed respondent are reported in `unmatched` and dropped from
 * their margin (the rest rescaled to sum 1), so the rake still converges and weights stay finite.
 * Finally the disclosed weights are scaled so Σ w·n over them is N_d; respondents with an undisclosed
 * sex or age band keep weight 1, hence Σ w·n over everyone = total n (mean weight 1).
 * A category with a target of 0 gets weight 0. If no disclosed respondent is in a category with a
 * target > 0, weights stay 1 and `converged` is false.
 */
export function rakeWeights(
  cells: readonly ProfileCell[],
  margins: PopulationMargins,
  options: RakingOptions = {},
): RakingResult {
  const tolerance = options.tolerance ?? 1e-6;
  const maxIterations = options.maxIterations ?? 100;
  const sexTarget = normalise('sex', SEXES, margins.sex);
  const ageTarget = normalise('ageBand', AGE_BANDS, margins.ageBand);

  // Disclosed counts n[s][a].
  const counts = new Map<WeightKey, number>();
  let disclosed = 0;
  for (const cell of cells) {
    if (!Number.isInteger(cell.n) || cell.n < 0)
      throw new RangeError(`cell count must be an integer >= 0, got ${cell.n}`);
    if (cell.sex === null || cell.ageBand === null) continue;
    const key = weightKey(cell.sex, cell.ageBand);
    counts.set(key, (counts.get(key) ?? 0) + cell.n);
    disclosed += cell.n;
  }
  const n = (s: Sex, a: AgeBand) => counts.get(weightKey(s, a)) ?? 0;
  const sexCount = (s: Sex) => AGE_BANDS.reduce((t, a) => t + n(s, a), 0);
  const ageCount = (a: AgeBand) => SEXES.reduce((t, s) => t + n(s, a), 0);

  // Unreachable categories: drop and rescale the rest of their margin.
  const unmatched: Array<Sex | AgeBand> = [];
  const sexes = SEXES.filter((s) => {
    if (sexCount(s) > 0) return true;
    if (sexTarget[s] > 0) unmatched.push(s);
    return false;
  });
  const bands = AGE_BANDS.filter((a) => {
    if (ageCount(a) > 0) return true;
    if (ageTarget[a] > 0) unmatched.push(a);
    return false;
  });
  const sexShare = (s: Sex) => sexTarget[s] / sexes.reduce((t, x) => t + sexTarget[x], 0);
  const ageShare = (a: AgeBand) => ageTarget[a] / bands.reduce((t, x) => t + ageTarget[x], 0);
  const feasible =
    disclosed > 0 && sexes.some((s) => sexTarget[s] > 0) && bands.some((a) => ageTarget[a] > 0);

  const r = Object.fromEntries(SEXES.map((s) => [s, 1])) as Record<Sex, number>;
  const c = Object.fromEntries(AGE_BANDS.map((a) => [a, 1])) as Record<AgeBand, number>;
  const weightedSex = (s: Sex) => AGE_BANDS.reduce((t, a) => t + r[s] * c[a] * n(s, a), 0);
  const weightedAge = (a: AgeBand) => SEXES.reduce((t, s) => t + r[s] * c[a] * n(s, a), 0);
  const deviation = () => {
    const total = sexes.reduce((t, s) => t + weightedSex(s), 0);
    if (total <= 0) return Infinity;
    let max = 0;
    for (const s of sexes) max = Math.max(max, Math.abs(weightedSex(s) / total - sexShare(s)));
    for (const a of bands) max = Math.max(max, Math.abs(weightedAge(a) / total - ageShare(a)));
    return max;
  };

  let iterations = 0;
  let maxDeviation = feasible ? deviation() : Infinity;
  let converged = feasible && maxDeviation <= tolerance;
  while (feasible && !converged && iterations < maxIterations) {
    iterations++;
    for (const s of sexes) {
      const current = weightedSex(s);
      r[s] = current > 0 ? (r[s] * sexShare(s) * disclosed) / current : r[s];
    }
    for (const a of bands) {
      const current = weightedAge(a);
      c[a] = current > 0 ? (c[a] * ageShare(a) * disclosed) / current : c[a];
    }
    maxDeviation = deviation();
    converged = maxDeviation <= tolerance;
  }

  // Scale the disclosed weights so that Σ w·n over the disclosed respondents = N_d.
  let scale = 1;
  if (feasible) {
    const weightedTotal = sexes.reduce((t, s) => t + weightedSex(s), 0);
    scale = weightedTotal > 0 ? disclosed / weightedTotal : 1;
  }
  const weights: Record<WeightKey, number> = {};
  for (const s of SEXES) {
    for (const a of AGE_BANDS) {
      const w = feasible ? r[s] * c[a] * scale : 1;
      weights[weightKey(s, a)] = Number.isFinite(w) ? w : 1;
    }
  }
  for (const s of [...SEXES, null]) weights[weightKey(s, null)] = 1;
  for (const a of AGE_BANDS) weights[weightKey(null, a)] = 1;

  return {
    weights,
    converged,
    iterations,
    maxDeviation,
    unmatched,
    weightOf: (sex, ageBand) => (sex == null || ageBand == null ? 1 : weights[weightKey(sex, ageBand)]),
  };
}

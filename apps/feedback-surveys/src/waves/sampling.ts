/**
 * Sampling for area-survey waves: a seeded, stratified random sample without replacement from a frame
 * of entries per precinct, with optional sub-quotas by sex and age band, and the usual sample-size
 * formulas for a proportion. Pure functions, no dependencies.
 */
import { mulberry32 } from '@seriktes/runtime/random';
import { AGE_BANDS, type AgeBand, SEXES, type Sex } from '../instruments/types';

/** One entry of the sampling frame; `ref` is an opaque identifier, never interpreted. */
export interface FrameEntry {
  ref: string;
  precinctCode: string;
  sex?: Sex | null;
  ageBand?: AgeBand | null;
}

/** How many entries to draw in a precinct, with optional sub-quotas filled first. */
export interface PrecinctQuota {
  precinctCode: string;
  size: number;
  bySex?: Partial<Record<Sex, number>>;
  byAgeBand?: Partial<Record<AgeBand, number>>;
}

export interface PrecinctSampleReport {
  precinctCode: string;
  /** Entries of the precinct in the frame (after dropping duplicate refs). */
  frameSize: number;
  /** The quota's size. */
  wanted: number;
  selected: number;
  /** wanted − selected. */
  shortfall: number;
}

export interface SampleResult {
  /** Refs drawn, precinct by precinct in the order of the quotas, each in its shuffled (random) order. */
  selected: string[];
  perPrecinct: PrecinctSampleReport[];
  warnings: string[];
}

/**
 * A 32-bit hash of a string (FNV-1a over UTF-16 code units, then the murmur3 finaliser to spread the
 * bits), used to seed {@link mulberry32}.
 */
export function hashSeed(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export { mulberry32 };

/** A seeded generator of uniform numbers in [0, 1): mulberry32(hashSeed(seed)). */
export function seededRandom(seed: string): () => number {
  return mulberry32(hashSeed(seed));
}

/** A shuffled copy of `items` (Fisher–Yates: for i = n−1..1 swap i with j = ⌊u·(i+1)⌋). */
export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function checkCount(what: string, value: number): void {
  if (!Number.isInteger(value) || value < 0)
    throw new RangeError(`${what} must be an integer >= 0, got ${value}`);
}

/**
 * Draws a stratified random sample without replacement, one stratum per precinct with a quota.
 *
 * Per precinct: its frame entries (duplicate refs dropped with a warning, first kept) are sorted by ref
 * and shuffled with a generator seeded by `${seed}` + NUL + precinct code, so the draw depends only on
 * the seed and the precinct's entries (not on the frame order or on other precincts). Then passes over
 * the shuffled order take, while fewer than `size` are selected, the entries that
 * 1. help both an unmet sex sub-quota and an unmet age-band sub-quota;
 * 2. help an unmet sex sub-quota without going beyond a met age-band sub-quota;
 * 3. help an unmet age-band sub-quota without going beyond a met sex sub-quota;
 * 4. help an unmet sex sub-quota; 5. help an unmet age-band sub-quota;
 * 6. are left (the rest of `size`, from any remaining entry of the precinct).
 * An entry counts towards every sub-quota it matches. Serving both margins first lets e.g.
 * bySex {female: 10, male: 10} with byAgeBand {'60+': 8} and size 20 be met exactly together. The
 * sample never exceeds `size`; entries of unknown sex or age band only serve the other margin or pass 6.
 * Entries of precincts without a quota are never selected. Warnings: sub-quotas summing above the size,
 * a sub-quota left unmet after drawing (with the number of matching frame entries), a size larger than
 * the precinct's frame (shortfall), duplicate refs in the frame.
 * @throws RangeError when a size or sub-quota is not a non-negative integer or a precinct has two quotas.
 */
export function drawSample(
  frame: readonly FrameEntry[],
  quotas: readonly PrecinctQuota[],
  seed: string,
): SampleResult {
  const warnings: string[] = [];
  const seen = new Set<string>();
  const byPrecinct = new Map<string, FrameEntry[]>();
  for (const entry of frame) {
    if (seen.has(entry.ref)) {
      warnings.push(`frame: duplicate ref ${entry.ref} ignored`);
      continue;
    }
    seen.add(entry.ref);
    const list = byPrecinct.get(entry.precinctCode) ?? [];
    list.push(entry);
    byPrecinct.set(entry.precinctCode, list);
  }

  const quotaPrecincts = new Set<string>();
  for (const quota of quotas) {
    if (quotaPrecincts.has(quota.precinctCode)) {
      throw new RangeError(`precinct ${quota.precinctCode} has more than one quota`);
    }
    quotaPrecincts.add(quota.precinctCode);
    checkCount(`size of precinct ${quota.precinctCode}`, quota.size);
    for (const [k, v] of Object.entries(quota.bySex ?? {}))
      checkCount(`sub-quota ${k} of ${quota.precinctCode}`, v);
    for (const [k, v] of Object.entries(quota.byAgeBand ?? {}))
      checkCount(`sub-quota ${k} of ${quota.precinctCode}`, v);
  }

  const selected: string[] = [];
  const perPrecinct: PrecinctSampleReport[] = [];
  for (const quota of quotas) {
    const code = quota.precinctCode;
    const entries = [...(byPrecinct.get(code) ?? [])].sort((a, b) =>
      a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0,
    );
    const order = shuffle(entries, seededRandom(`${seed}\u0000${code}`));
    const taken = new Set<FrameEntry>();
    const sexWant = (sex: Sex | null | undefined) => (sex ? (quota.bySex?.[sex] ?? 0) : 0);
    const ageWant = (band: AgeBand | null | undefined) => (band ? (quota.byAgeBand?.[band] ?? 0) : 0);
    const sexHave = new Map<Sex, number>();
    const ageHave = new Map<AgeBand, number>();
    const helpsSex = (e: FrameEntry) => !!e.sex && (sexHave.get(e.sex) ?? 0) < sexWant(e.sex);
    const helpsAge = (e: FrameEntry) => !!e.ageBand && (ageHave.get(e.ageBand) ?? 0) < ageWant(e.ageBand);
    const sexFull = (e: FrameEntry) => sexWant(e.sex) > 0 && !helpsSex(e);
    const ageFull = (e: FrameEntry) => ageWant(e.ageBand) > 0 && !helpsAge(e);
    /** One pass over the shuffled order, taking every entry that `wanted` accepts, up to the size. */
    const pass = (wanted: (e: FrameEntry) => boolean) => {
      for (const e of order) {
        if (taken.size >= quota.size) return;
        if (taken.has(e) || !wanted(e)) continue;
        taken.add(e);
        if (e.sex) sexHave.set(e.sex, (sexHave.get(e.sex) ?? 0) + 1);
        if (e.ageBand) ageHave.set(e.ageBand, (ageHave.get(e.ageBand) ?? 0) + 1);
      }
    };

    const sexTotal = SEXES.reduce((t, s) => t + sexWant(s), 0);
    if (sexTotal > quota.size) {
      warnings.push(`precinct ${code}: sub-quotas by sex (${sexTotal}) exceed the size ${quota.size}`);
    }
    const ageTotal = AGE_BANDS.reduce((t, a) => t + ageWant(a), 0);
    if (ageTotal > quota.size) {
      warnings.push(`precinct ${code}: sub-quotas by age band (${ageTotal}) exceed the size ${quota.size}`);
    }

    pass((e) => helpsSex(e) && helpsAge(e));
    pass((e) => helpsSex(e) && !ageFull(e));
    pass((e) => helpsAge(e) && !sexFull(e));
    pass(helpsSex);
    pass(helpsAge);
    pass(() => true);

    for (const sex of SEXES) {
      const want = sexWant(sex);
      const have = sexHave.get(sex) ?? 0;
      if (have < want) {
        const available = entries.filter((e) => e.sex === sex).length;
        warnings.push(
          `precinct ${code}: sub-quota sex=${sex} of ${want} met with ${have} (${available} in the frame)`,
        );
      }
    }
    for (const band of AGE_BANDS) {
      const want = ageWant(band);
      const have = ageHave.get(band) ?? 0;
      if (have < want) {
        const available = entries.filter((e) => e.ageBand === band).length;
        warnings.push(
          `precinct ${code}: sub-quota ageBand=${band} of ${want} met with ${have} (${available} in the frame)`,
        );
      }
    }

    const shortfall = quota.size - taken.size;
    if (shortfall > 0) {
      warnings.push(
        `precinct ${code}: quota of ${quota.size} but only ${entries.length} in the frame (shortfall ${shortfall})`,
      );
    }
    for (const e of order) if (taken.has(e)) selected.push(e.ref);
    perPrecinct.push({
      precinctCode: code,
      frameSize: entries.length,
      wanted: quota.size,
      selected: taken.size,
      shortfall,
    });
  }
  return { selected, perPrecinct, warnings };
}

// ---------------------------------------------------------------------------------------------
// Sample size for a proportion
// ---------------------------------------------------------------------------------------------

function checkProportionInputs(p: number, z: number): void {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`p must be in [0, 1], got ${p}`);
  if (!Number.isFinite(z) || z <= 0) throw new RangeError(`z must be a finite number > 0, got ${z}`);
}

/**
 * Margin of error (half-width, as a proportion) of a share estimated from a simple random sample of n:
 * e = z·√(p(1−p)/n), times the finite-population correction √((N − n)/(N − 1)) when the population
 * size N is given. E.g. n = 100, p = 0.5, z = 1.96: 1.96·0.05 = 0.098 (±9.8 points).
 * @throws RangeError unless n > 0, 0 ≤ p ≤ 1, z > 0 and N ≥ n.
 */
export function marginOfError(n: number, p = 0.5, z = 1.96, populationSize?: number): number {
  if (!Number.isFinite(n) || n <= 0) throw new RangeError(`n must be a finite number > 0, got ${n}`);
  checkProportionInputs(p, z);
  const e = z * Math.sqrt((p * (1 - p)) / n);
  if (populationSize === undefined) return e;
  if (!Number.isFinite(populationSize) || populationSize < n) {
    throw new RangeError(`population size must be a finite number >= n, got ${populationSize}`);
  }
  if (populationSize <= 1) return 0;
  return e * Math.sqrt((populationSize - n) / (populationSize - 1));
}

/**
 * Sample size for a share with the given margin of error (as a proportion, e.g. 0.05):
 * n0 = z²·p(1−p)/e², and with a population size N the finite-population correction
 * n = n0 / (1 + (n0 − 1)/N); rounded up (after subtracting 1e-9 against floating-point noise).
 * E.g. e = 0.05: n0 = 3.8416·0.25/0.0025 = 384.16 → 385; e = 0.03: 1067.11 → 1068.
 * @throws RangeError unless 0 < e < 1, 0 ≤ p ≤ 1, z > 0 and N > 0.
 */
export function requiredSampleSize(
  marginOfError: number,
  p = 0.5,
  z = 1.96,
  populationSize?: number,
): number {
  if (!(marginOfError > 0 && marginOfError < 1)) {
    throw new RangeError(`margin of error must be in (0, 1), got ${marginOfError}`);
  }
  checkProportionInputs(p, z);
  let n = (z * z * p * (1 - p)) / (marginOfError * marginOfError);
  if (populationSize !== undefined) {
    if (!Number.isFinite(populationSize) || populationSize <= 0) {
      throw new RangeError(`population size must be a finite number > 0, got ${populationSize}`);
    }
    n = n / (1 + (n - 1) / populationSize);
  }
  return Math.max(0, Math.ceil(n - 1e-9));
}

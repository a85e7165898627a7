import { AGE_BANDS, type AgeBand, SEXES, type Sex } from '../instruments/types';
import { designEffect, effectiveN, weightedMoments } from './statistics';
import {
  parseWeightKey,
  type PopulationMargins,
  type ProfileCell,
  rakeWeights,
  weightKey,
} from './weighting';

/** Age-band margins with the given shares and 0 elsewhere. */
function ages(shares: Partial<Record<AgeBand, number>>): Record<AgeBand, number> {
  return Object.fromEntries(AGE_BANDS.map((a) => [a, shares[a] ?? 0])) as Record<AgeBand, number>;
}

const half: Record<Sex, number> = { female: 0.5, male: 0.5 };

/** Σ w·n over cells, with the result's weights. */
function weightedTotal(cells: ProfileCell[], weightOf: (s: Sex | null, a: AgeBand | null) => number): number {
  return cells.reduce((t, c) => t + weightOf(c.sex, c.ageBand) * c.n, 0);
}

/** Weighted share of the disclosed respondents matching `pick`. */
function weightedShare(
  cells: ProfileCell[],
  weightOf: (s: Sex | null, a: AgeBand | null) => number,
  pick: (c: ProfileCell) => boolean,
): number {
  const disclosed = cells.filter((c) => c.sex !== null && c.ageBand !== null);
  return weightedTotal(disclosed.filter(pick), weightOf) / weightedTotal(disclosed, weightOf);
}

describe('weightKey / parseWeightKey', () => {
  it('formats keys with - for undisclosed', () => {
    expect(weightKey('female', '25-34')).toBe('female|25-34');
    expect(weightKey(null, '60+')).toBe('-|60+');
    expect(weightKey('male', null)).toBe('male|-');
    expect(weightKey(null, null)).toBe('-|-');
    expect(weightKey(undefined, undefined)).toBe('-|-');
  });

  it('round-trips every profile', () => {
    for (const s of [...SEXES, null]) {
      for (const a of [...AGE_BANDS, null]) {
        expect(parseWeightKey(weightKey(s, a))).toEqual({ sex: s, ageBand: a });
      }
    }
  });

  it('rejects malformed keys', () => {
    for (const bad of ['', 'female', 'female|25-34|x', 'woman|25-34', 'female|25-35', 'female|', '|-']) {
      expect(() => parseWeightKey(bad)).toThrow(RangeError);
    }
  });
});

describe('rakeWeights', () => {
  it('sample 60 % female vs population 50 %: one step, w_f = 50/60, w_m = 50/40', () => {
    // Age bands already at 50/50 within each sex, so only the sex factor moves:
    // female weight = 0.5·100/60 = 0.833333, male weight = 0.5·100/40 = 1.25
    const cells: ProfileCell[] = [
      { sex: 'female', ageBand: '25-34', n: 30 },
      { sex: 'female', ageBand: '45-59', n: 30 },
      { sex: 'male', ageBand: '25-34', n: 20 },
      { sex: 'male', ageBand: '45-59', n: 20 },
    ];
    const result = rakeWeights(cells, { sex: half, ageBand: ages({ '25-34': 0.5, '45-59': 0.5 }) });
    expect(result.converged).toBe(true);
    expect(result.iterations).toBe(1);
    expect(result.unmatched).toEqual([]);
    expect(result.weightOf('female', '25-34')).toBeCloseTo(5 / 6, 10);
    expect(result.weightOf('female', '45-59')).toBeCloseTo(5 / 6, 10);
    expect(result.weightOf('male', '25-34')).toBeCloseTo(1.25, 10);
    expect(result.weightOf('male', '45-59')).toBeCloseTo(1.25, 10);
    expect(result.weights['female|25-34']).toBeCloseTo(5 / 6, 10);
    // Σ w n = 60·5/6 + 40·1.25 = 50 + 50 = 100
    expect(weightedTotal(cells, result.weightOf)).toBeCloseTo(100, 9);
  });

  it('2×2 with interaction: converges to the closed-form IPF solution', () => {
    // Sample (rows sex, columns age):      25-34  45-59
    //                              female     40     20    (60)
    //                              male       10     30    (40)
    // Targets: sex 50/50, age 40/60 (N = 100). IPF keeps the odds ratio 40·30/(20·10) = 6.
    // Raked table a, 50−a / 40−a, 10+a with a(10+a) / ((50−a)(40−a)) = 6
    //   → a² + 10a = 6(2000 − 90a + a²) → 5a² − 550a + 12000 = 0 → a² − 110a + 2400 = 0
    //   → a = (110 − √(12100 − 9600))/2 = (110 − 50)/2 = 30
    // Raked table 30, 20 / 10, 40 → weights 30/40 = 0.75, 20/20 = 1, 10/10 = 1, 40/30 = 1.333333
    const cells: ProfileCell[] = [
      { sex: 'female', ageBand: '25-34', n: 40 },
      { sex: 'female', ageBand: '45-59', n: 20 },
      { sex: 'male', ageBand: '25-34', n: 10 },
      { sex: 'male', ageBand: '45-59', n: 30 },
    ];
    const result = rakeWeights(cells, { sex: half, ageBand: ages({ '25-34': 0.4, '45-59': 0.6 }) });
    expect(result.converged).toBe(true);
    expect(result.iterations).toBeGreaterThan(1);
    expect(result.iterations).toBeLessThanOrEqual(100);
    expect(result.maxDeviation).toBeLessThanOrEqual(1e-6);
    expect(result.weightOf('female', '25-34')).toBeCloseTo(0.75, 5);
    expect(result.weightOf('female', '45-59')).toBeCloseTo(1, 5);
    expect(result.weightOf('male', '25-34')).toBeCloseTo(1, 5);
    expect(result.weightOf('male', '45-59')).toBeCloseTo(4 / 3, 5);
    // weighted margins match the targets to 1e-6
    expect(Math.abs(weightedShare(cells, result.weightOf, (c) => c.sex === 'female') - 0.5)).toBeLessThan(
      1e-6,
    );
    expect(Math.abs(weightedShare(cells, result.weightOf, (c) => c.ageBand === '25-34') - 0.4)).toBeLessThan(
      1e-6,
    );
    expect(weightedTotal(cells, result.weightOf)).toBeCloseTo(100, 9);
  });

  it('margins given as population counts are normalised', () => {
    // Same sample as above, margins as counts: sex 250 000 / 250 000, age 200 000 / 300 000 → same shares
    const cells: ProfileCell[] = [
      { sex: 'female', ageBand: '25-34', n: 40 },
      { sex: 'female', ageBand: '45-59', n: 20 },
      { sex: 'male', ageBand: '25-34', n: 10 },
      { sex: 'male', ageBand: '45-59', n: 30 },
    ];
    const margins: PopulationMargins = {
      sex: { female: 250_000, male: 250_000 },
      ageBand: ages({ '25-34': 200_000, '45-59': 300_000 }),
    };
    const result = rakeWeights(cells, margins);
    expect(result.converged).toBe(true);
    expect(result.weightOf('female', '25-34')).toBeCloseTo(0.75, 5);
    expect(result.weightOf('male', '45-59')).toBeCloseTo(4 / 3, 5);
  });

  it('a sample that already matches needs 0 iterations and gets weight 1', () => {
    const cells: ProfileCell[] = [
      { sex: 'female', ageBand: '16-24', n: 10 },
      { sex: 'male', ageBand: '16-24', n: 10 },
      { sex: 'female', ageBand: '60+', n: 15 },
      { sex: 'male', ageBand: '60+', n: 15 },
    ];
    const result = rakeWeights(cells, { sex: half, ageBand: ages({ '16-24': 0.4, '60+': 0.6 }) });
    expect(result.converged).toBe(true);
    expect(result.iterations).toBe(0);
    for (const c of cells) expect(result.weightOf(c.sex, c.ageBand)).toBeCloseTo(1, 12);
  });

  it('undisclosed respondents get weight 1 and the total n is preserved', () => {
    // Disclosed part as in the 60 % female example (100 people); plus 5 + 3 + 2 + 4 undisclosed.
    const cells: ProfileCell[] = [
      { sex: 'female', ageBand: '25-34', n: 30 },
      { sex: 'female', ageBand: '45-59', n: 30 },
      { sex: 'male', ageBand: '25-34', n: 20 },
      { sex: 'male', ageBand: '45-59', n: 20 },
      { sex: null, ageBand: '25-34', n: 5 },
      { sex: 'female', ageBand: null, n: 3 },
      { sex: null, ageBand: null, n: 2 },
      { sex: 'male', ageBand: null, n: 4 },
    ];
    const result = rakeWeights(cells, { sex: half, ageBand: ages({ '25-34': 0.5, '45-59': 0.5 }) });
    expect(result.weightOf(null, '25-34')).toBe(1);
    expect(result.weightOf('female', null)).toBe(1);
    expect(result.weightOf(null, null)).toBe(1);
    expect(result.weightOf(undefined, '60+')).toBe(1);
    expect(result.weights['-|-']).toBe(1);
    expect(result.weights['male|-']).toBe(1);
    expect(result.weights['-|60+']).toBe(1);
    // undisclosed respondents do not disturb the raking of the disclosed ones
    expect(result.weightOf('female', '25-34')).toBeCloseTo(5 / 6, 10);
    expect(result.weightOf('male', '45-59')).toBeCloseTo(1.25, 10);
    // Σ w n = 50 + 50 + 5 + 3 + 2 + 4 = 114 = total n
    expect(weightedTotal(cells, result.weightOf)).toBeCloseTo(114, 9);
  });

  it('weights every profile key, including empty strata', () => {
    const result = rakeWeights([{ sex: 'female', ageBand: '35-44', n: 3 }], {
      sex: { female: 1, male: 0 },
      ageBand: ages({ '35-44': 1 }),
    });
    // 2 × 5 disclosed + 2 sex-only + 5 age-only + 1 fully undisclosed = 18 keys
    expect(Object.keys(result.weights)).toHaveLength(18);
    for (const w of Object.values(result.weights)) expect(Number.isFinite(w)).toBe(true);
    expect(result.weightOf('female', '35-44')).toBeCloseTo(1, 12);
  });

  it('converges on an uneven 2×3 table', () => {
    const cells: ProfileCell[] = [
      { sex: 'female', ageBand: '16-24', n: 12 },
      { sex: 'female', ageBand: '35-44', n: 31 },
      { sex: 'female', ageBand: '60+', n: 27 },
      { sex: 'male', ageBand: '16-24', n: 9 },
      { sex: 'male', ageBand: '35-44', n: 14 },
      { sex: 'male', ageBand: '60+', n: 7 },
    ];
    const margins: PopulationMargins = {
      sex: { female: 0.53, male: 0.47 },
      ageBand: ages({ '16-24': 0.25, '35-44': 0.45, '60+': 0.3 }),
    };
    const result = rakeWeights(cells, margins);
    expect(result.converged).toBe(true);
    const share = (pick: (c: ProfileCell) => boolean) => weightedShare(cells, result.weightOf, pick);
    expect(Math.abs(share((c) => c.sex === 'female') - 0.53)).toBeLessThan(1e-6);
    expect(Math.abs(share((c) => c.ageBand === '16-24') - 0.25)).toBeLessThan(1e-6);
    expect(Math.abs(share((c) => c.ageBand === '35-44') - 0.45)).toBeLessThan(1e-6);
    expect(Math.abs(share((c) => c.ageBand === '60+') - 0.3)).toBeLessThan(1e-6);
    expect(weightedTotal(cells, result.weightOf)).toBeCloseTo(100, 9);
  });

  it('reports an unreachable margin category and rescales the rest', () => {
    // No respondent aged 60+ although 20 % of the population is: 25-34 and 45-59 (0.4 each) become
    // 0.5 each. The sample is 40/60 by age and balanced by sex within age, so
    // c(25-34) = 0.5·100/40 = 1.25 and c(45-59) = 0.5·100/60 = 0.833333.
    const cells: ProfileCell[] = [
      { sex: 'female', ageBand: '25-34', n: 20 },
      { sex: 'male', ageBand: '25-34', n: 20 },
      { sex: 'female', ageBand: '45-59', n: 30 },
      { sex: 'male', ageBand: '45-59', n: 30 },
    ];
    const result = rakeWeights(cells, {
      sex: half,
      ageBand: ages({ '25-34': 0.4, '45-59': 0.4, '60+': 0.2 }),
    });
    expect(result.unmatched).toEqual(['60+']);
    expect(result.converged).toBe(true);
    expect(result.weightOf('female', '25-34')).toBeCloseTo(1.25, 10);
    expect(result.weightOf('male', '45-59')).toBeCloseTo(5 / 6, 10);
    expect(Number.isFinite(result.weightOf('female', '60+'))).toBe(true);
    expect(weightedTotal(cells, result.weightOf)).toBeCloseTo(100, 9);
  });

  it('reports a missing sex', () => {
    // Only women answered; men are half the population → 'male' unmatched, women raked by age only:
    // sample ages 10/30 vs population 50/50 → weights 0.5·40/10 = 2 and 0.5·40/30 = 0.666667
    const cells: ProfileCell[] = [
      { sex: 'female', ageBand: '16-24', n: 10 },
      { sex: 'female', ageBand: '60+', n: 30 },
    ];
    const result = rakeWeights(cells, { sex: half, ageBand: ages({ '16-24': 1, '60+': 1 }) });
    expect(result.unmatched).toEqual(['male']);
    expect(result.converged).toBe(true);
    expect(result.weightOf('female', '16-24')).toBeCloseTo(2, 10);
    expect(result.weightOf('female', '60+')).toBeCloseTo(2 / 3, 10);
  });

  it('lists unmatched categories, sexes first then age bands in order', () => {
    const result = rakeWeights([{ sex: 'male', ageBand: '35-44', n: 5 }], {
      sex: half,
      ageBand: ages({ '16-24': 1, '35-44': 1, '60+': 1 }),
    });
    expect(result.unmatched).toEqual(['female', '16-24', '60+']);
    expect(result.weightOf('male', '35-44')).toBeCloseTo(1, 12);
  });

  it('stops after maxIterations when the margins conflict with the sample', () => {
    // Only female 16-24 and male 60+: sex 50/50 forces 16-24 to 50 %, the age margin wants 30 %.
    const cells: ProfileCell[] = [
      { sex: 'female', ageBand: '16-24', n: 10 },
      { sex: 'male', ageBand: '60+', n: 10 },
    ];
    const margins: PopulationMargins = { sex: half, ageBand: ages({ '16-24': 0.3, '60+': 0.7 }) };
    const result = rakeWeights(cells, margins);
    expect(result.converged).toBe(false);
    expect(result.iterations).toBe(100);
    // after the age step: sex shares are 0.3/0.7 vs 0.5 → deviation 0.2
    expect(result.maxDeviation).toBeCloseTo(0.2, 10);
    for (const w of Object.values(result.weights)) expect(Number.isFinite(w)).toBe(true);
    expect(weightedTotal(cells, result.weightOf)).toBeCloseTo(20, 9);
    expect(rakeWeights(cells, margins, { maxIterations: 5 }).iterations).toBe(5);
  });

  it('with no disclosed respondent everyone keeps weight 1', () => {
    const cells: ProfileCell[] = [{ sex: null, ageBand: null, n: 7 }];
    const result = rakeWeights(cells, { sex: half, ageBand: ages({ '25-34': 1 }) });
    expect(result.converged).toBe(false);
    expect(result.iterations).toBe(0);
    expect(result.unmatched).toEqual(['female', 'male', '25-34']);
    for (const w of Object.values(result.weights)) expect(w).toBe(1);
  });

  it('merges duplicate cells of one profile', () => {
    const cells: ProfileCell[] = [
      { sex: 'female', ageBand: '25-34', n: 10 },
      { sex: 'female', ageBand: '25-34', n: 20 },
      { sex: 'male', ageBand: '25-34', n: 20 },
    ];
    const result = rakeWeights(cells, { sex: half, ageBand: ages({ '25-34': 1 }) });
    // female 30, male 20 of 50 → 25/30 and 25/20
    expect(result.weightOf('female', '25-34')).toBeCloseTo(5 / 6, 10);
    expect(result.weightOf('male', '25-34')).toBeCloseTo(1.25, 10);
  });

  it('rejects invalid margins and counts', () => {
    const cells: ProfileCell[] = [{ sex: 'female', ageBand: '25-34', n: 1 }];
    expect(() => rakeWeights(cells, { sex: { female: -1, male: 1 }, ageBand: ages({ '25-34': 1 }) })).toThrow(
      RangeError,
    );
    expect(() => rakeWeights(cells, { sex: { female: 0, male: 0 }, ageBand: ages({ '25-34': 1 }) })).toThrow(
      RangeError,
    );
    expect(() => rakeWeights(cells, { sex: half, ageBand: ages({}) })).toThrow(RangeError);
    expect(() =>
      rakeWeights([{ sex: 'female', ageBand: '25-34', n: -2 }], { sex: half, ageBand: ages({ '25-34': 1 }) }),
    ).toThrow(RangeError);
  });

  it('feeds weightedMoments: weighted female share equals the target, with its design effect', () => {
    // 60 % female example: weights 5/6 (60 women) and 1.25 (40 men)
    const cells: ProfileCell[] = [
      { sex: 'female', ageBand: '25-34', n: 30 },
      { sex: 'female', ageBand: '45-59', n: 30 },
      { sex: 'male', ageBand: '25-34', n: 20 },
      { sex: 'male', ageBand: '45-59', n: 20 },
    ];
    const { weightOf } = rakeWeights(cells, { sex: half, ageBand: ages({ '25-34': 0.5, '45-59': 0.5 }) });
    const m = weightedMoments(
      cells.map((c) => {
        const isFemale = c.sex === 'female' ? c.n : 0;
        return { n: c.n, sumX: isFemale, sumX2: isFemale, weight: weightOf(c.sex, c.ageBand) };
      }),
    );
    // Σw = 100, Σwx = 60·5/6 = 50 → 0.5
    expect(m.sumWX / m.sumW).toBeCloseTo(0.5, 10);
    // Σw² = 60·25/36 + 40·1.5625 = 41.666667 + 62.5 = 104.166667 → deff = 100·104.166667/100² = 1.0416667
    expect(designEffect(m)).toBeCloseTo(1.0416667, 6);
    expect(effectiveN(m)).toBeCloseTo(96, 6);
  });
});

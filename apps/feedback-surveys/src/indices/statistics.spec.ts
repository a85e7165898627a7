import {
  addObservation,
  combineMoments,
  designEffect,
  effectiveN,
  emptyMoments,
  estimateMean,
  estimateProportion,
  logGamma,
  type Moments,
  regularizedIncompleteBeta,
  studentTQuantile,
  weightedMoments,
  Z_95,
} from './statistics';

/** Moments of unweighted observations (w = 1 each). */
function momentsOf(xs: number[], w = 1): Moments {
  return xs.reduce((m, x) => addObservation(m, x, w), emptyMoments());
}

/** `count` copies of `x`. */
function rep(x: number, count: number): number[] {
  return Array.from({ length: count }, () => x);
}

/** 1..5 item scored (x − 1)/4 × 100. */
const scale5 = (x: number) => ((x - 1) / 4) * 100;

describe('moments', () => {
  it('empty moments are all zero', () => {
    expect(emptyMoments()).toEqual({ n: 0, sumW: 0, sumW2: 0, sumWX: 0, sumWX2: 0 });
  });

  it('addObservation accumulates and does not mutate', () => {
    const m0 = emptyMoments();
    const m1 = addObservation(m0, 50);
    // n 1, Σw 1, Σw² 1, Σwx 50, Σwx² 2500
    expect(m1).toEqual({ n: 1, sumW: 1, sumW2: 1, sumWX: 50, sumWX2: 2500 });
    const m2 = addObservation(m1, 10, 3);
    // n 2, Σw 1+3=4, Σw² 1+9=10, Σwx 50+30=80, Σwx² 2500+3·100=2800
    expect(m2).toEqual({ n: 2, sumW: 4, sumW2: 10, sumWX: 80, sumWX2: 2800 });
    expect(m0).toEqual(emptyMoments());
    expect(m1).toEqual({ n: 1, sumW: 1, sumW2: 1, sumWX: 50, sumWX2: 2500 });
  });

  it('addObservation rejects bad input', () => {
    expect(() => addObservation(emptyMoments(), NaN)).toThrow(RangeError);
    expect(() => addObservation(emptyMoments(), 1, -1)).toThrow(RangeError);
    expect(() => addObservation(emptyMoments(), 1, Infinity)).toThrow(RangeError);
  });

  it('combineMoments adds component-wise', () => {
    const a = momentsOf([0, 100]);
    const b = momentsOf([50], 2);
    // a: n 2, Σw 2, Σw² 2, Σwx 100, Σwx² 10000; b: n 1, Σw 2, Σw² 4, Σwx 100, Σwx² 5000
    expect(combineMoments(a, b)).toEqual({ n: 3, sumW: 4, sumW2: 6, sumWX: 200, sumWX2: 15000 });
    expect(combineMoments(a, emptyMoments())).toEqual(a);
  });

  it('weightedMoments: one weight per stratum', () => {
    const m = weightedMoments([
      { n: 10, sumX: 6, sumX2: 6, weight: 2 },
      { n: 20, sumX: 4, sumX2: 4, weight: 0.5 },
    ]);
    // n = 30; Σw = 2·10 + 0.5·20 = 30; Σw² = 4·10 + 0.25·20 = 45; Σwx = 2·6 + 0.5·4 = 14; Σwx² = 14
    expect(m).toEqual({ n: 30, sumW: 30, sumW2: 45, sumWX: 14, sumWX2: 14 });
  });

  it('weightedMoments equals adding the observations one by one', () => {
    // stratum A: values 0, 50, 100 with weight 1.5; stratum B: 25, 75 with weight 0.25
    const byStrata = weightedMoments([
      { n: 3, sumX: 150, sumX2: 0 + 2500 + 10000, weight: 1.5 },
      { n: 2, sumX: 100, sumX2: 625 + 5625, weight: 0.25 },
    ]);
    const oneByOne = combineMoments(momentsOf([0, 50, 100], 1.5), momentsOf([25, 75], 0.25));
    expect(byStrata.n).toBe(oneByOne.n);
    expect(byStrata.sumW).toBeCloseTo(oneByOne.sumW, 12);
    expect(byStrata.sumW2).toBeCloseTo(oneByOne.sumW2, 12);
    expect(byStrata.sumWX).toBeCloseTo(oneByOne.sumWX, 12);
    expect(byStrata.sumWX2).toBeCloseTo(oneByOne.sumWX2, 12);
  });

  it('weightedMoments rejects bad strata', () => {
    expect(() => weightedMoments([{ n: -1, sumX: 0, sumX2: 0, weight: 1 }])).toThrow(RangeError);
    expect(() => weightedMoments([{ n: 1.5, sumX: 0, sumX2: 0, weight: 1 }])).toThrow(RangeError);
    expect(() => weightedMoments([{ n: 1, sumX: 0, sumX2: 0, weight: -2 }])).toThrow(RangeError);
  });
});

describe('design effect and effective n', () => {
  it('is 1 and n when unweighted', () => {
    const m = momentsOf(rep(1, 12));
    expect(designEffect(m)).toBe(1);
    expect(effectiveN(m)).toBe(12);
  });

  it('is 1 and 0 for an empty sample', () => {
    expect(designEffect(emptyMoments())).toBe(1);
    expect(effectiveN(emptyMoments())).toBe(0);
  });

  it('equal non-unit weights do not change deff', () => {
    const m = momentsOf(rep(1, 8), 3.7);
    expect(designEffect(m)).toBeCloseTo(1, 12);
    expect(effectiveN(m)).toBeCloseTo(8, 12);
  });

  it('Kish deff with two weights', () => {
    // 10 with weight 2, 20 with weight 0.5: Σw = 30, Σw² = 45, n = 30
    // deff = 30·45/30² = 1350/900 = 1.5; n_eff = 900/45 = 20
    const m = weightedMoments([
      { n: 10, sumX: 0, sumX2: 0, weight: 2 },
      { n: 20, sumX: 0, sumX2: 0, weight: 0.5 },
    ]);
    expect(designEffect(m)).toBeCloseTo(1.5, 12);
    expect(effectiveN(m)).toBeCloseTo(20, 12);
    // deff = 1 + CV²(w) with the population CV: mean w = 1, var w = (10·1 + 20·0.25)/30 = 0.5
    expect(designEffect(m)).toBeCloseTo(1 + 0.5, 12);
  });
});

describe('studentTQuantile', () => {
  it.each([
    [1, 12.7062],
    [2, 4.3027],
    [5, 2.5706],
    [10, 2.2281],
    [29, 2.0452],
    [30, 2.0423],
    [100, 1.984],
  ])('t(0.975, %p) matches the table value %p', (df, table) => {
    expect(studentTQuantile(0.975, df)).toBeCloseTo(table, 4);
  });

  it('is accurate to 1e-6 against closed forms and published values', () => {
    // df = 1 (Cauchy): t_p = tan(π(p − ½)); tan(0.475π) = 12.70620473617...
    expect(Math.abs(studentTQuantile(0.975, 1) - Math.tan(Math.PI * 0.475))).toBeLessThan(1e-6);
    // df = 2: t_p = (2p − 1)/√(2p(1 − p)) ; p = 0.975: 0.95/√(2·0.975·0.025) = 0.95/√0.04875
    //       = 0.95/0.2207940 = 4.3026527...
    expect(Math.abs(studentTQuantile(0.975, 2) - 0.95 / Math.sqrt(0.04875))).toBeLessThan(1e-6);
    // df = 2, p = 0.9: 0.8/√(2·0.9·0.1) = 0.8/√0.18 = 1.8856180...
    expect(Math.abs(studentTQuantile(0.9, 2) - 0.8 / Math.sqrt(0.18))).toBeLessThan(1e-6);
    // Published (R qt / scipy) to 10 decimals.
    expect(Math.abs(studentTQuantile(0.975, 5) - 2.5705818356)).toBeLessThan(1e-6);
    expect(Math.abs(studentTQuantile(0.975, 10) - 2.228138852)).toBeLessThan(1e-6);
    expect(Math.abs(studentTQuantile(0.975, 19) - 2.0930240544)).toBeLessThan(1e-6);
    expect(Math.abs(studentTQuantile(0.975, 29) - 2.0452296421)).toBeLessThan(1e-6);
    expect(Math.abs(studentTQuantile(0.975, 30) - 2.0422724563)).toBeLessThan(1e-6);
    expect(Math.abs(studentTQuantile(0.975, 100) - 1.9839715185)).toBeLessThan(1e-6);
    expect(Math.abs(studentTQuantile(0.95, 10) - 1.8124611228)).toBeLessThan(1e-6);
  });

  it('handles real (non-integer) df, including df < 1', () => {
    // qt(0.975, 1.5) = 6.0166631044; qt(0.9, 3.7) = 1.5575658389; qt(0.975, 0.5) = 164.5576734805
    expect(Math.abs(studentTQuantile(0.975, 1.5) - 6.0166631044)).toBeLessThan(1e-6);
    expect(Math.abs(studentTQuantile(0.9, 3.7) - 1.5575658389)).toBeLessThan(1e-6);
    expect(Math.abs(studentTQuantile(0.975, 0.5) - 164.5576734805)).toBeLessThan(1e-5);
  });

  it('tends to the normal quantile for large df and is monotone in df', () => {
    expect(Math.abs(studentTQuantile(0.975, 1e6) - Z_95)).toBeLessThan(1e-5);
    expect(studentTQuantile(0.975, 29.5)).toBeLessThan(studentTQuantile(0.975, 29));
    expect(studentTQuantile(0.975, 29.5)).toBeGreaterThan(studentTQuantile(0.975, 30));
  });

  it('is symmetric around 0', () => {
    expect(studentTQuantile(0.5, 7)).toBe(0);
    expect(studentTQuantile(0.025, 5)).toBeCloseTo(-2.5705818356, 6);
  });

  it('rejects p outside (0, 1) and df ≤ 0', () => {
    expect(() => studentTQuantile(0, 5)).toThrow(RangeError);
    expect(() => studentTQuantile(1, 5)).toThrow(RangeError);
    expect(() => studentTQuantile(0.975, 0)).toThrow(RangeError);
    expect(() => studentTQuantile(0.975, NaN)).toThrow(RangeError);
  });
});

describe('special functions', () => {
  it('logGamma', () => {
    // Γ(5) = 24, Γ(½) = √π, Γ(10) = 362880
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 10);
    expect(logGamma(0.25)).toBeCloseTo(Math.log(3.625609908221908), 12);
  });

  it('regularizedIncompleteBeta', () => {
    // I_x(1, 1) = x; I_x(2, 1) = x²; I_x(1, 3) = 1 − (1 − x)³
    expect(regularizedIncompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 12);
    expect(regularizedIncompleteBeta(0.3, 2, 1)).toBeCloseTo(0.09, 12);
    expect(regularizedIncompleteBeta(0.3, 1, 3)).toBeCloseTo(1 - 0.343, 12);
    // I_x(½, ½) = (2/π)·asin(√x): x = 0.25 → (2/π)·(π/6) = 1/3
    expect(regularizedIncompleteBeta(0.25, 0.5, 0.5)).toBeCloseTo(1 / 3, 12);
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
    expect(() => regularizedIncompleteBeta(1.1, 2, 3)).toThrow(RangeError);
  });
});

describe('estimateProportion (Wilson)', () => {
  /** 18 ones and 12 zeros. */
  const yes18of30 = momentsOf([...rep(1, 18), ...rep(0, 12)]);

  it('18 of 30 → 60 % with the Wilson interval', () => {
    // p = 0.6, n = 30, z = 1.959963984540054, z² = 3.841458820694124
    // z²/n = 0.128048627356471; d = 1 + z²/n = 1.128048627356471
    // centre = (0.6 + z²/(2n)) / d = (0.6 + 0.064024313678235) / d = 0.664024313678235 / 1.128048627356471
    //        = 0.588648660
    // half = z/d · √(p(1−p)/n + z²/(4n²)) = 1.737483... · √(0.008 + 3.841458820694/3600)
    //      = 1.7374829 · √(0.009067072) = 1.7374829 · 0.0952211 = 0.1654450
    // lower = 0.4232036, upper = 0.7540937
    const e = estimateProportion(yes18of30, { minN: 30 });
    expect(e.suppressed).toBe(false);
    expect(e.method).toBe('wilson');
    expect(e.n).toBe(30);
    expect(e.effectiveN).toBe(30);
    expect(e.designEffect).toBe(1);
    expect(e.value).toBeCloseTo(60, 10);
    expect(e.lower).toBeCloseTo(42.32036, 4);
    expect(e.upper).toBeCloseTo(75.40937, 4);
    // SE = 100·√(0.24/30) = 100·√0.008 = 8.944272
    expect(e.standardError).toBeCloseTo(8.944272, 5);
  });

  it('z = 1.96 gives the textbook [42.32, 75.41]', () => {
    // z² = 3.8416; d = 1.128053333; centre = (0.6 + 0.0640267)/d = 0.588648...;
    // half = (1.96/d)·√(0.008 + 3.8416/3600) = 1.7374777·0.0952218 = 0.1654478 → [0.4232005, 0.7540961]
    const e = estimateProportion(yes18of30, { minN: 1, z: 1.96 });
    expect(e.lower).toBeCloseTo(42.32005, 4);
    expect(e.upper).toBeCloseTo(75.40961, 4);
  });

  it('0 of 30 and 30 of 30 stay inside [0, 100]', () => {
    // p = 0: lower = 0, upper = z²/(n + z²) = 3.8414588/33.8414588 = 0.1135134
    const none = estimateProportion(momentsOf(rep(0, 30)), { minN: 30 });
    expect(none.value).toBe(0);
    expect(none.lower).toBeCloseTo(0, 10);
    expect(none.upper).toBeCloseTo(11.35134, 4);
    expect(none.standardError).toBe(0);
    // p = 1 mirrors it: lower = 1 − 0.1135134
    const all = estimateProportion(momentsOf(rep(1, 30)), { minN: 30 });
    expect(all.value).toBe(100);
    expect(all.lower).toBeCloseTo(88.64866, 4);
    expect(all.upper).toBeCloseTo(100, 10);
  });

  it('suppresses below minN but still reports n, n_eff and deff', () => {
    const at29 = estimateProportion(momentsOf([...rep(1, 17), ...rep(0, 12)]), { minN: 30 });
    expect(at29).toEqual({
      n: 29,
      effectiveN: 29,
      designEffect: 1,
      value: null,
      lower: null,
      upper: null,
      standardError: null,
      suppressed: true,
      method: 'wilson',
    });
    const at30 = estimateProportion(yes18of30, { minN: 30 });
    expect(at30.suppressed).toBe(false);
    expect(at30.value).not.toBeNull();
  });

  it('n = 0 is suppressed even with minN 0', () => {
    const e = estimateProportion(emptyMoments(), { minN: 0 });
    expect(e.suppressed).toBe(true);
    expect(e.value).toBeNull();
    expect(e.n).toBe(0);
    expect(e.effectiveN).toBe(0);
    expect(e.designEffect).toBe(1);
  });

  it('weighted: Wilson with n_eff and the weighted share', () => {
    // stratum A: 10 respondents, 6 yes, weight 2; stratum B: 20 respondents, 4 yes, weight 0.5
    // Σw = 30, Σw² = 45, Σwx = 2·6 + 0.5·4 = 14 → p = 14/30 = 0.4666667 (unweighted would be 10/30)
    // n_eff = 30²/45 = 20, deff = 1.5
    // z²/n_eff = 3.8414588/20 = 0.1920729; d = 1.1920729
    // centre = (0.4666667 + 0.0960365)/d = 0.5627032/1.1920729 = 0.4720375
    // half = (1.9599640/1.1920729)·√(0.4666667·0.5333333/20 + 3.8414588/1600)
    //      = 1.6441660·√(0.0124444 + 0.0024009) = 1.6441660·0.1218415 = 0.2003275
    // → [0.2717100, 0.6723650]
    const m = weightedMoments([
      { n: 10, sumX: 6, sumX2: 6, weight: 2 },
      { n: 20, sumX: 4, sumX2: 4, weight: 0.5 },
    ]);
    const e = estimateProportion(m, { minN: 30 });
    expect(e.n).toBe(30);
    expect(e.effectiveN).toBeCloseTo(20, 10);
    expect(e.designEffect).toBeCloseTo(1.5, 10);
    expect(e.value).toBeCloseTo(46.66667, 4);
    expect(e.lower).toBeCloseTo(27.171, 3);
    expect(e.upper).toBeCloseTo(67.2365, 3);
    // SE = 100·√(0.4666667·0.5333333/20) = 100·√0.0124444 = 11.15547
    expect(e.standardError).toBeCloseTo(11.15547, 4);
  });

  it('rejects a negative minN or a non-positive z', () => {
    expect(() => estimateProportion(emptyMoments(), { minN: -1 })).toThrow(RangeError);
    expect(() => estimateProportion(emptyMoments(), { minN: 1, z: 0 })).toThrow(RangeError);
  });
});

describe('estimateMean', () => {
  // 30 answers to a 1..5 item: 2×1, 3×2, 7×3, 10×4, 8×5 → scored 0, 25, 50, 75, 100
  const answers = [...rep(1, 2), ...rep(2, 3), ...rep(3, 7), ...rep(4, 10), ...rep(5, 8)];
  const fixture = momentsOf(answers.map(scale5));

  it('fixture: 30 answers of a 1..5 item, t interval by hand', () => {
    // Σx = 0·2 + 25·3 + 50·7 + 75·10 + 100·8 = 0 + 75 + 350 + 750 + 800 = 1975 → mean = 65.833333
    // Σx² = 625·3 + 2500·7 + 5625·10 + 10000·8 = 1875 + 17500 + 56250 + 80000 = 155625
    // s² = (Σx²/n − mean²)·n/(n − 1) = (5187.5 − 4334.027778)·30/29 = 853.472222·1.034483 = 882.902299
    // s = 29.713672; SE = s/√30 = 29.713672/5.477226 = 5.424949
    // t(0.975, 29) = 2.045230 → half = 11.095268 → [54.738066, 76.928601]
    expect(fixture.sumWX).toBe(1975);
    expect(fixture.sumWX2).toBe(155625);
    const e = estimateMean(fixture, { minN: 30 });
    expect(e.suppressed).toBe(false);
    expect(e.method).toBe('t');
    expect(e.n).toBe(30);
    expect(e.effectiveN).toBe(30);
    expect(e.designEffect).toBe(1);
    expect(e.value).toBeCloseTo(65.833333, 5);
    expect(e.standardError).toBeCloseTo(5.424949, 5);
    expect(e.lower).toBeCloseTo(54.738066, 4);
    expect(e.upper).toBeCloseTo(76.928601, 4);
  });

  it('suppression: n = 29 hidden, n = 30 shown with minN 30', () => {
    const m29 = momentsOf(answers.slice(1).map(scale5));
    const e29 = estimateMean(m29, { minN: 30 });
    expect(e29.suppressed).toBe(true);
    expect(e29.value).toBeNull();
    expect(e29.lower).toBeNull();
    expect(e29.upper).toBeNull();
    expect(e29.standardError).toBeNull();
    expect(e29.n).toBe(29);
    expect(e29.effectiveN).toBe(29);
    expect(e29.designEffect).toBe(1);
    expect(estimateMean(fixture, { minN: 30 }).suppressed).toBe(false);
  });

  it('weighted mean with deff 1.5 uses n_eff in the variance, SE and df', () => {
    // A: 10 answers of 100 with weight 2; B: 20 answers of 50 with weight 0.5
    // Σw = 30, Σw² = 45 → n_eff = 20, deff = 1.5
    // Σwx = 2·1000 + 0.5·1000 = 2500 → mean = 83.333333 (unweighted would be 66.67)
    // Σwx² = 2·100000 + 0.5·50000 = 225000 → Σwx²/Σw = 7500
    // s² = (7500 − 6944.444444)·20/19 = 555.555556·1.052632 = 584.795322; s = 24.182542
    // SE = 24.182542/√20 = 24.182542/4.472136 = 5.407381
    // t(0.975, 19) = 2.093024 → half = 11.317778 → [72.015555, 94.651111]
    const m = weightedMoments([
      { n: 10, sumX: 1000, sumX2: 100000, weight: 2 },
      { n: 20, sumX: 1000, sumX2: 50000, weight: 0.5 },
    ]);
    const e = estimateMean(m, { minN: 30 });
    expect(e.method).toBe('t');
    expect(e.effectiveN).toBeCloseTo(20, 10);
    expect(e.designEffect).toBeCloseTo(1.5, 10);
    expect(e.value).toBeCloseTo(83.333333, 5);
    expect(e.standardError).toBeCloseTo(5.407381, 5);
    expect(e.lower).toBeCloseTo(72.015555, 4);
    expect(e.upper).toBeCloseTo(94.651111, 4);
  });

  it('normal quantile when n_eff ≥ 100', () => {
    // 100 answers of 0 and 100 of 100: mean 50, Σx²/n = 5000
    // s² = (5000 − 2500)·200/199 = 2512.562814; SE = √(2512.562814/200) = √12.562814 = 3.544406
    // half = 1.959964·3.544406 = 6.946908 → [43.053092, 56.946908]
    const e = estimateMean(momentsOf([...rep(0, 100), ...rep(100, 100)]), { minN: 30 });
    expect(e.method).toBe('normal');
    expect(e.value).toBe(50);
    expect(e.standardError).toBeCloseTo(3.544406, 5);
    expect(e.lower).toBeCloseTo(43.053092, 4);
    expect(e.upper).toBeCloseTo(56.946908, 4);
  });

  it('n_eff just below 100 still uses t', () => {
    // 99 observations: df 98, t(0.975, 98) = 1.984467 > 1.959964
    const e = estimateMean(momentsOf([...rep(0, 49), ...rep(100, 50)]), { minN: 30 });
    expect(e.method).toBe('t');
  });

  it('clamps the bounds to [0, 100]', () => {
    // 29 × 100 and 1 × 0: mean = 96.666667; s² = (9666.666667 − 9344.444444)·30/29 = 333.333333,
    // s = 18.257419, SE = 18.257419/√30 = 3.333333; half = 2.045230·3.333333 = 6.817432
    // → [89.849235, 103.484099] → upper clamped to 100
    const e = estimateMean(momentsOf([...rep(100, 29), 0]), { minN: 30 });
    expect(e.value).toBeCloseTo(96.666667, 5);
    expect(e.standardError).toBeCloseTo(3.333333, 5);
    expect(e.lower).toBeCloseTo(89.849235, 4);
    expect(e.upper).toBe(100);
  });

  it('zero variance gives a zero-width interval', () => {
    const e = estimateMean(momentsOf(rep(75, 40)), { minN: 30 });
    expect(e.value).toBe(75);
    expect(e.standardError).toBe(0);
    expect(e.lower).toBe(75);
    expect(e.upper).toBe(75);
  });

  it('n_eff ≤ 1 gives the mean without an interval', () => {
    const e = estimateMean(momentsOf([40]), { minN: 1 });
    expect(e.suppressed).toBe(false);
    expect(e.value).toBe(40);
    expect(e.lower).toBeNull();
    expect(e.upper).toBeNull();
    expect(e.standardError).toBeNull();
    // two observations, one with weight 0: Σw = 1, Σw² = 1 → n_eff = 1, deff = 2·1/1 = 2
    const zeroWeighted = combineMoments(momentsOf([40]), momentsOf([80], 0));
    const z = estimateMean(zeroWeighted, { minN: 2 });
    expect(z.n).toBe(2);
    expect(z.effectiveN).toBe(1);
    expect(z.designEffect).toBe(2);
    expect(z.value).toBe(40);
    expect(z.lower).toBeNull();
  });

  it('n = 0 is suppressed with nulls', () => {
    const e = estimateMean(emptyMoments(), { minN: 0 });
    expect(e.suppressed).toBe(true);
    expect(e.value).toBeNull();
    expect(e.effectiveN).toBe(0);
    expect(e.designEffect).toBe(1);
  });
});

import {
  aggregateForecastSd,
  DEMAND_FORMULA,
  forecastDemand,
  normalQuantile,
  zForLevel,
  type DemandMethod,
} from './demand';

/** mulberry32: a small seeded generator, so every "random" series is reproducible. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gaussian(next: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
}

/** Level 100, trend +1/month, seasonal amplitude 25 (period 12), Gaussian noise with the given sd. */
function truth(t: number): number {
  return 100 + t + 25 * Math.sin((2 * Math.PI * t) / 12);
}

function synthetic(months: number, seed: number, noiseSd: number): number[] {
  const next = random(seed);
  return Array.from({ length: months }, (_, t) => truth(t) + noiseSd * gaussian(next));
}

/** Poisson counts around a seasonal mean (Knuth's method, fine for small means). */
function poissonSeries(months: number, seed: number, mean: number): number[] {
  const next = random(seed);
  return Array.from({ length: months }, (_, t) => {
    const lambda = mean * (1 + 0.3 * Math.sin((2 * Math.PI * t) / 12));
    const limit = Math.exp(-lambda);
    let k = 0;
    let product = 1;
    do {
      k++;
      product *= next();
    } while (product > limit);
    return k - 1;
  });
}

describe('normalQuantile / zForLevel', () => {
  it('matches standard-normal tables', () => {
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 5);
    expect(zForLevel(0.95)).toBeCloseTo(1.959964, 5);
    expect(zForLevel(0.8)).toBeCloseTo(1.281552, 5);
  });

  it('rejects probabilities outside (0, 1)', () => {
    expect(() => normalQuantile(0)).toThrow(RangeError);
    expect(() => zForLevel(1)).toThrow(RangeError);
  });
});

describe('forecastDemand: seasonal series with trend', () => {
  const history = synthetic(48, 42, 2);
  const result = forecastDemand(history, { horizon: 12 });
  const bound = 0.6;

  it('uses damped additive Holt-Winters with parameters inside their bounds', () => {
    expect(result.method).toBe('holt-winters');
    const { alpha, beta, gamma, phi, seasonLength } = result.parameters;
    expect(seasonLength).toBe(12);
    expect(alpha).toBeGreaterThanOrEqual(0.01);
    expect(alpha).toBeLessThanOrEqual(0.99);
    expect(beta).toBeGreaterThan(0);
    expect(gamma).toBeGreaterThanOrEqual(0);
    expect(gamma).toBeLessThanOrEqual(1 - alpha + 1e-9);
    expect(phi).toBeGreaterThanOrEqual(0.8);
    expect(phi).toBeLessThanOrEqual(0.98);
    expect(result.fitted).toHaveLength(48);
    expect(result.residualSd).toBeGreaterThan(0.5);
    expect(result.residualSd).toBeLessThan(5);
  });

  it(`backtests with MASE < ${bound}, a bound that the naive last-value model does not meet`, () => {
    const { backtest } = result;
    expect(backtest.holdout).toBe(12);
    expect(backtest.mase).not.toBeNull();
    expect(backtest.mase!).toBeLessThan(bound);
    expect(backtest.mape!).toBeLessThan(10);

    // Naive last value on the same holdout, scaled by the same in-sample seasonal-naive MAE.
    const train = history.slice(0, 36);
    const holdout = history.slice(36);
    let scale = 0;
    for (let t = 12; t < 36; t++) scale += Math.abs(train[t] - train[t - 12]);
    scale /= 24;
    const last = train[35];
    const naiveMase =
      holdout.reduce((sum, actual) => sum + Math.abs(actual - last), 0) / holdout.length / scale;
    expect(naiveMase).toBeGreaterThan(bound);
    // The seasonal-naive benchmark reported by the backtest is beaten too.
    expect(backtest.naiveMase!).toBeGreaterThan(backtest.mase!);
  });

  it('tracks the known future within a tolerance', () => {
    result.forecast.forEach((point, h) => {
      expect(Math.abs(point.mean - truth(48 + h))).toBeLessThan(5);
    });
  });

  it('tracks a noise-free series closely (only the trend damping, φ <= 0.98, costs a little)', () => {
    const clean = Array.from({ length: 48 }, (_, t) => truth(t));
    const fit = forecastDemand(clean, { horizon: 12 });
    fit.forecast.forEach((point, h) => expect(Math.abs(point.mean - truth(48 + h))).toBeLessThan(2));
    fit.fitted.slice(24).forEach((value, i) => expect(Math.abs(value - truth(24 + i))).toBeLessThan(1));
  });

  it('widens the intervals with the horizon', () => {
    for (let h = 1; h < 12; h++) {
      expect(result.forecast[h].sd).toBeGreaterThan(result.forecast[h - 1].sd);
      expect(result.forecast[h].upper - result.forecast[h].lower).toBeGreaterThan(
        result.forecast[h - 1].upper - result.forecast[h - 1].lower,
      );
    }
    // A 24-month horizon keeps widening past the first season.
    const long = forecastDemand(history, { horizon: 24 });
    expect(long.forecast[23].sd).toBeGreaterThan(long.forecast[11].sd);
  });

  it('first interval is mean ± z σ (h = 1 has variance σ²)', () => {
    const first = result.forecast[0];
    expect(first.sd).toBeCloseTo(result.residualSd, 12);
    expect(first.upper - first.mean).toBeCloseTo(zForLevel(0.95) * result.residualSd, 9);
    const narrow = forecastDemand(history, { horizon: 1, level: 0.8 }).forecast[0];
    expect(narrow.upper - narrow.mean).toBeCloseTo(zForLevel(0.8) * result.residualSd, 9);
  });

  it('is deterministic, also after fits with other season lengths (shared scratch buffers)', () => {
    forecastDemand(synthetic(60, 7, 3), { horizon: 3, seasonLength: 24 });
    forecastDemand(synthetic(20, 8, 3), { horizon: 3, seasonLength: 4 });
    expect(forecastDemand(history, { horizon: 12 })).toEqual(result);
  });
});

describe('forecastDemand: interval coverage on noisy data', () => {
  it('95 % intervals contain 80-99 % of the truth over many seeded Gaussian series', () => {
    let inside = 0;
    let total = 0;
    for (let seed = 0; seed < 150; seed++) {
      const full = synthetic(48, 1000 + seed, 8);
      const fit = forecastDemand(full.slice(0, 36), { horizon: 12 });
      fit.forecast.forEach((point, h) => {
        total++;
        if (full[36 + h] >= point.lower && full[36 + h] <= point.upper) inside++;
      });
    }
    const coverage = inside / total;
    expect(coverage).toBeGreaterThan(0.8);
    expect(coverage).toBeLessThan(0.99);
  });

  it('and over Poisson count series', () => {
    let inside = 0;
    let total = 0;
    for (let seed = 0; seed < 150; seed++) {
      const full = poissonSeries(48, 500 + seed, 6);
      const fit = forecastDemand(full.slice(0, 36), { horizon: 12 });
      fit.forecast.forEach((point, h) => {
        total++;
        if (full[36 + h] >= point.lower && full[36 + h] <= point.upper) inside++;
      });
    }
    const coverage = inside / total;
    expect(coverage).toBeGreaterThan(0.8);
    expect(coverage).toBeLessThan(0.99);
  });
});

describe('forecastDemand: method by history length', () => {
  const methodFor = (months: number): DemandMethod =>
    forecastDemand(synthetic(months, 3, 2), { horizon: 2 }).method;

  it('switches at 6 and 2 × season', () => {
    expect(methodFor(0)).toBe('none');
    expect(methodFor(1)).toBe('mean');
    expect(methodFor(5)).toBe('mean');
    expect(methodFor(6)).toBe('damped-trend');
    expect(methodFor(23)).toBe('damped-trend');
    expect(methodFor(24)).toBe('holt-winters');
    expect(forecastDemand(synthetic(8, 3, 2), { horizon: 1, seasonLength: 4 }).method).toBe('holt-winters');
  });

  it('no history: zeros and no backtest', () => {
    const result = forecastDemand([], { horizon: 3 });
    expect(result.method).toBe('none');
    expect(result.parameters).toEqual({});
    expect(result.fitted).toEqual([]);
    expect(result.residualSd).toBe(0);
    expect(result.forecast).toEqual([
      { mean: 0, lower: 0, upper: 0, sd: 0 },
      { mean: 0, lower: 0, upper: 0, sd: 0 },
      { mean: 0, lower: 0, upper: 0, sd: 0 },
    ]);
    expect(result.backtest).toEqual({ holdout: 0, mape: null, mase: null, naiveMase: null });
  });

  it('mean model by hand: [4, 6, 8] → 6, σ = max(sd 2, √6), flat interval', () => {
    const result = forecastDemand([4, 6, 8], { horizon: 3 });
    expect(result.method).toBe('mean');
    const sigma = Math.sqrt(6);
    expect(result.residualSd).toBeCloseTo(sigma, 12);
    const sd = sigma * Math.sqrt(1 + 1 / 3);
    for (const point of result.forecast) {
      expect(point.mean).toBeCloseTo(6, 12);
      expect(point.sd).toBeCloseTo(sd, 12);
      expect(point.upper).toBeCloseTo(6 + 1.959964 * sd, 4);
      expect(point.lower).toBeCloseTo(Math.max(0, 6 - 1.959964 * sd), 4);
    }
    expect(result.fitted).toEqual([6, 6, 6]);
    expect(result.backtest.holdout).toBe(0);
  });

  it('mean model with a wide spread uses the sample sd', () => {
    const result = forecastDemand([0, 20], { horizon: 1 });
    expect(result.residualSd).toBeCloseTo(Math.sqrt(200), 12);
  });

  it('damped-trend Holt follows a short linear series', () => {
    const linear = Array.from({ length: 12 }, (_, t) => 50 + 3 * t);
    const result = forecastDemand(linear, { horizon: 3 });
    expect(result.method).toBe('damped-trend');
    expect(result.parameters['gamma']).toBeUndefined();
    // Damping (φ <= 0.98) bends the line slightly down: 86, 89, 92 are the undamped values.
    result.forecast.forEach((point, h) => {
      expect(point.mean).toBeLessThanOrEqual(86 + 3 * h + 1e-6);
      expect(point.mean).toBeGreaterThan(86 + 3 * h - 1.5);
    });
    for (let h = 1; h < 3; h++) expect(result.forecast[h].sd).toBeGreaterThan(result.forecast[h - 1].sd);
  });
});

describe('forecastDemand: backtest metrics', () => {
  it('by hand on a mean model: [2, 4, 2, 4 | 6]', () => {
    // Train mean 3, actual 6: |error| 3; lag-1 in-sample MAE (2 + 2 + 2) / 3 = 2; naive last value 4.
    const { backtest } = forecastDemand([2, 4, 2, 4, 6], { horizon: 1, backtestMonths: 1 });
    expect(backtest.holdout).toBe(1);
    expect(backtest.mape).toBeCloseTo(50, 12);
    expect(backtest.mase).toBeCloseTo(1.5, 12);
    expect(backtest.naiveMase).toBeCloseTo(1, 12);
  });

  it('default holdout is min(12, ⌊n/4⌋) and never the whole series', () => {
    expect(forecastDemand(synthetic(36, 1, 2), { horizon: 1 }).backtest.holdout).toBe(9);
    expect(forecastDemand(synthetic(60, 1, 2), { horizon: 1 }).backtest.holdout).toBe(12);
    expect(forecastDemand(synthetic(3, 1, 2), { horizon: 1 }).backtest.holdout).toBe(0);
    expect(forecastDemand(synthetic(4, 1, 2), { horizon: 1, backtestMonths: 10 }).backtest.holdout).toBe(3);
  });

  it('MAPE is null when every held-out actual is zero; MASE is null when the naive scale is zero', () => {
    const { backtest } = forecastDemand([5, 5, 5, 5, 0, 0], { horizon: 1, backtestMonths: 2 });
    expect(backtest.mape).toBeNull();
    expect(backtest.mase).toBeNull();
    expect(backtest.naiveMase).toBeNull();
  });
});

describe('forecastDemand: zeros and non-negativity', () => {
  it('an all-zero series forecasts zeros with zero-width intervals and null metrics', () => {
    const result = forecastDemand(new Array(36).fill(0), { horizon: 6 });
    expect(result.method).toBe('holt-winters');
    expect(result.residualSd).toBe(0);
    for (const point of result.forecast) expect(point).toEqual({ mean: 0, lower: 0, upper: 0, sd: 0 });
    expect(result.fitted.every((value) => value === 0)).toBe(true);
    expect(result.backtest).toEqual({ holdout: 9, mape: null, mase: null, naiveMase: null });
  });

  it('a series falling towards zero never forecasts below zero', () => {
    const falling = Array.from({ length: 36 }, (_, t) => Math.max(0, 70 - 2 * t + 5 * Math.sin(t)));
    const result = forecastDemand(falling, { horizon: 24 });
    for (const point of result.forecast) {
      expect(point.mean).toBeGreaterThanOrEqual(0);
      expect(point.lower).toBeGreaterThanOrEqual(0);
      expect(point.upper).toBeGreaterThanOrEqual(point.mean);
      expect(point.lower).toBeLessThanOrEqual(point.mean);
    }
    expect(result.fitted.every((value) => value >= 0)).toBe(true);
  });

  it('sparse counts (mostly zeros) stay non-negative for every method', () => {
    for (const months of [2, 8, 30]) {
      const sparse = Array.from({ length: months }, (_, t) => (t % 7 === 3 ? 1 : 0));
      const result = forecastDemand(sparse, { horizon: 12 });
      for (const point of result.forecast) {
        expect(point.lower).toBeGreaterThanOrEqual(0);
        expect(point.mean).toBeGreaterThanOrEqual(0);
        expect(point.upper).toBeGreaterThanOrEqual(point.lower);
      }
    }
  });
});

describe('forecastDemand: validation', () => {
  it('rejects bad histories and options', () => {
    expect(() => forecastDemand([1, -1], { horizon: 1 })).toThrow(RangeError);
    expect(() => forecastDemand([1, Number.NaN], { horizon: 1 })).toThrow(RangeError);
    expect(() => forecastDemand([1, 2], { horizon: 1.5 })).toThrow(RangeError);
    expect(() => forecastDemand([1, 2], { horizon: -1 })).toThrow(RangeError);
    expect(() => forecastDemand([1, 2], { horizon: 1, seasonLength: 1 })).toThrow(RangeError);
    expect(() => forecastDemand([1, 2], { horizon: 1, level: 1 })).toThrow(RangeError);
    expect(() => forecastDemand([1, 2], { horizon: 1, backtestMonths: -2 })).toThrow(RangeError);
  });

  it('horizon 0 gives an empty forecast', () => {
    expect(forecastDemand([1, 2, 3], { horizon: 0 }).forecast).toEqual([]);
  });

  it('documents every method', () => {
    for (const method of ['holt-winters', 'damped-trend', 'mean', 'none'] as const) {
      expect(DEMAND_FORMULA[method].length).toBeGreaterThan(10);
    }
  });
});

describe('aggregateForecastSd', () => {
  it('equals the monthly sd for a single month', () => {
    const result = forecastDemand(synthetic(36, 11, 4), { horizon: 12 });
    for (const h of [1, 5, 12])
      expect(aggregateForecastSd(result, h, h)).toBeCloseTo(result.forecast[h - 1].sd, 9);
  });

  it('lies between independent and perfectly correlated monthly errors', () => {
    const result = forecastDemand(synthetic(36, 12, 4), { horizon: 12 });
    const sds = result.forecast.map((point) => point.sd);
    const independent = Math.sqrt(sds.reduce((sum, sd) => sum + sd * sd, 0));
    const correlated = sds.reduce((sum, sd) => sum + sd, 0);
    const annual = aggregateForecastSd(result, 1, 12);
    expect(annual).toBeGreaterThan(independent);
    expect(annual).toBeLessThan(correlated);
  });

  it('mean model by hand: σ √(K + K²/n)', () => {
    const result = forecastDemand([4, 6, 8], { horizon: 12 });
    expect(aggregateForecastSd(result, 1, 12)).toBeCloseTo(Math.sqrt(6) * Math.sqrt(12 + 144 / 3), 9);
    expect(aggregateForecastSd(forecastDemand([], { horizon: 1 }), 1, 12)).toBe(0);
    expect(() => aggregateForecastSd(result, 3, 2)).toThrow(RangeError);
  });
});

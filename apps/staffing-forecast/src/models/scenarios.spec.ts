import { aggregateForecastSd, forecastDemand, zForLevel } from './demand';
import {
  applyScenarioToSupply,
  HORIZONS,
  horizonOf,
  projectDemand,
  SCENARIO_NAMES,
  scenarioFactors,
  SCENARIOS,
  type ScenarioParameters,
} from './scenarios';
import type { SupplyInput } from './supply';

/** 36 months of a seasonal request series with a mild trend and deterministic wiggle. */
const history = Array.from(
  { length: 36 },
  (_, t) => 40 + 0.3 * t + 10 * Math.sin((2 * Math.PI * t) / 12) + 3 * Math.sin(1.7 * t),
);

const neutral = SCENARIOS.neutral.parameters;
const flat: ScenarioParameters = { ...neutral, populationGrowth: 0, youthCohortGrowth: 0, crimeTrend: 0 };

describe('horizons', () => {
  it('maps months to short ≤ 12, medium 13-36, long 37-120', () => {
    expect(horizonOf(1)).toBe('short');
    expect(horizonOf(12)).toBe('short');
    expect(horizonOf(13)).toBe('medium');
    expect(horizonOf(36)).toBe('medium');
    expect(horizonOf(37)).toBe('long');
    expect(horizonOf(120)).toBe('long');
    expect(HORIZONS.short.maxMonths).toBe(12);
    expect(HORIZONS.medium.maxMonths).toBe(36);
    expect(HORIZONS.long.maxMonths).toBe(120);
  });

  it('rejects months outside 1..120', () => {
    for (const months of [0, 121, -1, 1.5, Number.NaN]) expect(() => horizonOf(months)).toThrow(RangeError);
    expect(() => projectDemand({ history, months: 121, scenario: neutral })).toThrow(RangeError);
  });

  it('names and methods are given in kk, ru and en', () => {
    for (const horizon of Object.values(HORIZONS)) {
      for (const text of [horizon.name, horizon.method]) {
        expect(text.kk.length).toBeGreaterThan(5);
        expect(text.ru.length).toBeGreaterThan(5);
        expect(text.en.length).toBeGreaterThan(5);
      }
    }
  });
});

describe('scenarios', () => {
  it('neutral: population +1.3 %/y, crime trend 0, turnover and hiring ×1', () => {
    expect(neutral).toEqual({
      populationGrowth: 0.013,
      youthCohortGrowth: 0.015,
      crimeTrend: 0,
      turnoverMultiplier: 1,
      hiringMultiplier: 1,
    });
  });

  it('negative: turnover ×1.3, crime +3 %/y, hiring ×0.8', () => {
    const { parameters } = SCENARIOS.negative;
    expect(parameters.turnoverMultiplier).toBe(1.3);
    expect(parameters.crimeTrend).toBe(0.03);
    expect(parameters.hiringMultiplier).toBe(0.8);
  });

  it('are ordered ideal better than positive better than neutral better than negative', () => {
    const ordered = SCENARIO_NAMES.map((name) => SCENARIOS[name].parameters);
    for (let i = 1; i < ordered.length; i++) {
      expect(ordered[i].crimeTrend).toBeGreaterThan(ordered[i - 1].crimeTrend);
      expect(ordered[i].turnoverMultiplier).toBeGreaterThan(ordered[i - 1].turnoverMultiplier);
      expect(ordered[i].hiringMultiplier).toBeLessThan(ordered[i - 1].hiringMultiplier);
    }
  });

  it('describe their numbers in all three languages', () => {
    for (const name of SCENARIO_NAMES) {
      const { parameters, description } = SCENARIOS[name];
      const crime = `${Math.round(Math.abs(parameters.crimeTrend) * 100)} %`;
      if (parameters.crimeTrend !== 0) {
        expect(description.en).toContain(crime);
        expect(description.ru).toContain(crime);
        expect(description.kk).toContain(crime);
      }
      expect(description.en).toContain('1.3 %');
      expect(description.ru).toContain('1,3 %');
      expect(description.kk).toContain('1,3 %');
    }
  });
});

describe('scenarioFactors', () => {
  it('by hand: year 3 of the negative scenario, youth-sensitive', () => {
    const factors = scenarioFactors(SCENARIOS.negative.parameters, 3, true);
    expect(factors.population).toBeCloseTo(1.013 ** 2, 12);
    expect(factors.crime).toBeCloseTo(1.03 ** 2, 12);
    expect(factors.youth).toBeCloseTo(1.015 ** 2, 12);
    expect(factors.total).toBeCloseTo(1.026169 * 1.0609 * 1.030225, 12);
    expect(scenarioFactors(SCENARIOS.negative.parameters, 3).youth).toBe(1);
    expect(scenarioFactors(SCENARIOS.negative.parameters, 1, true).total).toBe(1);
  });
});

describe('projectDemand', () => {
  it('short: the demand forecast as is, scenario factors not applied', () => {
    const base = forecastDemand(history, { horizon: 7 });
    for (const name of SCENARIO_NAMES) {
      const projection = projectDemand({ history, months: 7, scenario: SCENARIOS[name].parameters });
      expect(projection.horizon).toBe('short');
      expect(projection.base).toEqual(base);
      expect(projection.monthly).toEqual(
        base.forecast.map(({ mean, lower, upper }) => ({ mean, lower, upper })),
      );
      expect(projection.factors).toEqual([{ year: 1, population: 1, crime: 1, youth: 1, total: 1 }]);
      expect(projection.annual).toHaveLength(1);
      expect(projection.annual[0].months).toBe(7);
      expect(projection.annual[0].mean).toBeCloseTo(
        base.forecast.reduce((sum, point) => sum + point.mean, 0),
        9,
      );
      expect(projection.method).toContain('Adjusted extrapolation');
    }
  });

  it('medium: year 1 from the model, later years its profile × the scenario factors', () => {
    const projection = projectDemand({ history, months: 30, scenario: SCENARIOS.negative.parameters });
    const base = forecastDemand(history, { horizon: 12 });
    expect(projection.horizon).toBe('medium');
    expect(projection.monthly).toHaveLength(30);
    expect(projection.factors.map((f) => f.year)).toEqual([1, 2, 3]);
    for (let h = 13; h <= 30; h++) {
      const year = Math.ceil(h / 12);
      const expected = base.forecast[(h - 1) % 12].mean * 1.013 ** (year - 1) * 1.03 ** (year - 1);
      expect(projection.monthly[h - 1].mean).toBeCloseTo(expected, 9);
    }
    expect(projection.annual.map((a) => a.months)).toEqual([12, 12, 6]);
    const annual1 = base.forecast.reduce((sum, point) => sum + point.mean, 0);
    expect(projection.annual[1].mean).toBeCloseTo(annual1 * projection.factors[1].total, 9);
  });

  it('long: annual base × (1 + pop)^(y−1) × (1 + crime)^(y−1) × (1 + youth)^(y−1) for youth-sensitive series', () => {
    const scenario = SCENARIOS.neutral.parameters;
    const projection = projectDemand({ history, months: 120, scenario, youthSensitive: true });
    expect(projection.horizon).toBe('long');
    expect(projection.annual).toHaveLength(10);
    const annual1 = projection.annual[0].mean;
    projection.annual.forEach(({ year, mean, months }) => {
      expect(months).toBe(12);
      expect(mean).toBeCloseTo(annual1 * 1.013 ** (year - 1) * 1.015 ** (year - 1), 6);
    });
    const notYouth = projectDemand({ history, months: 120, scenario });
    expect(notYouth.annual[9].mean).toBeCloseTo(annual1 * 1.013 ** 9, 6);
    expect(notYouth.factors[9].youth).toBe(1);
  });

  it('neutral with zero growth reproduces the base', () => {
    const projection = projectDemand({ history, months: 48, scenario: flat });
    const base = forecastDemand(history, { horizon: 12 });
    expect(projection.monthly.slice(0, 12)).toEqual(
      base.forecast.map(({ mean, lower, upper }) => ({ mean, lower, upper })),
    );
    for (let h = 13; h <= 48; h++)
      expect(projection.monthly[h - 1].mean).toBeCloseTo(base.forecast[(h - 1) % 12].mean, 12);
    const annual1 = projection.annual[0].mean;
    for (const year of projection.annual) expect(year.mean).toBeCloseTo(annual1, 9);
    for (const factor of projection.factors) expect(factor.total).toBe(1);
  });

  it('negative ≥ neutral ≥ positive ≥ ideal demand, month by month and year by year', () => {
    for (const months of [24, 36, 60, 120]) {
      const runs = SCENARIO_NAMES.map((name) =>
        projectDemand({ history, months, scenario: SCENARIOS[name].parameters, youthSensitive: true }),
      );
      for (let i = 1; i < runs.length; i++) {
        runs[i].monthly.forEach((point, h) =>
          expect(point.mean).toBeGreaterThanOrEqual(runs[i - 1].monthly[h].mean),
        );
        runs[i].annual.forEach((year, y) =>
          expect(year.mean).toBeGreaterThanOrEqual(runs[i - 1].annual[y].mean),
        );
      }
      // Strictly apart after the first year.
      expect(runs[3].annual[1].mean).toBeGreaterThan(runs[2].annual[1].mean);
      expect(runs[2].annual[1].mean).toBeGreaterThan(runs[1].annual[1].mean);
    }
  });

  it('intervals widen: sd(h) = sd(12) √(h/12) T(y) monthly, sd(year 1) √y T(y) annually', () => {
    const projection = projectDemand({ history, months: 60, scenario: flat });
    const base = projection.base;
    const z = zForLevel(0.95);
    const sd12 = base.forecast[11].sd;
    for (const h of [13, 24, 37, 60]) {
      const point = projection.monthly[h - 1];
      expect(point.upper - point.mean).toBeCloseTo(z * sd12 * Math.sqrt(h / 12), 9);
    }
    const annualSd = aggregateForecastSd(base, 1, 12);
    projection.annual.forEach(({ year, mean, upper }) => {
      expect(upper - mean).toBeCloseTo(z * annualSd * Math.sqrt(year), 9);
    });
    const widths = projection.annual.map((year) => year.upper - year.lower);
    for (let y = 1; y < widths.length; y++) expect(widths[y]).toBeGreaterThan(widths[y - 1]);
    // Monthly widths keep growing past the first year (same calendar month, later year).
    expect(projection.monthly[47].upper - projection.monthly[47].lower).toBeGreaterThan(
      projection.monthly[35].upper - projection.monthly[35].lower,
    );
  });

  it('stays non-negative with a lower level and an all-zero history', () => {
    const projection = projectDemand({
      history: new Array(36).fill(0),
      months: 60,
      scenario: SCENARIOS.negative.parameters,
    });
    for (const point of projection.monthly) expect(point).toEqual({ mean: 0, lower: 0, upper: 0 });
    const sparse = projectDemand({
      history: [0, 1, 0, 0, 2, 0, 0, 0],
      months: 40,
      scenario: neutral,
      level: 0.8,
    });
    for (const point of [...sparse.monthly, ...sparse.annual]) {
      expect(point.lower).toBeGreaterThanOrEqual(0);
      expect(point.upper).toBeGreaterThanOrEqual(point.mean);
    }
  });

  it('rejects impossible scenario parameters', () => {
    expect(() => projectDemand({ history, months: 24, scenario: { ...neutral, crimeTrend: -1 } })).toThrow(
      RangeError,
    );
    expect(() =>
      projectDemand({ history, months: 24, scenario: { ...neutral, hiringMultiplier: -0.5 } }),
    ).toThrow(RangeError);
  });
});

describe('applyScenarioToSupply', () => {
  const supply: SupplyInput = {
    authorised: 100,
    filled: 90,
    annualRates: { retirement: 0.02, own_request: 0.05, negative: 0.01, transfer: 0.02, other: 0 },
    trainingLeadMonths: 6,
    hiring: { policy: 'fixed', monthlyHires: 1, capacityPerMonth: 2 },
    months: 12,
    firstYearAttritionRate: 0.1,
  };

  it('scales turnover and hiring and leaves the input untouched', () => {
    const negative = applyScenarioToSupply(supply, SCENARIOS.negative.parameters);
    expect(negative.annualRates.own_request).toBeCloseTo(0.065, 12);
    expect(negative.annualRates.retirement).toBeCloseTo(0.026, 12);
    expect(negative.hiring.monthlyHires).toBeCloseTo(0.8, 12);
    expect(negative.hiring.capacityPerMonth).toBeCloseTo(1.6, 12);
    expect(negative.firstYearAttritionRate).toBeCloseTo(0.13, 12);
    expect(supply.annualRates.own_request).toBe(0.05);
    expect(supply.hiring.monthlyHires).toBe(1);
    expect(applyScenarioToSupply(supply, neutral)).toEqual(supply);
  });
});

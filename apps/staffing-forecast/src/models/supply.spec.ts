import {
  DEPARTURE_REASONS,
  estimateTurnover,
  forecastSupply,
  officialMethod,
  SUPPLY_FORMULA,
  type DepartureReason,
  type SupplyInput,
  type WorkforcePeriod,
} from './supply';

const NO_TURNOVER: Record<DepartureReason, number> = {
  retirement: 0,
  own_request: 0,
  negative: 0,
  transfer: 0,
  other: 0,
};

function input(overrides: Partial<SupplyInput>): SupplyInput {
  return {
    authorised: 100,
    filled: 100,
    annualRates: NO_TURNOVER,
    trainingLeadMonths: 0,
    hiring: { policy: 'replace' },
    months: 12,
    ...overrides,
  };
}

function row(
  period: string,
  filled: number,
  hires: number,
  departures: Partial<Record<DepartureReason, number>>,
): WorkforcePeriod {
  return { period, authorised: 100, filled, hires, departures: { ...NO_TURNOVER, ...departures } };
}

describe('forecastSupply', () => {
  it('without hiring, filled decays as F·(1 − r/12)^t, split by reason', () => {
    const months = forecastSupply(
      input({
        filled: 90,
        annualRates: { ...NO_TURNOVER, retirement: 0.06, own_request: 0.06 },
        hiring: { policy: 'fixed', monthlyHires: 0 },
        months: 24,
      }),
    );
    months.forEach(({ month, filled, departures, authorised, vacancies, vacancyRate }) => {
      expect(filled).toBeCloseTo(90 * Math.pow(1 - 0.12 / 12, month), 10);
      const opening = 90 * Math.pow(0.99, month - 1);
      expect(departures.retirement).toBeCloseTo(opening * 0.005, 10);
      expect(departures.own_request).toBeCloseTo(opening * 0.005, 10);
      expect(departures.negative).toBe(0);
      expect(authorised).toBe(100);
      expect(vacancies).toBeCloseTo(100 - filled, 10);
      expect(vacancyRate).toBeCloseTo((100 - filled) / 100, 10);
    });
    expect(months).toHaveLength(24);
    expect(months[11].filled).toBeCloseTo(90 * 0.99 ** 12, 10); // ≈ 79.77 after a year
  });

  it('the lead time delays arrivals exactly', () => {
    const months = forecastSupply(input({ filled: 90, trainingLeadMonths: 3, months: 6 }));
    expect(months.map((m) => m.recruitsStarted)).toEqual([10, 0, 0, 0, 0, 0]);
    expect(months.map((m) => m.arrivals)).toEqual([0, 0, 0, 10, 0, 0]);
    expect(months.map((m) => m.filled)).toEqual([90, 90, 90, 100, 100, 100]);
    expect(months.map((m) => m.inTraining)).toEqual([10, 10, 10, 0, 0, 0]);
    expect(months.map((m) => m.vacancies)).toEqual([10, 10, 10, 0, 0, 0]);
  });

  it('with no lead time recruits arrive the month they start', () => {
    const months = forecastSupply(input({ filled: 95, months: 2 }));
    expect(months[0]).toMatchObject({
      recruitsStarted: 5,
      arrivals: 5,
      filled: 100,
      inTraining: 0,
      vacancies: 0,
    });
  });

  it('caps recruits started per month at the training capacity', () => {
    const months = forecastSupply(
      input({
        filled: 80,
        trainingLeadMonths: 2,
        hiring: { policy: 'replace', capacityPerMonth: 5 },
        months: 7,
      }),
    );
    expect(months.map((m) => m.recruitsStarted)).toEqual([5, 5, 5, 5, 0, 0, 0]);
    expect(months.map((m) => m.arrivals)).toEqual([0, 0, 5, 5, 5, 5, 0]);
    expect(months.map((m) => m.filled)).toEqual([80, 80, 85, 90, 95, 100, 100]);
    expect(months.map((m) => m.inTraining)).toEqual([5, 10, 10, 10, 5, 0, 0]);
  });

  it('applies authorised changes in their month and recruits for them', () => {
    const immediate = forecastSupply(input({ authorisedChanges: [{ month: 3, delta: 10 }], months: 4 }));
    expect(immediate.map((m) => m.authorised)).toEqual([100, 100, 110, 110]);
    expect(immediate.map((m) => m.filled)).toEqual([100, 100, 110, 110]);

    const delayed = forecastSupply(
      input({ authorisedChanges: [{ month: 3, delta: 10 }], trainingLeadMonths: 2, months: 6 }),
    );
    expect(delayed.map((m) => m.filled)).toEqual([100, 100, 100, 100, 110, 110]);
    expect(delayed[2].vacancies).toBe(10);
    expect(delayed[2].vacancyRate).toBeCloseTo(10 / 110, 12);
  });

  it('a cut in authorised strength caps filled and reports the surplus', () => {
    const months = forecastSupply(input({ authorisedChanges: [{ month: 2, delta: -10 }], months: 3 }));
    expect(months.map((m) => m.filled)).toEqual([100, 90, 90]);
    expect(months.map((m) => m.surplus)).toEqual([0, 10, 0]);
    expect(() => forecastSupply(input({ authorisedChanges: [{ month: 1, delta: -101 }] }))).toThrow(
      RangeError,
    );
  });

  it("'fixed' hiring beyond the establishment is counted as surplus, never as filled", () => {
    const months = forecastSupply(input({ hiring: { policy: 'fixed', monthlyHires: 5 }, months: 3 }));
    expect(months.map((m) => m.filled)).toEqual([100, 100, 100]);
    expect(months.map((m) => m.surplus)).toEqual([5, 5, 5]);
    expect(months.map((m) => m.recruitsStarted)).toEqual([5, 5, 5]);
  });

  it('the given pipeline arrives by month index and counts as in training until then', () => {
    const months = forecastSupply(
      input({ filled: 90, pipeline: [0, 0, 4], trainingLeadMonths: 6, months: 4 }),
    );
    // Month 1: gap 10, 4 already in the pipeline → start 6.
    expect(months[0].recruitsStarted).toBe(6);
    expect(months[0].inTraining).toBe(10);
    expect(months.map((m) => m.arrivals)).toEqual([0, 0, 4, 0]);
    expect(months.map((m) => m.filled)).toEqual([90, 90, 94, 94]);
    expect(months[3].inTraining).toBe(6);
  });

  it('known retirements replace the retirement rate for the months they cover', () => {
    const months = forecastSupply(
      input({
        annualRates: { ...NO_TURNOVER, retirement: 0.12 },
        scheduledRetirements: [3, 0],
        hiring: { policy: 'fixed', monthlyHires: 0 },
        months: 3,
      }),
    );
    expect(months.map((m) => m.departures.retirement)).toEqual([3, 0, 97 * 0.01]);
    expect(months[2].filled).toBeCloseTo(97 * 0.99, 12);
  });

  it('first-year attrition: a share f of a new cohort leaves within 12 months, 3/4 own request, 1/4 negative', () => {
    const months = forecastSupply(
      input({
        filled: 0,
        pipeline: [100],
        hiring: { policy: 'fixed', monthlyHires: 0 },
        firstYearAttritionRate: 0.1,
        months: 15,
      }),
    );
    expect(months[0].filled).toBe(100);
    expect(months[12].filled).toBeCloseTo(90, 9); // months 2..13
    expect(months[14].filled).toBeCloseTo(90, 9); // nothing more after the first year
    const own = months.reduce((sum, m) => sum + m.departures.own_request, 0);
    const negative = months.reduce((sum, m) => sum + m.departures.negative, 0);
    expect(own).toBeCloseTo(7.5, 9);
    expect(negative).toBeCloseTo(2.5, 9);
  });

  it("reactive 'replace' trails departures by the lead time; anticipating them closes the gap", () => {
    const base = input({
      authorised: 1000,
      filled: 1000,
      annualRates: { ...NO_TURNOVER, own_request: 0.06, retirement: 0.04 },
      trainingLeadMonths: 12,
      months: 120,
    });
    // 10 % a year with a 12-month replacement cycle: about 10 % vacancy (anchors-mission.md §2.1).
    const reactive = forecastSupply(base);
    const last = reactive[reactive.length - 1];
    expect(last.vacancyRate).toBeGreaterThan(0.08);
    expect(last.vacancyRate).toBeLessThan(0.11);
    // In steady state everyone in training replaces a departure: inTraining ≈ vacancies.
    expect(last.inTraining).toBeCloseTo(last.vacancies, 0);

    const anticipating = forecastSupply({
      ...base,
      hiring: { policy: 'replace', anticipateDepartures: true },
    });
    expect(anticipating[anticipating.length - 1].vacancyRate).toBeLessThan(0.01);
  });

  it('months = 0 gives an empty forecast; bad inputs throw', () => {
    expect(forecastSupply(input({ months: 0 }))).toEqual([]);
    expect(() => forecastSupply(input({ months: 1.5 }))).toThrow(RangeError);
    expect(() => forecastSupply(input({ trainingLeadMonths: -1 }))).toThrow(RangeError);
    expect(() => forecastSupply(input({ filled: Number.NaN }))).toThrow(RangeError);
    expect(() => forecastSupply(input({ hiring: { policy: 'fixed' } }))).toThrow(RangeError);
    expect(() => forecastSupply(input({ annualRates: { ...NO_TURNOVER, other: -0.1 } }))).toThrow(RangeError);
    expect(() => forecastSupply(input({ firstYearAttritionRate: 1 }))).toThrow(RangeError);
    expect(() => forecastSupply(input({ pipeline: [-1] }))).toThrow(RangeError);
  });
});

describe('estimateTurnover', () => {
  // 12 months, filled 100 throughout except 80 in the last two (mean (10 × 100 + 2 × 80) / 12 = 96.67).
  const periods: WorkforcePeriod[] = Array.from({ length: 12 }, (_, i) =>
    row(`2024-${String(i + 1).padStart(2, '0')}`, i >= 10 ? 80 : 100, i % 2 === 0 ? 1 : 2, {
      retirement: 1,
      own_request: i < 6 ? 1 : 0,
      negative: i === 11 ? 2 : 0,
    }),
  );

  it('annualises departures by reason against mean filled', () => {
    const estimate = estimateTurnover(periods);
    const meanFilled = 1160 / 12;
    expect(estimate.basisMonths).toBe(12);
    expect(estimate.annualRates.retirement).toBeCloseTo(12 / meanFilled, 12);
    expect(estimate.annualRates.own_request).toBeCloseTo(6 / meanFilled, 12);
    expect(estimate.annualRates.negative).toBeCloseTo(2 / meanFilled, 12);
    expect(estimate.annualRates.transfer).toBe(0);
    expect(estimate.hiresPerMonth).toBeCloseTo(18 / 12, 12);
  });

  it('uses the last `months` periods in calendar order, whatever the input order', () => {
    const shuffled = [...periods].reverse();
    const estimate = estimateTurnover(shuffled, 3); // 2024-10..12: filled 100, 80, 80
    expect(estimate.basisMonths).toBe(3);
    const meanFilled = 260 / 3;
    expect(estimate.annualRates.retirement).toBeCloseTo((12 * 3) / 3 / meanFilled, 12);
    expect(estimate.annualRates.negative).toBeCloseTo((12 * 2) / 3 / meanFilled, 12);
    expect(estimate.annualRates.own_request).toBe(0);
    expect(estimate.hiresPerMonth).toBeCloseTo(5 / 3, 12);
  });

  it('handles empty input and rejects malformed periods', () => {
    expect(estimateTurnover([])).toEqual({
      annualRates: { retirement: 0, own_request: 0, negative: 0, transfer: 0, other: 0 },
      hiresPerMonth: 0,
      basisMonths: 0,
    });
    expect(() => estimateTurnover([row('2024-13', 1, 0, {})])).toThrow(RangeError);
    expect(() => estimateTurnover(periods, 0)).toThrow(RangeError);
  });
});

describe('officialMethod', () => {
  it('need = V + D̂ + ΔA, gap = need − Ĥ, by hand', () => {
    const periods = [
      row('2024-01', 95, 1, { retirement: 1 }),
      row('2024-02', 93, 1, { own_request: 1, negative: 1 }),
      { ...row('2024-03', 91, 4, { retirement: 1, transfer: 2 }), authorised: 100 },
    ];
    // V = 100 − 91 = 9; monthly departures 1, 2, 3 → D̂ = 12 × 2 = 24; hires 1, 1, 4 → Ĥ = 24.
    const result = officialMethod(periods, 5);
    expect(result.vacancies).toBe(9);
    expect(result.averageDepartures).toBe(24);
    expect(result.averageHires).toBe(24);
    expect(result.need).toBe(38);
    expect(result.projectedGap).toBe(14);
    expect(result.formula).toContain('need = V + D̂ + ΔA');
    expect(officialMethod(periods).need).toBe(33);
  });

  it('takes the vacancies of the latest period even when the rows are unordered', () => {
    const periods = [row('2024-02', 90, 0, {}), row('2024-01', 70, 0, {})];
    expect(officialMethod(periods).vacancies).toBe(10);
    expect(() => officialMethod([])).toThrow(RangeError);
  });
});

describe('constants', () => {
  it('lists every departure reason once and documents the formula', () => {
    expect(new Set(DEPARTURE_REASONS).size).toBe(5);
    expect(Object.isFrozen(DEPARTURE_REASONS)).toBe(true);
    expect(SUPPLY_FORMULA).toContain('F(t) = min(A(t)');
  });
});

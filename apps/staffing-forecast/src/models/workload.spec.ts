import { DEFAULT_WORKLOAD, WORKLOAD_FORMULA, workloadNeed } from './workload';

describe('workloadNeed', () => {
  const lines = [
    { category: 'domestic', requests: 1200, handlingHours: 1.5, unitsPerRequest: 1.2 }, // 2,160 h
    { category: 'noise', requests: 800, handlingHours: 0.5, unitsPerRequest: 1 }, // 400 h
    { category: 'traffic', requests: 300, handlingHours: 2, unitsPerRequest: 2 }, // 1,200 h
  ];

  it('defaults to the Rule of 60', () => {
    expect(DEFAULT_WORKLOAD.obligatedShare).toBe(0.6);
  });

  it('computes W, hours needed and FTE', () => {
    const result = workloadNeed({ lines, otherHours: 240, availableHoursPerInspector: 1698 });
    expect(result.workloadHours).toBeCloseTo(4000, 9);
    expect(result.byCategory).toEqual([
      { category: 'domestic', hours: expect.closeTo(2160, 9) },
      { category: 'noise', hours: 400 },
      { category: 'traffic', hours: 1200 },
    ]);
    expect(result.otherHours).toBe(240);
    expect(result.hoursNeeded).toBeCloseTo(4000 / 0.6, 9);
    expect(result.fte).toBeCloseTo(4000 / 0.6 / 1698, 12); // ≈ 3.93
  });

  it('sums lines of the same category', () => {
    const result = workloadNeed({
      lines: [
        { category: 'a', requests: 10, handlingHours: 1, unitsPerRequest: 1 },
        { category: 'b', requests: 1, handlingHours: 1, unitsPerRequest: 1 },
        { category: 'a', requests: 5, handlingHours: 2, unitsPerRequest: 1 },
      ],
      availableHoursPerInspector: 100,
    });
    expect(result.byCategory).toEqual([
      { category: 'a', hours: 20 },
      { category: 'b', hours: 1 },
    ]);
    expect(result.otherHours).toBe(0);
  });

  it('with p = 1/3 reproduces the "thirds" shortcut Officers = N × t × u × 3 / H', () => {
    const result = workloadNeed(
      { lines: [{ category: 'cfs', requests: 10_000, handlingHours: 0.75, unitsPerRequest: 1.5 }], availableHoursPerInspector: 1849 },
      { obligatedShare: 1 / 3 },
    );
    expect(result.fte).toBeCloseTo((10_000 * 0.75 * 1.5 * 3) / 1849, 10);
  });

  it('gives zero FTE for no work', () => {
    expect(workloadNeed({ lines: [], availableHoursPerInspector: 1 })).toEqual({
      workloadHours: 0,
      byCategory: [],
      otherHours: 0,
      hoursNeeded: 0,
      fte: 0,
    });
  });

  it('accepts p = 1 and rejects p outside (0, 1]', () => {
    expect(workloadNeed({ lines, availableHoursPerInspector: 1000 }, { obligatedShare: 1 }).hoursNeeded).toBeCloseTo(3760, 9);
    for (const p of [0, -0.1, 1.01, Number.NaN]) {
      expect(() => workloadNeed({ lines, availableHoursPerInspector: 1000 }, { obligatedShare: p })).toThrow(/obligated share p must be in \(0, 1\]/);
    }
  });

  it('rejects non-positive available hours and negative counts, hours or units', () => {
    expect(() => workloadNeed({ lines, availableHoursPerInspector: 0 })).toThrow(/available hours per inspector/);
    expect(() => workloadNeed({ lines, availableHoursPerInspector: -5 })).toThrow(RangeError);
    expect(() => workloadNeed({ lines, otherHours: -1, availableHoursPerInspector: 1 })).toThrow(/other hours/);
    const bad = (patch: object) => [{ ...lines[0], ...patch }];
    expect(() => workloadNeed({ lines: bad({ requests: -1 }), availableHoursPerInspector: 1 })).toThrow(/requests of 'domestic'/);
    expect(() => workloadNeed({ lines: bad({ handlingHours: -1 }), availableHoursPerInspector: 1 })).toThrow(/handling hours of 'domestic'/);
    expect(() => workloadNeed({ lines: bad({ unitsPerRequest: -1 }), availableHoursPerInspector: 1 })).toThrow(/units per request of 'domestic'/);
    expect(() => workloadNeed({ lines: bad({ requests: Number.POSITIVE_INFINITY }), availableHoursPerInspector: 1 })).toThrow(RangeError);
  });

  it('states its formula', () => {
    expect(WORKLOAD_FORMULA).toContain('W / p');
  });
});

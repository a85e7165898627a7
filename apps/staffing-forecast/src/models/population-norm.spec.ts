import { DEFAULT_POPULATION_NORM, POPULATION_NORM_FORMULA, populationNorm } from './population-norm';

describe('populationNorm', () => {
  it('uses 3,000 residents per urban inspector and 2,000 per rural one by default', () => {
    expect(DEFAULT_POPULATION_NORM.residentsPerInspector).toEqual({ urban: 3000, rural: 2000 });
    expect(populationNorm({ population: 45_000, settlementType: 'urban' })).toEqual({ fte: 15, residentsPerInspector: 3000 });
    expect(populationNorm({ population: 45_000, settlementType: 'rural' })).toEqual({ fte: 22.5, residentsPerInspector: 2000 });
  });

  it('returns a continuous FTE (rounding is the caller’s decision)', () => {
    expect(populationNorm({ population: 10_000, settlementType: 'urban' }).fte).toBeCloseTo(3.3333, 4);
    expect(populationNorm({ population: 0, settlementType: 'rural' }).fte).toBe(0);
  });

  it('takes configurable norms', () => {
    const parameters = { residentsPerInspector: { urban: 2500, rural: 1500 } };
    expect(populationNorm({ population: 5000, settlementType: 'urban' }, parameters).fte).toBe(2);
    expect(populationNorm({ population: 3000, settlementType: 'rural' }, parameters)).toEqual({ fte: 2, residentsPerInspector: 1500 });
  });

  it('rejects invalid input', () => {
    expect(() => populationNorm({ population: -1, settlementType: 'urban' })).toThrow(RangeError);
    expect(() => populationNorm({ population: Number.NaN, settlementType: 'urban' })).toThrow(/population/);
    expect(() => populationNorm({ population: 1, settlementType: 'suburban' as never })).toThrow(/settlement type/);
    expect(() => populationNorm({ population: 1, settlementType: 'urban' }, { residentsPerInspector: { urban: 0, rural: 1 } })).toThrow(
      /residents per inspector/,
    );
  });

  it('states its formula', () => {
    expect(POPULATION_NORM_FORMULA).toContain('residents per inspector');
  });
});

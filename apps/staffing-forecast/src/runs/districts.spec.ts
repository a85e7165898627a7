import type { PrecinctNeed } from './engine';
import { allocateDistrict, districtSupply } from './districts';
import { DEFAULT_PARAMETERS } from './parameters';

const need = (code: string, current: number, workload: number): PrecinctNeed => ({
  code,
  districtCode: 'AST-ESL',
  regionCode: 'AST',
  current,
  need: workload,
  workload,
  population: 1,
  queueing: 0,
  risk: 0,
  explanation: { models: [], demand: [] },
});

describe('allocateDistrict', () => {
  it('shares the serving officers by default, the authorised posts when asked, exactly', () => {
    const needs = [need('AST-ESL-01', 3, 1), need('AST-ESL-02', 3, 1), need('AST-ESL-03', 4, 6)];
    expect(allocateDistrict(needs, DEFAULT_PARAMETERS, 14).total).toBe(10);
    const authorised = allocateDistrict(needs, { ...DEFAULT_PARAMETERS, allocationTotal: 'authorised' }, 14);
    expect(authorised.total).toBe(14);
    expect([...authorised.lines.values()].reduce((s, l) => s + l.allocated, 0)).toBe(14);
  });

  it('drops floors the total cannot meet under the damping instead of failing', () => {
    const needs = [need('AST-ESL-01', 0, 1), need('AST-ESL-02', 0, 1), need('AST-ESL-03', 4, 1)];
    const r = allocateDistrict(needs, { ...DEFAULT_PARAMETERS, floor: 1 }, null);
    expect(r.floorApplied).toBe(0);
    expect([...r.lines.values()].reduce((s, l) => s + l.allocated, 0)).toBe(4);
  });
});

describe('districtSupply', () => {
  const periods = Array.from({ length: 12 }, (_, i) => ({
    period: `2026-${String(i + 1).padStart(2, '0')}`,
    authorised: 100,
    filled: 90,
    hires: 1,
    departures: { retirement: 0, own_request: 1, negative: 0, transfer: 0, other: 0 },
  }));

  it('is null without facts', () => {
    expect(districtSupply([], null, 0, 12, 'neutral')).toBeNull();
  });

  it('forecasts filled posts, never above authorised, worse under the negative scenario', () => {
    const neutral = districtSupply(periods, 6, 0, 36, 'neutral')!;
    const negative = districtSupply(periods, 6, 0, 36, 'negative')!;
    expect(neutral.points.map((p) => p.month)).toEqual([12, 24, 36]);
    expect(neutral.points.every((p) => p.filled <= 100)).toBe(true);
    // 12 departures a year over 90 filled: 13.3 % a year at own request.
    expect(neutral.annualRates.own_request).toBeCloseTo(12 / 90, 2);
    expect(negative.filledAtHorizon).toBeLessThan(neutral.filledAtHorizon);
  });
});

import { CellAccumulator, isPeriodStart, nextPeriod, quarterOf, scopesOf, type ResponseScope } from './cells';

const scope: ResponseScope = { versionId: 'v1', precinctCode: 'AST-ESL-01', districtCode: 'AST-ESL', regionCode: 'AST', serviceLine: 'local_police', inspectorId: 'i-1', month: '2026-11-01', stratum: '-|-' };

describe('index cells', () => {
  it('places a response in its precinct, district, region, the country and its inspector (per district)', () => {
    expect(scopesOf(scope)).toEqual([
      ['precinct', 'AST-ESL-01'],
      ['district', 'AST-ESL'],
      ['region', 'AST'],
      ['national', 'KAZ'],
      ['inspector', 'AST-ESL:i-1'],
    ]);
    expect(scopesOf({ ...scope, precinctCode: null, inspectorId: null }).map(([l]) => l)).toEqual(['district', 'region', 'national']);
  });

  it('sums a batch per cell: n, Σx, Σx² for month and quarter, all lines and the own line', () => {
    const acc = new CellAccumulator();
    acc.add(scope, new Map([['trust', 50], ['feel_safe', null]]));
    acc.add({ ...scope, serviceLine: 'criminal_police', inspectorId: null }, new Map([['trust', 100]]));
    const cells = acc.sorted();
    const find = (level: string, period: string, segment: string) => cells.find(([k]) => k.scopeLevel === level && k.periodKind === period && k.segment === segment)?.[1];
    expect(find('precinct', 'month', '*')).toEqual({ n: 2, sumX: 150, sumX2: 12500 });
    expect(find('precinct', 'quarter', 'local_police')).toEqual({ n: 1, sumX: 50, sumX2: 2500 });
    expect(find('inspector', 'month', '*')).toEqual({ n: 1, sumX: 50, sumX2: 2500 });
    expect(cells.some(([k]) => k.indicator === 'feel_safe')).toBe(false);
    // 4 territories x 2 periods x 3 segments (*, local, criminal) + inspector x 2 periods.
    expect(cells).toHaveLength(4 * 2 * 3 + 2);
  });

  it('knows months and quarters', () => {
    expect(quarterOf('2026-11-01')).toBe('2026-10-01');
    expect(quarterOf('2026-03-01')).toBe('2026-01-01');
    expect(nextPeriod('month', '2026-12-01')).toBe('2027-01-01');
    expect(nextPeriod('quarter', '2026-10-01')).toBe('2027-01-01');
    expect(isPeriodStart('quarter', '2026-11-01')).toBe(false);
    expect(isPeriodStart('month', '2026-11-01')).toBe(true);
  });
});

import { parseFactsCsv, periodOf, validateFact } from './facts';

const NOW = '2026-11-01';
const HEADER = 'territory_code,period,authorised,filled,hires,departures_retirement,departures_own_request,departures_negative,departures_transfer,departures_other,expected_retirements,training_lead_months';

describe('periodOf', () => {
  it('reads YYYY-MM and YYYY-MM-01 as the first day of the month', () => {
    expect(periodOf('2026-03')).toBe('2026-03-01');
    expect(periodOf(' 2026-12-01 ')).toBe('2026-12-01');
    expect(periodOf('2026-13')).toBeNull();
    expect(periodOf('2026-03-15')).toBeNull();
    expect(periodOf(202603)).toBeNull();
  });
});

describe('validateFact', () => {
  it('accepts a complete fact, defaulting the optional counts to 0', () => {
    expect(validateFact({ territoryCode: 'AST-ESL', period: '2026-10', authorised: 30, filled: 27 }, NOW)).toEqual({
      errors: [],
      fact: {
        territoryCode: 'AST-ESL',
        period: '2026-10-01',
        authorised: 30,
        filled: 27,
        hires: 0,
        departuresRetirement: 0,
        departuresOwnRequest: 0,
        departuresNegative: 0,
        departuresTransfer: 0,
        departuresOther: 0,
        expectedRetirements: 0,
        trainingLeadMonths: null,
      },
    });
  });

  it('names every field that is wrong', () => {
    const { fact, errors } = validateFact({ territoryCode: 'ast', period: '2027-01', authorised: -1, filled: 'many', hires: 1.5, trainingLeadMonths: 100 }, NOW);
    expect(fact).toBeUndefined();
    expect(errors.map((e) => e.field).sort()).toEqual(['authorised', 'filled', 'hires', 'period', 'territoryCode', 'trainingLeadMonths']);
    expect(errors.find((e) => e.field === 'period')?.message).toMatch(/future/);
  });

  it('refuses more filled than authorised posts and more expected retirements than staff', () => {
    expect(validateFact({ territoryCode: 'AST-ESL', period: '2026-10', authorised: 3, filled: 4 }, NOW).errors).toEqual([{ field: 'filled', message: 'cannot exceed the authorised posts (3)' }]);
    expect(validateFact({ territoryCode: 'AST-ESL', period: '2026-10', authorised: 3, filled: 2, expectedRetirements: 3 }, NOW).errors.map((e) => e.field)).toEqual(['expectedRetirements']);
  });

  it('requires authorised and filled', () => {
    expect(validateFact({ territoryCode: 'AST-ESL', period: '2026-10' }, NOW).errors.map((e) => e.field)).toEqual(['authorised', 'filled']);
  });
});

describe('parseFactsCsv', () => {
  it('reads the template, with ; as Excel writes it in ru/kk', () => {
    const text = `${HEADER.replaceAll(',', ';')}\r\nAST-ESL;2026-09;30;28;1;0;1;0;0;0;0;6\r\nAST-ESL;2026-10;30;27;0;0;1;0;0;0;2;6\r\n`;
    const { facts, errors } = parseFactsCsv(text, NOW);
    expect(errors).toEqual([]);
    expect(facts.map((f) => [f.period, f.filled, f.expectedRetirements])).toEqual([
      ['2026-09-01', 28, 0],
      ['2026-10-01', 27, 2],
    ]);
  });

  it('reports every bad line and field, and returns no facts when any line is bad', () => {
    const text = [HEADER, 'AST-ESL,2026-09,30,28,1,0,1,0,0,0,0,6', 'AST-ESL,2026-09,30,28,1,0,1,0,0,0,0,6', 'AST-XX,2026-10,30,27,0,0,0,0,0,0,0,6', 'AST-ESL,2026-10,30,x,0,0,0,0,0,0,0,6'].join('\n');
    const { facts, errors } = parseFactsCsv(text, NOW);
    expect(facts).toEqual([]);
    expect(errors).toEqual([
      { line: 3, field: 'period', message: 'AST-ESL 2026-09 is already on line 2' },
      { line: 4, field: 'territoryCode', message: expect.stringMatching(/region, district or precinct/) },
      { line: 5, field: 'filled', message: expect.stringMatching(/whole number/) },
    ]);
  });

  it('refuses unknown and missing columns at the header', () => {
    expect(parseFactsCsv('territory_code,period,authorised,salary\nAST-ESL,2026-10,3,1', NOW).errors).toEqual([
      { line: 1, field: 'salary', message: expect.stringMatching(/unknown column/) },
      { line: 1, field: 'filled', message: 'required column is missing' },
    ]);
  });

  it('refuses a file with no rows', () => {
    expect(parseFactsCsv(`${HEADER}\n`, NOW).errors).toEqual([{ line: 1, field: 'row', message: 'the file has no data rows' }]);
  });
});

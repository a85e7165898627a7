import { encodeCursor } from '@seriktes/graphql';
import { availableHours, KZ_PUBLIC_HOLIDAYS_2026, SHIFT_PATTERNS, withWeekendTransfers, type AvailableHours, type Leave, type Schedule } from '../duty/rules';
import { checkWorkforceArgs, countingDate, publicDaysOff, scheduledIn, sumWorkforce, workforceOf, type PrecinctOfficer } from './workforce';

const fiveDay: Schedule[] = [{ patternCode: 'five-day', anchorDate: '2026-01-01', validFrom: '2026-01-01', validTo: null }];
const threeShift: Schedule[] = [{ patternCode: 'three-shift', anchorDate: '2026-01-01', validFrom: '2025-01-01', validTo: null }];
const annual: Leave = { kind: 'annual', startDate: '2026-07-13', endDate: '2026-08-11' };
const sick: Leave = { kind: 'sick', startDate: '2026-03-02', endDate: '2026-03-06' };
const holidays = publicDaysOff(2026);

describe('checkWorkforceArgs', () => {
  it('accepts good arguments', () => {
    expect(checkWorkforceArgs({ year: 2026 })).toEqual([]);
    expect(checkWorkforceArgs({ year: 2000, regionCode: 'AST', districtCode: 'AST-ESL', first: 1000, after: encodeCursor(['AST-ESL-01']) })).toEqual([]);
    expect(checkWorkforceArgs({ year: 2100, regionCode: null, districtCode: null, first: null, after: null })).toEqual([]);
  });

  it('names every bad argument at once', () => {
    expect(checkWorkforceArgs({ year: 1999, regionCode: 'ast', districtCode: 'AST-E', first: 0, after: 'not a cursor' }).map((e) => e.field)).toEqual(['year', 'regionCode', 'districtCode', 'first', 'after']);
    expect(checkWorkforceArgs({ year: 2101, first: 1001 }).map((e) => e.field)).toEqual(['year', 'first']);
    expect(checkWorkforceArgs({ year: 2026.5 })).toEqual([{ field: 'year', message: 'must be a year between 2000 and 2100' }]);
    expect(checkWorkforceArgs({ year: 2026, regionCode: 'ALA', districtCode: 'AST-ESL' })).toEqual([{ field: 'districtCode', message: 'district AST-ESL is not in region ALA' }]);
    expect(checkWorkforceArgs({ year: 2026, after: encodeCursor([7]) }).map((e) => e.field)).toEqual(['after']);
    expect(checkWorkforceArgs({ year: 2026, after: encodeCursor(['a', 'b']) }).map((e) => e.field)).toEqual(['after']);
  });
});

describe('countingDate', () => {
  it('is today in the current year, 1 January otherwise', () => {
    expect(countingDate(2026, '2026-11-22')).toBe('2026-11-22');
    expect(countingDate(2025, '2026-11-22')).toBe('2025-01-01');
    expect(countingDate(2027, '2026-11-22')).toBe('2027-01-01');
  });
});

describe('publicDaysOff', () => {
  it('adds weekend transfers to the holidays the rule knows (Kurban ait 2026 not transferred)', () => {
    expect(holidays).toEqual(withWeekendTransfers(KZ_PUBLIC_HOLIDAYS_2026, ['2026-05-27']));
    expect(holidays).toHaveLength(21);
    expect(holidays).toContain('2026-03-09'); // 8 March 2026 is a Sunday
    // 2028: 1 January is a Saturday, 2 January a Sunday → Monday 3 and Tuesday 4 January off.
    expect(publicDaysOff(2028).slice(0, 4)).toEqual(['2028-01-01', '2028-01-02', '2028-01-03', '2028-01-04']);
  });
});

describe('scheduledIn', () => {
  it('tells whether a schedule is in force on some day of the year', () => {
    expect(scheduledIn(fiveDay, 2026)).toBe(true);
    expect(scheduledIn(fiveDay, 2025)).toBe(false);
    expect(scheduledIn([{ ...fiveDay[0], validFrom: '2024-01-01', validTo: '2025-01-01' }], 2025)).toBe(true);
    expect(scheduledIn([{ ...fiveDay[0], validFrom: '2024-01-01', validTo: '2024-12-31' }], 2025)).toBe(false);
    expect(scheduledIn([], 2026)).toBe(false);
  });
});

describe('sumWorkforce', () => {
  const hours = (h: Partial<AvailableHours> & Pick<AvailableHours, 'leaveHours'>): AvailableHours => ({ year: 2026, scheduledHours: 0, holidayHours: 0, availableHours: 0, shifts: 0, availableShifts: 0, ...h });
  const zero = { annual: 0, seniority_extra: 0, short: 0, study: 0, sick: 0, maternity: 0, unpaid: 0, compensatory: 0, other: 0 };

  it('sums the officers, leave by kind in kind order, and divides by those with a schedule', () => {
    const figures = sumWorkforce(2026, '2026-01-01', [
      { position: 'district_inspector', shared: false, hasSchedule: true, hours: hours({ scheduledHours: 2088, holidayHours: 120, availableHours: 1752, leaveHours: { ...zero, sick: 40, annual: 176 } }) },
      { position: 'assistant', shared: true, hasSchedule: true, hours: hours({ scheduledHours: 2196, availableHours: 2178, leaveHours: { ...zero, annual: 18 } }) },
      { position: 'juvenile_inspector', shared: false, hasSchedule: false, hours: hours({ leaveHours: zero }) },
    ]);
    expect(figures).toEqual({
      year: 2026,
      countedOn: '2026-01-01',
      officers: 3,
      postHolders: 1,
      sharedOfficers: 1,
      officersWithSchedule: 2,
      scheduledHours: 4284,
      leaveHours: 234,
      leaveHoursByKind: [
        { kind: 'annual', hours: 194 },
        { kind: 'sick', hours: 40 },
      ],
      holidayHours: 120,
      availableHours: 3930,
      availableHoursPerOfficer: 1965,
    });
  });

  it('gives zeros and no per-officer figure for a precinct without officers', () => {
    expect(sumWorkforce(2025, '2025-01-01', [])).toEqual({
      year: 2025,
      countedOn: '2025-01-01',
      officers: 0,
      postHolders: 0,
      sharedOfficers: 0,
      officersWithSchedule: 0,
      scheduledHours: 0,
      leaveHours: 0,
      leaveHoursByKind: [],
      holidayHours: 0,
      availableHours: 0,
      availableHoursPerOfficer: null,
    });
  });
});

describe('workforceOf', () => {
  const [a, b, c] = ['00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-00000000000b', '00000000-0000-4000-8000-00000000000c'];
  const officers: PrecinctOfficer[] = [
    { precinctCode: 'AST-ESL-01', inspectorId: a, position: 'district_inspector', precinctsServed: 1 },
    { precinctCode: 'AST-ESL-01', inspectorId: b, position: 'assistant', precinctsServed: 2 },
    { precinctCode: 'AST-ESL-02', inspectorId: b, position: 'district_inspector', precinctsServed: 2 },
    // The same officer twice at one precinct (overlapping periods): once, as the holder.
    { precinctCode: 'AST-ESL-02', inspectorId: c, position: 'assistant', precinctsServed: 1 },
    { precinctCode: 'AST-ESL-02', inspectorId: c, position: 'senior_district_inspector', precinctsServed: 1 },
    // A precinct not asked for is ignored.
    { precinctCode: 'AST-SAR-01', inspectorId: a, position: 'district_inspector', precinctsServed: 1 },
  ];
  const input = {
    year: 2026,
    countedOn: '2026-01-01',
    officers,
    schedules: new Map([
      [a, fiveDay],
      [b, threeShift],
    ]),
    leaves: new Map([
      [a, [annual, sick]],
      [b, [annual]],
    ]),
    patterns: SHIFT_PATTERNS,
    holidays,
  };

  it("sums each precinct's officers' yearly hours exactly as the rule gives them, in the order asked", () => {
    const [second, first, empty] = workforceOf([{ code: 'AST-ESL-02', population: 4100 }, { code: 'AST-ESL-01', population: 3200 }, { code: 'AST-ESL-04', population: 8600 }], input);
    const ha = availableHours(fiveDay, SHIFT_PATTERNS, [annual, sick], 2026, holidays);
    const hb = availableHours(threeShift, SHIFT_PATTERNS, [annual], 2026, holidays);
    // By hand: five-day 2026 = 261 weekdays × 8 h; 15 weekday days off with transfers × 8 h = 120 h;
    // annual 13 Jul–11 Aug = 22 weekdays × 8 h = 176 h; sick 2–6 Mar (Mon–Fri) = 5 × 8 h = 40 h.
    expect([ha.scheduledHours, ha.holidayHours, ha.leaveHours.annual, ha.leaveHours.sick, ha.availableHours]).toEqual([2088, 120, 176, 40, 1752]);
    expect(first).toMatchObject({
      code: 'AST-ESL-01',
      population: 3200,
      officers: 2,
      postHolders: 1,
      sharedOfficers: 1,
      officersWithSchedule: 2,
      scheduledHours: ha.scheduledHours + hb.scheduledHours,
      leaveHours: ha.leaveHours.annual + ha.leaveHours.sick + hb.leaveHours.annual,
      leaveHoursByKind: [
        { kind: 'annual', hours: ha.leaveHours.annual + hb.leaveHours.annual },
        { kind: 'sick', hours: ha.leaveHours.sick },
      ],
      holidayHours: ha.holidayHours + hb.holidayHours,
      availableHours: ha.availableHours + hb.availableHours,
      availableHoursPerOfficer: (ha.availableHours + hb.availableHours) / 2,
    });
    // b counts in full in both precincts; c has no schedule: counted, but not in the per-officer figure.
    expect(second).toMatchObject({ code: 'AST-ESL-02', officers: 2, postHolders: 2, sharedOfficers: 1, officersWithSchedule: 1, availableHours: hb.availableHours, availableHoursPerOfficer: hb.availableHours });
    expect(empty).toMatchObject({ code: 'AST-ESL-04', officers: 0, officersWithSchedule: 0, scheduledHours: 0, leaveHoursByKind: [], availableHours: 0, availableHoursPerOfficer: null });
  });
});

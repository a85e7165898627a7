import { KZ_PUBLIC_HOLIDAYS_2026, availableHours, holidaysOf, withWeekendTransfers } from './available-hours';
import type { Leave } from './leave';
import { SHIFT_PATTERNS } from './patterns';
import type { Schedule } from './schedule';

const open = (patternCode: string, anchorDate = '2026-01-01'): Schedule[] => [{ patternCode, anchorDate, validFrom: '2020-01-01', validTo: null }];
const zeroLeave = { annual: 0, seniority_extra: 0, short: 0, study: 0, sick: 0, maternity: 0, unpaid: 0, compensatory: 0, other: 0 };

describe('public holidays', () => {
  it('lists 2026 and the fixed-date holidays of any year', () => {
    expect(KZ_PUBLIC_HOLIDAYS_2026).toHaveLength(15);
    expect(KZ_PUBLIC_HOLIDAYS_2026).toContain('2026-05-27'); // Kurban ait 2026
    expect(holidaysOf(2026)).toEqual(KZ_PUBLIC_HOLIDAYS_2026.filter((d) => d !== '2026-05-27'));
    expect(holidaysOf(2030)[0]).toBe('2030-01-01');
  });

  it('moves weekend holidays to the next working day, except religious ones', () => {
    // 03-08 Sun → 03-09; 03-21 Sat and 03-22 Sun → 03-24, 03-25 (03-23 is itself Nauryz);
    // 05-09 Sat → 05-11; 08-30 Sun → 08-31; 10-25 Sun → 10-26.
    const off = withWeekendTransfers(KZ_PUBLIC_HOLIDAYS_2026, ['2026-05-27']);
    expect(off.filter((d) => !KZ_PUBLIC_HOLIDAYS_2026.includes(d))).toEqual([
      '2026-03-09', '2026-03-24', '2026-03-25', '2026-05-11', '2026-08-31', '2026-10-26',
    ]);
    // 7 January is religious: 2029-01-07 is a Sunday and is not transferred.
    expect(withWeekendTransfers(['2029-01-07'])).toEqual(['2029-01-07']);
  });
});

describe('availableHours', () => {
  const annual: Leave = { kind: 'annual', startDate: '2026-07-13', endDate: '2026-08-11' }; // 30 calendar days

  it('five-day inspector in 2026 with 30 days of annual leave', () => {
    // 2026 has 365 days from Thursday 1 Jan: 52 weeks + one Thursday → 261 weekdays × 8 paid h = 2088.
    // Holidays on weekdays: 01-01 Thu, 01-02 Fri, 01-07 Wed, 03-23 Mon, 05-01 Fri, 05-07 Thu,
    // 05-27 Wed, 07-06 Mon, 12-16 Wed → 9 × 8 = 72 h (the other six fall on weekends).
    // Leave 13 Jul (Mon) .. 11 Aug (Tue): 4 full weeks (20 weekdays) + Mon–Tue = 22 weekdays × 8 = 176 h.
    // Available: 2088 − 72 − 176 = 1840 h over 261 − 9 − 22 = 230 shifts.
    const result = availableHours(open('five-day'), SHIFT_PATTERNS, [annual], 2026, KZ_PUBLIC_HOLIDAYS_2026);
    expect(result).toEqual({
      year: 2026,
      scheduledHours: 2088,
      leaveHours: { ...zeroLeave, annual: 176 },
      holidayHours: 72,
      availableHours: 1840,
      shifts: 261,
      availableShifts: 230,
    });
  });

  it('five-day inspector with weekend transfers: six more days off (the default: publicDaysOff)', () => {
    // 15 weekday days off × 8 = 120 h; 2088 − 120 − 176 = 1792 h.
    const holidays = withWeekendTransfers(KZ_PUBLIC_HOLIDAYS_2026, ['2026-05-27']);
    const result = availableHours(open('five-day'), SHIFT_PATTERNS, [annual], 2026, holidays);
    expect([result.holidayHours, result.availableHours]).toEqual([120, 1792]);
    // Without holidays given, the rule takes the public days off with their weekend transfers, as
    // Inspector.availableHours and precinctWorkforce (staffing-forecast's input) both do.
    expect(availableHours(open('five-day'), SHIFT_PATTERNS, [annual], 2026)).toEqual(result);
  });

  it('a holiday inside the leave counts as holiday, not leave', () => {
    // Leave Mon 07-06 (Capital Day) .. Fri 07-10: 1 holiday + 4 leave weekdays.
    const leave: Leave = { kind: 'annual', startDate: '2026-07-06', endDate: '2026-07-10' };
    const result = availableHours(open('five-day'), SHIFT_PATTERNS, [leave], 2026, ['2026-07-06']);
    expect([result.holidayHours, result.leaveHours.annual]).toEqual([8, 32]);
  });

  it('three-shift inspector in 2026 (18 paid hours per duty: 24 h − 6 h breaks)', () => {
    // Anchored on 1 Jan: duty on day 0, 3, …, 363 of the year → 122 duties × 18 h = 2196 h.
    // Holidays do not reduce rotating 24-hour duty.
    expect(availableHours(open('three-shift'), SHIFT_PATTERNS, [], 2026, KZ_PUBLIC_HOLIDAYS_2026)).toEqual({
      year: 2026,
      scheduledHours: 2196,
      leaveHours: zeroLeave,
      holidayHours: 0,
      availableHours: 2196,
      shifts: 122,
      availableShifts: 122,
    });
    // Leave 1–30 July = days 181..210 of the year; duty days 183, 186, …, 210 → 10 × 18 = 180 h.
    const leave: Leave = { kind: 'annual', startDate: '2026-07-01', endDate: '2026-07-30' };
    const withLeave = availableHours(open('three-shift'), SHIFT_PATTERNS, [leave], 2026);
    expect([withLeave.leaveHours.annual, withLeave.availableHours, withLeave.availableShifts]).toEqual([180, 2016, 112]);
  });

  it('a shift belongs to the year it starts in', () => {
    // Anchored on 2025-12-31: that duty runs into 2026 but is not counted; 2026 duties on
    // 3, 6, …, 363 days after the anchor (03 Jan … 29 Dec) → 121 × 18 = 2178 h.
    const result = availableHours(open('three-shift', '2025-12-31'), SHIFT_PATTERNS, [], 2026);
    expect([result.shifts, result.scheduledHours]).toEqual([121, 2178]);
  });

  it('four-shift and day-night inspectors in 2026', () => {
    // Four-shift: days 0, 4, …, 364 → 92 × 20 h = 1840 h.
    expect(availableHours(open('four-shift'), SHIFT_PATTERNS, [], 2026).availableHours).toBe(1840);
    // Day-night: day shifts on days ≡ 0 (mod 4): 92; nights on days ≡ 1: 91 → 183 × 12 h = 2196 h.
    const dn = availableHours(open('day-night'), SHIFT_PATTERNS, [], 2026);
    expect([dn.shifts, dn.availableHours]).toEqual([183, 2196]);
  });

  it('respects schedule validity within the year and rejects a bad year', () => {
    const schedules: Schedule[] = [{ patternCode: 'five-day', anchorDate: '2026-01-01', validFrom: '2026-12-01', validTo: null }];
    // December 2026: 1 Dec is a Tuesday → 23 weekdays, minus 16 Dec → 22 × 8 = 176 h.
    expect(availableHours(schedules, SHIFT_PATTERNS, [], 2026).availableHours).toBe(176);
    expect(() => availableHours(schedules, SHIFT_PATTERNS, [], 2026.5)).toThrow(RangeError);
  });
});

import { SHIFT_PATTERNS } from './patterns';
import { shiftAt, shiftsBetween, validateSchedule, type Schedule } from './schedule';
import { localInstant } from './time';

const at = (date: string, time: string): Date => localInstant(date, time);
const threeShift: Schedule = { patternCode: 'three-shift', anchorDate: '2026-03-01', validFrom: '2026-01-01', validTo: null };

describe('shiftAt', () => {
  it('a three-shift inspector is off at 07:59 and on at 08:00 on their duty day', () => {
    expect(shiftAt([threeShift], SHIFT_PATTERNS, at('2026-03-01', '07:59'))).toBeNull();
    const shift = shiftAt([threeShift], SHIFT_PATTERNS, at('2026-03-01', '08:00'));
    expect(shift).toEqual({ start: at('2026-03-01', '08:00'), end: at('2026-03-02', '08:00'), hours: 18 }); // 24 - 6 h breaks
    // Still on duty at 07:59 the next morning, relieved at 08:00.
    expect(shiftAt([threeShift], SHIFT_PATTERNS, at('2026-03-02', '07:59'))).toEqual(shift);
    expect(shiftAt([threeShift], SHIFT_PATTERNS, at('2026-03-02', '08:00'))).toBeNull();
    // Next duty three days later.
    expect(shiftAt([threeShift], SHIFT_PATTERNS, at('2026-03-04', '12:00'))?.start).toEqual(at('2026-03-04', '08:00'));
  });

  it("a day-night night shift crosses midnight: at 02:00 it finds yesterday's 20:00 shift", () => {
    const dayNight: Schedule = { patternCode: 'day-night', anchorDate: '2026-03-01', validFrom: '2026-01-01', validTo: null };
    // Cycle: 03-01 day 08–20, 03-02 night 20–08, 03-03 off, 03-04 off, 03-05 day...
    expect(shiftAt([dayNight], SHIFT_PATTERNS, at('2026-03-03', '02:00'))).toEqual({
      start: at('2026-03-02', '20:00'),
      end: at('2026-03-03', '08:00'),
      hours: 12,
    });
    expect(shiftAt([dayNight], SHIFT_PATTERNS, at('2026-03-03', '08:00'))).toBeNull();
    expect(shiftAt([dayNight], SHIFT_PATTERNS, at('2026-03-01', '19:59'))?.start).toEqual(at('2026-03-01', '08:00'));
    expect(shiftAt([dayNight], SHIFT_PATTERNS, at('2026-03-01', '20:00'))).toBeNull();
    expect(shiftAt([dayNight], SHIFT_PATTERNS, at('2026-03-05', '08:00'))?.start).toEqual(at('2026-03-05', '08:00'));
  });

  it('a weekly office pattern follows the ISO week, not the anchor', () => {
    const office: Schedule = { patternCode: 'five-day', anchorDate: '2026-03-04', validFrom: '2026-01-01', validTo: null };
    // 2026-03-06 is a Friday, 2026-03-07 a Saturday.
    expect(shiftAt([office], SHIFT_PATTERNS, at('2026-03-06', '17:59'))).toEqual({
      start: at('2026-03-06', '09:00'),
      end: at('2026-03-06', '18:00'),
      hours: 8,
    });
    expect(shiftAt([office], SHIFT_PATTERNS, at('2026-03-06', '18:00'))).toBeNull();
    expect(shiftAt([office], SHIFT_PATTERNS, at('2026-03-07', '10:00'))).toBeNull();
  });
});

describe('shiftsBetween', () => {
  it('honours schedule validity boundaries by the shift start date (inclusive)', () => {
    // Duty days of the cycle anchored on 02-26: 02-26, 03-01, 03-04, 03-07, 03-10.
    const s: Schedule = { patternCode: 'three-shift', anchorDate: '2026-02-26', validFrom: '2026-03-01', validTo: '2026-03-07' };
    const shifts = shiftsBetween([s], SHIFT_PATTERNS, at('2026-02-20', '00:00'), at('2026-03-15', '00:00'));
    expect(shifts.map((x) => x.start)).toEqual([at('2026-03-01', '08:00'), at('2026-03-04', '08:00'), at('2026-03-07', '08:00')]);
    // The shift that starts on validTo runs past it and still counts.
    expect(shiftAt([s], SHIFT_PATTERNS, at('2026-03-08', '07:00'))?.start).toEqual(at('2026-03-07', '08:00'));
    expect(shiftAt([s], SHIFT_PATTERNS, at('2026-02-26', '12:00'))).toBeNull();
    expect(shiftAt([s], SHIFT_PATTERNS, at('2026-03-10', '12:00'))).toBeNull();
  });

  it('includes shifts that started before `from` and overlap it, excludes those starting at `to`', () => {
    const shifts = shiftsBetween([threeShift], SHIFT_PATTERNS, at('2026-03-02', '00:00'), at('2026-03-04', '08:00'));
    expect(shifts.map((x) => x.start)).toEqual([at('2026-03-01', '08:00')]);
    expect(shiftsBetween([threeShift], SHIFT_PATTERNS, at('2026-03-02', '00:00'), at('2026-03-02', '00:00'))).toEqual([]);
  });

  it('combines consecutive schedules (a pattern change), sorted', () => {
    const schedules: Schedule[] = [
      { patternCode: 'four-shift', anchorDate: '2026-03-05', validFrom: '2026-03-05', validTo: null },
      { patternCode: 'three-shift', anchorDate: '2026-03-01', validFrom: '2026-01-01', validTo: '2026-03-04' },
    ];
    const shifts = shiftsBetween(schedules, new Map(SHIFT_PATTERNS.map((p) => [p.code, p])), at('2026-03-01', '00:00'), at('2026-03-14', '00:00'));
    expect(shifts.map((x) => [x.start, x.hours])).toEqual([
      [at('2026-03-01', '08:00'), 18],
      [at('2026-03-04', '08:00'), 18],
      [at('2026-03-05', '08:00'), 20],
      [at('2026-03-09', '08:00'), 20],
      [at('2026-03-13', '08:00'), 20],
    ]);
  });

  it('drops duplicates from overlapping schedules and rejects unknown patterns', () => {
    const shifts = shiftsBetween([threeShift, threeShift], SHIFT_PATTERNS, at('2026-03-01', '00:00'), at('2026-03-02', '00:00'));
    expect(shifts).toHaveLength(1);
    expect(() => shiftsBetween([{ ...threeShift, patternCode: 'nope' }], SHIFT_PATTERNS, at('2026-03-01', '00:00'), at('2026-03-02', '00:00'))).toThrow(
      "unknown shift pattern 'nope'",
    );
  });
});

describe('validateSchedule', () => {
  it('accepts a valid schedule and reports field errors', () => {
    expect(validateSchedule(threeShift, SHIFT_PATTERNS)).toEqual({ ok: true, schedule: threeShift });
    expect(validateSchedule({ patternCode: 'x', anchorDate: '2026-02-30', validFrom: '2026-03-02', validTo: '2026-03-01' }, SHIFT_PATTERNS)).toEqual({
      ok: false,
      errors: [
        { field: 'patternCode', message: "unknown shift pattern 'x'" },
        { field: 'anchorDate', message: 'must be a date YYYY-MM-DD' },
        { field: 'validTo', message: 'must not be before validFrom' },
      ],
    });
  });
});

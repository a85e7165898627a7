import {
  addCalendarDays,
  addCalendarMonths,
  endOfLocalDay,
  isLocalDate,
  isoWeekday,
  localDateOf,
  startOfLocalDay,
} from './index';

describe('isLocalDate', () => {
  it.each(['2026-01-01', '2024-02-29', '2026-12-31', '2027-03-24'])('accepts %s', (value) => {
    expect(isLocalDate(value)).toBe(true);
  });

  it.each([
    '2026-02-29',
    '2026-02-30',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '2026-1-1',
    '26-01-01',
    '2026-01-01T00:00:00Z',
    ' 2026-01-01',
    '',
    20260101,
    null,
    undefined,
    new Date('2026-01-01'),
  ])('rejects %p', (value) => {
    expect(isLocalDate(value)).toBe(false);
  });
});

describe('isoWeekday', () => {
  it('numbers Monday 1 ... Sunday 7', () => {
    expect(isoWeekday('2026-03-23')).toBe(1);
    expect(isoWeekday('2026-03-27')).toBe(5);
    expect(isoWeekday('2026-03-21')).toBe(6);
    expect(isoWeekday('2026-03-22')).toBe(7);
  });
});

describe('addCalendarDays', () => {
  it('moves across months, years and leap days', () => {
    expect(addCalendarDays('2026-03-13', 1)).toBe('2026-03-14');
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addCalendarDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addCalendarDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addCalendarDays('2026-01-01', 365)).toBe('2027-01-01');
    expect(addCalendarDays('2026-05-05', 0)).toBe('2026-05-05');
  });

  it('rejects a bad date or a fractional count', () => {
    expect(() => addCalendarDays('2026-02-30', 1)).toThrow(TypeError);
    expect(() => addCalendarDays('2026-02-01', 1.5)).toThrow(RangeError);
  });
});

describe('addCalendarMonths', () => {
  it('clamps to the last day of the target month', () => {
    expect(addCalendarMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addCalendarMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addCalendarMonths('2026-03-31', 1)).toBe('2026-04-30');
    expect(addCalendarMonths('2026-05-31', -1)).toBe('2026-04-30');
  });

  it('keeps the day when the target month has it', () => {
    expect(addCalendarMonths('2026-01-15', 1)).toBe('2026-02-15');
    expect(addCalendarMonths('2026-02-28', 1)).toBe('2026-03-28');
    expect(addCalendarMonths('2026-11-30', 2)).toBe('2027-01-30');
    expect(addCalendarMonths('2026-01-15', -1)).toBe('2025-12-15');
    expect(addCalendarMonths('2026-01-15', 12)).toBe('2027-01-15');
    expect(addCalendarMonths('2026-01-15', -13)).toBe('2024-12-15');
    expect(addCalendarMonths('2026-01-15', 0)).toBe('2026-01-15');
  });
});

describe('Kazakhstan local time (fixed UTC+05:00)', () => {
  it('localDateOf reads the date at +05:00', () => {
    expect(localDateOf(new Date('2026-03-20T18:59:59.999Z'))).toBe('2026-03-20');
    expect(localDateOf(new Date('2026-03-20T19:00:00.000Z'))).toBe('2026-03-21');
    expect(localDateOf(new Date('2026-12-31T19:00:00Z'))).toBe('2027-01-01');
    expect(localDateOf(new Date('2026-07-01T12:00:00+05:00'))).toBe('2026-07-01');
  });

  it('localDateOf rejects an invalid Date', () => {
    expect(() => localDateOf(new Date('not a date'))).toThrow(TypeError);
  });

  it('startOfLocalDay is 00:00:00.000 +05:00', () => {
    expect(startOfLocalDay('2026-03-21').toISOString()).toBe('2026-03-20T19:00:00.000Z');
    expect(localDateOf(startOfLocalDay('2026-03-21'))).toBe('2026-03-21');
  });

  it('endOfLocalDay is 23:59:59.000 +05:00, on the same local day', () => {
    expect(endOfLocalDay('2026-03-26').toISOString()).toBe('2026-03-26T18:59:59.000Z');
    expect(localDateOf(endOfLocalDay('2026-03-26'))).toBe('2026-03-26');
    expect(localDateOf(new Date(endOfLocalDay('2026-12-31').getTime() + 1000))).toBe('2027-01-01');
  });

  it('rejects a malformed date', () => {
    expect(() => startOfLocalDay('2026-02-29')).toThrow(TypeError);
    expect(() => endOfLocalDay('31.12.2026')).toThrow(TypeError);
  });
});

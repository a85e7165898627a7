import { KZ_OFFSET_MINUTES, addDays, isLocalDate, isLocalTime, isoWeekday, localDateOf, localInstant } from './time';

describe('time (fixed UTC+05:00)', () => {
  it('uses a +05:00 offset', () => {
    expect(KZ_OFFSET_MINUTES).toBe(300);
    expect(localInstant('2026-03-01', '08:00').toISOString()).toBe('2026-03-01T03:00:00.000Z');
    expect(localInstant('2026-03-01').toISOString()).toBe('2026-02-28T19:00:00.000Z');
  });

  it('takes the local date of an instant', () => {
    expect(localDateOf(new Date('2026-02-28T18:59:59Z'))).toBe('2026-02-28');
    expect(localDateOf(new Date('2026-02-28T19:00:00Z'))).toBe('2026-03-01');
    expect(() => localDateOf(new Date('nope'))).toThrow(RangeError);
  });

  it('validates dates and times', () => {
    expect(isLocalDate('2026-02-28')).toBe(true);
    expect(isLocalDate('2026-02-29')).toBe(false);
    expect(isLocalDate('2024-02-29')).toBe(true);
    expect(isLocalDate('2026-1-01')).toBe(false);
    expect(isLocalTime('23:59')).toBe(true);
    expect(isLocalTime('24:00')).toBe(false);
    expect(isLocalTime('8:00')).toBe(false);
  });

  it('does calendar arithmetic', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(isoWeekday('2026-01-05')).toBe(0); // Monday
    expect(isoWeekday('2026-01-04')).toBe(6); // Sunday
  });
});

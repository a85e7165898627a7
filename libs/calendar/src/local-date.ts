/**
 * Calendar dates and Kazakhstan local time.
 *
 * Kazakhstan has used a single time zone, UTC+05:00 without daylight saving time, since
 * 1 March 2024 (Asia/Almaty moved from +06:00 to +05:00). Every helper here therefore uses a
 * fixed +05:00 offset rather than the host's time zone database, so results do not depend on the
 * machine's TZ setting or on the tzdata version. Instants before 1 March 2024 are out of scope.
 */

/** A calendar date in Kazakhstan, `YYYY-MM-DD` (ISO 8601). */
export type LocalDate = string;

/** The fixed offset of Kazakhstan local time from UTC, in milliseconds (+05:00). */
export const KAZAKHSTAN_UTC_OFFSET_MS = 5 * 60 * 60 * 1000;

/** The fixed offset of Kazakhstan local time as an ISO 8601 suffix. */
export const KAZAKHSTAN_UTC_OFFSET = '+05:00';

const DAY_MS = 24 * 60 * 60 * 1000;
const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

interface DateParts {
  readonly year: number;
  readonly month: number; // 1..12
  readonly day: number; // 1..31
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function parts(value: string): DateParts | undefined {
  const match = LOCAL_DATE_PATTERN.exec(value);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

function format(year: number, month: number, day: number): LocalDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Midnight UTC of the date, as milliseconds since the epoch (a day counter for date arithmetic). */
function utcMidnight(date: DateParts): number {
  const result = new Date(0);
  result.setUTCFullYear(date.year, date.month - 1, date.day);
  return result.getTime();
}

function fromUtcMidnight(ms: number): LocalDate {
  const d = new Date(ms);
  return format(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** True for a string `YYYY-MM-DD` naming a real calendar date (2026-02-30 is not one). */
export function isLocalDate(value: unknown): value is LocalDate {
  return typeof value === 'string' && parts(value) !== undefined;
}

/** The parts of a local date; throws a TypeError for anything that is not one. */
function requireParts(value: unknown, what = 'date'): DateParts {
  const result = typeof value === 'string' ? parts(value) : undefined;
  if (!result)
    throw new TypeError(`${what} must be a real calendar date 'YYYY-MM-DD', got ${JSON.stringify(value)}`);
  return result;
}

/** Throws a TypeError unless `value` is a local date. */
export function assertLocalDate(value: unknown, what = 'date'): asserts value is LocalDate {
  requireParts(value, what);
}

function requireInteger(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be an integer, got ${value}`);
}

/** The year of a local date. */
export function yearOf(date: LocalDate): number {
  return requireParts(date).year;
}

/** The ISO weekday of a local date: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  const day = new Date(utcMidnight(requireParts(date))).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The date `days` calendar days after `date` (before it when negative). */
export function addCalendarDays(date: LocalDate, days: number): LocalDate {
  requireInteger(days, 'days');
  return fromUtcMidnight(utcMidnight(requireParts(date)) + days * DAY_MS);
}

/**
 * The date `months` calendar months after `date` (before it when negative), clamped to the last
 * day of the target month: 2026-01-31 + 1 month = 2026-02-28, 2028-01-31 + 1 month = 2028-02-29.
 */
export function addCalendarMonths(date: LocalDate, months: number): LocalDate {
  requireInteger(months, 'months');
  const { year, month, day } = requireParts(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  if (targetYear < 1 || targetYear > 9999) throw new RangeError(`${date} + ${months} months is out of range`);
  return format(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/** The Kazakhstan (UTC+05:00) calendar date of an instant. */
export function localDateOf(instant: Date): LocalDate {
  const ms = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (Number.isNaN(ms)) throw new TypeError('instant must be a valid Date');
  // Shifting the instant by +05:00 makes its UTC calendar fields the Kazakhstan ones.
  return fromUtcMidnight(ms + KAZAKHSTAN_UTC_OFFSET_MS);
}

/** The first instant of a Kazakhstan calendar day: 00:00:00.000 +05:00. */
export function startOfLocalDay(date: LocalDate): Date {
  return new Date(utcMidnight(requireParts(date)) - KAZAKHSTAN_UTC_OFFSET_MS);
}

/**
 * The legal end of a Kazakhstan calendar day: 23:59:59.000 +05:00. A due time "by the end of the
 * day" is 23:59:59 of that day, so this is deliberately not the last millisecond (23:59:59.999).
 */
export function endOfLocalDay(date: LocalDate): Date {
  return new Date(startOfLocalDay(date).getTime() + DAY_MS - 1000);
}

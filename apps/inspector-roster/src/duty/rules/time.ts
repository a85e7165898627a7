/**
 * Local-time arithmetic for Kazakhstan. Since 1 March 2024 the whole country is on a single
 * UTC+05:00 zone without daylight saving, so every conversion uses a fixed offset: no tz database.
 * Instants are JS `Date`s; local calendar dates are ISO strings 'YYYY-MM-DD'.
 */
export const KZ_OFFSET_MINUTES = 300;

const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
const OFFSET_MS = KZ_OFFSET_MINUTES * MINUTE_MS;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** True for a real calendar date written 'YYYY-MM-DD' (rejects 2026-02-30). */
export function isLocalDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
}

/** True for a wall-clock time 'HH:MM' between 00:00 and 23:59. */
export function isLocalTime(value: unknown): value is string {
  return typeof value === 'string' && TIME_RE.test(value);
}

function assertDate(value: string, what = 'date'): void {
  if (!isLocalDate(value)) throw new RangeError(`invalid local ${what} '${value}', expected YYYY-MM-DD`);
}

function assertInstant(at: Date, what = 'instant'): void {
  if (!(at instanceof Date) || Number.isNaN(at.getTime())) throw new RangeError(`invalid ${what}`);
}

/**
 * The two date conversions are memoised: the duty rules walk every day of a year for every
 * inspector (the yearly hours of thousands of them in one page), and parsing or formatting dates
 * through `Date` each time dominated that work. Only valid dates are kept; the caches are
 * cleared when they grow past a few centuries of days.
 */
const CACHE_LIMIT = 100_000;
const dayNumbers = new Map<string, number>();
const dateStrings = new Map<number, string>();

/** Days since 1970-01-01 of a local date (a plain day count, no time zone involved). */
export function dayNumber(date: string): number {
  const known = dayNumbers.get(date);
  if (known !== undefined) return known;
  assertDate(date);
  const day = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
  if (dayNumbers.size >= CACHE_LIMIT) dayNumbers.clear();
  dayNumbers.set(date, day);
  return day;
}

export function fromDayNumber(day: number): string {
  const known = dateStrings.get(day);
  if (known !== undefined) return known;
  const date = new Date(day * DAY_MS).toISOString().slice(0, 10);
  if (Number.isInteger(day)) {
    if (dateStrings.size >= CACHE_LIMIT) dateStrings.clear();
    dateStrings.set(day, date);
  }
  return date;
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}

/** Monday = 0 … Sunday = 6. */
export function isoWeekday(date: string): number {
  // 1970-01-01 (day 0) was a Thursday (3).
  return (((dayNumber(date) + 3) % 7) + 7) % 7;
}

/** The Kazakhstan local date on which the instant falls. */
export function localDateOf(at: Date): string {
  assertInstant(at);
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** Minutes after local midnight of a 'HH:MM' time. */
export function minutesOfDay(time: string): number {
  if (!isLocalTime(time)) throw new RangeError(`invalid local time '${time}', expected HH:MM`);
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** The instant of a local date and wall-clock time ('HH:MM', default midnight) in UTC+05:00. */
export function localInstant(date: string, time = '00:00'): Date {
  return new Date(dayNumber(date) * DAY_MS + minutesOfDay(time) * MINUTE_MS - OFFSET_MS);
}

/** Internal guard shared by the rule modules. */
export function requireInstant(at: Date, what: string): void {
  assertInstant(at, what);
}

/** Internal guard shared by the rule modules. */
export function requireLocalDate(date: string, what: string): void {
  assertDate(date, what);
}

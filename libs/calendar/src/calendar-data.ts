/**
 * The yearly working-day calendar files (`libs/calendar/data/kz-YYYY.json`) and their validation.
 * The format is documented in libs/calendar/README.md. Nothing about a particular year is written
 * in code: holidays, moved days off and Government transfers all come from the files.
 */
import { isLocalDate, isoWeekday, type LocalDate } from './local-date';

/** A text in the three languages of the platform. */
export interface LocalizedText {
  readonly kk: string;
  readonly ru: string;
  readonly en: string;
}

/** `official`: published by the Government; `provisional`: derived ahead of publication. */
export type CalendarStatus = 'official' | 'provisional';

/**
 * `public`: a public holiday; when it falls on a weekend day, the day off moves to the next
 * working day (listed in `daysOff` as `moved-holiday`). `religious`: a religious day off
 * (Orthodox Christmas, the first day of Kurban Ait), which is never moved.
 */
export type HolidayKind = 'public' | 'religious';

/** `moved-holiday`: the day off of a holiday on a weekend; `government-transfer`: moved by decree. */
export type DayOffKind = 'moved-holiday' | 'government-transfer';

export interface CalendarHoliday {
  readonly date: LocalDate;
  readonly name: LocalizedText;
  readonly kind: HolidayKind;
}

/** A weekday that is not worked. */
export interface CalendarDayOff {
  readonly date: LocalDate;
  readonly reason: string;
  readonly kind: DayOffKind;
}

/** A weekend day that is worked (a Government transfer). */
export interface CalendarWorkingDay {
  readonly date: LocalDate;
  readonly reason: string;
}

/** One parsed and validated `kz-YYYY.json` file. */
export interface CalendarYear {
  /** ISO 3166-1 alpha-2 country code, `KZ`. */
  readonly country: string;
  readonly year: number;
  readonly status: CalendarStatus;
  /** Where the facts of the file come from (addresses, with what each one states). */
  readonly sources: readonly string[];
  /** Free-text remarks: caveats, what is still to be confirmed. */
  readonly notes: readonly string[];
  /** ISO weekdays (1 = Monday ... 7 = Sunday) that are days off every week: [6, 7] for the five-day week. */
  readonly weekend: readonly number[];
  readonly holidays: readonly CalendarHoliday[];
  readonly daysOff: readonly CalendarDayOff[];
  readonly workingDays: readonly CalendarWorkingDay[];
}

/** A malformed calendar data file; the message names the file (or year) and the problem. */
export class CalendarDataError extends Error {
  override readonly name = 'CalendarDataError';
}

const WEEKDAY_NAMES = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const TOP_LEVEL_KEYS = [
  'country',
  'year',
  'status',
  'sources',
  'notes',
  'weekend',
  'holidays',
  'daysOff',
  'workingDays',
];

type Json = Record<string, unknown>;

/** Validates one calendar file (already JSON-parsed). `source` (a file name) prefixes error messages. */
export function parseCalendarYear(json: unknown, source?: string): CalendarYear {
  let label = source ?? 'calendar data';
  const fail: Fail = (problem) => {
    throw new CalendarDataError(`${label}: ${problem}`);
  };

  const root = object(json, 'the file', fail);
  if (source === undefined && Number.isSafeInteger(root['year'])) label = `calendar data for ${root['year']}`;
  onlyKeys(root, TOP_LEVEL_KEYS, 'the file', fail);

  const country = root['country'];
  if (typeof country !== 'string' || !/^[A-Z]{2}$/.test(country)) {
    fail(`"country" must be an ISO 3166-1 alpha-2 code such as "KZ", got ${show(country)}`);
  }
  const year = root['year'];
  if (typeof year !== 'number' || !Number.isSafeInteger(year) || year < 1900 || year > 9999) {
    fail(`"year" must be a four-digit year, got ${show(year)}`);
  }
  const status = root['status'];
  if (status !== 'official' && status !== 'provisional') {
    fail(`"status" must be "official" or "provisional", got ${show(status)}`);
  }
  const sources = stringArray(root['sources'], '"sources"', fail);
  if (sources.length === 0) fail('"sources" must name at least one source');
  const notes = root['notes'] === undefined ? [] : stringArray(root['notes'], '"notes"', fail);

  const weekendValue = array(root['weekend'], '"weekend"', fail);
  const weekend = weekendValue.map((day, i) => {
    if (typeof day !== 'number' || !Number.isInteger(day) || day < 1 || day > 7) {
      fail(`weekend[${i}] must be an ISO weekday 1 (Monday) ... 7 (Sunday), got ${show(day)}`);
    }
    return day as number;
  });
  if (weekend.length === 0 || weekend.length >= 7)
    fail('"weekend" must list between one and six ISO weekdays');
  if (new Set(weekend).size !== weekend.length) fail('"weekend" lists a weekday twice');
  const isWeekend = (date: LocalDate) => weekend.includes(isoWeekday(date));

  const dateIn = (value: unknown, where: string): LocalDate => {
    if (!isLocalDate(value))
      return fail(`${where}.date must be a real date "YYYY-MM-DD", got ${show(value)}`);
    if (Number(value.slice(0, 4)) !== year) fail(`${where}.date ${value} is not in ${year}`);
    return value;
  };
  const day = (date: LocalDate) => `${date} (${WEEKDAY_NAMES[isoWeekday(date)]})`;

  const holidays = array(root['holidays'], '"holidays"', fail).map((value, i): CalendarHoliday => {
    const where = `holidays[${i}]`;
    const entry = object(value, where, fail);
    onlyKeys(entry, ['date', 'name', 'kind'], where, fail);
    const date = dateIn(entry['date'], where);
    const kind = entry['kind'];
    if (kind !== 'public' && kind !== 'religious') {
      fail(`${where}.kind must be "public" or "religious", got ${show(kind)}`);
    }
    const nameValue = object(entry['name'], `${where}.name`, fail);
    onlyKeys(nameValue, ['kk', 'ru', 'en'], `${where}.name`, fail);
    const name = {} as { kk: string; ru: string; en: string };
    for (const language of ['kk', 'ru', 'en'] as const) {
      const text = nameValue[language];
      if (typeof text !== 'string' || text.trim() === '')
        fail(`${where}.name.${language} must be a non-empty text`);
      name[language] = text as string;
    }
    return { date, name, kind: kind as HolidayKind };
  });

  const daysOff = array(root['daysOff'], '"daysOff"', fail).map((value, i): CalendarDayOff => {
    const where = `daysOff[${i}]`;
    const entry = object(value, where, fail);
    onlyKeys(entry, ['date', 'reason', 'kind'], where, fail);
    const date = dateIn(entry['date'], where);
    const kind = entry['kind'];
    if (kind !== 'moved-holiday' && kind !== 'government-transfer') {
      fail(`${where}.kind must be "moved-holiday" or "government-transfer", got ${show(kind)}`);
    }
    const reason = text(entry['reason'], `${where}.reason`, fail);
    return { date, reason, kind: kind as DayOffKind };
  });

  const workingDays = array(root['workingDays'], '"workingDays"', fail).map(
    (value, i): CalendarWorkingDay => {
      const where = `workingDays[${i}]`;
      const entry = object(value, where, fail);
      onlyKeys(entry, ['date', 'reason'], where, fail);
      const date = dateIn(entry['date'], where);
      const reason = text(entry['reason'], `${where}.reason`, fail);
      return { date, reason };
    },
  );

  // Each date appears at most once across the three lists.
  const seen = new Map<LocalDate, string>();
  const claim = (date: LocalDate, where: string) => {
    const previous = seen.get(date);
    if (previous !== undefined) fail(`${date} appears both in ${previous} and in ${where}`);
    seen.set(date, where);
  };
  holidays.forEach((h, i) => claim(h.date, `holidays[${i}]`));
  daysOff.forEach((d, i) => claim(d.date, `daysOff[${i}]`));
  workingDays.forEach((w, i) => claim(w.date, `workingDays[${i}]`));

  // Weekday sanity: a day off is a weekday, a transferred working day a weekend day.
  daysOff.forEach(({ date }, i) => {
    if (isWeekend(date))
      fail(`daysOff[${i}]: day off ${day(date)} is already a weekend day; a day off must be a weekday`);
  });
  workingDays.forEach(({ date }, i) => {
    if (!isWeekend(date)) {
      fail(
        `workingDays[${i}]: transferred working day ${day(date)} is not a weekend day; only a weekend day can be made a working day`,
      );
    }
  });

  // Moved days off: one per public holiday falling on a weekend day, each after such a holiday.
  const weekendPublic = holidays.filter((h) => h.kind === 'public' && isWeekend(h.date)).map((h) => h.date);
  const moved = daysOff.filter((d) => d.kind === 'moved-holiday').map((d) => d.date);
  if (moved.length !== weekendPublic.length) {
    fail(
      `${weekendPublic.length} public holiday(s) fall on a weekend day (${weekendPublic.join(', ') || 'none'}) but ` +
        `${moved.length} "moved-holiday" day(s) off are listed (${moved.join(', ') || 'none'}); ` +
        'each public holiday on a weekend day moves its day off to the next working day',
    );
  }
  for (const date of moved) {
    if (!weekendPublic.some((holiday) => holiday < date)) {
      fail(`moved day off ${day(date)} does not follow any public holiday falling on a weekend day`);
    }
  }

  const byDate = <T extends { date: LocalDate }>(a: T, b: T) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
  return {
    country: country as string,
    year: year as number,
    status: status as CalendarStatus,
    sources,
    notes,
    weekend: [...weekend].sort((a, b) => a - b),
    holidays: [...holidays].sort(byDate),
    daysOff: [...daysOff].sort(byDate),
    workingDays: [...workingDays].sort(byDate),
  };
}

type Fail = (problem: string) => never;

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function object(value: unknown, where: string, fail: Fail): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail(`${where} must be a JSON object, got ${show(value)}`);
  }
  return value as Json;
}

function array(value: unknown, where: string, fail: Fail): unknown[] {
  if (!Array.isArray(value)) return fail(`${where} must be an array, got ${show(value)}`);
  return value;
}

function text(value: unknown, where: string, fail: Fail): string {
  if (typeof value !== 'string' || value.trim() === '') return fail(`${where} must be a non-empty text`);
  return value;
}

function stringArray(value: unknown, where: string, fail: Fail): string[] {
  return array(value, where, fail).map((item, i) => text(item, `${where}[${i}]`, fail));
}

function onlyKeys(value: Json, allowed: readonly string[], where: string, fail: Fail): void {
  const unknown = Object.keys(value).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) {
    fail(
      `${where} has unknown field(s) ${unknown.map((k) => `"${k}"`).join(', ')} (allowed: ${allowed.join(', ')})`,
    );
  }
}

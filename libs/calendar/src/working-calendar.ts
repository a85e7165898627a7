import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CalendarDataError, parseCalendarYear, type CalendarYear, type LocalizedText } from './calendar-data';
import { addCalendarDays, assertLocalDate, isoWeekday, yearOf, type LocalDate } from './local-date';

/**
 * `working`: an ordinary working day; `weekend`: a weekly day off; `holiday`: a public or
 * religious holiday (whatever the weekday); `day-off`: a weekday off (a moved holiday or a
 * Government transfer); `transferred-working-day`: a weekend day made a working day.
 */
export type DayKind = 'working' | 'weekend' | 'holiday' | 'day-off' | 'transferred-working-day';

export interface DayInfo {
  readonly date: LocalDate;
  readonly working: boolean;
  readonly kind: DayKind;
  /** The holiday's name (kind `holiday`). */
  readonly name?: LocalizedText;
  /** Why the day is a day off or a working day (kinds `day-off` and `transferred-working-day`). */
  readonly reason?: string;
}

/** The calendar has no data for a year: never guessed from weekdays. */
export class CalendarYearMissingError extends Error {
  override readonly name = 'CalendarYearMissingError';

  constructor(readonly year: number) {
    super(`no working-day calendar for ${year}: add libs/calendar/data/kz-${year}.json`);
  }
}

/** The data files bundled with the library: `libs/calendar/data/kz-YYYY.json`. */
export const BUNDLED_DATA_DIRECTORY = path.join(__dirname, '..', 'data');

const DATA_FILE_PATTERN = /^kz-(\d{4})\.json$/;

interface YearIndex {
  readonly weekend: ReadonlySet<number>;
  readonly special: ReadonlyMap<LocalDate, DayInfo>;
}

let bundled: WorkingCalendar | undefined;

/** Working days of the calendar years it was given; any other year is a CalendarYearMissingError. */
export class WorkingCalendar {
  private readonly index = new Map<number, YearIndex>();

  constructor(years: readonly CalendarYear[]) {
    for (const year of years) {
      if (this.index.has(year.year))
        throw new CalendarDataError(`calendar data for ${year.year}: the year is given twice`);
      const special = new Map<LocalDate, DayInfo>();
      for (const h of year.holidays)
        special.set(h.date, { date: h.date, working: false, kind: 'holiday', name: h.name });
      for (const d of year.daysOff)
        special.set(d.date, { date: d.date, working: false, kind: 'day-off', reason: d.reason });
      for (const w of year.workingDays) {
        special.set(w.date, {
          date: w.date,
          working: true,
          kind: 'transferred-working-day',
          reason: w.reason,
        });
      }
      for (const info of special.values()) Object.freeze(info);
      this.index.set(year.year, { weekend: new Set(year.weekend), special });
    }
  }

  /** The Kazakhstan calendar of every `kz-YYYY.json` bundled with the library (loaded once). */
  static kazakhstan(): WorkingCalendar {
    bundled ??= WorkingCalendar.fromDirectory(BUNDLED_DATA_DIRECTORY);
    return bundled;
  }

  /**
   * Loads every `kz-YYYY.json` of a directory; a file whose `year` or `country` does not match
   * its name, or that is not valid, is a CalendarDataError naming the file.
   */
  static fromDirectory(directory: string): WorkingCalendar {
    const years: CalendarYear[] = [];
    for (const file of readdirSync(directory).sort()) {
      const match = DATA_FILE_PATTERN.exec(file);
      if (!match) continue;
      let json: unknown;
      try {
        json = JSON.parse(readFileSync(path.join(directory, file), 'utf8'));
      } catch (error) {
        throw new CalendarDataError(
          `${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`,
        );
      }
      const year = parseCalendarYear(json, file);
      if (year.year !== Number(match[1]))
        throw new CalendarDataError(`${file}: "year" is ${year.year}, not ${match[1]} as the file name says`);
      if (year.country !== 'KZ')
        throw new CalendarDataError(`${file}: "country" is "${year.country}", not "KZ"`);
      years.push(year);
    }
    return new WorkingCalendar(years);
  }

  /** The years with data, ascending. */
  years(): number[] {
    return [...this.index.keys()].sort((a, b) => a - b);
  }

  /** What kind of day `date` is; a CalendarYearMissingError for a year without data. */
  dayInfo(date: LocalDate): DayInfo {
    assertLocalDate(date);
    const year = yearOf(date);
    const data = this.index.get(year);
    if (!data) throw new CalendarYearMissingError(year);
    const special = data.special.get(date);
    if (special) return special;
    return data.weekend.has(isoWeekday(date))
      ? { date, working: false, kind: 'weekend' }
      : { date, working: true, kind: 'working' };
  }

  isWorkingDay(date: LocalDate): boolean {
    return this.dayInfo(date).working;
  }

  /** `date` itself when it is a working day, otherwise the next working day. */
  workingDayOnOrAfter(date: LocalDate): LocalDate {
    let day = date;
    // Ends: every year with data has working days, and a year without data throws.
    while (!this.isWorkingDay(day)) day = addCalendarDays(day, 1);
    return day;
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: LocalDate): LocalDate {
    assertLocalDate(date);
    return this.workingDayOnOrAfter(addCalendarDays(date, 1));
  }

  /** The last working day strictly before `date`. */
  previousWorkingDay(date: LocalDate): LocalDate {
    assertLocalDate(date);
    let day = addCalendarDays(date, -1);
    while (!this.isWorkingDay(day)) day = addCalendarDays(day, -1);
    return day;
  }

  /**
   * n > 0: the n-th working day strictly after `date`; n = 0: workingDayOnOrAfter(date);
   * n < 0: the |n|-th working day strictly before `date`.
   */
  addWorkingDays(date: LocalDate, n: number): LocalDate {
    assertLocalDate(date);
    if (!Number.isSafeInteger(n)) throw new RangeError(`n must be an integer, got ${n}`);
    if (n === 0) return this.workingDayOnOrAfter(date);
    let day = date;
    for (let i = 0; i < Math.abs(n); i++)
      day = n > 0 ? this.nextWorkingDay(day) : this.previousWorkingDay(day);
    return day;
  }

  /** The number of working days in (from, to]; 0 when `to` is not after `from`. */
  workingDaysBetween(from: LocalDate, to: LocalDate): number {
    assertLocalDate(from, 'from');
    assertLocalDate(to, 'to');
    let count = 0;
    for (let day = addCalendarDays(from, 1); day <= to; day = addCalendarDays(day, 1)) {
      if (this.isWorkingDay(day)) count++;
    }
    return count;
  }
}

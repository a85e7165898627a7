/**
 * The clock of the demo seed: the story happens over the last two months, so every service call
 * gets a `now` in the past, in order. Between two steps the deadline scan runs as the service
 * would: once a day just after midnight (Asia/Almaty), which is when reminders (start of a day),
 * overdue marks (end of the due day) and escalation steps (end of a working day) fall due.
 */
import { addCalendarDays, KAZAKHSTAN_UTC_OFFSET, localDateOf, type LocalDate, type WorkingCalendar } from '@seriktes/calendar';

/** When the daily deadline scan runs (local time). */
export const SCAN_TIME = '00:05';

/** The instant of a local date and time `HH:MM` in Kazakhstan. */
export function instant(date: LocalDate, time: string): Date {
  if (!/^\d\d:\d\d$/.test(time)) throw new Error(`time must be HH:MM, got ${time}`);
  return new Date(`${date}T${time}:00${KAZAKHSTAN_UTC_OFFSET}`);
}

export class Timeline {
  /** The local date of the real `now`. */
  readonly today: LocalDate;
  private current?: Date;
  private nextScan?: Date;
  /** How many deadline scans ran. */
  scans = 0;

  constructor(
    /** The real current time: the story ends here. */
    readonly now: Date,
    private readonly calendar: WorkingCalendar,
    /** The deadline scan, run at each scan time passed. */
    private readonly scan: (at: Date) => Promise<unknown>,
  ) {
    this.today = localDateOf(now);
  }

  /** The k-th working day before (k < 0) or after (k > 0) today; today itself for 0. */
  workingDay(k: number): LocalDate {
    return k === 0 ? this.today : this.calendar.addWorkingDays(this.today, k);
  }

  /** The instant `time` on the k-th working day from today (see `workingDay`). */
  on(k: number, time: string): Date {
    return instant(this.workingDay(k), time);
  }

  /**
   * Moves the clock to `at` (never back, never past the real now), running every deadline scan
   * due on the way; returns `at`, the `now` of the next service call.
   */
  async at(at: Date): Promise<Date> {
    if (Number.isNaN(at.getTime())) throw new Error('the seed clock got an invalid time');
    if (at.getTime() > this.now.getTime()) throw new Error(`the seed clock cannot go past now (${this.now.toISOString()}): asked for ${at.toISOString()}`);
    if (this.current && at.getTime() < this.current.getTime()) throw new Error(`the seed clock cannot go back from ${this.current.toISOString()} to ${at.toISOString()}`);
    if (!this.nextScan) this.nextScan = this.scanAfter(at);
    while (this.nextScan.getTime() <= at.getTime()) {
      await this.scan(this.nextScan);
      this.scans++;
      this.nextScan = instant(addCalendarDays(localDateOf(this.nextScan), 1), SCAN_TIME);
    }
    this.current = at;
    return at;
  }

  /** Moves the clock to `time` on the k-th working day from today. */
  day(k: number, time: string): Promise<Date> {
    return this.at(this.on(k, time));
  }

  /** Moves the clock to `ms` before the real now. */
  ago(ms: number): Promise<Date> {
    return this.at(new Date(this.now.getTime() - ms));
  }

  /** Moves the clock to the real now and runs a last scan there. */
  async finish(): Promise<Date> {
    await this.at(this.now);
    await this.scan(this.now);
    this.scans++;
    return this.now;
  }

  /** The first scan time strictly after `at`. */
  private scanAfter(at: Date): Date {
    const sameDay = instant(localDateOf(at), SCAN_TIME);
    return sameDay.getTime() > at.getTime() ? sameDay : instant(addCalendarDays(localDateOf(at), 1), SCAN_TIME);
  }
}

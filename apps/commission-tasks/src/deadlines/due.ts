/**
 * Due dates of commission tasks and meetings on the Kazakhstan working-day calendar (plain rules).
 * A date is due at its end (23:59:59 Asia/Almaty); a timeframe of n working days counts from the
 * day of assignment: the n-th working day after it (a task given on Friday with 1 working day is
 * due on Monday, or later if Monday is a holiday).
 */
import { addCalendarDays, endOfLocalDay, isLocalDate, localDateOf, startOfLocalDay, type LocalDate, type WorkingCalendar } from '@seriktes/calendar';

export type DueInput = { date: LocalDate; workingDays?: null } | { workingDays: number; date?: null };

export interface Due {
  kind: 'date' | 'timeframe';
  workingDays: number | null;
  dueOn: LocalDate;
  dueAt: Date;
}

export const MAX_TIMEFRAME_WORKING_DAYS = 250;
/** Common timeframes offered to secretaries (working days). */
export const TIMEFRAMES = [1, 3, 10, 30] as const;

/** Field errors of a due input, empty if it is usable at `now`. */
export function dueErrors(input: { date?: string | null; workingDays?: number | null }, now: Date, field = 'due'): Array<{ field: string; message: string }> {
  const hasDate = input.date !== undefined && input.date !== null;
  const hasDays = input.workingDays !== undefined && input.workingDays !== null;
  if (hasDate === hasDays) return [{ field, message: 'give either a date or a timeframe in working days' }];
  if (hasDays) {
    const n = input.workingDays as number;
    if (!Number.isInteger(n) || n < 1 || n > MAX_TIMEFRAME_WORKING_DAYS) return [{ field: `${field}.workingDays`, message: `must be a whole number of working days from 1 to ${MAX_TIMEFRAME_WORKING_DAYS}` }];
    return [];
  }
  if (!isLocalDate(input.date)) return [{ field: `${field}.date`, message: 'must be a date YYYY-MM-DD' }];
  if (input.date < localDateOf(now)) return [{ field: `${field}.date`, message: 'is in the past' }];
  if (input.date > addCalendarDays(localDateOf(now), 3 * 366)) return [{ field: `${field}.date`, message: 'is more than three years ahead' }];
  return [];
}

/** The due date of a task given at `from`. */
export function dueOf(input: DueInput, from: Date, calendar: WorkingCalendar): Due {
  if (input.workingDays !== undefined && input.workingDays !== null) {
    const dueOn = calendar.addWorkingDays(localDateOf(from), input.workingDays);
    return { kind: 'timeframe', workingDays: input.workingDays, dueOn, dueAt: endOfLocalDay(dueOn) };
  }
  const dueOn = input.date as LocalDate;
  return { kind: 'date', workingDays: null, dueOn, dueAt: endOfLocalDay(dueOn) };
}

/** When to remind: the start of the `workingDays`-th working day before the due day (the due day itself for 0). */
export function reminderAt(dueOn: LocalDate, workingDays: number, calendar: WorkingCalendar): Date {
  return startOfLocalDay(workingDays <= 0 ? dueOn : calendar.addWorkingDays(dueOn, -workingDays));
}

/** Working days left from `now` to the due day (0 on the due day itself or after it). */
export function workingDaysLeft(now: Date, dueOn: LocalDate, calendar: WorkingCalendar): number {
  const today = localDateOf(now);
  return today >= dueOn ? 0 : calendar.workingDaysBetween(today, dueOn);
}

/**
 * Minutes of a commission meeting go out within 3 working days of the meeting (MARAC practice;
 * domain.md section 5), on the Kazakhstan calendar. Plain rules.
 */
import { localDateOf, type LocalDate, type WorkingCalendar } from '@seriktes/calendar';

export const MINUTES_WORKING_DAYS = 3;

export type MinutesState = 'not_due' | 'due' | 'late' | 'published' | 'published_late';

/** The last day for the minutes of a meeting held at `heldAt`. */
export function minutesDueOn(heldAt: Date, calendar: WorkingCalendar): LocalDate {
  return calendar.addWorkingDays(localDateOf(heldAt), MINUTES_WORKING_DAYS);
}

/** Where the minutes stand at `now`: a draft (or nothing) after the due day is late. */
export function minutesState(meeting: { heldAt: Date | null; dueOn: LocalDate | null; publishedAt: Date | null }, now: Date): MinutesState {
  if (!meeting.heldAt || !meeting.dueOn) return 'not_due';
  if (meeting.publishedAt) return localDateOf(meeting.publishedAt) > meeting.dueOn ? 'published_late' : 'published';
  return localDateOf(now) > meeting.dueOn ? 'late' : 'due';
}

/**
 * Schedules: an inspector's assignment to a shift pattern over a period. Turns schedules into
 * concrete shifts (instants) using Kazakhstan's fixed UTC+05:00 offset.
 */
import { findPattern, paidHours, type PatternSource, type ShiftPattern } from './patterns';
import {
  DAY_MS,
  HOUR_MS,
  dayNumber,
  fromDayNumber,
  isLocalDate,
  isoWeekday,
  localDateOf,
  localInstant,
  requireInstant,
  requireLocalDate,
} from './time';

export interface Schedule {
  patternCode: string;
  /** Local date on which cycle day 0 falls (ignored by weekly patterns). */
  anchorDate: string;
  /** Local dates, inclusive; validTo null = open-ended. */
  validFrom: string;
  validTo: string | null;
}

export interface Shift {
  start: Date;
  end: Date;
  /** Paid hours = length - breakHours of the pattern. */
  hours: number;
}

/** A generated shift with where it came from (used by the availability rules). */
export interface ScheduledShift extends Shift {
  /** Local date on which the shift starts. */
  date: string;
  pattern: ShiftPattern;
}

const mod = (a: number, n: number): number => ((a % n) + n) % n;

/** Validates a schedule against known patterns; field-level errors. */
export function validateSchedule(
  input: { patternCode: string; anchorDate: string; validFrom: string; validTo: string | null },
  patterns: PatternSource,
): { ok: true; schedule: Schedule } | { ok: false; errors: Array<{ field: string; message: string }> } {
  const errors: Array<{ field: string; message: string }> = [];
  if (typeof input.patternCode !== 'string' || !findPattern(patterns, input.patternCode)) {
    errors.push({ field: 'patternCode', message: `unknown shift pattern '${String(input.patternCode)}'` });
  }
  for (const field of ['anchorDate', 'validFrom'] as const) {
    if (!isLocalDate(input[field])) errors.push({ field, message: 'must be a date YYYY-MM-DD' });
  }
  if (input.validTo !== null && !isLocalDate(input.validTo)) {
    errors.push({ field: 'validTo', message: 'must be a date YYYY-MM-DD or null' });
  } else if (input.validTo !== null && isLocalDate(input.validFrom) && input.validTo < input.validFrom) {
    errors.push({ field: 'validTo', message: 'must not be before validFrom' });
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    schedule: { patternCode: input.patternCode, anchorDate: input.anchorDate, validFrom: input.validFrom, validTo: input.validTo },
  };
}

function resolve(patterns: PatternSource, code: string): ShiftPattern {
  const pattern = findPattern(patterns, code);
  if (!pattern) throw new RangeError(`unknown shift pattern '${code}'`);
  return pattern;
}

/**
 * Every shift the schedules give whose local start date lies in [firstDate, lastDate] (inclusive),
 * counting only schedules valid on that start date. Sorted by start; duplicates (same start and
 * end from overlapping schedules) are dropped.
 */
export function expandSchedules(
  schedules: readonly Schedule[],
  patterns: PatternSource,
  firstDate: string,
  lastDate: string,
): ScheduledShift[] {
  requireLocalDate(firstDate, 'date');
  requireLocalDate(lastDate, 'date');
  const out: ScheduledShift[] = [];
  for (const schedule of schedules) {
    const pattern = resolve(patterns, schedule.patternCode);
    requireLocalDate(schedule.validFrom, 'schedule.validFrom');
    if (schedule.validTo !== null) requireLocalDate(schedule.validTo, 'schedule.validTo');
    const from = schedule.validFrom > firstDate ? schedule.validFrom : firstDate;
    const to = schedule.validTo !== null && schedule.validTo < lastDate ? schedule.validTo : lastDate;
    if (from > to) continue;
    const anchor = pattern.weekly ? 0 : dayNumber(schedule.anchorDate);
    const len = pattern.cycle.length;
    for (let day = dayNumber(from), last = dayNumber(to); day <= last; day++) {
      const date = fromDayNumber(day);
      const index = pattern.weekly ? isoWeekday(date) : mod(day - anchor, len);
      const s = pattern.cycle[index];
      if (!s) continue;
      const start = localInstant(date, s.start);
      out.push({ start, end: new Date(start.getTime() + s.hours * HOUR_MS), hours: paidHours(pattern, s), date, pattern });
    }
  }
  out.sort((a, b) => a.start.getTime() - b.start.getTime() || a.end.getTime() - b.end.getTime());
  return out.filter(
    (s, i) => i === 0 || s.start.getTime() !== out[i - 1].start.getTime() || s.end.getTime() !== out[i - 1].end.getTime(),
  );
}

/** Shifts overlapping [from, to), from schedules valid on each shift's local start date; sorted by start. */
export function shiftsBetween(schedules: readonly Schedule[], patterns: PatternSource, from: Date, to: Date): Shift[] {
  requireInstant(from, 'from');
  requireInstant(to, 'to');
  if (to.getTime() <= from.getTime()) return [];
  // A shift lasts at most 24 h, so one starting the local day before `from` may still overlap it.
  const firstDate = localDateOf(new Date(from.getTime() - DAY_MS));
  const lastDate = localDateOf(new Date(to.getTime() - 1));
  return expandSchedules(schedules, patterns, firstDate, lastDate)
    .filter((s) => s.end.getTime() > from.getTime() && s.start.getTime() < to.getTime())
    .map(({ start, end, hours }) => ({ start, end, hours }));
}

/** The shift covering `at` (start <= at < end); a night shift that started yesterday counts. */
export function shiftAt(schedules: readonly Schedule[], patterns: PatternSource, at: Date): Shift | null {
  requireInstant(at, 'at');
  return shiftsBetween(schedules, patterns, at, new Date(at.getTime() + 1))[0] ?? null;
}

/**
 * Who answers for a precinct at a given instant: the precinct's own inspectors first, then the
 * district's duty list.
 */
import { isOnLeave, leaveOn, type Leave } from './leave';
import type { PatternSource } from './patterns';
import { shiftsBetween, type Schedule, type Shift } from './schedule';
import { DAY_MS, HOUR_MS, localDateOf, requireInstant } from './time';

export interface ExtraShift {
  start: Date;
  end: Date;
}

export interface Candidate {
  inspectorId: string;
  schedules: readonly Schedule[];
  leaves: readonly Leave[];
  /** Explicit one-off shifts (e.g. a district duty roster entry), counted as on shift. */
  extraShifts?: readonly ExtraShift[];
}

export type DutySource = 'precinct' | 'district_duty';

export interface AbsentInspector {
  inspectorId: string;
  reason: 'leave' | 'off_shift';
  leave?: Leave;
  /** Start of the next shift not on a leave day within 14 days, or null. */
  nextShiftStart?: Date | null;
}

export interface OnDutyAnswer {
  at: Date;
  source: DutySource | null;
  onDuty: Array<{ inspectorId: string; shift: Shift }>;
  absent: AbsentInspector[];
}

/** How far ahead `absent[].nextShiftStart` looks. */
export const NEXT_SHIFT_HORIZON_DAYS = 14;

function extraAsShift(e: ExtraShift): Shift {
  return { start: e.start, end: e.end, hours: (e.end.getTime() - e.start.getTime()) / HOUR_MS };
}

/** Scheduled and extra shifts of a candidate overlapping [from, to), sorted by start. */
function candidateShifts(c: Candidate, patterns: PatternSource, from: Date, to: Date): Shift[] {
  const extras = (c.extraShifts ?? [])
    .filter((e) => e.end.getTime() > from.getTime() && e.start.getTime() < to.getTime())
    .map(extraAsShift);
  return [...shiftsBetween(c.schedules, patterns, from, to), ...extras].sort(
    (a, b) => a.start.getTime() - b.start.getTime(),
  );
}

type Status = { onDuty: true; shift: Shift } | { onDuty: false; absent: AbsentInspector };

function statusOf(c: Candidate, patterns: PatternSource, at: Date): Status {
  const leave = isOnLeave(c.leaves, at);
  if (!leave) {
    const shift = candidateShifts(c, patterns, at, new Date(at.getTime() + 1)).find(
      (s) => s.start.getTime() <= at.getTime() && at.getTime() < s.end.getTime(),
    );
    if (shift) return { onDuty: true, shift };
  }
  const horizon = new Date(at.getTime() + NEXT_SHIFT_HORIZON_DAYS * DAY_MS);
  const next = candidateShifts(c, patterns, at, horizon).find(
    (s) => s.start.getTime() > at.getTime() && !leaveOn(c.leaves, localDateOf(s.start)),
  );
  const absent: AbsentInspector = leave
    ? { inspectorId: c.inspectorId, reason: 'leave', leave, nextShiftStart: next?.start ?? null }
    : { inspectorId: c.inspectorId, reason: 'off_shift', nextShiftStart: next?.start ?? null };
  return { onDuty: false, absent };
}

/**
 * Who answers for the precinct at `at`: the precinct's assigned inspectors who are on shift and not
 * on leave; if none, the district's duty list (same rules) with source 'district_duty'; if nobody,
 * source null. `absent` explains why each precinct inspector is not on duty (with the next shift
 * within 14 days, if any). A leave day (by local date) wins over a shift on that day.
 */
export function whoIsOnDuty(
  precinct: readonly Candidate[],
  districtDuty: readonly Candidate[],
  patterns: PatternSource,
  at: Date,
): OnDutyAnswer {
  requireInstant(at, 'at');
  const onDuty: OnDutyAnswer['onDuty'] = [];
  const absent: AbsentInspector[] = [];
  for (const c of precinct) {
    const s = statusOf(c, patterns, at);
    if (s.onDuty) onDuty.push({ inspectorId: c.inspectorId, shift: s.shift });
    else absent.push(s.absent);
  }
  if (onDuty.length > 0) return { at, source: 'precinct', onDuty, absent };

  for (const c of districtDuty) {
    const s = statusOf(c, patterns, at);
    if (s.onDuty) onDuty.push({ inspectorId: c.inspectorId, shift: s.shift });
  }
  return { at, source: onDuty.length > 0 ? 'district_duty' : null, onDuty, absent };
}

/**
 * The legal clock of a citizen request (Administrative Procedural Code, arts. 63 and 76), as plain
 * rules over the Kazakhstan working-day calendar. Every parameter comes from the category's term
 * rule, so a change in law is a change of data:
 * - a request received on a non-working day counts as received on the next working day;
 * - the answer is due at the end (23:59:59 Asia/Almaty) of the N-th working day after that day (N = 15);
 * - an extension by a reasoned decision may run to at most M months from receipt in total (M = 2);
 *   the applicant must be told within K working days of the decision (K = 3);
 * - a redirect to the competent body is due within R working days of receipt (R = 3);
 * - a tip has no statutory term, only an internal target in hours;
 * - a warning goes out W working days before a due day (W = 3).
 * A deadline that would fall on a non-working day moves to the next working day.
 */
import { addCalendarMonths, endOfLocalDay, localDateOf, startOfLocalDay, type LocalDate, type WorkingCalendar } from '@seriktes/calendar';
import type { TermRule } from '../categories/catalogue';

export interface Term {
  /** The working day the receipt counts as (the receipt day itself if it is a working day). */
  countedFrom: LocalDate;
  /** When the answer is due; null for an internal clock (tips). */
  dueAt: Date | null;
  /** The latest an extension may reach; null for an internal clock. */
  maxDueAt: Date | null;
  /** When a redirect to another body is due at the latest; null for an internal clock. */
  redirectDueAt: Date | null;
  /** The internal target of a tip; null for a statutory clock. */
  targetAt: Date | null;
}

export function termOf(receivedAt: Date, rule: TermRule, calendar: WorkingCalendar): Term {
  const countedFrom = calendar.workingDayOnOrAfter(localDateOf(receivedAt));
  if (rule.clock === 'internal') {
    const hours = rule.internalTargetHours ?? 72;
    return { countedFrom, dueAt: null, maxDueAt: null, redirectDueAt: null, targetAt: new Date(receivedAt.getTime() + hours * 3600_000) };
  }
  return {
    countedFrom,
    dueAt: endOfLocalDay(calendar.addWorkingDays(countedFrom, rule.answerWorkingDays)),
    maxDueAt: maxExtensionDueAt(receivedAt, rule, calendar),
    redirectDueAt: endOfLocalDay(calendar.addWorkingDays(countedFrom, rule.redirectWorkingDays)),
    targetAt: null,
  };
}

/** The end of the longest term an extension may give: M months from the day of receipt (next working day if that is off). */
export function maxExtensionDueAt(receivedAt: Date, rule: TermRule, calendar: WorkingCalendar): Date {
  return endOfLocalDay(calendar.workingDayOnOrAfter(addCalendarMonths(localDateOf(receivedAt), rule.maxExtensionMonths)));
}

export interface ExtensionDecision {
  dueAt: Date;
  /** The notice to the applicant is due by then. */
  noticeDueAt: Date;
}

export class ClockRuleError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * An extension to a new due date (a local date; due at its end). It must be later than the current
 * due time and no later than the maximum; a non-working day is refused rather than silently moved.
 */
export function extend(
  current: { dueAt: Date; maxDueAt: Date },
  newDueDate: LocalDate,
  decidedAt: Date,
  rule: TermRule,
  calendar: WorkingCalendar,
): ExtensionDecision {
  if (!calendar.isWorkingDay(newDueDate)) throw new ClockRuleError('newDueDate', `${newDueDate} is not a working day in Kazakhstan`);
  const dueAt = endOfLocalDay(newDueDate);
  if (dueAt.getTime() <= current.dueAt.getTime()) {
    throw new ClockRuleError('newDueDate', `must be after the current due date ${localDateOf(current.dueAt)}`);
  }
  if (dueAt.getTime() > current.maxDueAt.getTime()) {
    throw new ClockRuleError('newDueDate', `may not be after ${localDateOf(current.maxDueAt)}: the law allows at most ${rule.maxExtensionMonths} months from receipt in total`);
  }
  return { dueAt, noticeDueAt: endOfLocalDay(calendar.addWorkingDays(localDateOf(decidedAt), rule.extensionNoticeWorkingDays)) };
}

/** A fresh term for a reopened request: N working days from the day it was reopened. */
export function reopenedDueAt(reopenedAt: Date, rule: TermRule, calendar: WorkingCalendar): Date | null {
  if (rule.clock === 'internal') return null;
  return endOfLocalDay(calendar.addWorkingDays(calendar.workingDayOnOrAfter(localDateOf(reopenedAt)), rule.answerWorkingDays));
}

/** When to warn that a deadline approaches: the start of the day W working days before the due day. */
export function warnAt(dueAt: Date, workingDaysBefore: number, calendar: WorkingCalendar): Date {
  return startOfLocalDay(calendar.addWorkingDays(localDateOf(dueAt), -Math.max(0, workingDaysBefore)));
}

/** For an internal target in hours (tips): warn when three quarters of the time have passed. */
export function warnAtForTarget(startedAt: Date, targetAt: Date): Date {
  return new Date(startedAt.getTime() + Math.round((targetAt.getTime() - startedAt.getTime()) * 0.75));
}

/** Working days left from an instant to a due time (0 on the due day itself). */
export function workingDaysLeft(now: Date, dueAt: Date, calendar: WorkingCalendar): number {
  return calendar.workingDaysBetween(localDateOf(now), localDateOf(dueAt));
}

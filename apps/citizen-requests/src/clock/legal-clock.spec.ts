import { WorkingCalendar } from '@seriktes/calendar';
import { STATUTORY_TERM, TIP_TERM } from '../categories/catalogue';
import { ClockRuleError, extend, maxExtensionDueAt, reopenedDueAt, termOf, warnAt, workingDaysLeft } from './legal-clock';

const calendar = WorkingCalendar.kazakhstan();
const at = (iso: string) => new Date(iso);

describe('the legal clock on the Kazakhstan calendar', () => {
  it('counts a receipt on a non-working day from the next working day (Saturday of Nauryz 2026)', () => {
    const term = termOf(at('2026-03-21T10:00:00+05:00'), STATUTORY_TERM, calendar);
    expect(term.countedFrom).toBe('2026-03-26'); // 21-25 March are off
    expect(term.dueAt?.toISOString()).toBe(at('2026-04-16T23:59:59+05:00').toISOString()); // the 15th working day after it
    expect(term.redirectDueAt?.toISOString()).toBe(at('2026-03-31T23:59:59+05:00').toISOString());
  });

  it('counts 15 working days from the day after receipt across Independence Day and the New Year', () => {
    const term = termOf(at('2026-12-15T16:30:00+05:00'), STATUTORY_TERM, calendar);
    expect(term.countedFrom).toBe('2026-12-15');
    expect(term.dueAt?.toISOString()).toBe(at('2027-01-11T23:59:59+05:00').toISOString());
  });

  it('takes the date in Almaty time: 20:00 UTC on Friday is already Saturday in Kazakhstan', () => {
    const term = termOf(at('2026-11-20T20:00:00Z'), STATUTORY_TERM, calendar);
    expect(term.countedFrom).toBe('2026-11-23');
    expect(term.dueAt?.toISOString()).toBe(at('2026-12-14T23:59:59+05:00').toISOString());
  });

  it('gives a tip an internal target in hours and no statutory dates', () => {
    const term = termOf(at('2026-11-21T10:00:00+05:00'), TIP_TERM, calendar);
    expect(term.dueAt).toBeNull();
    expect(term.maxDueAt).toBeNull();
    expect(term.targetAt?.getTime()).toBe(at('2026-11-21T10:00:00+05:00').getTime() + (TIP_TERM.internalTargetHours ?? 0) * 3600_000);
  });

  it('extends up to two months from receipt, with the notice due within 3 working days of the decision', () => {
    const received = at('2026-11-23T09:00:00+05:00');
    const term = termOf(received, STATUTORY_TERM, calendar);
    expect(maxExtensionDueAt(received, STATUTORY_TERM, calendar).toISOString()).toBe(at('2027-01-25T23:59:59+05:00').toISOString()); // 23 Jan 2027 is a Saturday
    const decision = extend({ dueAt: term.dueAt!, maxDueAt: term.maxDueAt! }, '2027-01-20', at('2026-12-11T15:00:00+05:00'), STATUTORY_TERM, calendar);
    expect(decision.dueAt.toISOString()).toBe(at('2027-01-20T23:59:59+05:00').toISOString());
    expect(decision.noticeDueAt.toISOString()).toBe(at('2026-12-17T23:59:59+05:00').toISOString()); // 16 Dec is Independence Day
    expect(() => extend({ dueAt: term.dueAt!, maxDueAt: term.maxDueAt! }, '2027-01-26', at('2026-12-11T15:00:00+05:00'), STATUTORY_TERM, calendar)).toThrow(ClockRuleError);
    expect(() => extend({ dueAt: term.dueAt!, maxDueAt: term.maxDueAt! }, '2026-12-10', at('2026-12-09T15:00:00+05:00'), STATUTORY_TERM, calendar)).toThrow(/after the current due date/);
    expect(() => extend({ dueAt: term.dueAt!, maxDueAt: term.maxDueAt! }, '2027-01-07', at('2026-12-11T15:00:00+05:00'), STATUTORY_TERM, calendar)).toThrow(/not a working day/);
  });

  it('warns 3 working days before the due day and counts the working days left', () => {
    const due = at('2026-04-16T23:59:59+05:00');
    expect(warnAt(due, 3, calendar).toISOString()).toBe(at('2026-04-13T00:00:00+05:00').toISOString());
    expect(workingDaysLeft(at('2026-04-13T09:00:00+05:00'), due, calendar)).toBe(3);
  });

  it('gives a reopened request a fresh term from the day it is reopened', () => {
    expect(reopenedDueAt(at('2026-11-22T12:00:00+05:00'), STATUTORY_TERM, calendar)?.toISOString()).toBe(at('2026-12-14T23:59:59+05:00').toISOString());
    expect(reopenedDueAt(at('2026-11-22T12:00:00+05:00'), TIP_TERM, calendar)).toBeNull();
  });

  it('refuses a year without calendar data instead of guessing', () => {
    expect(() => termOf(at('2027-12-20T10:00:00+05:00'), STATUTORY_TERM, calendar)).toThrow(/2028/);
  });
});

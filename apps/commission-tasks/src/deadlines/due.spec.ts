import { WorkingCalendar } from '@seriktes/calendar';
import { dueErrors, dueOf, reminderAt, workingDaysLeft } from './due';
import { escalationLadder, stepsDue, waitErrors } from './escalation';

const calendar = WorkingCalendar.kazakhstan();
const at = (iso: string) => new Date(iso);

describe('due dates', () => {
  it('counts a timeframe in working days from the day of assignment, over weekends and holidays', () => {
    // Friday 11 December 2026 + 3 working days: Mon 14, Tue 15, (Wed 16 Independence Day) Thu 17.
    expect(dueOf({ workingDays: 3 }, at('2026-12-11T10:00:00+05:00'), calendar)).toEqual({
      kind: 'timeframe',
      workingDays: 3,
      dueOn: '2026-12-17',
      dueAt: at('2026-12-17T23:59:59+05:00'),
    });
    // 1 working day from Friday is Monday.
    expect(dueOf({ workingDays: 1 }, at('2026-12-04T16:00:00+05:00'), calendar).dueOn).toBe('2026-12-07');
  });

  it('takes a date as the end of that day', () => {
    expect(dueOf({ date: '2027-01-29' }, at('2026-12-11T10:00:00+05:00'), calendar).dueAt.toISOString()).toBe(at('2027-01-29T23:59:59+05:00').toISOString());
  });

  it('validates', () => {
    const now = at('2026-12-11T10:00:00+05:00');
    expect(dueErrors({ date: '2026-12-20' }, now)).toEqual([]);
    expect(dueErrors({ workingDays: 10 }, now)).toEqual([]);
    expect(dueErrors({}, now)[0].message).toContain('either');
    expect(dueErrors({ date: '2026-12-20', workingDays: 3 }, now)[0].message).toContain('either');
    expect(dueErrors({ date: '2026-12-01' }, now)).toEqual([{ field: 'due.date', message: 'is in the past' }]);
    expect(dueErrors({ date: '2026-13-01' }, now)[0].field).toBe('due.date');
    expect(dueErrors({ workingDays: 0 }, now)[0].field).toBe('due.workingDays');
    expect(dueErrors({ workingDays: 1.5 }, now)[0].field).toBe('due.workingDays');
  });

  it('reminds working days before, and counts what is left', () => {
    expect(reminderAt('2026-12-17', 2, calendar).toISOString()).toBe(at('2026-12-14T00:00:00+05:00').toISOString());
    expect(reminderAt('2026-12-17', 0, calendar).toISOString()).toBe(at('2026-12-17T00:00:00+05:00').toISOString());
    expect(workingDaysLeft(at('2026-12-14T09:00:00+05:00'), '2026-12-17', calendar)).toBe(2);
    expect(workingDaysLeft(at('2026-12-18T09:00:00+05:00'), '2026-12-17', calendar)).toBe(0);
  });
});

describe('the escalation ladder', () => {
  const due = at('2026-12-11T23:59:59+05:00'); // a Friday

  it('steps to the point of contact at once, then the manager and the chair after their waits in working days', () => {
    const ladder = escalationLadder(due, [0, 2, 3], calendar);
    expect(ladder.map((s) => [s.step, s.target, s.at.toISOString()])).toEqual([
      [1, 'point_of_contact', due.toISOString()],
      [2, 'manager', at('2026-12-15T23:59:59+05:00').toISOString()],
      // Wed 16 is a holiday: Thu 17, Fri 18, Mon 21.
      [3, 'chair', at('2026-12-21T23:59:59+05:00').toISOString()],
    ]);
  });

  it('gives the steps due and not yet taken', () => {
    const ladder = escalationLadder(due, [1, 1, 1], calendar);
    expect(stepsDue(ladder, [], at('2026-12-12T10:00:00+05:00'))).toEqual([]);
    expect(stepsDue(ladder, [], at('2026-12-16T10:00:00+05:00')).map((s) => s.step)).toEqual([1, 2]);
    expect(stepsDue(ladder, [1], at('2026-12-16T10:00:00+05:00')).map((s) => s.step)).toEqual([2]);
  });

  it('validates waits', () => {
    expect(waitErrors([0, 2, 3])).toEqual([]);
    expect(waitErrors([0, 2])).toHaveLength(1);
    expect(waitErrors([0, -1, 3])).toHaveLength(1);
  });
});

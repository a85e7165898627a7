import { WorkingCalendar } from '@seriktes/calendar';
import { minutesDueOn, minutesState } from './minutes';

const calendar = WorkingCalendar.kazakhstan();

describe('minutes', () => {
  it('are due on the 3rd working day after the meeting, skipping Independence Day', () => {
    // Tuesday 15 December 2026; Wednesday 16 is a holiday: Thu 17, Fri 18, Mon 21.
    expect(minutesDueOn(new Date('2026-12-15T15:00:00+05:00'), calendar)).toBe('2026-12-21');
    // A meeting on a Monday in an ordinary week: Thursday.
    expect(minutesDueOn(new Date('2026-11-23T15:00:00+05:00'), calendar)).toBe('2026-11-26');
  });

  it('are flagged late after the due day', () => {
    const heldAt = new Date('2026-12-15T15:00:00+05:00');
    const m = { heldAt, dueOn: '2026-12-21', publishedAt: null };
    expect(minutesState({ heldAt: null, dueOn: null, publishedAt: null }, heldAt)).toBe('not_due');
    expect(minutesState(m, new Date('2026-12-21T23:00:00+05:00'))).toBe('due');
    expect(minutesState(m, new Date('2026-12-22T00:00:01+05:00'))).toBe('late');
    expect(minutesState({ ...m, publishedAt: new Date('2026-12-18T10:00:00+05:00') }, new Date('2027-01-10T00:00:00+05:00'))).toBe('published');
    expect(minutesState({ ...m, publishedAt: new Date('2026-12-22T10:00:00+05:00') }, new Date('2027-01-10T00:00:00+05:00'))).toBe('published_late');
  });
});

import { progressOf, step } from './rules';

describe('task steps', () => {
  it('walks assigned -> accepted -> in progress -> reported -> done', () => {
    expect(step('assigned', { kind: 'accept' })).toEqual({ ok: true, status: 'accepted' });
    expect(step('accepted', { kind: 'start' })).toEqual({ ok: true, status: 'in_progress' });
    expect(step('in_progress', { kind: 'report', final: true })).toEqual({ ok: true, status: 'reported' });
    expect(step('reported', { kind: 'accept-report', final: true })).toEqual({ ok: true, status: 'done' });
  });

  it('returns a final report to work, and keeps the status on progress reports', () => {
    expect(step('reported', { kind: 'return-report', final: true })).toEqual({ ok: true, status: 'in_progress' });
    expect(step('assigned', { kind: 'report', final: false })).toEqual({ ok: true, status: 'in_progress' });
    expect(step('in_progress', { kind: 'accept-report', final: false })).toEqual({ ok: true, status: 'in_progress' });
  });

  it('refuses what does not fit', () => {
    expect(step('in_progress', { kind: 'accept' }).ok).toBe(false);
    expect(step('reported', { kind: 'report', final: true }).ok).toBe(false);
    expect(step('in_progress', { kind: 'accept-report', final: true }).ok).toBe(false);
    expect(step('reported', { kind: 'carry-over' }).ok).toBe(false);
    expect(step('done', { kind: 'close', status: 'cancelled' })).toEqual({ ok: false, reason: 'the task is done: it is closed' });
    expect(step('cancelled', { kind: 'report', final: false }).ok).toBe(false);
  });

  it('shows progress', () => {
    expect(progressOf('done', 40)).toBe(100);
    expect(progressOf('in_progress', 40)).toBe(40);
    expect(progressOf('assigned', null)).toBe(0);
  });
});

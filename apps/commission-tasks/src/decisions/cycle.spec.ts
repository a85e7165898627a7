import { stageChange } from './cycle';

describe('the decision cycle', () => {
  it('moves one stage forward at a time, or back', () => {
    expect(stageChange('diagnose', 'collect', { total: 0, open: 0 })).toEqual({ ok: true });
    expect(stageChange('diagnose', 'decide', { total: 0, open: 0 }).ok).toBe(false);
    expect(stageChange('implement', 'collect', { total: 2, open: 2 })).toEqual({ ok: true });
    expect(stageChange('decide', 'decide', { total: 0, open: 0 }).ok).toBe(false);
  });

  it('implements with tasks and evaluates when they are closed', () => {
    expect(stageChange('decide', 'implement', { total: 0, open: 0 })).toEqual({ ok: false, reason: 'give the decision at least one task before implementing it' });
    expect(stageChange('decide', 'implement', { total: 1, open: 1 })).toEqual({ ok: true });
    expect(stageChange('implement', 'evaluate', { total: 3, open: 1 }).ok).toBe(false);
    expect(stageChange('implement', 'evaluate', { total: 3, open: 0 })).toEqual({ ok: true });
  });
});

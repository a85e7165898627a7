import { openBlockingTasks, stageRefusal, type ProblemTaskState } from './resolution';

const task = (blocks: boolean, status: ProblemTaskState['status']): ProblemTaskState => ({ blocks, status });

describe('when a problem may count as resolved', () => {
  it('lets a problem without tasks be closed', () => {
    expect(stageRefusal('closed', [])).toBeNull();
  });

  it('refuses closing while a blocking task is open, and says how many are', () => {
    expect(stageRefusal('closed', [task(true, 'open')])).toMatch(/1 commission task that blocks it is still open/);
    expect(stageRefusal('closed', [task(true, 'open'), task(true, 'open'), task(true, 'done'), task(false, 'open')])).toMatch(/2 commission tasks that block it are still open/);
  });

  it('lets it close once every blocking task is closed, however it ended', () => {
    expect(stageRefusal('closed', [task(true, 'done'), task(true, 'not_done'), task(true, 'cancelled')])).toBeNull();
  });

  it('never counts a non-blocking task', () => {
    expect(stageRefusal('closed', [task(false, 'open'), task(false, 'open')])).toBeNull();
    expect(openBlockingTasks([task(false, 'open'), task(true, 'open')])).toBe(1);
  });

  it('never refuses the other stages', () => {
    for (const stage of ['scanning', 'analysis', 'response', 'assessment']) expect(stageRefusal(stage, [task(true, 'open')])).toBeNull();
  });
});

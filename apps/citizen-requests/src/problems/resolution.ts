/**
 * When a problem may count as resolved (issue 6): a commission task assigned with `blocksProblem`
 * keeps its problem from the `closed` stage until the task is closed (done, not done or
 * cancelled: the commission has decided on it either way). Plain TypeScript, no framework.
 */
export type ProblemTaskStatus = 'open' | 'done' | 'not_done' | 'cancelled';

export interface ProblemTaskState {
  blocks: boolean;
  status: ProblemTaskStatus;
}

/** The stage in which a problem counts as resolved. */
export const RESOLVED_STAGE = 'closed';

/** Blocking tasks still open. */
export function openBlockingTasks(tasks: readonly ProblemTaskState[]): number {
  return tasks.filter((t) => t.blocks && t.status === 'open').length;
}

/**
 * Why the problem may not move to `stage` given its tasks, or null when it may. Only the move to
 * the resolved stage is ever refused; work in the other stages goes on while tasks are open.
 */
export function stageRefusal(stage: string, tasks: readonly ProblemTaskState[]): string | null {
  if (stage !== RESOLVED_STAGE) return null;
  const open = openBlockingTasks(tasks);
  if (open === 0) return null;
  const tasksWord = open === 1 ? '1 commission task that blocks it is' : `${open} commission tasks that block it are`;
  return `the problem cannot be closed: ${tasksWord} still open; it counts as resolved only once they are closed`;
}

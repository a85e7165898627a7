/**
 * The life of a commission task (plain rules, no framework): who may take which step from which
 * status. Executors accept, start and report; the secretary reviews reports, closes and carries
 * over. A final report accepted by the secretary makes the task done.
 */
export type TaskStatus = 'assigned' | 'accepted' | 'in_progress' | 'reported' | 'done' | 'not_done' | 'cancelled';
export const TASK_STATUSES: readonly TaskStatus[] = ['assigned', 'accepted', 'in_progress', 'reported', 'done', 'not_done', 'cancelled'];
export const OPEN_STATUSES: readonly TaskStatus[] = ['assigned', 'accepted', 'in_progress', 'reported'];
/** Statuses in which the executor owes work (a reported task waits for the secretary instead). */
export const EXECUTOR_OWES: readonly TaskStatus[] = ['assigned', 'accepted', 'in_progress'];

export type TaskPriority = 'low' | 'normal' | 'high' | 'critical';
export const TASK_PRIORITIES: readonly TaskPriority[] = ['low', 'normal', 'high', 'critical'];

export type TaskAction =
  | { kind: 'accept' }
  | { kind: 'start' }
  | { kind: 'report'; final: boolean }
  | { kind: 'accept-report'; final: boolean }
  | { kind: 'return-report'; final: boolean }
  | { kind: 'close'; status: 'not_done' | 'cancelled' }
  | { kind: 'carry-over' };

export type StepResult = { ok: true; status: TaskStatus } | { ok: false; reason: string };

const refuse = (reason: string): StepResult => ({ ok: false, reason });

export const isOpen = (status: TaskStatus) => OPEN_STATUSES.includes(status);

/** The status after `action`, or why it is refused in `status`. */
export function step(status: TaskStatus, action: TaskAction): StepResult {
  if (!isOpen(status)) return refuse(`the task is ${status.replace('_', ' ')}: it is closed`);
  switch (action.kind) {
    case 'accept':
      return status === 'assigned' ? { ok: true, status: 'accepted' } : refuse(`only an assigned task can be accepted (it is ${status})`);
    case 'start':
      return status === 'assigned' || status === 'accepted' ? { ok: true, status: 'in_progress' } : refuse(`the task is already ${status}`);
    case 'report':
      if (status === 'reported') return refuse('a final report is waiting for the secretary: wait for it to be accepted or returned');
      return { ok: true, status: action.final ? 'reported' : 'in_progress' };
    case 'accept-report':
      if (action.final) return status === 'reported' ? { ok: true, status: 'done' } : refuse(`no final report is waiting (the task is ${status})`);
      return { ok: true, status };
    case 'return-report':
      if (action.final) return status === 'reported' ? { ok: true, status: 'in_progress' } : refuse(`no final report is waiting (the task is ${status})`);
      return { ok: true, status };
    case 'close':
      return { ok: true, status: action.status };
    case 'carry-over':
      return status === 'reported' ? refuse('a final report is waiting: accept or return it instead of carrying the task over') : { ok: true, status };
  }
}

/** Progress shown for a task: 100 when done, else what its latest accepted report said. */
export function progressOf(status: TaskStatus, acceptedProgress: number | null): number {
  if (status === 'done') return 100;
  return Math.max(0, Math.min(100, acceptedProgress ?? 0));
}

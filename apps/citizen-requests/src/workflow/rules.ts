/**
 * The workflow of a citizen request as plain rules: which step may follow which status, who may
 * take it, and what it needs. Service code asks `plan(...)` and records the answer; nothing here
 * touches the database.
 *
 *   registered ─route→ assigned ─start→ in_progress ─answer→ answered ─resolve→ resolved ─close→ closed
 *        │                 │  ╲extend→ extended ─answer↗        │  ╲control→ under_control ─resolve↗   │
 *        └──redirect (within 3 working days)→ redirected        └────────────close───────────────┘   reopen→ reopened
 *
 * A closed request needs the resolution criteria (every issue considered, measures taken, the
 * answer sent: 000:L10663-10671) and the confirmation of the unit head or deputy; a request whose
 * fix takes long stays "under additional control" (000:L10679-10681) until resolved.
 */
import { Role, type RoleName } from '@seriktes/auth';
import type { RequestStatus } from '@seriktes/contracts';

export type WorkflowAction = 'route' | 'start' | 'extend' | 'redirect' | 'answer' | 'control' | 'resolve' | 'close' | 'reopen';

export const OPEN_STATUSES: readonly RequestStatus[] = ['registered', 'assigned', 'in_progress', 'extended', 'reopened', 'answered', 'under_control', 'resolved'];
export const FINAL_STATUSES: readonly RequestStatus[] = ['closed', 'redirected'];

interface StepRule {
  from: readonly RequestStatus[];
  /** The status after the step; `undefined` keeps the status (a re-route of an assigned request stays assigned). */
  to: RequestStatus | ((from: RequestStatus) => RequestStatus);
  roles: readonly RoleName[];
  /** A reason is required (a reasoned decision). */
  reason: boolean;
  /** Only the inspector it is assigned to, or a manager of the territory (not another inspector of the precinct). */
  assigneeOrManager?: boolean;
}

const MANAGERS: readonly RoleName[] = [Role.unitHead, Role.departmentHead, Role.ministryHq];
const WORKERS: readonly RoleName[] = [Role.districtInspector, ...MANAGERS];
const SERVICE: readonly RoleName[] = [Role.platformService];

export const STEPS: Record<WorkflowAction, StepRule> = {
  route: { from: ['registered', 'assigned', 'in_progress', 'extended', 'reopened'], to: (from) => (from === 'registered' ? 'assigned' : from), roles: [...MANAGERS, ...SERVICE], reason: true },
  start: { from: ['assigned', 'reopened'], to: 'in_progress', roles: WORKERS, reason: false, assigneeOrManager: true },
  extend: { from: ['assigned', 'in_progress', 'extended', 'reopened'], to: 'extended', roles: MANAGERS, reason: true },
  redirect: { from: ['registered', 'assigned', 'in_progress'], to: 'redirected', roles: MANAGERS, reason: true },
  answer: { from: ['assigned', 'in_progress', 'extended', 'reopened'], to: 'answered', roles: WORKERS, reason: false, assigneeOrManager: true },
  control: { from: ['answered'], to: 'under_control', roles: MANAGERS, reason: true },
  resolve: { from: ['answered', 'under_control'], to: 'resolved', roles: WORKERS, reason: false, assigneeOrManager: true },
  close: { from: ['answered', 'under_control', 'resolved'], to: 'closed', roles: MANAGERS, reason: false },
  reopen: { from: ['closed'], to: 'reopened', roles: MANAGERS, reason: true },
};

export interface Resolution {
  /** Every issue raised was considered. */
  allIssuesConsidered: boolean;
  /** Measures were taken (what, in `measures`). */
  measuresTaken: boolean;
  /** What was done. */
  measures?: string;
}

export interface StepContext {
  status: RequestStatus;
  actorRoles: readonly string[];
  /** The caller is the inspector the request is assigned to. */
  actorIsAssignee: boolean;
  reason?: string | null;
  /** An answer has been sent (needed to close). */
  answerSent: boolean;
  resolution?: Resolution | null;
  kind: string;
}

export interface FieldProblem {
  field: string;
  message: string;
}

export type StepVerdict =
  | { ok: true; to: RequestStatus }
  | { ok: false; reason: 'forbidden'; message: string }
  | { ok: false; reason: 'conflict'; message: string }
  | { ok: false; reason: 'invalid'; errors: FieldProblem[] };

const STATUS_WORDS: Record<RequestStatus, string> = {
  registered: 'registered',
  assigned: 'assigned',
  in_progress: 'in progress',
  extended: 'extended',
  redirected: 'redirected',
  answered: 'answered',
  resolved: 'resolved',
  closed: 'closed',
  reopened: 'reopened',
  under_control: 'under additional control',
};

/** Whether a step may be taken now, and the status it leads to. */
export function plan(action: WorkflowAction, ctx: StepContext): StepVerdict {
  const rule = STEPS[action];
  if (!rule.roles.some((role) => ctx.actorRoles.includes(role))) {
    return { ok: false, reason: 'forbidden', message: `${action} needs one of the roles ${rule.roles.join(', ')}` };
  }
  const manager = MANAGERS.some((role) => ctx.actorRoles.includes(role));
  if (rule.assigneeOrManager && !manager && !ctx.actorIsAssignee) {
    return { ok: false, reason: 'forbidden', message: `only the inspector the request is assigned to, or a manager, may ${action} it` };
  }
  if (!rule.from.includes(ctx.status)) {
    return { ok: false, reason: 'conflict', message: `cannot ${action} a request that is ${STATUS_WORDS[ctx.status]} (allowed from: ${rule.from.map((s) => STATUS_WORDS[s]).join(', ')})` };
  }
  const errors: FieldProblem[] = [];
  if (rule.reason && !(ctx.reason ?? '').trim()) errors.push({ field: 'reason', message: `${action} is a reasoned decision: give the reason` });
  if (action === 'close' || action === 'resolve') {
    const r = ctx.resolution;
    if (!r) errors.push({ field: 'resolution', message: 'the resolution criteria are required' });
    else {
      if (r.allIssuesConsidered !== true) errors.push({ field: 'resolution.allIssuesConsidered', message: 'every issue raised must have been considered' });
      if (r.measuresTaken !== true) errors.push({ field: 'resolution.measuresTaken', message: 'the measures taken must be confirmed' });
      else if (!(r.measures ?? '').trim()) errors.push({ field: 'resolution.measures', message: 'say which measures were taken' });
    }
    if (!ctx.answerSent) errors.push({ field: 'answer', message: 'an answer must have been sent to the applicant first' });
  }
  if (errors.length) return { ok: false, reason: 'invalid', errors };
  const to = typeof rule.to === 'function' ? rule.to(ctx.status) : rule.to;
  return { ok: true, to };
}

/** Whether the request still counts as open work (in the caseload). */
export function isOpen(status: RequestStatus): boolean {
  return !FINAL_STATUSES.includes(status);
}

/** Whether the legal clock still runs (no answer sent yet). */
export function clockRuns(status: RequestStatus): boolean {
  return ['registered', 'assigned', 'in_progress', 'extended', 'reopened'].includes(status);
}

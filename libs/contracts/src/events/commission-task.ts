import { defineEvent } from '../registry';
import { topicName } from '../naming';
import { PARTNER_ORG_ID_PATTERN, PRECINCT_CODE_PATTERN, TERRITORY_CODE_PATTERN } from '../territory';

/** Events of interagency commission tasks. Keyed by task id. */
export const COMMISSION_TASK_TOPIC = topicName('commission-tasks', 'commission-task', 1);

const TASK_ID = { type: 'string', format: 'uuid', description: 'Id of the task.' } as const;
const TASK_PRECINCT = { type: 'string', pattern: PRECINCT_CODE_PATTERN, nullable: true, description: 'Precinct the task concerns, if it is that local.' } as const;
const UUID = { type: 'string', format: 'uuid' } as const;
const ORG = { type: 'string', pattern: PARTNER_ORG_ID_PATTERN } as const;
const TIME = { type: 'string', format: 'date-time' } as const;

/** The executor kinds of organisations (agencies and partners) that carry out commission tasks. */
export type ExecutorKind = 'police' | 'akimat' | 'school' | 'health' | 'social_protection' | 'prosecutor' | 'ngo' | 'housing' | 'business' | 'other';
export const EXECUTOR_KINDS: readonly ExecutorKind[] = ['police', 'akimat', 'school', 'health', 'social_protection', 'prosecutor', 'ngo', 'housing', 'business', 'other'];

/** Where a task sits: enough for a partner to route it, nothing about people. */
export interface TaskScope {
  taskId: string;
  commissionId: string;
  leadOrganisationId: string;
  territoryCode: string;
}

const SCOPE_REQUIRED = ['taskId', 'commissionId', 'leadOrganisationId', 'territoryCode'] as const;
const scopeProperties = {
  taskId: TASK_ID,
  commissionId: { ...UUID, description: 'Id of the commission whose decision the task carries out.' },
  leadOrganisationId: { ...ORG, description: 'Id of the lead executing organisation (the partner org id of its users).' },
  territoryCode: { type: 'string', pattern: TERRITORY_CODE_PATTERN, description: 'Territory the task concerns: a region, district or precinct code.' },
} as const;
/** The scope fields, optional: added compatibly to the events that existed before commission-tasks. */
const optionalScopeProperties = {
  commissionId: { ...scopeProperties.commissionId, nullable: true },
  leadOrganisationId: { ...scopeProperties.leadOrganisationId, nullable: true },
  territoryCode: { ...scopeProperties.territoryCode, nullable: true },
} as const;
interface OptionalScope {
  commissionId?: string | null;
  leadOrganisationId?: string | null;
  territoryCode?: string | null;
}
const SCOPE_EXAMPLE = {
  taskId: 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f',
  commissionId: '5f1e2d3c-4b5a-4987-8a6b-5c4d3e2f1a0b',
  leadOrganisationId: 'ast-akimat',
  territoryCode: 'AST-ESL',
};

export interface CommissionTaskAssignedV1 {
  taskId: string;
  precinctCode?: string | null;
  executorKind: ExecutorKind;
  inspectorId?: string | null;
  assignedAt: string;
  dueAt: string;
  commissionId?: string | null;
  decisionId?: string | null;
  leadOrganisationId?: string | null;
  coExecutorIds?: string[] | null;
  territoryCode?: string | null;
  priority?: 'low' | 'normal' | 'high' | 'critical' | null;
  problemId?: string | null;
  blocksProblem?: boolean | null;
  requestIds?: string[] | null;
}

export const CommissionTaskAssigned = defineEvent<CommissionTaskAssignedV1>({
  type: 'kz.seriktes.commission-task.assigned.v1',
  topic: COMMISSION_TASK_TOPIC,
  producer: 'commission-tasks',
  summary: 'A task of an interagency commission decision was assigned to its lead executor.',
  description:
    'Tasks led by the police and tied to a precinct count into the caseload of that precinct (and inspector, when named). ' +
    'A task tied to a problem with `blocksProblem` keeps that problem from counting as resolved until the task is closed. ' +
    'The fields after `dueAt` were added compatibly (optional) when commission-tasks was built.',
  keyDescription: 'The task id (UUID).',
  personalData: ['inspectorId'],
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['taskId', 'executorKind', 'assignedAt', 'dueAt'],
    properties: {
      taskId: TASK_ID,
      precinctCode: TASK_PRECINCT,
      executorKind: { type: 'string', enum: [...EXECUTOR_KINDS], description: 'Kind of the lead executing organisation.' },
      inspectorId: { type: 'string', format: 'uuid', nullable: true, description: 'Roster id of the inspector responsible, for police tasks.' },
      assignedAt: { type: 'string', format: 'date-time', description: 'When it was assigned.' },
      dueAt: { type: 'string', format: 'date-time', description: 'When it is due.' },
      commissionId: { ...UUID, nullable: true, description: 'Id of the commission.' },
      decisionId: { ...UUID, nullable: true, description: 'Id of the decision the task carries out (none for a protocol task such as a school notification).' },
      leadOrganisationId: { ...ORG, nullable: true, description: 'Id of the lead executing organisation.' },
      coExecutorIds: { type: 'array', nullable: true, items: ORG, maxItems: 20, description: 'Ids of the co-executing organisations.' },
      territoryCode: { type: 'string', pattern: TERRITORY_CODE_PATTERN, nullable: true, description: 'Territory the task concerns (region, district or precinct code).' },
      priority: { type: 'string', enum: ['low', 'normal', 'high', 'critical', null], nullable: true, description: 'Priority set by the commission.' },
      problemId: { ...UUID, nullable: true, description: 'The problem (citizen-requests, SARA) the task addresses.' },
      blocksProblem: { type: 'boolean', nullable: true, description: 'Whether the problem may count as resolved only after this task is closed.' },
      requestIds: { type: 'array', nullable: true, items: UUID, maxItems: 100, description: 'Citizen requests the task answers to.' },
    },
  },
  example: {
    taskId: 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f',
    precinctCode: 'AST-ESL-01',
    executorKind: 'police',
    inspectorId: '7b0e1c0a-3c55-4f7e-8a43-2f0d7f2d9c01',
    assignedAt: '2026-11-21T11:00:00+05:00',
    dueAt: '2026-12-21T18:00:00+05:00',
    commissionId: '5f1e2d3c-4b5a-4987-8a6b-5c4d3e2f1a0b',
    decisionId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
    leadOrganisationId: 'ast-police-esl',
    coExecutorIds: ['ast-akimat'],
    territoryCode: 'AST-ESL-01',
    priority: 'high',
    problemId: null,
    blocksProblem: null,
    requestIds: [],
  },
});

export interface CommissionTaskOverdueV1 extends OptionalScope {
  taskId: string;
  dueAt: string;
  detectedAt: string;
}

export const CommissionTaskOverdue = defineEvent<CommissionTaskOverdueV1>({
  type: 'kz.seriktes.commission-task.overdue.v1',
  topic: COMMISSION_TASK_TOPIC,
  producer: 'commission-tasks',
  summary: 'A commission task passed its due date unfinished.',
  description: 'Emitted once per missed due date; the secretary escalates it.',
  keyDescription: 'The task id (UUID).',
  personalData: [],
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['taskId', 'dueAt', 'detectedAt'],
    properties: {
      taskId: TASK_ID,
      dueAt: { type: 'string', format: 'date-time', description: 'The due time that passed.' },
      detectedAt: { type: 'string', format: 'date-time', description: 'When the platform noticed.' },
      ...optionalScopeProperties,
    },
  },
  example: { taskId: 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f', dueAt: '2026-12-21T18:00:00+05:00', detectedAt: '2026-12-21T18:00:04+05:00' },
});

export interface CommissionTaskClosedV1 extends OptionalScope {
  taskId: string;
  status: 'done' | 'not_done' | 'cancelled';
  closedAt: string;
  onTime?: boolean | null;
}

export const CommissionTaskClosed = defineEvent<CommissionTaskClosedV1>({
  type: 'kz.seriktes.commission-task.closed.v1',
  topic: COMMISSION_TASK_TOPIC,
  producer: 'commission-tasks',
  summary: 'A commission task was closed: done (its final report accepted), not done, or cancelled.',
  description: 'The task leaves the open caseload. This is the "task done" event of the catalogue, with `status: done`.',
  keyDescription: 'The task id (UUID).',
  personalData: [],
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['taskId', 'status', 'closedAt'],
    properties: {
      taskId: TASK_ID,
      status: { type: 'string', enum: ['done', 'not_done', 'cancelled'], description: 'How the task ended.' },
      closedAt: { type: 'string', format: 'date-time', description: 'When it was closed.' },
      onTime: { type: 'boolean', nullable: true, description: 'For a done task: whether its final report came in by the due date.' },
      ...optionalScopeProperties,
    },
  },
  example: { taskId: 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f', status: 'done', closedAt: '2026-12-15T12:00:00+05:00' },
});

export interface CommissionTaskAcceptedV1 extends TaskScope {
  acceptedAt: string;
}

export const CommissionTaskAccepted = defineEvent<CommissionTaskAcceptedV1>({
  type: 'kz.seriktes.commission-task.accepted.v1',
  topic: COMMISSION_TASK_TOPIC,
  producer: 'commission-tasks',
  summary: 'The lead organisation accepted a task: it takes responsibility for carrying it out.',
  description: 'Responsibility stays with the agency (MARAC practice); the commission coordinates and monitors.',
  keyDescription: 'The task id (UUID).',
  personalData: [],
  schema: {
    type: 'object',
    additionalProperties: false,
    required: [...SCOPE_REQUIRED, 'acceptedAt'],
    properties: { ...scopeProperties, acceptedAt: { ...TIME, description: 'When it was accepted.' } },
  },
  example: { ...SCOPE_EXAMPLE, acceptedAt: '2026-11-23T10:15:00+05:00' },
});

export interface CommissionTaskReportedV1 extends TaskScope {
  reportId: string;
  reportingOrganisationId: string;
  final: boolean;
  progressPercent: number;
  attachmentCount: number;
  reportedAt: string;
}

export const CommissionTaskReported = defineEvent<CommissionTaskReportedV1>({
  type: 'kz.seriktes.commission-task.reported.v1',
  topic: COMMISSION_TASK_TOPIC,
  producer: 'commission-tasks',
  summary: 'An executing organisation submitted a progress or final report on a task.',
  description: 'The text and the attachments stay in commission-tasks (they may name people); the event carries the progress and counts only.',
  keyDescription: 'The task id (UUID).',
  personalData: [],
  schema: {
    type: 'object',
    additionalProperties: false,
    required: [...SCOPE_REQUIRED, 'reportId', 'reportingOrganisationId', 'final', 'progressPercent', 'attachmentCount', 'reportedAt'],
    properties: {
      ...scopeProperties,
      reportId: { ...UUID, description: 'Id of the report.' },
      reportingOrganisationId: { ...ORG, description: 'The organisation that reported (the lead or a co-executor).' },
      final: { type: 'boolean', description: 'A final report asks the secretary to accept the task as done.' },
      progressPercent: { type: 'integer', minimum: 0, maximum: 100, description: 'Progress claimed by the executor.' },
      attachmentCount: { type: 'integer', minimum: 0, description: 'How many attachments (evidence) the report lists.' },
      reportedAt: { ...TIME, description: 'When it was submitted.' },
    },
  },
  example: { ...SCOPE_EXAMPLE, reportId: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e', reportingOrganisationId: 'ast-akimat', final: true, progressPercent: 100, attachmentCount: 2, reportedAt: '2026-12-10T16:40:00+05:00' },
});

export interface CommissionTaskReportReviewedV1 extends TaskScope {
  reportId: string;
  outcome: 'accepted' | 'returned';
  reviewedAt: string;
}

export const CommissionTaskReportReviewed = defineEvent<CommissionTaskReportReviewedV1>({
  type: 'kz.seriktes.commission-task.report-reviewed.v1',
  topic: COMMISSION_TASK_TOPIC,
  producer: 'commission-tasks',
  summary: 'The secretary accepted a task report, or returned it to the executor with a reason.',
  description: 'A returned final report puts the task back in progress; the reason stays in commission-tasks. An accepted final report is followed by `closed` with status done.',
  keyDescription: 'The task id (UUID).',
  personalData: [],
  schema: {
    type: 'object',
    additionalProperties: false,
    required: [...SCOPE_REQUIRED, 'reportId', 'outcome', 'reviewedAt'],
    properties: {
      ...scopeProperties,
      reportId: { ...UUID, description: 'Id of the report.' },
      outcome: { type: 'string', enum: ['accepted', 'returned'], description: 'Accepted, or returned for more work.' },
      reviewedAt: { ...TIME, description: 'When it was reviewed.' },
    },
  },
  example: { ...SCOPE_EXAMPLE, reportId: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e', outcome: 'returned', reviewedAt: '2026-12-11T09:00:00+05:00' },
});

export type EscalationTarget = 'point_of_contact' | 'manager' | 'chair';

export interface CommissionTaskEscalatedV1 extends TaskScope {
  step: number;
  target: EscalationTarget;
  targetOrganisationId: string;
  dueAt: string;
  escalatedAt: string;
}

export const CommissionTaskEscalated = defineEvent<CommissionTaskEscalatedV1>({
  type: 'kz.seriktes.commission-task.escalated.v1',
  topic: COMMISSION_TASK_TOPIC,
  producer: 'commission-tasks',
  summary: 'An overdue task was escalated one step up the ladder: point of contact, their manager, the commission chair.',
  description: 'Each step happens once per missed due date, after its own wait in working days, and is kept in an immutable log.',
  keyDescription: 'The task id (UUID).',
  personalData: [],
  schema: {
    type: 'object',
    additionalProperties: false,
    required: [...SCOPE_REQUIRED, 'step', 'target', 'targetOrganisationId', 'dueAt', 'escalatedAt'],
    properties: {
      ...scopeProperties,
      step: { type: 'integer', minimum: 1, maximum: 3, description: 'Step of the ladder (1: point of contact, 2: their manager, 3: the commission chair).' },
      target: { type: 'string', enum: ['point_of_contact', 'manager', 'chair'], description: 'Who is asked to act (a role, never a name).' },
      targetOrganisationId: { ...ORG, description: 'The organisation of the person asked: the lead organisation, or the host akimat for the chair.' },
      dueAt: { ...TIME, description: 'The due time that was missed.' },
      escalatedAt: { ...TIME, description: 'When the step was taken.' },
    },
  },
  example: { ...SCOPE_EXAMPLE, step: 2, target: 'manager', targetOrganisationId: 'ast-akimat', dueAt: '2026-12-21T23:59:59+05:00', escalatedAt: '2026-12-24T00:00:05+05:00' },
});

export type ReviewReasonCode = 'circumstances_changed' | 'not_done_by_agency';

export interface CommissionTaskCarriedOverV1 extends TaskScope {
  meetingId: string;
  reasonCode: ReviewReasonCode;
  previousDueAt: string;
  dueAt: string;
  carriedOverAt: string;
}

export const CommissionTaskCarriedOver = defineEvent<CommissionTaskCarriedOverV1>({
  type: 'kz.seriktes.commission-task.carried-over.v1',
  topic: COMMISSION_TASK_TOPIC,
  producer: 'commission-tasks',
  summary: 'An unfinished task was reviewed at a meeting and carried over with a new due date.',
  description:
    'The reason code distinguishes "not possible: circumstances changed" from "not done by the agency" (MARAC minutes practice). ' +
    'A task closed at the review instead is announced by `closed`.',
  keyDescription: 'The task id (UUID).',
  personalData: [],
  schema: {
    type: 'object',
    additionalProperties: false,
    required: [...SCOPE_REQUIRED, 'meetingId', 'reasonCode', 'previousDueAt', 'dueAt', 'carriedOverAt'],
    properties: {
      ...scopeProperties,
      meetingId: { ...UUID, description: 'The meeting that reviewed the task.' },
      reasonCode: { type: 'string', enum: ['circumstances_changed', 'not_done_by_agency'], description: 'Why the task was not finished.' },
      previousDueAt: { ...TIME, description: 'The due time it had.' },
      dueAt: { ...TIME, description: 'The new due time.' },
      carriedOverAt: { ...TIME, description: 'When the review was recorded.' },
    },
  },
  example: { ...SCOPE_EXAMPLE, meetingId: '6e5d4c3b-2a19-4087-b6a5-948372615040', reasonCode: 'circumstances_changed', previousDueAt: '2026-12-21T23:59:59+05:00', dueAt: '2027-01-29T23:59:59+05:00', carriedOverAt: '2026-12-24T11:30:00+05:00' },
});

export interface CommissionTaskDueSoonV1 extends TaskScope {
  dueAt: string;
  workingDaysLeft: number;
  remindedAt: string;
}

export const CommissionTaskDueSoon = defineEvent<CommissionTaskDueSoonV1>({
  type: 'kz.seriktes.commission-task.due-soon.v1',
  topic: COMMISSION_TASK_TOPIC,
  producer: 'commission-tasks',
  summary: 'A reminder: an open task is due within the commission\'s reminder window.',
  description: 'Emitted once per due date, a configurable number of working days before it.',
  keyDescription: 'The task id (UUID).',
  personalData: [],
  schema: {
    type: 'object',
    additionalProperties: false,
    required: [...SCOPE_REQUIRED, 'dueAt', 'workingDaysLeft', 'remindedAt'],
    properties: {
      ...scopeProperties,
      dueAt: { ...TIME, description: 'When the task is due.' },
      workingDaysLeft: { type: 'integer', minimum: 0, description: 'Working days left before the due date (0: due today).' },
      remindedAt: { ...TIME, description: 'When the reminder was sent.' },
    },
  },
  example: { ...SCOPE_EXAMPLE, dueAt: '2026-12-21T23:59:59+05:00', workingDaysLeft: 2, remindedAt: '2026-12-17T09:00:00+05:00' },
});

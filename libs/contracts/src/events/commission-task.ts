import { defineEvent } from '../registry';
import { topicName } from '../naming';
import { PRECINCT_CODE_PATTERN } from '../territory';

/** Events of interagency commission tasks. Keyed by task id. */
export const COMMISSION_TASK_TOPIC = topicName('commission-tasks', 'commission-task', 1);

const TASK_ID = { type: 'string', format: 'uuid', description: 'Id of the task.' } as const;
const TASK_PRECINCT = { type: 'string', pattern: PRECINCT_CODE_PATTERN, nullable: true, description: 'Precinct the task concerns, if it is that local.' } as const;

export interface CommissionTaskAssignedV1 {
  taskId: string;
  precinctCode?: string | null;
  executorKind: 'police' | 'akimat' | 'school' | 'health' | 'social_protection' | 'prosecutor' | 'ngo' | 'housing' | 'business' | 'other';
  inspectorId?: string | null;
  assignedAt: string;
  dueAt: string;
}

export const CommissionTaskAssigned = defineEvent<CommissionTaskAssignedV1>({
  type: 'kz.seriktes.commission-task.assigned.v1',
  topic: COMMISSION_TASK_TOPIC,
  producer: 'commission-tasks',
  summary: 'A task of an interagency commission decision was assigned to its lead executor.',
  description: 'Tasks led by the police and tied to a precinct count into the caseload of that precinct (and inspector, when named).',
  keyDescription: 'The task id (UUID).',
  personalData: [],
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['taskId', 'executorKind', 'assignedAt', 'dueAt'],
    properties: {
      taskId: TASK_ID,
      precinctCode: TASK_PRECINCT,
      executorKind: {
        type: 'string',
        enum: ['police', 'akimat', 'school', 'health', 'social_protection', 'prosecutor', 'ngo', 'housing', 'business', 'other'],
        description: 'Kind of the lead executing organisation.',
      },
      inspectorId: { type: 'string', format: 'uuid', nullable: true, description: 'Roster id of the inspector responsible, for police tasks.' },
      assignedAt: { type: 'string', format: 'date-time', description: 'When it was assigned.' },
      dueAt: { type: 'string', format: 'date-time', description: 'When it is due.' },
    },
  },
  example: {
    taskId: 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f',
    precinctCode: 'AST-ESL-01',
    executorKind: 'police',
    inspectorId: '7b0e1c0a-3c55-4f7e-8a43-2f0d7f2d9c01',
    assignedAt: '2026-11-21T11:00:00+05:00',
    dueAt: '2026-12-21T18:00:00+05:00',
  },
});

export interface CommissionTaskOverdueV1 {
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
    },
  },
  example: { taskId: 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f', dueAt: '2026-12-21T18:00:00+05:00', detectedAt: '2026-12-21T18:00:04+05:00' },
});

export interface CommissionTaskClosedV1 {
  taskId: string;
  status: 'done' | 'not_done' | 'cancelled';
  closedAt: string;
}

export const CommissionTaskClosed = defineEvent<CommissionTaskClosedV1>({
  type: 'kz.seriktes.commission-task.closed.v1',
  topic: COMMISSION_TASK_TOPIC,
  producer: 'commission-tasks',
  summary: 'A commission task was closed: done, not done, or cancelled.',
  description: 'The task leaves the open caseload.',
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
    },
  },
  example: { taskId: 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f', status: 'done', closedAt: '2026-12-15T12:00:00+05:00' },
});

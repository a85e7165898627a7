import { defineEvent } from '../registry';
import { topicName } from '../naming';
import { PRECINCT_CODE_PATTERN, REGION_CODE_PATTERN } from '../territory';

export const CITIZEN_REQUEST_TOPIC = topicName('citizen-requests', 'citizen-request', 1);


export interface CitizenRequestRegisteredV1 {
  requestId: string;
  registrationNumber: string;
  kind: 'proposal' | 'application' | 'complaint' | 'feedback' | 'inquiry' | 'tip';
  category: string;
  channel: 'web' | 'open311' | 'walk-in' | 'letter' | 'line-102' | 'telegram';
  regionCode: string;
  precinctCode: string;
  receivedAt: string;
  registeredAt: string;
}

export const CitizenRequestRegistered = defineEvent<CitizenRequestRegisteredV1>({
  type: 'kz.seriktes.citizen-request.registered.v1',
  topic: CITIZEN_REQUEST_TOPIC,
  producer: 'citizen-requests',
  summary: 'A citizen request was registered and given its registration coupon number.',
  description:
    'Emitted once per request, in the transaction that registers it. Carries no personal data of the ' +
    'applicant: only the kind, category, channel, territory and times. The inspector roster counts it ' +
    'into the caseload of the precinct.',
  keyDescription: 'The request id (UUID).',
  personalData: [],
  schema: {
    type: 'object',
    additionalProperties: false,
    required: [
      'requestId',
      'registrationNumber',
      'kind',
      'category',
      'channel',
      'regionCode',
      'precinctCode',
      'receivedAt',
      'registeredAt',
    ],
    properties: {
      requestId: { type: 'string', format: 'uuid', description: 'Id of the request.' },
      registrationNumber: {
        type: 'string',
        pattern: '^[A-Z]{3}-[0-9]{4}-[0-9]{6,}$',
        description: 'Number of the registration coupon, unique per region and year, e.g. AST-2026-000123.',
      },
      kind: {
        type: 'string',
        enum: ['proposal', 'application', 'complaint', 'feedback', 'inquiry', 'tip'],
        description: 'Kind of appeal under the Administrative Procedural Code, or an anonymous tip.',
      },
      category: { type: 'string', minLength: 1, maxLength: 64, description: 'Category code.' },
      channel: {
        type: 'string',
        enum: ['web', 'open311', 'walk-in', 'letter', 'line-102', 'telegram'],
        description: 'Channel through which the request arrived.',
      },
      regionCode: { type: 'string', pattern: REGION_CODE_PATTERN, description: 'Region (Police Department) code.' },
      precinctCode: { type: 'string', pattern: PRECINCT_CODE_PATTERN, description: 'Administrative precinct code.' },
      receivedAt: { type: 'string', format: 'date-time', description: 'When the request was received.' },
      registeredAt: { type: 'string', format: 'date-time', description: 'When it was registered.' },
    },
  },
  example: {
    requestId: '5f0c6a43-7f0e-4d55-9f4a-0d3f3c1b2a10',
    registrationNumber: 'AST-2026-000123',
    kind: 'application',
    category: 'public-order-noise',
    channel: 'web',
    regionCode: 'AST',
    precinctCode: 'AST-ESL-01',
    receivedAt: '2026-11-20T09:15:00+05:00',
    registeredAt: '2026-11-20T09:15:02+05:00',
  },
});

const REQUEST_ID = { type: 'string', format: 'uuid', description: 'Id of the request.' } as const;
const REQUEST_PRECINCT = { type: 'string', pattern: PRECINCT_CODE_PATTERN, description: 'Administrative precinct code.' } as const;

export interface CitizenRequestAssignedV1 {
  requestId: string;
  precinctCode: string;
  inspectorId?: string | null;
  assignedAt: string;
  dueAt?: string | null;
}

export const CitizenRequestAssigned = defineEvent<CitizenRequestAssignedV1>({
  type: 'kz.seriktes.citizen-request.assigned.v1',
  topic: CITIZEN_REQUEST_TOPIC,
  producer: 'citizen-requests',
  summary: 'A citizen request was routed to a precinct inspector (or to the precinct when no inspector is named).',
  description:
    'Emitted on the first routing and on every re-routing; the latest one wins. Carries the legal due time ' +
    '(null for a tip, which has no statutory clock). The inspector roster counts the request into the open ' +
    'caseload of the precinct and of the inspector.',
  keyDescription: 'The request id (UUID).',
  personalData: [],
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['requestId', 'precinctCode', 'assignedAt'],
    properties: {
      requestId: REQUEST_ID,
      precinctCode: REQUEST_PRECINCT,
      inspectorId: { type: 'string', format: 'uuid', nullable: true, description: 'Roster id of the inspector it was routed to, if any.' },
      assignedAt: { type: 'string', format: 'date-time', description: 'When it was routed.' },
      dueAt: { type: 'string', format: 'date-time', nullable: true, description: 'When the answer is due under the law, if there is a term.' },
    },
  },
  example: {
    requestId: '5f0c6a43-7f0e-4d55-9f4a-0d3f3c1b2a10',
    precinctCode: 'AST-ESL-01',
    inspectorId: '7b0e1c0a-3c55-4f7e-8a43-2f0d7f2d9c01',
    assignedAt: '2026-11-20T09:20:00+05:00',
    dueAt: '2026-12-05T18:00:00+05:00',
  },
});

export interface CitizenRequestOverdueV1 {
  requestId: string;
  precinctCode: string;
  dueAt: string;
  detectedAt: string;
}

export const CitizenRequestOverdue = defineEvent<CitizenRequestOverdueV1>({
  type: 'kz.seriktes.citizen-request.overdue.v1',
  topic: CITIZEN_REQUEST_TOPIC,
  producer: 'citizen-requests',
  summary: 'A citizen request passed its legal due time without an answer.',
  description: 'Emitted once when the legal clock runs out (and again after an extension runs out).',
  keyDescription: 'The request id (UUID).',
  personalData: [],
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['requestId', 'precinctCode', 'detectedAt'],
    properties: {
      requestId: REQUEST_ID,
      precinctCode: REQUEST_PRECINCT,
      dueAt: { type: 'string', format: 'date-time', description: 'The due time that passed.' },
      detectedAt: { type: 'string', format: 'date-time', description: 'When the platform noticed.' },
    },
  },
  example: {
    requestId: '5f0c6a43-7f0e-4d55-9f4a-0d3f3c1b2a10',
    precinctCode: 'AST-ESL-01',
    dueAt: '2026-12-05T18:00:00+05:00',
    detectedAt: '2026-12-05T18:00:05+05:00',
  },
});

export interface CitizenRequestClosedV1 {
  requestId: string;
  precinctCode: string;
  closedAt: string;
  outcome: 'answered' | 'resolved' | 'forwarded' | 'withdrawn' | 'left_without_consideration';
}

export const CitizenRequestClosed = defineEvent<CitizenRequestClosedV1>({
  type: 'kz.seriktes.citizen-request.closed.v1',
  topic: CITIZEN_REQUEST_TOPIC,
  producer: 'citizen-requests',
  summary: 'A citizen request was closed with an answer or another outcome.',
  description: 'The request leaves the open caseload. Post-contact surveys are triggered by this event.',
  keyDescription: 'The request id (UUID).',
  personalData: [],
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['requestId', 'precinctCode', 'closedAt', 'outcome'],
    properties: {
      requestId: REQUEST_ID,
      precinctCode: REQUEST_PRECINCT,
      closedAt: { type: 'string', format: 'date-time', description: 'When it was closed.' },
      outcome: {
        type: 'string',
        enum: ['answered', 'resolved', 'forwarded', 'withdrawn', 'left_without_consideration'],
        description: 'How it ended.',
      },
    },
  },
  example: {
    requestId: '5f0c6a43-7f0e-4d55-9f4a-0d3f3c1b2a10',
    precinctCode: 'AST-ESL-01',
    closedAt: '2026-11-28T16:40:00+05:00',
    outcome: 'resolved',
  },
});

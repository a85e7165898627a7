import { defineEvent } from '../registry';
import { topicName } from '../naming';
import { PRECINCT_CODE_PATTERN, REGION_CODE_PATTERN } from '../territory';

export const CITIZEN_REQUEST_TOPIC = topicName('citizen-requests', 'citizen-request', 1);


export interface CitizenRequestRegisteredV1 {
  requestId: string;
  registrationNumber: string;
  kind: 'proposal' | 'application' | 'complaint' | 'feedback' | 'inquiry' | 'tip';
  category: string;
  channel: 'web' | 'open311' | 'walk-in' | 'letter' | 'line-102' | 'telegram' | 'partner';
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
        enum: ['web', 'open311', 'walk-in', 'letter', 'line-102', 'telegram', 'partner'],
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

/**
 * The deadlines of the legal clock: the answer (15 working days, or the extended term), the notice
 * of an extension to the applicant (3 working days from the decision), a redirect to the competent
 * body (3 working days from receipt), and the internal target of a tip (no statutory term).
 */
export type DeadlineKind = 'answer' | 'extension-notice' | 'redirect' | 'internal-target';
export const DEADLINE_KINDS: readonly DeadlineKind[] = ['answer', 'extension-notice', 'redirect', 'internal-target'];
const DEADLINE_KIND = {
  type: 'string',
  enum: ['answer', 'extension-notice', 'redirect', 'internal-target'],
  description: 'Which deadline: the answer, the notice of an extension, a redirect to the competent body, or the internal target of a tip.',
} as const;

/** Workflow states of a request (the statuses of citizen-requests). */
export type RequestStatus =
  | 'registered'
  | 'assigned'
  | 'in_progress'
  | 'extended'
  | 'redirected'
  | 'answered'
  | 'resolved'
  | 'closed'
  | 'reopened'
  | 'under_control';
export const REQUEST_STATUSES: readonly RequestStatus[] = [
  'registered',
  'assigned',
  'in_progress',
  'extended',
  'redirected',
  'answered',
  'resolved',
  'closed',
  'reopened',
  'under_control',
];
const REQUEST_STATUS = { type: 'string', enum: [...REQUEST_STATUSES], description: 'Workflow status.' } as const;
const AT = (what: string) => ({ type: 'string', format: 'date-time', description: what }) as const;

export interface CitizenRequestAssignedV1 {
  requestId: string;
  precinctCode: string;
  inspectorId?: string | null;
  assignedAt: string;
  dueAt?: string | null;
  /** Where it waits when no inspector is named: the district queue or a desk (added in 0.2, optional). */
  queue?: string | null;
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
  personalData: ['inspectorId'],
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
      queue: {
        type: 'string',
        nullable: true,
        pattern: '^[A-Z]{3}-[A-Z]{3}(:[a-z-]+)?$',
        description: 'When no inspector is named: the district queue (e.g. AST-ESL) or a desk of the district (e.g. AST-ESL:fraud).',
      },
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
  /** Which deadline passed (added in 0.2, optional; absent means the answer). */
  deadline?: DeadlineKind | null;
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
      deadline: { ...DEADLINE_KIND, nullable: true, enum: [...DEADLINE_KINDS, null] },
    },
  },
  example: {
    requestId: '5f0c6a43-7f0e-4d55-9f4a-0d3f3c1b2a10',
    precinctCode: 'AST-ESL-01',
    deadline: 'answer',
    dueAt: '2026-12-05T18:00:00+05:00',
    detectedAt: '2026-12-05T18:00:05+05:00',
  },
});

export interface CitizenRequestClosedV1 {
  requestId: string;
  precinctCode: string;
  closedAt: string;
  outcome: 'answered' | 'resolved' | 'forwarded' | 'withdrawn' | 'left_without_consideration';
  /** Kind of the request, as in the registered event (optional, added to v1 later). */
  kind?: CitizenRequestRegisteredV1['kind'] | null;
  /** Category code of the request, as in the registered event (optional, added to v1 later). */
  category?: string | null;
  /** Roster id of the inspector the request was assigned to at closing; null when none (optional, added to v1 later). */
  inspectorId?: string | null;
  /**
   * Whether the applicant may be invited to a post-contact survey: not a tip, the applicant did not
   * opt out of notifications, and gave a phone or an e-mail (optional, added to v1 later).
   */
  surveyInvitation?: boolean | null;
}

const REQUEST_KINDS: ReadonlyArray<CitizenRequestRegisteredV1['kind']> = ['proposal', 'application', 'complaint', 'feedback', 'inquiry', 'tip'];

export const CitizenRequestClosed = defineEvent<CitizenRequestClosedV1>({
  type: 'kz.seriktes.citizen-request.closed.v1',
  topic: CITIZEN_REQUEST_TOPIC,
  producer: 'citizen-requests',
  summary: 'A citizen request was closed with an answer or another outcome.',
  description:
    'Emitted when the unit head (or a higher manager) closes a request (outcome resolved) and when a request is redirected to the competent ' +
    'body (outcome forwarded, after the redirected event of the same transaction). The request leaves the open caseload. ' +
    'Post-contact surveys are triggered by this event: feedback-surveys invites the applicant when `surveyInvitation` is ' +
    'true, and asks citizen-requests to deliver the invitation (the applicant’s contact details never leave ' +
    'citizen-requests). `kind`, `category`, `inspectorId` and `surveyInvitation` were added later as optional fields and ' +
    'are set on every event citizen-requests publishes now; an event without them predates them (treat ' +
    '`surveyInvitation` as false).',
  keyDescription: 'The request id (UUID).',
  personalData: ['inspectorId'],
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
      kind: {
        type: 'string',
        nullable: true,
        enum: [...REQUEST_KINDS, null],
        description: 'Kind of the request, as in the registered event: an appeal under the Administrative Procedural Code, or an anonymous tip.',
      },
      category: {
        type: 'string',
        nullable: true,
        minLength: 1,
        maxLength: 64,
        description: 'Category code of the request, as in the registered event.',
      },
      inspectorId: {
        type: 'string',
        format: 'uuid',
        nullable: true,
        description:
          'Roster id of the inspector the request was assigned to at closing (the latest routing); null when it waited in ' +
          'a queue or at a desk without a named inspector.',
      },
      surveyInvitation: {
        type: 'boolean',
        nullable: true,
        description:
          'True when the applicant may be invited to a post-contact survey: the request is not a tip, the applicant did not ' +
          'opt out of notifications, and gave at least a phone number or an e-mail address. The contact details themselves ' +
          'stay in citizen-requests, which delivers the invitation (mutation sendSurveyInvitation).',
      },
    },
  },
  example: {
    requestId: '5f0c6a43-7f0e-4d55-9f4a-0d3f3c1b2a10',
    precinctCode: 'AST-ESL-01',
    closedAt: '2026-11-28T16:40:00+05:00',
    outcome: 'resolved',
    kind: 'application',
    category: 'public-order-noise',
    inspectorId: '7b0e1c0a-3c55-4f7e-8a43-2f0d7f2d9c01',
    surveyInvitation: true,
  },
});

const EXAMPLE_ID = '5f0c6a43-7f0e-4d55-9f4a-0d3f3c1b2a10';

export interface CitizenRequestStatusChangedV1 {
  requestId: string;
  precinctCode: string;
  from: RequestStatus;
  to: RequestStatus;
  /** The workflow step that changed it, e.g. `start`, `answer`, `close`. */
  action: string;
  changedAt: string;
}

export const CitizenRequestStatusChanged = defineEvent<CitizenRequestStatusChangedV1>({
  type: 'kz.seriktes.citizen-request.status-changed.v1',
  topic: CITIZEN_REQUEST_TOPIC,
  producer: 'citizen-requests',
  summary: 'A citizen request moved from one workflow status to another.',
  description:
    'Emitted for every transition of the workflow (registered, assigned, in progress, extended, redirected, answered, ' +
    'resolved, closed, reopened, under additional control), in the transaction that records it, next to the more ' +
    'specific event of the step when there is one. Carries no personal data and no free text: the reason of a step ' +
    'stays in the service.',
  keyDescription: 'The request id (UUID).',
  personalData: [],
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['requestId', 'precinctCode', 'from', 'to', 'action', 'changedAt'],
    properties: {
      requestId: REQUEST_ID,
      precinctCode: REQUEST_PRECINCT,
      from: REQUEST_STATUS,
      to: REQUEST_STATUS,
      action: { type: 'string', pattern: '^[a-z][a-z-]{1,40}$', description: 'The workflow step, e.g. start, extend, answer, close.' },
      changedAt: AT('When the status changed.'),
    },
  },
  example: { requestId: EXAMPLE_ID, precinctCode: 'AST-ESL-01', from: 'assigned', to: 'in_progress', action: 'start', changedAt: '2026-11-20T10:00:00+05:00' },
});

export interface CitizenRequestRedirectedV1 {
  requestId: string;
  precinctCode: string;
  /** Short name of the competent body, e.g. "Akimat of Yesil district" (an organisation, never a person). */
  toBody: string;
  redirectedAt: string;
  /** The 3-working-day limit for a redirect, counted from receipt. */
  redirectDueAt: string;
  withinTerm: boolean;
}

export const CitizenRequestRedirected = defineEvent<CitizenRequestRedirectedV1>({
  type: 'kz.seriktes.citizen-request.redirected.v1',
  topic: CITIZEN_REQUEST_TOPIC,
  producer: 'citizen-requests',
  summary: 'A citizen request outside police competence was redirected to the competent body.',
  description:
    'The law allows 3 working days from receipt for a redirect, and the applicant is notified. The request leaves the ' +
    'police caseload (a closed event with outcome forwarded follows in the same transaction).',
  keyDescription: 'The request id (UUID).',
  personalData: [],
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['requestId', 'precinctCode', 'toBody', 'redirectedAt', 'redirectDueAt', 'withinTerm'],
    properties: {
      requestId: REQUEST_ID,
      precinctCode: REQUEST_PRECINCT,
      toBody: { type: 'string', minLength: 2, maxLength: 200, description: 'The competent body it was sent to (an organisation).' },
      redirectedAt: AT('When it was redirected.'),
      redirectDueAt: AT('The end of the third working day after receipt.'),
      withinTerm: { type: 'boolean', description: 'Whether the redirect met the 3-working-day limit.' },
    },
  },
  example: {
    requestId: EXAMPLE_ID,
    precinctCode: 'AST-ESL-01',
    toBody: 'Akimat of Yesil district, housing department',
    redirectedAt: '2026-11-23T11:00:00+05:00',
    redirectDueAt: '2026-11-25T23:59:59+05:00',
    withinTerm: true,
  },
});

export interface CitizenRequestExtendedV1 {
  requestId: string;
  precinctCode: string;
  previousDueAt: string;
  dueAt: string;
  decidedAt: string;
  /** The applicant must be told by then (3 working days from the decision). */
  noticeDueAt: string;
}

export const CitizenRequestExtended = defineEvent<CitizenRequestExtendedV1>({
  type: 'kz.seriktes.citizen-request.extended.v1',
  topic: CITIZEN_REQUEST_TOPIC,
  producer: 'citizen-requests',
  summary: 'The unit head extended the term of a citizen request by a reasoned decision.',
  description:
    'The total term may not exceed 2 months from receipt. The notice to the applicant is due within 3 working days of ' +
    'the decision and is tracked as its own deadline. The reason stays in the service.',
  keyDescription: 'The request id (UUID).',
  personalData: [],
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['requestId', 'precinctCode', 'previousDueAt', 'dueAt', 'decidedAt', 'noticeDueAt'],
    properties: {
      requestId: REQUEST_ID,
      precinctCode: REQUEST_PRECINCT,
      previousDueAt: AT('The due time before the extension.'),
      dueAt: AT('The new due time.'),
      decidedAt: AT('When the extension was decided.'),
      noticeDueAt: AT('When the notice to the applicant is due at the latest.'),
    },
  },
  example: {
    requestId: EXAMPLE_ID,
    precinctCode: 'AST-ESL-01',
    previousDueAt: '2026-12-11T23:59:59+05:00',
    dueAt: '2027-01-20T23:59:59+05:00',
    decidedAt: '2026-12-08T15:00:00+05:00',
    noticeDueAt: '2026-12-11T23:59:59+05:00',
  },
});

export interface CitizenRequestAnsweredV1 {
  requestId: string;
  precinctCode: string;
  answeredAt: string;
  dueAt?: string | null;
  withinTerm: boolean;
}

export const CitizenRequestAnswered = defineEvent<CitizenRequestAnsweredV1>({
  type: 'kz.seriktes.citizen-request.answered.v1',
  topic: CITIZEN_REQUEST_TOPIC,
  producer: 'citizen-requests',
  summary: 'The answer to a citizen request was sent to the applicant.',
  description: 'Stops the legal clock. The text of the answer stays in the service; closing still needs the unit head.',
  keyDescription: 'The request id (UUID).',
  personalData: [],
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['requestId', 'precinctCode', 'answeredAt', 'withinTerm'],
    properties: {
      requestId: REQUEST_ID,
      precinctCode: REQUEST_PRECINCT,
      answeredAt: AT('When the answer was sent.'),
      dueAt: { ...AT('The due time it was measured against (absent for a tip).'), nullable: true },
      withinTerm: { type: 'boolean', description: 'Whether it was answered within the (possibly extended) term.' },
    },
  },
  example: { requestId: EXAMPLE_ID, precinctCode: 'AST-ESL-01', answeredAt: '2026-11-27T16:00:00+05:00', dueAt: '2026-12-11T23:59:59+05:00', withinTerm: true },
});

export interface CitizenRequestReopenedV1 {
  requestId: string;
  precinctCode: string;
  reopenedAt: string;
  dueAt?: string | null;
}

export const CitizenRequestReopened = defineEvent<CitizenRequestReopenedV1>({
  type: 'kz.seriktes.citizen-request.reopened.v1',
  topic: CITIZEN_REQUEST_TOPIC,
  producer: 'citizen-requests',
  summary: 'A closed citizen request was reopened for another look.',
  description: 'The request returns to the open caseload of its precinct with a new term.',
  keyDescription: 'The request id (UUID).',
  personalData: [],
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['requestId', 'precinctCode', 'reopenedAt'],
    properties: {
      requestId: REQUEST_ID,
      precinctCode: REQUEST_PRECINCT,
      reopenedAt: AT('When it was reopened.'),
      dueAt: { ...AT('The new due time, if there is a term.'), nullable: true },
    },
  },
  example: { requestId: EXAMPLE_ID, precinctCode: 'AST-ESL-01', reopenedAt: '2026-12-01T09:00:00+05:00', dueAt: '2026-12-22T23:59:59+05:00' },
});

export interface CitizenRequestDeadlineApproachingV1 {
  requestId: string;
  precinctCode: string;
  deadline: DeadlineKind;
  dueAt: string;
  /** Working days left until the due day, counted by the Kazakhstan calendar. */
  workingDaysLeft: number;
  detectedAt: string;
}

export const CitizenRequestDeadlineApproaching = defineEvent<CitizenRequestDeadlineApproachingV1>({
  type: 'kz.seriktes.citizen-request.deadline-approaching.v1',
  topic: CITIZEN_REQUEST_TOPIC,
  producer: 'citizen-requests',
  summary: 'A deadline of a citizen request is near and the work is not done.',
  description:
    'Emitted exactly once per request and deadline, a configurable number of working days before it (3 by default), ' +
    'by a scheduler that survives restarts.',
  keyDescription: 'The request id (UUID).',
  personalData: [],
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['requestId', 'precinctCode', 'deadline', 'dueAt', 'workingDaysLeft', 'detectedAt'],
    properties: {
      requestId: REQUEST_ID,
      precinctCode: REQUEST_PRECINCT,
      deadline: DEADLINE_KIND,
      dueAt: AT('The due time.'),
      workingDaysLeft: { type: 'integer', minimum: 0, description: 'Working days left before the due day ends.' },
      detectedAt: AT('When the platform noticed.'),
    },
  },
  example: {
    requestId: EXAMPLE_ID,
    precinctCode: 'AST-ESL-01',
    deadline: 'answer',
    dueAt: '2026-12-11T23:59:59+05:00',
    workingDaysLeft: 3,
    detectedAt: '2026-12-08T00:00:05+05:00',
  },
});

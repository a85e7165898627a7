import { defineEvent } from '../registry';
import { topicName } from '../naming';
import { PARTNER_ORG_ID_PATTERN, TERRITORY_CODE_PATTERN } from '../territory';

/** Events of interagency commissions: meetings, minutes, decisions, recommendation packages. Keyed by commission id. */
export const COMMISSION_TOPIC = topicName('commission-tasks', 'commission', 1);
/** Information-sharing agreements between the platform and partner organisations. Keyed by partner org id. */
export const SHARING_AGREEMENT_TOPIC = topicName('commission-tasks', 'sharing-agreement', 1);

const UUID = { type: 'string', format: 'uuid' } as const;
const TIME = { type: 'string', format: 'date-time' } as const;
const DATE = { type: 'string', format: 'date' } as const;
const ORG = { type: 'string', pattern: PARTNER_ORG_ID_PATTERN } as const;

export type CommissionLevel = 'republic' | 'region' | 'district';
export type DecisionStage = 'diagnose' | 'collect' | 'alternatives' | 'decide' | 'implement' | 'evaluate';
export const DECISION_STAGES: readonly DecisionStage[] = ['diagnose', 'collect', 'alternatives', 'decide', 'implement', 'evaluate'];

interface CommissionScope {
  commissionId: string;
  level: CommissionLevel;
  territoryCode: string;
}
const SCOPE_REQUIRED = ['commissionId', 'level', 'territoryCode'] as const;
const scopeProperties = {
  commissionId: { ...UUID, description: 'Id of the commission.' },
  level: { type: 'string', enum: ['republic', 'region', 'district'], description: 'Level of the akimat the commission sits under.' },
  territoryCode: { type: 'string', pattern: TERRITORY_CODE_PATTERN, description: 'Territory of the commission (region or district code; `KAZ` stands for the republic).' },
} as const;
const SCOPE_EXAMPLE = { commissionId: '5f1e2d3c-4b5a-4987-8a6b-5c4d3e2f1a0b', level: 'region', territoryCode: 'AST' } as const;

function commissionEvent<T extends CommissionScope>(definition: {
  verb: string;
  summary: string;
  description: string;
  required: readonly string[];
  properties: Record<string, unknown>;
  example: Omit<T, keyof CommissionScope>;
}) {
  return defineEvent<T>({
    type: `kz.seriktes.commission.${definition.verb}.v1`,
    topic: COMMISSION_TOPIC,
    producer: 'commission-tasks',
    summary: definition.summary,
    description: definition.description,
    keyDescription: 'The commission id (UUID).',
    personalData: [],
    // The properties are checked by defineEvent against the example and by the catalogue tests.
    schema: { type: 'object', additionalProperties: false, required: [...SCOPE_REQUIRED, ...definition.required], properties: { ...scopeProperties, ...definition.properties } } as never,
    example: { ...SCOPE_EXAMPLE, ...definition.example } as unknown as T,
  });
}

export interface CommissionMeetingScheduledV1 extends CommissionScope {
  meetingId: string;
  number: number;
  scheduledAt: string;
  agendaItemCount: number;
}

export const CommissionMeetingScheduled = commissionEvent<CommissionMeetingScheduledV1>({
  verb: 'meeting-scheduled',
  summary: 'A meeting of an interagency commission was scheduled.',
  description: 'Members and partners learn the date; the agenda itself is read through GraphQL.',
  required: ['meetingId', 'number', 'scheduledAt', 'agendaItemCount'],
  properties: {
    meetingId: { ...UUID, description: 'Id of the meeting.' },
    number: { type: 'integer', minimum: 1, description: 'Number of the meeting in the commission\'s year.' },
    scheduledAt: { ...TIME, description: 'When it starts.' },
    agendaItemCount: { type: 'integer', minimum: 0, description: 'Agenda items known when it was scheduled.' },
  },
  example: { meetingId: '6e5d4c3b-2a19-4087-b6a5-948372615040', number: 4, scheduledAt: '2026-12-18T15:00:00+05:00', agendaItemCount: 3 },
});

export interface CommissionMeetingHeldV1 extends CommissionScope {
  meetingId: string;
  heldAt: string;
  organisationsPresent: number;
  apologies: number;
  minutesDueOn: string;
}

export const CommissionMeetingHeld = commissionEvent<CommissionMeetingHeldV1>({
  verb: 'meeting-held',
  summary: 'A commission meeting took place; its minutes are due within 3 working days.',
  description: 'Counts of attendance only; who attended is in the minutes.',
  required: ['meetingId', 'heldAt', 'organisationsPresent', 'apologies', 'minutesDueOn'],
  properties: {
    meetingId: { ...UUID, description: 'Id of the meeting.' },
    heldAt: { ...TIME, description: 'When it was held.' },
    organisationsPresent: { type: 'integer', minimum: 0, description: 'Member organisations represented.' },
    apologies: { type: 'integer', minimum: 0, description: 'Member organisations that sent apologies.' },
    minutesDueOn: { ...DATE, description: 'Last day (Asia/Almaty) for the minutes: the 3rd working day after the meeting.' },
  },
  example: { meetingId: '6e5d4c3b-2a19-4087-b6a5-948372615040', heldAt: '2026-12-18T17:10:00+05:00', organisationsPresent: 7, apologies: 1, minutesDueOn: '2026-12-23' },
});

export interface CommissionMinutesPublishedV1 extends CommissionScope {
  meetingId: string;
  publishedAt: string;
  dueOn: string;
  late: boolean;
  decisionCount: number;
}

export const CommissionMinutesPublished = commissionEvent<CommissionMinutesPublishedV1>({
  verb: 'minutes-published',
  summary: 'The minutes of a commission meeting were published to its members.',
  description: '`late` tells whether they came out after the 3-working-day limit.',
  required: ['meetingId', 'publishedAt', 'dueOn', 'late', 'decisionCount'],
  properties: {
    meetingId: { ...UUID, description: 'Id of the meeting.' },
    publishedAt: { ...TIME, description: 'When they were published.' },
    dueOn: { ...DATE, description: 'The last day they were due.' },
    late: { type: 'boolean', description: 'Published after the due day.' },
    decisionCount: { type: 'integer', minimum: 0, description: 'Decisions recorded at the meeting.' },
  },
  example: { meetingId: '6e5d4c3b-2a19-4087-b6a5-948372615040', publishedAt: '2026-12-22T12:00:00+05:00', dueOn: '2026-12-23', late: false, decisionCount: 2 },
});

export interface CommissionDecisionRecordedV1 extends CommissionScope {
  decisionId: string;
  meetingId?: string | null;
  number: string;
  stage: DecisionStage;
  decisionTerritoryCode: string;
  recordedAt: string;
}

const STAGE = { type: 'string', enum: [...DECISION_STAGES], description: 'Stage of the six-stage decision cycle.' } as const;

export const CommissionDecisionRecorded = commissionEvent<CommissionDecisionRecordedV1>({
  verb: 'decision-recorded',
  summary: 'A commission recorded a decision (what was decided, why, on which evidence).',
  description: 'The text stays in commission-tasks and is read through GraphQL by those entitled; tasks under the decision follow as task events.',
  required: ['decisionId', 'number', 'stage', 'decisionTerritoryCode', 'recordedAt'],
  properties: {
    decisionId: { ...UUID, description: 'Id of the decision.' },
    meetingId: { ...UUID, nullable: true, description: 'The meeting that took it, if taken at one.' },
    number: { type: 'string', minLength: 1, maxLength: 64, description: 'Protocol number of the decision, e.g. AST-2026/4-2.' },
    stage: STAGE,
    decisionTerritoryCode: { type: 'string', pattern: TERRITORY_CODE_PATTERN, description: 'Territory the decision concerns.' },
    recordedAt: { ...TIME, description: 'When it was recorded.' },
  },
  example: { decisionId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', meetingId: '6e5d4c3b-2a19-4087-b6a5-948372615040', number: 'AST-2026/4-2', stage: 'decide', decisionTerritoryCode: 'AST-ESL', recordedAt: '2026-12-18T16:30:00+05:00' },
});

export interface CommissionDecisionStageChangedV1 extends CommissionScope {
  decisionId: string;
  from: DecisionStage;
  to: DecisionStage;
  changedAt: string;
}

export const CommissionDecisionStageChanged = commissionEvent<CommissionDecisionStageChangedV1>({
  verb: 'decision-stage-changed',
  summary: 'A decision moved to another stage of the six-stage cycle (diagnose, collect, weigh alternatives, decide, implement, evaluate).',
  description: 'Evaluation is reached only when every task under the decision is closed.',
  required: ['decisionId', 'from', 'to', 'changedAt'],
  properties: {
    decisionId: { ...UUID, description: 'Id of the decision.' },
    from: STAGE,
    to: STAGE,
    changedAt: { ...TIME, description: 'When it changed.' },
  },
  example: { decisionId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', from: 'decide', to: 'implement', changedAt: '2026-12-19T09:00:00+05:00' },
});

export interface RecommendationPackageSubmittedV1 extends CommissionScope {
  packageId: string;
  recommendationCount: number;
  submittedAt: string;
}

export const RecommendationPackageSubmitted = commissionEvent<RecommendationPackageSubmittedV1>({
  verb: 'recommendation-package-submitted',
  summary: 'An analytical group\'s package of recommendations was submitted to the akim (the Karaganda model).',
  description: 'The akim\'s answer follows as `recommendation-package-answered`.',
  required: ['packageId', 'recommendationCount', 'submittedAt'],
  properties: {
    packageId: { ...UUID, description: 'Id of the package.' },
    recommendationCount: { type: 'integer', minimum: 1, description: 'Recommendations in it.' },
    submittedAt: { ...TIME, description: 'When it was sent.' },
  },
  example: { packageId: '7d6c5b4a-3928-4716-a5b4-c3d2e1f0a9b8', recommendationCount: 5, submittedAt: '2026-11-30T10:00:00+05:00' },
});

export interface RecommendationPackageAnsweredV1 extends CommissionScope {
  packageId: string;
  accepted: number;
  rejected: number;
  answeredAt: string;
}

export const RecommendationPackageAnswered = commissionEvent<RecommendationPackageAnsweredV1>({
  verb: 'recommendation-package-answered',
  summary: 'The akim answered a recommendation package: which recommendations are accepted for the commission to decide on.',
  description: 'Counts only; the answer text is read through GraphQL.',
  required: ['packageId', 'accepted', 'rejected', 'answeredAt'],
  properties: {
    packageId: { ...UUID, description: 'Id of the package.' },
    accepted: { type: 'integer', minimum: 0, description: 'Recommendations accepted.' },
    rejected: { type: 'integer', minimum: 0, description: 'Recommendations not accepted.' },
    answeredAt: { ...TIME, description: 'When the answer was recorded.' },
  },
  example: { packageId: '7d6c5b4a-3928-4716-a5b4-c3d2e1f0a9b8', accepted: 4, rejected: 1, answeredAt: '2026-12-10T10:00:00+05:00' },
});

/** What an information-sharing agreement lets a partner see beyond ids, categories, territory codes, statuses, dates and counts. */
export type SharingScope = 'decisions' | 'task_details' | 'linked_requests' | 'sensitive_tasks';
export const SHARING_SCOPES: readonly SharingScope[] = ['decisions', 'task_details', 'linked_requests', 'sensitive_tasks'];

export interface SharingAgreementChangedV1 {
  agreementId: string;
  partnerOrgId: string;
  status: 'active' | 'revoked';
  scopes: SharingScope[];
  territoryCode: string;
  signedOn: string;
  reviewOn: string;
  changedAt: string;
}

export const SharingAgreementChanged = defineEvent<SharingAgreementChangedV1>({
  type: 'kz.seriktes.sharing-agreement.changed.v1',
  topic: SHARING_AGREEMENT_TOPIC,
  producer: 'commission-tasks',
  summary: 'An information-sharing agreement with a partner organisation was signed, renewed or revoked.',
  description:
    'The partner hub keeps the latest state per agreement and decides with it what each partner may receive. ' +
    'An agreement past its review date counts as lapsed for every consumer.',
  keyDescription: 'The partner organisation id.',
  personalData: [],
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['agreementId', 'partnerOrgId', 'status', 'scopes', 'territoryCode', 'signedOn', 'reviewOn', 'changedAt'],
    properties: {
      agreementId: { ...UUID, description: 'Id of the agreement.' },
      partnerOrgId: { ...ORG, description: 'The partner organisation.' },
      status: { type: 'string', enum: ['active', 'revoked'], description: 'In force, or revoked.' },
      scopes: { type: 'array', items: { type: 'string', enum: [...SHARING_SCOPES] }, uniqueItems: true, description: 'What the partner may see beyond the default.' },
      territoryCode: { type: 'string', pattern: TERRITORY_CODE_PATTERN, description: 'Territory the agreement covers.' },
      signedOn: { ...DATE, description: 'When it was signed.' },
      reviewOn: { ...DATE, description: 'When it must be reviewed; it lapses after that day unless renewed.' },
      changedAt: { ...TIME, description: 'When this state was recorded.' },
    },
  },
  example: {
    agreementId: '8e7d6c5b-4a39-4827-b6c5-d4e3f2a1b0c9',
    partnerOrgId: 'ast-akimat',
    status: 'active',
    scopes: ['decisions', 'task_details'],
    territoryCode: 'AST',
    signedOn: '2026-09-01',
    reviewOn: '2027-09-01',
    changedAt: '2026-09-01T12:00:00+05:00',
  },
});

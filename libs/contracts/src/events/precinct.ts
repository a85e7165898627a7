import { defineEvent } from '../registry';
import { topicName } from '../naming';
import { DISTRICT_CODE_PATTERN, PRECINCT_CODE_PATTERN, REGION_CODE_PATTERN } from '../territory';

/** Events of the inspector roster about a precinct: who serves it, and how residents take part. Keyed by precinct code. */
export const PRECINCT_TOPIC = topicName('inspector-roster', 'precinct', 1);

const UUID = { type: 'string', format: 'uuid' } as const;
const territory = {
  precinctCode: { type: 'string', pattern: PRECINCT_CODE_PATTERN, description: 'Administrative precinct code, e.g. AST-ESL-01.' },
  districtCode: { type: 'string', pattern: DISTRICT_CODE_PATTERN, description: 'District police body code, e.g. AST-ESL.' },
  regionCode: { type: 'string', pattern: REGION_CODE_PATTERN, description: 'Region (Police Department) code, e.g. AST.' },
} as const;

export type InspectorPosition = 'district_inspector' | 'senior_district_inspector' | 'juvenile_inspector' | 'assistant';
const POSITION = {
  type: 'string',
  enum: ['district_inspector', 'senior_district_inspector', 'juvenile_inspector', 'assistant'],
  description: 'Position held at the precinct.',
} as const;

export interface PrecinctAssignmentChangedV1 {
  assignmentId: string;
  change: 'assigned' | 'ended';
  precinctCode: string;
  districtCode: string;
  regionCode: string;
  inspectorId: string;
  position: InspectorPosition;
  validFrom: string;
  validTo?: string | null;
  reason?: string | null;
}

export const PrecinctAssignmentChanged = defineEvent<PrecinctAssignmentChangedV1>({
  type: 'kz.seriktes.precinct.assignment-changed.v1',
  topic: PRECINCT_TOPIC,
  producer: 'inspector-roster',
  summary: 'An inspector was assigned to a precinct, or an assignment ended.',
  description:
    'Emitted in the transaction that changes the assignment history of a precinct. A re-assignment is two ' +
    'events: `ended` for the previous holder and `assigned` for the new one, in that order, on the same key. ' +
    'Carries the inspector id only (names are looked up in the roster by those entitled to).',
  keyDescription: 'The precinct code.',
  personalData: ['inspectorId', 'reason'],
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['assignmentId', 'change', 'precinctCode', 'districtCode', 'regionCode', 'inspectorId', 'position', 'validFrom'],
    properties: {
      assignmentId: { ...UUID, description: 'Id of the assignment (one period of one inspector at one precinct).' },
      change: { type: 'string', enum: ['assigned', 'ended'], description: 'Whether the assignment began or ended.' },
      ...territory,
      inspectorId: { ...UUID, description: 'Id of the inspector in the roster.' },
      position: POSITION,
      validFrom: { type: 'string', format: 'date', description: 'First day of the assignment (local date).' },
      validTo: { type: 'string', format: 'date', nullable: true, description: 'Last day of the assignment, or null while it lasts.' },
      reason: { type: 'string', maxLength: 500, nullable: true, description: 'Why, e.g. "appointed after community meeting", "transfer".' },
    },
  },
  example: {
    assignmentId: '0d4f8a52-55d7-4b57-9a3e-1f2a0c9e7b11',
    change: 'assigned',
    precinctCode: 'AST-ESL-01',
    districtCode: 'AST-ESL',
    regionCode: 'AST',
    inspectorId: '7b0e1c0a-3c55-4f7e-8a43-2f0d7f2d9c01',
    position: 'district_inspector',
    validFrom: '2026-11-23',
    validTo: null,
    reason: 'appointed after community meeting',
  },
});

export interface PrecinctCandidateProposedV1 {
  candidacyId: string;
  precinctCode: string;
  districtCode: string;
  regionCode: string;
  inspectorId: string;
  position: InspectorPosition;
  discussionUntil: string;
}

export const PrecinctCandidateProposed = defineEvent<PrecinctCandidateProposedV1>({
  type: 'kz.seriktes.precinct.candidate-proposed.v1',
  topic: PRECINCT_TOPIC,
  producer: 'inspector-roster',
  summary: 'A candidate inspector for a precinct was put to public discussion with its residents.',
  description:
    'Law on Internal Affairs Bodies Art. 10(3)(2), 14(33): before a district inspector is appointed, the ' +
    'candidacy is discussed with the residents of the precinct at a community meeting organised with the ' +
    'district akimat. The akimat learns of the candidacy from this event.',
  keyDescription: 'The precinct code.',
  personalData: ['inspectorId'],
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['precinctCode', 'districtCode', 'regionCode', 'inspectorId', 'position', 'discussionUntil'],
    properties: {
      candidacyId: { ...UUID, description: 'Id of the candidacy.' },
      ...territory,
      inspectorId: { ...UUID, description: 'Id of the candidate in the roster.' },
      position: POSITION,
      discussionUntil: { type: 'string', format: 'date', description: 'Last day of the public discussion (local date).' },
    },
  },
  example: {
    candidacyId: '3e2b0c1d-8f5a-4d7e-9b6c-0a1f2e3d4c5b',
    precinctCode: 'AST-ESL-01',
    districtCode: 'AST-ESL',
    regionCode: 'AST',
    inspectorId: '7b0e1c0a-3c55-4f7e-8a43-2f0d7f2d9c01',
    position: 'district_inspector',
    discussionUntil: '2026-12-10',
  },
});

export type CommunityMeetingPurpose = 'candidate_discussion' | 'inspector_report';
const PURPOSE = {
  type: 'string',
  enum: ['candidate_discussion', 'inspector_report'],
  description: "Discussion of an inspector candidate, or the inspector's report to residents.",
} as const;

export interface CommunityMeetingScheduledV1 {
  meetingId: string;
  purpose: CommunityMeetingPurpose;
  precinctCode: string;
  districtCode: string;
  regionCode: string;
  candidacyId?: string | null;
  scheduledAt: string;
  place: string;
  organisedWith?: string | null;
}

export const CommunityMeetingScheduled = defineEvent<CommunityMeetingScheduledV1>({
  type: 'kz.seriktes.precinct.community-meeting-scheduled.v1',
  topic: PRECINCT_TOPIC,
  producer: 'inspector-roster',
  summary: 'A community meeting with the residents of a precinct was scheduled.',
  description:
    'Either the local community meeting on a candidate (organised with the district akimat) or a periodic ' +
    'report of the district inspector to residents. Partners use it to announce the meeting.',
  keyDescription: 'The precinct code.',
  personalData: [],
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['meetingId', 'purpose', 'precinctCode', 'districtCode', 'regionCode', 'scheduledAt', 'place'],
    properties: {
      meetingId: { ...UUID, description: 'Id of the meeting.' },
      purpose: PURPOSE,
      ...territory,
      candidacyId: { ...UUID, nullable: true, description: 'The candidacy discussed, for a candidate discussion.' },
      scheduledAt: { type: 'string', format: 'date-time', description: 'When the meeting starts.' },
      place: { type: 'string', minLength: 1, maxLength: 300, description: 'Where it is held (a public address).' },
      organisedWith: { type: 'string', maxLength: 64, nullable: true, description: 'Partner organisation id of the co-organiser, e.g. the district akimat.' },
    },
  },
  example: {
    meetingId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
    purpose: 'candidate_discussion',
    precinctCode: 'AST-ESL-01',
    districtCode: 'AST-ESL',
    regionCode: 'AST',
    candidacyId: '3e2b0c1d-8f5a-4d7e-9b6c-0a1f2e3d4c5b',
    scheduledAt: '2026-12-05T18:30:00+05:00',
    place: 'School No. 54 assembly hall, Kabanbai Batyr Ave 12',
    organisedWith: 'ast-esil-akimat',
  },
});

export interface CommunityMeetingHeldV1 {
  meetingId: string;
  purpose: CommunityMeetingPurpose;
  precinctCode: string;
  districtCode: string;
  regionCode: string;
  candidacyId?: string | null;
  heldAt: string;
  attendance: number;
  inFavour?: number | null;
  against?: number | null;
  abstained?: number | null;
}

export const CommunityMeetingHeld = defineEvent<CommunityMeetingHeldV1>({
  type: 'kz.seriktes.precinct.community-meeting-held.v1',
  topic: PRECINCT_TOPIC,
  producer: 'inspector-roster',
  summary: 'A community meeting took place and its attendance and the residents\' opinion were recorded.',
  description: 'Counts only: the minutes stay in the roster. For a candidate discussion the opinion counts are present; for a report they may be null.',
  keyDescription: 'The precinct code.',
  personalData: [],
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['meetingId', 'purpose', 'precinctCode', 'districtCode', 'regionCode', 'heldAt', 'attendance'],
    properties: {
      meetingId: { ...UUID, description: 'Id of the meeting.' },
      purpose: PURPOSE,
      ...territory,
      candidacyId: { ...UUID, nullable: true, description: 'The candidacy discussed, for a candidate discussion.' },
      heldAt: { type: 'string', format: 'date-time', description: 'When it was held.' },
      attendance: { type: 'integer', minimum: 0, description: 'Residents present.' },
      inFavour: { type: 'integer', minimum: 0, nullable: true, description: 'Residents who supported the candidate.' },
      against: { type: 'integer', minimum: 0, nullable: true, description: 'Residents who opposed the candidate.' },
      abstained: { type: 'integer', minimum: 0, nullable: true, description: 'Residents who expressed no opinion.' },
    },
  },
  example: {
    meetingId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
    purpose: 'candidate_discussion',
    precinctCode: 'AST-ESL-01',
    districtCode: 'AST-ESL',
    regionCode: 'AST',
    candidacyId: '3e2b0c1d-8f5a-4d7e-9b6c-0a1f2e3d4c5b',
    heldAt: '2026-12-05T18:30:00+05:00',
    attendance: 64,
    inFavour: 51,
    against: 6,
    abstained: 7,
  },
});

export interface PrecinctCandidateDecidedV1 {
  candidacyId: string;
  precinctCode: string;
  districtCode: string;
  regionCode: string;
  inspectorId: string;
  decision: 'appointed' | 'not_appointed' | 'withdrawn';
  decidedAt: string;
}

export const PrecinctCandidateDecided = defineEvent<PrecinctCandidateDecidedV1>({
  type: 'kz.seriktes.precinct.candidate-decided.v1',
  topic: PRECINCT_TOPIC,
  producer: 'inspector-roster',
  summary: 'The candidacy of an inspector for a precinct was decided.',
  description: 'An appointment is also an `assignment-changed` event in the same transaction.',
  keyDescription: 'The precinct code.',
  personalData: ['inspectorId'],
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['precinctCode', 'districtCode', 'regionCode', 'inspectorId', 'decision', 'decidedAt'],
    properties: {
      candidacyId: { ...UUID, description: 'Id of the candidacy.' },
      ...territory,
      inspectorId: { ...UUID, description: 'Id of the candidate in the roster.' },
      decision: { type: 'string', enum: ['appointed', 'not_appointed', 'withdrawn'], description: 'Outcome of the candidacy.' },
      decidedAt: { type: 'string', format: 'date-time', description: 'When it was decided.' },
    },
  },
  example: {
    candidacyId: '3e2b0c1d-8f5a-4d7e-9b6c-0a1f2e3d4c5b',
    precinctCode: 'AST-ESL-01',
    districtCode: 'AST-ESL',
    regionCode: 'AST',
    inspectorId: '7b0e1c0a-3c55-4f7e-8a43-2f0d7f2d9c01',
    decision: 'appointed',
    decidedAt: '2026-12-08T10:00:00+05:00',
  },
});

export interface CommunityMeetingCancelledV1 {
  meetingId: string;
  purpose: CommunityMeetingPurpose;
  precinctCode: string;
  districtCode: string;
  regionCode: string;
  cancelledAt: string;
  reason: string;
}

export const CommunityMeetingCancelled = defineEvent<CommunityMeetingCancelledV1>({
  type: 'kz.seriktes.precinct.community-meeting-cancelled.v1',
  topic: PRECINCT_TOPIC,
  producer: 'inspector-roster',
  summary: 'A scheduled community meeting was called off.',
  description: 'Partners who announced the meeting (from community-meeting-scheduled) withdraw the announcement.',
  keyDescription: 'The precinct code.',
  personalData: ['reason'],
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['meetingId', 'purpose', 'precinctCode', 'districtCode', 'regionCode', 'cancelledAt', 'reason'],
    properties: {
      meetingId: { ...UUID, description: 'Id of the meeting.' },
      purpose: PURPOSE,
      ...territory,
      cancelledAt: { type: 'string', format: 'date-time', description: 'When it was called off.' },
      reason: { type: 'string', minLength: 1, maxLength: 500, description: 'Why, in words fit for the public (e.g. "moved: the hall is unavailable").' },
    },
  },
  example: {
    meetingId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
    purpose: 'inspector_report',
    precinctCode: 'AST-ESL-01',
    districtCode: 'AST-ESL',
    regionCode: 'AST',
    cancelledAt: '2026-12-04T09:00:00+05:00',
    reason: 'moved: the hall is unavailable',
  },
});

import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { InspectorPositionEnum } from '../inspectors/graphql.types';
import type { CandidacyRow, MeetingRow } from './accountability.service';
import { DISCUSSION_MAX_DAYS, DISCUSSION_MIN_DAYS, MINUTES_MAX, OPINION_SUMMARY_MAX, PLACE_MAX, REASON_MAX } from './rules';

export enum CommunityMeetingPurposeEnum {
  candidate_discussion = 'candidate_discussion',
  inspector_report = 'inspector_report',
}
registerEnumType(CommunityMeetingPurposeEnum, {
  name: 'CommunityMeetingPurpose',
  description: 'Why residents of a precinct meet.',
  valuesMap: {
    candidate_discussion: { description: 'Public discussion of a candidate inspector, held by the police with the district akimat (Law on IAB Art. 10(3)(2), 14(33)).' },
    inspector_report: { description: "The inspector's periodic report to residents on their work." },
  },
});

export enum CommunityMeetingStatusEnum {
  scheduled = 'scheduled',
  held = 'held',
  cancelled = 'cancelled',
}
registerEnumType(CommunityMeetingStatusEnum, {
  name: 'CommunityMeetingStatus',
  description: 'Where a community meeting stands.',
  valuesMap: {
    scheduled: { description: 'Announced, not yet held.' },
    held: { description: 'Held; attendance and opinion recorded.' },
    cancelled: { description: 'Called off.' },
  },
});

export enum CandidacyStatusEnum {
  discussion = 'discussion',
  appointed = 'appointed',
  not_appointed = 'not_appointed',
  withdrawn = 'withdrawn',
}
registerEnumType(CandidacyStatusEnum, {
  name: 'CandidacyStatus',
  description: 'Where a candidacy stands.',
  valuesMap: {
    discussion: { description: 'Under public discussion with the residents (open).' },
    appointed: { description: 'The candidate was appointed to the precinct.' },
    not_appointed: { description: 'The candidate was not appointed.' },
    withdrawn: { description: 'The candidacy was withdrawn.' },
  },
});

export enum CandidacyDecisionEnum {
  appointed = 'appointed',
  not_appointed = 'not_appointed',
  withdrawn = 'withdrawn',
}
registerEnumType(CandidacyDecisionEnum, {
  name: 'CandidacyDecision',
  description: 'Outcome of a candidacy.',
  valuesMap: {
    appointed: { description: 'Appoint the candidate (only after a held candidate discussion); assigns them to the precinct.' },
    not_appointed: { description: 'Do not appoint (a reason is required).' },
    withdrawn: { description: 'Withdraw the candidacy (a reason is required).' },
  },
});

@ObjectType('Candidacy', { description: 'A candidate inspector for a precinct, put to public discussion with its residents before appointment (public information).' })
export class CandidacyNode {
  @Field(() => ID, { description: 'Candidacy id.' })
  id!: string;

  @Field({ description: 'Precinct code, e.g. AST-ESL-01.' })
  precinctCode!: string;

  @Field(() => ID, { description: 'Roster id of the candidate.' })
  inspectorId!: string;

  @Field(() => InspectorPositionEnum, { description: 'Post the candidate would hold at the precinct.' })
  position!: InspectorPositionEnum;

  @Field(() => CandidacyStatusEnum, { description: 'Under discussion, or how it was decided.' })
  status!: CandidacyStatusEnum;

  @Field({ description: 'Last day of the public discussion (local date).' })
  discussionUntil!: string;

  @Field({ description: 'When the candidate was proposed (ISO 8601).' })
  proposedAt!: string;

  @Field(() => String, { nullable: true, description: 'When it was decided (ISO 8601); null while under discussion.' })
  decidedAt!: string | null;

  @Field(() => String, { nullable: true, description: 'Reason given with the decision, if any.' })
  decisionReason!: string | null;
}

@ObjectType('CommunityMeeting', { description: 'A meeting of the police with the residents of a precinct: a candidate discussion or an inspector\'s report (public information, except the minutes).' })
export class CommunityMeetingNode {
  @Field(() => ID, { description: 'Meeting id.' })
  id!: string;

  @Field({ description: 'Precinct code, e.g. AST-ESL-01.' })
  precinctCode!: string;

  @Field(() => CommunityMeetingPurposeEnum, { description: 'Candidate discussion or inspector report.' })
  purpose!: CommunityMeetingPurposeEnum;

  @Field(() => CommunityMeetingStatusEnum, { description: 'Scheduled, held or cancelled.' })
  status!: CommunityMeetingStatusEnum;

  @Field(() => ID, { nullable: true, description: 'The candidacy discussed, for a candidate discussion.' })
  candidacyId!: string | null;

  @Field(() => ID, { nullable: true, description: 'Roster id of the candidate discussed, or of the reporting inspector.' })
  inspectorId!: string | null;

  @Field({ description: 'When it is (was) announced to start (ISO 8601).' })
  scheduledAt!: string;

  @Field({ description: 'Where it is held (a public address).' })
  place!: string;

  @Field(() => String, { nullable: true, description: 'Partner organisation id of the co-organiser, e.g. the district akimat.' })
  organisedWith!: string | null;

  @Field(() => String, { nullable: true, description: 'When it was held (ISO 8601); null unless held.' })
  heldAt!: string | null;

  @Field(() => Int, { nullable: true, description: 'Residents present; null unless held.' })
  attendance!: number | null;

  @Field(() => Int, { nullable: true, description: 'Residents who supported the candidate.' })
  inFavour!: number | null;

  @Field(() => Int, { nullable: true, description: 'Residents who opposed the candidate.' })
  against!: number | null;

  @Field(() => Int, { nullable: true, description: 'Residents who expressed no opinion.' })
  abstained!: number | null;

  @Field(() => String, { nullable: true, description: "Summary of the residents' opinion and questions raised." })
  opinionSummary!: string | null;
}

@InputType('ProposeCandidateInput', { description: 'Put a candidate inspector for a precinct to public discussion with its residents.' })
export class ProposeCandidateInput {
  @Field({ description: 'Precinct code, e.g. AST-ESL-01.' })
  precinctCode!: string;

  @Field(() => ID, { description: 'Roster id of the candidate (serving in the precinct\'s region).' })
  inspectorId!: string;

  @Field(() => InspectorPositionEnum, { nullable: true, description: "Post at the precinct: district_inspector or senior_district_inspector; the candidate's own position by default." })
  position?: InspectorPositionEnum | null;

  @Field({ description: `Last day of the public discussion (YYYY-MM-DD), ${DISCUSSION_MIN_DAYS} to ${DISCUSSION_MAX_DAYS} days from today.` })
  discussionUntil!: string;
}

@InputType('ScheduleCommunityMeetingInput', { description: 'Schedule a meeting with the residents of a precinct.' })
export class ScheduleCommunityMeetingInput {
  @Field({ description: 'Precinct code, e.g. AST-ESL-01.' })
  precinctCode!: string;

  @Field(() => CommunityMeetingPurposeEnum, { description: 'Candidate discussion or inspector report.' })
  purpose!: CommunityMeetingPurposeEnum;

  @Field(() => ID, { nullable: true, description: 'The candidacy under discussion (required for a candidate discussion, not allowed otherwise).' })
  candidacyId?: string | null;

  @Field(() => ID, { nullable: true, description: 'For a report: an officer serving the precinct today (its current holder by default). For a discussion: the candidate, or left out.' })
  inspectorId?: string | null;

  @Field({ description: 'Start (ISO 8601 date-time with time zone), in the future; a candidate discussion before its discussion ends.' })
  scheduledAt!: string;

  @Field({ description: `Where it is held, a public address (1 to ${PLACE_MAX} characters).` })
  place!: string;

  @Field(() => String, { nullable: true, description: 'Partner organisation id of the co-organiser (the district akimat), e.g. ast-esil-akimat; required for a candidate discussion.' })
  organisedWith?: string | null;
}

@InputType('RecordCommunityMeetingInput', { description: 'Record that a scheduled meeting was held.' })
export class RecordCommunityMeetingInput {
  @Field(() => ID, { description: 'The scheduled meeting.' })
  meetingId!: string;

  @Field({ description: 'When it was held (ISO 8601 date-time with time zone), not in the future.' })
  heldAt!: string;

  @Field(() => Int, { description: 'Residents present.' })
  attendance!: number;

  @Field(() => Int, { nullable: true, description: 'Residents who supported the candidate (required for a candidate discussion).' })
  inFavour?: number | null;

  @Field(() => Int, { nullable: true, description: 'Residents who opposed the candidate (required for a candidate discussion).' })
  against?: number | null;

  @Field(() => Int, { nullable: true, description: 'Residents who expressed no opinion (required for a candidate discussion); the three counts add up to at most the attendance.' })
  abstained?: number | null;

  @Field(() => String, { nullable: true, description: `Summary of the residents' opinion (public, at most ${OPINION_SUMMARY_MAX} characters).` })
  opinionSummary?: string | null;

  @Field(() => String, { nullable: true, description: `Minutes (police management only, at most ${MINUTES_MAX} characters).` })
  minutes?: string | null;
}

@InputType('DecideCandidacyInput', { description: 'Decide a candidacy under discussion.' })
export class DecideCandidacyInput {
  @Field(() => ID, { description: 'The candidacy.' })
  candidacyId!: string;

  @Field(() => CandidacyDecisionEnum, { description: 'Appointed, not appointed or withdrawn.' })
  decision!: CandidacyDecisionEnum;

  @Field(() => String, { nullable: true, description: 'For an appointment: first day at the precinct (YYYY-MM-DD), today by default, not before the community meeting.' })
  validFrom?: string | null;

  @Field(() => String, { nullable: true, description: `Reason (at most ${REASON_MAX} characters); required unless appointing in line with the residents' opinion.` })
  reason?: string | null;
}

export const toCandidacyNode = (c: CandidacyRow): CandidacyNode => ({
  id: c.id,
  precinctCode: c.precinctCode,
  inspectorId: c.inspectorId,
  position: c.position as InspectorPositionEnum,
  status: c.status as CandidacyStatusEnum,
  discussionUntil: c.discussionUntil,
  proposedAt: c.proposedAt.toISOString(),
  decidedAt: c.decidedAt?.toISOString() ?? null,
  decisionReason: c.decisionReason,
});

export const toMeetingNode = (m: MeetingRow): CommunityMeetingNode => ({
  id: m.id,
  precinctCode: m.precinctCode,
  purpose: m.purpose as CommunityMeetingPurposeEnum,
  status: m.status as CommunityMeetingStatusEnum,
  candidacyId: m.candidacyId,
  inspectorId: m.inspectorId,
  scheduledAt: m.scheduledAt.toISOString(),
  place: m.place,
  organisedWith: m.organisedWith,
  heldAt: m.heldAt?.toISOString() ?? null,
  attendance: m.attendance,
  inFavour: m.inFavour,
  against: m.against,
  abstained: m.abstained,
  opinionSummary: m.opinionSummary,
});

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditLog } from '@seriktes/audit';
import { coversPrecinct, describeJurisdiction, forbidden, Role, type AuthenticatedUser } from '@seriktes/auth';
import { CommunityMeetingCancelled, CommunityMeetingHeld, CommunityMeetingScheduled, parsePrecinctCode, PrecinctCandidateDecided, PrecinctCandidateProposed, type InspectorPosition } from '@seriktes/contracts';
import { badUserInput, clientError } from '@seriktes/graphql';
import { EventPublisher } from '@seriktes/messaging';
import { localDateOf } from '../duty/rules/time';
import { actorOf, AssignmentService } from '../inspectors/assignment.service';
import { assignmentsOn, HOLDER_POSITIONS, inspectorsById, isUuid } from '../inspectors/inspector.repository';
import { TerritoryService, type DistrictRow } from '../territory/territory.service';
import {
  checkCancellation,
  checkDecision,
  checkDiscussionMeeting,
  checkMeetingRecord,
  checkMeetingSchedule,
  checkProposal,
  nextReportDue,
  parseInstant,
  reportOverdue,
  type CandidacyDecision,
  type CandidacyStatus,
  type FieldError,
  type MeetingPurpose,
  type MeetingRecordInput,
  type MeetingScheduleInput,
  type MeetingStatus,
} from './rules';

export interface CandidacyRow {
  id: string;
  precinctCode: string;
  inspectorId: string;
  position: InspectorPosition;
  status: CandidacyStatus;
  discussionUntil: string;
  proposedAt: Date;
  decidedAt: Date | null;
  decisionReason: string | null;
}

export interface MeetingRow {
  id: string;
  precinctCode: string;
  purpose: MeetingPurpose;
  candidacyId: string | null;
  inspectorId: string | null;
  scheduledAt: Date;
  place: string;
  organisedWith: string | null;
  status: MeetingStatus;
  heldAt: Date | null;
  attendance: number | null;
  inFavour: number | null;
  against: number | null;
  abstained: number | null;
  opinionSummary: string | null;
}

export interface ReportSchedule {
  inspectorId: string;
  assignedFrom: string;
  lastReport: string | null;
  intervalMonths: number;
  due: string;
  overdue: boolean;
}

interface PrecinctRecord {
  code: string;
  district_code: string;
  region_code: string;
}

const CANDIDACY_COLUMNS = `c.id, c.precinct_code, c.inspector_id, c.position, c.status, to_char(c.discussion_until, 'YYYY-MM-DD') AS discussion_until,
  c.proposed_at, c.decided_at, c.decision_reason`;
const MEETING_COLUMNS = `m.id, m.precinct_code, m.purpose, m.candidacy_id, m.inspector_id, m.scheduled_at, m.place, m.organised_with, m.status,
  m.held_at, m.attendance, m.in_favour, m.against, m.abstained, m.opinion_summary`;

const toCandidacy = (r: Record<string, unknown>): CandidacyRow => ({
  id: r.id as string,
  precinctCode: r.precinct_code as string,
  inspectorId: r.inspector_id as string,
  position: r.position as InspectorPosition,
  status: r.status as CandidacyStatus,
  discussionUntil: r.discussion_until as string,
  proposedAt: r.proposed_at as Date,
  decidedAt: (r.decided_at as Date | null) ?? null,
  decisionReason: (r.decision_reason as string | null) ?? null,
});

const toMeeting = (r: Record<string, unknown>): MeetingRow => ({
  id: r.id as string,
  precinctCode: r.precinct_code as string,
  purpose: r.purpose as MeetingPurpose,
  candidacyId: (r.candidacy_id as string | null) ?? null,
  inspectorId: (r.inspector_id as string | null) ?? null,
  scheduledAt: r.scheduled_at as Date,
  place: r.place as string,
  organisedWith: (r.organised_with as string | null) ?? null,
  status: r.status as MeetingStatus,
  heldAt: (r.held_at as Date | null) ?? null,
  attendance: (r.attendance as number | null) ?? null,
  inFavour: (r.in_favour as number | null) ?? null,
  against: (r.against as number | null) ?? null,
  abstained: (r.abstained as number | null) ?? null,
  opinionSummary: (r.opinion_summary as string | null) ?? null,
});

const fail = (errors: FieldError[]) => {
  if (errors.length) throw badUserInput(errors);
};
const territoryOf = (p: PrecinctRecord) => ({ precinctCode: p.code, districtCode: p.district_code, regionCode: p.region_code });

/**
 * Appointment of district inspectors after public discussion with the precinct's residents, and
 * the inspectors' reports to them (Law on IAB Art. 10(3)(2), 14(33)). The rules are the plain
 * functions of ./rules; this service keeps the records, and every change writes its event(s) to the
 * outbox and an audit entry in the same transaction. Changes of one precinct are serialised by a
 * lock on its row (the one open candidacy per precinct is checked under it).
 */
@Injectable()
export class AccountabilityService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly assignments: AssignmentService,
    private readonly events: EventPublisher,
    private readonly audit: AuditLog,
    private readonly territory: TerritoryService,
  ) {}

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  private async lockPrecinct(em: EntityManager, code: string): Promise<PrecinctRecord> {
    const [precinct] = (await em.query(`SELECT code, district_code, region_code FROM inspector_roster.precinct WHERE code = $1 FOR UPDATE`, [code])) as PrecinctRecord[];
    if (!precinct) throw badUserInput([{ field: 'precinctCode', message: `no precinct ${code}` }]);
    return precinct;
  }

  private async candidacyFor(em: EntityManager, id: string, lock: boolean): Promise<CandidacyRow | undefined> {
    const rows = (await em.query(`SELECT ${CANDIDACY_COLUMNS} FROM inspector_roster.candidacy c WHERE c.id = $1${lock ? ' FOR UPDATE' : ''}`, [id])) as Array<Record<string, unknown>>;
    return rows.map(toCandidacy)[0];
  }

  private async meetingFor(em: EntityManager, id: string, lock: boolean): Promise<MeetingRow | undefined> {
    const rows = (await em.query(`SELECT ${MEETING_COLUMNS} FROM inspector_roster.community_meeting m WHERE m.id = $1${lock ? ' FOR UPDATE' : ''}`, [id])) as Array<Record<string, unknown>>;
    return rows.map(toMeeting)[0];
  }

  /** Puts a candidate inspector for a precinct to public discussion until `discussionUntil`. */
  async proposeCandidate(input: { precinctCode: string; inspectorId: string; position?: InspectorPosition | null; discussionUntil: string }, user: AuthenticatedUser): Promise<CandidacyRow> {
    const today = localDateOf(new Date());
    const errors: FieldError[] = [];
    if (!parsePrecinctCode(input.precinctCode)) errors.push({ field: 'precinctCode', message: 'must be a precinct code like AST-ESL-01' });
    if (!isUuid(input.inspectorId)) errors.push({ field: 'inspectorId', message: 'must be an inspector id (UUID)' });
    fail([...errors, ...checkProposal(input, today)]);
    await this.assignments.authorise(user, input.precinctCode, 'propose-candidate');
    return this.dataSource.transaction(async (em) => {
      const precinct = await this.lockPrecinct(em, input.precinctCode);
      const [inspector] = await inspectorsById(em, [input.inspectorId]);
      if (!inspector) throw badUserInput([{ field: 'inspectorId', message: `no inspector ${input.inspectorId}` }]);
      if (inspector.unitCode.slice(0, 3) !== precinct.region_code) {
        throw badUserInput([{ field: 'inspectorId', message: `inspector serves ${inspector.unitCode}; transfer them to region ${precinct.region_code} first` }]);
      }
      const position = input.position ?? inspector.position;
      fail(checkProposal({ discussionUntil: input.discussionUntil, position }, today));
      const open = (await em.query(`SELECT id FROM inspector_roster.candidacy WHERE precinct_code = $1 AND status = 'discussion'`, [precinct.code])) as Array<{ id: string }>;
      if (open.length) throw clientError('CONFLICT', `precinct ${precinct.code} already has a candidacy under discussion (${open[0].id}); decide it first`);
      const holders = (await assignmentsOn(em, [precinct.code], today)).filter((a) => HOLDER_POSITIONS.includes(a.position));
      if (holders.some((a) => a.inspectorId === inspector.id)) throw clientError('CONFLICT', `inspector ${inspector.id} already holds the inspector post of ${precinct.code}`);
      const [row] = (await em.query(
        `INSERT INTO inspector_roster.candidacy AS c (precinct_code, inspector_id, position, discussion_until, proposed_by)
         VALUES ($1, $2, $3, $4, $5) RETURNING ${CANDIDACY_COLUMNS}`,
        [precinct.code, inspector.id, position, input.discussionUntil, user.username],
      )) as Array<Record<string, unknown>>;
      const candidacy = toCandidacy(row);
      await this.audit.record(
        { actor: actorOf(user), action: 'create', entity: 'candidacy', entityId: candidacy.id, purpose: 'propose-candidate', details: { precinctCode: precinct.code, inspectorId: inspector.id, position, discussionUntil: candidacy.discussionUntil } },
        em,
      );
      await this.events.publish(
        em,
        PrecinctCandidateProposed,
        { candidacyId: candidacy.id, ...territoryOf(precinct), inspectorId: inspector.id, position, discussionUntil: candidacy.discussionUntil },
        { subject: precinct.code },
      );
      return candidacy;
    });
  }

  /**
   * Schedules a community meeting: the discussion of an open candidacy (before its discussion
   * ends, with the district akimat), or a report of an inspector serving the precinct (its current
   * holder when `inspectorId` is absent).
   */
  async scheduleMeeting(input: MeetingScheduleInput & { precinctCode: string }, user: AuthenticatedUser): Promise<MeetingRow> {
    const now = new Date();
    const errors: FieldError[] = [];
    if (!parsePrecinctCode(input.precinctCode)) errors.push({ field: 'precinctCode', message: 'must be a precinct code like AST-ESL-01' });
    if (input.candidacyId && !isUuid(input.candidacyId)) errors.push({ field: 'candidacyId', message: 'must be a candidacy id (UUID)' });
    if (input.inspectorId && !isUuid(input.inspectorId)) errors.push({ field: 'inspectorId', message: 'must be an inspector id (UUID)' });
    fail([...errors, ...checkMeetingSchedule(input, now)]);
    await this.assignments.authorise(user, input.precinctCode, 'schedule-community-meeting');
    const scheduledAt = parseInstant(input.scheduledAt) as Date;
    return this.dataSource.transaction(async (em) => {
      const precinct = await this.lockPrecinct(em, input.precinctCode);
      let inspectorId: string;
      if (input.purpose === 'candidate_discussion') {
        const candidacy = await this.candidacyFor(em, input.candidacyId as string, false);
        if (!candidacy || candidacy.precinctCode !== precinct.code) throw badUserInput([{ field: 'candidacyId', message: `no candidacy ${input.candidacyId} for ${precinct.code}` }]);
        fail(checkDiscussionMeeting(scheduledAt, candidacy));
        if (input.inspectorId && input.inspectorId !== candidacy.inspectorId) throw badUserInput([{ field: 'inspectorId', message: 'must be the candidate of the candidacy, or be left out' }]);
        if (scheduledAt.getTime() < candidacy.proposedAt.getTime()) throw badUserInput([{ field: 'scheduledAt', message: 'must be after the candidate was proposed' }]);
        inspectorId = candidacy.inspectorId;
      } else {
        const current = await assignmentsOn(em, [precinct.code], localDateOf(now));
        if (input.inspectorId) {
          if (!current.some((a) => a.inspectorId === input.inspectorId)) throw badUserInput([{ field: 'inspectorId', message: `the inspector does not serve ${precinct.code} today` }]);
          inspectorId = input.inspectorId;
        } else {
          const holder = current.find((a) => HOLDER_POSITIONS.includes(a.position));
          if (!holder) throw badUserInput([{ field: 'inspectorId', message: `${precinct.code} has no inspector today; name the reporting officer` }]);
          inspectorId = holder.inspectorId;
        }
      }
      const place = input.place.trim();
      const [row] = (await em.query(
        `INSERT INTO inspector_roster.community_meeting AS m (precinct_code, purpose, candidacy_id, inspector_id, scheduled_at, place, organised_with, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${MEETING_COLUMNS}`,
        [precinct.code, input.purpose, input.candidacyId ?? null, inspectorId, scheduledAt, place, input.organisedWith ?? null, user.username],
      )) as Array<Record<string, unknown>>;
      const meeting = toMeeting(row);
      await this.audit.record(
        { actor: actorOf(user), action: 'create', entity: 'community_meeting', entityId: meeting.id, purpose: 'schedule-community-meeting', details: { precinctCode: precinct.code, purpose: meeting.purpose, candidacyId: meeting.candidacyId, inspectorId } },
        em,
      );
      await this.events.publish(
        em,
        CommunityMeetingScheduled,
        {
          meetingId: meeting.id,
          purpose: meeting.purpose,
          ...territoryOf(precinct),
          candidacyId: meeting.candidacyId,
          scheduledAt: meeting.scheduledAt.toISOString(),
          place: meeting.place,
          organisedWith: meeting.organisedWith,
        },
        { subject: precinct.code },
      );
      return meeting;
    });
  }

  /** Loads a meeting under lock and checks the caller manages its precinct. */
  private async managedMeeting(em: EntityManager, meetingId: string, user: AuthenticatedUser, purpose: string): Promise<{ meeting: MeetingRow; precinct: PrecinctRecord }> {
    if (!isUuid(meetingId)) throw badUserInput([{ field: 'meetingId', message: 'must be a meeting id (UUID)' }]);
    const found = await this.meetingFor(em, meetingId, false);
    if (!found) throw clientError('NOT_FOUND', `no community meeting ${meetingId}`);
    await this.assignments.authorise(user, found.precinctCode, purpose);
    const precinct = await this.lockPrecinct(em, found.precinctCode);
    const meeting = (await this.meetingFor(em, meetingId, true)) as MeetingRow;
    if (meeting.status !== 'scheduled') throw clientError('CONFLICT', `community meeting ${meetingId} is ${meeting.status}; only a scheduled meeting can be recorded or cancelled`);
    return { meeting, precinct };
  }

  /** Records that a scheduled meeting took place: attendance and the residents' opinion. */
  async recordMeeting(input: MeetingRecordInput & { meetingId: string }, user: AuthenticatedUser): Promise<MeetingRow> {
    const now = new Date();
    return this.dataSource.transaction(async (em) => {
      const { meeting, precinct } = await this.managedMeeting(em, input.meetingId, user, 'record-community-meeting');
      let proposedAt: Date | undefined;
      if (meeting.candidacyId) {
        const candidacy = (await this.candidacyFor(em, meeting.candidacyId, true)) as CandidacyRow;
        if (candidacy.status !== 'discussion') throw clientError('CONFLICT', `the candidacy ${candidacy.id} was already decided (${candidacy.status})`);
        proposedAt = candidacy.proposedAt;
      }
      fail(checkMeetingRecord(input, meeting.purpose, now, proposedAt));
      const heldAt = parseInstant(input.heldAt) as Date;
      // An UPDATE answers [rows, count].
      const [[row]] = (await em.query(
        `UPDATE inspector_roster.community_meeting AS m
            SET status = 'held', held_at = $2, attendance = $3, in_favour = $4, against = $5, abstained = $6, opinion_summary = $7, minutes = $8, recorded_by = $9
          WHERE m.id = $1 RETURNING ${MEETING_COLUMNS}`,
        [meeting.id, heldAt, input.attendance, input.inFavour ?? null, input.against ?? null, input.abstained ?? null, input.opinionSummary?.trim() || null, input.minutes || null, user.username],
      )) as [Array<Record<string, unknown>>, number];
      const held = toMeeting(row);
      await this.audit.record(
        { actor: actorOf(user), action: 'update', entity: 'community_meeting', entityId: held.id, purpose: 'record-community-meeting', details: { attendance: held.attendance, inFavour: held.inFavour, against: held.against, abstained: held.abstained } },
        em,
      );
      await this.events.publish(
        em,
        CommunityMeetingHeld,
        {
          meetingId: held.id,
          purpose: held.purpose,
          ...territoryOf(precinct),
          candidacyId: held.candidacyId,
          heldAt: heldAt.toISOString(),
          attendance: held.attendance as number,
          inFavour: held.inFavour,
          against: held.against,
          abstained: held.abstained,
        },
        { subject: precinct.code },
      );
      return held;
    });
  }

  /** Sets the district's interval between inspectors' reports to residents (1 to 24 months). */
  async setReportInterval(districtCode: string, months: number, user: AuthenticatedUser): Promise<DistrictRow> {
    if (!Number.isInteger(months) || months < 1 || months > 24) throw badUserInput([{ field: 'months', message: 'must be a whole number of months from 1 to 24' }]);
    await this.assignments.authorise(user, districtCode, 'set-report-interval');
    await this.dataSource.transaction(async (em) => {
      const [, updated] = (await em.query(`UPDATE inspector_roster.district SET report_interval_months = $2 WHERE code = $1`, [districtCode, months])) as [unknown[], number];
      if (!updated) throw badUserInput([{ field: 'districtCode', message: `no district ${districtCode}` }]);
      await this.audit.record({ actor: actorOf(user), action: 'update', entity: 'district', entityId: districtCode, purpose: 'set-report-interval', details: { months } }, em);
    });
    return this.territory.districtOf(districtCode);
  }

  /** Cancels a scheduled meeting, with a public reason; partners learn it from community-meeting-cancelled. */
  async cancelMeeting(meetingId: string, reason: string, user: AuthenticatedUser): Promise<MeetingRow> {
    fail(checkCancellation(reason));
    return this.dataSource.transaction(async (em) => {
      const { meeting, precinct } = await this.managedMeeting(em, meetingId, user, 'cancel-community-meeting');
      const cancelledAt = new Date();
      await em.query(`UPDATE inspector_roster.community_meeting SET status = 'cancelled', cancelled_at = $2, cancelled_by = $3, cancel_reason = $4 WHERE id = $1`, [
        meeting.id,
        cancelledAt,
        user.username,
        reason.trim(),
      ]);
      await this.audit.record({ actor: actorOf(user), action: 'update', entity: 'community_meeting', entityId: meeting.id, purpose: 'cancel-community-meeting', details: { reason: reason.trim() } }, em);
      await this.events.publish(
        em,
        CommunityMeetingCancelled,
        { meetingId: meeting.id, purpose: meeting.purpose, ...territoryOf(precinct), cancelledAt: cancelledAt.toISOString(), reason: reason.trim() },
        { subject: precinct.code, time: cancelledAt },
      );
      return { ...meeting, status: 'cancelled' };
    });
  }

  /**
   * Decides a candidacy under discussion. `appointed` needs a held candidate discussion and assigns
   * the candidate to the precinct in the same transaction (candidate-decided, then the
   * assignment-changed events: `ended` for the previous holder, `assigned` for the candidate).
   */
  async decide(input: { candidacyId: string; decision: CandidacyDecision; validFrom?: string | null; reason?: string | null }, user: AuthenticatedUser): Promise<CandidacyRow> {
    if (!isUuid(input.candidacyId)) throw badUserInput([{ field: 'candidacyId', message: 'must be a candidacy id (UUID)' }]);
    return this.dataSource.transaction(async (em) => {
      const found = await this.candidacyFor(em, input.candidacyId, false);
      if (!found) throw clientError('NOT_FOUND', `no candidacy ${input.candidacyId}`);
      await this.assignments.authorise(user, found.precinctCode, 'decide-candidacy');
      const precinct = await this.lockPrecinct(em, found.precinctCode);
      const candidacy = (await this.candidacyFor(em, input.candidacyId, true)) as CandidacyRow;
      if (candidacy.status !== 'discussion') throw clientError('CONFLICT', `candidacy ${candidacy.id} was already decided (${candidacy.status})`);
      const held = (await em.query(
        `SELECT held_at, in_favour, against FROM inspector_roster.community_meeting WHERE candidacy_id = $1 AND purpose = 'candidate_discussion' AND status = 'held'`,
        [candidacy.id],
      )) as Array<{ held_at: Date; in_favour: number | null; against: number | null }>;
      const today = localDateOf(new Date());
      fail(checkDecision(input, held.map((h) => ({ heldAt: h.held_at, inFavour: h.in_favour ?? 0, against: h.against ?? 0 })), today));
      const reason = input.reason?.trim() || null;
      const [[row]] = (await em.query(
        `UPDATE inspector_roster.candidacy AS c SET status = $2, decided_by = $3, decided_at = now(), decision_reason = $4 WHERE c.id = $1 RETURNING ${CANDIDACY_COLUMNS}`,
        [candidacy.id, input.decision, user.username, reason],
      )) as [Array<Record<string, unknown>>, number];
      const decided = toCandidacy(row);
      await this.audit.record(
        { actor: actorOf(user), action: 'update', entity: 'candidacy', entityId: decided.id, purpose: 'decide-candidacy', details: { decision: input.decision, reason } },
        em,
      );
      await this.events.publish(
        em,
        PrecinctCandidateDecided,
        { candidacyId: decided.id, ...territoryOf(precinct), inspectorId: decided.inspectorId, decision: input.decision, decidedAt: (decided.decidedAt as Date).toISOString() },
        { subject: precinct.code },
      );
      if (input.decision === 'appointed') {
        await this.assignments.assignIn(
          em,
          { inspectorId: decided.inspectorId, precinctCode: precinct.code, position: decided.position, validFrom: input.validFrom ?? today, reason: reason ?? 'appointed after community meeting' },
          user,
        );
      }
      return decided;
    });
  }

  /** Candidacies of a precinct, open first, then newest first. */
  async candidacies(precinctCode: string): Promise<CandidacyRow[]> {
    const rows = (await this.manager.query(
      `SELECT ${CANDIDACY_COLUMNS} FROM inspector_roster.candidacy c WHERE c.precinct_code = $1 ORDER BY (c.status = 'discussion') DESC, c.proposed_at DESC, c.id`,
      [precinctCode],
    )) as Array<Record<string, unknown>>;
    return rows.map(toCandidacy);
  }

  async candidacy(id: string): Promise<CandidacyRow | undefined> {
    return isUuid(id) ? this.candidacyFor(this.manager, id, false) : undefined;
  }

  /** Community meetings of a precinct (or of one candidacy), newest first. */
  async meetings(where: { precinctCode?: string; candidacyId?: string }, limit: number): Promise<MeetingRow[]> {
    const [column, value] = where.candidacyId !== undefined ? ['candidacy_id', where.candidacyId] : ['precinct_code', where.precinctCode];
    const rows = (await this.manager.query(
      `SELECT ${MEETING_COLUMNS} FROM inspector_roster.community_meeting m WHERE m.${column} = $1 ORDER BY coalesce(m.held_at, m.scheduled_at) DESC, m.created_at DESC LIMIT $2`,
      [value, limit],
    )) as Array<Record<string, unknown>>;
    return rows.map(toMeeting);
  }

  async meeting(id: string): Promise<MeetingRow | undefined> {
    return isUuid(id) ? this.meetingFor(this.manager, id, false) : undefined;
  }

  /**
   * The minutes of a meeting, for police management within the precinct's territory and the
   * platform's administrators; the read is audited (minutes may name residents who spoke).
   */
  async minutes(meeting: { id: string; precinctCode: string }, user: AuthenticatedUser): Promise<string | null> {
    if (!user.roles.includes(Role.platformAdmin) && !coversPrecinct(user.jurisdiction, meeting.precinctCode)) {
      await this.audit.record({ actor: actorOf(user), action: 'denied', entity: 'community_meeting', entityId: meeting.id, purpose: 'graphql:CommunityMeeting.minutes', details: { jurisdiction: describeJurisdiction(user.jurisdiction) } });
      throw forbidden(`precinct ${meeting.precinctCode} is outside your jurisdiction (${describeJurisdiction(user.jurisdiction)})`);
    }
    const [row] = (await this.manager.query(`SELECT minutes FROM inspector_roster.community_meeting WHERE id = $1`, [meeting.id])) as Array<{ minutes: string | null }>;
    if (row?.minutes) await this.audit.record({ actor: actorOf(user), action: 'read', entity: 'community_meeting', entityId: meeting.id, purpose: 'graphql:CommunityMeeting.minutes' });
    return row?.minutes ?? null;
  }

  /**
   * When the holder of the precinct's inspector post next reports to residents, and whether that
   * is overdue; undefined for a vacant precinct. Counts held reports of that inspector at this
   * precinct since they took up the post; the interval is the district's.
   */
  async reportSchedule(precinctCode: string, today = localDateOf(new Date())): Promise<ReportSchedule | undefined> {
    const holder = (await assignmentsOn(this.manager, [precinctCode], today)).find((a) => HOLDER_POSITIONS.includes(a.position));
    if (!holder) return undefined;
    const [row] = (await this.manager.query(
      `SELECT d.report_interval_months AS months,
              (SELECT max(m.held_at) FROM inspector_roster.community_meeting m
                WHERE m.precinct_code = p.code AND m.purpose = 'inspector_report' AND m.status = 'held' AND m.inspector_id = $2) AS last_report
         FROM inspector_roster.precinct p JOIN inspector_roster.district d ON d.code = p.district_code WHERE p.code = $1`,
      [precinctCode, holder.inspectorId],
    )) as Array<{ months: number; last_report: Date | null }>;
    const lastReport = row.last_report ? localDateOf(row.last_report) : null;
    const due = nextReportDue(lastReport, holder.validFrom, row.months);
    return { inspectorId: holder.inspectorId, assignedFrom: holder.validFrom, lastReport, intervalMonths: row.months, due, overdue: reportOverdue(due, today) };
  }
}

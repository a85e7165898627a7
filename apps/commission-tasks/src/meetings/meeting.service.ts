import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditLog, auditActor } from '@seriktes/audit';
import { forbidden, type AuthenticatedUser } from '@seriktes/auth';
import { localDateOf, WorkingCalendar } from '@seriktes/calendar';
import { CommissionMeetingHeld, CommissionMeetingScheduled, CommissionMinutesPublished } from '@seriktes/contracts';
import { EventPublisher } from '@seriktes/messaging';
import { conflict, invalidInput, notFound, type FieldError, isUuid } from '@seriktes/runtime';
import { mayReadDecisions } from '../access';
import { CommissionService, type CommissionRow } from '../commissions/commission.service';
import { minutesDueOn, minutesState, type MinutesState } from './minutes';

export const AGENDA_SOURCES = ['problem', 'request_stats', 'partner_proposal', 'carry_over', 'recommendation_package', 'other'] as const;
export type AgendaSource = (typeof AGENDA_SOURCES)[number];

export interface AgendaInput {
  source: string;
  title: string;
  reference?: string | null;
  proposedBy?: string | null;
}

export interface MeetingRow {
  id: string;
  commission_id: string;
  year: number;
  number: number;
  scheduled_at: Date;
  venue: string;
  status: 'scheduled' | 'held' | 'cancelled';
  held_at: Date | null;
  minutes_due_on: string | null;
  minutes_text: string | null;
  minutes_drafted_at: Date | null;
  minutes_published_at: Date | null;
}

export interface AgendaRow {
  id: string;
  position: number;
  source: AgendaSource;
  reference: string | null;
  title: string;
  proposed_by: string | null;
  summary: Record<string, unknown> | null;
}

const MEETING_COLUMNS = `id, commission_id, year, number, scheduled_at, venue, status, held_at, minutes_due_on::text, minutes_text, minutes_drafted_at, minutes_published_at`;
const OPEN = `('assigned','accepted','in_progress','reported')`;

/**
 * Meetings of a commission: scheduled with an agenda (problems, request statistics, partner
 * proposals, and the unfinished tasks to review, added by itself), attendance and apologies, and
 * minutes due within 3 working days of the meeting; a draft still unpublished after that is late.
 */
@Injectable()
export class MeetingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly commissions: CommissionService,
    private readonly events: EventPublisher,
    private readonly calendar: WorkingCalendar,
    private readonly audit: AuditLog,
  ) {}

  async schedule(user: AuthenticatedUser, input: { commissionId: string; scheduledAt: string; venue: string; agenda?: AgendaInput[] | null }, now = new Date()): Promise<MeetingRow> {
    const errors: FieldError[] = [];
    const at = new Date(input.scheduledAt);
    if (Number.isNaN(at.getTime()) || !/T\d\d:\d\d/.test(input.scheduledAt)) errors.push({ field: 'scheduledAt', message: 'must be a date and time (ISO 8601)' });
    else if (at.getTime() < now.getTime() - 86_400_000) errors.push({ field: 'scheduledAt', message: 'is in the past' });
    if (!input.venue?.trim() || input.venue.length > 300) errors.push({ field: 'venue', message: 'is required (at most 300 characters)' });
    errors.push(...this.agendaErrors(input.agenda ?? []));
    if (errors.length) throw invalidInput(errors);
    return this.dataSource.transaction(async (em) => {
      const commission = await this.commissions.managed(user, input.commissionId, em);
      await em.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`meeting:${commission.id}`]);
      const year = Number(localDateOf(at).slice(0, 4));
      const [{ n }] = (await em.query(`SELECT coalesce(max(number), 0) + 1 AS n FROM commission_tasks.meeting WHERE commission_id = $1 AND year = $2`, [commission.id, year])) as Array<{ n: number }>;
      const [meeting] = (await em.query(
        `INSERT INTO commission_tasks.meeting (commission_id, year, number, scheduled_at, venue, created_by, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING ${MEETING_COLUMNS}`,
        [commission.id, year, n, at, input.venue.trim(), user.username, now],
      )) as MeetingRow[];
      const items = [...(input.agenda ?? [])];
      const unfinished = await this.unfinishedTasks(em, commission.id, at);
      if (unfinished.length) items.push({ source: 'carry_over', title: `Review of unfinished tasks (${unfinished.length})`, reference: unfinished.map((t) => t.number).join(', ') });
      let position = 0;
      for (const item of items) await this.insertAgendaItem(em, meeting.id, ++position, item, commission, now);
      await this.events.publish(
        em,
        CommissionMeetingScheduled,
        { commissionId: commission.id, level: commission.level, territoryCode: commission.territory_code, meetingId: meeting.id, number: meeting.number, scheduledAt: at.toISOString(), agendaItemCount: items.length },
        { subject: commission.id, time: now },
      );
      await this.audit.record({ actor: auditActor(user), action: 'create', entity: 'meeting', entityId: meeting.id, purpose: 'graphql:scheduleMeeting' }, em);
      return meeting;
    });
  }

  private agendaErrors(agenda: AgendaInput[]): FieldError[] {
    return agenda.flatMap((item, i) => {
      const errors: FieldError[] = [];
      if (!(AGENDA_SOURCES as readonly string[]).includes(item.source)) errors.push({ field: `agenda.${i}.source`, message: `must be one of ${AGENDA_SOURCES.join(', ')}` });
      if (!item.title?.trim() || item.title.length > 500) errors.push({ field: `agenda.${i}.title`, message: 'is required (at most 500 characters)' });
      if (item.source === 'problem' && !isUuid(item.reference)) errors.push({ field: `agenda.${i}.reference`, message: 'must be the id of the problem' });
      if (item.source === 'partner_proposal' && !item.proposedBy) errors.push({ field: `agenda.${i}.proposedBy`, message: 'name the proposing organisation' });
      return errors;
    });
  }

  /** Open tasks of the commission due before the meeting: they are reviewed there. */
  private async unfinishedTasks(em: EntityManager, commissionId: string, before: Date) {
    return (await em.query(`SELECT id, number FROM commission_tasks.task WHERE commission_id = $1 AND status IN ${OPEN} AND due_at < $2 ORDER BY number`, [commissionId, before])) as Array<{ id: string; number: string }>;
  }

  private async insertAgendaItem(em: EntityManager, meetingId: string, position: number, item: AgendaInput, commission: CommissionRow, now: Date) {
    if (item.proposedBy && !((await em.query(`SELECT 1 FROM commission_tasks.organisation WHERE id = $1`, [item.proposedBy])) as unknown[]).length) {
      throw invalidInput([{ field: `agenda.${position - 1}.proposedBy`, message: `unknown organisation ${item.proposedBy}` }]);
    }
    // Request statistics travel as figures taken when the agenda is set (the requests known from citizen-requests events).
    const summary = item.source === 'request_stats' ? await this.requestStats(em, commission.territory_code, now) : null;
    await em.query(
      `INSERT INTO commission_tasks.agenda_item (meeting_id, position, source, reference, title, proposed_by, summary) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
      [meetingId, position, item.source, item.reference ?? null, item.title.trim(), item.proposedBy ?? null, summary],
    );
  }

  /** Requests of the territory in the last 90 days, by category (counts only). */
  private async requestStats(em: EntityManager, territoryCode: string, now: Date): Promise<Record<string, unknown>> {
    const rows = (await em.query(
      `SELECT category, count(*)::int AS total, count(*) FILTER (WHERE status = 'open')::int AS open
         FROM commission_tasks.known_request
        WHERE ($1 = 'KAZ' OR precinct_code = $1 OR starts_with(precinct_code, $1 || '-')) AND received_at >= $2::timestamptz - interval '90 days'
        GROUP BY category ORDER BY total DESC, category`,
      [territoryCode, now],
    )) as Array<{ category: string; total: number; open: number }>;
    return { periodDays: 90, byCategory: rows };
  }

  async recordAttendance(user: AuthenticatedUser, meetingId: string, entries: Array<{ organisationId: string; status: string; representative?: string | null }>): Promise<void> {
    const errors = entries.flatMap((e, i) => (['present', 'apologies', 'absent'].includes(e.status) ? [] : [{ field: `attendance.${i}.status`, message: 'must be present, apologies or absent' }]));
    if (errors.length) throw invalidInput(errors);
    await this.dataSource.transaction(async (em) => {
      const { meeting } = await this.managedMeeting(user, meetingId, em);
      const members = (await em.query(`SELECT organisation_id FROM commission_tasks.commission_member WHERE commission_id = $1`, [meeting.commission_id])) as Array<{ organisation_id: string }>;
      const strangers = entries.map((e, i) => [e, i] as const).filter(([e]) => !members.some((m) => m.organisation_id === e.organisationId));
      if (strangers.length) throw invalidInput(strangers.map(([e, i]) => ({ field: `attendance.${i}.organisationId`, message: `${e.organisationId} is not a member of the commission` })));
      for (const e of entries) {
        await em.query(
          `INSERT INTO commission_tasks.attendance (meeting_id, organisation_id, status, representative) VALUES ($1,$2,$3,$4)
           ON CONFLICT (meeting_id, organisation_id) DO UPDATE SET status = EXCLUDED.status, representative = EXCLUDED.representative`,
          [meetingId, e.organisationId, e.status, e.representative ?? null],
        );
      }
      await this.audit.record({ actor: auditActor(user), action: 'update', entity: 'meeting', entityId: meetingId, purpose: 'graphql:recordAttendance', details: { entries: entries.length } }, em);
    });
  }

  /** Marks a meeting held at `heldAt`: the minutes are due on the 3rd working day after it. */
  async hold(user: AuthenticatedUser, meetingId: string, heldAt: Date, now = new Date()): Promise<MeetingRow> {
    if (Number.isNaN(heldAt.getTime()) || heldAt.getTime() > now.getTime() + 60_000) throw invalidInput([{ field: 'heldAt', message: 'must be a time not in the future' }]);
    return this.dataSource.transaction(async (em) => {
      const { meeting, commission } = await this.managedMeeting(user, meetingId, em);
      if (meeting.status !== 'scheduled') throw conflict(`the meeting is ${meeting.status} already`);
      const dueOn = minutesDueOn(heldAt, this.calendar);
      const [[row]] = (await em.query(
        `UPDATE commission_tasks.meeting SET status = 'held', held_at = $2, minutes_due_on = $3 WHERE id = $1 RETURNING ${MEETING_COLUMNS}`,
        [meetingId, heldAt, dueOn],
      )) as [MeetingRow[]];
      const [counts] = (await em.query(
        `SELECT count(*) FILTER (WHERE status = 'present')::int AS present, count(*) FILTER (WHERE status = 'apologies')::int AS apologies FROM commission_tasks.attendance WHERE meeting_id = $1`,
        [meetingId],
      )) as Array<{ present: number; apologies: number }>;
      await this.events.publish(
        em,
        CommissionMeetingHeld,
        { commissionId: commission.id, level: commission.level, territoryCode: commission.territory_code, meetingId, heldAt: heldAt.toISOString(), organisationsPresent: counts.present, apologies: counts.apologies, minutesDueOn: dueOn },
        { subject: commission.id, time: now },
      );
      await this.audit.record({ actor: auditActor(user), action: 'update', entity: 'meeting', entityId: meetingId, purpose: 'graphql:holdMeeting' }, em);
      return row;
    });
  }

  async draftMinutes(user: AuthenticatedUser, meetingId: string, text: string, now = new Date()): Promise<MeetingRow> {
    if (!text?.trim() || text.length > 100_000) throw invalidInput([{ field: 'text', message: 'is required (at most 100,000 characters)' }]);
    return this.dataSource.transaction(async (em) => {
      const { meeting } = await this.managedMeeting(user, meetingId, em);
      if (meeting.status !== 'held') throw conflict('minutes are written after the meeting is held');
      if (meeting.minutes_published_at) throw conflict('the minutes are published: they no longer change');
      const [[row]] = (await em.query(`UPDATE commission_tasks.meeting SET minutes_text = $2, minutes_drafted_at = $3 WHERE id = $1 RETURNING ${MEETING_COLUMNS}`, [meetingId, text, now])) as [MeetingRow[]];
      await this.audit.record({ actor: auditActor(user), action: 'update', entity: 'meeting', entityId: meetingId, purpose: 'graphql:draftMinutes' }, em);
      return row;
    });
  }

  async publishMinutes(user: AuthenticatedUser, meetingId: string, now = new Date()): Promise<MeetingRow> {
    return this.dataSource.transaction(async (em) => {
      const { meeting, commission } = await this.managedMeeting(user, meetingId, em);
      if (meeting.status !== 'held' || !meeting.minutes_text) throw conflict('draft the minutes of a held meeting first');
      if (meeting.minutes_published_at) throw conflict('the minutes are published already');
      const [[row]] = (await em.query(`UPDATE commission_tasks.meeting SET minutes_published_at = $2 WHERE id = $1 RETURNING ${MEETING_COLUMNS}`, [meetingId, now])) as [MeetingRow[]];
      const [{ n }] = (await em.query(`SELECT count(*)::int AS n FROM commission_tasks.decision WHERE meeting_id = $1`, [meetingId])) as Array<{ n: number }>;
      await this.events.publish(
        em,
        CommissionMinutesPublished,
        {
          commissionId: commission.id,
          level: commission.level,
          territoryCode: commission.territory_code,
          meetingId,
          publishedAt: now.toISOString(),
          dueOn: meeting.minutes_due_on!,
          late: this.state(row, now) === 'published_late',
          decisionCount: n,
        },
        { subject: commission.id, time: now },
      );
      await this.audit.record({ actor: auditActor(user), action: 'update', entity: 'meeting', entityId: meetingId, purpose: 'graphql:publishMinutes' }, em);
      return row;
    });
  }

  state(meeting: MeetingRow, now = new Date()): MinutesState {
    return minutesState({ heldAt: meeting.held_at, dueOn: meeting.minutes_due_on, publishedAt: meeting.minutes_published_at }, now);
  }

  async managedMeeting(user: AuthenticatedUser, meetingId: string, em: EntityManager | DataSource = this.dataSource): Promise<{ meeting: MeetingRow; commission: CommissionRow }> {
    const meeting = await this.get(meetingId, em, true);
    const commission = await this.commissions.managed(user, meeting.commission_id, em);
    return { meeting, commission };
  }

  async get(id: string, em: EntityManager | DataSource = this.dataSource, lock = false): Promise<MeetingRow> {
    if (!isUuid(id)) throw invalidInput([{ field: 'meetingId', message: 'is not an id' }]);
    const [row] = (await em.query(`SELECT ${MEETING_COLUMNS} FROM commission_tasks.meeting WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id])) as MeetingRow[];
    if (!row) throw notFound(`meeting ${id} not found`);
    return row;
  }

  /** A meeting the caller may read (those of commissions concerning them). */
  async readable(user: AuthenticatedUser, id: string): Promise<MeetingRow> {
    const meeting = await this.get(id);
    const commission = (await this.commissions.get(meeting.commission_id))!;
    if (!mayReadDecisions(user, commission.territory_code)) throw forbidden(`meetings of ${commission.code} are not in your scope`);
    return meeting;
  }

  async list(commissionId: string): Promise<MeetingRow[]> {
    return (await this.dataSource.query(`SELECT ${MEETING_COLUMNS} FROM commission_tasks.meeting WHERE commission_id = $1 ORDER BY scheduled_at DESC`, [commissionId])) as MeetingRow[];
  }

  async agenda(meetingId: string): Promise<AgendaRow[]> {
    return (await this.dataSource.query(`SELECT id, position, source, reference, title, proposed_by, summary FROM commission_tasks.agenda_item WHERE meeting_id = $1 ORDER BY position`, [meetingId])) as AgendaRow[];
  }

  async attendance(meetingId: string): Promise<Array<{ organisation_id: string; status: string; representative: string | null }>> {
    return (await this.dataSource.query(`SELECT organisation_id, status, representative FROM commission_tasks.attendance WHERE meeting_id = $1 ORDER BY organisation_id`, [meetingId])) as Array<{
      organisation_id: string;
      status: string;
      representative: string | null;
    }>;
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditLog, auditActor } from '@seriktes/audit';
import { describeJurisdiction, forbidden, type AuthenticatedUser } from '@seriktes/auth';
import { WorkingCalendar } from '@seriktes/calendar';
import {
  CommissionTaskAccepted,
  CommissionTaskAssigned,
  CommissionTaskCarriedOver,
  CommissionTaskClosed,
  CommissionTaskReported,
  CommissionTaskReportReviewed,
  parsePrecinctCode,
  TERRITORY_CODE_PATTERN,
  type ExecutorKind,
  type ReviewReasonCode,
  type TaskScope,
} from '@seriktes/contracts';
import { EventPublisher } from '@seriktes/messaging';
import { conflict, invalidInput, notFound, type FieldError, isUuid } from '@seriktes/runtime';
import { organisationOf, taskRights } from '../access';
import { CommissionService, type CommissionRow } from '../commissions/commission.service';
import { dueErrors, dueOf, reminderAt, type DueInput } from '../deadlines/due';
import { OrganisationService } from '../organisations/organisation.service';
import { assessmentErrors, illTreatmentReferral, templateByCode, type IllTreatmentAssessment } from '../protocols/templates';
import { step, TASK_PRIORITIES, type TaskAction, type TaskPriority, type TaskStatus } from './rules';

export interface TaskRow {
  id: string;
  commission_id: string;
  decision_id: string | null;
  number: string;
  title: string;
  description: string;
  lead_org_id: string;
  lead_kind: ExecutorKind;
  territory_code: string;
  region_code: string;
  priority: TaskPriority;
  status: TaskStatus;
  due_kind: 'date' | 'timeframe';
  timeframe_working_days: number | null;
  due_on: string;
  due_at: Date;
  original_due_at: Date;
  remind_at: Date;
  assigned_at: Date;
  accepted_at: Date | null;
  started_at: Date | null;
  reported_at: Date | null;
  closed_at: Date | null;
  on_time: boolean | null;
  progress_percent: number;
  template_code: string | null;
  sensitive: boolean;
  problem_id: string | null;
  blocks_problem: boolean;
  request_ids: string[];
  survey_reference: string | null;
  inspector_id: string | null;
  carry_overs: number;
  co_executor_ids: string[];
  commission_territory_code: string;
}

export interface AttachmentInput {
  name: string;
  mediaType: string;
  sizeBytes: number;
  sha256?: string | null;
  url?: string | null;
}

export interface AssignTaskInput {
  commissionId: string;
  decisionId?: string | null;
  templateCode?: string | null;
  title?: string | null;
  description: string;
  leadOrganisationId: string;
  coExecutorIds?: string[] | null;
  territoryCode: string;
  due?: { date?: string | null; workingDays?: number | null } | null;
  priority?: string | null;
  sensitive?: boolean | null;
  problemId?: string | null;
  blocksProblem?: boolean | null;
  requestIds?: string[] | null;
  surveyReference?: string | null;
  inspectorId?: string | null;
  assessment?: IllTreatmentAssessment | null;
}

/** Columns of a task with its lead's kind, its co-executors and its commission's territory. */
export const TASK_SELECT = `
  SELECT t.*, t.due_on::text AS due_on, o.kind AS lead_kind, c.territory_code AS commission_territory_code,
         coalesce((SELECT array_agg(x.organisation_id ORDER BY x.organisation_id) FROM commission_tasks.task_co_executor x WHERE x.task_id = t.id), '{}') AS co_executor_ids
    FROM commission_tasks.task t
    JOIN commission_tasks.organisation o ON o.id = t.lead_org_id
    JOIN commission_tasks.commission c ON c.id = t.commission_id`;

const TERRITORY = new RegExp(TERRITORY_CODE_PATTERN);
const MAX_ATTACHMENTS = 20;

export const scopeOf = (t: Pick<TaskRow, 'id' | 'commission_id' | 'lead_org_id' | 'territory_code'>): TaskScope => ({
  taskId: t.id,
  commissionId: t.commission_id,
  leadOrganisationId: t.lead_org_id,
  territoryCode: t.territory_code,
});

/**
 * Tasks of commission decisions: assigned by the secretary to a lead organisation and
 * co-executors, accepted, carried out and reported on by the organisations themselves, reviewed
 * by the secretary, reviewed at the next meeting when unfinished. Every step is one transaction
 * with its event in the outbox and its audit entry.
 */
@Injectable()
export class TaskService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly commissions: CommissionService,
    private readonly organisations: OrganisationService,
    private readonly events: EventPublisher,
    private readonly calendar: WorkingCalendar,
    private readonly audit: AuditLog,
  ) {}

  async assign(user: AuthenticatedUser, input: AssignTaskInput, now = new Date()): Promise<TaskRow> {
    const template = input.templateCode ? templateByCode(input.templateCode) : undefined;
    const errors: FieldError[] = [];
    if (input.templateCode && !template) errors.push({ field: 'templateCode', message: 'unknown template' });
    const title = input.title?.trim() || template?.title.ru || '';
    if (!title || title.length > 300) errors.push({ field: 'title', message: 'is required (at most 300 characters)' });
    if (!input.description?.trim() || input.description.length > 20_000) errors.push({ field: 'description', message: 'is required (at most 20,000 characters)' });
    if (!TERRITORY.test(input.territoryCode ?? '')) errors.push({ field: 'territoryCode', message: 'must be a region, district or precinct code' });
    const due = template ? { workingDays: template.workingDays } : input.due ?? {};
    if (template && input.due) errors.push({ field: 'due', message: `the template sets the due date (${template.workingDays} working day(s))` });
    else errors.push(...dueErrors(due, now));
    const priority = (input.priority ?? template?.priority ?? 'normal') as TaskPriority;
    if (!TASK_PRIORITIES.includes(priority)) errors.push({ field: 'priority', message: `must be one of ${TASK_PRIORITIES.join(', ')}` });
    const requestIds = [...new Set(input.requestIds ?? [])];
    if (requestIds.some((id) => !isUuid(id)) || requestIds.length > 100) errors.push({ field: 'requestIds', message: 'must be at most 100 request ids' });
    if (input.problemId != null && !isUuid(input.problemId)) errors.push({ field: 'problemId', message: 'is not an id' });
    if (input.blocksProblem && !input.problemId) errors.push({ field: 'blocksProblem', message: 'needs the problem (problemId)' });
    if (input.decisionId != null && !isUuid(input.decisionId)) errors.push({ field: 'decisionId', message: 'is not an id' });
    if (!input.decisionId && !template) errors.push({ field: 'decisionId', message: 'a task carries out a decision (or a protocol template)' });
    if (template?.code === 'ill-treatment-referral') {
      if (!input.assessment) errors.push({ field: 'assessment', message: 'give the block scores of the assessment' });
      else errors.push(...assessmentErrors(input.assessment));
    }
    if (errors.length) throw invalidInput(errors);
    if (template?.code === 'ill-treatment-referral') {
      const referral = illTreatmentReferral(input.assessment!);
      if (!referral.required) throw invalidInput([{ field: 'assessment', message: `no referral is due: ${referral.reason}` }]);
    }

    return this.dataSource.transaction(async (em) => {
      const commission = await this.commissions.managed(user, input.commissionId, em);
      if (commission.territory_code !== 'KAZ' && input.territoryCode !== commission.territory_code && !input.territoryCode.startsWith(`${commission.territory_code}-`)) {
        throw invalidInput([{ field: 'territoryCode', message: `must lie in the commission's territory ${commission.territory_code}` }]);
      }
      if (input.decisionId) {
        const [d] = (await em.query(`SELECT stage FROM commission_tasks.decision WHERE id = $1 AND commission_id = $2`, [input.decisionId, commission.id])) as Array<{ stage: string }>;
        if (!d) throw invalidInput([{ field: 'decisionId', message: 'is not a decision of this commission' }]);
        if (d.stage === 'evaluate') throw conflict('the decision is being evaluated: record a new decision for new work', 'decisionId');
      }
      const coIds = [...new Set(input.coExecutorIds ?? [])].filter((id) => id !== input.leadOrganisationId);
      const orgs = (await em.query(`SELECT id, kind FROM commission_tasks.organisation WHERE id = ANY($1)`, [[input.leadOrganisationId, ...coIds]])) as Array<{ id: string; kind: ExecutorKind }>;
      const lead = orgs.find((o) => o.id === input.leadOrganisationId);
      if (!lead) throw invalidInput([{ field: 'leadOrganisationId', message: `unknown organisation ${input.leadOrganisationId}` }]);
      const missing = coIds.filter((id) => !orgs.some((o) => o.id === id));
      if (missing.length) throw invalidInput([{ field: 'coExecutorIds', message: `unknown organisation(s) ${missing.join(', ')}` }]);
      if (template && !template.leadKinds.includes(lead.kind)) throw invalidInput([{ field: 'leadOrganisationId', message: `a ${template.code} task is led by ${template.leadKinds.join(' or ')}` }]);
      // Sensitive work (minors, victims) goes only to organisations whose agreement allows it (the police are the platform's own).
      const sensitive = Boolean(input.sensitive ?? template?.sensitive ?? false);
      if (sensitive) {
        for (const org of orgs.filter((o) => o.kind !== 'police')) {
          if (!(await this.organisations.scopesOf(org.id, now, em)).includes('sensitive_tasks')) {
            throw invalidInput([{ field: org.id === lead.id ? 'leadOrganisationId' : 'coExecutorIds', message: `${org.id} has no information-sharing agreement for sensitive tasks` }]);
          }
        }
      }
      const unknownRequests = requestIds.length
        ? ((await em.query(`SELECT r FROM unnest($1::uuid[]) r WHERE r NOT IN (SELECT id FROM commission_tasks.known_request)`, [requestIds])) as Array<{ r: string }>).map((x) => x.r)
        : [];
      if (unknownRequests.length) throw invalidInput([{ field: 'requestIds', message: `unknown request(s) ${unknownRequests.join(', ')}` }]);

      const d = dueOf(due as DueInput, now, this.calendar);
      await em.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`task:${commission.id}`]);
      const [{ n }] = (await em.query(`SELECT count(*)::int + 1 AS n FROM commission_tasks.task WHERE commission_id = $1`, [commission.id])) as Array<{ n: number }>;
      const number = `${commission.code}-T${String(n).padStart(3, '0')}`;
      const description = template?.code === 'ill-treatment-referral'
        ? `${input.description}\n\n${illTreatmentReferral(input.assessment!).required ? `Recipient: ${input.assessment!.minor ? 'guardianship authority' : 'authorised body'}` : ''}`
        : input.description;
      const [{ id }] = (await em.query(
        `INSERT INTO commission_tasks.task (commission_id, decision_id, number, title, description, lead_org_id, territory_code, region_code, priority, status, due_kind, timeframe_working_days,
                due_on, due_at, original_due_at, remind_at, assigned_at, template_code, sensitive, problem_id, blocks_problem, request_ids, survey_reference, inspector_id, created_by, updated_at)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,'assigned',$10,$11,$12,$13,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$15) RETURNING id`,
        [commission.id, input.decisionId ?? null, number, title, description, lead.id, input.territoryCode, input.territoryCode.slice(0, 3), priority, d.kind, d.workingDays, d.dueOn, d.dueAt,
         reminderAt(d.dueOn, commission.reminder_working_days, this.calendar), now, template?.code ?? null, sensitive, input.problemId ?? null, Boolean(input.blocksProblem), requestIds,
         input.surveyReference ?? null, input.inspectorId ?? null, user.username],
      )) as Array<{ id: string }>;
      for (const co of coIds) await em.query(`INSERT INTO commission_tasks.task_co_executor (task_id, organisation_id) VALUES ($1, $2)`, [id, co]);
      const task = await this.load(em, id);
      await this.events.publish(
        em,
        CommissionTaskAssigned,
        {
          taskId: id,
          precinctCode: parsePrecinctCode(task.territory_code) ? task.territory_code : null,
          executorKind: lead.kind,
          inspectorId: task.inspector_id,
          assignedAt: now.toISOString(),
          dueAt: d.dueAt.toISOString(),
          commissionId: commission.id,
          decisionId: task.decision_id,
          leadOrganisationId: lead.id,
          coExecutorIds: coIds,
          territoryCode: task.territory_code,
          priority,
          problemId: task.problem_id,
          blocksProblem: task.blocks_problem,
          requestIds,
        },
        { subject: id, time: now },
      );
      await this.audit.record({ actor: auditActor(user), action: 'create', entity: 'task', entityId: id, purpose: 'graphql:assignTask', details: { lead: lead.id, template: template?.code ?? null } }, em);
      return task;
    });
  }

  accept(user: AuthenticatedUser, id: string, now = new Date()): Promise<TaskRow> {
    return this.change(user, id, { kind: 'accept' }, 'lead', now, async (em, task) => {
      await em.query(`UPDATE commission_tasks.task SET accepted_at = $2 WHERE id = $1`, [id, now]);
      await this.events.publish(em, CommissionTaskAccepted, { ...scopeOf(task), acceptedAt: now.toISOString() }, { subject: id, time: now });
    });
  }

  start(user: AuthenticatedUser, id: string, now = new Date()): Promise<TaskRow> {
    return this.change(user, id, { kind: 'start' }, 'lead', now, async (em, task) => {
      await em.query(`UPDATE commission_tasks.task SET started_at = $2, accepted_at = coalesce(accepted_at, $2) WHERE id = $1`, [id, now]);
      if (!task.accepted_at) await this.events.publish(em, CommissionTaskAccepted, { ...scopeOf(task), acceptedAt: now.toISOString() }, { subject: id, time: now });
    });
  }

  /** A progress or final report by the lead, a co-executor, or the secretary on an organisation's behalf. */
  async report(
    user: AuthenticatedUser,
    id: string,
    input: { text: string; progressPercent: number; final: boolean; attachments?: AttachmentInput[] | null },
    now = new Date(),
  ): Promise<{ task: TaskRow; reportId: string }> {
    const errors: FieldError[] = [];
    if (!input.text?.trim() || input.text.length > 20_000) errors.push({ field: 'text', message: 'say what was done (at most 20,000 characters)' });
    if (!Number.isInteger(input.progressPercent) || input.progressPercent < 0 || input.progressPercent > 100) errors.push({ field: 'progressPercent', message: 'must be from 0 to 100' });
    if (input.final && input.progressPercent !== 100) errors.push({ field: 'progressPercent', message: 'a final report claims 100' });
    const attachments = input.attachments ?? [];
    if (attachments.length > MAX_ATTACHMENTS) errors.push({ field: 'attachments', message: `at most ${MAX_ATTACHMENTS}` });
    attachments.forEach((a, i) => {
      if (!a.name?.trim() || a.name.length > 255) errors.push({ field: `attachments.${i}.name`, message: 'is required (at most 255 characters)' });
      if (!/^[a-z]+\/[a-z0-9.+-]+$/i.test(a.mediaType ?? '')) errors.push({ field: `attachments.${i}.mediaType`, message: 'must be a media type, e.g. application/pdf' });
      if (!Number.isInteger(a.sizeBytes) || a.sizeBytes < 1 || a.sizeBytes > 50 * 1024 * 1024) errors.push({ field: `attachments.${i}.sizeBytes`, message: 'must be from 1 byte to 50 MB' });
      if (a.sha256 != null && !/^[0-9a-f]{64}$/.test(a.sha256)) errors.push({ field: `attachments.${i}.sha256`, message: 'must be 64 hex digits' });
      if (a.url != null && !/^https?:\/\/\S+$/.test(a.url)) errors.push({ field: `attachments.${i}.url`, message: 'must be an http(s) link to the document store' });
    });
    if (errors.length) throw invalidInput(errors);
    let reportId = '';
    const task = await this.change(user, id, { kind: 'report', final: input.final }, 'report', now, async (em, t, rights) => {
      const org = organisationOf(user);
      const reporting = org && (org === t.lead_org_id || t.co_executor_ids.includes(org)) ? org : t.lead_org_id;
      if (input.final && reporting !== t.lead_org_id && !rights.lead && !rights.manage) throw forbidden('the final report is the lead organisation’s; co-executors report progress');
      const [{ id: rid }] = (await em.query(
        `INSERT INTO commission_tasks.task_report (task_id, organisation_id, author, text, attachments, progress_percent, final, submitted_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8) RETURNING id`,
        [id, reporting, user.username, input.text, JSON.stringify(attachments), input.progressPercent, input.final, now],
      )) as Array<{ id: string }>;
      reportId = rid;
      await em.query(
        `UPDATE commission_tasks.task SET reported_at = CASE WHEN $2 THEN $3::timestamptz ELSE reported_at END, started_at = coalesce(started_at, $3), accepted_at = coalesce(accepted_at, $3) WHERE id = $1`,
        [id, input.final, now],
      );
      await this.events.publish(
        em,
        CommissionTaskReported,
        { ...scopeOf(t), reportId: rid, reportingOrganisationId: reporting, final: input.final, progressPercent: input.progressPercent, attachmentCount: attachments.length, reportedAt: now.toISOString() },
        { subject: id, time: now },
      );
    });
    return { task, reportId };
  }

  /** The secretary accepts a report (a final one makes the task done) or returns it with a reason. */
  async reviewReport(user: AuthenticatedUser, reportId: string, outcome: 'accepted' | 'returned', reason: string | null, now = new Date()): Promise<TaskRow> {
    if (!isUuid(reportId)) throw invalidInput([{ field: 'reportId', message: 'is not an id' }]);
    if (outcome === 'returned' && (!reason?.trim() || reason.length > 5000)) throw invalidInput([{ field: 'reason', message: 'say why the report is returned (at most 5,000 characters)' }]);
    const [report] = (await this.dataSource.query(`SELECT task_id, final, outcome, progress_percent FROM commission_tasks.task_report WHERE id = $1`, [reportId])) as Array<{
      task_id: string;
      final: boolean;
      outcome: string | null;
      progress_percent: number;
    }>;
    if (!report) throw notFound(`report ${reportId} not found`);
    const action: TaskAction = outcome === 'accepted' ? { kind: 'accept-report', final: report.final } : { kind: 'return-report', final: report.final };
    return this.change(user, report.task_id, action, 'manage', now, async (em, t, _rights, status) => {
      const [locked] = (await em.query(`SELECT outcome FROM commission_tasks.task_report WHERE id = $1 FOR UPDATE`, [reportId])) as Array<{ outcome: string | null }>;
      if (locked.outcome) throw conflict(`the report is ${locked.outcome} already`);
      await em.query(`UPDATE commission_tasks.task_report SET outcome = $2, return_reason = $3, reviewed_by = $4, reviewed_at = $5 WHERE id = $1`, [reportId, outcome, outcome === 'returned' ? reason : null, user.username, now]);
      if (outcome === 'accepted') await em.query(`UPDATE commission_tasks.task SET progress_percent = greatest(progress_percent, $2) WHERE id = $1`, [t.id, report.progress_percent]);
      await this.events.publish(em, CommissionTaskReportReviewed, { ...scopeOf(t), reportId, outcome, reviewedAt: now.toISOString() }, { subject: t.id, time: now });
      if (status === 'done') {
        const onTime = (t.reported_at ?? now).getTime() <= t.due_at.getTime();
        await em.query(`UPDATE commission_tasks.task SET closed_at = $2, on_time = $3, progress_percent = 100 WHERE id = $1`, [t.id, now, onTime]);
        await this.publishClosed(em, t, 'done', now, onTime);
      }
    });
  }

  /** The secretary closes an open task as not done or cancelled (outside a meeting review, e.g. a duplicate). */
  close(user: AuthenticatedUser, id: string, status: 'not_done' | 'cancelled', reason: string, now = new Date()): Promise<TaskRow> {
    if (!['not_done', 'cancelled'].includes(status)) throw invalidInput([{ field: 'status', message: 'must be not_done or cancelled (done comes from an accepted final report)' }]);
    if (!reason?.trim()) throw invalidInput([{ field: 'reason', message: 'is required' }]);
    return this.change(user, id, { kind: 'close', status }, 'manage', now, async (em, t) => {
      await em.query(`UPDATE commission_tasks.task SET closed_at = $2 WHERE id = $1`, [id, now]);
      await this.publishClosed(em, t, status, now, null);
    }, { reason });
  }

  /**
   * Reviews an unfinished task at a held meeting: with a reason code ("circumstances changed" vs
   * "not done by the agency"), carried over with a new due date, or closed (cancelled when
   * circumstances changed, not done otherwise).
   */
  async reviewAtMeeting(
    user: AuthenticatedUser,
    id: string,
    input: { meetingId: string; reasonCode: string; outcome: string; due?: { date?: string | null; workingDays?: number | null } | null; note?: string | null },
    now = new Date(),
  ): Promise<TaskRow> {
    const errors: FieldError[] = [];
    if (!['circumstances_changed', 'not_done_by_agency'].includes(input.reasonCode)) errors.push({ field: 'reasonCode', message: 'must be circumstances_changed or not_done_by_agency' });
    if (!['carry_over', 'close'].includes(input.outcome)) errors.push({ field: 'outcome', message: 'must be carry_over or close' });
    if (input.outcome === 'carry_over') errors.push(...dueErrors(input.due ?? {}, now));
    else if (input.due) errors.push({ field: 'due', message: 'only a carried-over task gets a new due date' });
    if (!isUuid(input.meetingId)) errors.push({ field: 'meetingId', message: 'is not an id' });
    if (errors.length) throw invalidInput(errors);
    const reason = input.reasonCode as ReviewReasonCode;
    const closeAs = reason === 'circumstances_changed' ? 'cancelled' : 'not_done';
    const action: TaskAction = input.outcome === 'carry_over' ? { kind: 'carry-over' } : { kind: 'close', status: closeAs };
    return this.change(user, id, action, 'manage', now, async (em, t) => {
      const [meeting] = (await em.query(`SELECT status FROM commission_tasks.meeting WHERE id = $1 AND commission_id = $2`, [input.meetingId, t.commission_id])) as Array<{ status: string }>;
      if (!meeting) throw invalidInput([{ field: 'meetingId', message: 'is not a meeting of the task’s commission' }]);
      if (meeting.status !== 'held') throw conflict('tasks are reviewed at a meeting that was held', 'meetingId');
      const reviewed = (await em.query(`SELECT 1 FROM commission_tasks.task_review WHERE task_id = $1 AND meeting_id = $2`, [id, input.meetingId])) as unknown[];
      if (reviewed.length) throw conflict('the task was reviewed at this meeting already', 'meetingId');
      let newDue: ReturnType<typeof dueOf> | null = null;
      if (input.outcome === 'carry_over') {
        newDue = dueOf(input.due as DueInput, now, this.calendar);
        if (newDue.dueAt.getTime() <= now.getTime()) throw invalidInput([{ field: 'due', message: 'the new due date must be ahead' }]);
        const commission = (await this.commissions.get(t.commission_id, em)) as CommissionRow;
        await em.query(
          `UPDATE commission_tasks.task SET due_kind = $2, timeframe_working_days = $3, due_on = $4, due_at = $5, remind_at = $6, carry_overs = carry_overs + 1 WHERE id = $1`,
          [id, newDue.kind, newDue.workingDays, newDue.dueOn, newDue.dueAt, reminderAt(newDue.dueOn, commission.reminder_working_days, this.calendar)],
        );
        await this.events.publish(
          em,
          CommissionTaskCarriedOver,
          { ...scopeOf(t), meetingId: input.meetingId, reasonCode: reason, previousDueAt: t.due_at.toISOString(), dueAt: newDue.dueAt.toISOString(), carriedOverAt: now.toISOString() },
          { subject: id, time: now },
        );
      } else {
        await em.query(`UPDATE commission_tasks.task SET closed_at = $2 WHERE id = $1`, [id, now]);
        await this.publishClosed(em, t, closeAs, now, null);
      }
      await em.query(
        `INSERT INTO commission_tasks.task_review (task_id, meeting_id, reason_code, outcome, previous_due_at, new_due_at, note, reviewed_by, reviewed_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
        [id, input.meetingId, reason, input.outcome === 'carry_over' ? 'carried_over' : 'closed', t.due_at, newDue?.dueAt ?? null, input.note ?? null, user.username, now],
      );
    }, { reasonCode: reason, outcome: input.outcome });
  }

  private publishClosed(em: EntityManager, t: TaskRow, status: 'done' | 'not_done' | 'cancelled', now: Date, onTime: boolean | null) {
    return this.events.publish(em, CommissionTaskClosed, { taskId: t.id, status, closedAt: now.toISOString(), onTime, commissionId: t.commission_id, leadOrganisationId: t.lead_org_id, territoryCode: t.territory_code }, { subject: t.id, time: now });
  }

  /**
   * One step on a task: locks it, checks the caller's right (`lead`: the lead organisation or the
   * police of its territory; `report`: lead, co-executor or secretary; `manage`: the secretary)
   * and the status rules, applies `work`, then the new status, version and audit entry.
   */
  private async change(
    user: AuthenticatedUser,
    id: string,
    action: TaskAction,
    right: 'lead' | 'report' | 'manage',
    now: Date,
    work: (em: EntityManager, task: TaskRow, rights: ReturnType<typeof taskRights>, status: TaskStatus) => Promise<void>,
    details: Record<string, unknown> = {},
  ): Promise<TaskRow> {
    if (!isUuid(id)) throw invalidInput([{ field: 'id', message: 'is not an id' }]);
    return this.dataSource.transaction(async (em) => {
      await em.query(`SELECT 1 FROM commission_tasks.task WHERE id = $1 FOR UPDATE`, [id]);
      const task = await this.find(em, id);
      if (!task) throw notFound(`task ${id} not found`);
      const rights = taskRights(user, { leadOrgId: task.lead_org_id, leadKind: task.lead_kind, coExecutorIds: task.co_executor_ids, territoryCode: task.territory_code, commissionTerritoryCode: task.commission_territory_code });
      if (!rights.read) throw forbidden(`task ${task.number} is not one of your organisation's or territory's (${describeJurisdiction(user.jurisdiction)})`);
      if (!rights[right] && !(right === 'lead' && rights.manage)) {
        throw forbidden(right === 'manage' ? `reviewing and closing task ${task.number} is for the commission secretary` : `task ${task.number} is led by ${task.lead_org_id}: only it acts on the task`);
      }
      const verdict = step(task.status, action);
      if (!verdict.ok) throw conflict(verdict.reason);
      // The status first, with closed_at (the table requires them together), then the step's own changes.
      await em.query(
        `UPDATE commission_tasks.task SET status = $2, closed_at = CASE WHEN $2 IN ('done','not_done','cancelled') THEN $3::timestamptz END, version = version + 1, updated_at = $3 WHERE id = $1`,
        [id, verdict.status, now],
      );
      await work(em, task, rights, verdict.status);
      await this.audit.record({ actor: auditActor(user), action: 'update', entity: 'task', entityId: id, purpose: `graphql:task.${action.kind}`, details: { from: task.status, to: verdict.status, ...details } }, em);
      return this.load(em, id);
    });
  }

  async find(em: EntityManager | DataSource, id: string): Promise<TaskRow | null> {
    if (!isUuid(id)) return null;
    const [row] = (await em.query(`${TASK_SELECT} WHERE t.id = $1`, [id])) as TaskRow[];
    return row ?? null;
  }

  private async load(em: EntityManager, id: string): Promise<TaskRow> {
    return (await this.find(em, id))!;
  }

  /** A task the caller may read; FORBIDDEN (audited by the caller's error) or NOT_FOUND otherwise. */
  async readable(user: AuthenticatedUser, id: string): Promise<TaskRow> {
    const task = await this.find(this.dataSource, id);
    if (!task) throw notFound(`task ${id} not found`);
    const rights = taskRights(user, { leadOrgId: task.lead_org_id, leadKind: task.lead_kind, coExecutorIds: task.co_executor_ids, territoryCode: task.territory_code, commissionTerritoryCode: task.commission_territory_code });
    if (!rights.read) {
      await this.audit.record({ actor: auditActor(user), action: 'denied', entity: 'task', entityId: id, purpose: 'graphql:commissionTask' });
      throw forbidden(`task ${task.number} is not one of your organisation's or territory's (${describeJurisdiction(user.jurisdiction)})`);
    }
    return task;
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { decodeCursor, encodeCursor } from '@seriktes/graphql';
import type { AuthenticatedUser } from '@seriktes/auth';
import { invalidInput } from '@seriktes/runtime';
import { organisationOf, POLICE_ROLES, taskVisibility } from '../access';
import type { EscalationNode, ReportNode, ReviewNode } from '../graphql.types';
import { TASK_SELECT, type TaskRow } from './task.service';
import { TASK_STATUSES } from './rules';

export interface TaskFilter {
  commissionId?: string | null;
  decisionId?: string | null;
  agency?: string | null;
  status?: string[] | null;
  overdue?: boolean | null;
  dueBefore?: string | null;
  territoryCode?: string | null;
  precinctCode?: string | null;
}

const OPEN = `('assigned','accepted','in_progress','reported')`;

/** Lists of tasks, always restricted in SQL to what the caller may read. */
@Injectable()
export class TaskQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(user: AuthenticatedUser, filter: TaskFilter, size: number, after: string | undefined, now = new Date()): Promise<{ rows: TaskRow[]; total: number }> {
    const errors = [];
    const bad = (filter.status ?? []).filter((s) => !(TASK_STATUSES as readonly string[]).includes(s));
    if (bad.length) errors.push({ field: 'filter.status', message: `unknown status(es) ${bad.join(', ')}` });
    if (filter.dueBefore != null && Number.isNaN(Date.parse(filter.dueBefore))) errors.push({ field: 'filter.dueBefore', message: 'must be a date or time' });
    if (errors.length) throw invalidInput(errors);
    const params: unknown[] = [];
    const p = (value: unknown) => `$${params.push(value)}`;
    const where: string[] = [];
    const visibility = taskVisibility(user, 1);
    params.push(...visibility.params);
    where.push(visibility.sql);
    if (filter.commissionId) where.push(`t.commission_id = ${p(filter.commissionId)}::uuid`);
    if (filter.decisionId) where.push(`t.decision_id = ${p(filter.decisionId)}::uuid`);
    if (filter.agency) where.push(`(t.lead_org_id = ${p(filter.agency)} OR EXISTS (SELECT 1 FROM commission_tasks.task_co_executor x WHERE x.task_id = t.id AND x.organisation_id = $${params.length}))`);
    if (filter.status?.length) where.push(`t.status = ANY(${p(filter.status)})`);
    if (filter.overdue === true) where.push(`t.status IN ('assigned','accepted','in_progress') AND t.due_at < ${p(now)}`);
    if (filter.overdue === false) where.push(`NOT (t.status IN ('assigned','accepted','in_progress') AND t.due_at < ${p(now)})`);
    if (filter.dueBefore) where.push(`t.due_at < ${p(new Date(filter.dueBefore))}`);
    if (filter.territoryCode) where.push(`(t.territory_code = ${p(filter.territoryCode)} OR starts_with(t.territory_code, $${params.length} || '-'))`);
    if (filter.precinctCode) where.push(`t.territory_code = ${p(filter.precinctCode)}`);
    const base = where.join(' AND ');
    const [{ n }] = (await this.dataSource.query(`SELECT count(*)::int AS n FROM commission_tasks.task t WHERE ${base}`, params)) as Array<{ n: number }>;
    let page = base;
    if (after) {
      const [dueAt, id] = decodeCursor(after, 2) as [string, string];
      page += ` AND (t.due_at, t.id) > (${p(new Date(dueAt))}, ${p(id)}::uuid)`;
    }
    const rows = (await this.dataSource.query(`${TASK_SELECT} WHERE ${page} ORDER BY t.due_at, t.id LIMIT ${size + 1}`, params)) as TaskRow[];
    return { rows, total: n };
  }

  cursorOf(t: TaskRow): string {
    return encodeCursor([t.due_at.toISOString(), t.id]);
  }

  /** The open tasks the caller's organisation leads or helps with (police staff: police-led tasks of their territory), soonest due first. */
  async mine(user: AuthenticatedUser): Promise<TaskRow[]> {
    const org = organisationOf(user);
    if (org) {
      return (await this.dataSource.query(
        `${TASK_SELECT} WHERE t.status IN ${OPEN} AND (t.lead_org_id = $1 OR EXISTS (SELECT 1 FROM commission_tasks.task_co_executor x WHERE x.task_id = t.id AND x.organisation_id = $1)) ORDER BY t.due_at LIMIT 500`,
        [org],
      )) as TaskRow[];
    }
    if (!user.roles.some((r) => (POLICE_ROLES as readonly string[]).includes(r))) return [];
    const v = taskVisibility(user, 1);
    return (await this.dataSource.query(`${TASK_SELECT} WHERE t.status IN ${OPEN} AND o.kind = 'police' AND ${v.sql} ORDER BY t.due_at LIMIT 500`, v.params)) as TaskRow[];
  }

  /** Reports of a task, oldest first. */
  async reports(taskId: string): Promise<ReportNode[]> {
    const rows = (await this.dataSource.query(
      `SELECT id, organisation_id, author, text, attachments, progress_percent, final, submitted_at, outcome, return_reason, reviewed_at
         FROM commission_tasks.task_report WHERE task_id = $1 ORDER BY submitted_at, id`,
      [taskId],
    )) as Array<{
      id: string;
      organisation_id: string;
      author: string;
      text: string;
      attachments: ReportNode['attachments'];
      progress_percent: number;
      final: boolean;
      submitted_at: Date;
      outcome: string | null;
      return_reason: string | null;
      reviewed_at: Date | null;
    }>;
    return rows.map((r) => ({
      id: r.id,
      organisationId: r.organisation_id,
      author: r.author,
      text: r.text,
      attachments: r.attachments.map((a) => ({ ...a, sha256: a.sha256 ?? null, url: a.url ?? null })),
      progressPercent: r.progress_percent,
      final: r.final,
      submittedAt: r.submitted_at.toISOString(),
      outcome: r.outcome,
      returnReason: r.return_reason,
      reviewedAt: r.reviewed_at?.toISOString() ?? null,
    }));
  }

  /** The escalation log of a task, in order. */
  async escalations(taskId: string): Promise<EscalationNode[]> {
    const rows = (await this.dataSource.query(
      `SELECT step, target, target_org_id, target_position, due_at, escalated_at FROM commission_tasks.escalation WHERE task_id = $1 ORDER BY escalated_at, step`,
      [taskId],
    )) as Array<{ step: number; target: string; target_org_id: string; target_position: string | null; due_at: Date; escalated_at: Date }>;
    return rows.map((r) => ({ step: r.step, target: r.target, targetOrganisationId: r.target_org_id, targetPosition: r.target_position, dueAt: r.due_at.toISOString(), escalatedAt: r.escalated_at.toISOString() }));
  }

  /** Reviews of a task at meetings, in order. */
  async reviews(taskId: string): Promise<ReviewNode[]> {
    const rows = (await this.dataSource.query(
      `SELECT meeting_id, reason_code, outcome, previous_due_at, new_due_at, note, reviewed_at FROM commission_tasks.task_review WHERE task_id = $1 ORDER BY reviewed_at`,
      [taskId],
    )) as Array<{ meeting_id: string; reason_code: string; outcome: string; previous_due_at: Date; new_due_at: Date | null; note: string | null; reviewed_at: Date }>;
    return rows.map((r) => ({ meetingId: r.meeting_id, reasonCode: r.reason_code, outcome: r.outcome, previousDueAt: r.previous_due_at.toISOString(), newDueAt: r.new_due_at?.toISOString() ?? null, note: r.note, reviewedAt: r.reviewed_at.toISOString() }));
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { notFound } from '@seriktes/runtime';

export interface AccountabilityDecision {
  number: string;
  title: string;
  stage: string;
  territoryCode: string;
  recordedAt: Date;
  tasks: number;
  done: number;
  open: number;
  overdue: number;
  progressPercent: number;
  lastDueOn: string | null;
}

export interface AccountabilityView {
  code: string;
  nameKk: string;
  nameRu: string;
  nameEn: string;
  territoryCode: string;
  publishedAt: Date;
  meetingsHeld: number;
  lastMeetingAt: Date | null;
  progressPercent: number;
  decisions: AccountabilityDecision[];
}

/**
 * The public accountability view of a commission, once its secretary publishes it (Decidim
 * Accountability is the model): what was decided, the progress of each decision as the mean of its
 * tasks' progress, dates; no names, no task texts, no reports, nothing sensitive.
 */
@Injectable()
export class AccountabilityService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async view(code: string, now = new Date()): Promise<AccountabilityView> {
    const [c] = (await this.dataSource.query(
      `SELECT c.id, c.code, c.name_kk, c.name_ru, c.name_en, c.territory_code, c.published_at,
              (SELECT count(*)::int FROM commission_tasks.meeting m WHERE m.commission_id = c.id AND m.status = 'held') AS held,
              (SELECT max(held_at) FROM commission_tasks.meeting m WHERE m.commission_id = c.id) AS last_meeting
         FROM commission_tasks.commission c WHERE c.code = $1 AND c.published`,
      [code],
    )) as Array<{ id: string; code: string; name_kk: string; name_ru: string; name_en: string; territory_code: string; published_at: Date; held: number; last_meeting: Date | null }>;
    if (!c) throw notFound(`no published accountability view for commission ${code}`);
    const decisions = (await this.dataSource.query(
      `SELECT d.number, d.title, d.stage, d.territory_code, d.recorded_at,
              count(t.id) FILTER (WHERE t.status <> 'cancelled')::int AS tasks,
              count(t.id) FILTER (WHERE t.status = 'done')::int AS done,
              count(t.id) FILTER (WHERE t.status IN ('assigned','accepted','in_progress','reported'))::int AS open,
              count(t.id) FILTER (WHERE t.status IN ('assigned','accepted','in_progress') AND t.due_at < $2)::int AS overdue,
              coalesce(round(avg(CASE WHEN t.status = 'done' THEN 100 ELSE t.progress_percent END) FILTER (WHERE t.status <> 'cancelled')), 0)::int AS progress,
              max(t.due_on)::text AS last_due_on
         FROM commission_tasks.decision d LEFT JOIN commission_tasks.task t ON t.decision_id = d.id AND NOT t.sensitive
        WHERE d.commission_id = $1
        GROUP BY d.id ORDER BY d.recorded_at DESC`,
      [c.id, now],
    )) as Array<{ number: string; title: string; stage: string; territory_code: string; recorded_at: Date; tasks: number; done: number; open: number; overdue: number; progress: number; last_due_on: string | null }>;
    const withTasks = decisions.filter((d) => d.tasks > 0);
    return {
      code: c.code,
      nameKk: c.name_kk,
      nameRu: c.name_ru,
      nameEn: c.name_en,
      territoryCode: c.territory_code,
      publishedAt: c.published_at,
      meetingsHeld: c.held,
      lastMeetingAt: c.last_meeting,
      progressPercent: withTasks.length ? Math.round(withTasks.reduce((s, d) => s + d.progress, 0) / withTasks.length) : 0,
      decisions: decisions.map((d) => ({
        number: d.number,
        title: d.title,
        stage: d.stage,
        territoryCode: d.territory_code,
        recordedAt: d.recorded_at,
        tasks: d.tasks,
        done: d.done,
        open: d.open,
        overdue: d.overdue,
        progressPercent: d.progress,
        lastDueOn: d.last_due_on,
      })),
    };
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { localDateOf } from '@seriktes/calendar';
import type { AuthenticatedUser } from '@seriktes/auth';
import { invalidInput } from '@seriktes/runtime';
import { statsVisibility } from '../access';
import { daysLate, median, onTimeRate } from './rules';

export type StatsGroupBy = 'agency' | 'status' | 'month';

export interface TaskStatsGroup {
  key: string;
  total: number;
  open: number;
  overdue: number;
  done: number;
  doneOnTime: number;
  onTimeRate: number | null;
  medianDaysOverdue: number | null;
}

/**
 * Dashboards of tasks: per agency, status or month of assignment (Asia/Almaty), the open and
 * overdue counts, on-time completion rate and the median days overdue (of tasks overdue now and of
 * those done late). Counts only: the public council sees these and nothing else.
 */
@Injectable()
export class StatsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async taskStats(user: AuthenticatedUser, scope: { territoryCode?: string | null; commissionId?: string | null }, groupBy: StatsGroupBy, now = new Date()): Promise<TaskStatsGroup[]> {
    if (!['agency', 'status', 'month'].includes(groupBy)) throw invalidInput([{ field: 'groupBy', message: 'must be agency, status or month' }]);
    const v = statsVisibility(user, 1);
    const params: unknown[] = [...v.params];
    let where = v.sql;
    if (scope.territoryCode) {
      params.push(scope.territoryCode);
      where += ` AND (t.territory_code = $${params.length} OR starts_with(t.territory_code, $${params.length} || '-'))`;
    }
    if (scope.commissionId) {
      params.push(scope.commissionId);
      where += ` AND t.commission_id = $${params.length}::uuid`;
    }
    const rows = (await this.dataSource.query(
      `SELECT t.lead_org_id, t.status, t.assigned_at, t.due_at, t.closed_at, t.reported_at, t.on_time FROM commission_tasks.task t WHERE ${where}`,
      params,
    )) as Array<{ lead_org_id: string; status: string; assigned_at: Date; due_at: Date; closed_at: Date | null; reported_at: Date | null; on_time: boolean | null }>;
    const groups = new Map<string, typeof rows>();
    for (const r of rows) {
      const key = groupBy === 'agency' ? r.lead_org_id : groupBy === 'status' ? r.status : localDateOf(r.assigned_at).slice(0, 7);
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    return [...groups.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, list]) => {
        const open = list.filter((r) => ['assigned', 'accepted', 'in_progress', 'reported'].includes(r.status));
        const overdueNow = open.filter((r) => r.status !== 'reported' && r.due_at < now);
        const done = list.filter((r) => r.status === 'done');
        const doneOnTime = done.filter((r) => r.on_time === true).length;
        const late = [...overdueNow.map((r) => daysLate(r.due_at, now)), ...done.filter((r) => r.on_time === false).map((r) => daysLate(r.due_at, r.reported_at ?? r.closed_at!))];
        return { key, total: list.length, open: open.length, overdue: overdueNow.length, done: done.length, doneOnTime, onTimeRate: onTimeRate(done.length, doneOnTime), medianDaysOverdue: median(late) };
      });
  }
}

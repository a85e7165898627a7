import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  CitizenRequestAssigned,
  CitizenRequestClosed,
  CitizenRequestOverdue,
  CitizenRequestRegistered,
  CitizenRequestReopened,
  CommissionTaskAssigned,
  CommissionTaskClosed,
  CommissionTaskOverdue,
} from '@seriktes/contracts';
import { EventConsumer } from '@seriktes/messaging';

/** Open, overdue and recently closed work of a precinct or an inspector (counts only: no personal data). */
export interface CaseloadView {
  open: number;
  overdue: number;
  closedLast30Days: number;
  openRequests: number;
  openTasks: number;
}

interface CaseChange {
  source: 'request' | 'task';
  itemId: string;
  precinctCode?: string | null;
  /** Set (possibly to null) only by an assignment event. */
  inspectorId?: string | null;
  closed?: boolean;
  openedAt?: string;
  dueAt?: string | null;
  overdueAt?: string;
  closedAt?: string;
}

const EMPTY: CaseloadView = { open: 0, overdue: 0, closedLast30Days: 0, openRequests: 0, openTasks: 0 };

/**
 * The caseload read model: one row per request or task, kept from the citizen-requests and
 * commission-tasks events, in the inbox transaction of each event (so a redelivered event changes
 * nothing). Every change is an upsert that tolerates any order: a close that arrives before the
 * registration still leaves the item closed.
 */
@Injectable()
export class CaseloadService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly consumer: EventConsumer,
  ) {}

  onModuleInit(): void {
    const on = this.consumer.on.bind(this.consumer);
    on(CitizenRequestRegistered, (e, em) => this.apply(em, { source: 'request', itemId: e.data.requestId, precinctCode: e.data.precinctCode, openedAt: e.data.registeredAt }));
    on(CitizenRequestAssigned, (e, em) =>
      this.apply(em, { source: 'request', itemId: e.data.requestId, precinctCode: e.data.precinctCode, inspectorId: e.data.inspectorId, dueAt: e.data.dueAt, openedAt: e.data.assignedAt }),
    );
    on(CitizenRequestOverdue, (e, em) => this.apply(em, { source: 'request', itemId: e.data.requestId, precinctCode: e.data.precinctCode, dueAt: e.data.dueAt, overdueAt: e.data.detectedAt }));
    on(CitizenRequestClosed, (e, em) => this.apply(em, { source: 'request', itemId: e.data.requestId, precinctCode: e.data.precinctCode, closed: true, closedAt: e.data.closedAt }));
    on(CitizenRequestReopened, (e, em) => this.reopen(em, e.data.requestId, e.data.precinctCode, e.data.dueAt ?? null));
    on(CommissionTaskAssigned, async (e, em) => {
      // Only police work tied to a precinct is an inspector's caseload.
      if (e.data.executorKind !== 'police' || e.data.precinctCode === null) return;
      await this.apply(em, { source: 'task', itemId: e.data.taskId, precinctCode: e.data.precinctCode, inspectorId: e.data.inspectorId, dueAt: e.data.dueAt, openedAt: e.data.assignedAt });
    });
    on(CommissionTaskOverdue, (e, em) => this.applyIfKnown(em, { source: 'task', itemId: e.data.taskId, dueAt: e.data.dueAt, overdueAt: e.data.detectedAt }));
    on(CommissionTaskClosed, (e, em) => this.applyIfKnown(em, { source: 'task', itemId: e.data.taskId, closed: true, closedAt: e.data.closedAt }));
  }

  /** Tasks are tracked only once assigned to the police (their later events say nothing of the executor). */
  private async applyIfKnown(em: EntityManager, change: CaseChange): Promise<void> {
    const known = (await em.query(`SELECT 1 FROM inspector_roster.case_item WHERE source = $1 AND item_id = $2`, [change.source, change.itemId])) as unknown[];
    if (known.length) await this.apply(em, change);
  }

  /** A reopened request is open work again, with its new term (and no longer counted as closed or overdue). */
  private async reopen(em: EntityManager, requestId: string, precinctCode: string, dueAt: string | null): Promise<void> {
    await em.query(
      `UPDATE inspector_roster.case_item SET status = 'open', closed_at = NULL, overdue_at = NULL, due_at = $3, precinct_code = $2, updated_at = now()
        WHERE source = 'request' AND item_id = $1`,
      [requestId, precinctCode, dueAt],
    );
  }

  async apply(em: EntityManager, c: CaseChange): Promise<void> {
    await em.query(
      `INSERT INTO inspector_roster.case_item AS c (source, item_id, precinct_code, inspector_id, status, opened_at, due_at, overdue_at, closed_at, updated_at)
       VALUES ($1, $2, $3, $4, CASE WHEN $5 THEN 'closed' ELSE 'open' END, $6, $7, $8, $9, now())
       ON CONFLICT (source, item_id) DO UPDATE SET
         precinct_code = coalesce(EXCLUDED.precinct_code, c.precinct_code),
         inspector_id  = CASE WHEN $10 THEN EXCLUDED.inspector_id ELSE c.inspector_id END,
         status        = CASE WHEN $5 OR c.status = 'closed' THEN 'closed' ELSE 'open' END,
         opened_at     = coalesce(least(c.opened_at, EXCLUDED.opened_at), c.opened_at, EXCLUDED.opened_at),
         due_at        = CASE WHEN $11 THEN EXCLUDED.due_at ELSE c.due_at END,
         overdue_at    = coalesce(c.overdue_at, EXCLUDED.overdue_at),
         closed_at     = coalesce(EXCLUDED.closed_at, c.closed_at),
         updated_at    = now()`,
      [
        c.source,
        c.itemId,
        c.precinctCode ?? null,
        c.inspectorId ?? null,
        c.closed === true,
        c.openedAt ?? null,
        c.dueAt ?? null,
        c.overdueAt ?? null,
        c.closedAt ?? null,
        c.inspectorId !== undefined,
        c.dueAt !== undefined,
      ],
    );
  }

  /** Caseload per precinct (codes absent from the result have none). */
  async byPrecinct(codes: readonly string[], now = new Date()): Promise<Map<string, CaseloadView>> {
    return this.aggregate('precinct_code', codes, now);
  }

  /** Caseload per inspector, of the items routed to them. */
  async byInspector(ids: readonly string[], now = new Date()): Promise<Map<string, CaseloadView>> {
    return this.aggregate('inspector_id', ids, now);
  }

  async ofPrecinct(code: string, now = new Date()): Promise<CaseloadView> {
    return (await this.byPrecinct([code], now)).get(code) ?? { ...EMPTY };
  }

  async ofInspector(id: string, now = new Date()): Promise<CaseloadView> {
    return (await this.byInspector([id], now)).get(id) ?? { ...EMPTY };
  }

  private async aggregate(column: 'precinct_code' | 'inspector_id', keys: readonly string[], now: Date): Promise<Map<string, CaseloadView>> {
    if (!keys.length) return new Map();
    const rows = (await this.dataSource.query(
      `SELECT ${column}::text AS key,
              count(*) FILTER (WHERE status = 'open')::int AS open,
              count(*) FILTER (WHERE status = 'open' AND (overdue_at IS NOT NULL OR due_at < $2))::int AS overdue,
              count(*) FILTER (WHERE status = 'closed' AND closed_at >= $2::timestamptz - interval '30 days')::int AS closed_last_30_days,
              count(*) FILTER (WHERE status = 'open' AND source = 'request')::int AS open_requests,
              count(*) FILTER (WHERE status = 'open' AND source = 'task')::int AS open_tasks
         FROM inspector_roster.case_item
        WHERE ${column}::text = ANY($1)
        GROUP BY ${column}`,
      [keys, now],
    )) as Array<{ key: string; open: number; overdue: number; closed_last_30_days: number; open_requests: number; open_tasks: number }>;
    const result = new Map<string, CaseloadView>();
    for (const r of rows) result.set(r.key, { open: r.open, overdue: r.overdue, closedLast30Days: r.closed_last_30_days, openRequests: r.open_requests, openTasks: r.open_tasks });
    return result;
  }
}

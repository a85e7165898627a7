import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import {
  CitizenRequestAnswered,
  CitizenRequestAssigned,
  CitizenRequestRegistered,
  CommissionTaskAssigned,
  parsePrecinctCode,
  TrustIndexUpdated,
} from '@seriktes/contracts';
import { EventConsumer } from '@seriktes/messaging';
import type { EntityManager } from 'typeorm';
import { monthOf } from './months';

const S = 'staffing_forecast';
/** The trust construct of the area survey: the one figure the allocation's risk weight reads. */
export const TRUST_INDICATOR = 'trust';

interface FactRow {
  precinct_code: string;
  category: string;
  registered_at: Date;
  first_assigned_at: Date | null;
  answered_at: Date | null;
  inspectors: string[];
}

/**
 * The inputs this service gathers itself from the platform's events (issue 8, item 1), each in the
 * transaction of the event inbox, so a redelivery changes nothing:
 * - `citizen-request.registered`: one request counted into its precinct, category and month
 *   (line-102 calls apart: they are time-critical whatever the category);
 * - `citizen-request.assigned`: when work on it began, how many inspectors it took, and a
 *   re-routing to another precinct moves its count there;
 * - `citizen-request.answered`: the elapsed time from assignment to answer, in the month answered;
 * - `commission-task.assigned` to the police: one task for its territory and month;
 * - `trust-index.updated`: the latest published trust figure per territory.
 */
@Injectable()
export class InputIngestion implements OnModuleInit {
  private readonly logger = new Logger('InputIngestion');

  constructor(private readonly consumer: EventConsumer) {}

  onModuleInit(): void {
    this.consumer.on(CitizenRequestRegistered, (e, em) =>
      this.registered(em, { requestId: e.data.requestId, precinctCode: e.data.precinctCode, category: e.data.category, kind: e.data.kind, channel: e.data.channel, registeredAt: new Date(e.data.registeredAt) }),
    );
    this.consumer.on(CitizenRequestAssigned, (e, em) => this.assigned(em, e.data.requestId, e.data.precinctCode, e.data.inspectorId ?? null, new Date(e.data.assignedAt)));
    this.consumer.on(CitizenRequestAnswered, (e, em) => this.answered(em, e.data.requestId, new Date(e.data.answeredAt)));
    this.consumer.on(CommissionTaskAssigned, async (e, em) => {
      if (e.data.executorKind !== 'police') return;
      const territory = e.data.precinctCode ?? e.data.territoryCode ?? null;
      if (!territory) return;
      await em.query(`INSERT INTO ${S}.task_fact (task_id, territory_code, month) VALUES ($1, $2, $3) ON CONFLICT (task_id) DO NOTHING`, [e.data.taskId, territory, monthOf(new Date(e.data.assignedAt))]);
    });
    this.consumer.on(TrustIndexUpdated, async (e, em) => {
      const d = e.data;
      if (d.indicator !== TRUST_INDICATOR || d.suppressed || d.value === null) return;
      const scope = d.scopeLevel === 'national' ? 'KAZ' : d.scopeCode;
      await em.query(
        `INSERT INTO ${S}.trust (scope_code, indicator, value, n, period_start, computed_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (scope_code) DO UPDATE SET indicator = EXCLUDED.indicator, value = EXCLUDED.value, n = EXCLUDED.n, period_start = EXCLUDED.period_start, computed_at = EXCLUDED.computed_at
          WHERE (${S}.trust.period_start, ${S}.trust.computed_at) <= (EXCLUDED.period_start, EXCLUDED.computed_at)`,
        [scope, d.indicator, d.value, d.n, d.periodStart, d.computedAt],
      );
    });
  }

  async registered(em: EntityManager, r: { requestId: string; precinctCode: string; category: string; kind: string; channel: string; registeredAt: Date }): Promise<void> {
    if (!parsePrecinctCode(r.precinctCode)) {
      this.logger.warn(`request in unknown precinct ${r.precinctCode} not counted`);
      return;
    }
    const line102 = r.channel === 'line-102' ? 1 : 0;
    await em.query(
      `WITH fact AS (
         INSERT INTO ${S}.request_fact (request_id, precinct_code, category, kind, channel, registered_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (request_id) DO NOTHING RETURNING precinct_code, category)
       INSERT INTO ${S}.workload_month (precinct_code, category, month, requests, line_102)
       SELECT precinct_code, category, $7, 1, $8 FROM fact
       ON CONFLICT (precinct_code, category, month) DO UPDATE
         SET requests = ${S}.workload_month.requests + 1, line_102 = ${S}.workload_month.line_102 + EXCLUDED.line_102`,
      [r.requestId, r.precinctCode, r.category, r.kind, r.channel, r.registeredAt, monthOf(r.registeredAt), line102],
    );
  }

  async assigned(em: EntityManager, requestId: string, precinctCode: string, inspectorId: string | null, assignedAt: Date): Promise<void> {
    const [fact] = (await em.query(`SELECT precinct_code, category, registered_at, first_assigned_at, answered_at, inspectors, channel FROM ${S}.request_fact WHERE request_id = $1 FOR UPDATE`, [requestId])) as Array<FactRow & { channel: string }>;
    if (!fact) return; // registered before this service listened: not in the workload
    if (fact.precinct_code !== precinctCode && parsePrecinctCode(precinctCode)) {
      const month = monthOf(fact.registered_at);
      const line102 = fact.channel === 'line-102' ? 1 : 0;
      await em.query(`UPDATE ${S}.workload_month SET requests = requests - 1, line_102 = line_102 - $4 WHERE precinct_code = $1 AND category = $2 AND month = $3`, [fact.precinct_code, fact.category, month, line102]);
      await em.query(
        `INSERT INTO ${S}.workload_month (precinct_code, category, month, requests, line_102) VALUES ($1, $2, $3, 1, $4)
         ON CONFLICT (precinct_code, category, month) DO UPDATE SET requests = ${S}.workload_month.requests + 1, line_102 = ${S}.workload_month.line_102 + EXCLUDED.line_102`,
        [precinctCode, fact.category, month, line102],
      );
    }
    await em.query(
      `UPDATE ${S}.request_fact
          SET precinct_code = $2,
              first_assigned_at = COALESCE(first_assigned_at, $3),
              inspectors = CASE WHEN $4::uuid IS NULL OR $4::uuid = ANY(inspectors) THEN inspectors ELSE array_append(inspectors, $4::uuid) END
        WHERE request_id = $1`,
      [requestId, parsePrecinctCode(precinctCode) ? precinctCode : fact.precinct_code, assignedAt, inspectorId],
    );
  }

  async answered(em: EntityManager, requestId: string, answeredAt: Date): Promise<void> {
    const [fact] = (await em.query(`SELECT precinct_code, category, registered_at, first_assigned_at, answered_at, inspectors FROM ${S}.request_fact WHERE request_id = $1 FOR UPDATE`, [requestId])) as FactRow[];
    if (!fact || fact.answered_at) return; // unknown, or a re-answer after reopening: counted once
    const started = fact.first_assigned_at ?? fact.registered_at;
    const elapsedHours = Math.max(0, (answeredAt.getTime() - started.getTime()) / 3_600_000);
    await em.query(`UPDATE ${S}.request_fact SET answered_at = $2, elapsed_hours = $3 WHERE request_id = $1`, [requestId, answeredAt, elapsedHours]);
    await em.query(
      `INSERT INTO ${S}.workload_month (precinct_code, category, month, answered, elapsed_hours, units) VALUES ($1, $2, $3, 1, $4, $5)
       ON CONFLICT (precinct_code, category, month) DO UPDATE
         SET answered = ${S}.workload_month.answered + 1, elapsed_hours = ${S}.workload_month.elapsed_hours + EXCLUDED.elapsed_hours, units = ${S}.workload_month.units + EXCLUDED.units`,
      [fact.precinct_code, fact.category, monthOf(answeredAt), elapsedHours, Math.max(1, fact.inspectors.length)],
    );
  }
}

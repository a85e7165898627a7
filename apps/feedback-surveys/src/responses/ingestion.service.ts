import { randomInt, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { SurveyResponseReceived, TrustIndexUpdated, type ServiceLine, type SurveyResponseReceivedV1, type TrustIndexUpdatedV1 } from '@seriktes/contracts';
import { EventPublisher } from '@seriktes/messaging';
import { PeriodicJob } from '@seriktes/runtime';
import { observe, profileOf } from '../instruments/definition';
import { InstrumentService } from '../instruments/instrument.service';
import type { Answers, InstrumentKind } from '../instruments/types';
import { ALL_SEGMENTS, CellAccumulator, type CellKey } from '../indices/cells';
import { estimateFigure } from '../indices/estimate';
import { weightKey } from '../indices/weighting';

export const RESPONSE_BATCH = Symbol('RESPONSE_BATCH');
export const MIN_CELL_N = Symbol('MIN_CELL_N');

/** What a submission leaves in the inbox: the scope, the month and the (masked) answers. */
export interface InboxPayload {
  versionId: string;
  kind: InstrumentKind;
  precinctCode: string | null;
  districtCode: string;
  regionCode: string;
  serviceLine: ServiceLine | null;
  waveId: string | null;
  /** Counts in the inspector's cells only; never stored with the response. */
  inspectorId: string | null;
  month: string;
  answers: Answers;
  masked: string[];
}

/**
 * Moves submitted responses from the inbox into the anonymous store and the indices, in batches,
 * in a transaction of its own: the response rows do not share a transaction id (`xmin`) with the
 * invitation whose token was burnt, and a batch is shuffled, so neither order nor transaction links
 * a response to its invitation. Per batch: one insert of the responses, one upsert of the summed
 * index cells (no rescan of responses), the `survey-response.received` events, and a
 * `trust-index.updated` event for every headline figure the batch changed.
 */
@Injectable()
export class ResponseIngestion implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ResponseIngestion');
  private readonly job = new PeriodicJob('moving survey responses', (now) => this.drain(now), this.logger);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly instruments: InstrumentService,
    private readonly events: EventPublisher,
    @Inject(RESPONSE_BATCH) private readonly batch: { intervalMs: number; size: number },
    @Inject(MIN_CELL_N) private readonly minN: number,
  ) {}

  onApplicationBootstrap(): void {
    this.job.start(this.batch.intervalMs);
  }

  onModuleDestroy(): Promise<void> {
    return this.job.stop();
  }

  /** Moves everything in the inbox; the number of responses moved. One run at a time per process. */
  tick(now = new Date()): Promise<number> {
    return this.job.run(now);
  }

  /** Adds a response to the inbox (in the caller's transaction, e.g. the one that burns the token). */
  async enqueue(em: EntityManager, payload: InboxPayload): Promise<void> {
    await em.query(`INSERT INTO feedback_surveys.response_inbox (payload) VALUES ($1)`, [JSON.stringify(payload)]);
  }

  /** Adds many at once (demo data, benchmarks): one statement. */
  async enqueueMany(em: EntityManager, payloads: readonly InboxPayload[]): Promise<void> {
    if (payloads.length === 0) return;
    await em.query(`INSERT INTO feedback_surveys.response_inbox (payload) SELECT unnest($1::jsonb[])`, [payloads.map((p) => JSON.stringify(p))]);
  }

  private async drain(now: Date): Promise<number> {
    let moved = 0;
    for (;;) {
      const n = await this.dataSource.transaction((em) => this.moveBatch(em, now));
      moved += n;
      if (n < this.batch.size) return moved;
    }
  }

  private async moveBatch(em: EntityManager, now: Date): Promise<number> {
    const rows = (await em.query(`SELECT id, payload FROM feedback_surveys.response_inbox LIMIT $1 FOR UPDATE SKIP LOCKED`, [this.batch.size])) as Array<{ id: string; payload: InboxPayload }>;
    if (rows.length === 0) return 0;
    // Fisher-Yates with a cryptographic source: the store's order says nothing of the submissions'.
    for (let i = rows.length - 1; i > 0; i--) {
      const j = randomInt(i + 1);
      [rows[i], rows[j]] = [rows[j], rows[i]];
    }

    const cells = new CellAccumulator();
    const stored: Array<Record<string, unknown>> = [];
    const events: Array<{ data: SurveyResponseReceivedV1; subject: string }> = [];
    const headline = new Map<string, Set<string>>();
    for (const { payload: p } of rows) {
      const version = await this.instruments.byId(p.versionId, em);
      if (!version) throw new Error(`response of unknown instrument version ${p.versionId}`);
      const observations = observe(version.definition, version.indicators, p.answers);
      const profile = version.definition.asksProfile ? profileOf(p.answers) : { sex: null, ageBand: null };
      const stratum = weightKey(profile.sex, profile.ageBand);
      cells.add({ ...p, stratum }, observations);
      const responseId = randomUUID();
      stored.push({ id: responseId, version_id: p.versionId, kind: p.kind, precinct_code: p.precinctCode, district_code: p.districtCode, region_code: p.regionCode, service_line: p.serviceLine, wave_id: p.waveId, month: p.month, stratum, answers: p.answers, masked: p.masked });
      const scores: Record<string, number | null> = {};
      const heads = headline.get(version.id) ?? new Set<string>();
      for (const ind of version.indicators) {
        if (ind.derived) continue;
        const x = observations.get(ind.code) ?? null;
        scores[ind.code] = x === null ? null : Math.round((ind.kind === 'share' ? x * 100 : x) * 10) / 10;
        if (ind.headline) heads.add(ind.code);
      }
      headline.set(version.id, heads);
      events.push({
        subject: p.districtCode,
        data: { responseId, instrumentCode: version.code, instrumentVersion: version.version, versionId: version.id, kind: p.kind, precinctCode: p.precinctCode, districtCode: p.districtCode, regionCode: p.regionCode, serviceLine: p.serviceLine, waveId: p.waveId, month: p.month, scores },
      });
    }

    await em.query(
      `INSERT INTO feedback_surveys.response (id, version_id, kind, precinct_code, district_code, region_code, service_line, wave_id, month, stratum, answers, masked)
       SELECT id, version_id, kind, precinct_code, district_code, region_code, service_line, wave_id, month, stratum, answers, masked
         FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, version_id uuid, kind text, precinct_code text, district_code text, region_code text,
              service_line text, wave_id uuid, month date, stratum text, answers jsonb, masked text[])`,
      [JSON.stringify(stored)],
    );
    const sorted = cells.sorted();
    const col = <K extends keyof CellKey>(k: K) => sorted.map(([key]) => key[k]);
    await em.query(
      `INSERT INTO feedback_surveys.index_cell (version_id, indicator, scope_level, scope_code, period_kind, period_start, segment, stratum, n, sum_x, sum_x2)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::date[], $7::text[], $8::text[], $9::bigint[], $10::float8[], $11::float8[])
       ON CONFLICT (version_id, indicator, scope_level, scope_code, period_kind, period_start, segment, stratum) DO UPDATE
         SET n = index_cell.n + EXCLUDED.n, sum_x = index_cell.sum_x + EXCLUDED.sum_x, sum_x2 = index_cell.sum_x2 + EXCLUDED.sum_x2`,
      [
        col('versionId'),
        col('indicator'),
        col('scopeLevel'),
        col('scopeCode'),
        col('periodKind'),
        col('periodStart'),
        col('segment'),
        col('stratum'),
        sorted.map(([, s]) => s.n),
        sorted.map(([, s]) => s.sumX),
        sorted.map(([, s]) => s.sumX2),
      ],
    );
    await em.query(`DELETE FROM feedback_surveys.response_inbox WHERE id = ANY($1::uuid[])`, [rows.map((r) => r.id)]);
    await this.events.publishMany(
      em,
      SurveyResponseReceived,
      events.map((e) => ({ data: e.data, options: { subject: e.subject, time: now } })),
    );
    await this.publishIndexUpdates(em, sorted.map(([k]) => k), headline, now);
    return rows.length;
  }

  /** One `trust-index.updated` per headline indicator, territory and period the batch touched (all segments, unweighted). */
  private async publishIndexUpdates(em: EntityManager, touched: CellKey[], headline: Map<string, Set<string>>, now: Date): Promise<void> {
    const keys = new Map<string, CellKey>();
    for (const k of touched) {
      if (k.segment !== ALL_SEGMENTS || k.scopeLevel === 'inspector' || !headline.get(k.versionId)?.has(k.indicator)) continue;
      keys.set([k.versionId, k.indicator, k.scopeLevel, k.scopeCode, k.periodKind, k.periodStart].join('|'), k);
    }
    if (keys.size === 0) return;
    const list = [...keys.values()];
    const rows = (await em.query(
      `SELECT c.version_id, c.indicator, c.scope_level, c.scope_code, c.period_kind, to_char(c.period_start, 'YYYY-MM-DD') AS period_start,
              c.stratum, c.n::int AS n, c.sum_x, c.sum_x2
         FROM feedback_surveys.index_cell c
         JOIN unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::date[]) AS t(version_id, indicator, scope_level, scope_code, period_kind, period_start)
           ON (c.version_id, c.indicator, c.scope_level, c.scope_code, c.period_kind, c.period_start) = (t.version_id, t.indicator, t.scope_level, t.scope_code, t.period_kind, t.period_start)
        WHERE c.segment = '*'`,
      [list.map((k) => k.versionId), list.map((k) => k.indicator), list.map((k) => k.scopeLevel), list.map((k) => k.scopeCode), list.map((k) => k.periodKind), list.map((k) => k.periodStart)],
    )) as Array<{ version_id: string; indicator: string; scope_level: string; scope_code: string; period_kind: string; period_start: string; stratum: string; n: number; sum_x: number; sum_x2: number }>;
    const grouped = new Map<string, typeof rows>();
    for (const r of rows) {
      const key = [r.version_id, r.indicator, r.scope_level, r.scope_code, r.period_kind, r.period_start].join('|');
      grouped.set(key, [...(grouped.get(key) ?? []), r]);
    }
    const updates: Array<{ data: TrustIndexUpdatedV1; options: { subject: string; time: Date } }> = [];
    for (const strata of grouped.values()) {
      const first = strata[0];
      const version = await this.instruments.byId(first.version_id, em);
      const indicator = version?.indicators.find((i) => i.code === first.indicator);
      if (!version || !indicator) continue;
      const f = estimateFigure(indicator.kind, strata.map((s) => ({ stratum: s.stratum, n: s.n, sumX: s.sum_x, sumX2: s.sum_x2 })), this.minN);
      const round = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
      updates.push({
        options: { subject: first.scope_code, time: now },
        data: {
          scopeLevel: first.scope_level as TrustIndexUpdatedV1['scopeLevel'],
          scopeCode: first.scope_code,
          periodKind: first.period_kind as TrustIndexUpdatedV1['periodKind'],
          periodStart: first.period_start,
          instrumentCode: version.code,
          instrumentVersion: version.version,
          versionId: version.id,
          indicator: indicator.code,
          value: round(f.value),
          lower: round(f.lower),
          upper: round(f.upper),
          n: f.n,
          suppressed: f.suppressed,
          computedAt: now.toISOString(),
        },
      });
    }
    await this.events.publishMany(em, TrustIndexUpdated, updates);
  }
}

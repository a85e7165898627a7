import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditLog, auditActor } from '@seriktes/audit';
import { forbidden, ServiceCallError, type AuthenticatedUser } from '@seriktes/auth';
import { ForecastPublished, type ForecastDistrictSummary, type ForecastPublishedV1 } from '@seriktes/contracts';
import { EventPublisher } from '@seriktes/messaging';
import { conflict, invalidInput, notFound, PeriodicJob } from '@seriktes/runtime';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { mayPlan, mayPublish, mayReadRuns, NATIONAL, PLANNER_ROLES, WHAT_IF_ROLES } from '../access';
import { InputsRepository } from '../inputs/inputs.repository';
import { RosterSync } from '../inputs/roster.sync';
import type { ScenarioName } from '../models/scenarios';
import type { DepartureReason, WorkforcePeriod } from '../models/supply';
import { computePrecinct, type PrecinctNeed, type RunSettings } from './engine';
import { allocateDistrict, districtSupply, type SupplyPath } from './districts';
import { resolveParameters, type StaffingModel, type StaffingParameters } from './parameters';

const S = 'staffing_forecast';
export const FORECAST_JOB_INTERVAL = Symbol('FORECAST_JOB_INTERVAL');
const TERRITORY = /^[A-Z]{3}(-[A-Z]{3}(-[0-9]{2,3})?)?$/;
/** A run whose worker has been silent this long is taken up again (its process died). */
const STALE_MS = 10 * 60_000;
const CHUNK = 250;

export interface RunRequest {
  scopeCode: string;
  horizonMonths: number;
  scenario: ScenarioName;
  model: StaffingModel;
  parameters: Partial<StaffingParameters>;
  note?: string | null;
}

export interface RunRow {
  id: string;
  scope_code: string;
  horizon_months: number;
  scenario: ScenarioName;
  model: StaffingModel;
  parameters: StaffingParameters;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  progress_done: number;
  progress_total: number;
  summary: RunSummary | null;
  error: string | null;
  note: string | null;
  created_by: string;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  published_at: Date | null;
  published_by: string | null;
}

export interface DistrictResult extends ForecastDistrictSummary {
  regionCode: string;
  supply: SupplyPath | null;
}

export interface RunSummary {
  precincts: number;
  need: number;
  current: number;
  allocated: number;
  filled: number | null;
  authorised: number | null;
  gap: number;
  districts: DistrictResult[];
  /** Precincts whose allocation was held by the damping. */
  damped: number;
  durationMs: number;
}

export interface WhatIfResult {
  scopeCode: string;
  model: StaffingModel;
  horizonMonths: number;
  scenario: ScenarioName;
  parameters: StaffingParameters;
  precincts: Array<PrecinctNeed & { allocated: number; change: number; binding: string | null }>;
  summary: RunSummary;
}

interface FactRow {
  territory_code: string;
  period: string;
  authorised: number;
  filled: number;
  hires: number;
  departures_retirement: number;
  departures_own_request: number;
  departures_negative: number;
  departures_transfer: number;
  departures_other: number;
  expected_retirements: number;
  training_lead_months: number | null;
}

/** Checks a request's scope, horizon and parameters; field-level errors, nothing written. */
export function checkRequest(r: { scopeCode: string; horizonMonths: number; parameters: Partial<StaffingParameters> }): StaffingParameters {
  const errors: Array<{ field: string; message: string }> = [];
  if (r.scopeCode !== NATIONAL && !TERRITORY.test(r.scopeCode)) errors.push({ field: 'scope', message: 'must be KAZ, a region (AST), a district (AST-ESL) or a precinct (AST-ESL-01)' });
  if (!Number.isInteger(r.horizonMonths) || r.horizonMonths < 1 || r.horizonMonths > 120) errors.push({ field: 'horizonMonths', message: 'must be a whole number of months from 1 to 120 (up to 12 short, 13-36 medium, 37-120 long term)' });
  const { parameters, errors: parameterErrors } = resolveParameters(r.parameters);
  errors.push(...parameterErrors.map((e) => ({ field: `parameters.${e.field}`, message: e.message })));
  if (errors.length) throw invalidInput(errors);
  return parameters;
}

/**
 * Forecast runs: asked for through GraphQL, queued, worked by a job of this process (any replica:
 * a queued run is claimed with SKIP LOCKED), with progress saved as precincts are computed. A run
 * stores every precinct's need with its explanation, the damped allocation within each district,
 * and each district's supply; a department head or HQ publishes it, which emits
 * `forecast.published` for partners. What-ifs use the same engine and store nothing.
 */
@Injectable()
export class RunService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('RunService');
  private readonly job = new PeriodicJob('forecast runs', () => this.work(), this.logger);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly inputs: InputsRepository,
    private readonly roster: RosterSync,
    private readonly events: EventPublisher,
    private readonly audit: AuditLog,
    @Inject(FORECAST_JOB_INTERVAL) private readonly intervalMs: number,
  ) {}

  onApplicationBootstrap(): void {
    this.job.start(this.intervalMs);
  }

  onModuleDestroy(): Promise<void> {
    return this.job.stop();
  }

  /** Works the queue until it is empty; the number of runs finished. */
  tick(): Promise<number> {
    return this.job.run();
  }

  /** What-if: every model for a scope with the given parameters, nothing stored. */
  async whatIf(user: AuthenticatedUser, request: RunRequest): Promise<WhatIfResult> {
    if (!mayPlan(user, request.scopeCode, WHAT_IF_ROLES)) throw forbidden(`no staffing figures for ${request.scopeCode}: outside your territory or role`);
    const parameters = checkRequest(request);
    const settings: RunSettings = { horizonMonths: request.horizonMonths, scenario: request.scenario, model: request.model, parameters };
    await this.refreshRoster(request.scopeCode);
    const started = Date.now();
    const { needs, summary, allocation } = await this.computeScope(request.scopeCode, settings, new Date());
    await this.audit.record({ actor: auditActor(user), action: 'read', entity: 'staffing_need', entityIds: [], purpose: 'graphql:staffingNeed', details: { scope: request.scopeCode, model: request.model } });
    summary.durationMs = Date.now() - started;
    return {
      scopeCode: request.scopeCode,
      model: request.model,
      horizonMonths: request.horizonMonths,
      scenario: request.scenario,
      parameters,
      precincts: needs.map((n) => {
        const line = allocation.get(n.code);
        return { ...n, allocated: line?.allocated ?? n.current, change: line?.change ?? 0, binding: line?.binding ?? null };
      }),
      summary,
    };
  }

  /** Queues a run and starts the worker; the run as queued. */
  async request(user: AuthenticatedUser, request: RunRequest): Promise<RunRow> {
    if (!mayPlan(user, request.scopeCode, PLANNER_ROLES)) throw forbidden(`no forecast runs for ${request.scopeCode}: outside your territory or role`);
    const parameters = checkRequest(request);
    if (request.note && request.note.length > 1000) throw invalidInput([{ field: 'note', message: 'must be at most 1000 characters' }]);
    const id = randomUUID();
    const row = await this.dataSource.transaction(async (em) => {
      const [inserted] = (await em.query(
        `INSERT INTO ${S}.forecast_run (id, scope_code, horizon_months, scenario, model, parameters, note, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
        [id, request.scopeCode, request.horizonMonths, request.scenario, request.model, JSON.stringify(parameters), request.note ?? null, user.username],
      )) as RunRow[];
      await this.audit.record({ actor: auditActor(user), action: 'create', entity: 'forecast_run', entityId: id, purpose: 'graphql:runForecast', details: { scope: request.scopeCode, horizonMonths: request.horizonMonths, scenario: request.scenario } }, em);
      return inserted;
    });
    void this.job.run().catch((e: unknown) => this.logger.error(`forecast runs failed: ${String(e)}`));
    return row;
  }

  async get(user: AuthenticatedUser, id: string): Promise<RunRow | null> {
    const [row] = (await this.dataSource.query(`SELECT * FROM ${S}.forecast_run WHERE id = $1`, [id])) as RunRow[];
    if (!row) return null;
    if (!mayReadRuns(user, row.scope_code)) throw forbidden('this forecast run is outside your territory or role');
    return row;
  }

  async list(user: AuthenticatedUser, scopeCode: string | null, first: number): Promise<RunRow[]> {
    if (scopeCode !== null && !mayReadRuns(user, scopeCode)) throw forbidden(`no forecast runs of ${scopeCode} for you`);
    const rows = (await this.dataSource.query(
      `SELECT * FROM ${S}.forecast_run WHERE ($1::text IS NULL OR scope_code = $1) ORDER BY created_at DESC LIMIT $2`,
      [scopeCode, Math.min(Math.max(first, 1), 100) * 4],
    )) as RunRow[];
    return rows.filter((r) => mayReadRuns(user, r.scope_code)).slice(0, first);
  }

  /** Publishes a finished run as the basis of staffing proposals; emits `forecast.published` once. */
  async publish(user: AuthenticatedUser, id: string): Promise<RunRow> {
    return this.dataSource.transaction(async (em) => {
      const [run] = (await em.query(`SELECT * FROM ${S}.forecast_run WHERE id = $1 FOR UPDATE`, [id])) as RunRow[];
      if (!run) throw notFound('no such forecast run');
      if (!mayPublish(user, run.scope_code)) throw forbidden('only a department head of the region or HQ publishes a forecast run');
      if (run.published_at) throw conflict('this run is already published', 'id');
      if (run.status !== 'succeeded' || !run.summary) throw conflict(`only a finished run can be published; this one is ${run.status}`, 'id');
      const now = new Date();
      const [[published]] = (await em.query(`UPDATE ${S}.forecast_run SET published_at = $2, published_by = $3 WHERE id = $1 RETURNING *`, [id, now, user.username])) as [RunRow[], number];
      const summary = run.summary;
      await this.events.publish<ForecastPublishedV1>(
        em,
        ForecastPublished,
        {
          runId: id,
          scopeCode: run.scope_code,
          regionCodes: [...new Set(summary.districts.map((d) => d.regionCode))].sort(),
          horizonMonths: run.horizon_months,
          scenario: run.scenario,
          model: run.model,
          publishedAt: now.toISOString(),
          totals: { need: summary.need, current: summary.current, filled: summary.filled, authorised: summary.authorised, gap: summary.gap },
          districts: summary.districts.map(({ regionCode: _r, supply: _s, ...d }) => d),
        },
        { subject: id, time: now },
      );
      await this.audit.record({ actor: auditActor(user), action: 'update', entity: 'forecast_run', entityId: id, purpose: 'graphql:publishForecastRun' }, em);
      return published;
    });
  }

  private async refreshRoster(scopeCode: string): Promise<void> {
    try {
      await this.roster.ensureFresh(scopeCode);
    } catch (error) {
      if (!(error instanceof ServiceCallError)) throw error;
      // Figures from an earlier sync are still usable; with none at all there is nothing to compute.
      const [{ n }] = (await this.dataSource.query(`SELECT count(*)::int AS n FROM ${S}.precinct WHERE $1 = 'KAZ' OR starts_with(code || '-', $1 || '-')`, [scopeCode])) as Array<{ n: number }>;
      if (n === 0) throw error;
      this.logger.warn(`roster figures of ${scopeCode} could not be refreshed, using those of the last sync: ${error.message}`);
    }
  }

  /** Needs of every precinct, the allocation within each district and the districts' supply. */
  private async computeScope(scopeCode: string, settings: RunSettings, now: Date, progress?: (done: number, total: number) => Promise<void>) {
    const inputs = await this.inputs.load(scopeCode, settings.parameters.historyMonths, now);
    if (!inputs.length) throw invalidInput([{ field: 'scope', message: `the roster knows no precincts in ${scopeCode}` }]);
    const needs: PrecinctNeed[] = [];
    for (let i = 0; i < inputs.length; i += CHUNK) {
      for (const input of inputs.slice(i, i + CHUNK)) needs.push(computePrecinct(input, settings));
      await progress?.(needs.length, inputs.length);
      await new Promise((resolve) => setImmediate(resolve)); // let requests in between chunks
    }
    const facts = await this.facts(scopeCode);
    const byDistrict = new Map<string, PrecinctNeed[]>();
    for (const n of needs) byDistrict.set(n.districtCode, [...(byDistrict.get(n.districtCode) ?? []), n]);
    const allocation = new Map<string, { allocated: number; change: number; binding: string | null }>();
    const districts: DistrictResult[] = [];
    for (const [districtCode, members] of [...byDistrict.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      const periods = facts.get(districtCode) ?? [];
      const latest = periods.at(-1) ?? null;
      const { lines } = allocateDistrict(members, settings.parameters, latest?.authorised ?? null);
      for (const [code, line] of lines) allocation.set(code, { allocated: line.allocated, change: line.change, binding: line.binding });
      const supply = latest ? districtSupply(periods, latest.trainingLeadMonths, latest.expectedRetirements, settings.horizonMonths, settings.scenario) : null;
      const need = round1(members.reduce((s, n) => s + n.need, 0));
      const current = members.reduce((s, n) => s + n.current, 0);
      districts.push({
        districtCode,
        regionCode: members[0].regionCode,
        need,
        current,
        allocated: members.reduce((s, n) => s + (lines.get(n.code)?.allocated ?? n.current), 0),
        filled: latest?.filled ?? null,
        authorised: latest?.authorised ?? null,
        filledAtHorizon: supply?.filledAtHorizon ?? null,
        gap: round1(need - (supply?.filledAtHorizon ?? latest?.filled ?? current)),
        supply,
      });
    }
    const withFacts = districts.filter((d) => d.filled !== null);
    const summary: RunSummary = {
      precincts: needs.length,
      need: round1(districts.reduce((s, d) => s + d.need, 0)),
      current: districts.reduce((s, d) => s + d.current, 0),
      allocated: districts.reduce((s, d) => s + d.allocated, 0),
      filled: withFacts.length ? withFacts.reduce((s, d) => s + (d.filled ?? 0), 0) : null,
      authorised: withFacts.length ? withFacts.reduce((s, d) => s + (d.authorised ?? 0), 0) : null,
      gap: round1(districts.reduce((s, d) => s + d.gap, 0)),
      districts,
      damped: [...allocation.values()].filter((a) => a.binding === 'damping-lower' || a.binding === 'damping-upper').length,
      durationMs: 0,
    };
    return { needs, allocation, summary };
  }

  /** Workforce facts per district, oldest first: the district's own lines, else the sum of its precincts'. */
  private async facts(scopeCode: string): Promise<Map<string, Array<WorkforcePeriod & { expectedRetirements: number; trainingLeadMonths: number | null }>>> {
    const rows = (await this.dataSource.query(
      `SELECT territory_code, to_char(period, 'YYYY-MM') AS period, authorised, filled, hires, departures_retirement, departures_own_request, departures_negative,
              departures_transfer, departures_other, expected_retirements, training_lead_months
         FROM ${S}.workforce_fact
        WHERE array_length(string_to_array(territory_code, '-'), 1) >= 2 AND ($1 = 'KAZ' OR starts_with(territory_code || '-', split_part($1, '-', 1) || '-'))
        ORDER BY period`,
      [scopeCode],
    )) as FactRow[];
    const own = new Map<string, Map<string, FactRow>>();
    const fromPrecincts = new Map<string, Map<string, FactRow>>();
    for (const r of rows) {
      const parts = r.territory_code.split('-');
      const district = `${parts[0]}-${parts[1]}`;
      const target = parts.length === 2 ? own : fromPrecincts;
      let periods = target.get(district);
      if (!periods) target.set(district, (periods = new Map()));
      const sum = periods.get(r.period);
      if (!sum) periods.set(r.period, { ...r, territory_code: district });
      else {
        for (const k of ['authorised', 'filled', 'hires', 'departures_retirement', 'departures_own_request', 'departures_negative', 'departures_transfer', 'departures_other', 'expected_retirements'] as const) sum[k] += r[k];
        sum.training_lead_months = Math.max(sum.training_lead_months ?? 0, r.training_lead_months ?? 0) || null;
      }
    }
    const out = new Map<string, Array<WorkforcePeriod & { expectedRetirements: number; trainingLeadMonths: number | null }>>();
    for (const district of new Set([...own.keys(), ...fromPrecincts.keys()])) {
      const periods = own.get(district) ?? fromPrecincts.get(district) ?? new Map<string, FactRow>();
      out.set(
        district,
        [...periods.values()].map((r) => ({
          period: r.period,
          authorised: r.authorised,
          filled: r.filled,
          hires: r.hires,
          departures: {
            retirement: r.departures_retirement,
            own_request: r.departures_own_request,
            negative: r.departures_negative,
            transfer: r.departures_transfer,
            other: r.departures_other,
          } satisfies Record<DepartureReason, number>,
          expectedRetirements: r.expected_retirements,
          trainingLeadMonths: r.training_lead_months,
        })),
      );
    }
    return out;
  }

  private async work(): Promise<number> {
    // Runs whose worker went silent (its process died) are queued again.
    await this.dataSource.query(`UPDATE ${S}.forecast_run SET status = 'queued' WHERE status = 'running' AND heartbeat_at < $1`, [new Date(Date.now() - STALE_MS)]);
    let finished = 0;
    for (;;) {
      const run = await this.claim();
      if (!run) return finished;
      await this.execute(run);
      finished += 1;
    }
  }

  private async claim(): Promise<RunRow | null> {
    const [[row]] = (await this.dataSource.query(
      `UPDATE ${S}.forecast_run SET status = 'running', started_at = now(), heartbeat_at = now(), progress_done = 0, error = NULL
        WHERE id = (SELECT id FROM ${S}.forecast_run WHERE status = 'queued' ORDER BY created_at FOR UPDATE SKIP LOCKED LIMIT 1)
        RETURNING *`,
    )) as [RunRow[], number];
    return row ?? null;
  }

  private async execute(run: RunRow): Promise<void> {
    const started = Date.now();
    const settings: RunSettings = { horizonMonths: run.horizon_months, scenario: run.scenario, model: run.model, parameters: run.parameters };
    try {
      await this.refreshRoster(run.scope_code);
      const { needs, allocation, summary } = await this.computeScope(run.scope_code, settings, run.created_at, async (done, total) => {
        await this.dataSource.query(`UPDATE ${S}.forecast_run SET progress_done = $2, progress_total = $3, heartbeat_at = now() WHERE id = $1`, [run.id, done, total]);
      });
      summary.durationMs = Date.now() - started;
      await this.dataSource.transaction(async (em) => {
        await em.query(`DELETE FROM ${S}.forecast_precinct WHERE run_id = $1`, [run.id]);
        await em.query(`DELETE FROM ${S}.forecast_district WHERE run_id = $1`, [run.id]);
        for (let i = 0; i < needs.length; i += 500) await this.storePrecincts(em, run.id, needs.slice(i, i + 500), allocation);
        await em.query(
          `INSERT INTO ${S}.forecast_district (run_id, district_code, region_code, need, current, allocated, filled, authorised, filled_at_horizon, supply)
           SELECT $1, x.district_code, x.region_code, x.need, x.current, x.allocated, x.filled, x.authorised, x.filled_at_horizon, x.supply
             FROM jsonb_to_recordset($2::jsonb) AS x(district_code text, region_code text, need float8, current int, allocated int, filled int, authorised int, filled_at_horizon float8, supply jsonb)`,
          [
            run.id,
            JSON.stringify(
              summary.districts.map((d) => ({
                district_code: d.districtCode,
                region_code: d.regionCode,
                need: d.need,
                current: d.current,
                allocated: d.allocated,
                filled: d.filled,
                authorised: d.authorised,
                filled_at_horizon: d.filledAtHorizon,
                supply: d.supply ?? {},
              })),
            ),
          ],
        );
        await em.query(`UPDATE ${S}.forecast_run SET status = 'succeeded', summary = $2, finished_at = now(), progress_done = progress_total WHERE id = $1`, [run.id, JSON.stringify(summary)]);
      });
      this.logger.log(`forecast run ${run.id} of ${run.scope_code}: ${needs.length} precincts in ${summary.durationMs} ms`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.logger.error(`forecast run ${run.id} failed: ${message}`);
      await this.dataSource.query(`UPDATE ${S}.forecast_run SET status = 'failed', error = $2, finished_at = now() WHERE id = $1`, [run.id, message.slice(0, 2000)]);
    }
  }

  private async storePrecincts(em: EntityManager, runId: string, needs: PrecinctNeed[], allocation: Map<string, { allocated: number }>): Promise<void> {
    await em.query(
      `INSERT INTO ${S}.forecast_precinct (run_id, precinct_code, district_code, region_code, need, need_workload, need_population, need_queueing, current, allocated, explanation)
       SELECT $1, x.code, x.district_code, x.region_code, x.need, x.workload, x.population, x.queueing, x.current, x.allocated, x.explanation
         FROM jsonb_to_recordset($2::jsonb) AS x(code text, district_code text, region_code text, need float8, workload float8, population float8, queueing float8, current int, allocated int, explanation jsonb)`,
      [
        runId,
        JSON.stringify(
          needs.map((n) => ({
            code: n.code,
            district_code: n.districtCode,
            region_code: n.regionCode,
            need: n.need,
            workload: n.workload,
            population: n.population,
            queueing: n.queueing,
            current: n.current,
            allocated: allocation.get(n.code)?.allocated ?? n.current,
            explanation: { ...n.explanation, risk: n.risk, binding: (allocation.get(n.code) as { binding?: string | null } | undefined)?.binding ?? null },
          })),
        ),
      ],
    );
  }
}

const round1 = (x: number) => Math.round(x * 10) / 10;

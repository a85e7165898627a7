/**
 * Benchmark of a national staffing forecast run (run on demand, not a test):
 *
 *   npm run bench:staffing -- [--quick] [--regions 20] [--districts 10] [--precincts 20] [--categories 8]
 *                             [--horizons 12,120] [--load-runs 3] [--keep]
 *
 *   --regions      regions (default 20: the 20 territorial Departments' codes)
 *   --districts    districts per region (default 10; the first 4 urban, the rest rural)
 *   --precincts    precincts per district (default 20), so 4,000 precincts by default
 *   --quick        2 regions × 10 districts × 20 precincts = 400 precincts (a smoke run, about 15 s)
 *   --categories   request categories per precinct (default 8, the busiest of the catalogue; at most 13)
 *   --horizons     horizons of the extra runs after the 36-month one (default 12,120; "" for none)
 *   --load-runs    timed runs of the load baseline (after 1 not timed); the median is reported
 *   --keep         keep the database at the end (its name is printed)
 *
 * Issue 8 asks that a national run (about 4,000 precincts, 36 months of history, all models) completes
 * and reports its time. On a fresh test database, migrated like the service (migrateService), this
 * writes synthetic inputs straight into the service's tables, then runs national forecasts with the
 * service's own classes in this process, as the service does (no broker, no HTTP, no roster):
 *  1. data: precincts as the roster sync would leave them (population, settlement type, officers and
 *     their available hours) and a fresh `roster_sync` row for KAZ, so RosterSync.ensureFresh finds the
 *     figures fresh and calls nothing; 36 complete months of `workload_month` per precinct and category
 *     (the demo seed's generator: seasonality, trends, line-102 shares, answers); police commission tasks
 *     of the last 12 months; trust figures for the regions and some districts; 24 months of workforce
 *     facts per district, imported as CSV through WorkforceService as HQ;
 *  2. the baseline, same data, same process: InputsRepository.load('KAZ', 36) alone, the query and
 *     mapping every run starts with (1 untimed run, then --load-runs timed; median); and, as a second
 *     reference, computePrecinct over the loaded inputs alone (every model, horizon 36);
 *  3. the run: RunService constructed by hand (the DataSource, InputsRepository, RosterSync, the outbox
 *     writer, the audit log, job interval 0), `request(hq, KAZ, horizon 36, neutral, combined)` then
 *     `tick()`, which claims and executes it exactly as the service's job does; its phases from a
 *     timing wrapper around InputsRepository.load and from the statements (timed through the
 *     DataSource's query runners): load, compute (models, district supply and allocation, progress
 *     updates), store (one transaction: precinct and district results with their explanations);
 *  4. the same national run with the horizons of --horizons (short and long term) for comparison.
 * forecastDemand (the Holt-Winters fit and backtest, once per precinct × category) is timed inside the
 * runs through a wrapper installed in the module cache before the service's modules load.
 * Progress goes to stderr, the Markdown report to stdout. The database is dropped at the end.
 */
import 'reflect-metadata';
import { Logger, type LoggerService } from '@nestjs/common';
import { createRequire } from 'node:module';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { DataSource } from 'typeorm';
import { AuditLog } from '@seriktes/audit';
import { Role, ServiceTokenClient, userFromClaims } from '@seriktes/auth';
import { localDateOf } from '@seriktes/calendar';
import { EventPublisher } from '@seriktes/messaging';
import { assertMigrated, createServiceDataSource } from '@seriktes/persistence';
import { databaseOptions } from '@seriktes/runtime';
import { createTestDatabase, ensurePostgres, migrateService, type PostgresHandle, type TestDatabase } from '@seriktes/testing';
import { historyWindow, InputsRepository } from '../apps/staffing-forecast/src/inputs/inputs.repository';
import { RosterSync } from '../apps/staffing-forecast/src/inputs/roster.sync';
import type { DemandForecast, DemandForecastOptions } from '../apps/staffing-forecast/src/models/demand';
import type * as EngineModule from '../apps/staffing-forecast/src/runs/engine';
import type { PrecinctInput, RunSettings } from '../apps/staffing-forecast/src/runs/engine';
import type * as RunServiceModule from '../apps/staffing-forecast/src/runs/run.service';
import type { RunRow, RunService as RunServiceClass } from '../apps/staffing-forecast/src/runs/run.service';
import { CATEGORY_PROFILES, type DistrictProfile } from '../apps/staffing-forecast/src/seed/astana';
import { generateTasks, generateWorkforce, planPrecinct, precinctWorkload, type PrecinctPlan, type WorkloadRow } from '../apps/staffing-forecast/src/seed/generate';
import { integer, lognormalFactor, normal, stream } from '../apps/staffing-forecast/src/seed/random';
import { factsCsv, insertTasks, insertWorkload } from '../apps/staffing-forecast/src/seed/store';
import { staffingForecastService } from '../apps/staffing-forecast/src/service';
import { WorkforceService } from '../apps/staffing-forecast/src/workforce/workforce.service';
import { cpuMeter, latency, table } from './report';

// ---------------------------------------------------------------------------------------------
// forecastDemand, timed inside the runs: the service's modules call it as a property of the
// demand module's exports, so a copy of those exports with a timing wrapper is put in the module
// cache before anything that uses it (the engine, through the scenarios) is loaded below.

const localRequire = createRequire(__filename);
const DEMAND_MODULE = '../apps/staffing-forecast/src/models/demand';
const demandTimer = { on: false, calls: 0, ms: 0, installed: false };
type ForecastDemand = (history: readonly number[], options: DemandForecastOptions) => DemandForecast;

function installDemandTimer(): void {
  const path = localRequire.resolve(DEMAND_MODULE);
  const scenarios = localRequire.resolve('../apps/staffing-forecast/src/models/scenarios');
  if (localRequire.cache[scenarios]) return; // loaded already: leave it, report "not measured"
  const original = localRequire(DEMAND_MODULE) as Record<string, unknown> & { forecastDemand: ForecastDemand };
  const forecastDemand = original.forecastDemand;
  const timed: ForecastDemand = (history, options) => {
    if (!demandTimer.on) return forecastDemand(history, options);
    const t0 = performance.now();
    try {
      return forecastDemand(history, options);
    } finally {
      demandTimer.ms += performance.now() - t0;
      demandTimer.calls += 1;
    }
  };
  const exports: Record<string, unknown> = { ...original, forecastDemand: timed };
  Object.defineProperty(exports, '__esModule', { value: true });
  const cached = localRequire.cache[path];
  if (!cached) return;
  cached.exports = exports;
  demandTimer.installed = true;
}
installDemandTimer();

/** A full garbage collection before each measured step, so memory figures are the step's own. */
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

// ---------------------------------------------------------------------------------------------
// Settings

const SEED = 20261122;
const HISTORY_MONTHS = 36;
const FACT_MONTHS = 24;
const MAIN_HORIZON = 36;
const INSERT_ROWS = 50_000;
/** The 20 territorial Departments (the roster's codes; TRN, the transport police, has no precincts of its own). */
const REGIONS = ['AST', 'ALA', 'SHY', 'ABA', 'AKM', 'AKT', 'ALM', 'ATY', 'VOS', 'ZHA', 'ZHT', 'ZAP', 'KAR', 'KUS', 'KZY', 'MAN', 'PAV', 'SEV', 'ULT', 'TUR'];
const DISTRICT_SUFFIXES = ['CEN', 'NOR', 'SOU', 'EAS', 'WES', 'RIV', 'HIL', 'LAK', 'STE', 'VAL'];
const URBAN_DISTRICTS = 4;
/** The HQ planner of the demo realm (deploy/keycloak): national scope. */
const HQ = userFromClaims({ sub: '302d4f7f-596e-45a5-ae54-283eee44e5b7', preferred_username: 'hq', azp: 'staffing-forecast-bench', realm_access: { roles: [Role.ministryHq] }, exp: 4_102_444_800 }, '');

interface Settings {
  regions: number;
  districts: number;
  precincts: number;
  categories: number;
  horizons: number[];
  loadRuns: number;
  keep: boolean;
}

function readSettings(): Settings {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      regions: { type: 'string' },
      districts: { type: 'string', default: '10' },
      precincts: { type: 'string', default: '20' },
      categories: { type: 'string', default: '8' },
      horizons: { type: 'string', default: '12,120' },
      'load-runs': { type: 'string', default: '3' },
      keep: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const positive = (name: string, raw: string | undefined, max: number): number => {
    const value = Number(raw);
    if (!Number.isInteger(value) || value <= 0 || value > max) throw new Error(`${name} must be a whole number from 1 to ${max}, got "${raw}"`);
    return value;
  };
  const horizons = (values.horizons ?? '')
    .split(',')
    .filter((h) => h.trim())
    .map((h) => positive('--horizons', h.trim(), 120));
  return {
    regions: values.quick ? 2 : positive('--regions', values.regions ?? '20', 26 * 26),
    districts: positive('--districts', values.districts, 26 * 26),
    precincts: positive('--precincts', values.precincts, 999),
    categories: positive('--categories', values.categories, CATEGORY_PROFILES.length),
    horizons,
    loadRuns: positive('--load-runs', values['load-runs'], 100),
    keep: values.keep ?? false,
  };
}

const progress = (line: string) => console.error(`[bench:staffing] ${line}`);
const fmtInt = (v: number) => Math.round(v).toLocaleString('en-US');
const fmtMs = (v: number) => (v < 1 ? v.toFixed(3) : v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : fmtInt(v));
const fmtS = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
const fmtMb = (bytes: number) => `${fmtInt(bytes / 1024 / 1024)} MB`;
const fmtBytes = (bytes: number) => (bytes < 1024 * 1024 ? `${fmtInt(bytes / 1024)} kB` : bytes < 10 * 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : fmtMb(bytes));
const ratio = (a: number, b: number) => `${(a / b).toFixed(a / b < 10 ? 2 : 1)}×`;
const median = (xs: readonly number[]) => latency(xs).p50;

// ---------------------------------------------------------------------------------------------
// Synthetic country

interface Territory {
  precincts: Array<PrecinctPlan & { regionCode: string; urban: boolean }>;
  districts: Array<DistrictProfile & { regionCode: string }>;
}

const letters = (i: number) => String.fromCharCode(65 + Math.floor(i / 26) % 26) + String.fromCharCode(65 + (i % 26));
const regionCode = (i: number) => REGIONS[i] ?? `Q${letters(i - REGIONS.length)}`;
const districtSuffix = (i: number) => DISTRICT_SUFFIXES[i] ?? `D${letters(i - DISTRICT_SUFFIXES.length)}`;

/**
 * Regions × districts × precincts: urban precincts of about 3,500 residents (2,200-5,000), rural ones
 * of about 2,700 (1,500-4,000); a growth rate per region and request factors per district.
 */
function territory(settings: Settings, categories: readonly string[]): Territory {
  const precincts: Territory['precincts'] = [];
  const districts: Territory['districts'] = [];
  for (let r = 0; r < settings.regions; r++) {
    const region = regionCode(r);
    const regional = stream(SEED, `region:${region}`);
    const growth = Math.max(-0.01, 0.012 + 0.012 * normal(regional));
    for (let d = 0; d < settings.districts; d++) {
      const code = `${region}-${districtSuffix(d)}`;
      const urban = d < URBAN_DISTRICTS;
      const random = stream(SEED, `district:${code}`);
      const factors = Object.fromEntries(categories.map((c) => [c, lognormalFactor(random, 0.15)]));
      let population = 0;
      for (let p = 1; p <= settings.precincts; p++) {
        const residents = Math.round(Math.min(urban ? 5000 : 4000, Math.max(urban ? 2200 : 1500, (urban ? 3500 : 2700) * lognormalFactor(random, 0.22))));
        population += residents;
        const plan = planPrecinct(SEED, { code: `${code}-${String(p).padStart(2, '0')}`, districtCode: code, residents, growth }, factors, CATEGORY_PROFILES.filter((c) => categories.includes(c.code)));
        precincts.push({ ...plan, regionCode: region, urban });
      }
      districts.push({ code, regionCode: region, population, precincts: settings.precincts, growth, categories: factors });
    }
  }
  return { precincts, districts };
}

/** Precincts as the roster sync leaves them: one officer in most, none in 4 %, two in 5 % of the larger. */
async function insertPrecincts(dataSource: DataSource, t: Territory, year: number): Promise<void> {
  const rows = t.precincts.map((p) => {
    const random = stream(SEED, `roster:${p.code}`);
    const x = random();
    const officers = x < 0.04 ? 0 : x > 0.95 && p.residents > 3000 ? 2 : 1;
    const scheduled = officers * (1980 + integer(random, -60, 60));
    const leave = officers * (230 + integer(random, -30, 60));
    const holidays = officers * 80;
    return {
      code: p.code,
      district_code: p.districtCode,
      region_code: p.regionCode,
      population: p.residents,
      area_km2: Math.round((p.urban ? 0.4 + 1.6 * random() : 40 + 900 * random()) * 1000) / 1000,
      settlement_type: p.urban ? 'urban' : 'rural',
      officers,
      post_holders: officers,
      officers_with_schedule: officers,
      scheduled_hours: scheduled,
      leave_hours: leave,
      holiday_hours: holidays,
      available_hours: scheduled - leave - holidays,
      availability_year: year,
    };
  });
  for (let i = 0; i < rows.length; i += 2000) {
    await dataSource.query(
      `INSERT INTO staffing_forecast.precinct (code, district_code, region_code, population, area_km2, settlement_type, officers, post_holders, officers_with_schedule,
                                               scheduled_hours, leave_hours, holiday_hours, available_hours, availability_year, synced_at)
       SELECT x.*, now() FROM jsonb_to_recordset($1::jsonb) AS x(code text, district_code text, region_code text, population int, area_km2 float8, settlement_type text, officers int,
                                                        post_holders int, officers_with_schedule int, scheduled_hours float8, leave_hours float8, holiday_hours float8,
                                                        available_hours float8, availability_year int)`,
      [JSON.stringify(rows.slice(i, i + 2000))],
    );
  }
  // Fresh figures for the whole country: RosterSync.ensureFresh('KAZ') finds them and calls nothing.
  await dataSource.query(`INSERT INTO staffing_forecast.roster_sync (scope_code, year, precincts, synced_at) VALUES ('KAZ', $1, $2, now())`, [year, rows.length]);
}

/** Workload rows precinct by precinct, written in statements of INSERT_ROWS rows; the number written. */
async function insertAllWorkload(dataSource: DataSource, t: Territory, months: readonly string[], categories: readonly string[]): Promise<{ rows: number; requests: number; generateMs: number; insertMs: number }> {
  const profiles = CATEGORY_PROFILES.filter((c) => categories.includes(c.code));
  let buffer: WorkloadRow[] = [];
  let rows = 0;
  let requests = 0;
  let generateMs = 0;
  let insertMs = 0;
  let reported = 0;
  const flush = async () => {
    const t0 = performance.now();
    await insertWorkload(dataSource, buffer, INSERT_ROWS);
    insertMs += performance.now() - t0;
    rows += buffer.length;
    buffer = [];
    if (rows - reported >= 200_000) {
      reported = rows;
      progress(`  ${fmtInt(rows)} workload rows written`);
    }
  };
  for (const p of t.precincts) {
    const t0 = performance.now();
    const own = precinctWorkload(SEED, p, months, profiles);
    generateMs += performance.now() - t0;
    for (const r of own) requests += r.requests;
    buffer.push(...own);
    if (buffer.length >= INSERT_ROWS) await flush();
  }
  if (buffer.length) await flush();
  return { rows, requests, generateMs, insertMs };
}

async function insertTrust(dataSource: DataSource, t: Territory, month: string): Promise<number> {
  const random = stream(SEED, 'trust');
  const scopes = [...new Set(t.districts.map((d) => d.regionCode))].concat(t.districts.filter(() => random() < 0.3).map((d) => d.code));
  await dataSource.query(
    `INSERT INTO staffing_forecast.trust (scope_code, indicator, value, n, period_start, computed_at)
     SELECT s, 'trust', 35 + 35 * random(), 100 + (400 * random())::int, $2::date, now() FROM unnest($1::text[]) AS s`,
    [scopes, month],
  );
  return scopes.length;
}

// ---------------------------------------------------------------------------------------------
// Timing of a run: InputsRepository.load wrapped, every statement timed through the query runners.

class TimedInputs extends InputsRepository {
  calls: Array<{ start: number; end: number }> = [];

  override async load(scopeCode: string, historyMonths: number, now: Date): Promise<PrecinctInput[]> {
    const start = performance.now();
    try {
      return await super.load(scopeCode, historyMonths, now);
    } finally {
      this.calls.push({ start, end: performance.now() });
    }
  }
}

interface Statement {
  kind: string;
  start: number;
  end: number;
  /** Characters of the jsonb parameter sent, where there is one. */
  chars: number;
  /** The text and parameters, kept for the workload read only (to EXPLAIN it afterwards). */
  sql?: string;
  parameters?: unknown[];
}

function statementKind(sql: string): string {
  const s = sql.replace(/\s+/g, ' ').trim();
  if (/^(START TRANSACTION|BEGIN)/i.test(s)) return 'BEGIN';
  if (/^COMMIT/i.test(s)) return 'COMMIT';
  if (/^INSERT INTO staffing_forecast\.forecast_run/.test(s)) return 'insert the run';
  if (/audit/i.test(s) && /^INSERT/.test(s)) return 'audit entry';
  if (/^UPDATE staffing_forecast\.forecast_run SET status = 'queued'/.test(s)) return 'requeue stale runs';
  if (/^UPDATE staffing_forecast\.forecast_run SET status = 'running'/.test(s)) return 'claim the run';
  if (/roster_sync/.test(s)) return 'roster freshness';
  if (/^SELECT count\(\*\)::int AS n FROM staffing_forecast\.precinct/.test(s)) return 'roster: precincts known';
  if (/^SELECT code, district_code/.test(s)) return 'load: precincts';
  if (/^SELECT precinct_code, category/.test(s)) return 'load: workload months';
  if (/FROM staffing_forecast\.task_fact/.test(s)) return 'load: commission tasks';
  if (/unnest\(\$1::text\[\]\) AS t/.test(s)) return 'load: populations of wider territories';
  if (/FROM staffing_forecast\.trust/.test(s)) return 'load: trust';
  if (/SET progress_done = \$2/.test(s)) return 'progress updates';
  if (/FROM staffing_forecast\.workforce_fact/.test(s)) return 'workforce facts';
  if (/^DELETE FROM staffing_forecast\.forecast_precinct/.test(s)) return 'store: clear precinct results';
  if (/^DELETE FROM staffing_forecast\.forecast_district/.test(s)) return 'store: clear district results';
  if (/^INSERT INTO staffing_forecast\.forecast_precinct/.test(s)) return 'store: precinct results (jsonb_to_recordset, 500 a statement)';
  if (/^INSERT INTO staffing_forecast\.forecast_district/.test(s)) return 'store: district results';
  if (/SET status = 'succeeded'/.test(s)) return 'store: summary, succeeded';
  return s.slice(0, 60);
}

function recordStatements(dataSource: DataSource): { log: Statement[]; active: { on: boolean } } {
  const log: Statement[] = [];
  const active = { on: false };
  const create = dataSource.createQueryRunner.bind(dataSource);
  dataSource.createQueryRunner = (...args: Parameters<DataSource['createQueryRunner']>) => {
    const runner = create(...args);
    const query = runner.query.bind(runner) as (sql: string, parameters?: unknown[], structured?: boolean) => Promise<unknown>;
    (runner as { query: typeof query }).query = async (sql, parameters, structured) => {
      if (!active.on) return query(sql, parameters, structured);
      const start = performance.now();
      try {
        return await query(sql, parameters, structured);
      } finally {
        const json = parameters?.find((p) => typeof p === 'string' && p.startsWith('['));
        const kind = statementKind(sql);
        log.push({ kind, start, end: performance.now(), chars: typeof json === 'string' ? json.length : 0, ...(kind === 'load: workload months' ? { sql, parameters } : {}) });
      }
    };
    return runner;
  };
  return { log, active };
}

interface RunResult {
  horizon: number;
  run: RunRow;
  totalMs: number;
  loadMs: number;
  computeMs: number;
  storeMs: number;
  otherMs: number;
  statements: Statement[];
  demandCalls: number;
  demandMs: number;
  rssBefore: number;
  heapBefore: number;
  rssPeak: number;
  heapPeak: number;
  precinctRows: number;
  districtRows: number;
  cpu: string;
}

async function timedRun(
  service: RunServiceClass,
  inputs: TimedInputs,
  recorder: ReturnType<typeof recordStatements>,
  dataSource: DataSource,
  horizon: number,
): Promise<RunResult> {
  recorder.log.length = 0;
  inputs.calls.length = 0;
  demandTimer.calls = 0;
  demandTimer.ms = 0;
  collect();
  const heapBefore = process.memoryUsage().heapUsed;
  const rssBefore = process.memoryUsage.rss();
  let rssPeak = rssBefore;
  let heapPeak = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    rssPeak = Math.max(rssPeak, m.rss);
    heapPeak = Math.max(heapPeak, m.heapUsed);
  }, 20);
  const cpu = cpuMeter();
  recorder.active.on = true;
  demandTimer.on = true;
  const t0 = performance.now();
  let queued: RunRow;
  try {
    queued = await service.request(HQ, { scopeCode: 'KAZ', horizonMonths: horizon, scenario: 'neutral', model: 'combined', parameters: {} });
    await service.tick();
  } finally {
    demandTimer.on = false;
    recorder.active.on = false;
    clearInterval(sampler);
  }
  const totalMs = performance.now() - t0;
  const cpuLine = cpu();
  const m = process.memoryUsage();
  rssPeak = Math.max(rssPeak, m.rss);
  heapPeak = Math.max(heapPeak, m.heapUsed);
  const [run] = (await dataSource.query(`SELECT * FROM staffing_forecast.forecast_run WHERE id = $1`, [queued.id])) as RunRow[];
  if (run.status !== 'succeeded') throw new Error(`run ${run.id} (horizon ${horizon}) ${run.status}: ${run.error ?? ''}`);
  const [{ precincts, districts }] = (await dataSource.query(
    `SELECT (SELECT count(*) FROM staffing_forecast.forecast_precinct WHERE run_id = $1)::int AS precincts, (SELECT count(*) FROM staffing_forecast.forecast_district WHERE run_id = $1)::int AS districts`,
    [run.id],
  )) as Array<{ precincts: number; districts: number }>;
  const load = inputs.calls[0];
  const statements = [...recorder.log];
  const storeStart = statements.find((s) => s.kind === 'store: clear precinct results')?.start ?? NaN;
  const succeeded = statements.findIndex((s) => s.kind === 'store: summary, succeeded');
  const commit = statements.slice(succeeded).find((s) => s.kind === 'COMMIT');
  const storeEnd = commit?.end ?? NaN;
  const loadMs = load ? load.end - load.start : NaN;
  const computeMs = load ? storeStart - load.end : NaN;
  const storeMs = storeEnd - storeStart;
  return {
    horizon,
    run,
    totalMs,
    loadMs,
    computeMs,
    storeMs,
    otherMs: totalMs - loadMs - computeMs - storeMs,
    statements,
    demandCalls: demandTimer.calls,
    demandMs: demandTimer.ms,
    rssBefore,
    heapBefore,
    rssPeak,
    heapPeak,
    precinctRows: precincts,
    districtRows: districts,
    cpu: cpuLine,
  };
}

/** Statement time by kind: count, total, rows/characters sent. */
function statementTable(statements: readonly Statement[]): string[][] {
  const by = new Map<string, { count: number; ms: number; chars: number }>();
  for (const s of statements) {
    const e = by.get(s.kind) ?? { count: 0, ms: 0, chars: 0 };
    e.count += 1;
    e.ms += s.end - s.start;
    e.chars += s.chars;
    by.set(s.kind, e);
  }
  return [...by.entries()].sort((a, b) => b[1].ms - a[1].ms).map(([kind, e]) => [kind, fmtInt(e.count), fmtMs(e.ms), e.chars ? fmtBytes(e.chars) : '']);
}

// ---------------------------------------------------------------------------------------------
// Run

async function main(): Promise<number> {
  const settings = readSettings();
  const categories = [...CATEGORY_PROFILES]
    .sort((a, b) => b.rate - a.rate)
    .slice(0, settings.categories)
    .map((c) => c.code);
  const loadAtStart = os.loadavg();
  const planned = settings.regions * settings.districts * settings.precincts;
  progress(`${fmtInt(planned)} precincts (${settings.regions} regions × ${settings.districts} districts × ${settings.precincts}), ${categories.length} categories; load ${loadAtStart.map((l) => l.toFixed(2)).join(' ')}`);
  // The service's log lines (e.g. "forecast run … in … ms") go to stderr with the progress.
  const toStderr: LoggerService = {
    log: (m: unknown) => progress(`  [service] ${String(m)}`),
    warn: (m: unknown) => progress(`  [service] WARN ${String(m)}`),
    error: (m: unknown) => progress(`  [service] ERROR ${String(m)}`),
  };
  Logger.overrideLogger(toStderr);

  let postgres: PostgresHandle | undefined;
  let db: TestDatabase | undefined;
  let dataSource: DataSource | undefined;
  try {
    postgres = await ensurePostgres();
    db = await createTestDatabase('bench_staffing', postgres.url);
    progress(`database ${db.name}`);
    await migrateService('staffing-forecast', { DATABASE_URL: db.url });
    const ds = createServiceDataSource({ ...databaseOptions(staffingForecastService, { DATABASE_URL: db.url }), poolSize: 4, applicationName: 'staffing-forecast:bench' });
    dataSource = ds;
    await ds.initialize();
    await assertMigrated(ds, staffingForecastService.service);
    const server = ((await ds.query(`SELECT version() AS v, current_setting('shared_buffers') AS sb, current_setting('work_mem') AS wm, current_setting('synchronous_commit') AS sc`)) as Array<{ v: string; sb: string; wm: string; sc: string }>)[0];

    // The service's modules, loaded after the forecastDemand timer is in place.
    const { RunService, checkRequest } = localRequire('../apps/staffing-forecast/src/runs/run.service') as typeof RunServiceModule;
    const { computePrecinct } = localRequire('../apps/staffing-forecast/src/runs/engine') as typeof EngineModule;

    // 1. Data.
    const now = new Date();
    const year = Number(localDateOf(now).slice(0, 4));
    const { months } = historyWindow(now, HISTORY_MONTHS);
    const periods = months.slice(-FACT_MONTHS);
    const dataCpu = cpuMeter();
    const dataStart = performance.now();
    const t = territory(settings, categories);
    await insertPrecincts(ds, t, year);
    progress(`data: ${fmtInt(t.precincts.length)} precincts, roster_sync KAZ ${year}; workload ${months[0].slice(0, 7)}..${months[months.length - 1].slice(0, 7)}`);
    const workload = await insertAllWorkload(ds, t, months, categories);
    const tasks = [...new Set(t.districts.map((d) => d.regionCode))].flatMap((region) =>
      generateTasks(
        SEED,
        t.precincts.filter((p) => p.regionCode === region),
        months.slice(-12),
        t.districts.filter((d) => d.regionCode === region),
      ),
    );
    await insertTasks(ds, tasks);
    const trust = await insertTrust(ds, t, months[months.length - 1]);
    const workforce = new WorkforceService(ds, new AuditLog(ds));
    const facts = generateWorkforce(SEED, periods, t.districts);
    const imported = await workforce.import(HQ, factsCsv(facts));
    if (imported.errors.length) throw new Error(`workforce facts refused: ${JSON.stringify(imported.errors.slice(0, 3))}`);
    await ds.query(`ANALYZE staffing_forecast.precinct`);
    await ds.query(`ANALYZE staffing_forecast.workload_month`);
    await ds.query(`ANALYZE staffing_forecast.task_fact`);
    await ds.query(`ANALYZE staffing_forecast.workforce_fact`);
    const dataMs = performance.now() - dataStart;
    const dataCpuLine = dataCpu();
    const [{ workloadBytes }] = (await ds.query(`SELECT pg_total_relation_size('staffing_forecast.workload_month')::float8 AS "workloadBytes"`)) as Array<{ workloadBytes: number }>;
    progress(`data: ${fmtInt(workload.rows)} workload rows, ${fmtInt(tasks.length)} tasks, ${trust} trust figures, ${imported.imported} workforce facts in ${fmtS(dataMs)}`);

    // The service's classes, built by hand as its module would (no timer: the bench calls tick()).
    const inputs = new TimedInputs(ds);
    const roster = new RosterSync(ds, new ServiceTokenClient({ keycloakUrl: 'http://127.0.0.1:9', realm: 'seriktes', clientId: 'staffing-forecast' }), { url: 'http://127.0.0.1:9/graphql', maxAgeMinutes: 60 });
    const known = await roster.ensureFresh('KAZ');
    if (known !== t.precincts.length) throw new Error(`RosterSync.ensureFresh('KAZ') knows ${known} precincts, expected ${t.precincts.length}`);
    const service = new RunService(ds, inputs, roster, new EventPublisher(staffingForecastService.service, staffingForecastService.schema, ''), new AuditLog(ds), 0);
    const recorder = recordStatements(ds);

    // 2. Baselines: the load alone, then the models alone over what it loaded.
    progress(`baseline: InputsRepository.load('KAZ', ${HISTORY_MONTHS}) × ${1 + settings.loadRuns}`);
    const baselineInputs = new InputsRepository(ds);
    const loadSamples: number[] = [];
    let loaded: PrecinctInput[] = [];
    const loadCpu = cpuMeter();
    for (let i = 0; i < 1 + settings.loadRuns; i++) {
      loaded = [];
      collect();
      const t0 = performance.now();
      loaded = await baselineInputs.load('KAZ', HISTORY_MONTHS, new Date());
      if (i > 0) loadSamples.push(performance.now() - t0);
    }
    const loadCpuLine = loadCpu();
    const loadBaseline = median(loadSamples);
    const series = loaded.reduce((s, p) => s + p.categories.length, 0);
    progress(`baseline: load ${fmtS(loadBaseline)} (median of ${loadSamples.length}); computePrecinct over ${fmtInt(loaded.length)} precincts`);
    const settingsMain: RunSettings = { horizonMonths: MAIN_HORIZON, scenario: 'neutral', model: 'combined', parameters: checkRequest({ scopeCode: 'KAZ', horizonMonths: MAIN_HORIZON, parameters: {} }) };
    demandTimer.calls = 0;
    demandTimer.ms = 0;
    demandTimer.on = true;
    const computeCpu = cpuMeter();
    const c0 = performance.now();
    for (const input of loaded) computePrecinct(input, settingsMain);
    const computeAlone = performance.now() - c0;
    const computeCpuLine = computeCpu();
    demandTimer.on = false;
    const computeAloneDemand = { calls: demandTimer.calls, ms: demandTimer.ms };

    // 3 and 4. Runs.
    const runs: RunResult[] = [];
    for (const horizon of [MAIN_HORIZON, ...settings.horizons]) {
      progress(`run: KAZ, horizon ${horizon}, neutral, combined`);
      const result = await timedRun(service, inputs, recorder, ds, horizon);
      progress(`run: ${fmtS(result.totalMs)} (load ${fmtS(result.loadMs)}, compute ${fmtS(result.computeMs)}, store ${fmtS(result.storeMs)}); ${result.precinctRows} precinct rows`);
      runs.push(result);
    }
    const [{ resultBytes, explanationBytes }] = (await ds.query(
      `SELECT pg_total_relation_size('staffing_forecast.forecast_precinct')::float8 AS "resultBytes",
              (SELECT avg(pg_column_size(explanation)) FROM staffing_forecast.forecast_precinct)::float8 AS "explanationBytes"`,
    )) as Array<{ resultBytes: number; explanationBytes: number }>;
    // Where the workload read goes: the server's own execution time of the same statement.
    const read = runs[0].statements.find((x) => x.sql);
    let explain = { executionMs: NaN, rows: NaN, node: '?' };
    if (read?.sql) {
      const [row] = (await ds.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${read.sql}`, read.parameters)) as Array<{ 'QUERY PLAN': Array<{ 'Execution Time': number; Plan: { 'Node Type': string; 'Actual Rows': number; 'Relation Name'?: string; 'Index Name'?: string } }> }>;
      const plan = row['QUERY PLAN'][0];
      explain = { executionMs: plan['Execution Time'], rows: plan.Plan['Actual Rows'], node: `${plan.Plan['Node Type']}${plan.Plan['Index Name'] ? ` using ${plan.Plan['Index Name']}` : ''}` };
    }
    const loadAtEnd = os.loadavg();
    const maxRss = process.resourceUsage().maxRSS * 1024;

    // Report.
    const first = runs[0];
    const summary = first.run.summary;
    const cpus = os.cpus();
    const out: string[] = [];
    out.push(`## National staffing forecast run: ${fmtInt(t.precincts.length)} precincts, ${HISTORY_MONTHS} months of history, ${categories.length} categories`, '');
    out.push(
      table(
        ['setting', 'value'],
        [
          ['machine', `${os.availableParallelism()} cores (${cpus[0]?.model.trim() ?? 'unknown'}), ${fmtInt(os.totalmem() / 1024 ** 3)} GB, Node ${process.version}`],
          ['PostgreSQL', `${server.v.split(' ').slice(0, 2).join(' ')}, shared_buffers ${server.sb}, work_mem ${server.wm}, synchronous_commit ${server.sc}`],
          ['load (1/5/15 min) at start / end', `${loadAtStart.map((l) => l.toFixed(2)).join(' ')} / ${loadAtEnd.map((l) => l.toFixed(2)).join(' ')}`],
          [
            'data',
            `${settings.regions} regions × ${settings.districts} districts × ${settings.precincts} precincts; ${categories.length} categories (${categories.join(', ')}); history ${months[0].slice(0, 7)}..${months[months.length - 1].slice(0, 7)}`,
          ],
          [
            'rows written',
            `workload_month ${fmtInt(workload.rows)} (${fmtInt(workload.requests)} requests, ${fmtMb(workloadBytes)}), task_fact ${fmtInt(tasks.length)}, trust ${trust}, workforce_fact ${fmtInt(imported.imported)}`,
          ],
          ['writing the data', `${fmtS(dataMs)} (generating ${fmtS(workload.generateMs)}, workload inserts ${fmtS(workload.insertMs)}); ${dataCpuLine}`],
          ['forecastDemand timer', demandTimer.installed ? 'installed (calls timed inside the runs)' : 'NOT installed: per-call figures missing'],
        ],
      ),
      '',
    );
    out.push(
      'Baselines, same data, same process:',
      '',
      table(
        ['baseline', 'time', 'per precinct', 'notes'],
        [
          [
            `InputsRepository.load('KAZ', ${HISTORY_MONTHS}) alone`,
            fmtS(loadBaseline),
            `${fmtMs(loadBaseline / loaded.length)} ms`,
            `median of ${loadSamples.length} (min ${fmtS(Math.min(...loadSamples))}, max ${fmtS(Math.max(...loadSamples))}) after 1 untimed; ${fmtInt(loaded.length)} precincts, ${fmtInt(series)} series; ${loadCpuLine}`,
          ],
          [
            `computePrecinct alone (horizon ${MAIN_HORIZON}, all models)`,
            fmtS(computeAlone),
            `${fmtMs(computeAlone / loaded.length)} ms`,
            `forecastDemand ${fmtInt(computeAloneDemand.calls)} calls, ${fmtS(computeAloneDemand.ms)} (${fmtMs((1000 * computeAloneDemand.ms) / Math.max(1, computeAloneDemand.calls))} µs a call, ${((100 * computeAloneDemand.ms) / computeAlone).toFixed(0)} % of it); ${computeCpuLine}`,
          ],
        ],
      ),
      '',
    );
    out.push(
      'Runs through RunService.request + tick (KAZ, neutral, combined):',
      '',
      table(
        ['horizon', 'total', 'total ÷ load alone', 'load', 'compute', 'store', 'other', 'precincts/s', 'rows stored', 'forecastDemand (calls, µs/call, share of compute)', 'RSS before → peak (heap used, after a full GC → peak)', 'CPU'],
        runs.map((r) => [
          `${r.horizon} months`,
          fmtS(r.totalMs),
          ratio(r.totalMs, loadBaseline),
          fmtS(r.loadMs),
          fmtS(r.computeMs),
          fmtS(r.storeMs),
          fmtS(r.otherMs),
          fmtInt((r.precinctRows * 1000) / r.totalMs),
          `${fmtInt(r.precinctRows)} + ${fmtInt(r.districtRows)}`,
          r.demandCalls ? `${fmtInt(r.demandCalls)}, ${fmtMs((1000 * r.demandMs) / r.demandCalls)}, ${((100 * r.demandMs) / r.computeMs).toFixed(0)} %` : 'not measured',
          `${fmtMb(r.rssBefore)} → ${fmtMb(r.rssPeak)} (heap ${fmtMb(r.heapBefore)} → ${fmtMb(r.heapPeak)})`,
          r.cpu,
        ]),
      ),
      '',
    );
    out.push(
      table(
        ['ratio', 'value'],
        [
          [`${MAIN_HORIZON}-month run ÷ load alone`, ratio(first.totalMs, loadBaseline)],
          [`${MAIN_HORIZON}-month run ÷ computePrecinct alone`, ratio(first.totalMs, computeAlone)],
          ...runs.slice(1).map((r) => [`${r.horizon}-month run ÷ ${MAIN_HORIZON}-month run`, ratio(r.totalMs, first.totalMs)]),
          ['run-reported durationMs (36 months; claim to before the store)', `${fmtS(summary?.durationMs ?? NaN)}`],
        ],
      ),
      '',
    );
    out.push(
      `Statements of the ${MAIN_HORIZON}-month run (time from this process, incl. node-postgres encoding and decoding; jsonb parameters sent):`,
      '',
      table(['statement', 'count', 'total (ms)', 'jsonb sent'], statementTable(first.statements)),
      '',
    );
    out.push(
      table(
        ['result', 'value'],
        [
          [
            'the workload read (load: workload months)',
            `${fmtMs(read ? read.end - read.start : NaN)} ms in the run, of which PostgreSQL executes ${fmtMs(explain.executionMs)} ms (EXPLAIN ANALYZE afterwards: ${explain.node}, ${fmtInt(explain.rows)} rows); the rest is transfer and node-postgres decoding`,
          ],
          ['run status / progress', `${first.run.status}, ${fmtInt(first.run.progress_done)} of ${fmtInt(first.run.progress_total)}`],
          [
            'summary (36 months)',
            summary
              ? `need ${fmtInt(summary.need)}, current ${fmtInt(summary.current)}, allocated ${fmtInt(summary.allocated)}, filled ${fmtInt(summary.filled ?? NaN)}, authorised ${fmtInt(summary.authorised ?? NaN)}, gap ${fmtInt(summary.gap)}; ${summary.districts.length} districts, ${fmtInt(summary.damped)} precincts held by the damping`
              : '–',
          ],
          ['stored results', `forecast_precinct ${fmtMb(resultBytes)} after ${runs.length} runs (explanation ${fmtInt(explanationBytes)} bytes a precinct, stored size)`],
          ['peak RSS of the process (whole benchmark, getrusage)', fmtMb(maxRss)],
        ],
      ),
    );
    console.log(out.join('\n'));
    return 0;
  } finally {
    await dataSource?.destroy().catch(() => undefined);
    if (db && !settings.keep) await db.drop().catch((e: unknown) => progress(`could not drop ${db?.name}: ${String(e)}`));
    else if (db) progress(`kept database ${db.name}`);
    postgres?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);

/**
 * Benchmark of survey response ingestion and index reads (run on demand, not a test):
 *
 *   RESPONSE_BATCH_SIZE=2000 npm run bench:surveys -- [--responses 1000000] [--quick] [--chunk 5000] [--query-runs 50] [--rescan-runs 5] [--keep]
 *
 *   --responses    area-safety responses to ingest (default 1,000,000, or SURVEYS_BENCH_RESPONSES)
 *   --quick        50,000 responses (a smoke run, ~30 s)
 *   --chunk        responses per enqueueMany call (one statement, one transaction each)
 *   --query-runs   timed runs of the index query (after 5 not timed); the median is reported
 *   --rescan-runs  timed runs of the rescan baseline (after 1 not timed)
 *   --keep         keep the database at the end (its name is printed)
 *   RESPONSE_BATCH_SIZE  responses moved per batch by ResponseIngestion (the service's variable, default 2000)
 *
 * On a fresh test database, migrated like the service (migrateService), it runs the service's own
 * classes in this process, as the demo seed does (apps/feedback-surveys/src/seed/context.ts):
 * InstrumentService, ResponseIngestion and IndexService with the database, the audit log and the
 * outbox writer; no broker, relay or HTTP. The outbox rows stay in the table and are counted; the
 * relay's publishing is the backbone benchmark's subject, and here it would only compete for the
 * same two cores.
 *  1. enqueue: synthetic area-safety responses (the seed's generator: latent precinct level plus
 *     noise, all questions incl. the optional profile) over 30 precincts (3 in each of 5 Astana and
 *     5 Almaty districts) × the last 12 Asia/Almaty months, month by month (precincts interleaved
 *     within a month, as a live inbox holds the current month), written with
 *     ResponseIngestion.enqueueMany in chunks, one transaction per chunk;
 *  2. ingest: one ResponseIngestion.tick(), which drains the inbox in batches of RESPONSE_BATCH_SIZE:
 *     per batch the response rows, the upsert of the summed index cells, the
 *     survey-response.received events and the trust-index.updated events, in one transaction;
 *  3. the index query: IndexService.figures for KAZ (national), all seven headline indicators, for
 *     the latest month and the last complete quarter, --query-runs times each (median, p99);
 *  4. the baseline, same run, same figures: a full rescan of the period's rows in the response table,
 *     computing all seven headline indicators with SQL over the jsonb answers (built from the
 *     instrument definition: constructs as the mean of the scored items answered when at least
 *     minItems were, shares of the listed values among substantive answers); its values are checked
 *     against the index figures.
 * Progress goes to stderr, the Markdown report to stdout. CPU is read from /proc per phase for this
 * process, this database's PostgreSQL backends, the rest of PostgreSQL (checkpointer, WAL writer,
 * autovacuum, other databases) and the rest of the machine. The database is dropped at the end.
 */
import 'reflect-metadata';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { addCalendarMonths, localDateOf } from '@seriktes/calendar';
import { createTestDatabase, ensurePostgres, migrateService, type PostgresHandle, type TestDatabase } from '@seriktes/testing';
import { nextPeriod, quarterOf } from '../apps/feedback-surveys/src/indices/cells';
import { periodLabel, type Period, type Scope } from '../apps/feedback-surveys/src/indices/index.service';
import type { Indicator } from '../apps/feedback-surveys/src/instruments/definition';
import type { PublishedVersion } from '../apps/feedback-surveys/src/instruments/instrument.service';
import type { InstrumentDefinition, ScaleQuestion } from '../apps/feedback-surveys/src/instruments/types';
import type { InboxPayload } from '../apps/feedback-surveys/src/responses/ingestion.service';
import { openSeedContext, type SeedContext } from '../apps/feedback-surveys/src/seed/context';
import { areaResponse, lastMonths, levelAt } from '../apps/feedback-surveys/src/seed/generate';
import { stream, type Random } from '../apps/feedback-surveys/src/seed/random';
import { CLK_TCK, latency, procCpuMs, table, type Latency } from './report';

// ---------------------------------------------------------------------------------------------
// Settings

const DEFAULT_RESPONSES = 1_000_000;
const QUICK_RESPONSES = 50_000;
const SEED = 20261122;
const QUERY_WARMUP = 5;
const DISTRICTS = ['AST-ESL', 'AST-SAR', 'AST-ALM', 'AST-BAI', 'AST-NUR', 'ALA-ALT', 'ALA-ALM', 'ALA-AUE', 'ALA-BOS', 'ALA-MED'];
const PRECINCTS = DISTRICTS.flatMap((d) => [1, 2, 3].map((n) => `${d}-0${n}`));

interface Settings {
  responses: number;
  batchSize: number;
  chunk: number;
  queryRuns: number;
  rescanRuns: number;
  keep: boolean;
}

function readSettings(): Settings {
  const { values } = parseArgs({
    options: {
      responses: { type: 'string' },
      quick: { type: 'boolean', default: false },
      chunk: { type: 'string', default: '5000' },
      'query-runs': { type: 'string', default: '50' },
      'rescan-runs': { type: 'string', default: '5' },
      keep: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const positive = (name: string, raw: string | undefined): number => {
    const value = Number(raw);
    if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
    return value;
  };
  const responses = values.quick ? QUICK_RESPONSES : positive('--responses', values.responses ?? process.env.SURVEYS_BENCH_RESPONSES ?? String(DEFAULT_RESPONSES));
  return {
    responses,
    batchSize: positive('RESPONSE_BATCH_SIZE', process.env.RESPONSE_BATCH_SIZE ?? '2000'),
    chunk: positive('--chunk', values.chunk),
    queryRuns: positive('--query-runs', values['query-runs']),
    rescanRuns: positive('--rescan-runs', values['rescan-runs']),
    keep: values.keep ?? false,
  };
}

const progress = (line: string) => console.error(`[bench:surveys] ${line}`);
const fmtInt = (v: number) => Math.round(v).toLocaleString('en-US');
const fmtMs = (v: number) => (v < 1 ? v.toFixed(3) : v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : fmtInt(v));
const fmtS = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const fmtMb = (bytes: number) => `${fmtInt(bytes / 1024 / 1024)} MB`;

// ---------------------------------------------------------------------------------------------
// CPU from /proc: this process, this database's backends, the rest of PostgreSQL, everything else.



function processName(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** Busy and total CPU ms of the whole machine (all cores), from /proc/stat. */
function machineMs(): { busy: number; total: number; steal: number } {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal
  const [idle, iowait, steal] = [cpu[3], cpu[4], cpu[7]];
  const total = cpu.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: ((total - idle - iowait) * 1000) / CLK_TCK, total: (total * 1000) / CLK_TCK, steal: (steal * 1000) / CLK_TCK };
}

interface CpuSnapshot {
  self: number;
  postgres: Map<number, number>;
  machine: ReturnType<typeof machineMs>;
}

async function cpuSnapshot(): Promise<CpuSnapshot> {
  const postgres = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || processName(pid) !== 'postgres') continue;
    const ms = procCpuMs(pid);
    if (ms !== undefined) postgres.set(pid, ms);
  }
  const usage = process.cpuUsage();
  return { self: (usage.user + usage.system) / 1000, postgres, machine: machineMs() };
}

interface CpuSplit {
  wallMs: number;
  self: number;
  backends: number;
  otherPostgres: number;
  rest: number;
  steal: number;
}

/** CPU ms per part between two snapshots; `backends` are the pids of this database's connections. */
function cpuSplit(a: CpuSnapshot, b: CpuSnapshot, backends: ReadonlySet<number>, wallMs: number): CpuSplit {
  let mine = 0;
  let others = 0;
  for (const [pid, ms] of b.postgres) {
    const delta = ms - (a.postgres.get(pid) ?? 0);
    if (backends.has(pid)) mine += delta;
    else others += delta;
  }
  const self = b.self - a.self;
  const busy = b.machine.busy - a.machine.busy;
  return { wallMs, self, backends: mine, otherPostgres: others, rest: Math.max(0, busy - self - mine - others), steal: b.machine.steal - a.machine.steal };
}

const cpuCell = (c: CpuSplit) => {
  const cores = os.availableParallelism();
  const pct = (ms: number) => `${((100 * ms) / (c.wallMs * cores)).toFixed(0)}%`;
  return `bench (Node) ${pct(c.self)}, PG backends ${pct(c.backends)}, other PG ${pct(c.otherPostgres)}, rest ${pct(c.rest)}, steal ${pct(c.steal)}`;
};

// ---------------------------------------------------------------------------------------------
// Data

interface PrecinctPlan {
  code: string;
  level: number;
  trend: number;
}

/** Levels and trends of the 30 precincts, from their own streams. */
function precinctPlans(): PrecinctPlan[] {
  return PRECINCTS.map((code) => {
    const r = stream(SEED, `bench-level:${code}`);
    return { code, level: 1.2 * (r() - 0.5), trend: 0.04 * (r() - 0.5) };
  });
}

/**
 * The responses of one month, in chunks: response j of the month goes to precinct j mod 30, from
 * that precinct's stream for the month. `count` responses in total over `months`, spread evenly.
 */
function* monthChunks(months: readonly string[], plans: readonly PrecinctPlan[], total: number, chunk: number, versionId: string): Generator<InboxPayload[]> {
  const last = months.length - 1;
  for (let k = 0; k < months.length; k++) {
    const inMonth = Math.floor(total / months.length) + (k < total % months.length ? 1 : 0);
    const randoms: Random[] = plans.map((p) => stream(SEED, `bench-area:${p.code}:${k}`));
    const levels = plans.map((p) => levelAt(p, last - k));
    for (let start = 0; start < inMonth; start += chunk) {
      const out: InboxPayload[] = [];
      for (let j = start; j < Math.min(inMonth, start + chunk); j++) {
        const p = j % plans.length;
        out.push({ versionId, ...areaResponse(randoms[p], plans[p].code, months[k], levels[p]) });
      }
      yield out;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The rescan baseline: the headline figures straight from the response table, built from the definition.

const sqlText = (s: string) => `'${s.replace(/'/g, "''")}'`;
const column = (code: string) => `"a_${code}"`;

/**
 * The headline figures of one period straight from the response rows. Each answer used is read from
 * the jsonb once, in a subquery kept apart by `OFFSET 0` (so the planner does not inline the
 * extraction into every expression that uses it); then each indicator's observation as `observe()`
 * computes it; then count and mean per indicator.
 */
function rescanSql(version: PublishedVersion, indicators: readonly Indicator[]): string {
  const definition: InstrumentDefinition = version.definition;
  const question = (code: string) => {
    const q = definition.questions.find((x) => x.code === code);
    if (!q || q.kind === 'text') throw new Error(`no scored question ${code}`);
    return q;
  };
  const used = new Set(indicators.flatMap((i) => (i.kind === 'construct' ? i.items : [i.question])));
  const extract = [...used].map((code) => (question(code).kind === 'scale' ? `(answers->>${sqlText(code)})::float8 AS ${column(code)}` : `answers->>${sqlText(code)} AS ${column(code)}`));
  const score = (code: string): string => {
    const q = question(code);
    if (q.kind === 'scale') return `((${column(code)} - ${(q as ScaleQuestion).min}) / ${(q as ScaleQuestion).max - (q as ScaleQuestion).min} * 100)`;
    if (q.kind !== 'choice') throw new Error(`no scored question ${code}`);
    return `(CASE ${column(code)} ${q.options.filter((o) => o.score !== null).map((o) => `WHEN ${sqlText(o.code)} THEN ${o.score}`).join(' ')} END)::float8`;
  };
  const list = (values: ReadonlyArray<string | number>, numeric: boolean) => values.map((v) => (numeric ? String(v) : sqlText(String(v)))).join(', ');
  const observation = (ind: Indicator): string => {
    if (ind.kind === 'construct') {
      const answered = ind.items.map((code) => `(${score(code)} IS NOT NULL)::int`).join(' + ');
      const sum = ind.items.map((code) => `coalesce(${score(code)}, 0)`).join(' + ');
      return `CASE WHEN ${answered} >= ${ind.minItems} THEN (${sum}) / (${answered}) END`;
    }
    if (ind.kind === 'mean') return score(ind.question);
    const q = question(ind.question);
    const c = column(ind.question);
    if (q.kind === 'scale') return `CASE WHEN ${c} IS NOT NULL THEN (${c} IN (${list(ind.values, true)}))::int END`;
    if (q.kind !== 'choice') throw new Error(`share ${ind.code} on a question that is not scored`);
    const substantive = q.options.filter((o) => ind.countAll || o.score !== null).map((o) => o.code);
    return `CASE WHEN ${c} IN (${list(substantive, false)}) THEN (${c} IN (${list(ind.values, false)}))::int END`;
  };
  return `SELECT ${indicators.map((_, i) => `count(x${i}) AS n${i}, avg(x${i}) AS m${i}`).join(', ')}
  FROM (SELECT ${indicators.map((ind, i) => `${observation(ind)} AS x${i}`).join(',\n               ')}
          FROM (SELECT ${extract.join(', ')}
                  FROM feedback_surveys.response WHERE version_id = $1 AND month >= $2 AND month < $3 OFFSET 0) a) t`;
}

// ---------------------------------------------------------------------------------------------
// Where the ingest time goes: every statement of the query runners, timed from this process (so
// including node-postgres' encoding of the parameters and decoding of the rows).

interface StatementStats {
  count: number;
  ms: number;
  rows: number;
}

/** Statement kind by its text (the ingestion's statements and the transaction's own). */
function statementKind(sql: string): string {
  const s = sql.replace(/\s+/g, ' ').trim();
  if (/^(START TRANSACTION|BEGIN)/i.test(s)) return 'BEGIN';
  if (/^COMMIT/i.test(s)) return 'COMMIT';
  if (/^SELECT id, payload FROM feedback_surveys\.response_inbox/.test(s)) return 'select the batch from the inbox (FOR UPDATE SKIP LOCKED)';
  if (/^INSERT INTO feedback_surveys\.response /.test(s)) return 'insert the responses (jsonb_to_recordset)';
  if (/^INSERT INTO feedback_surveys\.index_cell/.test(s)) return 'upsert the summed index cells (unnest, ON CONFLICT)';
  if (/^DELETE FROM feedback_surveys\.response_inbox/.test(s)) return 'delete the batch from the inbox';
  if (/^INSERT INTO "feedback_surveys"\."outbox"/.test(s)) return 'insert outbox events (unnest)';
  if (/^SELECT pg_notify/.test(s)) return 'pg_notify';
  if (/^SELECT c\.version_id/.test(s)) return 'read the touched cells (for trust-index.updated)';
  return s.slice(0, 60);
}

/** Wraps the query runners of the DataSource; `active` turns recording on and off. */
function recordStatements(dataSource: DataSource): { stats: Map<string, StatementStats>; active: { on: boolean } } {
  const stats = new Map<string, StatementStats>();
  const active = { on: false };
  const create = dataSource.createQueryRunner.bind(dataSource);
  dataSource.createQueryRunner = (...args: Parameters<DataSource['createQueryRunner']>) => {
    const runner = create(...args);
    const query = runner.query.bind(runner) as (sql: string, parameters?: unknown[], structured?: boolean) => Promise<unknown>;
    (runner as { query: typeof query }).query = async (sql, parameters, structured) => {
      if (!active.on) return query(sql, parameters, structured);
      const t0 = performance.now();
      try {
        return await query(sql, parameters, structured);
      } finally {
        const kind = statementKind(sql);
        const entry = stats.get(kind) ?? { count: 0, ms: 0, rows: 0 };
        entry.count += 1;
        entry.ms += performance.now() - t0;
        // Rows sent: the length of the first array parameter (cells, events), where there is one.
        const first = parameters?.find((p) => Array.isArray(p));
        if (Array.isArray(first)) entry.rows += first.length;
        stats.set(kind, entry);
      }
    };
    return runner;
  };
  return { stats, active };
}

// ---------------------------------------------------------------------------------------------
// Run

interface QueryResult {
  period: Period;
  responses: number;
  index: Latency;
  rescan: Latency;
  plan: string;
  mismatches: string[];
  figures: Array<{ indicator: string; value: number | null; n: number }>;
}

async function timeQueries(ctx: SeedContext, version: PublishedVersion, period: Period, settings: Settings): Promise<QueryResult> {
  const headline = version.indicators.filter((i) => i.headline && !i.derived);
  const scope: Scope = { level: 'national', code: 'KAZ' };
  const until = nextPeriod(period.kind, period.start);
  const indexSamples: number[] = [];
  let figures = await ctx.indices.figures(version, headline, scope, period);
  for (let i = 0; i < QUERY_WARMUP + settings.queryRuns; i++) {
    const t0 = performance.now();
    figures = await ctx.indices.figures(version, headline, scope, period);
    if (i >= QUERY_WARMUP) indexSamples.push(performance.now() - t0);
  }
  const sql = rescanSql(version, headline);
  const params = [version.id, period.start, until];
  const rescanSamples: number[] = [];
  let row: Record<string, number | string | null> = {};
  for (let i = 0; i < 1 + settings.rescanRuns; i++) {
    const t0 = performance.now();
    [row] = (await ctx.dataSource.query(sql, params)) as Array<Record<string, number | string | null>>;
    if (i >= 1) rescanSamples.push(performance.now() - t0);
  }
  const plan = ((await ctx.dataSource.query(`EXPLAIN ${sql}`, params)) as Array<{ 'QUERY PLAN': string }>).map((r) => r['QUERY PLAN']).find((l) => /Scan/.test(l))?.trim() ?? '?';
  const mismatches: string[] = [];
  headline.forEach((ind, i) => {
    const f = figures[i];
    const n = Number(row[`n${i}`]);
    const mean = row[`m${i}`] === null ? null : Number(row[`m${i}`]) * (ind.kind === 'share' ? 100 : 1);
    if (n !== f.n || (f.value !== null && (mean === null || Math.abs(mean - f.value) > 1e-6))) mismatches.push(`${ind.code}: index ${f.value} (n ${f.n}), rescan ${mean} (n ${n})`);
  });
  const [{ responses }] = (await ctx.dataSource.query(`SELECT count(*)::int AS responses FROM feedback_surveys.response WHERE version_id = $1 AND month >= $2 AND month < $3`, params)) as Array<{ responses: number }>;
  return { period, responses, index: latency(indexSamples), rescan: latency(rescanSamples), plan, mismatches, figures: figures.map((f) => ({ indicator: f.indicator.code, value: f.value, n: f.n })) };
}

async function backendPids(ctx: SeedContext): Promise<Set<number>> {
  const rows = (await ctx.dataSource.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend'`)) as Array<{ pid: number }>;
  return new Set(rows.map((r) => r.pid));
}

async function main(): Promise<number> {
  const settings = readSettings();
  const loadAtStart = os.loadavg();
  progress(`${fmtInt(settings.responses)} responses, RESPONSE_BATCH_SIZE ${settings.batchSize}, chunks of ${settings.chunk}; load ${loadAtStart.map((l) => l.toFixed(2)).join(' ')}`);
  let postgres: PostgresHandle | undefined;
  let db: TestDatabase | undefined;
  let ctx: SeedContext | undefined;
  let watcher: Client | undefined;
  try {
    postgres = await ensurePostgres();
    db = await createTestDatabase('bench_surveys', postgres.url);
    progress(`database ${db.name}`);
    await migrateService('feedback-surveys', { DATABASE_URL: db.url });
    ctx = await openSeedContext({
      environment: { ...process.env, DATABASE_URL: db.url, RESPONSE_BATCH_SIZE: String(settings.batchSize), LOG_LEVEL: 'warn' },
      applicationName: 'feedback-surveys:bench',
      poolSize: 4,
    });
    const { ingestion, dataSource } = ctx;
    const recorder = recordStatements(dataSource);
    const version = await ctx.instruments.current('area-safety');
    if (!version) throw new Error('area-safety has no published version');
    const months = lastMonths(localDateOf(new Date()), 12);
    const plans = precinctPlans();
    const server = ((await ctx.dataSource.query(`SELECT version() AS v, current_setting('shared_buffers') AS sb, current_setting('synchronous_commit') AS sc, current_setting('max_wal_size') AS wal`)) as Array<{ v: string; sb: string; sc: string; wal: string }>)[0];

    // 1. Enqueue.
    progress('enqueue: generating and writing the inbox');
    let generateMs = 0;
    let insertMs = 0;
    let enqueued = 0;
    const enqueueCpu0 = await cpuSnapshot();
    const enqueueStart = performance.now();
    const chunks = monthChunks(months, plans, settings.responses, settings.chunk, version.id);
    for (;;) {
      const g0 = performance.now();
      const next = chunks.next();
      generateMs += performance.now() - g0;
      if (next.done) break;
      const i0 = performance.now();
      await dataSource.transaction((em) => ingestion.enqueueMany(em, next.value));
      insertMs += performance.now() - i0;
      enqueued += next.value.length;
      if (enqueued % 100_000 < settings.chunk) progress(`  ${fmtInt(enqueued)} enqueued (${fmtS(performance.now() - enqueueStart)})`);
    }
    const enqueueMs = performance.now() - enqueueStart;
    const enqueueCpu = cpuSplit(enqueueCpu0, await cpuSnapshot(), await backendPids(ctx), enqueueMs);
    const [{ inboxBytes }] = (await ctx.dataSource.query(`SELECT pg_total_relation_size('feedback_surveys.response_inbox')::float8 AS "inboxBytes"`)) as Array<{ inboxBytes: number }>;

    // 2. Ingest: one tick drains the inbox; a second connection samples progress from the statistics.
    progress('ingest: ResponseIngestion.tick()');
    const watch = new Client({ connectionString: db.url, application_name: 'feedback-surveys:bench-watch' });
    watcher = watch;
    await watch.connect();
    const moved = async () =>
      Number(((await watch.query(`SELECT n_tup_ins FROM pg_stat_user_tables WHERE schemaname = 'feedback_surveys' AND relname = 'response'`)).rows[0] as { n_tup_ins: string } | undefined)?.n_tup_ins ?? 0);
    const timeline: Array<{ ms: number; moved: number }> = [];
    const ingestCpu0 = await cpuSnapshot();
    const ingestStart = performance.now();
    const sampler = setInterval(() => {
      void moved().then((n) => {
        timeline.push({ ms: performance.now() - ingestStart, moved: n });
        progress(`  ${fmtInt(n)} moved (${fmtS(performance.now() - ingestStart)})`);
      });
    }, 15_000);
    let ingested: number;
    recorder.active.on = true;
    try {
      ingested = await ingestion.tick(new Date());
    } finally {
      recorder.active.on = false;
      clearInterval(sampler);
    }
    const ingestMs = performance.now() - ingestStart;
    const ingestCpu = cpuSplit(ingestCpu0, await cpuSnapshot(), await backendPids(ctx), ingestMs);

    const [counts] = (await ctx.dataSource.query(`
      SELECT (SELECT count(*) FROM feedback_surveys.response)::int AS responses,
             (SELECT count(*) FROM feedback_surveys.response_inbox)::int AS inbox,
             (SELECT count(*) FROM feedback_surveys.index_cell)::int AS cells,
             (SELECT count(*) FROM feedback_surveys.outbox WHERE type = 'kz.seriktes.survey-response.received.v1')::int AS "responseEvents",
             (SELECT count(*) FROM feedback_surveys.outbox WHERE type = 'kz.seriktes.trust-index.updated.v1')::int AS "indexEvents",
             pg_total_relation_size('feedback_surveys.response')::float8 AS "responseBytes",
             pg_total_relation_size('feedback_surveys.index_cell')::float8 AS "cellBytes",
             pg_total_relation_size('feedback_surveys.outbox')::float8 AS "outboxBytes"`)) as Array<Record<string, number>>;

    // 3 and 4. The national figures: index cells against a rescan of the responses (statistics fresh, as autovacuum would leave them).
    await dataSource.query(`ANALYZE feedback_surveys.response`);
    await dataSource.query(`ANALYZE feedback_surveys.index_cell`);
    const latest = months[months.length - 1];
    // The last complete quarter: the one before the quarter of the latest month.
    const lastQuarter = quarterOf(addCalendarMonths(quarterOf(latest), -1));
    const periods: Period[] = [
      { kind: 'month', start: latest, label: periodLabel('month', latest) },
      { kind: 'quarter', start: lastQuarter, label: periodLabel('quarter', lastQuarter) },
    ];
    const queries: QueryResult[] = [];
    for (const period of periods) {
      progress(`index query and rescan, KAZ ${period.label}`);
      queries.push(await timeQueries(ctx, version, period, settings));
    }
    const loadAtEnd = os.loadavg();

    // Report.
    const cpus = os.cpus();
    const out: string[] = [];
    out.push(`## Survey ingestion: ${fmtInt(settings.responses)} area-safety responses, RESPONSE_BATCH_SIZE ${settings.batchSize}`, '');
    out.push(
      table(
        ['setting', 'value'],
        [
          ['machine', `${os.availableParallelism()} cores (${cpus[0]?.model.trim() ?? 'unknown'}), ${fmtInt(os.totalmem() / 1024 ** 3)} GB, Node ${process.version}`],
          ['PostgreSQL', `${server.v.split(' ').slice(0, 2).join(' ')}, shared_buffers ${server.sb}, synchronous_commit ${server.sc}, max_wal_size ${server.wal}`],
          ['load (1/5/15 min) at start / end', `${loadAtStart.map((l) => l.toFixed(2)).join(' ')} / ${loadAtEnd.map((l) => l.toFixed(2)).join(' ')}`],
          ['data', `${PRECINCTS.length} precincts (${DISTRICTS.length} districts, 2 regions) × ${months.length} months (${months[0].slice(0, 7)}..${latest.slice(0, 7)}), chunks of ${settings.chunk}`],
        ],
      ),
      '',
    );
    out.push(
      table(
        ['phase', 'responses', 'wall', 'responses/s', 'CPU (share of all cores)'],
        [
          ['enqueue (generate + enqueueMany)', fmtInt(enqueued), fmtS(enqueueMs), fmtInt((enqueued * 1000) / enqueueMs), cpuCell(enqueueCpu)],
          ['  of which enqueueMany alone', fmtInt(enqueued), fmtS(insertMs), fmtInt((enqueued * 1000) / insertMs), ''],
          ['  of which generating answers', fmtInt(enqueued), fmtS(generateMs), fmtInt((enqueued * 1000) / generateMs), ''],
          ['ingest (tick: store + cells + outbox)', fmtInt(ingested), fmtS(ingestMs), fmtInt((ingested * 1000) / ingestMs), cpuCell(ingestCpu)],
        ],
      ),
      '',
    );
    const marks = [0.1, 0.25, 0.5, 0.75, 0.9].map((share) => timeline.find((t) => t.moved >= share * ingested)).filter((t): t is { ms: number; moved: number } => Boolean(t));
    if (marks.length) {
      let prev = { ms: 0, moved: 0 };
      const rows = [...marks, { ms: ingestMs, moved: ingested }].map((t) => {
        const row = [`${fmtInt(prev.moved)}..${fmtInt(t.moved)}`, fmtS(t.ms), fmtInt(((t.moved - prev.moved) * 1000) / Math.max(1, t.ms - prev.ms))];
        prev = t;
        return row;
      });
      out.push('Ingest rate along the drain (sampled every 15 s from pg_stat_user_tables):', '', table(['responses moved', 'at', 'responses/s in the stretch'], rows), '');
    }
    const batches = recorder.stats.get('select the batch from the inbox (FOR UPDATE SKIP LOCKED)')?.count ?? 0;
    const statementMs = [...recorder.stats.values()].reduce((a, b) => a + b.ms, 0);
    out.push(
      `Where the ingest time goes (${fmtInt(batches)} batches; statement time from this process, incl. node-postgres encoding; the rest is the service's JavaScript per batch):`,
      '',
      table(
        ['part', 'statements', 'rows sent', 'total', 'share of ingest', 'per batch (ms)'],
        [
          ...[...recorder.stats.entries()]
            .sort((a, b) => b[1].ms - a[1].ms)
            .map(([kind, e]) => [kind, fmtInt(e.count), e.rows ? fmtInt(e.rows) : '', fmtS(e.ms), `${((100 * e.ms) / ingestMs).toFixed(1)}%`, fmtMs(e.ms / Math.max(1, batches))]),
          ['JavaScript between statements (scoring, cells, events, validation)', '', '', fmtS(ingestMs - statementMs), `${((100 * (ingestMs - statementMs)) / ingestMs).toFixed(1)}%`, fmtMs((ingestMs - statementMs) / Math.max(1, batches))],
        ],
      ),
      '',
    );
    out.push(
      table(
        ['result', 'value'],
        [
          ['responses stored / left in the inbox', `${fmtInt(counts.responses)} / ${fmtInt(counts.inbox)}`],
          ['index cells', fmtInt(counts.cells)],
          ['outbox rows written', `${fmtInt(counts.responseEvents + counts.indexEvents)} (survey-response.received ${fmtInt(counts.responseEvents)}, trust-index.updated ${fmtInt(counts.indexEvents)})`],
          ['table sizes', `inbox before ingest ${fmtMb(inboxBytes)}; response ${fmtMb(counts.responseBytes)}, index_cell ${fmtMb(counts.cellBytes)}, outbox ${fmtMb(counts.outboxBytes)}`],
        ],
      ),
      '',
    );
    out.push(
      table(
        ['national figure (KAZ, 7 headline indicators)', 'responses in period', 'index query p50 / p99 (ms)', 'rescan p50 / max (ms)', 'rescan / index (p50)', 'values'],
        queries.map((q) => [
          q.period.label,
          fmtInt(q.responses),
          `${fmtMs(q.index.p50)} / ${fmtMs(q.index.p99)} (${q.index.count} runs)`,
          `${fmtMs(q.rescan.p50)} / ${fmtMs(q.rescan.max)} (${q.rescan.count} runs)`,
          `${fmtInt(q.rescan.p50 / q.index.p50)}×`,
          q.mismatches.length ? `MISMATCH: ${q.mismatches.join('; ')}` : 'identical',
        ]),
      ),
      '',
    );
    for (const q of queries) out.push(`- ${q.period.label}: ${q.figures.map((f) => `${f.indicator} ${f.value === null ? '–' : f.value.toFixed(1)}`).join(', ')}; rescan plan: \`${q.plan}\``);
    console.log(out.join('\n'));
    return queries.some((q) => q.mismatches.length) || counts.inbox > 0 || counts.responses !== settings.responses ? 1 : 0;
  } finally {
    await watcher?.end().catch(() => undefined);
    await ctx?.close().catch(() => undefined);
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

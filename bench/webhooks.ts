/**
 * Benchmark of partner-hub's webhook delivery (run on demand, not a test):
 *
 *   npm run bench:webhooks -- [--events 500] [--endpoints 100] [--quick] [--slow 0] [--batch 100] [--rate 0] [--stale-stats] [--keep]
 *
 *   --events     citizen-request.registered events produced to Kafka (default 500: 50,000 deliveries)
 *   --endpoints  local webhook endpoints, one subscription each (default 100); every event goes to all
 *   --quick      100 events (a smoke run: 10,000 deliveries)
 *   --slow K     K of the endpoints answer after 2 s (default 0); the others' figures are reported apart,
 *                and the run ends when the fast endpoints have everything (the slow ones are still busy)
 *   --batch      events per Kafka produce call (default 100)
 *   --rate R     produce R events/s, open loop, instead of everything at once (default 0: a burst)
 *   --stale-stats  leave partner-hub's tables never analysed (see "Statistics" below)
 *   --keep       keep the database at the end (its name is printed)
 *   DISPATCH_CONCURRENCY, DISPATCH_INTERVAL_MS  the service's variables (default 32 and, here, 50 ms)
 *
 * The issue asks for events per second delivered to 100 local endpoints and the p99 from the
 * originating Kafka event to delivery. partner-hub is booted in this process exactly as its integration
 * suite does (apps/partner-hub/test/hub.int-spec.ts, `startServiceHarness`): a fresh PostgreSQL database
 * migrated with the service's own command, the mock Kafka cluster from kcat, identity-dev; the whole
 * AppModule (consumer, fan-out, dispatcher, GraphQL) with ENDPOINT_POLICY=development.
 *  1. One local HTTP server in this process serves /hook/0 … /hook/<endpoints-1>: each answers 204 (the
 *     slow ones after 2 s) and records, per (endpoint, webhook-id), when the body had arrived.
 *  2. As `admin`, one subscription per endpoint through GraphQL (`createWebhookSubscription`: a partner
 *     organisation each, region AST, event types `citizen-request.*`), so every event fans out to all.
 *  3. Warm-up: one event, delivered to every endpoint (the consumer group has joined then); each
 *     delivery's signature is checked with the `standardwebhooks` library and the subscription's secret.
 *  4. The measured run: `--events` kz.seriktes.citizen-request.registered.v1 events for 15 AST precincts,
 *     produced through RawKafka (byte-identical to the service's records) in batches of `--batch`, each
 *     batch's CloudEvent `time` set to the moment it is produced. Latency of a delivery = the endpoint's
 *     receipt − the event's `time`. Wall time runs from the first produce to the last receipt;
 *     deliveries/s = deliveries ÷ wall time. Missing and duplicate deliveries are counted.
 *     Meanwhile: every statement of the service's DataSource is timed from this process (the
 *     dispatcher's claim query among them), the tables are sampled every second from another
 *     connection (events stored, deliveries created, pending), and the plan of the claim statement as
 *     the dispatcher last ran it is taken (`EXPLAIN`, not executed) once every event has been fanned out.
 *     After the service is closed, the stages of each delivery from the tables: event time → the
 *     fan-out transaction began (Kafka and the consumer), → first attempt began (waiting for the
 *     dispatcher), → delivered (signing and HTTP).
 *  5. The baseline, same run, service closed: the same deliveries as plain HTTP POSTs of the same bodies
 *     (the first body each event arrived with) from this process to the same server, with the
 *     dispatcher's concurrency and at most one in flight per endpoint, with no Kafka, no database, no
 *     signing. The report gives hub ÷ baseline for throughput and CPU per delivery.
 * Statistics: the local CI cluster runs with `autovacuum = off` (/etc/postgresql/15/main/conf.d/90-ci.conf),
 * so nothing would ever analyse partner-hub's tables and the planner would plan the dispatcher's claim on
 * an empty `delivery` table's estimates for the whole run. A production server runs autovacuum, so by
 * default this benchmark does what its autoanalyze would: every second it checks partner-hub's tables and
 * runs `ANALYZE` on each whose rows changed since its last analysis exceed 50 + 10% of its rows (the
 * default autovacuum_analyze_threshold and _scale_factor), from a connection of its own. Autovacuum
 * itself looks at a database once per autovacuum_naptime (1 min), so it is slower than this.
 * `--stale-stats` leaves the tables as the CI cluster does.
 * CPU is read from /proc per phase for this process (the service, the HTTP server and the producer),
 * this database's PostgreSQL backends, the rest of PostgreSQL, the kcat broker and the rest of the machine.
 * Progress goes to stderr, the Markdown report to stdout. The database is dropped at the end. The exit
 * code is 1 when a delivery to a fast endpoint is missing or duplicated.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { Webhook } from 'standardwebhooks';
import { DataSource } from 'typeorm';
import { CITIZEN_REQUEST_TOPIC, CitizenRequestRegistered, createEvent, eventSource, toKafkaRecord, type CloudEvent } from '@seriktes/contracts';
import { RawKafka } from '@seriktes/messaging/testing';
import { startServiceHarness, type ServiceHarness } from '@seriktes/runtime/testing';
import { ensurePostgres, type PostgresHandle } from '@seriktes/testing';
import { AppModule } from '../apps/partner-hub/src/app.module';
import { env } from '../apps/partner-hub/src/config';
import { CLK_TCK, procCpuMs, table } from './report';

// ---------------------------------------------------------------------------------------------
// Settings

/** 50,000 deliveries: the dispatcher's claim costs time in proportion to the backlog (docs/benchmarks.md). */
const DEFAULT_EVENTS = 500;
const QUICK_EVENTS = 100;
const SLOW_MS = 2000;
/** No new delivery for this long: stop waiting and report what is missing. */
const STALL_MS = 60_000;
const USERS = ['admin'] as const;
const PRECINCTS = ['AST-ESL', 'AST-SAR', 'AST-ALM', 'AST-BAI', 'AST-NUR'].flatMap((d) => [1, 2, 3].map((n) => `${d}-0${n}`));
const SIGNED_HEADERS = ['webhook-id', 'webhook-timestamp', 'webhook-signature'];

interface Settings {
  events: number;
  endpoints: number;
  slow: number;
  batch: number;
  rate: number;
  staleStats: boolean;
  keep: boolean;
  concurrency: string;
  intervalMs: string;
}

function readSettings(): Settings {
  const { values } = parseArgs({
    options: {
      events: { type: 'string' },
      endpoints: { type: 'string', default: '100' },
      quick: { type: 'boolean', default: false },
      slow: { type: 'string', default: '0' },
      batch: { type: 'string', default: '100' },
      rate: { type: 'string', default: '0' },
      'stale-stats': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const whole = (name: string, raw: string | undefined, min: number, max: number): number => {
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
    return value;
  };
  const endpoints = whole('--endpoints', values.endpoints, 1, 1000);
  return {
    events: values.quick ? QUICK_EVENTS : whole('--events', values.events ?? String(DEFAULT_EVENTS), 1, 100_000),
    endpoints,
    slow: whole('--slow', values.slow, 0, endpoints - 1),
    batch: whole('--batch', values.batch, 1, 10_000),
    rate: whole('--rate', values.rate, 0, 100_000),
    staleStats: values['stale-stats'] ?? false,
    keep: values.keep ?? false,
    concurrency: String(whole('DISPATCH_CONCURRENCY', process.env.DISPATCH_CONCURRENCY ?? env.spec.DISPATCH_CONCURRENCY.default, 1, 10_000)),
    intervalMs: String(whole('DISPATCH_INTERVAL_MS', process.env.DISPATCH_INTERVAL_MS ?? '50', 1, 60_000)),
  };
}

const progress = (line: string) => console.error(`[bench:webhooks] ${line}`);
const fmtInt = (v: number) => Math.round(v).toLocaleString('en-US');
const fmtMs = (v: number) => (v < 1 ? v.toFixed(3) : v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : fmtInt(v));
const fmtS = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
const fmtMb = (bytes: number) => `${fmtInt(bytes / 1024 / 1024)} MB`;
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(a / b < 10 ? 3 : 1)}×` : '–');
const fmtRate = (v: number) => (v < 10 ? v.toFixed(2) : fmtInt(v));

/** Nearest-rank percentiles of ascending samples. */
function percentiles(samples: ArrayLike<number>, ps: readonly number[]): number[] {
  const sorted = Float64Array.from(samples).sort();
  return ps.map((p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] : NaN));
}

// ---------------------------------------------------------------------------------------------
// CPU from /proc: this process, this database's backends, the rest of PostgreSQL, kcat, the rest.



function machineMs(): { busy: number; steal: number } {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const total = cpu.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: ((total - cpu[3] - cpu[4]) * 1000) / CLK_TCK, steal: (cpu[7] * 1000) / CLK_TCK };
}

interface CpuSnapshot {
  at: number;
  self: number;
  postgres: Map<number, number>;
  kcat: number;
  machine: { busy: number; steal: number };
}

function cpuSnapshot(kcatPid: number | undefined): CpuSnapshot {
  const postgres = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    let comm: string;
    try {
      comm = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
    } catch {
      continue;
    }
    if (comm !== 'postgres') continue;
    const ms = procCpuMs(pid);
    if (ms !== undefined) postgres.set(pid, ms);
  }
  const usage = process.cpuUsage();
  return { at: performance.now(), self: (usage.user + usage.system) / 1000, postgres, kcat: (kcatPid && procCpuMs(kcatPid)) || 0, machine: machineMs() };
}

interface CpuSplit {
  wallMs: number;
  self: number;
  backends: number;
  otherPostgres: number;
  kcat: number;
  rest: number;
  steal: number;
}

function cpuSplit(a: CpuSnapshot, b: CpuSnapshot, backends: ReadonlySet<number>): CpuSplit {
  let mine = 0;
  let others = 0;
  for (const [pid, ms] of b.postgres) {
    const delta = ms - (a.postgres.get(pid) ?? 0);
    if (backends.has(pid)) mine += delta;
    else others += delta;
  }
  const self = b.self - a.self;
  const kcat = b.kcat - a.kcat;
  const busy = b.machine.busy - a.machine.busy;
  return { wallMs: b.at - a.at, self, backends: mine, otherPostgres: others, kcat, rest: Math.max(0, busy - self - mine - others - kcat), steal: b.machine.steal - a.machine.steal };
}

const cpuCell = (c: CpuSplit) => {
  const pct = (ms: number) => `${((100 * ms) / (c.wallMs * os.availableParallelism())).toFixed(0)}%`;
  return `this process ${pct(c.self)}, PG backends ${pct(c.backends)}, other PG ${pct(c.otherPostgres)}, kcat ${pct(c.kcat)}, rest ${pct(c.rest)}, steal ${pct(c.steal)}`;
};

// ---------------------------------------------------------------------------------------------
// The endpoints: one HTTP server, /hook/<n>, a receipt time per (endpoint, event).

/** What one phase received: first receipt per (event, endpoint), counts for duplicates. */
class Tally {
  readonly at: Float64Array;
  readonly count: Uint16Array;
  readonly bodies: Array<string | undefined>;
  readonly raw: Array<{ endpoint: number; headers: Record<string, string>; body: string }> = [];
  requests = 0;
  unknown = 0;
  unique = 0;
  uniqueFast = 0;
  lastAt = 0;

  constructor(
    private readonly index: ReadonlyMap<string, number>,
    size: number,
    private readonly endpoints: number,
    private readonly slow: ReadonlySet<number>,
    private readonly keepRaw = false,
  ) {
    this.at = new Float64Array(size * endpoints);
    this.count = new Uint16Array(size * endpoints);
    this.bodies = new Array<string | undefined>(size);
  }

  record(endpoint: number, id: string, at: number, chunks: Buffer[], headers: http.IncomingHttpHeaders): void {
    this.requests += 1;
    const i = this.index.get(id);
    if (i === undefined || endpoint < 0 || endpoint >= this.endpoints) {
      this.unknown += 1;
      return;
    }
    const k = i * this.endpoints + endpoint;
    if (this.count[k]++ === 0) {
      this.at[k] = at;
      this.unique += 1;
      if (!this.slow.has(endpoint)) this.uniqueFast += 1;
      this.lastAt = Math.max(this.lastAt, at);
      if (this.bodies[i] === undefined) this.bodies[i] = Buffer.concat(chunks).toString('utf8');
    }
    if (this.keepRaw) {
      const flat = Object.fromEntries(Object.entries(headers).map(([name, v]) => [name, Array.isArray(v) ? v.join(', ') : (v ?? '')]));
      this.raw.push({ endpoint, headers: flat, body: Buffer.concat(chunks).toString('utf8') });
    }
  }

  duplicates(): number {
    let n = 0;
    for (const c of this.count) if (c > 1) n += c - 1;
    return n;
  }
}

class Endpoints {
  tally?: Tally;
  url = '';
  private server?: http.Server;

  constructor(readonly slow: ReadonlySet<number>) {}

  path(n: number): string {
    return `/hook/${n}`;
  }

  async start(): Promise<void> {
    this.server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (c: Buffer) => chunks.push(c));
      request.on('end', () => {
        const at = Date.now();
        const match = /^\/hook\/(\d+)$/.exec(request.url ?? '');
        const endpoint = match ? Number(match[1]) : -1;
        const id = request.headers['webhook-id'];
        this.tally?.record(endpoint, typeof id === 'string' ? id : '', at, chunks, request.headers);
        const answer = () => response.writeHead(204).end();
        if (this.slow.has(endpoint)) setTimeout(answer, SLOW_MS);
        else answer();
      });
    });
    this.server.keepAliveTimeout = 60_000;
    const server = this.server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

// ---------------------------------------------------------------------------------------------
// Every statement of the service's DataSource, timed from this process (incl. node-postgres), with
// the wait for a pool connection apart.

interface StatementStats {
  samples: number[];
  rows: number;
}

interface ClaimSample {
  at: number;
  ms: number;
  rows: number;
}

const KINDS: Array<[RegExp, string]> = [
  [/^WITH due AS/, 'dispatcher: claim due deliveries (`WITH due … UPDATE … RETURNING`)'],
  [/^SELECT e\.id, e\.source/, "dispatcher: read a delivery's event, endpoint and secrets"],
  [/^INSERT INTO partner_hub\.delivery_attempt/, 'dispatcher: insert the attempt'],
  [/^UPDATE partner_hub\.delivery SET status = 'delivered'/, 'dispatcher: mark delivered'],
  [/^UPDATE partner_hub\.subscription SET consecutive_failures = 0/, 'dispatcher: reset the failure count (matches no row)'],
  [/^UPDATE partner_hub\.delivery SET status = \$2/, 'dispatcher: schedule a retry'],
  [/^INSERT INTO "partner_hub"\."inbox"/, 'consumer: inbox row'],
  [/^INSERT INTO partner_hub\.event /, 'consumer: store the event'],
  [/^SELECT id, partner_org_id, region_code, event_types/, 'consumer: read the active subscriptions'],
  [/^SELECT agreement_id/, "consumer: read the partners' agreements"],
  [/^INSERT INTO partner_hub\.delivery /, 'consumer: insert the deliveries (`jsonb_to_recordset`)'],
  [/^(START TRANSACTION|BEGIN)/i, 'BEGIN (both)'],
  [/^COMMIT/i, 'COMMIT (both)'],
];
const CLAIM = KINDS[0][1];
const POOL_WAIT = 'waiting for a pool connection (both)';

function recordStatements(dataSource: DataSource) {
  const stats = new Map<string, StatementStats>();
  const claims: ClaimSample[] = [];
  const active = { on: false };
  const lastClaim: { sql?: string; parameters?: unknown[] } = {};
  const kindOf = new Map<string, string>();
  const kind = (sql: string) => {
    let k = kindOf.get(sql);
    if (k === undefined) {
      const s = sql.replace(/\s+/g, ' ').trim();
      k = KINDS.find(([re]) => re.test(s))?.[1] ?? s.slice(0, 60);
      kindOf.set(sql, k);
    }
    return k;
  };
  const add = (name: string, ms: number, rows = 0) => {
    const entry = stats.get(name) ?? { samples: [], rows: 0 };
    entry.samples.push(ms);
    entry.rows += rows;
    stats.set(name, entry);
  };
  const create = dataSource.createQueryRunner.bind(dataSource);
  dataSource.createQueryRunner = (...args: Parameters<DataSource['createQueryRunner']>) => {
    const runner = create(...args);
    let waited = 0;
    const connect = runner.connect.bind(runner) as () => Promise<unknown>;
    (runner as { connect: typeof connect }).connect = async () => {
      const t0 = performance.now();
      try {
        return await connect();
      } finally {
        waited += performance.now() - t0;
      }
    };
    const query = runner.query.bind(runner) as (sql: string, parameters?: unknown[], structured?: boolean) => Promise<unknown>;
    (runner as { query: typeof query }).query = async (sql, parameters, structured) => {
      if (!active.on) return query(sql, parameters, structured);
      const before = waited;
      const t0 = performance.now();
      let result: unknown;
      try {
        result = await query(sql, parameters, structured);
        return result;
      } finally {
        const total = performance.now() - t0;
        const wait = waited - before;
        const k = kind(sql);
        if (wait > 0.05) add(POOL_WAIT, wait);
        const rows = Array.isArray(result) ? (Array.isArray(result[0]) ? (result[0] as unknown[]).length : result.length) : 0;
        add(k, total - wait, k === CLAIM ? rows : 0);
        if (k === CLAIM) {
          claims.push({ at: performance.now(), ms: total - wait, rows });
          lastClaim.sql = sql;
          lastClaim.parameters = parameters;
        }
      }
    };
    return runner;
  };
  return { stats, claims, active, lastClaim };
}

// ---------------------------------------------------------------------------------------------
// What autovacuum's autoanalyze would do, on a connection of its own (the CI cluster has it off).

class AutoAnalyze {
  readonly runs: Array<{ table: string; at: number; ms: number; rows: number }> = [];
  private busy = false;
  private timer?: NodeJS.Timeout;

  constructor(private readonly client: Client) {}

  start(): void {
    this.timer = setInterval(() => void this.tick(), 1000);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  async tick(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const { rows } = await this.client.query(
        `SELECT s.relname AS table, s.n_mod_since_analyze::float8 AS changed, greatest(c.reltuples, 0)::float8 AS rows
           FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid WHERE s.schemaname = 'partner_hub'`,
      );
      for (const r of rows as Array<{ table: string; changed: number; rows: number }>) {
        if (r.changed <= 50 + 0.1 * r.rows) continue;
        const t0 = performance.now();
        await this.client.query(`ANALYZE partner_hub.${r.table}`);
        this.runs.push({ table: r.table, at: t0, ms: performance.now() - t0, rows: r.rows });
      }
    } catch (e) {
      progress(`autoanalyze failed: ${String(e)}`);
    } finally {
      this.busy = false;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Events

function registered(n: number, time: Date): CloudEvent<Record<string, unknown>> {
  const requestId = randomUUID();
  const precinctCode = PRECINCTS[n % PRECINCTS.length];
  const at = time.toISOString();
  return createEvent(
    CitizenRequestRegistered.type,
    { requestId, registrationNumber: `AST-2026-${String(100_000 + n).padStart(6, '0')}`, kind: 'application', category: 'public-order-noise', channel: 'web', regionCode: 'AST', precinctCode, receivedAt: at, registeredAt: at },
    { subject: requestId, source: eventSource('citizen-requests'), time },
  );
}

/** Produces `count` events in batches of `batch`, each batch's time the moment it is sent; at `rate`/s if > 0. */
async function produce(raw: RawKafka, count: number, batch: number, rate: number, onEvent: (event: CloudEvent<Record<string, unknown>>, index: number) => void): Promise<{ firstMs: number; lastMs: number }> {
  const start = performance.now();
  let firstMs = 0;
  let sent = 0;
  while (sent < count) {
    let size = Math.min(batch, count - sent);
    if (rate > 0) {
      const due = Math.min(count, Math.floor(((performance.now() - start) * rate) / 1000) + 1);
      if (due <= sent) {
        await delay(Math.max(1, (sent * 1000) / rate - (performance.now() - start)));
        continue;
      }
      size = Math.min(batch, due - sent);
    }
    const time = new Date();
    if (!firstMs) firstMs = time.getTime();
    const events = Array.from({ length: size }, (_, j) => registered(sent + j, time));
    events.forEach((e, j) => onEvent(e, sent + j));
    await raw.produce(CITIZEN_REQUEST_TOPIC, events.map(toKafkaRecord));
    sent += size;
  }
  return { firstMs, lastMs: Date.now() };
}

// ---------------------------------------------------------------------------------------------
// The baseline: the same bodies as plain POSTs, same concurrency, one in flight per endpoint.

function post(url: string, id: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', headers: { 'content-type': 'application/cloudevents+json', 'webhook-id': id, 'content-length': String(Buffer.byteLength(body)) } }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });
}

async function baseline(receiver: Endpoints, ids: readonly string[], bodies: ReadonlyArray<string | undefined>, endpoints: readonly number[], concurrency: number): Promise<{ posted: number; failed: number; wallMs: number }> {
  const total = ids.length * endpoints.length;
  const inflight = new Map<number, Promise<unknown>>();
  let next = 0;
  let failed = 0;
  const t0 = performance.now();
  const worker = async () => {
    // Event-major, as the hub fans out; an endpoint with a POST in flight is waited for.
    while (next < total) {
      const k = next++;
      const i = Math.floor(k / endpoints.length);
      const endpoint = endpoints[k % endpoints.length];
      while (inflight.has(endpoint)) await inflight.get(endpoint);
      const work = post(`${receiver.url}${receiver.path(endpoint)}`, ids[i], bodies[i] ?? '{}').then(
        (status) => (failed += status === 204 ? 0 : 1),
        () => (failed += 1),
      );
      inflight.set(endpoint, work);
      await work;
      inflight.delete(endpoint);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, endpoints.length) }, worker));
  return { posted: total, failed, wallMs: performance.now() - t0 };
}

// ---------------------------------------------------------------------------------------------
// Run

interface Sample {
  ms: number;
  events: number;
  deliveries: number;
  pending: number;
  delivered: number;
}

async function main(): Promise<number> {
  const settings = readSettings();
  const loadAtStart = os.loadavg();
  const slow = new Set(Array.from({ length: settings.slow }, (_, j) => j));
  const fastEndpoints = Array.from({ length: settings.endpoints }, (_, j) => j).filter((j) => !slow.has(j));
  progress(
    `${fmtInt(settings.events)} events × ${settings.endpoints} endpoints (${settings.slow} slow), batches of ${settings.batch}, ${settings.rate ? `${settings.rate} events/s` : 'burst'}; DISPATCH_CONCURRENCY ${settings.concurrency}, DISPATCH_INTERVAL_MS ${settings.intervalMs}; load ${loadAtStart.map((l) => l.toFixed(2)).join(' ')}`,
  );
  const receiver = new Endpoints(slow);
  let postgres: PostgresHandle | undefined;
  let h: ServiceHarness<(typeof USERS)[number]> | undefined;
  let raw: RawKafka | undefined;
  let watcher: Client | undefined;
  let analyzerClient: Client | undefined;
  let analyzer: AutoAnalyze | undefined;
  let appOpen = false;
  try {
    postgres = await ensurePostgres();
    await receiver.start();
    const bootStart = performance.now();
    // Apollo's logger (loglevel: console.info/log, bound when it is created) goes to stderr with the
    // progress, so stdout is the report alone.
    const { log, info } = console;
    console.log = console.info = (...args: unknown[]) => console.error(...args);
    try {
      h = await startServiceHarness({
        service: 'partner-hub',
        database: 'bench_webhooks',
        users: USERS,
        env: { DISPATCH_INTERVAL_MS: settings.intervalMs, DISPATCH_CONCURRENCY: settings.concurrency, ENDPOINT_POLICY: 'development' },
        module: (variables, logger) => AppModule.forRoot(env.load(variables), logger),
      });
    } finally {
      Object.assign(console, { log, info });
    }
    appOpen = true;
    const harness = h;
    progress(`partner-hub up in ${fmtS(performance.now() - bootStart)}, database ${h.db.name}, broker ${h.kafka.brokers.join(',')}`);
    raw = new RawKafka({ brokers: h.kafka.brokers });
    const dataSource = h.app.app.get(DataSource);
    const recorder = recordStatements(dataSource);
    const watch = new Client({ connectionString: h.db.url, application_name: 'partner-hub:bench-watch' });
    watcher = watch;
    watch.on('error', (e) => progress(`watcher connection: ${e.message}`));
    await watch.connect();
    const [server] = (await watch.query(`SELECT current_setting('autovacuum') AS autovacuum, current_setting('work_mem') AS "workMem"`)).rows as Array<{ autovacuum: string; workMem: string }>;
    if (!settings.staleStats) {
      analyzerClient = new Client({ connectionString: h.db.url, application_name: 'partner-hub:bench-autoanalyze' });
      analyzerClient.on('error', (e) => progress(`autoanalyze connection: ${e.message}`));
      await analyzerClient.connect();
      analyzer = new AutoAnalyze(analyzerClient);
      analyzer.start();
    }

    // Subscriptions, one per endpoint.
    const secrets: string[] = [];
    const subscriptionIds: string[] = [];
    for (let j = 0; j < settings.endpoints; j++) {
      const r = await harness.gql<{ createWebhookSubscription: { id: string; secret: string } }>(
        'admin',
        `mutation($input: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $input) { id secret } }`,
        { input: { url: `${receiver.url}${receiver.path(j)}`, eventTypes: ['citizen-request.*'], partnerOrgId: `bench-partner-${String(j).padStart(3, '0')}`, regionCode: 'AST' } },
      );
      if (r.errors?.length || !r.data) throw new Error(`createWebhookSubscription: ${JSON.stringify(r.errors)}`);
      secrets.push(r.data.createWebhookSubscription.secret);
      subscriptionIds.push(r.data.createWebhookSubscription.id);
    }
    progress(`${settings.endpoints} subscriptions at ${receiver.url}/hook/<n>`);

    // Warm-up: one event to every endpoint, signatures checked.
    const warm = registered(999_999, new Date());
    const warmTally = new Tally(new Map([[warm.id, 0]]), 1, settings.endpoints, slow, true);
    receiver.tally = warmTally;
    const warmStart = performance.now();
    await raw.produce(CITIZEN_REQUEST_TOPIC, [toKafkaRecord(warm)]);
    while (warmTally.unique < settings.endpoints) {
      if (performance.now() - warmStart > 60_000) throw new Error(`warm-up: ${warmTally.unique} of ${settings.endpoints} endpoints received the first event within 60 s`);
      await delay(50);
    }
    let badSignatures = 0;
    for (const r of warmTally.raw) {
      try {
        new Webhook(secrets[r.endpoint]).verify(r.body, r.headers);
      } catch {
        badSignatures++;
      }
    }
    if (badSignatures) throw new Error(`warm-up: ${badSignatures} deliveries failed signature verification`);
    if (!SIGNED_HEADERS.every((name) => name in warmTally.raw[0].headers)) throw new Error('warm-up: Standard Webhooks headers missing');
    progress(`warm-up: delivered to all ${settings.endpoints} endpoints in ${fmtS(performance.now() - warmStart)} (incl. the consumer group join), every signature verified`);
    await delay(1000);

    // The measured run.
    const ids: string[] = new Array<string>(settings.events);
    const eventTimes = new Float64Array(settings.events);
    // Filled before each batch is produced, so every receipt finds its event.
    const index = new Map<string, number>();
    const tally = new Tally(index, settings.events, settings.endpoints, slow);
    receiver.tally = tally;
    const expectedFast = settings.events * fastEndpoints.length;
    const expected = settings.events * settings.endpoints;
    const samples: Sample[] = [];
    const backendPids = new Set<number>();
    let explain: { pending: number; plan: string[]; at: number } | undefined;
    let sampling = false;
    const loop = monitorEventLoopDelay({ resolution: 10 });
    let peakRss = process.memoryUsage().rss;
    const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 250);
    const runStart = performance.now();
    const sampler = setInterval(() => {
      if (sampling) return;
      sampling = true;
      void watch
        .query(
          `SELECT (SELECT count(*) FROM partner_hub.event)::int - 1 AS events, (SELECT coalesce(max(id), 0) FROM partner_hub.delivery)::int - $1::int AS deliveries,
                  (SELECT count(*) FROM partner_hub.delivery WHERE status = 'pending')::int AS pending,
                  array(SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()) AS pids`,
          [settings.endpoints],
        )
        .then(async ({ rows: [row] }) => {
          const s = row as Omit<Sample, 'ms' | 'delivered'> & { pids: number[] };
          for (const pid of s.pids) backendPids.add(pid);
          samples.push({ ms: performance.now() - runStart, events: s.events, deliveries: s.deliveries, pending: s.pending, delivered: tally.unique });
          if (!explain && s.deliveries >= expected && recorder.lastClaim.sql) {
            // Once everything is fanned out: the plan of the claim as the dispatcher last ran it (not executed).
            const { rows } = await watch.query(`EXPLAIN ${recorder.lastClaim.sql}`, recorder.lastClaim.parameters);
            explain = { pending: s.pending, plan: (rows as Array<{ 'QUERY PLAN': string }>).map((r) => r['QUERY PLAN']), at: performance.now() - runStart };
          }
        })
        .catch((e: unknown) => progress(`sample failed: ${String(e)}`))
        .finally(() => (sampling = false));
    }, 1000);
    const reporter = setInterval(() => {
      const last = samples[samples.length - 1];
      progress(
        `  ${fmtS(performance.now() - runStart)}: events stored ${fmtInt(last?.events ?? 0)}/${fmtInt(settings.events)}, deliveries created ${fmtInt(last?.deliveries ?? 0)}, pending ${fmtInt(last?.pending ?? 0)}, received ${fmtInt(tally.unique)}/${fmtInt(expected)}`,
      );
    }, 10_000);

    const kcatPid = h.kafka.pid;
    const cpu0 = cpuSnapshot(kcatPid);
    const usage0 = process.resourceUsage();
    recorder.active.on = true;
    loop.enable();
    const produced = await produce(raw, settings.events, settings.batch, settings.rate, (event, i) => {
      ids[i] = event.id;
      eventTimes[i] = Date.parse(event.time);
      index.set(event.id, i);
    });
    progress(`produced ${fmtInt(settings.events)} events in ${fmtS(produced.lastMs - produced.firstMs)}`);
    let lastProgress = { unique: -1, at: performance.now() };
    let stalled = false;
    while (tally.uniqueFast < expectedFast) {
      await delay(100);
      if (tally.unique !== lastProgress.unique) lastProgress = { unique: tally.unique, at: performance.now() };
      else if (performance.now() - lastProgress.at > STALL_MS) {
        stalled = true;
        progress(`no delivery for ${STALL_MS / 1000} s: stopping with ${fmtInt(expectedFast - tally.uniqueFast)} missing`);
        break;
      }
    }
    loop.disable();
    recorder.active.on = false;
    const cpu1 = cpuSnapshot(kcatPid);
    const usage1 = process.resourceUsage();
    const slowReceivedAtEnd = tally.unique - tally.uniqueFast;
    clearInterval(sampler);
    clearInterval(reporter);
    clearInterval(rssTimer);
    analyzer?.stop();
    for (const { pid } of (await watch.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()`)).rows as Array<{ pid: number }>) backendPids.add(pid);
    const hubCpu = cpuSplit(cpu0, cpu1, backendPids);
    const wallMs = tally.lastAt - produced.firstMs;
    progress(`hub: ${fmtInt(tally.uniqueFast)} deliveries to fast endpoints in ${fmtS(wallMs)}`);

    // Close the service (in-flight attempts finish and are recorded), then the stages from the tables.
    const closeStart = performance.now();
    await h.app.close();
    appOpen = false;
    progress(`partner-hub closed in ${fmtS(performance.now() - closeStart)}`);
    const fastSubscriptions = fastEndpoints.map((j) => subscriptionIds[j]);
    const slowSubscriptions = [...slow].map((j) => subscriptionIds[j]);
    const stageRows = async (subs: string[]) =>
      (
        await watch.query(
          `WITH x AS (
             SELECT (extract(epoch FROM d.created_at - e.time) * 1000)::float8 AS consumed,
                    (extract(epoch FROM a.attempted_at - d.created_at) * 1000)::float8 AS queued,
                    (extract(epoch FROM d.delivered_at - a.attempted_at) * 1000)::float8 AS sent,
                    a.latency_ms
               FROM partner_hub.delivery d JOIN partner_hub.event e ON e.seq = d.event_seq
               JOIN LATERAL (SELECT attempted_at, latency_ms FROM partner_hub.delivery_attempt t WHERE t.delivery_id = d.id ORDER BY t.id LIMIT 1) a ON true
              WHERE e.id = ANY($1::text[]) AND d.subscription_id = ANY($2::uuid[]) AND d.status = 'delivered')
           SELECT count(*)::int AS n,
                  percentile_disc(ARRAY[0.5, 0.99]) WITHIN GROUP (ORDER BY consumed) AS consumed,
                  percentile_disc(ARRAY[0.5, 0.99]) WITHIN GROUP (ORDER BY queued) AS queued,
                  percentile_disc(ARRAY[0.5, 0.99]) WITHIN GROUP (ORDER BY sent) AS sent,
                  percentile_disc(ARRAY[0.5, 0.99]) WITHIN GROUP (ORDER BY latency_ms) AS latency
             FROM x`,
          [ids, subs],
        )
      ).rows[0] as { n: number; consumed: number[]; queued: number[]; sent: number[]; latency: number[] };
    const stagesFast = await stageRows(fastSubscriptions);
    const stagesSlow = slowSubscriptions.length ? await stageRows(slowSubscriptions) : undefined;
    const [db] = (
      await watch.query(
        `SELECT (SELECT count(*) FROM partner_hub.event WHERE id = ANY($1::text[]))::int AS events,
                (extract(epoch FROM (SELECT max(d.created_at) FROM partner_hub.delivery d JOIN partner_hub.event e ON e.seq = d.event_seq WHERE e.id = ANY($1::text[]))) * 1000)::float8 AS "lastFanOutMs",
                (SELECT count(*) FROM partner_hub.delivery d JOIN partner_hub.event e ON e.seq = d.event_seq WHERE e.id = ANY($1::text[]))::int AS deliveries,
                (SELECT count(*) FROM partner_hub.delivery d JOIN partner_hub.event e ON e.seq = d.event_seq WHERE e.id = ANY($1::text[]) AND d.status = 'delivered')::int AS delivered,
                (SELECT count(*) FROM partner_hub.delivery d JOIN partner_hub.event e ON e.seq = d.event_seq WHERE e.id = ANY($1::text[]) AND d.attempts > 1)::int AS retried,
                (SELECT count(*) FROM partner_hub.delivery_attempt)::int AS attempts,
                pg_total_relation_size('partner_hub.delivery')::float8 AS "deliveryBytes",
                pg_total_relation_size('partner_hub.delivery_attempt')::float8 AS "attemptBytes",
                (SELECT version()) AS version, current_setting('shared_buffers') AS "sharedBuffers", current_setting('synchronous_commit') AS "synchronousCommit"`,
        [ids],
      )
    ).rows as Array<{ events: number; lastFanOutMs: number; deliveries: number; delivered: number; retried: number; attempts: number; deliveryBytes: number; attemptBytes: number; version: string; sharedBuffers: string; synchronousCommit: string }>;

    // The baseline: same bodies, same server, same concurrency, nothing else running.
    progress(`baseline: ${fmtInt(expectedFast)} plain POSTs, concurrency ${settings.concurrency}`);
    const missingBodies = tally.bodies.filter((b) => b === undefined).length;
    const baseTally = new Tally(index, settings.events, settings.endpoints, slow);
    receiver.tally = baseTally;
    const baseCpu0 = cpuSnapshot(kcatPid);
    const base = await baseline(receiver, ids, tally.bodies, fastEndpoints, Number(settings.concurrency));
    const baseCpu = cpuSplit(baseCpu0, cpuSnapshot(kcatPid), new Set());
    const baseWallMs = base.wallMs;
    receiver.tally = undefined;
    progress(`baseline: ${fmtInt(baseTally.unique)} in ${fmtS(baseWallMs)}`);
    const loadAtEnd = os.loadavg();

    // Figures.
    const fastLatency: number[] = [];
    const slowLatency: number[] = [];
    let missingFast = 0;
    let slowReceived = 0;
    for (let i = 0; i < settings.events; i++) {
      for (let j = 0; j < settings.endpoints; j++) {
        const k = i * settings.endpoints + j;
        if (!tally.count[k]) {
          if (!slow.has(j)) missingFast++;
          continue;
        }
        const ms = tally.at[k] - eventTimes[i];
        if (slow.has(j)) {
          slowLatency.push(ms);
          slowReceived++;
        } else fastLatency.push(ms);
      }
    }
    const [p50, p95, p99, max] = percentiles(fastLatency, [0.5, 0.95, 0.99, 1]);
    const duplicates = tally.duplicates();
    const hubRate = (tally.uniqueFast * 1000) / wallMs;
    const baseRate = (baseTally.unique * 1000) / baseWallMs;
    const hubCpuPer = (ms: number) => (ms * 1000) / Math.max(1, tally.uniqueFast);
    const baseCpuPer = (ms: number) => (ms * 1000) / Math.max(1, baseTally.unique);
    const ingestMs = db.lastFanOutMs - produced.firstMs;
    const body = tally.bodies.find((b) => b !== undefined) ?? '';
    const statementRows = [...recorder.stats.entries()].sort((a, b) => b[1].samples.reduce((x, y) => x + y, 0) - a[1].samples.reduce((x, y) => x + y, 0));
    const claimStats = recorder.stats.get(CLAIM);
    const claimedRows = claimStats?.rows ?? 0;
    const claimsTotal = claimStats?.samples.length ?? 0;

    const deliveryAnalyses = analyzer?.runs.filter((r) => r.table === 'delivery' && r.at >= runStart) ?? [];
    const cpus = os.cpus();
    const out: string[] = [];
    out.push(
      `## Webhook delivery: ${fmtInt(settings.events)} events × ${settings.endpoints} endpoints${settings.slow ? ` (${settings.slow} answering after ${SLOW_MS / 1000} s)` : ''}, ${settings.rate ? `${settings.rate} events/s` : 'one burst'}`,
      '',
    );
    out.push(
      table(
        ['setting', 'value'],
        [
          ['machine', `${os.availableParallelism()} cores (${cpus[0]?.model.trim() ?? 'unknown'}), ${fmtInt(os.totalmem() / 1024 ** 3)} GB, Node ${process.version}`],
          ['PostgreSQL', `${db.version.split(' ').slice(0, 2).join(' ')}, shared_buffers ${db.sharedBuffers}, work_mem ${server.workMem}, synchronous_commit ${db.synchronousCommit}, autovacuum ${server.autovacuum}; DB pool 10`],
          [
            'statistics',
            analyzer
              ? `autoanalyze emulated (ANALYZE when changed rows > 50 + 10%, checked every second): ${analyzer.runs.length} ANALYZE in all; \`delivery\` ${deliveryAnalyses.length} times during the run${
                  deliveryAnalyses.length
                    ? `, first at ${deliveryAnalyses
                        .slice(0, 4)
                        .map((r) => `${fmtS(r.at - runStart)} (${fmtInt(r.ms)} ms)`)
                        .join(', ')}`
                    : ''
                }`
              : 'never analysed (--stale-stats), as on the CI cluster with autovacuum off',
          ],
          ['load (1/5/15 min) at start / end', `${loadAtStart.map((l) => l.toFixed(2)).join(' ')} / ${loadAtEnd.map((l) => l.toFixed(2)).join(' ')}`],
          ['partner-hub', `DISPATCH_CONCURRENCY ${settings.concurrency}, DISPATCH_INTERVAL_MS ${settings.intervalMs}, DELIVERY_TIMEOUT_MS ${env.spec.DELIVERY_TIMEOUT_MS.default}; consumer: 4 partitions, 4 at a time`],
          ['events', `${fmtInt(settings.events)} citizen-request.registered (${PRECINCTS.length} AST precincts), batches of ${settings.batch}, ${settings.rate ? `${settings.rate}/s` : 'as fast as produce returns'}; produced in ${fmtS(produced.lastMs - produced.firstMs)}`],
          ['deliveries', `${fmtInt(settings.events)} × ${settings.endpoints} endpoints = ${fmtInt(expected)}${settings.slow ? `, of which ${fmtInt(expectedFast)} to the ${fastEndpoints.length} fast ones` : ''}; body ${fmtInt(Buffer.byteLength(body))} B (CloudEvent, structured JSON)`],
        ],
      ),
      '',
    );
    const fast = settings.slow ? ' (fast endpoints)' : '';
    out.push(
      table(
        ['measurement', 'partner-hub', 'baseline: plain POSTs', 'hub ÷ baseline'],
        [
          [`deliveries received${fast}`, `${fmtInt(tally.uniqueFast)} of ${fmtInt(expectedFast)}`, `${fmtInt(baseTally.unique)} of ${fmtInt(expectedFast)}`, ''],
          ['missing / duplicate', `${fmtInt(missingFast)} / ${fmtInt(duplicates)}${stalled ? ' (stalled)' : ''}`, `${fmtInt(expectedFast - baseTally.unique)} / ${fmtInt(baseTally.duplicates())}`, ''],
          ['wall time (first produce → last receipt)', fmtS(wallMs), fmtS(baseWallMs), ratio(wallMs, baseWallMs)],
          [`**deliveries/s**${fast}${settings.rate ? ' (paced: at most the offered rate)' : ''}`, `**${fmtInt(hubRate)}**`, fmtInt(baseRate), `**${ratio(hubRate, baseRate)}**`],
          ['events/s fully delivered', fmtRate((settings.events * 1000) / wallMs), fmtRate((settings.events * 1000) / baseWallMs), ratio(baseWallMs, wallMs)],
          [`**latency event time → receipt** p50 / p95 / **p99** / max (ms)${fast}`, `${fmtMs(p50)} / ${fmtMs(p95)} / **${fmtMs(p99)}** / ${fmtMs(max)}`, '', ''],
          ['CPU per delivery: this process (µs)', fmtInt(hubCpuPer(hubCpu.self)), fmtInt(baseCpuPer(baseCpu.self)), ratio(hubCpuPer(hubCpu.self), baseCpuPer(baseCpu.self))],
          ['CPU per delivery: this database’s PG backends (µs)', fmtInt(hubCpuPer(hubCpu.backends)), '0', ''],
          ['CPU (share of all cores)', cpuCell(hubCpu), cpuCell(baseCpu), ''],
          ['process RSS peak during the run; max RSS', `${fmtMb(peakRss)}; ${fmtMb(usage1.maxRSS * 1024)}`, '', ''],
          ['event loop delay p50 / p99 / max (ms)', `${fmtMs(loop.percentile(50) / 1e6)} / ${fmtMs(loop.percentile(99) / 1e6)} / ${fmtMs(loop.max / 1e6)}`, '', ''],
          ['voluntary / involuntary context switches', `${fmtInt(usage1.voluntaryContextSwitches - usage0.voluntaryContextSwitches)} / ${fmtInt(usage1.involuntaryContextSwitches - usage0.involuntaryContextSwitches)}`, '', ''],
        ],
      ),
      '',
    );
    if (settings.slow) {
      const [s50, s99, smax] = percentiles(slowLatency, [0.5, 0.99, 1]);
      out.push(
        table(
          ['endpoints', 'deliveries received by the end', 'latency p50 / p99 / max (ms)', 'dispatcher stages p50: consumed / queued / sent (ms)'],
          [
            [`${fastEndpoints.length} fast (204 at once)`, `${fmtInt(tally.uniqueFast)} of ${fmtInt(expectedFast)}`, `${fmtMs(p50)} / ${fmtMs(p99)} / ${fmtMs(max)}`, `${fmtMs(stagesFast.consumed[0])} / ${fmtMs(stagesFast.queued[0])} / ${fmtMs(stagesFast.sent[0])}`],
            [
              `${settings.slow} slow (204 after ${SLOW_MS / 1000} s)`,
              `${fmtInt(slowReceived)} of ${fmtInt(settings.events * settings.slow)} (${fmtInt(slowReceivedAtEnd)} when the fast ones were done)`,
              `${fmtMs(s50)} / ${fmtMs(s99)} / ${fmtMs(smax)}`,
              stagesSlow ? `${fmtMs(stagesSlow.consumed[0])} / ${fmtMs(stagesSlow.queued[0])} / ${fmtMs(stagesSlow.sent[0])}` : '',
            ],
          ],
        ),
        '',
      );
    }
    out.push(
      `Where the time goes${fast}: stages of each delivery from the tables (${fmtInt(stagesFast.n)} delivered; \`created_at\` is the start of the consumer's fan-out transaction, \`attempted_at\` the start of the first attempt, \`delivered_at\` its answer):`,
      '',
      table(
        ['stage', 'p50 (ms)', 'p99 (ms)'],
        [
          ['event time → fan-out transaction began (Kafka, waiting for the consumer)', fmtMs(stagesFast.consumed[0]), fmtMs(stagesFast.consumed[1])],
          ['fan-out → first attempt began (commit, wake-up, waiting to be claimed, reading the delivery)', fmtMs(stagesFast.queued[0]), fmtMs(stagesFast.queued[1])],
          ['attempt → answered (signing, HTTP POST, 204)', fmtMs(stagesFast.sent[0]), fmtMs(stagesFast.sent[1])],
          ['  the attempt latency the dispatcher records (`latency_ms`)', fmtMs(stagesFast.latency[0]), fmtMs(stagesFast.latency[1])],
        ],
      ),
      '',
    );
    out.push(
      table(
        ['consumer (ingestion and fan-out)', 'value'],
        [
          ['events stored', `${fmtInt(db.events)} of ${fmtInt(settings.events)}`],
          ['first produce → last fan-out transaction began', fmtS(ingestMs)],
          ['**events ingested and fanned out per second** (while the dispatcher ran)', `**${fmtInt((settings.events * 1000) / ingestMs)}**`],
          ['delivery rows created per second', fmtInt((db.deliveries * 1000) / ingestMs)],
          ['delivery rows: created / delivered / delivered after a retry; attempts (all)', `${fmtInt(db.deliveries)} / ${fmtInt(db.delivered)} / ${fmtInt(db.retried)}; ${fmtInt(db.attempts)}`],
          ['table sizes at the end', `delivery ${fmtMb(db.deliveryBytes)}, delivery_attempt ${fmtMb(db.attemptBytes)}`],
        ],
      ),
      '',
    );
    out.push(
      `Statements of the service's DataSource during the run (timed in this process: node-postgres included, the wait for one of the 10 pool connections apart). Claims: ${fmtInt(claimsTotal)}, ${(claimedRows / Math.max(1, claimsTotal)).toFixed(2)} deliveries per claim:`,
      '',
      table(
        ['statement', 'count', 'total (s)', 'mean (ms)', 'p50 (ms)', 'p99 (ms)', 'max (ms)'],
        statementRows.map(([name, e]) => {
          const total = e.samples.reduce((a, b) => a + b, 0);
          const [s50, s99, smax] = percentiles(e.samples, [0.5, 0.99, 1]);
          return [name, fmtInt(e.samples.length), (total / 1000).toFixed(1), fmtMs(total / e.samples.length), fmtMs(s50), fmtMs(s99), fmtMs(smax)];
        }),
      ),
      '',
    );
    // Timeline: stretches of about a tenth of the run.
    if (samples.length > 1) {
      const step = Math.max(1, Math.round(samples.length / 10));
      const rows: string[][] = [];
      let prev: Sample = { ms: 0, events: 0, deliveries: 0, pending: 0, delivered: 0 };
      let prevClaimAt = runStart;
      for (let s = step - 1; s < samples.length; s += step) {
        const cur = samples[s];
        const claimsIn = recorder.claims.filter((c) => c.at > prevClaimAt && c.at <= runStart + cur.ms);
        rows.push([
          fmtS(cur.ms),
          fmtInt(cur.events),
          fmtInt(cur.deliveries),
          fmtInt(cur.pending),
          fmtInt(cur.delivered),
          fmtInt(((cur.delivered - prev.delivered) * 1000) / Math.max(1, cur.ms - prev.ms)),
          fmtInt(claimsIn.length),
          claimsIn.length ? fmtMs(claimsIn.reduce((a, c) => a + c.ms, 0) / claimsIn.length) : '',
          claimsIn.length ? (claimsIn.reduce((a, c) => a + c.rows, 0) / claimsIn.length).toFixed(1) : '',
        ]);
        prev = cur;
        prevClaimAt = runStart + cur.ms;
      }
      out.push(
        'Along the run (sampled every second from another connection):',
        '',
        table(['at', 'events stored', 'deliveries created', 'pending', 'received', 'received/s in the stretch', 'claims', 'claim mean (ms)', 'rows per claim'], rows),
        '',
      );
    }
    if (explain) {
      out.push(
        `The plan of the claim statement as the dispatcher last ran it (\`EXPLAIN\`, not executed), at ${fmtS(explain.at)}, once every event was fanned out, with ${fmtInt(explain.pending)} deliveries pending:`,
        '',
        '```',
        ...explain.plan.map((l) => l.replace(/ALL \('\{[^}]*\}'::uuid\[\]\)/, "ALL ('{…}'::uuid[])")).slice(0, 40),
        '```',
        '',
      );
    }
    out.push(
      `Baseline: ${fmtInt(base.posted)} POSTs (${fmtInt(base.failed)} failed) of the bodies the endpoints received, \`content-type\` and \`webhook-id\` only, Node's global agent (keep-alive) as the dispatcher uses, ${settings.concurrency} in flight, at most one per endpoint; partner-hub closed, broker and database idle.${missingBodies ? ` ${missingBodies} events had no body received (sent as {}).` : ''}`,
    );
    console.log(out.join('\n'));
    return missingFast > 0 || duplicates > 0 || base.failed > 0 ? 1 : 0;
  } finally {
    await raw?.close().catch(() => undefined);
    analyzer?.stop();
    await watcher?.end().catch(() => undefined);
    await analyzerClient?.end().catch(() => undefined);
    if (h) {
      if (appOpen) await h.app.close().catch(() => undefined);
      await h.kafka.stop().catch(() => undefined);
      await h.identity.stop().catch(() => undefined);
      if (!settings.keep) await h.db.drop().catch((e: unknown) => progress(`could not drop ${h?.db.name}: ${String(e)}`));
      else progress(`kept database ${h.db.name}`);
    }
    await receiver.stop();
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

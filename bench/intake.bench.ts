/**
 * Benchmark of request registration (`registerCitizenRequest`) at increasing rates (run on demand, not a test):
 *
 *   npm run bench:intake -- [--rates 10,15,20,25,30,35,40,50,70,100,150,200,300,400,600,800,1200,1600] [--seconds 10] [--warmup 2] [--concurrency 32]
 *                           [--max-p99 2000] [--min-share 0.9] [--targets gateway,subgraph,raw]
 *
 *   --rates        the ladder of target arrival rates (requests/s); each target climbs it until it stops keeping up
 *   --seconds      measured seconds per level, after --warmup seconds at the same rate (not measured)
 *   --concurrency  requests in flight at most per target: HTTP connections of the client, or the pg pool size
 *   --max-p99      a level with a p99 over this (ms) did not keep up
 *   --min-share    a level that completed fewer than this share of its target rate did not keep up
 *
 * It starts everything as the gateway's end-to-end test does (apps/gateway/test/federation.int-spec.ts):
 * a mock Kafka broker, a fresh database, identity-dev, both subgraphs migrated, the roster seeded with its
 * demo territory, inspector-roster, citizen-requests and the gateway as their own processes. The gateway
 * gets a supergraph composed from the running subgraphs (tools/stack/supergraph.ts), written to a
 * temporary file, so a committed supergraph that lags behind the subgraph does not matter.
 *
 * Three targets, measured the same way in the same run, level by level (gateway, subgraph, raw at 10/s,
 * then at 25/s, ...):
 *  1. gateway:  `registerCitizenRequest` through `<gateway>/graphql` as citizen.demo;
 *  2. subgraph: the same operation against `<citizen-requests>/graphql` directly;
 *  3. raw:      the floor: `BEGIN; <the service's registration counter upsert>; INSERT <one row>; COMMIT`
 *     through `pg` into bench.citizen_request, created `LIKE citizen_requests.citizen_request INCLUDING ALL`
 *     (same columns, defaults, checks and indexes), with the values of a row the service registered.
 * Arrivals are open loop: request i is due at start + i / rate whether or not earlier ones have finished;
 * at most --concurrency are in flight (a FIFO queue in this process before that), and latency is measured
 * from the due time, so waiting in that queue counts. Per level: achieved rate = successful completions
 * inside the measured window / its length; errors; p50/p99/max of the successful requests. A level keeps
 * up when achieved ≥ --min-share × target and p99 ≤ --max-p99; a target stops climbing at the first level
 * that does not. Between runs it waits until the outbox is drained and the roster's consumer has caught up.
 * For each run it also takes the CPU time (Linux /proc) of every process involved, of this database's
 * PostgreSQL backends and of the rest of the machine (other work on a shared machine shows there).
 *
 * After the ladder, the parts of a registration alone, one caller, 200 calls each: the two roster queries
 * through the service's own RosterClient (`locatePrecinct`, `onDuty`), `{ __typename }` with the token
 * against citizen-requests and the gateway (the floor of one authenticated GraphQL request), and the raw
 * transaction.
 *
 * Progress goes to stderr, the Markdown report to stdout. Processes, the database and the temporary
 * supergraph are removed at the end, also after an error or Ctrl-C; service logs stay in tmp/logs/.
 */
import 'reflect-metadata';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { Pool, type PoolClient } from 'pg';
import {
  createTestDatabase,
  ensurePostgres,
  migrateService,
  runServiceCommand,
  startIdentityProvider,
  startMockKafka,
  startService,
  waitFor,
  WORKSPACE_ROOT,
  type IdentityProvider,
  type KafkaHandle,
  type PostgresHandle,
  type ServiceProcess,
  type TestDatabase,
} from '@seriktes/testing';
import { ServiceTokenClient } from '@seriktes/auth';
import { registrationNumber, yearInKazakhstan } from '../apps/citizen-requests/src/intake/registration';
import { RosterClient } from '../apps/citizen-requests/src/routing/roster.client';
import { composeFromRunning, SUPERGRAPH_FILE } from '../tools/stack/supergraph';
import { CLK_TCK, cpuMeter, latency, procCpuMs, table, type Latency } from './report';

// ---------------------------------------------------------------------------------------------
// Settings

const TARGETS = ['gateway', 'subgraph', 'raw'] as const;
type TargetName = (typeof TARGETS)[number];

/** Dense where the services are expected to top out (tens per second), coarse above. */
const DEFAULT_RATES = '10,15,20,25,30,35,40,50,70,100,150,200,300,400,600,800,1200,1600';
const CITIZEN = 'citizen.demo';
const PRECINCT = 'AST-ESL-01';
const CENTRE = { lat: 51.146, lon: 71.388 };
const JITTER_DEG = 0.0005;
/** Calls of each part measured alone (one caller), after a few not measured. */
const PART_CALLS = 200;
const PART_WARMUP = 20;
/** A request that has not finished after this long counts as an error (and frees its slot). */
const REQUEST_TIMEOUT_MS = 30_000;

interface Settings {
  rates: number[];
  seconds: number;
  warmup: number;
  concurrency: number;
  maxP99: number;
  minShare: number;
  targets: TargetName[];
}

function readSettings(): Settings {
  const { values } = parseArgs({
    options: {
      rates: { type: 'string', default: DEFAULT_RATES },
      seconds: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '2' },
      concurrency: { type: 'string', default: '32' },
      'max-p99': { type: 'string', default: '2000' },
      'min-share': { type: 'string', default: '0.9' },
      targets: { type: 'string', default: TARGETS.join(',') },
    },
    strict: true,
  });
  const positive = (name: string, raw: string | undefined): number => {
    const value = Number(raw);
    if (!Number.isFinite(value) || value <= 0)
      throw new Error(`--${name} must be a positive number, got "${raw}"`);
    return value;
  };
  const rates = (values.rates ?? '').split(',').map((r) => positive('rates', r.trim()));
  if (rates.some((r, i) => i > 0 && r <= rates[i - 1])) throw new Error('--rates must increase');
  const targets = (values.targets ?? '').split(',').map((t) => t.trim());
  for (const t of targets)
    if (!TARGETS.includes(t as TargetName))
      throw new Error(`--targets: unknown target "${t}" (${TARGETS.join(', ')})`);
  const minShare = positive('min-share', values['min-share']);
  if (minShare > 1) throw new Error('--min-share must be at most 1');
  return {
    rates,
    seconds: positive('seconds', values.seconds),
    warmup: Number(values.warmup) >= 0 ? Number(values.warmup) : positive('warmup', values.warmup),
    concurrency: Math.round(positive('concurrency', values.concurrency)),
    maxP99: positive('max-p99', values['max-p99']),
    minShare,
    targets: TARGETS.filter((t) => targets.includes(t)),
  };
}

/** Share (%) of the machine's time in one field of /proc/stat between two readings. */
const share = (
  a: { steal: number; iowait: number; total: number },
  b: { steal: number; iowait: number; total: number },
  field: 'steal' | 'iowait',
) => (100 * (b[field] - a[field])) / Math.max(1, b.total - a.total);

/** CPU of processes outside this benchmark during a run, as a share of the machine (all cores). */
const othersShare = (r: { processCpu: Map<string, number>; wallMs: number }) =>
  (100 * (r.processCpu.get('other processes') ?? 0)) / (r.wallMs * os.availableParallelism());

const progress = (line: string) => console.error(`[bench:intake] ${line}`);
const fmtInt = (v: number) => Math.round(v).toLocaleString('en-US');
const fmtRate = (v: number) => (v < 100 ? v.toFixed(1) : fmtInt(v));
const fmtMs = (v: number | undefined) =>
  v === undefined ? '–' : v < 1 ? v.toFixed(3) : v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : fmtInt(v);
const fmtRatio = (v: number | undefined) =>
  v === undefined || !Number.isFinite(v)
    ? '–'
    : `${v < 0.1 ? v.toFixed(3) : v < 10 ? v.toFixed(2) : v.toFixed(1)}×`;

// ---------------------------------------------------------------------------------------------
// Interruption: Ctrl-C stops the load and still cleans up (a second one exits at once).

let interrupted = false;
function onSignal(signal: NodeJS.Signals): void {
  if (interrupted) process.exit(130);
  interrupted = true;
  progress(`${signal}: stopping the load and cleaning up (again to exit at once)`);
}
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

// ---------------------------------------------------------------------------------------------
// Open-loop load

interface Outcome {
  ok: boolean;
  /** Registered, but the roster did not answer in time (a cheaper path: no routing). */
  routingPending?: boolean;
  precinctCode?: string | null;
  error?: string;
}

type Fire = (i: number) => Promise<Outcome>;

/** At most `size` holders; the others wait in arrival order. */
class Semaphore {
  private free: number;
  private readonly waiting: Array<() => void> = [];
  constructor(size: number) {
    this.free = size;
  }
  async acquire(): Promise<void> {
    if (this.free > 0) {
      this.free--;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }
  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free++;
  }
}

interface LevelResult {
  target: TargetName;
  rate: number;
  /** Requests due in the measured window. */
  offered: number;
  ok: number;
  /** Successful requests of the warm-up (not measured). */
  warmupOk: number;
  errors: number;
  routingPending: number;
  otherPrecinct: number;
  /** Successful completions per second inside the measured window. */
  achieved: number;
  latency?: Latency;
  keptUp: boolean;
  /** Why not, when it did not keep up. */
  verdict: string;
  /** From the end of the arrivals to the last answer. */
  drainMs: number;
  errorKinds: Map<string, number>;
  cpu: string;
  processCpu: Map<string, number>;
  /** PostgreSQL checkpoints during the run (pg_stat_bgwriter): a cause of latency spikes. */
  checkpoints: number;
  /** Wall time between the CPU snapshots (the run with its drain). */
  wallMs: number;
  /** Share (%) of the machine's CPU time the hypervisor gave to other guests, and spent waiting for I/O. */
  stealShare: number;
  iowaitShare: number;
  interrupted: boolean;
}

async function runLevel(
  target: TargetName,
  rate: number,
  settings: Settings,
  fire: Fire,
  snapshot: () => Promise<Snapshot>,
): Promise<LevelResult> {
  const warmupCount = Math.round(rate * settings.warmup);
  const measuredCount = Math.round(rate * settings.seconds);
  const total = warmupCount + measuredCount;
  const slots = new Semaphore(settings.concurrency);
  const samples: number[] = [];
  const errorKinds = new Map<string, number>();
  let ok = 0;
  let warmupOk = 0;
  let errors = 0;
  let routingPending = 0;
  let otherPrecinct = 0;
  let okInWindow = 0;
  const cpu = cpuMeter();
  const procs0 = await snapshot();
  const wall0 = performance.now();
  const t0 = performance.now() + 20;
  const due = (i: number) => t0 + (i * 1000) / rate;
  const windowStart = due(warmupCount);
  const windowEnd = due(total);

  const launch = async (i: number): Promise<void> => {
    const scheduled = due(i);
    await slots.acquire();
    let outcome: Outcome;
    try {
      outcome = await fire(i);
    } catch (error) {
      outcome = { ok: false, error: describeError(error) };
    } finally {
      slots.release();
    }
    const end = performance.now();
    if (outcome.ok && end >= windowStart && end < windowEnd) okInWindow++;
    if (i < warmupCount) {
      if (outcome.ok) warmupOk++;
      return;
    }
    if (outcome.ok) {
      ok++;
      samples.push(end - scheduled);
      if (outcome.routingPending) routingPending++;
      if (outcome.precinctCode !== undefined && outcome.precinctCode !== PRECINCT) otherPrecinct++;
    } else {
      errors++;
      const kind = (outcome.error ?? 'unknown').slice(0, 160);
      errorKinds.set(kind, (errorKinds.get(kind) ?? 0) + 1);
    }
  };

  const running: Array<Promise<void>> = [];
  let i = 0;
  while (i < total && !interrupted) {
    const dueNow = Math.min(total, Math.floor(((performance.now() - t0) * rate) / 1000) + 1);
    while (i < dueNow) running.push(launch(i++));
    if (i < total) await delay(Math.max(0, due(i) - performance.now()));
  }
  const arrivalsEnd = performance.now();
  await Promise.all(running);
  const drainMs = performance.now() - arrivalsEnd;
  const wallMs = performance.now() - wall0;
  const procs1 = await snapshot();

  const measuredSeconds = (windowEnd - windowStart) / 1000;
  const achieved = okInWindow / measuredSeconds;
  const lat = samples.length ? latency(samples) : undefined;
  const reasons: string[] = [];
  if (interrupted) reasons.push('interrupted');
  if (achieved < settings.minShare * rate)
    reasons.push(`achieved ${fmtRate(achieved)}/s < ${Math.round(settings.minShare * 100)}% of ${rate}/s`);
  if (!lat) reasons.push('no successful request');
  else if (lat.p99 > settings.maxP99) reasons.push(`p99 ${fmtMs(lat.p99)} ms > ${settings.maxP99} ms`);
  return {
    target,
    rate,
    offered: Math.max(0, i - warmupCount),
    ok,
    warmupOk,
    errors,
    routingPending,
    otherPrecinct,
    achieved,
    latency: lat,
    keptUp: reasons.length === 0,
    verdict: reasons.length ? reasons.join('; ') : 'kept up',
    drainMs,
    errorKinds,
    cpu: cpu(),
    processCpu: cpuDelta(procs0.cpu, procs1.cpu),
    checkpoints: procs1.checkpoints - procs0.checkpoints,
    stealShare: share(procs0.machine, procs1.machine, 'steal'),
    iowaitShare: share(procs0.machine, procs1.machine, 'iowait'),
    wallMs,
    interrupted,
  };
}

function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

// ---------------------------------------------------------------------------------------------
// CPU of the processes involved (Linux /proc): where the time of a registration goes.


/** Named processes to watch (filled in as they start); PostgreSQL processes are found through pg_stat_activity. */
const watched = new Map<string, number>();

type CpuSnapshot = Map<string, Map<number, number>>;

interface Snapshot {
  cpu: CpuSnapshot;
  machine: ReturnType<typeof machineTicks>;
  /** Checkpoints of the server so far. */
  checkpoints: number;
}


/** Busy CPU ms of the whole machine (all cores), from /proc/stat. */
function machineBusyMs(): number {
  return machineTicks().busy;
}

/**
 * The machine's CPU time (ms, all cores) from /proc/stat: busy (user, nice, system, irq, softirq), steal
 * (time the hypervisor gave to other guests), iowait and the total with idle.
 */
function machineTicks(): { busy: number; steal: number; iowait: number; total: number } {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
  // user nice system idle iowait irq softirq steal (guest time is already in user).
  const ms = (t: number | undefined) => ((t ?? 0) * 1000) / CLK_TCK;
  return {
    busy: ms(ticks[0] + ticks[1] + ticks[2] + ticks[5] + ticks[6]),
    steal: ms(ticks[7]),
    iowait: ms(ticks[4]),
    total: ms(ticks.slice(0, 8).reduce((a, b) => a + (b || 0), 0)),
  };
}

/**
 * CPU ms per group: the watched processes, this process, PostgreSQL (backends of this database and the
 * server's own background processes) and the whole machine.
 */
async function processCpuSnapshot(pool: Pool, database: string): Promise<Snapshot> {
  const groups: CpuSnapshot = new Map();
  const add = (group: string, pid: number, ms: number | undefined) => {
    if (ms === undefined) return;
    if (!groups.has(group)) groups.set(group, new Map());
    groups.get(group)?.set(pid, ms);
  };
  for (const [name, pid] of watched) add(name, pid, procCpuMs(pid));
  add('bench process', process.pid, procCpuMs(process.pid));
  const { rows } = await pool.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname = $1 OR (datname IS NULL AND backend_type <> 'client backend')`,
    [database],
  );
  for (const { pid } of rows) add('postgresql', pid, procCpuMs(pid));
  add('machine', 0, machineBusyMs());
  const bgwriter = await pool.query<{ n: number }>(
    `SELECT (checkpoints_timed + checkpoints_req)::int AS n FROM pg_stat_bgwriter`,
  );
  return { cpu: groups, machine: machineTicks(), checkpoints: bgwriter.rows[0].n };
}

/** CPU ms per group between two snapshots, plus "other processes" = machine − every group. */
function cpuDelta(before: CpuSnapshot, after: CpuSnapshot): Map<string, number> {
  const out = new Map<string, number>();
  for (const [group, pids] of after) {
    let sum = 0;
    for (const [pid, ms] of pids) sum += ms - (before.get(group)?.get(pid) ?? 0);
    out.set(group, sum);
  }
  const machine = out.get('machine') ?? 0;
  out.delete('machine');
  out.set('other processes', Math.max(0, machine - [...out.values()].reduce((a, b) => a + b, 0)));
  return out;
}

// ---------------------------------------------------------------------------------------------
// The targets

const REGISTER = `mutation Register($input: RegisterCitizenRequestInput!) {
  registerCitizenRequest(input: $input) { id registrationNumber status routingPending precinct { id } }
}`;

const jitter = () => (Math.random() * 2 - 1) * JITTER_DEG;

function requestInput(label: string, i: number): Record<string, unknown> {
  return {
    kind: 'APPLICATION',
    categoryCode: 'public-order-noise',
    description: `Loud music and shouting in the courtyard after 23:00, every night this week (${label} #${i})`,
    location: { lat: CENTRE.lat + jitter(), lon: CENTRE.lon + jitter() },
    applicant: { fullName: 'Aigerim Bench-Tester', phone: '+77011234567' },
  };
}

interface RegisterAnswer {
  data?: {
    registerCitizenRequest?: {
      id: string;
      registrationNumber: string;
      status: string;
      routingPending: boolean;
      precinct: { id: string } | null;
    } | null;
  } | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

/** POST over a keep-alive agent of `maxSockets` connections (this process never queues inside the agent). */
function post(
  agent: http.Agent,
  url: URL,
  body: string,
  headers: Record<string, string>,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          'content-length': Buffer.byteLength(body),
          ...headers,
        },
        timeout: REQUEST_TIMEOUT_MS,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

function graphqlTarget(url: string, agent: http.Agent, token: () => string, label: () => string): Fire {
  const target = new URL(url);
  return async (i) => {
    const { status, text } = await post(
      agent,
      target,
      JSON.stringify({ query: REGISTER, variables: { input: requestInput(label(), i) } }),
      {
        authorization: `Bearer ${token()}`,
      },
    );
    let body: RegisterAnswer;
    try {
      body = JSON.parse(text) as RegisterAnswer;
    } catch {
      return { ok: false, error: `HTTP ${status}: ${text.slice(0, 120)}` };
    }
    const registered = body.data?.registerCitizenRequest;
    if (status !== 200 || body.errors?.length || !registered?.id) {
      const first = body.errors?.[0];
      return {
        ok: false,
        error: `HTTP ${status}: ${first ? `${first.extensions?.code ?? 'ERROR'} ${first.message}` : 'no data'}`,
      };
    }
    return {
      ok: true,
      routingPending: registered.routingPending,
      precinctCode: registered.precinct?.id ?? null,
    };
  };
}

/** Column name → SQL type of bench.citizen_request, in table order. */
interface Column {
  name: string;
  type: string;
}

const COUNTER_SQL = `INSERT INTO bench.registration_counter (region_code, year, last_value) VALUES ($1, $2, 1)
       ON CONFLICT (region_code, year) DO UPDATE SET last_value = registration_counter.last_value + 1
       RETURNING last_value`;

/**
 * The floor: one transaction with the service's counter upsert and one row with the values of a row the
 * service wrote (own number, times, point and description), every value sent as a parameter.
 */
function rawTarget(
  pool: Pool,
  columns: Column[],
  template: Record<string, unknown>,
  label: () => string,
): Fire {
  const insertColumns = columns.filter((c) => c.name !== 'id');
  const sql = `INSERT INTO bench.citizen_request (${insertColumns.map((c) => `"${c.name}"`).join(', ')})
     VALUES (${insertColumns.map((c, k) => `$${k + 1}::${c.type}`).join(', ')}) RETURNING id`;
  const regionCode = String(template.region_code);
  return async (i) => {
    const now = new Date();
    const year = yearInKazakhstan(now);
    let client: PoolClient | undefined;
    try {
      client = await pool.connect();
      await client.query('BEGIN');
      const counter = await client.query<{ last_value: number }>(COUNTER_SQL, [regionCode, year]);
      const point = { lat: CENTRE.lat + jitter(), lon: CENTRE.lon + jitter() };
      const overrides: Record<string, unknown> = {
        registration_number: registrationNumber(regionCode, year, counter.rows[0].last_value),
        description: `Loud music and shouting in the courtyard after 23:00, every night this week (${label()} #${i})`,
        received_at: now.toISOString(),
        registered_at: now.toISOString(),
        updated_at: now.toISOString(),
        lat: point.lat,
        lon: point.lon,
      };
      const values = insertColumns.map((c) => {
        const value = c.name in overrides ? overrides[c.name] : template[c.name];
        if (value === null || value === undefined) return null;
        return typeof value === 'object' ? JSON.stringify(value) : value;
      });
      await client.query(sql, values);
      await client.query('COMMIT');
      return { ok: true, precinctCode: (template.precinct_code as string | null) ?? null };
    } catch (error) {
      await client?.query('ROLLBACK').catch(() => undefined);
      return { ok: false, error: describeError(error) };
    } finally {
      client?.release();
    }
  };
}

// ---------------------------------------------------------------------------------------------
// Between runs: the outbox drained and the roster's consumer caught up, so runs do not overlap.

async function settle(pool: Pool): Promise<void> {
  await waitFor(
    async () => {
      const { rows } = await pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM citizen_requests.outbox WHERE published_at IS NULL`,
      );
      return rows[0].n === 0;
    },
    { timeoutMs: 120_000, intervalMs: 200, description: 'the citizen-requests outbox to be drained' },
  );
  let last = -1;
  await waitFor(
    async () => {
      const { rows } = await pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM inspector_roster.inbox`,
      );
      const same = rows[0].n === last;
      last = rows[0].n;
      return same;
    },
    { timeoutMs: 120_000, intervalMs: 750, description: "the roster's consumer to catch up" },
  );
}

// ---------------------------------------------------------------------------------------------
// Main

async function main(): Promise<void> {
  const settings = readSettings();
  const started = performance.now();
  const loadAtStart = os.loadavg();
  const services: ServiceProcess[] = [];
  let pg: PostgresHandle | undefined;
  let db: TestDatabase | undefined;
  let identity: IdentityProvider | undefined;
  let kafka: KafkaHandle | undefined;
  let pool: Pool | undefined;
  let admin: Pool | undefined;
  const agents: http.Agent[] = [];
  const supergraphFile = join(os.tmpdir(), `seriktes-bench-intake-${process.pid}.graphql`);
  const phases: string[] = [];
  const phase = async <T>(what: string, run: () => Promise<T>): Promise<T> => {
    progress(`${what} …`);
    const meter = cpuMeter();
    const result = await run();
    const line = `${what}: ${meter()}`;
    phases.push(`- ${line}`);
    progress(line);
    return result;
  };

  try {
    // --- Start everything, as the gateway's end-to-end test does.
    pg = await ensurePostgres(process.env, progress);
    const pgUrl = pg.url;
    [identity, kafka, db] = await phase('start identity-dev, the mock broker and a fresh database', () =>
      Promise.all([
        startIdentityProvider(),
        startMockKafka({ log: progress }),
        createTestDatabase('bench_intake', pgUrl),
      ]),
    );
    const identityEnv = identity.env;
    const env = { ...kafka.env, ...identityEnv, DATABASE_URL: db.url, LOG_LEVEL: 'warn' };
    await phase('migrate citizen-requests and inspector-roster, seed the roster', async () => {
      await Promise.all([migrateService('citizen-requests', env), migrateService('inspector-roster', env)]);
      await runServiceCommand('inspector-roster', 'seed/main.ts', env);
    });
    const roster = await phase('start inspector-roster', () =>
      startService({
        name: 'inspector-roster',
        env,
        ready: (h) => h.checks.consumer?.status === 'ok' && h.checks.database?.status === 'ok',
        timeoutMs: 120_000,
      }),
    );
    services.push(roster);
    const citizenRequests = await phase('start citizen-requests', () =>
      startService({
        name: 'citizen-requests',
        env: {
          ...env,
          ROSTER_GRAPHQL_URL: `${roster.url}/graphql`,
          DEADLINE_SCAN_INTERVAL_MS: '0',
          NOTIFICATION_INTERVAL_MS: '0',
        },
        ready: (h) => h.status !== 'error',
        timeoutMs: 120_000,
      }),
    );
    services.push(citizenRequests);
    const supergraph = await composeFromRunning(
      new Map([
        ['citizen-requests', `${citizenRequests.url}/graphql`],
        ['inspector-roster', `${roster.url}/graphql`],
      ]),
    );
    let committed = '';
    try {
      committed = readFileSync(SUPERGRAPH_FILE, 'utf8');
    } catch {
      committed = '';
    }
    const supergraphNote =
      committed === supergraph
        ? 'composed from the running subgraphs; identical to the committed apps/gateway/supergraph.graphql'
        : 'composed from the running subgraphs; the committed apps/gateway/supergraph.graphql differs from it (stale: run `npm run supergraph`)' +
          (committed.includes('registerCitizenRequest') ? '' : ', and lacks registerCitizenRequest');
    writeFileSync(supergraphFile, supergraph);
    progress(`supergraph ${supergraphNote}`);
    const gateway = await phase('start the gateway', () =>
      startService({
        name: 'gateway',
        env: {
          ...identityEnv,
          CITIZEN_REQUESTS_URL: `${citizenRequests.url}/graphql`,
          INSPECTOR_ROSTER_URL: `${roster.url}/graphql`,
          SUPERGRAPH_FILE: supergraphFile,
          LOG_LEVEL: 'warn',
        },
        timeoutMs: 120_000,
      }),
    );
    services.push(gateway);
    for (const [name, pid] of [
      ['gateway', gateway.child.pid],
      ['citizen-requests', citizenRequests.child.pid],
      ['inspector-roster', roster.child.pid],
      ['identity-dev', identity.process.child.pid],
      ['mock broker (kcat)', kafka.pid],
    ] as const) {
      if (pid !== undefined) watched.set(name, pid);
    }

    // --- The targets.
    let token = await identity.token(CITIZEN);
    let label = 'probe';
    const agentFor = () => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: settings.concurrency });
      agents.push(agent);
      return agent;
    };
    const gatewayFire = graphqlTarget(
      `${gateway.url}/graphql`,
      agentFor(),
      () => token,
      () => label,
    );
    const subgraphFire = graphqlTarget(
      `${citizenRequests.url}/graphql`,
      agentFor(),
      () => token,
      () => label,
    );

    // Probes: one registration each way must work, in the right precinct, routed.
    for (const [name, fire] of [
      ['subgraph', subgraphFire],
      ['gateway', gatewayFire],
    ] as const) {
      const outcome = await fire(0);
      if (!outcome.ok) throw new Error(`a registration through the ${name} failed: ${outcome.error}`);
      if (outcome.routingPending || outcome.precinctCode !== PRECINCT)
        throw new Error(
          `a registration through the ${name} was not routed to ${PRECINCT}: ${JSON.stringify(outcome)}`,
        );
    }
    progress('probe registrations through the subgraph and the gateway: ok');

    const rawPool = new Pool({
      connectionString: db.url,
      max: settings.concurrency,
      query_timeout: REQUEST_TIMEOUT_MS,
    });
    pool = rawPool;
    // Bookkeeping (settling, CPU snapshots) on its own connection, outside the measured pool.
    admin = new Pool({ connectionString: db.url, max: 1 });
    const adminPool = admin;
    const database = db.name;
    const snapshot = () => processCpuSnapshot(adminPool, database);
    await rawPool.query(`CREATE SCHEMA bench`);
    await rawPool.query(
      `CREATE TABLE bench.citizen_request (LIKE citizen_requests.citizen_request INCLUDING ALL)`,
    );
    await rawPool.query(
      `CREATE TABLE bench.registration_counter (LIKE citizen_requests.registration_counter INCLUDING ALL)`,
    );
    const columns = (
      await rawPool.query<Column>(
        `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type
           FROM pg_attribute a WHERE a.attrelid = 'bench.citizen_request'::regclass AND a.attnum > 0 AND NOT a.attisdropped
          ORDER BY a.attnum`,
      )
    ).rows;
    const template = (
      await rawPool.query<{ row: Record<string, unknown> }>(
        `SELECT to_jsonb(r) AS row FROM citizen_requests.citizen_request r ORDER BY registered_at LIMIT 1`,
      )
    ).rows[0].row;
    const fires: Record<TargetName, Fire> = {
      gateway: gatewayFire,
      subgraph: subgraphFire,
      raw: rawTarget(rawPool, columns, template, () => label),
    };
    const indexes = Number(
      (
        await rawPool.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_indexes WHERE schemaname = 'bench' AND tablename = 'citizen_request'`,
        )
      ).rows[0].n,
    );
    // Warm the pool's connections, so the first raw level does not pay for them.
    await Promise.all(Array.from({ length: settings.concurrency }, () => rawPool.query('SELECT 1')));

    // --- The ladder, level by level, each target until it stops keeping up.
    const results: LevelResult[] = [];
    const climbing = new Set<TargetName>(settings.targets);
    for (const rate of settings.rates) {
      for (const name of settings.targets) {
        if (!climbing.has(name) || interrupted) continue;
        await settle(adminPool);
        token = await identity.token(CITIZEN); // 300 s tokens: a fresh one for every run
        label = `${name} ${rate}/s`;
        progress(`${name} at ${rate}/s: ${settings.warmup} s warm-up + ${settings.seconds} s …`);
        const result = await runLevel(name, rate, settings, fires[name], snapshot);
        results.push(result);
        progress(
          `${name} at ${rate}/s: achieved ${fmtRate(result.achieved)}/s, errors ${result.errors}, p50 ${fmtMs(result.latency?.p50)} ms, p99 ${fmtMs(result.latency?.p99)} ms, drain ${fmtInt(result.drainMs)} ms: ${result.verdict} (${result.cpu}; other processes ${othersShare(result).toFixed(0)}%, steal ${result.stealShare.toFixed(0)}%, iowait ${result.iowaitShare.toFixed(0)}% of the machine)`,
        );
        for (const [kind, n] of result.errorKinds) progress(`  ${n} × ${kind}`);
        if (!result.keptUp) climbing.delete(name);
      }
      if (climbing.size === 0 || interrupted) break;
    }
    if (interrupted) throw new Error('interrupted');
    await settle(adminPool);

    // --- The parts alone, one caller: where the latency of one registration goes.
    token = await identity.token(CITIZEN);
    const rosterClient = new RosterClient(
      `${roster.url}/graphql`,
      new ServiceTokenClient({
        keycloakUrl: identity.url,
        realm: identity.realm,
        clientId: 'citizen-requests',
        clientSecret: 'citizen-requests-dev-secret',
      }),
    );
    const diagnosticAgent = agentFor();
    const typename = async (url: string) => {
      const { status, text } = await post(
        diagnosticAgent,
        new URL(url),
        JSON.stringify({ query: '{ __typename }' }),
        {
          authorization: `Bearer ${token}`,
        },
      );
      if (status !== 200 || !text.includes('"__typename"'))
        throw new Error(`${url}: HTTP ${status} ${text.slice(0, 200)}`);
    };
    const parts: Array<{ what: string; process: string; run: (i: number) => Promise<unknown> }> = [
      {
        what: "roster `locatePrecinct` through the service's RosterClient",
        process: 'inspector-roster',
        run: () => rosterClient.locate(CENTRE.lat + jitter(), CENTRE.lon + jitter()),
      },
      {
        what: "roster `onDuty` through the service's RosterClient",
        process: 'inspector-roster',
        run: () => rosterClient.onDuty(PRECINCT, new Date()),
      },
      {
        what: 'citizen-requests `{ __typename }` with the token',
        process: 'citizen-requests',
        run: () => typename(`${citizenRequests.url}/graphql`),
      },
      {
        what: 'gateway `{ __typename }` with the token',
        process: 'gateway',
        run: () => typename(`${gateway.url}/graphql`),
      },
      {
        what: 'raw transaction (counter + row)',
        process: 'postgresql',
        run: async (i) => {
          const outcome = await fires.raw(i);
          if (!outcome.ok) throw new Error(outcome.error);
        },
      },
    ];
    const partResults: Array<{ what: string; process: string; latency: Latency; cpuPerCall: number }> = [];
    for (const part of parts) {
      if (interrupted) break;
      label = `alone ${part.what}`;
      for (let i = 0; i < PART_WARMUP; i++) await part.run(i);
      const before = await snapshot();
      const samples: number[] = [];
      for (let i = 0; i < PART_CALLS; i++) {
        const start = performance.now();
        await part.run(i);
        samples.push(performance.now() - start);
      }
      const used = cpuDelta(before.cpu, (await snapshot()).cpu);
      partResults.push({
        what: part.what,
        process: part.process,
        latency: latency(samples),
        cpuPerCall: (used.get(part.process) ?? 0) / PART_CALLS,
      });
      progress(`alone: ${part.what}: p50 ${fmtMs(latency(samples).p50)} ms`);
    }

    // --- Checks: what was written, and how big the rows are.
    const counts = (
      await rawPool.query<{
        requests: number;
        pending: number;
        bench: number;
        request_bytes: number;
        bench_bytes: number;
        applicants: number;
        transitions: number;
        deadlines: number;
        outbox: number;
        notifications: number;
        audit: number | null;
      }>(
        `SELECT (SELECT count(*)::int FROM citizen_requests.citizen_request) AS requests,
                (SELECT count(*)::int FROM citizen_requests.citizen_request WHERE routing_pending) AS pending,
                (SELECT count(*)::int FROM bench.citizen_request) AS bench,
                (SELECT avg(pg_column_size(r.*))::float FROM citizen_requests.citizen_request r) AS request_bytes,
                (SELECT avg(pg_column_size(b.*))::float FROM bench.citizen_request b) AS bench_bytes,
                (SELECT count(*)::int FROM citizen_requests.applicant) AS applicants,
                (SELECT count(*)::int FROM citizen_requests.transition) AS transitions,
                (SELECT count(*)::int FROM citizen_requests.deadline) AS deadlines,
                (SELECT count(*)::int FROM citizen_requests.outbox) AS outbox,
                (SELECT count(*)::int FROM citizen_requests.notification) AS notifications,
                NULL::int AS audit`,
      )
    ).rows[0];
    const auditTable = (
      await rawPool.query<{ t: string | null }>(`SELECT to_regclass('citizen_requests.audit_log')::text AS t`)
    ).rows[0].t;
    if (auditTable)
      counts.audit = Number(
        (await rawPool.query<{ n: number }>(`SELECT count(*)::int AS n FROM citizen_requests.audit_log`))
          .rows[0].n,
      );
    const byPrecinct = (
      await rawPool.query<{ precinct_code: string | null; n: number }>(
        `SELECT precinct_code, count(*)::int AS n FROM citizen_requests.citizen_request GROUP BY 1 ORDER BY 2 DESC`,
      )
    ).rows;
    const pgVersion = (await rawPool.query<{ v: string }>(`SELECT current_setting('server_version') AS v`))
      .rows[0].v;
    const syncCommit = (
      await rawPool.query<{ v: string }>(`SELECT current_setting('synchronous_commit') AS v`)
    ).rows[0].v;

    // --- Report.
    const answered = (which: (t: TargetName) => boolean) =>
      results.filter((r) => which(r.target)).reduce((sum, r) => sum + r.ok + r.warmupOk, 0);
    const of = (name: TargetName) => results.filter((r) => r.target === name);
    const sustained = (name: TargetName) => {
      const kept = of(name).filter((r) => r.keptUp);
      return kept.length ? kept[kept.length - 1] : undefined;
    };
    const maxAchieved = (name: TargetName) => Math.max(0, ...of(name).map((r) => r.achieved));
    const at = (name: TargetName, rate: number) => of(name).find((r) => r.rate === rate);
    const common = settings.rates.filter((rate) => settings.targets.every((t) => at(t, rate)?.keptUp));
    const lowest = settings.rates[0];
    const highestCommon = common.length ? common[common.length - 1] : undefined;
    const cpus = os.cpus();
    const out: string[] = [];

    out.push('## Settings', '');
    out.push(
      table(
        ['setting', 'value'],
        [
          ['rates (requests/s)', settings.rates.join(', ')],
          [
            'per level',
            `${settings.warmup} s warm-up (not measured) + ${settings.seconds} s measured, open loop`,
          ],
          [
            'in flight at most, per target',
            `${settings.concurrency} (HTTP keep-alive connections / pg pool)`,
          ],
          [
            'kept up',
            `achieved ≥ ${Math.round(settings.minShare * 100)}% of the target and p99 ≤ ${fmtInt(settings.maxP99)} ms`,
          ],
          [
            'request',
            `registerCitizenRequest as ${CITIZEN}: APPLICATION, public-order-noise, web, point ${CENTRE.lat}, ${CENTRE.lon} ± ${JITTER_DEG}° (${PRECINCT}), applicant name + phone`,
          ],
          [
            'raw table',
            `bench.citizen_request LIKE citizen_requests.citizen_request INCLUDING ALL (${columns.length} columns, ${indexes} indexes)`,
          ],
          ['supergraph', supergraphNote],
          ['node', process.version],
          ['cores', `${os.availableParallelism()} (${cpus[0]?.model.trim() ?? 'unknown'})`],
          [
            'load average (1 min) at start / end',
            `${loadAtStart[0].toFixed(2)} / ${os.loadavg()[0].toFixed(2)}`,
          ],
          ['PostgreSQL', `${pgVersion}, local, TCP loopback, synchronous_commit ${syncCommit}`],
        ],
      ),
      '',
    );

    out.push('## Per level', '');
    const levelRows = results.map((r) => [
      r.target,
      fmtInt(r.rate),
      fmtRate(r.achieved),
      `${fmtInt(r.ok)} / ${fmtInt(r.offered)}`,
      fmtInt(r.errors),
      fmtInt(r.routingPending),
      fmtMs(r.latency?.p50),
      fmtMs(r.latency?.p99),
      fmtMs(r.latency?.max),
      fmtInt(r.drainMs),
      fmtInt(r.checkpoints),
      `${othersShare(r).toFixed(0)}% / ${r.stealShare.toFixed(0)}% / ${r.iowaitShare.toFixed(0)}%`,
      r.verdict,
    ]);
    out.push(
      table(
        [
          'target',
          'target rate (/s)',
          'achieved (/s)',
          'ok / due',
          'errors',
          'routing pending',
          'p50 (ms)',
          'p99 (ms)',
          'max (ms)',
          'drain (ms)',
          'checkpoints',
          'others / steal / iowait',
          'verdict',
        ],
        levelRows,
      ),
      '',
    );
    const errorLines = results.flatMap((r) =>
      [...r.errorKinds].map(([kind, n]) => `- ${r.target} at ${r.rate}/s: ${n} × ${kind}`),
    );
    if (errorLines.length) out.push('Errors:', '', ...errorLines, '');

    out.push('## Sustained rate and ratios', '');
    const g = 'gateway' as const;
    const s = 'subgraph' as const;
    const w = 'raw' as const;
    const ratio = (a: number | undefined, b: number | undefined) =>
      a !== undefined && b !== undefined && b > 0 ? a / b : undefined;
    const rowOf = (
      what: string,
      value: (t: TargetName) => number | undefined,
      fmt: (v: number | undefined) => string,
      ratios = true,
    ) => [
      what,
      ...TARGETS.map((t) => (settings.targets.includes(t) ? fmt(value(t)) : '–')),
      ratios ? fmtRatio(ratio(value(g), value(s))) : '(other load)',
      ratios ? fmtRatio(ratio(value(s), value(w))) : '(other load)',
    ];
    const serverGroups = [
      'gateway',
      'citizen-requests',
      'inspector-roster',
      'postgresql',
      'identity-dev',
      'mock broker (kcat)',
    ];
    const cpuOf = (r: LevelResult, group: string) =>
      (r.processCpu.get(group) ?? 0) / Math.max(1, r.ok + r.warmupOk);
    const serverCpu = (r: LevelResult | undefined) =>
      r ? serverGroups.reduce((sum, group) => sum + cpuOf(r, group), 0) : undefined;
    const cores = os.availableParallelism();
    const rateFmt = (v: number | undefined) => (v === undefined ? '–' : fmtRate(v));
    const ratioRows = [
      rowOf('sustained rate (highest level kept up, /s)', (t) => sustained(t)?.rate, rateFmt),
      rowOf(
        'highest achieved rate, any level (/s)',
        (t) => (of(t).length ? maxAchieved(t) : undefined),
        rateFmt,
      ),
      rowOf(
        'CPU per request, services + PostgreSQL, at the sustained rate (ms)',
        (t) => serverCpu(sustained(t)),
        fmtMs,
      ),
      rowOf(
        `→ ceiling if CPU-bound: ${cores} cores × 1000 / that (/s)`,
        (t) => {
          const cpu = serverCpu(sustained(t));
          return cpu ? (cores * 1000) / cpu : undefined;
        },
        rateFmt,
      ),
      rowOf('p50 at the sustained rate (ms)', (t) => sustained(t)?.latency?.p50, fmtMs, false),
      rowOf('p99 at the sustained rate (ms)', (t) => sustained(t)?.latency?.p99, fmtMs, false),
      rowOf(`p50 at ${lowest}/s (ms)`, (t) => at(t, lowest)?.latency?.p50, fmtMs),
      rowOf(`p99 at ${lowest}/s (ms)`, (t) => at(t, lowest)?.latency?.p99, fmtMs),
    ];
    if (highestCommon !== undefined && highestCommon !== lowest) {
      ratioRows.push(
        rowOf(
          `p50 at ${highestCommon}/s, the highest level all kept up (ms)`,
          (t) => at(t, highestCommon)?.latency?.p50,
          fmtMs,
        ),
        rowOf(`p99 at ${highestCommon}/s (ms)`, (t) => at(t, highestCommon)?.latency?.p99, fmtMs),
      );
    }
    out.push(
      table(
        ['measure', 'gateway', 'subgraph', 'raw INSERT', 'gateway / subgraph', 'subgraph / raw'],
        ratioRows,
      ),
      '',
    );
    out.push(
      'Rates are bounded by the ladder: a sustained rate is the last level that kept up, so the true limit lies between it and the next level ' +
        '(the highest achieved rate, usually at the first level that did not keep up, is the better estimate of capacity). ' +
        'Latency ratios compare the targets at the same arrival rate; at their own sustained rates they run at different loads, so no ratio there. ' +
        "CPU per request: the services, identity-dev, the broker and this database's PostgreSQL processes over the run, per successful " +
        'request (the load generator not included); everything shares the same cores, so its inverse bounds the rate.',
      '',
    );

    out.push('## CPU per registration, by process (ms of CPU per successful request)', '');
    const groups = [
      'gateway',
      'citizen-requests',
      'inspector-roster',
      'postgresql',
      'bench process',
      'identity-dev',
      'mock broker (kcat)',
    ];
    const cpuRows = settings.rates
      .flatMap((rate) => settings.targets.map((t) => at(t, rate)))
      .filter((r): r is LevelResult => r !== undefined && r.ok > 0)
      .map((r) => {
        const total = groups.reduce((sum, group) => sum + cpuOf(r, group), 0);
        return [
          `${r.target} at ${r.rate}/s`,
          ...groups.map((group) => fmtMs(cpuOf(r, group))),
          fmtMs(total),
          `${othersShare(r).toFixed(0)}%`,
          r.cpu,
        ];
      });
    out.push(
      table(
        ['run', ...groups, 'sum', 'other processes, % of the machine', 'wall time, machine CPU'],
        cpuRows,
      ),
      '',
    );
    out.push(
      'CPU from /proc (user + system) over the whole run (warm-up, measured window, drain, background work such as the outbox relay and ' +
        'the roster consuming the events of that run only partly), divided by the successful requests of the run including warm-up (at low rates the idle work of the services dominates); ' +
        'postgresql sums the backends of this database and the server\'s background processes; "other processes" is the busy time of the ' +
        'machine (/proc/stat: user, nice, system, irq, softirq) less all of these, as a share of the machine over the run: other work on a shared machine, including PostgreSQL backends of other databases. ' +
        'The per-level table also gives steal (CPU time the hypervisor gave to other guests of this VM) and iowait. ' +
        'Two cores give 2,000 ms of CPU per second at most.',
      '',
    );

    out.push(
      `## The parts alone (one caller, ${PART_CALLS} calls each after ${PART_WARMUP} not measured)`,
      '',
    );
    out.push(
      table(
        ['call', 'p50 (ms)', 'p99 (ms)', 'mean (ms)', 'CPU per call of the answering process (ms)'],
        partResults.map((r) => [
          r.what,
          fmtMs(r.latency.p50),
          fmtMs(r.latency.p99),
          fmtMs(r.latency.mean),
          `${fmtMs(r.cpuPerCall)} (${r.process})`,
        ]),
      ),
      '',
    );

    out.push('## What one registration does (for reading the ratios)', '');
    out.push(
      "- **gateway**: verifies the JWT, plans the operation over the supergraph (one fetch, citizen-requests only), forwards it with the caller's token, and serialises the answer again.",
      '- **citizen-requests** (`IntakeService.register` + `get`): verifies the JWT again; validates the input (JSON schema, category and its attributes, phone);' +
        ' asks the roster over GraphQL, with its own service token, for the precinct at the point (`locatePrecinct`) and, for this category, who is on duty there (`onDuty`): two HTTP round trips to another Node process, each with its own token check and PostgreSQL queries;' +
        " then one transaction: registration counter upsert (one row per region and year: every registration of a region serialises on it), the request row (TypeORM), the applicant's personal data sealed with AES-256-GCM plus keyed hashes, a `register` transition with its audit record, the answer deadline (working-day calendar), the outbox events `CitizenRequestRegistered` and `CitizenRequestAssigned`, a `route` transition with its audit record, a notification row (SMS);" +
        ' after the commit it reads the row back and records an audit `read` (the answer contains personal data). The outbox relay publishes to the broker and the roster consumes the events in the background.',
      '- **raw INSERT**: one transaction with the same counter upsert and one row of the same columns and size: 4 round trips from one process. The floor of "one durable registration in PostgreSQL", not a fair peer of the service: it has none of the work above.',
      '',
    );

    out.push('## Checks', '');
    out.push(
      `- citizen_requests.citizen_request: ${fmtInt(counts.requests)} rows (successful answers, warm-up included, and 2 probes: ${fmtInt(answered((t) => t !== 'raw') + 2)}), routing pending: ${fmtInt(counts.pending)}; by precinct: ${byPrecinct.map((p) => `${p.precinct_code ?? 'none'} ${fmtInt(p.n)}`).join(', ')}`,
      `- per request: applicant ${fmtInt(counts.applicants)}, transition ${fmtInt(counts.transitions)}, deadline ${fmtInt(counts.deadlines)}, outbox ${fmtInt(counts.outbox)}, notification ${fmtInt(counts.notifications)}${counts.audit !== null ? `, audit_log ${fmtInt(counts.audit)}` : ''} rows in all`,
      `- bench.citizen_request: ${fmtInt(counts.bench)} rows (successful inserts: ${fmtInt(answered((t) => t === 'raw'))} in the ladder + ${PART_WARMUP + PART_CALLS} alone); mean row size ${counts.bench_bytes.toFixed(0)} B against ${counts.request_bytes.toFixed(0)} B for the service's rows`,
      '',
    );
    out.push(`Phases (total ${((performance.now() - started) / 1000).toFixed(0)} s):`, '', ...phases, '');
    out.push(
      `Service logs: ${services.map((p) => p.logFile.replace(`${WORKSPACE_ROOT}/`, '')).join(', ')}`,
      '',
    );
    console.log(out.join('\n'));
  } finally {
    progress('cleaning up');
    for (const agent of agents) agent.destroy();
    await pool?.end().catch(() => undefined);
    await admin?.end().catch(() => undefined);
    await Promise.all([...services].reverse().map((p) => p.stop().catch(() => undefined)));
    await Promise.all([identity?.stop().catch(() => undefined), kafka?.stop().catch(() => undefined)]);
    await db?.drop().catch((e: unknown) => progress(`dropping the database failed: ${String(e)}`));
    rmSync(supergraphFile, { force: true });
    if (pg?.started) pg.stop();
  }
}

main().then(
  () => {
    process.exitCode ??= 0;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);

/**
 * Benchmark of the event backbone against raw kafkajs on the same broker (run on demand, not a test):
 *
 *   npm run bench -- [--n 5000] [--rate 200] [--seconds 10] [--concurrency 8] [--timeline] [--max-wait 100] [--partitions 4]
 *
 *   --n            events of the saturated runs          --rate/--seconds  the fixed-rate runs
 *   --concurrency  backbone writers (one tx per event)   --timeline        latency per second of the fixed-rate runs
 *   --max-wait     consumer fetch wait on both sides (default: MOCK_BROKER_ENV of @seriktes/testing)
 *
 * On one fresh librdkafka mock broker (kcat) and one fresh test database it measures
 *  1. raw kafkajs: a plain producer and a plain consumer (RawKafka, the only kafkajs access outside
 *     libs/messaging), records byte-identical to the real event's Kafka record;
 *  2. the backbone: EventPublisher.publish in one DB transaction per event (N writers), OutboxRelay,
 *     EventConsumer (inbox + one transaction per event) with a handler that inserts one row;
 *  3. both again at a fixed, non-saturating rate, for latency (the backbone run also has a plain
 *     observer consumer on its topic, to split relay + broker from EventConsumer);
 * and prints markdown tables with both columns and the ratio backbone / raw. Progress goes to stderr.
 *
 * Latency: raw = from the `send()` call of the record to its `eachMessage`; backbone = from the
 * commit of the writing transaction to the end of the handler's write (inside the consumer's
 * transaction, just before the inbox commit). Both clocks are this process's `performance.now()`.
 * The machine is shared with whatever else runs: the report prints load and CPU per phase.
 */
import { randomUUID } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import type { DataSource } from 'typeorm';
import {
  CITIZEN_REQUEST_TOPIC,
  CitizenRequestRegistered,
  eventSource,
  toKafkaRecord,
  type CitizenRequestRegisteredV1,
  type CloudEvent,
  type KafkaRecord,
} from '@seriktes/contracts';
import {
  EventConsumer,
  EventPublisher,
  KafkaClients,
  messagingMigrations,
  OutboxRelay,
  physicalTopic,
  type KafkaSettings,
} from '@seriktes/messaging';
import { RawKafka } from '@seriktes/messaging/testing';
import { createLogger, Metrics, type Logger } from '@seriktes/observability';
import { createServiceDataSource, runMigrations } from '@seriktes/persistence';
import {
  createTestDatabase,
  ensurePostgres,
  MOCK_BROKER_ENV,
  startMockKafka,
  waitFor,
  type KafkaHandle,
  type PostgresHandle,
  type TestDatabase,
} from '@seriktes/testing';
import { cpuMeter, latency, table, type Latency } from './report';

// ---------------------------------------------------------------------------------------------
// Settings

const SERVICE = 'citizen-requests';
const SCHEMA = 'bench';
const AGGREGATES = 100;
const RAW_BATCH = 100;
const POOL_SIZE = 10;

interface Settings {
  n: number;
  rate: number;
  seconds: number;
  concurrency: number;
  /** Print latency per second of the fixed-rate runs. */
  timeline: boolean;
  /** Consumer fetch wait (both sides); default the harness's MOCK_BROKER_ENV value. */
  maxWaitMs: number;
  /** Partitions the EventConsumer handles at once (its `partitionConcurrency`). */
  partitions: number;
}

function readSettings(): Settings {
  const { values } = parseArgs({
    options: {
      n: { type: 'string', default: '5000' },
      rate: { type: 'string', default: '200' },
      seconds: { type: 'string', default: '10' },
      concurrency: { type: 'string', default: '8' },
      timeline: { type: 'boolean', default: false },
      'max-wait': { type: 'string', default: MOCK_BROKER_ENV.KAFKA_CONSUMER_MAX_WAIT_MS },
      partitions: { type: 'string', default: '4' },
    },
    strict: true,
  });
  const positive = (name: string, raw: string | undefined): number => {
    const value = Number(raw);
    if (!Number.isFinite(value) || value <= 0)
      throw new Error(`--${name} must be a positive number, got "${raw}"`);
    return value;
  };
  return {
    n: Math.round(positive('n', values.n)),
    rate: positive('rate', values.rate),
    seconds: positive('seconds', values.seconds),
    concurrency: Math.round(positive('concurrency', values.concurrency)),
    timeline: values.timeline ?? false,
    maxWaitMs: Math.round(positive('max-wait', values['max-wait'])),
    partitions: Math.round(positive('partitions', values.partitions)),
  };
}

// ---------------------------------------------------------------------------------------------
// Events and statistics

const aggregateIds = Array.from({ length: AGGREGATES }, () => randomUUID());

function eventData(i: number): { subject: string; data: CitizenRequestRegisteredV1 } {
  const subject = aggregateIds[i % AGGREGATES];
  const now = new Date().toISOString();
  return {
    subject,
    data: {
      requestId: subject,
      registrationNumber: `AST-2026-${String(i + 1).padStart(6, '0')}`,
      kind: 'application',
      category: 'public-order-noise',
      channel: 'web',
      regionCode: 'AST',
      precinctCode: `AST-ESL-${String(i % AGGREGATES).padStart(2, '0')}`,
      receivedAt: now,
      registeredAt: now,
    },
  };
}

/** The Kafka record the outbox would write for event `i`: the raw baseline sends exactly this. */
function rawRecord(i: number): KafkaRecord {
  const { subject, data } = eventData(i);
  const id = randomUUID();
  const event: CloudEvent<CitizenRequestRegisteredV1> = {
    specversion: '1.0',
    id,
    source: eventSource(SERVICE),
    type: CitizenRequestRegistered.type,
    time: new Date().toISOString(),
    subject,
    datacontenttype: 'application/json',
    correlationid: id,
    data,
  };
  return toKafkaRecord(event);
}

function recordSize(record: KafkaRecord): { key: number; value: number; headers: number } {
  const headers = Object.entries(record.headers).reduce(
    (sum, [name, value]) => sum + Buffer.byteLength(name) + Buffer.byteLength(value),
    0,
  );
  return { key: Buffer.byteLength(record.key), value: Buffer.byteLength(record.value), headers };
}



/** Pairs start and end times by id; fails loudly if anything is missing. */
function pairLatencies(starts: Map<string, number>, ends: Map<string, number>, what: string): number[] {
  const out: number[] = [];
  for (const [id, start] of starts) {
    const end = ends.get(id);
    if (end === undefined) throw new Error(`${what}: event ${id} was never consumed`);
    out.push(end - start);
  }
  return out;
}

const perSecond = (count: number, ms: number) => (count * 1000) / ms;

/** CPU time (user + system) of this process since `since`, in microseconds per event. */
function cpuPerEvent(since: NodeJS.CpuUsage, count: number): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / count;
}

/** Latency per second of the run (by start time): where the outliers are. */
function timeline(starts: Map<string, number>, ends: Map<string, number>, t0: number): string[] {
  const buckets = new Map<number, number[]>();
  for (const [id, start] of starts) {
    const end = ends.get(id);
    if (end === undefined) continue;
    const second = Math.floor((start - t0) / 1000);
    buckets.set(second, [...(buckets.get(second) ?? []), end - start]);
  }
  return [...buckets.entries()]
    .sort(([a], [b]) => a - b)
    .map(([second, samples]) => {
      const l = latency(samples);
      return `  s${second}: n=${l.count} p50=${l.p50.toFixed(1)} p99=${l.p99.toFixed(1)} max=${l.max.toFixed(1)} ms`;
    });
}

/**
 * Starts `fire(i)` for i = 0..total-1 at `rate` per second (open loop: a slow fire does not delay the
 * next one), then waits for all of them. The timer only paces the load; it synchronises nothing.
 */
async function paced(
  total: number,
  rate: number,
  fire: (i: number) => Promise<void>,
): Promise<{ spanMs: number }> {
  const t0 = performance.now();
  const running: Array<Promise<void>> = [];
  let i = 0;
  while (i < total) {
    const due = Math.min(total, Math.floor(((performance.now() - t0) * rate) / 1000) + 1);
    while (i < due) running.push(fire(i++));
    if (i < total) await delay(Math.max(0, t0 + (i * 1000) / rate - performance.now()));
  }
  const spanMs = performance.now() - t0;
  const failed = (await Promise.allSettled(running)).filter((r) => r.status === 'rejected');
  if (failed.length) throw (failed[0] as PromiseRejectedResult).reason;
  return { spanMs };
}

// ---------------------------------------------------------------------------------------------
// Raw kafkajs

interface SaturatedExtras {
  consumeRate: number;
  /** CPU of this process per event: end to end, and for the backlog re-read. */
  cpuE2e: number;
  cpuConsume: number;
}

interface RawResult {
  produceRate: number;
  e2eRate: number;
  latency: Latency;
  timeline?: string[];
}

type RawConsumer = ReturnType<RawKafka['consumer']>;

/** A raw consumer of `topic` from the beginning that records the time of each record by ce_id. */
async function rawConsumer(
  raw: RawKafka,
  groupId: string,
  topic: string,
  seen: Map<string, number>,
): Promise<RawConsumer> {
  const consumer = raw.consumer(groupId);
  let joined = false;
  consumer.on(consumer.events.GROUP_JOIN, () => (joined = true));
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      JSON.parse(message.value?.toString('utf8') ?? 'null');
      const id = message.headers?.ce_id?.toString() ?? '';
      seen.set(id, performance.now());
    },
  });
  await waitFor(() => joined, { timeoutMs: 30_000, description: `raw consumer ${groupId} to join` });
  return consumer;
}

async function rawSaturated(raw: RawKafka, n: number): Promise<RawResult & SaturatedExtras> {
  const topic = 'raw-sat.' + CITIZEN_REQUEST_TOPIC;
  const records = Array.from({ length: n }, (_, i) => rawRecord(i));
  const sent = new Map<string, number>();
  const seen = new Map<string, number>();
  const producer = raw.rawProducer();
  await producer.connect();
  const consumer = await rawConsumer(raw, `bench-raw-sat-${randomUUID()}`, topic, seen);

  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let offset = 0; offset < n; offset += RAW_BATCH) {
    const batch = records.slice(offset, offset + RAW_BATCH);
    const now = performance.now();
    for (const r of batch) sent.set(r.headers.ce_id, now);
    await producer.send({
      topic,
      acks: -1,
      messages: batch.map((r) => ({ key: r.key, value: r.value, headers: r.headers })),
    });
  }
  const produced = performance.now();
  await waitFor(() => seen.size >= n, {
    timeoutMs: 60_000,
    intervalMs: 5,
    description: `${n} raw records consumed`,
  });
  const lastSeen = Math.max(...seen.values());
  const cpuE2e = cpuPerEvent(cpu0, n);
  await consumer.disconnect();

  // Consume rate from a backlog: a new group reads the N records already on the topic (after its join).
  const replay = new Map<string, number>();
  const reader = await rawConsumer(raw, `bench-raw-replay-${randomUUID()}`, topic, replay);
  const cpu1 = process.cpuUsage();
  await waitFor(() => replay.size >= n, {
    timeoutMs: 60_000,
    intervalMs: 5,
    description: `${n} raw records re-read`,
  });
  const cpuConsume = cpuPerEvent(cpu1, n);
  await reader.disconnect();
  const replayTimes = [...replay.values()];
  await producer.disconnect();

  return {
    produceRate: perSecond(n, produced - t0),
    e2eRate: perSecond(n, lastSeen - t0),
    consumeRate: perSecond(n, Math.max(...replayTimes) - Math.min(...replayTimes)),
    cpuE2e,
    cpuConsume,
    latency: latency(pairLatencies(sent, seen, 'raw saturated')),
  };
}

async function rawFixedRate(raw: RawKafka, rate: number, total: number): Promise<RawResult> {
  const topic = 'raw-rate.' + CITIZEN_REQUEST_TOPIC;
  const records = Array.from({ length: total }, (_, i) => rawRecord(i));
  const sent = new Map<string, number>();
  const seen = new Map<string, number>();
  const producer = raw.rawProducer();
  await producer.connect();
  const consumer = await rawConsumer(raw, `bench-raw-rate-${randomUUID()}`, topic, seen);

  const t0 = performance.now();
  const { spanMs } = await paced(total, rate, async (i) => {
    const r = records[i];
    sent.set(r.headers.ce_id, performance.now());
    await producer.send({ topic, acks: -1, messages: [{ key: r.key, value: r.value, headers: r.headers }] });
  });
  await waitFor(() => seen.size >= total, {
    timeoutMs: 60_000,
    intervalMs: 5,
    description: `${total} raw records consumed`,
  });
  const lastSeen = Math.max(...seen.values());
  await consumer.disconnect();
  await producer.disconnect();
  return {
    produceRate: perSecond(total, spanMs),
    e2eRate: perSecond(total, lastSeen - t0),
    latency: latency(pairLatencies(sent, seen, 'raw fixed rate')),
    timeline: timeline(sent, seen, t0),
  };
}

// ---------------------------------------------------------------------------------------------
// The backbone

interface RelayStats {
  rounds: number;
  meanBatch: number;
  maxBatch: number;
  /** Outbox row created_at (writer's transaction start) to published_at (relay round start), ms. */
  dwellP50: number;
  dwellP99: number;
}

interface BackboneResult {
  writeRate: number;
  e2eRate: number;
  latency: Latency;
  timeline?: string[];
  relay: RelayStats;
  outcomes: string;
}

class Backbone {
  constructor(
    readonly dataSource: DataSource,
    readonly clients: KafkaClients,
    readonly kafka: KafkaSettings,
    readonly logger: Logger,
    readonly partitionConcurrency: number,
  ) {}

  /** An EventConsumer of its own group on `prefix` + the topic, joined, whose handler writes one row. */
  async consumer(
    prefix: string,
    label: string,
    handled: Map<string, number>,
  ): Promise<{ consumer: EventConsumer; metrics: Metrics }> {
    const metrics = new Metrics('bench', false);
    const groupId = `bench-${label}-${randomUUID()}`;
    const consumer = new EventConsumer(
      this.clients,
      this.dataSource,
      SCHEMA,
      { ...this.kafka, topicPrefix: prefix },
      { groupId, partitionConcurrency: this.partitionConcurrency },
      this.logger.child({ component: `consumer-${label}` }),
      metrics,
    );
    consumer.on(CitizenRequestRegistered, async (event, em) => {
      await em.query(`INSERT INTO "${SCHEMA}"."handled" ("consumer_group", "event_id") VALUES ($1, $2)`, [
        groupId,
        event.id,
      ]);
      handled.set(event.id, performance.now());
    });
    consumer.start();
    await waitFor(() => consumer.snapshot().state === 'joined', {
      timeoutMs: 30_000,
      description: `consumer ${label} to join`,
    });
    return { consumer, metrics };
  }

  /** Publishes event `i` in its own transaction; returns its id and the time of the commit. */
  async write(publisher: EventPublisher, i: number): Promise<[string, number]> {
    const { subject, data } = eventData(i);
    const id = randomUUID();
    await this.dataSource.transaction((em) =>
      publisher.publish(em, CitizenRequestRegistered, data, { subject, id }),
    );
    return [id, performance.now()];
  }

  async relayStats(prefix: string): Promise<RelayStats> {
    const topic = physicalTopic(prefix, CITIZEN_REQUEST_TOPIC);
    const [rounds] = (await this.dataSource.query(
      `WITH r AS (SELECT published_at, count(*) AS n FROM "${SCHEMA}"."outbox"
                   WHERE topic = $1 AND published_at IS NOT NULL GROUP BY published_at)
       SELECT count(*)::int AS rounds, coalesce(avg(n), 0)::float AS mean, coalesce(max(n), 0)::int AS max FROM r`,
      [topic],
    )) as Array<{ rounds: number; mean: number; max: number }>;
    const [dwell] = (await this.dataSource.query(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY d)::float AS p50,
              percentile_cont(0.99) WITHIN GROUP (ORDER BY d)::float AS p99
         FROM (SELECT extract(epoch FROM published_at - created_at) * 1000 AS d
                 FROM "${SCHEMA}"."outbox" WHERE topic = $1 AND published_at IS NOT NULL) x`,
      [topic],
    )) as Array<{ p50: number; p99: number }>;
    return {
      rounds: rounds.rounds,
      meanBatch: rounds.mean,
      maxBatch: rounds.max,
      dwellP50: dwell.p50,
      dwellP99: dwell.p99,
    };
  }

  async saturated(
    n: number,
    concurrency: number,
  ): Promise<BackboneResult & SaturatedExtras & { consumeOutcomes: string }> {
    const prefix = 'sat.';
    const publisher = new EventPublisher(SERVICE, SCHEMA, prefix);
    const handled = new Map<string, number>();
    const committed = new Map<string, number>();
    const { consumer, metrics } = await this.consumer(prefix, 'sat', handled);

    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < n) {
          const [id, at] = await this.write(publisher, next++);
          committed.set(id, at);
        }
      }),
    );
    const written = performance.now();
    await waitFor(() => handled.size >= n, {
      timeoutMs: 120_000,
      intervalMs: 10,
      description: `${n} events handled`,
    });
    const lastHandled = Math.max(...handled.values());
    const cpuE2e = cpuPerEvent(cpu0, n);
    await consumer.stop();
    const result = {
      writeRate: perSecond(n, written - t0),
      e2eRate: perSecond(n, lastHandled - t0),
      latency: latency(pairLatencies(committed, handled, 'backbone saturated')),
      relay: await this.relayStats(prefix),
      outcomes: await outcomes(metrics),
    };

    // Consume rate from a backlog: a new group (new inbox rows) reads the N events already on the topic.
    const replay = new Map<string, number>();
    const { consumer: reader, metrics: readerMetrics } = await this.consumer(prefix, 'replay', replay);
    const cpu1 = process.cpuUsage();
    await waitFor(() => replay.size >= n, {
      timeoutMs: 120_000,
      intervalMs: 10,
      description: `${n} events re-read`,
    });
    const cpuConsume = cpuPerEvent(cpu1, n);
    await reader.stop();
    const times = [...replay.values()];
    return {
      ...result,
      consumeRate: perSecond(n, Math.max(...times) - Math.min(...times)),
      cpuE2e,
      cpuConsume,
      consumeOutcomes: await outcomes(readerMetrics),
    };
  }

  /**
   * `observer`: a plain kafkajs consumer in a group of its own on the same topic, to split the
   * latency into commit → record fetchable from Kafka (relay + broker + fetch) and the rest (EventConsumer).
   */
  async fixedRate(
    rate: number,
    total: number,
    observer: RawKafka,
  ): Promise<BackboneResult & { toKafka: Latency; toKafkaTimeline: string[] }> {
    const prefix = 'rate.';
    const publisher = new EventPublisher(SERVICE, SCHEMA, prefix);
    const handled = new Map<string, number>();
    const committed = new Map<string, number>();
    const observed = new Map<string, number>();
    const [{ consumer, metrics }, plain] = await Promise.all([
      this.consumer(prefix, 'rate', handled),
      rawConsumer(
        observer,
        `bench-observer-${randomUUID()}`,
        physicalTopic(prefix, CITIZEN_REQUEST_TOPIC),
        observed,
      ),
    ]);

    const t0 = performance.now();
    const { spanMs } = await paced(total, rate, async (i) => {
      const [id, at] = await this.write(publisher, i);
      committed.set(id, at);
    });
    await waitFor(() => handled.size >= total, {
      timeoutMs: 120_000,
      intervalMs: 10,
      description: `${total} events handled`,
    });
    await waitFor(() => observed.size >= total, {
      timeoutMs: 60_000,
      intervalMs: 10,
      description: `${total} events observed`,
    });
    const lastHandled = Math.max(...handled.values());
    await Promise.all([consumer.stop(), plain.disconnect()]);
    return {
      toKafka: latency(pairLatencies(committed, observed, 'backbone fixed rate, observer')),
      toKafkaTimeline: timeline(committed, observed, t0),
      writeRate: perSecond(total, spanMs),
      e2eRate: perSecond(total, lastHandled - t0),
      latency: latency(pairLatencies(committed, handled, 'backbone fixed rate')),
      timeline: timeline(committed, handled, t0),
      relay: await this.relayStats(prefix),
      outcomes: await outcomes(metrics),
    };
  }
}

/** The EventConsumer's own counters: outcomes, and the time per event (inbox transaction incl. handler). */
async function outcomes(metrics: Metrics): Promise<string> {
  type Value = { value: number; labels: Record<string, string | number>; metricName?: string };
  const all = await metrics.registry.getMetricsAsJSON();
  const values = (name: string) => (all.find((m) => m.name === name)?.values ?? []) as Value[];
  const counts: Record<string, number> = {};
  for (const v of values('seriktes_events_consumed_total')) {
    counts[String(v.labels.outcome)] = (counts[String(v.labels.outcome)] ?? 0) + v.value;
  }
  const handling = values('seriktes_event_handling_seconds');
  const total = handling.filter((v) => v.metricName?.endsWith('_count')).reduce((a, v) => a + v.value, 0);
  const sum = handling.filter((v) => v.metricName?.endsWith('_sum')).reduce((a, v) => a + v.value, 0);
  const over = (le: number) => {
    const within = handling
      .filter((v) => v.metricName?.endsWith('_bucket') && Number(v.labels.le) === le)
      .reduce((a, v) => a + v.value, 0);
    return `${((100 * (total - within)) / Math.max(1, total)).toFixed(1)}%`;
  };
  return (
    `${Object.entries(counts)
      .map(([k, v]) => `${k} ${v}`)
      .join(
        ', ',
      )}; time per event (inbox transaction incl. handler) mean ${((1000 * sum) / Math.max(1, total)).toFixed(2)} ms, ` +
    `over 5 ms ${over(0.005)}, over 10 ms ${over(0.01)}, over 25 ms ${over(0.025)}, over 100 ms ${over(0.1)}`
  );
}

// ---------------------------------------------------------------------------------------------
// Report

const fmtRate = (v: number) => Math.round(v).toLocaleString('en-US');
const fmtMs = (v: number) =>
  v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : Math.round(v).toLocaleString('en-US');
const ratio = (backbone: number, raw: number) => `${(backbone / raw).toFixed(backbone / raw < 0.1 ? 3 : 2)}×`;


/** One row of a comparison table: the metric, both values, and backbone / raw. */
function compare(metric: string, raw: number, backbone: number, format: (value: number) => string = fmtRate): string[] {
  return [metric, format(raw), format(backbone), ratio(backbone, raw)];
}

function latencyRows(raw: Latency, backbone: Latency): string[][] {
  return (['p50', 'p99', 'max'] as const).map((p) => compare(`end-to-end latency ${p} (ms)`, raw[p], backbone[p], fmtMs));
}

function relayLine(stats: RelayStats, outcomesSeen: string): string {
  return (
    `relay: ${stats.rounds} rounds, ${stats.meanBatch.toFixed(1)} events/round (max ${stats.maxBatch}); ` +
    `outbox dwell created_at→published_at p50 ${fmtMs(stats.dwellP50)} ms, p99 ${fmtMs(stats.dwellP99)} ms; ` +
    `consumer: ${outcomesSeen}`
  );
}


// ---------------------------------------------------------------------------------------------
// Main

async function main(): Promise<void> {
  const settings = readSettings();
  const loadAtStart = os.loadavg();
  const fixedTotal = Math.round(settings.rate * settings.seconds);
  process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
  const logger = createLogger({ service: 'bench', level: process.env.LOG_LEVEL ?? 'warn' });
  const progress = (line: string) =>
    console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

  let pg: PostgresHandle | undefined;
  let broker: KafkaHandle | undefined;
  let db: TestDatabase | undefined;
  let dataSource: DataSource | undefined;
  let clients: KafkaClients | undefined;
  let relay: OutboxRelay | undefined;
  let raw: RawKafka | undefined;
  try {
    pg = await ensurePostgres(process.env, progress);
    broker = await startMockKafka({ log: progress });
    db = await createTestDatabase('bench', pg.url);
    progress(`mock broker ${broker.brokers.join(',')}, database ${db.name}`);

    dataSource = createServiceDataSource({
      url: db.url,
      schema: SCHEMA,
      entities: [],
      migrations: messagingMigrations,
      poolSize: POOL_SIZE,
      applicationName: 'bench',
    });
    await dataSource.initialize();
    await runMigrations(dataSource);
    await dataSource.query(
      `CREATE TABLE "${SCHEMA}"."handled" ("id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
         "consumer_group" text NOT NULL, "event_id" uuid NOT NULL, "handled_at" timestamptz NOT NULL DEFAULT now())`,
    );
    const [{ server_version: pgVersion }] = (await dataSource.query('SHOW server_version')) as Array<{
      server_version: string;
    }>;
    const [{ synchronous_commit: syncCommit }] = (await dataSource.query(
      'SHOW synchronous_commit',
    )) as Array<{ synchronous_commit: string }>;

    const kafka: KafkaSettings = {
      brokers: broker.brokers,
      clientId: 'bench',
      requestTimeoutMs: Number(MOCK_BROKER_ENV.KAFKA_REQUEST_TIMEOUT_MS),
      maxWaitTimeMs: settings.maxWaitMs,
      sessionTimeoutMs: Number(MOCK_BROKER_ENV.KAFKA_SESSION_TIMEOUT_MS),
      heartbeatIntervalMs: Number(MOCK_BROKER_ENV.KAFKA_HEARTBEAT_INTERVAL_MS),
    };
    raw = RawKafka.fromEnv({ ...broker.env, KAFKA_CONSUMER_MAX_WAIT_MS: String(settings.maxWaitMs) });
    clients = new KafkaClients(kafka, logger.child({ component: 'kafka' }));
    relay = new OutboxRelay(
      dataSource,
      clients,
      SCHEMA,
      {},
      logger.child({ component: 'outbox-relay' }),
      new Metrics('bench', false),
    );
    const backbone = new Backbone(dataSource, clients, kafka, logger, settings.partitions);

    const phases: string[] = [];
    const phase = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
      progress(name);
      const meter = cpuMeter();
      const result = await run();
      phases.push(`- ${name}: ${meter()}`);
      return result;
    };
    const rawSat = await phase(`raw kafkajs, saturated (${settings.n} records)`, () =>
      rawSaturated(raw as RawKafka, settings.n),
    );
    await relay.start();
    const bbSat = await phase(
      `backbone, saturated (${settings.n} events, ${settings.concurrency} writers)`,
      () => backbone.saturated(settings.n, settings.concurrency),
    );
    const rawRate = await phase(
      `raw kafkajs, fixed rate (${settings.rate}/s for ${settings.seconds} s)`,
      () => rawFixedRate(raw as RawKafka, settings.rate, fixedTotal),
    );
    const bbRate = await phase(`backbone, fixed rate (${settings.rate}/s for ${settings.seconds} s)`, () =>
      backbone.fixedRate(settings.rate, fixedTotal, raw as RawKafka),
    );

    const size = recordSize(rawRecord(0));
    const cpus = os.cpus();
    let librdkafka = 'unknown';
    try {
      librdkafka =
        /librdkafka ([0-9.]+)/.exec(execFileSync('kcat', ['-V'], { encoding: 'utf8' }))?.[1] ?? librdkafka;
    } catch {
      // version is informative only
    }

    const out: string[] = [];
    out.push('## Settings', '');
    out.push(
      table(
        ['setting', 'value'],
        [
          ['N (saturated run)', String(settings.n)],
          ['writers (backbone, one transaction per event)', String(settings.concurrency)],
          ['EventConsumer partitions handled at once', String(settings.partitions)],
          ['raw producer', `batches of ${RAW_BATCH}, awaited in sequence, acks=all`],
          ['fixed rate', `${settings.rate}/s for ${settings.seconds} s (${fixedTotal} events)`],
          [
            'record',
            `value ${size.value} B JSON, headers ${size.headers} B, key ${size.key} B (${AGGREGATES} aggregate ids)`,
          ],
          [
            'consumer',
            `maxWait ${kafka.maxWaitTimeMs} ms, session ${kafka.sessionTimeoutMs} ms, heartbeat ${kafka.heartbeatIntervalMs} ms`,
          ],
          ['DB pool', `${POOL_SIZE} connections (writers + relay + consumer) + relay LISTEN connection`],
          ['node', process.version],
          ['cores', `${os.availableParallelism()} (${cpus[0]?.model.trim() ?? 'unknown'})`],
          [
            'load average (1 min) at start / end',
            `${loadAtStart[0].toFixed(2)} / ${os.loadavg()[0].toFixed(2)}`,
          ],
          ['PostgreSQL', `${pgVersion} (synchronous_commit ${syncCommit})`],
          ['broker', `librdkafka ${librdkafka} mock cluster (kcat), 1 broker, 4 partitions`],
        ],
      ),
      '',
    );
    out.push(`## Saturated: ${settings.n} events`, '');
    out.push(
      table(
        ['metric', 'raw kafkajs', 'backbone', 'backbone / raw'],
        [
          compare('produce / outbox write rate (msg/s)', rawSat.produceRate, bbSat.writeRate),
          compare('consume rate from a backlog (msg/s)', rawSat.consumeRate, bbSat.consumeRate),
          compare('end-to-end throughput (msg/s)', rawSat.e2eRate, bbSat.e2eRate),
          ...latencyRows(rawSat.latency, bbSat.latency),
          compare('bench-process CPU per event, end to end (µs)', rawSat.cpuE2e, bbSat.cpuE2e),
          compare('bench-process CPU per event, backlog consume (µs)', rawSat.cpuConsume, bbSat.cpuConsume),
        ],
      ),
      '',
      relayLine(bbSat.relay, bbSat.outcomes),
      `backlog re-read consumer: ${bbSat.consumeOutcomes}`,
      '',
    );
    out.push(`## Fixed rate: ${settings.rate}/s for ${settings.seconds} s`, '');
    out.push(
      table(
        ['metric', 'raw kafkajs', 'backbone', 'backbone / raw'],
        [
          compare('offered rate achieved (msg/s)', rawRate.produceRate, bbRate.writeRate),
          compare('end-to-end throughput (msg/s)', rawRate.e2eRate, bbRate.e2eRate),
          ...latencyRows(rawRate.latency, bbRate.latency),
          compare('end-to-end latency mean (ms)', rawRate.latency.mean, bbRate.latency.mean, fmtMs),
        ],
      ),
      '',
      relayLine(bbRate.relay, bbRate.outcomes),
      `backbone split: commit → fetched by a plain kafkajs consumer of another group (relay + broker + fetch wait) ` +
        `p50 ${fmtMs(bbRate.toKafka.p50)}, p99 ${fmtMs(bbRate.toKafka.p99)}, max ${fmtMs(bbRate.toKafka.max)} ms; ` +
        `the rest of the end-to-end latency is EventConsumer (its own fetch wait, inbox transaction, handler)`,
      '',
    );
    out.push('CPU per phase (including consumer group joins and the backlog re-reads):', '', ...phases, '');
    if (settings.timeline) {
      out.push(
        'Latency per second of the fixed-rate runs (by send / commit time):',
        '',
        'raw kafkajs:',
        ...(rawRate.timeline ?? []),
      );
      out.push('backbone, commit → end of handler:', ...(bbRate.timeline ?? []));
      out.push('backbone, commit → fetched by the plain observer consumer:', ...bbRate.toKafkaTimeline, '');
    }
    console.log(out.join('\n'));
  } finally {
    progress('cleaning up');
    await relay?.stop().catch((e: unknown) => progress(`relay stop failed: ${String(e)}`));
    await clients?.close();
    await raw?.close().catch(() => undefined);
    if (dataSource?.isInitialized) await dataSource.destroy();
    await db?.drop().catch((e: unknown) => progress(`dropping the database failed: ${String(e)}`));
    await broker?.stop();
    if (pg?.started) pg.stop();
  }
}

main().then(
  () => {
    process.exitCode = 0;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);

/**
 * The mechanisms of libs/messaging on their own, against the real PostgreSQL and the mock broker:
 * handler failures (bounded retries, then the dead-letter topic), per-key order through the relay,
 * one publishing relay per schema, and a relay restarted with a backlog.
 */
import type { DataSource } from 'typeorm';
import { deadLetterTopic } from '@seriktes/contracts';
import { createTestDatabase, MOCK_BROKER_ENV, startMockKafka, waitFor, type KafkaHandle, type TestDatabase } from '@seriktes/testing';
import { EventConsumer } from '../src/consumer';
import { KafkaClients } from '../src/kafka';
import type { KafkaSettings } from '../src/options';
import { EventPublisher } from '../src/outbox';
import { OutboxRelay } from '../src/relay';
import { RawKafka, type RawRecord } from '../src/testing';
import { metrics, probeDataSource, ProbeRecorded, SCHEMA, silentLogger, type ProbeV1 } from './fixtures';

let kafka: KafkaHandle;
let db: TestDatabase;
let dataSource: DataSource;
let raw: RawKafka;
let settings: KafkaSettings;
const closers: Array<() => Promise<void>> = [];

const publisher = new EventPublisher('messaging-test', SCHEMA);

async function write(probes: ProbeV1[]): Promise<void> {
  for (const probe of probes) {
    await dataSource.transaction((em) => publisher.publish(em, ProbeRecorded, probe, { subject: probe.key }));
  }
}

/** Waits until every outbox row is marked published (committed). */
function waitForDrain(description: string): Promise<true> {
  return waitFor(
    async () => {
      const [{ n }] = (await dataSource.query(`SELECT count(*)::int AS n FROM "${SCHEMA}"."outbox" WHERE published_at IS NULL`)) as Array<{ n: number }>;
      return n === 0;
    },
    { description },
  );
}

/** The probe sequence numbers of `key` on the probe topic, in topic order (reads the topic unless given it). */
async function sequencesOf(key: string, records?: RawRecord[]): Promise<number[]> {
  return (records ?? (await raw.readAll(ProbeRecorded.topic)))
    .filter((r) => r.key === key)
    .map((r) => (JSON.parse(r.value!) as ProbeV1).sequence);
}

function relay(overrides: ConstructorParameters<typeof OutboxRelay>[3] = {}): OutboxRelay {
  const clients = new KafkaClients(settings, silentLogger);
  const instance = new OutboxRelay(dataSource, clients, SCHEMA, { pollIntervalMs: 200, ...overrides }, silentLogger, metrics());
  closers.push(async () => {
    await instance.stop();
    await clients.close();
  });
  return instance;
}

beforeAll(async () => {
  kafka = await startMockKafka();
  settings = {
    brokers: kafka.brokers,
    clientId: 'messaging-test',
    requestTimeoutMs: Number(MOCK_BROKER_ENV.KAFKA_REQUEST_TIMEOUT_MS),
    maxWaitTimeMs: Number(MOCK_BROKER_ENV.KAFKA_CONSUMER_MAX_WAIT_MS),
    sessionTimeoutMs: Number(MOCK_BROKER_ENV.KAFKA_SESSION_TIMEOUT_MS),
    heartbeatIntervalMs: Number(MOCK_BROKER_ENV.KAFKA_HEARTBEAT_INTERVAL_MS),
  };
  db = await createTestDatabase('messaging');
  dataSource = await probeDataSource(db.url);
  raw = new RawKafka({ brokers: kafka.brokers });
});

afterEach(async () => {
  while (closers.length) await closers.pop()!();
  await dataSource.query(`TRUNCATE "${SCHEMA}"."outbox", "${SCHEMA}"."inbox", "${SCHEMA}"."probe"`);
});

afterAll(async () => {
  await raw?.close();
  await dataSource?.destroy();
  await kafka?.stop();
  await db?.drop();
});

describe('outbox relay', () => {
  it('keeps the order of events per key', async () => {
    const keys = ['k1', 'k2', 'k3', 'k4', 'k5'];
    const probes = Array.from({ length: 200 }, (_, i) => ({ sequence: i, key: keys[i % keys.length] }));
    await write(probes);
    await relay({ batchSize: 37 }).start();
    await waitForDrain('the outbox to drain');
    const records = await raw.readAll(ProbeRecorded.topic);
    for (const key of keys) {
      const sequences = await sequencesOf(key, records);
      const expected = probes.filter((p) => p.key === key).map((p) => p.sequence);
      expect(sequences.slice(-expected.length)).toEqual(expected);
    }
  });

  it('publishes a batch written by publishMany in the order given, validated, with the outbox rows of one statement', async () => {
    const probes: ProbeV1[] = Array.from({ length: 120 }, (_, i) => ({ sequence: 1000 + i, key: i % 2 ? 'many-a' : 'many-b' }));
    await expect(
      dataSource.transaction((em) => publisher.publishMany(em, ProbeRecorded, [{ data: { sequence: 'x', key: 'bad' } as never, options: { subject: 'bad' } }])),
    ).rejects.toThrow(/sequence/);
    const events = await dataSource.transaction((em) => publisher.publishMany(em, ProbeRecorded, probes.map((p) => ({ data: p, options: { subject: p.key } }))));
    expect(new Set(events.map((e) => e.id)).size).toBe(120);
    const rows = (await dataSource.query(`SELECT event_id, key, value FROM "${SCHEMA}"."outbox" ORDER BY position`)) as Array<{ event_id: string; key: string; value: string }>;
    expect(rows.map((r) => r.event_id)).toEqual(events.map((e) => e.id));
    await relay().start();
    await waitForDrain('the batch to be published');
    expect(await sequencesOf('many-a')).toEqual(probes.filter((p) => p.key === 'many-a').map((p) => p.sequence));
    expect(await sequencesOf('many-b')).toEqual(probes.filter((p) => p.key === 'many-b').map((p) => p.sequence));
  });

  it('lets one relay per schema publish at a time, and a stopped one hand over', async () => {
    const first = relay();
    const second = relay();
    await first.start();
    await write([{ sequence: 1, key: 'leader' }]);
    await waitFor(() => first.snapshot().lastPublishedAt !== undefined, { description: 'the first relay to publish' });
    await second.start();
    await write([{ sequence: 2, key: 'leader' }]);
    // Both run; whichever takes the lock in a round publishes; never both for the same rows.
    await waitForDrain('both rows to be published');
    const [{ attempts }] = (await dataSource.query(`SELECT max(attempts)::int AS attempts FROM "${SCHEMA}"."outbox"`)) as Array<{ attempts: number }>;
    expect(attempts).toBe(1);
    await first.stop();
    await write([{ sequence: 3, key: 'leader' }]);
    await waitForDrain('the second relay to take over');
    const sequences = await sequencesOf('leader');
    expect(sequences).toEqual([1, 2, 3]);
  });

  it('publishes the backlog left by a relay that stopped while the broker was down', async () => {
    const stalled = relay({ flushTimeoutMs: 500, backoffInitialMs: 100 });
    kafka.pause();
    try {
      await stalled.start();
      await write([{ sequence: 1, key: 'backlog' }, { sequence: 2, key: 'backlog' }]);
      await waitFor(() => stalled.snapshot().consecutiveFailures >= 1, { timeoutMs: 45_000, description: 'a failed publish' });
      await stalled.stop();
    } finally {
      kafka.resume();
    }
    const backlog = await stalled.backlog();
    expect(backlog.pending).toBe(2);
    const restarted = relay();
    await restarted.start();
    await waitFor(async () => (await restarted.backlog()).pending === 0, { timeoutMs: 30_000, description: 'the backlog to drain' });
    const sequences = await sequencesOf('backlog');
    // At least once: a produce that timed out while frozen may also have landed.
    expect(new Set(sequences)).toEqual(new Set([1, 2]));
    expect(sequences.indexOf(1)).toBeLessThan(sequences.lastIndexOf(2));
  });
});

describe('event consumer', () => {
  it('retries a failing handler a bounded number of times, then dead-letters it and goes on', async () => {
    const clients = new KafkaClients(settings, silentLogger);
    const consumer = new EventConsumer(
      clients,
      dataSource,
      SCHEMA,
      settings,
      { groupId: 'messaging-test-retries', maxAttempts: 3, retryInitialMs: 20, retryMaxMs: 50 },
      silentLogger,
      metrics(),
    );
    closers.push(async () => {
      await consumer.stop();
      await clients.close();
    });
    const attempts = new Map<number, number>();
    consumer.on(ProbeRecorded, async (event, em) => {
      if (event.data.key !== 'retry') return; // the topic also holds earlier tests' probes
      const seen = (attempts.get(event.data.sequence) ?? 0) + 1;
      attempts.set(event.data.sequence, seen);
      await em.query(`INSERT INTO "${SCHEMA}"."probe" ("key", "sequence") VALUES ($1, $2)`, [event.data.key, event.data.sequence]);
      if (event.data.fail === 'always' || (event.data.fail === 'twice' && seen <= 2)) {
        throw new Error(`probe ${event.data.sequence} fails on attempt ${seen}`);
      }
    });
    await write([
      { sequence: 1, key: 'retry', fail: 'always' },
      { sequence: 2, key: 'retry', fail: 'twice' },
      { sequence: 3, key: 'retry' },
    ]);
    await relay().start();
    consumer.start();

    // Wait for the committed effect of the record after the poison one, not for its handler to start.
    await waitFor(
      async () => {
        const [{ n }] = (await dataSource.query(`SELECT count(*)::int AS n FROM "${SCHEMA}"."probe" WHERE "key" = 'retry' AND "sequence" = 3`)) as Array<{ n: number }>;
        return n === 1;
      },
      { timeoutMs: 30_000, description: 'the record after the poison one' },
    );
    expect(attempts.get(3)).toBe(1);
    expect(attempts.get(1)).toBe(3);
    expect(attempts.get(2)).toBe(3);
    // A failed attempt's writes roll back with it: only the successful handlings left rows.
    const rows = (await dataSource.query(`SELECT "sequence" FROM "${SCHEMA}"."probe" ORDER BY "sequence"`)) as Array<{ sequence: number }>;
    expect(rows.map((r) => r.sequence)).toEqual([2, 3]);
    const dead = (await raw.readAll(deadLetterTopic(ProbeRecorded.topic))).filter((r) => r.key === 'retry');
    expect(dead).toHaveLength(1);
    expect(dead[0].headers).toMatchObject({
      'dlt-reason': 'handler-failed',
      'dlt-attempts': '3',
      'dlt-error': 'probe 1 fails on attempt 3',
      'dlt-consumer-group': 'messaging-test-retries',
      ce_type: ProbeRecorded.type,
    });
    expect(JSON.parse(dead[0].value!)).toMatchObject({ sequence: 1 });
  });

  it('carries the correlation id of the event it handles into the events it writes', async () => {
    const clients = new KafkaClients(settings, silentLogger);
    const consumer = new EventConsumer(clients, dataSource, SCHEMA, settings, { groupId: 'messaging-test-causation' }, silentLogger, metrics());
    closers.push(async () => {
      await consumer.stop();
      await clients.close();
    });
    consumer.on(ProbeRecorded, async (event, em) => {
      if (event.data.key === 'cause') {
        await publisher.publish(em, ProbeRecorded, { sequence: 2, key: 'caused' }, { subject: 'caused' });
      }
    });
    await write([{ sequence: 1, key: 'cause' }]);
    await relay().start();
    consumer.start();
    const [cause] = (await dataSource.query(`SELECT event_id, headers FROM "${SCHEMA}"."outbox" WHERE key = 'cause'`)) as Array<{
      event_id: string;
      headers: Record<string, string>;
    }>;
    const effect = await waitFor(async () => {
      const [row] = (await dataSource.query(`SELECT headers FROM "${SCHEMA}"."outbox" WHERE key = 'caused'`)) as Array<{ headers: Record<string, string> }>;
      return row?.headers;
    }, { timeoutMs: 30_000, description: 'the caused event' });
    expect(effect.ce_correlationid).toBe(cause.headers.ce_correlationid);
    expect(effect.ce_causationid).toBe(cause.event_id);
  });
});

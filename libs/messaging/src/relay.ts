import { Client } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import type { Logger } from 'pino';
import type { Metrics } from '@seriktes/observability';
import type { KafkaClients } from './kafka';
import { backoffDelay, type RelaySettings } from './options';
import { outboxChannel } from './outbox';
import { Stopper } from './stoppable';

interface OutboxRow {
  position: string;
  event_id: string;
  topic: string;
  key: string;
  headers: Record<string, string>;
  value: string;
  created_at: Date;
}

interface Round {
  /** Rows published in this round. */
  published: number;
  /** Set when the publish failed; the rows stay unpublished. */
  error?: Error;
  /** False when another instance holds the relay lock of this schema. */
  leader: boolean;
}

export interface RelayStatus {
  running: boolean;
  leader: boolean;
  consecutiveFailures: number;
  lastError?: string;
  lastPublishedAt?: string;
}

/**
 * Publishes the outbox of one schema to Kafka, in outbox order, and marks rows sent.
 *
 * - One relay per schema publishes at a time (a transaction-level advisory lock), so the order of
 *   rows, and with it the order of events per key, is the commit order of the outbox.
 * - It wakes on NOTIFY from the writing transaction, and polls as a fallback; it never spins.
 * - If Kafka is unreachable the rows stay, attempts and the error are recorded, and it retries with
 *   capped exponential backoff with jitter. A restarted relay simply continues with the unpublished rows.
 * - Delivery is at least once (a send that timed out may still have landed); consumers deduplicate
 *   on the event id.
 */
export class OutboxRelay {
  private readonly stopper = new Stopper();
  private loop?: Promise<void>;
  private listener?: Client;
  private wakeRequested = false;
  private wake?: () => void;
  private readonly status: RelayStatus = { running: false, leader: false, consecutiveFailures: 0 };
  private purgeTimer?: NodeJS.Timeout;
  private readonly published;
  private readonly failures;
  private readonly settings: Required<RelaySettings>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clients: KafkaClients,
    private readonly schema: string,
    settings: RelaySettings,
    private readonly logger: Logger,
    metrics: Metrics,
  ) {
    this.settings = {
      batchSize: settings.batchSize ?? 500,
      pollIntervalMs: settings.pollIntervalMs ?? 1000,
      backoffInitialMs: settings.backoffInitialMs ?? 200,
      backoffMaxMs: settings.backoffMaxMs ?? 30_000,
      flushTimeoutMs: settings.flushTimeoutMs ?? 5000,
      retentionHours: settings.retentionHours ?? 24 * 7,
    };
    this.published = metrics.counter('seriktes_outbox_published_total', 'Outbox rows published to Kafka');
    this.failures = metrics.counter('seriktes_outbox_publish_failures_total', 'Failed outbox publish rounds');
  }

  async start(): Promise<void> {
    if (this.status.running) return;
    this.stopper.reset();
    this.status.running = true;
    await this.listen();
    this.loop = this.run();
    this.purgeTimer = setInterval(() => void this.purge(), 60 * 60 * 1000);
    this.purgeTimer.unref();
  }

  /** Stops the loop, then publishes what is left for up to `flushTimeoutMs`. */
  async stop(): Promise<void> {
    if (!this.status.running) return;
    this.status.running = false;
    this.stopper.stop();
    clearInterval(this.purgeTimer);
    await this.loop;
    await this.flush();
    await this.listener?.end().catch(() => undefined);
    this.listener = undefined;
  }

  snapshot(): RelayStatus {
    return { ...this.status };
  }

  /** Unpublished rows and the age of the oldest, for `GET /health`. */
  async backlog(): Promise<{ pending: number; oldestPendingSeconds: number }> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS pending,
              coalesce(extract(epoch FROM now() - min(created_at)), 0)::float AS oldest
         FROM "${this.schema}"."outbox" WHERE published_at IS NULL`,
    )) as Array<{ pending: number; oldest: number }>;
    return { pending: row.pending, oldestPendingSeconds: Math.round(row.oldest) };
  }

  private async listen(): Promise<void> {
    const url = (this.dataSource.options as { url?: string }).url;
    const client = new Client({ connectionString: url, application_name: `${this.schema}-relay` });
    client.on('notification', () => this.requestWake());
    client.on('error', (error) => {
      this.logger.warn({ err: error }, 'outbox listener lost its connection; polling until it is back');
      this.listener = undefined;
      if (this.status.running) {
        setTimeout(() => void this.listen(), this.settings.pollIntervalMs).unref();
      }
    });
    try {
      await client.connect();
      await client.query(`LISTEN "${outboxChannel(this.schema)}"`);
      this.listener = client;
      this.requestWake();
    } catch (error) {
      this.logger.warn({ err: error }, 'outbox listener could not connect; polling instead');
      await client.end().catch(() => undefined);
      if (this.status.running) setTimeout(() => void this.listen(), this.settings.pollIntervalMs * 5).unref();
    }
  }

  private requestWake(): void {
    this.wakeRequested = true;
    this.wake?.();
  }

  private async idle(): Promise<void> {
    if (this.wakeRequested) {
      this.wakeRequested = false;
      return;
    }
    await this.stopper.sleep(this.settings.pollIntervalMs, (wake) => {
      this.wake = wake;
      return () => {
        this.wake = undefined;
      };
    });
    this.wakeRequested = false;
  }

  private async run(): Promise<void> {
    while (!this.stopper.isStopped) {
      let round: Round;
      try {
        round = await this.round();
      } catch (error) {
        round = { published: 0, error: error as Error, leader: this.status.leader };
      }
      if (round.error) {
        this.status.consecutiveFailures += 1;
        this.status.lastError = round.error.message;
        this.failures.inc();
        const delay = backoffDelay(
          this.status.consecutiveFailures,
          this.settings.backoffInitialMs,
          this.settings.backoffMaxMs,
        );
        this.logger.warn(
          { err: round.error, attempt: this.status.consecutiveFailures, retryInMs: delay },
          'outbox publish failed; will retry',
        );
        // Not interruptible by NOTIFY: new writes during an outage must not turn backoff into a busy loop.
        await this.stopper.sleep(delay);
        continue;
      }
      if (this.status.consecutiveFailures > 0) {
        this.logger.info({ after: this.status.consecutiveFailures }, 'outbox publishing recovered');
      }
      this.status.consecutiveFailures = 0;
      this.status.lastError = undefined;
      if (round.published < this.settings.batchSize) await this.idle();
    }
  }

  /** One round: under the schema's relay lock, publish the oldest unpublished rows in order. */
  private round(): Promise<Round> {
    return this.dataSource.transaction(async (em) => {
      const [{ leader }] = (await em.query('SELECT pg_try_advisory_xact_lock(hashtext($1)) AS leader', [
        `seriktes-outbox:${this.schema}`,
      ])) as Array<{ leader: boolean }>;
      this.status.leader = leader;
      if (!leader) return { published: 0, leader };
      const rows = (await em.query(
        `SELECT "position", event_id, topic, key, headers, value, created_at
           FROM "${this.schema}"."outbox" WHERE published_at IS NULL
          ORDER BY "position" LIMIT $1`,
        [this.settings.batchSize],
      )) as OutboxRow[];
      if (rows.length === 0) return { published: 0, leader };
      try {
        await this.send(rows);
      } catch (error) {
        await this.markAttempt(em, rows, error as Error);
        return { published: 0, leader, error: error as Error };
      }
      await em.query(
        `UPDATE "${this.schema}"."outbox"
            SET published_at = now(), attempts = attempts + 1, last_attempt_at = now(), last_error = NULL
          WHERE "position" = ANY($1::bigint[])`,
        [rows.map((r) => r.position)],
      );
      this.published.inc(rows.length);
      this.status.lastPublishedAt = new Date().toISOString();
      return { published: rows.length, leader };
    });
  }

  private async send(rows: OutboxRow[]): Promise<void> {
    const producer = await this.clients.producerReady();
    const byTopic = new Map<string, Array<{ key: string; value: string; headers: Record<string, string>; timestamp: string }>>();
    for (const row of rows) {
      const messages = byTopic.get(row.topic) ?? [];
      messages.push({ key: row.key, value: row.value, headers: row.headers, timestamp: String(row.created_at.getTime()) });
      byTopic.set(row.topic, messages);
    }
    await producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic.entries()].map(([topic, messages]) => ({ topic, messages })),
    });
  }

  private async markAttempt(em: EntityManager, rows: OutboxRow[], error: Error): Promise<void> {
    await em.query(
      `UPDATE "${this.schema}"."outbox"
          SET attempts = attempts + 1, last_attempt_at = now(), last_error = $2
        WHERE "position" = ANY($1::bigint[])`,
      [rows.map((r) => r.position), error.message.slice(0, 2000)],
    );
  }

  private async flush(): Promise<void> {
    const deadline = Date.now() + this.settings.flushTimeoutMs;
    while (Date.now() < deadline) {
      let round: Round;
      try {
        round = await this.round();
      } catch (error) {
        this.logger.warn({ err: error }, 'outbox flush at shutdown failed; rows stay for the next start');
        return;
      }
      if (round.error) {
        this.logger.warn({ err: round.error }, 'outbox flush at shutdown failed; rows stay for the next start');
        return;
      }
      if (!round.leader || round.published < this.settings.batchSize) return;
    }
  }

  private async purge(): Promise<void> {
    try {
      await this.dataSource.query(
        `DELETE FROM "${this.schema}"."outbox" WHERE published_at < now() - make_interval(hours => $1)`,
        [this.settings.retentionHours],
      );
    } catch (error) {
      this.logger.warn({ err: error }, 'outbox purge failed');
    }
  }
}

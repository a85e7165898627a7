import type { Consumer, EachMessagePayload, IHeaders, KafkaMessage } from 'kafkajs';
import type { DataSource, EntityManager } from 'typeorm';
import type { Logger } from 'pino';
import {
  deadLetterTopic,
  decodeHeaders,
  EnvelopeError,
  fromKafkaRecord,
  validateEventData,
  type CloudEvent,
  type EventType,
} from '@seriktes/contracts';
import { runInContext, type Metrics } from '@seriktes/observability';
import type { KafkaClients } from './kafka';
import { backoffDelay, physicalTopic, type ConsumerSettings, type KafkaSettings } from './options';
import { Stopper } from './stoppable';

/**
 * Handles one event inside the transaction that also records it in the inbox: its writes and the
 * inbox row commit together, so a redelivered event is skipped and a failed one leaves no trace.
 */
export type EventHandler<T> = (event: CloudEvent<T>, em: EntityManager) => Promise<void>;

export type DeadLetterReason = 'invalid-envelope' | 'invalid-data' | 'handler-failed';

interface Registration {
  type: EventType<unknown>;
  handler: EventHandler<unknown>;
}

export interface ConsumerStatus {
  groupId: string;
  topics: string[];
  state: 'idle' | 'connecting' | 'joined' | 'stopped' | 'crashed';
  lastError?: string;
}

/**
 * The one way services consume events: validation against the catalogue, an inbox keyed by event
 * id, bounded retries with backoff, then `<topic>.dlt` with the error and the original headers.
 * A record that can never succeed is dead-lettered and its offset committed, so it never blocks its
 * partition. Offsets are committed after the record's transaction, so a restart resumes where
 * processing stopped; anything processed but not yet committed is skipped by the inbox.
 */
export class EventConsumer {
  private readonly registrations = new Map<string, Registration>();
  private consumer?: Consumer;
  private readonly stopper = new Stopper();
  private running = false;
  private starting?: Promise<void>;
  private joinedOnce?: () => void;
  readonly joined: Promise<void>;
  private readonly status: ConsumerStatus;
  private readonly settings: Required<ConsumerSettings>;
  private readonly consumed;
  private readonly handling;
  private purgeTimer?: NodeJS.Timeout;

  constructor(
    private readonly clients: KafkaClients,
    private readonly dataSource: DataSource,
    private readonly schema: string,
    private readonly kafkaSettings: KafkaSettings,
    settings: ConsumerSettings & { groupId: string },
    private readonly logger: Logger,
    metrics: Metrics,
  ) {
    this.settings = {
      groupId: settings.groupId,
      maxAttempts: settings.maxAttempts ?? 5,
      retryInitialMs: settings.retryInitialMs ?? 100,
      retryMaxMs: settings.retryMaxMs ?? 5000,
      fromBeginning: settings.fromBeginning ?? true,
      partitionConcurrency: settings.partitionConcurrency ?? 4,
    };
    this.status = { groupId: settings.groupId, topics: [], state: 'idle' };
    this.joined = new Promise((resolve) => (this.joinedOnce = resolve));
    this.consumed = metrics.counter('seriktes_events_consumed_total', 'Records read, by event type and outcome', [
      'type',
      'outcome',
    ]);
    this.handling = metrics.histogram('seriktes_event_handling_seconds', 'Time to handle one event', ['type']);
  }

  /** Registers the handler of an event type. Call before the application starts (e.g. in onModuleInit). */
  on<T>(type: EventType<T>, handler: EventHandler<T>): void {
    if (this.running) throw new Error(`cannot register ${type.type}: the consumer is already running`);
    if (this.registrations.has(type.type)) throw new Error(`${type.type} has a handler already`);
    this.registrations.set(type.type, { type: type as EventType<unknown>, handler: handler as EventHandler<unknown> });
  }

  get topics(): string[] {
    return [...new Set([...this.registrations.values()].map((r) => physicalTopic(this.kafkaSettings.topicPrefix, r.type.topic)))];
  }

  snapshot(): ConsumerStatus {
    return { ...this.status, topics: this.topics };
  }

  /** Starts consuming in the background; connection failures are retried until `stop()`. */
  start(): void {
    if (this.running || this.registrations.size === 0) return;
    this.running = true;
    this.stopper.reset();
    this.status.topics = this.topics;
    this.starting = this.connectWithRetry();
    this.purgeTimer = setInterval(() => void this.purgeInbox(), 60 * 60 * 1000);
    this.purgeTimer.unref();
  }

  /** Stops fetching, lets the record in hand finish, commits offsets and leaves the group. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.stopper.stop();
    clearInterval(this.purgeTimer);
    await this.starting;
    await this.consumer?.disconnect().catch((error: unknown) => this.logger.warn({ err: error }, 'consumer disconnect failed'));
    this.consumer = undefined;
    this.status.state = 'stopped';
  }

  private async connectWithRetry(): Promise<void> {
    for (let attempt = 1; this.running; attempt++) {
      this.status.state = 'connecting';
      const consumer = this.clients.kafka.consumer({
        groupId: this.settings.groupId,
        allowAutoTopicCreation: true,
        maxWaitTimeInMs: this.kafkaSettings.maxWaitTimeMs ?? 5000,
        sessionTimeout: this.kafkaSettings.sessionTimeoutMs ?? 30_000,
        rebalanceTimeout: this.kafkaSettings.sessionTimeoutMs ?? 30_000,
        heartbeatInterval: this.kafkaSettings.heartbeatIntervalMs ?? 3000,
        retry: { initialRetryTime: 200, maxRetryTime: 5000, retries: 8 },
      });
      consumer.on(consumer.events.GROUP_JOIN, (e) => {
        this.status.state = 'joined';
        this.status.lastError = undefined;
        this.logger.info({ groupId: e.payload.groupId, assignment: e.payload.memberAssignment }, 'consumer joined its group');
        this.joinedOnce?.();
      });
      consumer.on(consumer.events.CRASH, (e) => {
        this.status.state = 'crashed';
        this.status.lastError = e.payload.error.message;
        this.logger.error({ err: e.payload.error, restart: e.payload.restart }, 'consumer crashed');
        if (!e.payload.restart && this.running) {
          // kafkajs gave up on a non-retriable error: start over with a new consumer.
          this.consumer = undefined;
          void consumer.disconnect().catch(() => undefined);
          this.starting = this.stopper.sleep(2000).then(() => this.connectWithRetry());
        }
      });
      try {
        await consumer.connect();
        await consumer.subscribe({ topics: this.topics, fromBeginning: this.settings.fromBeginning });
        await consumer.run({
          autoCommit: true,
          partitionsConsumedConcurrently: this.settings.partitionConcurrency,
          eachMessage: (payload) => this.handle(payload),
        });
        this.consumer = consumer;
        return;
      } catch (error) {
        this.status.lastError = (error as Error).message;
        await consumer.disconnect().catch(() => undefined);
        const delay = backoffDelay(attempt, 500, 30_000);
        this.logger.warn({ err: error, retryInMs: delay }, 'consumer could not start; retrying');
        await this.stopper.sleep(delay);
      }
    }
  }

  private async handle({ topic, partition, message, heartbeat }: EachMessagePayload): Promise<void> {
    const headers = decodeHeaders(message.headers as Record<string, unknown>);
    let event: CloudEvent;
    try {
      event = fromKafkaRecord({ key: message.key?.toString('utf8'), value: message.value?.toString('utf8') ?? null, headers });
    } catch (error) {
      if (!(error instanceof EnvelopeError)) throw error;
      await this.deadLetter(topic, partition, message, 'invalid-envelope', error.message, 0);
      this.consumed.inc({ type: headers.ce_type ?? 'unknown', outcome: 'dead-lettered' });
      return;
    }
    const registration = this.registrations.get(event.type);
    if (!registration) {
      this.consumed.inc({ type: event.type, outcome: 'ignored' });
      return;
    }
    const validation = validateEventData(event.type, event.data);
    if (!validation.ok) {
      await this.deadLetter(topic, partition, message, 'invalid-data', validation.errors.join('; '), 0);
      this.consumed.inc({ type: event.type, outcome: 'dead-lettered' });
      return;
    }

    const context = { correlationId: event.correlationid, causationId: event.id };
    for (let attempt = 1; ; attempt++) {
      const stopTimer = this.handling.startTimer({ type: event.type });
      try {
        const outcome = await runInContext(context, () =>
          this.dataSource.transaction(async (em) => {
            const inserted = (await em.query(
              `INSERT INTO "${this.schema}"."inbox"
                 ("consumer_group", "event_id", "type", "topic", "partition", "offset", "correlation_id")
               VALUES ($1, $2, $3, $4, $5, $6, $7)
               ON CONFLICT DO NOTHING RETURNING "event_id"`,
              [this.settings.groupId, event.id, event.type, topic, partition, message.offset, event.correlationid],
            )) as unknown[];
            if (inserted.length === 0) return 'duplicate' as const;
            await registration.handler(event, em);
            return 'processed' as const;
          }),
        );
        stopTimer();
        this.consumed.inc({ type: event.type, outcome });
        if (outcome === 'duplicate') {
          this.logger.debug({ eventId: event.id, type: event.type }, 'duplicate event skipped');
        }
        return;
      } catch (error) {
        stopTimer();
        // Shutting down: leave the offset uncommitted; the record comes back after the restart.
        if (!this.running) throw error;
        if (attempt >= this.settings.maxAttempts) {
          await runInContext(context, () =>
            this.deadLetter(topic, partition, message, 'handler-failed', (error as Error).message, attempt),
          );
          this.consumed.inc({ type: event.type, outcome: 'dead-lettered' });
          return;
        }
        const delay = backoffDelay(attempt, this.settings.retryInitialMs, this.settings.retryMaxMs);
        this.consumed.inc({ type: event.type, outcome: 'retried' });
        runInContext(context, () =>
          this.logger.warn({ err: error, eventId: event.id, type: event.type, attempt, retryInMs: delay }, 'event handler failed; retrying'),
        );
        await this.stopper.sleep(delay);
        await heartbeat();
      }
    }
  }

  private async deadLetter(
    topic: string,
    partition: number,
    message: KafkaMessage,
    reason: DeadLetterReason,
    error: string,
    attempts: number,
  ): Promise<void> {
    const dlt = deadLetterTopic(topic);
    const headers: IHeaders = {
      ...message.headers,
      'dlt-reason': reason,
      'dlt-error': error.slice(0, 4000),
      'dlt-attempts': String(attempts),
      'dlt-original-topic': topic,
      'dlt-original-partition': String(partition),
      'dlt-original-offset': message.offset,
      'dlt-consumer-group': this.settings.groupId,
      'dlt-failed-at': new Date().toISOString(),
    };
    // If this send fails the error propagates: the offset is not committed and the record is retried.
    const producer = await this.clients.producerReady();
    await producer.send({ topic: dlt, acks: -1, messages: [{ key: message.key, value: message.value, headers }] });
    this.logger.error({ topic, partition, offset: message.offset, reason, error, deadLetterTopic: dlt }, 'record dead-lettered');
  }

  private async purgeInbox(retentionDays = 30): Promise<void> {
    try {
      await this.dataSource.query(
        `DELETE FROM "${this.schema}"."inbox" WHERE processed_at < now() - make_interval(days => $1)`,
        [retentionDays],
      );
    } catch (error) {
      this.logger.warn({ err: error }, 'inbox purge failed');
    }
  }
}

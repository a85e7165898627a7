import type { EntityManager } from 'typeorm';
import {
  createEvent,
  eventSource,
  toKafkaRecord,
  validateEventData,
  type CloudEvent,
  type EventType,
} from '@seriktes/contracts';
import { currentContext } from '@seriktes/observability';
import { physicalTopic } from './options';

export class EventValidationError extends Error {
  constructor(
    readonly type: string,
    readonly errors: string[],
  ) {
    super(`event ${type} does not match its schema: ${errors.join('; ')}`);
    this.name = 'EventValidationError';
  }
}

export interface PublishOptions {
  /** The aggregate id: Kafka key and `ce_subject`. */
  subject: string;
  /** Event id; a new UUID by default. */
  id?: string;
  /** When the change happened; now by default. */
  time?: Date;
}

/** The NOTIFY channel on which the relay of a schema waits for new outbox rows. */
export function outboxChannel(schema: string): string {
  return `seriktes_outbox_${schema}`;
}

/**
 * Writes events into the outbox of a service, inside the caller's transaction: the business rows
 * and the event commit together or not at all. The relay publishes them after the commit.
 */
export class EventPublisher {
  constructor(
    private readonly service: string,
    private readonly schema: string,
    private readonly topicPrefix = '',
  ) {}

  async publish<T>(em: EntityManager, type: EventType<T>, data: T, options: PublishOptions): Promise<CloudEvent<T>> {
    if (!em.queryRunner?.isTransactionActive) {
      throw new Error(`publish(${type.type}) needs the EntityManager of an open transaction (dataSource.transaction(em => ...))`);
    }
    const validation = validateEventData(type.type, data);
    if (!validation.ok) throw new EventValidationError(type.type, validation.errors);

    const context = currentContext();
    const event = createEvent(type.type, data, {
      subject: options.subject,
      source: eventSource(this.service),
      id: options.id,
      time: options.time,
      correlationId: context?.correlationId,
      causationId: context?.causationId,
    });
    const record = toKafkaRecord(event);
    await em.query(
      `INSERT INTO "${this.schema}"."outbox" ("event_id", "topic", "key", "type", "headers", "value")
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [event.id, physicalTopic(this.topicPrefix, type.topic), record.key, type.type, JSON.stringify(record.headers), record.value],
    );
    // Delivered at commit, and only if the transaction commits: wakes the relay at once.
    await em.query('SELECT pg_notify($1, $2)', [outboxChannel(this.schema), '']);
    return event;
  }

  /**
   * Many events of one type in one statement (a batch of work that emits an event per item), with
   * the same guarantees as `publish`: validated, written in the caller's transaction, in order.
   */
  async publishMany<T>(em: EntityManager, type: EventType<T>, items: ReadonlyArray<{ data: T; options: PublishOptions }>): Promise<Array<CloudEvent<T>>> {
    if (!em.queryRunner?.isTransactionActive) {
      throw new Error(`publishMany(${type.type}) needs the EntityManager of an open transaction (dataSource.transaction(em => ...))`);
    }
    if (items.length === 0) return [];
    const context = currentContext();
    const topic = physicalTopic(this.topicPrefix, type.topic);
    const events: Array<CloudEvent<T>> = [];
    const columns: [string[], string[], string[], string[], string[]] = [[], [], [], [], []];
    for (const { data, options } of items) {
      const validation = validateEventData(type.type, data);
      if (!validation.ok) throw new EventValidationError(type.type, validation.errors);
      const event = createEvent(type.type, data, {
        subject: options.subject,
        source: eventSource(this.service),
        id: options.id,
        time: options.time,
        correlationId: context?.correlationId,
        causationId: context?.causationId,
      });
      const record = toKafkaRecord(event);
      events.push(event);
      columns[0].push(event.id);
      columns[1].push(record.key);
      columns[2].push(record.value);
      columns[3].push(JSON.stringify(record.headers));
      columns[4].push(type.type);
    }
    await em.query(
      `INSERT INTO "${this.schema}"."outbox" ("event_id", "topic", "key", "type", "headers", "value")
       SELECT e, $1, k, t, h::jsonb, v FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[]) WITH ORDINALITY AS u(e, k, v, h, t, i) ORDER BY i`,
      [topic, columns[0], columns[1], columns[2], columns[3], columns[4]],
    );
    await em.query('SELECT pg_notify($1, $2)', [outboxChannel(this.schema), '']);
    return events;
  }
}

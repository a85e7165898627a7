import {
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { HealthRegistry, LOGGER, Metrics } from '@seriktes/observability';
import { EventConsumer } from './consumer';
import { KafkaClients } from './kafka';
import type { MessagingOptions } from './options';
import { EventPublisher } from './outbox';
import { OutboxRelay } from './relay';

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

/**
 * Starts the relay and the consumer once every module has registered its handlers, and stops them
 * in the order that loses nothing: stop consuming (no new outbox rows from handlers), flush the
 * relay, close the producer; the database closes after this.
 */
class MessagingLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    private readonly options: MessagingOptions,
    private readonly clients: KafkaClients,
    private readonly relay: OutboxRelay,
    private readonly consumer: EventConsumer,
    private readonly health: HealthRegistry,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.health.register(
      'outbox',
      async () => {
        const backlog = await this.relay.backlog();
        const status = this.relay.snapshot();
        if (status.consecutiveFailures > 0) {
          throw new Error(`publishing failed ${status.consecutiveFailures} time(s): ${status.lastError}; ${backlog.pending} pending`);
        }
        return { ...backlog, leader: status.leader, lastPublishedAt: status.lastPublishedAt };
      },
      { critical: false },
    );
    if (this.consumer.topics.length) {
      this.health.register(
        'consumer',
        async () => {
          const status = this.consumer.snapshot();
          if (status.state !== 'joined') throw new Error(`consumer ${status.state}${status.lastError ? `: ${status.lastError}` : ''}`);
          return { groupId: status.groupId, topics: status.topics };
        },
        { critical: false },
      );
    }
    if (this.options.relayEnabled !== false) await this.relay.start();
    this.consumer.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer.stop();
    await this.relay.stop();
    await this.clients.close();
  }
}

/** The event backbone of a service: outbox publisher and relay, idempotent consumer, dead letters. */
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        {
          provide: KafkaClients,
          inject: [LOGGER],
          useFactory: (logger: Logger) => new KafkaClients(options.kafka, logger.child({ component: 'kafka' })),
        },
        {
          provide: EventPublisher,
          useFactory: () => new EventPublisher(options.service, options.schema, options.kafka.topicPrefix),
        },
        {
          provide: OutboxRelay,
          inject: [DataSource, KafkaClients, LOGGER, Metrics],
          useFactory: (dataSource: DataSource, clients: KafkaClients, logger: Logger, metrics: Metrics) =>
            new OutboxRelay(dataSource, clients, options.schema, options.relay ?? {}, logger.child({ component: 'outbox-relay' }), metrics),
        },
        {
          provide: EventConsumer,
          inject: [DataSource, KafkaClients, LOGGER, Metrics],
          useFactory: (dataSource: DataSource, clients: KafkaClients, logger: Logger, metrics: Metrics) =>
            new EventConsumer(
              clients,
              dataSource,
              options.schema,
              options.kafka,
              { ...options.consumer, groupId: options.consumer?.groupId ?? options.service },
              logger.child({ component: 'consumer' }),
              metrics,
            ),
        },
        {
          provide: MessagingLifecycle,
          inject: [KafkaClients, OutboxRelay, EventConsumer, HealthRegistry],
          useFactory: (clients: KafkaClients, relay: OutboxRelay, consumer: EventConsumer, health: HealthRegistry) =>
            new MessagingLifecycle(options, clients, relay, consumer, health),
        },
      ],
      exports: [EventPublisher, EventConsumer, OutboxRelay],
    };
  }
}

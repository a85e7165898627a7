import type { DynamicModule } from '@nestjs/common';
import { kafkaSettingsFrom, MessagingModule, messagingMigrations, type KafkaConfig, type MessagingOptions } from '@seriktes/messaging';
import { ObservabilityModule, type Logger } from '@seriktes/observability';
import { PersistenceModule, type ServiceDatabaseOptions } from '@seriktes/persistence';

export interface PlatformConfig extends KafkaConfig {
  DATABASE_URL: string;
  LOG_LEVEL: string;
}

export interface ServiceDefinition {
  service: string;
  schema: string;
  entities: ServiceDatabaseOptions['entities'];
  /** The service's own migrations; the messaging tables' are added before them. */
  migrations: Array<new () => unknown>;
  consumer?: MessagingOptions['consumer'];
  relay?: MessagingOptions['relay'];
}

/** Database options of a service, for its Nest module and its `migrate` command alike. */
export function databaseOptions(definition: ServiceDefinition, config: Pick<PlatformConfig, 'DATABASE_URL'>): ServiceDatabaseOptions {
  return {
    url: config.DATABASE_URL,
    schema: definition.schema,
    entities: definition.entities,
    migrations: [...messagingMigrations, ...definition.migrations],
    applicationName: definition.service,
  };
}

/** The modules every service imports: logs/health/metrics, its database schema, the event backbone. */
export function platformModules(definition: ServiceDefinition, config: PlatformConfig, logger?: Logger): DynamicModule[] {
  return [
    ObservabilityModule.forRoot({ service: definition.service, logLevel: config.LOG_LEVEL, logger }),
    PersistenceModule.forRoot(definition.service, databaseOptions(definition, config)),
    MessagingModule.forRoot({
      service: definition.service,
      schema: definition.schema,
      kafka: kafkaSettingsFrom(config, definition.service),
      consumer: definition.consumer,
      relay: definition.relay,
    }),
  ];
}

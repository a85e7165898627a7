import type { DynamicModule } from '@nestjs/common';
import { AuditAccessDenied, AuditEntryEntity, AuditModule, auditMigrations } from '@seriktes/audit';
import { ACCESS_DENIED_LISTENER, AuthModule } from '@seriktes/auth';
import { subgraphModule } from '@seriktes/graphql';
import { kafkaSettingsFrom, MessagingModule, messagingMigrations, type KafkaConfig, type MessagingOptions } from '@seriktes/messaging';
import { ObservabilityModule, type Logger } from '@seriktes/observability';
import { PersistenceModule, type ServiceDatabaseOptions } from '@seriktes/persistence';

export interface IdentityConfig {
  KEYCLOAK_URL: string;
  KEYCLOAK_REALM: string;
  KEYCLOAK_CLIENT_ID: string;
  KEYCLOAK_CLIENT_SECRET: string;
}

export interface PlatformConfig extends KafkaConfig, IdentityConfig {
  DATABASE_URL: string;
  LOG_LEVEL: string;
  GRAPHQL_DEBUG: boolean;
}

/** Token verification settings of an app, from its identity variables. */
export function authSettings(config: IdentityConfig) {
  return {
    keycloakUrl: config.KEYCLOAK_URL,
    realm: config.KEYCLOAK_REALM,
    clientId: config.KEYCLOAK_CLIENT_ID,
    clientSecret: config.KEYCLOAK_CLIENT_SECRET,
    verifyAudience: true,
  };
}

export interface ServiceDefinition {
  service: string;
  schema: string;
  entities: ServiceDatabaseOptions['entities'];
  /** The service's own migrations; the messaging and audit tables' are added before them. */
  migrations: Array<new () => unknown>;
  /** Serves a federated GraphQL subgraph at /graphql. */
  graphql?: boolean;
  consumer?: MessagingOptions['consumer'];
  relay?: MessagingOptions['relay'];
}

/** Database options of a service, for its Nest module and its `migrate` command alike. */
export function databaseOptions(definition: ServiceDefinition, config: Pick<PlatformConfig, 'DATABASE_URL'>): ServiceDatabaseOptions {
  return {
    url: config.DATABASE_URL,
    schema: definition.schema,
    entities: [...(definition.entities as unknown[]), AuditEntryEntity] as ServiceDatabaseOptions['entities'],
    migrations: [...messagingMigrations, ...auditMigrations, ...definition.migrations],
    applicationName: definition.service,
  };
}

/**
 * The modules every service imports: logs/health/metrics, its database schema, the event backbone,
 * authentication (every route and resolver needs a valid token unless `@Public()`), and its
 * GraphQL subgraph.
 */
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
    { module: AuditModule, global: true },
    // Refusals for a missing role go to the audit log too (service-level denials record themselves).
    AuthModule.forRoot(authSettings(config), [{ provide: ACCESS_DENIED_LISTENER, useClass: AuditAccessDenied }]),
    ...(definition.graphql ? [subgraphModule({ debug: config.GRAPHQL_DEBUG })] : []),
  ];
}

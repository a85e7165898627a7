/**
 * One start-up per suite for a service that runs in the test's own process: real PostgreSQL (a
 * fresh database), the mock Kafka cluster and identity-dev, the service migrated with its own
 * command and booted on a free port, tokens of the demo users the suite acts as, and `restart()` on
 * the same database and broker. A subpath of its own (`@seriktes/runtime/testing`): test code only.
 */
import type { DynamicModule } from '@nestjs/common';
import { createLogger, type Logger } from '@seriktes/observability';
import { createTestDatabase, graphqlRequest, migrateService, startIdentityProvider, startMockKafka, type IdentityProvider, type KafkaHandle, type TestDatabase } from '@seriktes/testing';
import { startServiceApp, type ServiceApp } from './bootstrap';

export interface GqlResult<T> {
  data?: T;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

export interface ServiceHarness<U extends string> {
  app: ServiceApp;
  kafka: KafkaHandle;
  identity: IdentityProvider;
  db: TestDatabase;
  tokens: Record<U, string>;
  /** A GraphQL operation at the service as `user` (null: without a token). */
  gql<T = Record<string, unknown>>(user: U | null, query: string, variables?: Record<string, unknown>): Promise<GqlResult<T>>;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export interface ServiceHarnessOptions<U extends string> {
  /** The app's name, as `nx run <service>:migrate` knows it. */
  service: string;
  /** Prefix of the test database's name. */
  database: string;
  /** Demo users the suite acts as. */
  users: readonly U[];
  /** Variables beyond the infrastructure ones, e.g. background jobs off (`..._INTERVAL_MS: '0'`). */
  env?: Record<string, string>;
  /** The app's root module from the variables (the app loads its config from them). */
  module(variables: Record<string, string | undefined>, logger: Logger): DynamicModule;
}

export async function startServiceHarness<U extends string>(options: ServiceHarnessOptions<U>): Promise<ServiceHarness<U>> {
  const [kafka, db, identity] = await Promise.all([startMockKafka(), createTestDatabase(options.database), startIdentityProvider()]);
  const infrastructure = { ...kafka.env, ...identity.env, DATABASE_URL: db.url, LOG_LEVEL: 'warn' };
  await migrateService(options.service, infrastructure);
  const variables = { ...process.env, ...infrastructure, PORT: '0', ...options.env };
  const logger = createLogger({ service: options.service, level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const boot = () => startServiceApp({ service: options.service, module: options.module(variables, logger), port: 0, logger });
  const tokens = Object.fromEntries(await Promise.all(options.users.map(async (u) => [u, await identity.token(u)] as const))) as Record<U, string>;
  const h: ServiceHarness<U> = {
    app: await boot(),
    kafka,
    identity,
    db,
    tokens,
    async gql<T>(user: U | null, query: string, variables?: Record<string, unknown>) {
      const { body } = await graphqlRequest<T>(`${h.app.url}/graphql`, query, { token: user ? tokens[user] : undefined, variables });
      return body as GqlResult<T>;
    },
    async restart() {
      await h.app.close();
      h.app = await boot();
    },
    async stop() {
      await h.app?.close();
      await kafka?.stop();
      await identity?.stop();
      await db?.drop();
    },
  };
  return h;
}

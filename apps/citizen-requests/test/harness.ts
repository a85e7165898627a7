/**
 * One start-up for the citizen-requests suites: real PostgreSQL, the mock Kafka cluster,
 * identity-dev, the inspector roster (a separate process, seeded with its demo territory, seen only
 * through its GraphQL API) and citizen-requests in this process, with the scheduler and the
 * notification worker driven by the test (intervals 0).
 */
import { createLogger } from '@seriktes/observability';
import { startServiceApp, type ServiceApp } from '@seriktes/runtime';
import {
  createTestDatabase,
  graphqlRequest,
  migrateService,
  runServiceCommand,
  startIdentityProvider,
  startMockKafka,
  startService,
  type IdentityProvider,
  type KafkaHandle,
  type ServiceProcess,
  type TestDatabase,
} from '@seriktes/testing';
import { AppModule } from '../src/app.module';
import { env } from '../src/config';

export const USERS = ['citizen.demo', 'ast.esil.01', 'ast.esil.02', 'ast.esil.head', 'ast.head', 'hq', 'ast.analyst', 'ast.akimat'] as const;
export type DemoUser = (typeof USERS)[number];

/** A point inside precinct AST-ESL-01 of the roster's demo territory (and one inside AST-ESL-02). */
export const IN_ESL_01 = { lat: 51.146, lon: 71.388 };
export const IN_ESL_02 = { lat: 51.146, lon: 71.4035 };

export interface RequestsHarness {
  app: ServiceApp;
  roster: ServiceProcess;
  kafka: KafkaHandle;
  identity: IdentityProvider;
  db: TestDatabase;
  tokens: Record<DemoUser, string>;
  gql<T = Record<string, unknown>>(user: DemoUser, query: string, variables?: Record<string, unknown>): Promise<{ data?: T; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }>;
  stop(): Promise<void>;
}

export async function startRequestsHarness(name: string, extraEnv: Record<string, string> = {}): Promise<RequestsHarness> {
  const [kafka, db, identity] = await Promise.all([startMockKafka(), createTestDatabase(name), startIdentityProvider()]);
  const serviceEnv = { ...kafka.env, ...identity.env, DATABASE_URL: db.url, LOG_LEVEL: 'warn' };
  await Promise.all([migrateService('citizen-requests', serviceEnv), migrateService('inspector-roster', serviceEnv)]);
  await runServiceCommand('inspector-roster', 'seed/main.ts', serviceEnv);
  const roster = await startService({
    name: 'inspector-roster',
    env: serviceEnv,
    ready: (health: { checks: Record<string, { status: string }> }) => health.checks.database?.status === 'ok',
  });
  const config = env.load({
    ...process.env,
    ...serviceEnv,
    PORT: '0',
    ROSTER_GRAPHQL_URL: `${roster.url}/graphql`,
    DEADLINE_SCAN_INTERVAL_MS: '0',
    NOTIFICATION_INTERVAL_MS: '0',
    ...extraEnv,
  });
  const logger = createLogger({ service: 'citizen-requests', level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const app = await startServiceApp({ service: 'citizen-requests', module: AppModule.forRoot(config, logger), port: 0, logger });
  const tokens = Object.fromEntries(await Promise.all(USERS.map(async (u) => [u, await identity.token(u)] as const))) as Record<DemoUser, string>;
  return {
    app,
    roster,
    kafka,
    identity,
    db,
    tokens,
    async gql<T>(user: DemoUser, query: string, variables?: Record<string, unknown>) {
      const { body } = await graphqlRequest<T>(`${app.url}/graphql`, query, { token: tokens[user], variables });
      return body as { data?: T; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
    },
    async stop() {
      await app?.close();
      await roster?.stop();
      await kafka?.stop();
      await identity?.stop();
      await db?.drop();
    },
  };
}

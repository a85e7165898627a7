/**
 * One start-up for the feedback-surveys suites: real PostgreSQL, the mock Kafka cluster,
 * identity-dev and feedback-surveys in this process, with the invitation, wave and batch jobs driven by the test (citizen-requests is not running: post-contact delivery stays pending).
 * `restart()` stops the service and starts it again on the same database and broker.
 */
import { createLogger } from '@seriktes/observability';
import { startServiceApp, type ServiceApp } from '@seriktes/runtime';
import {
  createTestDatabase,
  graphqlRequest,
  migrateService,
  startIdentityProvider,
  startMockKafka,
  type IdentityProvider,
  type KafkaHandle,
  type TestDatabase,
} from '@seriktes/testing';
import { AppModule } from '../src/app.module';
import { env } from '../src/config';

export const USERS = ['hq', 'ast.head', 'ast.analyst', 'ast.esil.head', 'ast.esil.01', 'ast.esil.02', 'council.ast', 'ast.akimat', 'citizen.demo'] as const;
export type DemoUser = (typeof USERS)[number];

export interface GqlResult<T> {
  data?: T;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

export interface SurveysHarness {
  app: ServiceApp;
  kafka: KafkaHandle;
  identity: IdentityProvider;
  db: TestDatabase;
  tokens: Record<DemoUser, string>;
  gql<T = Record<string, unknown>>(user: DemoUser | null, query: string, variables?: Record<string, unknown>): Promise<GqlResult<T>>;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function startSurveysHarness(name: string): Promise<SurveysHarness> {
  const [kafka, db, identity] = await Promise.all([startMockKafka(), createTestDatabase(name), startIdentityProvider()]);
  const serviceEnv = { ...kafka.env, ...identity.env, DATABASE_URL: db.url, LOG_LEVEL: 'warn' };
  await migrateService('feedback-surveys', serviceEnv);
  const config = env.load({ ...process.env, ...serviceEnv, PORT: '0', INVITATION_INTERVAL_MS: '0', RESPONSE_BATCH_INTERVAL_MS: '0', CITIZEN_REQUESTS_GRAPHQL_URL: 'http://127.0.0.1:9/graphql' });
  const logger = createLogger({ service: 'feedback-surveys', level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const boot = () => startServiceApp({ service: 'feedback-surveys', module: AppModule.forRoot(config, logger), port: 0, logger });
  const tokens = Object.fromEntries(await Promise.all(USERS.map(async (u) => [u, await identity.token(u)] as const))) as Record<DemoUser, string>;
  const h: SurveysHarness = {
    app: await boot(),
    kafka,
    identity,
    db,
    tokens,
    async gql<T>(user: DemoUser | null, query: string, variables?: Record<string, unknown>) {
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

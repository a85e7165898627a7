/**
 * One inspector-roster for a test suite: its own database, broker and identity provider from the
 * shared harness, the app booted in-process, the test territory's reference data loaded, and
 * tokens of the demo users asked for.
 */
import type { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { AuditLog } from '@seriktes/audit';
import { EventConsumer } from '@seriktes/messaging';
import { RawKafka } from '@seriktes/messaging/testing';
import { createLogger } from '@seriktes/observability';
import { startServiceApp, type ServiceApp } from '@seriktes/runtime';
import {
  createTestDatabase,
  graphqlRequest,
  migrateService,
  startIdentityProvider,
  startMockKafka,
  type GraphQLResponse,
  type IdentityProvider,
  type KafkaHandle,
  type TestDatabase,
} from '@seriktes/testing';
import { AppModule } from '../src/app.module';
import { env, type InspectorRosterConfig } from '../src/config';
import { RosterImporter } from '../src/import/importer';
import { AssignmentService } from '../src/inspectors/assignment.service';
import { DISTRICTS, REGIONS } from './fixtures';

export interface TestRoster {
  roster: ServiceApp;
  config: InspectorRosterConfig;
  dataSource: DataSource;
  importer: RosterImporter;
  raw: RawKafka;
  /** The suite's identity provider, e.g. for a service account's token (`clientToken`). */
  identity: IdentityProvider;
  /** Access tokens by name: the demo users asked for; add others (e.g. a client token) to use them with `gql`. */
  tokens: Record<string, string>;
  /** The operator that loads test data. */
  operator: { subject: string; username: string; roles: string[] };
  /** A GraphQL operation as a demo user. */
  gql<T = Record<string, unknown>>(query: string, as: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  stop(): Promise<void>;
}

export async function startTestRoster(database: string, users: readonly string[]): Promise<TestRoster> {
  let kafka: KafkaHandle | undefined;
  let db: TestDatabase | undefined;
  let identity: IdentityProvider | undefined;
  let roster: ServiceApp | undefined;
  let raw: RawKafka | undefined;
  const stop = async () => {
    await raw?.close();
    await roster?.close();
    await kafka?.stop();
    await identity?.stop();
    await db?.drop();
  };
  try {
    [kafka, db, identity] = await Promise.all([startMockKafka(), createTestDatabase(database), startIdentityProvider()]);
    const tokens: Record<string, string> = {};
    for (const user of users) tokens[user] = await identity.token(user);
    await migrateService('inspector-roster', { ...kafka.env, DATABASE_URL: db.url });
    const config = env.load({ ...process.env, ...kafka.env, ...identity.env, DATABASE_URL: db.url, PORT: '0' });
    const logger = createLogger({ service: 'inspector-roster', level: process.env.TEST_LOG_LEVEL ?? 'silent' });
    const app = await startServiceApp({ service: 'inspector-roster', module: AppModule.forRoot(config, logger), port: 0, logger });
    roster = app;
    raw = new RawKafka({ brokers: kafka.brokers });
    const dataSource = app.app.get<DataSource>(getDataSourceToken());
    const importer = new RosterImporter(dataSource, app.app.get(AssignmentService), app.app.get(AuditLog));
    const operator = { subject: 'test', username: 'import:test', roles: ['platform_admin'] };
    await importer.loadReference(REGIONS, DISTRICTS, operator);
    await app.app.get(EventConsumer).joined;
    return {
      roster: app,
      config,
      dataSource,
      importer,
      raw,
      identity,
      tokens,
      operator,
      gql: async <T>(query: string, as: string, variables?: Record<string, unknown>) =>
        (await graphqlRequest<T>(`${app.url}/graphql`, query, { token: tokens[as], variables })).body,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

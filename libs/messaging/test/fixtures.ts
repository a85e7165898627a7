import { DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import { defineEvent, topicName } from '@seriktes/contracts';
import { createLogger, Metrics } from '@seriktes/observability';
import { createServiceDataSource, runMigrations } from '@seriktes/persistence';
import { messagingMigrations } from '../src/migrations';

/** A test-only event type on its own topic, so these tests never touch real catalogue topics. */
export interface ProbeV1 {
  sequence: number;
  key: string;
  fail?: 'always' | 'twice';
}

export const ProbeRecorded = defineEvent<ProbeV1>({
  type: 'kz.seriktes.backbone-probe.recorded.v1',
  topic: topicName('messaging-test', 'backbone-probe', 1),
  producer: 'messaging-test',
  summary: 'A probe of the backbone tests.',
  description: 'Used only by the tests of libs/messaging.',
  keyDescription: 'The probe key.',
  personalData: [],
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['sequence', 'key'],
    properties: {
      sequence: { type: 'integer', minimum: 0 },
      key: { type: 'string', minLength: 1 },
      fail: { type: 'string', enum: ['always', 'twice'], nullable: true },
    },
  },
  example: { sequence: 1, key: 'a' },
});

export const SCHEMA = 'messaging_test';

class ProbeTable1763779999999 implements MigrationInterface {
  name = 'ProbeTable1763779999999';
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "${SCHEMA}"."probe" ("id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "key" text NOT NULL, "sequence" integer NOT NULL)`,
    );
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "${SCHEMA}"."probe"`);
  }
}

export async function probeDataSource(url: string): Promise<DataSource> {
  const dataSource = createServiceDataSource({
    url,
    schema: SCHEMA,
    entities: [],
    migrations: [...messagingMigrations, ProbeTable1763779999999],
  });
  await dataSource.initialize();
  await runMigrations(dataSource);
  return dataSource;
}

export const silentLogger = createLogger({ service: 'messaging-test', level: process.env.TEST_LOG_LEVEL ?? 'silent' });

export function metrics(): Metrics {
  return new Metrics('messaging-test', false);
}

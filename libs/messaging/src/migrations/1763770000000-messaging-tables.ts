import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema as schemaOf } from '@seriktes/persistence';


/**
 * Outbox and inbox of a service, in the service's own schema. Every service lists
 * `messagingMigrations` in its migrations; a change to these tables is a new migration here.
 */
export class MessagingTables1763770000000 implements MigrationInterface {
  name = 'MessagingTables1763770000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${schema}"."outbox" (
        "position"        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        "event_id"        uuid NOT NULL UNIQUE,
        "topic"           text NOT NULL,
        "key"             text NOT NULL,
        "type"            text NOT NULL,
        "headers"         jsonb NOT NULL,
        "value"           text NOT NULL,
        "created_at"      timestamptz NOT NULL DEFAULT now(),
        "published_at"    timestamptz,
        "attempts"        integer NOT NULL DEFAULT 0,
        "last_attempt_at" timestamptz,
        "last_error"      text
      )`);
    await queryRunner.query(
      `CREATE INDEX "outbox_unpublished_idx" ON "${schema}"."outbox" ("position") WHERE "published_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "outbox_published_at_idx" ON "${schema}"."outbox" ("published_at") WHERE "published_at" IS NOT NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE "${schema}"."inbox" (
        "consumer_group"  text NOT NULL,
        "event_id"        text NOT NULL,
        "type"            text NOT NULL,
        "topic"           text NOT NULL,
        "partition"       integer NOT NULL,
        "offset"          bigint NOT NULL,
        "correlation_id"  text,
        "processed_at"    timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY ("consumer_group", "event_id")
      )`);
    await queryRunner.query(`CREATE INDEX "inbox_processed_at_idx" ON "${schema}"."inbox" ("processed_at")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE "${schema}"."inbox"`);
    await queryRunner.query(`DROP TABLE "${schema}"."outbox"`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema as schemaOf } from '@seriktes/persistence';


/**
 * The audit log of a service, in the service's own schema: who read or changed personal data,
 * what, when and why. Every service that touches personal data lists `auditMigrations` in its
 * migrations; a change to this table is a new migration here.
 *
 * Append-only: a trigger refuses UPDATE, DELETE and TRUNCATE, so no code path (and no one at a SQL
 * prompt with the service's credentials) can quietly edit or thin out the trail. The table owner
 * could still disable the trigger or drop the table; that is a deliberate, visible act (DDL), and
 * production should keep DDL rights away from the runtime database user.
 *
 * Retention: rows are kept until a retention period is decided with the data-protection officer
 * and the prosecutor's oversight (personal-data law; not settled in this repository). Expired rows
 * are then removed by a reviewed migration or maintenance job that, in one transaction, disables
 * the trigger, deletes rows older than the period (`occurred_at` index) and enables it again; the
 * application itself never deletes audit rows.
 */
export class AuditLogTable1763773000000 implements MigrationInterface {
  name = 'AuditLogTable1763773000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${schema}"."audit_log" (
        "id"             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "occurred_at"    timestamptz NOT NULL DEFAULT now(),
        "actor_subject"  text NOT NULL,
        "actor_username" text NOT NULL,
        "actor_roles"    text[] NOT NULL,
        "action"         text NOT NULL CONSTRAINT "audit_log_action_check"
                           CHECK ("action" IN ('read', 'create', 'update', 'delete', 'export', 'denied')),
        "entity"         text NOT NULL CONSTRAINT "audit_log_entity_check" CHECK ("entity" ~ '^[a-z][a-z0-9_]{1,62}$'),
        "entity_id"      text,
        "purpose"        text,
        "correlation_id" text,
        "details"        jsonb NOT NULL DEFAULT '{}' CONSTRAINT "audit_log_details_check" CHECK (jsonb_typeof("details") = 'object')
      )`);
    await queryRunner.query(
      `CREATE INDEX "audit_log_entity_idx" ON "${schema}"."audit_log" ("entity", "entity_id", "occurred_at" DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX "audit_log_actor_idx" ON "${schema}"."audit_log" ("actor_subject", "occurred_at" DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX "audit_log_occurred_at_idx" ON "${schema}"."audit_log" ("occurred_at" DESC, "id" DESC)`,
    );
    await queryRunner.query(`
      CREATE FUNCTION "${schema}"."audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP
          USING ERRCODE = 'insufficient_privilege',
                HINT = 'audit rows are never changed or removed; expired rows go only through a reviewed retention job';
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER "audit_log_append_only"
        BEFORE UPDATE OR DELETE OR TRUNCATE ON "${schema}"."audit_log"
        FOR EACH STATEMENT EXECUTE FUNCTION "${schema}"."audit_log_append_only"()`);
    await queryRunner.query(
      `COMMENT ON TABLE "${schema}"."audit_log" IS 'Who read or changed personal data (append-only: UPDATE, DELETE and TRUNCATE refused by trigger). Retention: kept until a decided period; purged only by a reviewed retention job.'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE "${schema}"."audit_log"`);
    await queryRunner.query(`DROP FUNCTION "${schema}"."audit_log_append_only"()`);
  }
}

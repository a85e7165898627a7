import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The partner hub (issue 9):
 * - the platform's events as received from Kafka (kept for the feed and replay for a retention
 *   period), with the territories each concerns;
 * - information-sharing agreements as commission-tasks announces them (what a partner may see
 *   beyond the default, where, until when);
 * - partners' webhook subscriptions (endpoint, event types, territory filter, state, failure
 *   count) and their signing secrets (encrypted at rest; a rotated-out one expires after the
 *   overlap);
 * - deliveries (one per subscription and event, or per replay) with what the redaction withheld and
 *   which agreement scopes granted more, and every attempt (status, latency, error).
 */
export class PartnerHub1764100000000 implements MigrationInterface {
  name = 'PartnerHub1764100000000';

  async up(q: QueryRunner): Promise<void> {
    const s = '"partner_hub"';
    await q.query(`
      CREATE TABLE ${s}."event" (
        "seq"          bigserial PRIMARY KEY,
        "id"           text NOT NULL,
        "source"       text NOT NULL,
        "type"         text NOT NULL,
        "subject"      text,
        "time"         timestamptz NOT NULL,
        "territories"  text[] NOT NULL,
        "data"         jsonb NOT NULL,
        "received_at"  timestamptz NOT NULL DEFAULT now(),
        UNIQUE ("source", "id")
      )`);
    await q.query(`CREATE INDEX "event_time_idx" ON ${s}."event" ("time")`);
    await q.query(`CREATE INDEX "event_territories_idx" ON ${s}."event" USING gin ("territories")`);
    await q.query(`
      CREATE TABLE ${s}."agreement" (
        "agreement_id"    uuid PRIMARY KEY,
        "partner_org_id"  text NOT NULL,
        "status"          text NOT NULL CHECK ("status" IN ('active','revoked')),
        "scopes"          text[] NOT NULL,
        "territory_code"  text NOT NULL,
        "review_on"       date NOT NULL,
        "changed_at"      timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX "agreement_partner_idx" ON ${s}."agreement" ("partner_org_id")`);
    await q.query(`
      CREATE TABLE ${s}."subscription" (
        "id"                    uuid PRIMARY KEY,
        "partner_org_id"        text NOT NULL CHECK ("partner_org_id" ~ '^[a-z0-9-]{2,64}$'),
        "region_code"           text NOT NULL,
        "url"                   text NOT NULL,
        "event_types"           text[] NOT NULL,
        "territories"           text[] NOT NULL DEFAULT '{}',
        "description"           text,
        "contact_email"         text,
        "state"                 text NOT NULL DEFAULT 'active' CHECK ("state" IN ('active','paused','disabled')),
        "disabled_reason"       text,
        "consecutive_failures"  integer NOT NULL DEFAULT 0,
        "created_by"            text NOT NULL,
        "created_at"            timestamptz NOT NULL DEFAULT now(),
        "updated_at"            timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX "subscription_partner_idx" ON ${s}."subscription" ("partner_org_id")`);
    await q.query(`
      CREATE TABLE ${s}."subscription_secret" (
        "id"               uuid PRIMARY KEY,
        "subscription_id"  uuid NOT NULL REFERENCES ${s}."subscription" ("id") ON DELETE CASCADE,
        "secret"           text NOT NULL,
        "created_at"       timestamptz NOT NULL DEFAULT now(),
        "expires_at"       timestamptz
      )`);
    await q.query(`CREATE INDEX "subscription_secret_idx" ON ${s}."subscription_secret" ("subscription_id")`);
    await q.query(`
      CREATE TABLE ${s}."delivery" (
        "id"               bigserial PRIMARY KEY,
        "subscription_id"  uuid NOT NULL REFERENCES ${s}."subscription" ("id") ON DELETE CASCADE,
        "event_seq"        bigint NOT NULL REFERENCES ${s}."event" ("seq") ON DELETE CASCADE,
        "webhook_id"       text NOT NULL,
        "replay"           boolean NOT NULL DEFAULT false,
        "status"           text NOT NULL DEFAULT 'pending' CHECK ("status" IN ('pending','delivering','delivered','failed')),
        "attempts"         integer NOT NULL DEFAULT 0,
        "next_attempt_at"  timestamptz NOT NULL DEFAULT now(),
        "lease_until"      timestamptz,
        "last_status"      integer,
        "last_error"       text,
        "withheld"         text[] NOT NULL DEFAULT '{}',
        "granted_by"       text[] NOT NULL DEFAULT '{}',
        "created_at"       timestamptz NOT NULL DEFAULT now(),
        "delivered_at"     timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX "delivery_once_idx" ON ${s}."delivery" ("subscription_id", "event_seq") WHERE NOT "replay"`);
    await q.query(`CREATE INDEX "delivery_due_idx" ON ${s}."delivery" ("next_attempt_at", "subscription_id") WHERE "status" = 'pending'`);
    await q.query(`CREATE INDEX "delivery_subscription_idx" ON ${s}."delivery" ("subscription_id", "id" DESC)`);
    await q.query(`
      CREATE TABLE ${s}."delivery_attempt" (
        "id"            bigserial PRIMARY KEY,
        "delivery_id"   bigint NOT NULL REFERENCES ${s}."delivery" ("id") ON DELETE CASCADE,
        "attempted_at"  timestamptz NOT NULL,
        "status_code"   integer,
        "latency_ms"    integer NOT NULL,
        "error"         text
      )`);
    await q.query(`CREATE INDEX "delivery_attempt_idx" ON ${s}."delivery_attempt" ("delivery_id", "id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = '"partner_hub"';
    for (const t of ['delivery_attempt', 'delivery', 'subscription_secret', 'subscription', 'agreement', 'event']) await q.query(`DROP TABLE IF EXISTS ${s}."${t}"`);
  }
}

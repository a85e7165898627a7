import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The statutory workflow of citizen requests (issue 5):
 * - categories as data (names in kk/ru/en, allowed kinds, term rule, priority, urgency, structured
 *   fields, routing), filled from the built-in catalogue when absent and changed as data afterwards;
 * - the request gains its place (location, district, queue or inspector), status, legal clock and
 *   structured fields; a request may be registered before its precinct is known (routing pending);
 * - the applicant's identity lives in its own table, encrypted (AES-256-GCM), with keyed hashes to
 *   find repeat appeals without decrypting; every read goes through the service and is audited;
 * - idempotency keys per caller, the transition history, deadlines the scheduler watches (each
 *   event marked once it is emitted), answers, notifications (an outbox per channel), links between
 *   requests (duplicate, repeat, related), partner clients of Open311, the desks of a district,
 *   and problems (SARA) raised from clusters of requests.
 */
export class StatutoryWorkflow1763800000000 implements MigrationInterface {
  name = 'StatutoryWorkflow1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "citizen_requests"."category" (
        "code"        text NOT NULL,
        "definition"  jsonb NOT NULL,
        "active"      boolean NOT NULL DEFAULT true,
        "built_in"    boolean NOT NULL DEFAULT true,
        "updated_at"  timestamptz NOT NULL DEFAULT now(),
        "updated_by"  text,
        CONSTRAINT "category_pk" PRIMARY KEY ("code"),
        CONSTRAINT "category_code_ck" CHECK ("code" ~ '^[a-z][a-z0-9-]{1,63}$')
      )`);

    await q.query(`ALTER TABLE "citizen_requests"."citizen_request" DROP CONSTRAINT "citizen_request_channel_ck"`);
    await q.query(`ALTER TABLE "citizen_requests"."citizen_request" ADD CONSTRAINT "citizen_request_channel_ck"
      CHECK ("channel" IN ('web','open311','walk-in','letter','line-102','telegram','partner'))`);
    await q.query(`ALTER TABLE "citizen_requests"."citizen_request" ALTER COLUMN "precinct_code" DROP NOT NULL`);
    await q.query(`
      ALTER TABLE "citizen_requests"."citizen_request"
        ADD COLUMN "status"                 text NOT NULL DEFAULT 'registered',
        ADD COLUMN "district_code"          text,
        ADD COLUMN "lat"                    double precision,
        ADD COLUMN "lon"                    double precision,
        ADD COLUMN "place"                  text,
        ADD COLUMN "attributes"             jsonb NOT NULL DEFAULT '{}'::jsonb,
        ADD COLUMN "priority"               text NOT NULL DEFAULT 'normal',
        ADD COLUMN "urgent"                 boolean NOT NULL DEFAULT false,
        ADD COLUMN "sensitive"              boolean NOT NULL DEFAULT false,
        ADD COLUMN "routing_pending"        boolean NOT NULL DEFAULT false,
        ADD COLUMN "assignee_id"            uuid,
        ADD COLUMN "assignee_name"          text,
        ADD COLUMN "queue"                  text,
        ADD COLUMN "counted_from"           date,
        ADD COLUMN "due_at"                 timestamptz,
        ADD COLUMN "original_due_at"        timestamptz,
        ADD COLUMN "max_due_at"             timestamptz,
        ADD COLUMN "redirect_due_at"        timestamptz,
        ADD COLUMN "under_control"          boolean NOT NULL DEFAULT false,
        ADD COLUMN "repeat_of"              uuid REFERENCES "citizen_requests"."citizen_request" ("id"),
        ADD COLUMN "answered_at"            timestamptz,
        ADD COLUMN "closed_at"              timestamptz,
        ADD COLUMN "outcome"                text,
        ADD COLUMN "resolution"             jsonb,
        ADD COLUMN "redirected_to"          text,
        ADD COLUMN "language"               text NOT NULL DEFAULT 'ru',
        ADD COLUMN "client_id"              text,
        ADD COLUMN "accepted_by"            text,
        ADD COLUMN "idempotency_key"        text,
        ADD COLUMN "idempotency_fingerprint" text,
        ADD COLUMN "version"                integer NOT NULL DEFAULT 1,
        ADD COLUMN "updated_at"             timestamptz NOT NULL DEFAULT now()`);
    await q.query(`ALTER TABLE "citizen_requests"."citizen_request" ADD CONSTRAINT "citizen_request_status_ck"
      CHECK ("status" IN ('registered','assigned','in_progress','extended','redirected','answered','resolved','closed','reopened','under_control'))`);
    await q.query(`ALTER TABLE "citizen_requests"."citizen_request" ADD CONSTRAINT "citizen_request_place_ck"
      CHECK ("precinct_code" IS NOT NULL OR "routing_pending")`);
    await q.query(`ALTER TABLE "citizen_requests"."citizen_request" ADD CONSTRAINT "citizen_request_location_ck"
      CHECK (("lat" IS NULL) = ("lon" IS NULL) AND ("lat" IS NULL OR ("lat" BETWEEN -90 AND 90 AND "lon" BETWEEN -180 AND 180)))`);
    await q.query(`ALTER TABLE "citizen_requests"."citizen_request" ADD CONSTRAINT "citizen_request_language_ck" CHECK ("language" IN ('kk','ru','en'))`);
    // One request per caller and idempotency key: a retried submit finds the first one.
    await q.query(`CREATE UNIQUE INDEX "citizen_request_idempotency_uq" ON "citizen_requests"."citizen_request"
      ("registered_by_subject", "idempotency_key") WHERE "idempotency_key" IS NOT NULL`);
    await q.query(`CREATE INDEX "citizen_request_district_idx" ON "citizen_requests"."citizen_request" ("district_code", "registered_at" DESC, "id" DESC)`);
    await q.query(`CREATE INDEX "citizen_request_region_idx" ON "citizen_requests"."citizen_request" ("region_code", "registered_at" DESC, "id" DESC)`);
    await q.query(`CREATE INDEX "citizen_request_open_due_idx" ON "citizen_requests"."citizen_request" ("due_at") WHERE "closed_at" IS NULL`);
    await q.query(`CREATE INDEX "citizen_request_routing_idx" ON "citizen_requests"."citizen_request" ("registered_at") WHERE "routing_pending"`);
    // Duplicate suggestions: same category, nearby (a lat/lon box first), recent.
    await q.query(`CREATE INDEX "citizen_request_nearby_idx" ON "citizen_requests"."citizen_request" ("category", "lat", "lon") WHERE "lat" IS NOT NULL`);

    await q.query(`
      CREATE TABLE "citizen_requests"."applicant" (
        "request_id"   uuid NOT NULL REFERENCES "citizen_requests"."citizen_request" ("id") ON DELETE CASCADE,
        "key_id"       text NOT NULL,
        "sealed"       bytea NOT NULL,
        "iin_hash"     text,
        "phone_hash"   text,
        "has_phone"    boolean NOT NULL DEFAULT false,
        "has_email"    boolean NOT NULL DEFAULT false,
        "opted_out"    boolean NOT NULL DEFAULT false,
        "created_at"   timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "applicant_pk" PRIMARY KEY ("request_id")
      )`);
    await q.query(`CREATE INDEX "applicant_iin_idx" ON "citizen_requests"."applicant" ("iin_hash") WHERE "iin_hash" IS NOT NULL`);
    await q.query(`CREATE INDEX "applicant_phone_idx" ON "citizen_requests"."applicant" ("phone_hash") WHERE "phone_hash" IS NOT NULL`);

    await q.query(`
      CREATE TABLE "citizen_requests"."transition" (
        "id"            bigserial NOT NULL,
        "request_id"    uuid NOT NULL REFERENCES "citizen_requests"."citizen_request" ("id") ON DELETE CASCADE,
        "action"        text NOT NULL,
        "from_status"   text,
        "to_status"     text NOT NULL,
        "actor_subject" text,
        "actor_name"    text,
        "actor_role"    text,
        "reason"        text,
        "details"       jsonb NOT NULL DEFAULT '{}'::jsonb,
        "at"            timestamptz NOT NULL,
        CONSTRAINT "transition_pk" PRIMARY KEY ("id")
      )`);
    await q.query(`CREATE INDEX "transition_request_idx" ON "citizen_requests"."transition" ("request_id", "id")`);

    await q.query(`
      CREATE TABLE "citizen_requests"."deadline" (
        "id"                 bigserial NOT NULL,
        "request_id"         uuid NOT NULL REFERENCES "citizen_requests"."citizen_request" ("id") ON DELETE CASCADE,
        "kind"               text NOT NULL,
        "due_at"             timestamptz NOT NULL,
        "warn_at"            timestamptz,
        "warned_at"          timestamptz,
        "overdue_emitted_at" timestamptz,
        "met_at"             timestamptz,
        "cancelled_at"       timestamptz,
        "created_at"         timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "deadline_pk" PRIMARY KEY ("id"),
        CONSTRAINT "deadline_kind_ck" CHECK ("kind" IN ('answer','extension-notice','redirect','internal-target'))
      )`);
    // At most one live deadline of a kind per request (an extension closes the old one and opens a new one).
    await q.query(`CREATE UNIQUE INDEX "deadline_live_uq" ON "citizen_requests"."deadline" ("request_id", "kind")
      WHERE "met_at" IS NULL AND "cancelled_at" IS NULL`);
    await q.query(`CREATE INDEX "deadline_warn_idx" ON "citizen_requests"."deadline" ("warn_at")
      WHERE "warned_at" IS NULL AND "met_at" IS NULL AND "cancelled_at" IS NULL`);
    await q.query(`CREATE INDEX "deadline_due_idx" ON "citizen_requests"."deadline" ("due_at")
      WHERE "overdue_emitted_at" IS NULL AND "met_at" IS NULL AND "cancelled_at" IS NULL`);

    await q.query(`
      CREATE TABLE "citizen_requests"."answer" (
        "id"            uuid NOT NULL DEFAULT gen_random_uuid(),
        "request_id"    uuid NOT NULL REFERENCES "citizen_requests"."citizen_request" ("id") ON DELETE CASCADE,
        "text"          text NOT NULL,
        "measures"      text,
        "author_subject" text NOT NULL,
        "author_name"   text,
        "sent_at"       timestamptz NOT NULL,
        CONSTRAINT "answer_pk" PRIMARY KEY ("id")
      )`);
    await q.query(`CREATE INDEX "answer_request_idx" ON "citizen_requests"."answer" ("request_id", "sent_at")`);

    await q.query(`
      CREATE TABLE "citizen_requests"."notification" (
        "id"           uuid NOT NULL DEFAULT gen_random_uuid(),
        "request_id"   uuid NOT NULL REFERENCES "citizen_requests"."citizen_request" ("id") ON DELETE CASCADE,
        "template"     text NOT NULL,
        "language"     text NOT NULL,
        "channel"      text NOT NULL,
        "vars"         jsonb NOT NULL DEFAULT '{}'::jsonb,
        "status"       text NOT NULL DEFAULT 'pending',
        "attempts"     integer NOT NULL DEFAULT 0,
        "next_attempt_at" timestamptz NOT NULL DEFAULT now(),
        "last_error"   text,
        "created_at"   timestamptz NOT NULL DEFAULT now(),
        "sent_at"      timestamptz,
        CONSTRAINT "notification_pk" PRIMARY KEY ("id"),
        CONSTRAINT "notification_channel_ck" CHECK ("channel" IN ('sms','email','in-app')),
        CONSTRAINT "notification_status_ck" CHECK ("status" IN ('pending','sent','failed','skipped'))
      )`);
    await q.query(`CREATE INDEX "notification_pending_idx" ON "citizen_requests"."notification" ("next_attempt_at") WHERE "status" = 'pending'`);
    await q.query(`CREATE INDEX "notification_request_idx" ON "citizen_requests"."notification" ("request_id", "created_at")`);

    await q.query(`
      CREATE TABLE "citizen_requests"."request_link" (
        "request_id"  uuid NOT NULL REFERENCES "citizen_requests"."citizen_request" ("id") ON DELETE CASCADE,
        "linked_id"   uuid NOT NULL REFERENCES "citizen_requests"."citizen_request" ("id") ON DELETE CASCADE,
        "kind"        text NOT NULL,
        "linked_by"   text,
        "linked_at"   timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "request_link_pk" PRIMARY KEY ("request_id", "linked_id"),
        CONSTRAINT "request_link_kind_ck" CHECK ("kind" IN ('duplicate','repeat','related')),
        CONSTRAINT "request_link_self_ck" CHECK ("request_id" <> "linked_id")
      )`);
    await q.query(`CREATE INDEX "request_link_linked_idx" ON "citizen_requests"."request_link" ("linked_id")`);

    await q.query(`
      CREATE TABLE "citizen_requests"."client" (
        "id"           text NOT NULL,
        "name"         text NOT NULL,
        "channel"      text NOT NULL,
        "api_key_hash" text NOT NULL,
        "active"       boolean NOT NULL DEFAULT true,
        "created_at"   timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "client_pk" PRIMARY KEY ("id"),
        CONSTRAINT "client_key_uq" UNIQUE ("api_key_hash"),
        CONSTRAINT "client_channel_ck" CHECK ("channel" IN ('open311','telegram','partner'))
      )`);

    await q.query(`
      CREATE TABLE "citizen_requests"."desk" (
        "district_code" text NOT NULL,
        "desk"          text NOT NULL,
        "inspector_id"  uuid,
        "inspector_name" text,
        "updated_at"    timestamptz NOT NULL DEFAULT now(),
        "updated_by"    text,
        CONSTRAINT "desk_pk" PRIMARY KEY ("district_code", "desk")
      )`);

    await q.query(`
      CREATE TABLE "citizen_requests"."problem" (
        "id"            uuid NOT NULL DEFAULT gen_random_uuid(),
        "precinct_code" text NOT NULL,
        "category"      text NOT NULL,
        "lat"           double precision NOT NULL,
        "lon"           double precision NOT NULL,
        "radius_m"      integer NOT NULL,
        "stage"         text NOT NULL DEFAULT 'scanning',
        "title"         text NOT NULL,
        "notes"         text,
        "opened_by"     text NOT NULL,
        "opened_at"     timestamptz NOT NULL DEFAULT now(),
        "updated_at"    timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "problem_pk" PRIMARY KEY ("id"),
        CONSTRAINT "problem_stage_ck" CHECK ("stage" IN ('scanning','analysis','response','assessment','closed'))
      )`);
    await q.query(`CREATE INDEX "problem_precinct_idx" ON "citizen_requests"."problem" ("precinct_code", "opened_at" DESC)`);
    await q.query(`
      CREATE TABLE "citizen_requests"."problem_request" (
        "problem_id" uuid NOT NULL REFERENCES "citizen_requests"."problem" ("id") ON DELETE CASCADE,
        "request_id" uuid NOT NULL REFERENCES "citizen_requests"."citizen_request" ("id") ON DELETE CASCADE,
        CONSTRAINT "problem_request_pk" PRIMARY KEY ("problem_id", "request_id")
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['problem_request', 'problem', 'desk', 'client', 'request_link', 'notification', 'answer', 'deadline', 'transition', 'applicant', 'category']) {
      await q.query(`DROP TABLE "citizen_requests"."${table}"`);
    }
    for (const index of ['citizen_request_idempotency_uq', 'citizen_request_district_idx', 'citizen_request_region_idx', 'citizen_request_open_due_idx', 'citizen_request_routing_idx', 'citizen_request_nearby_idx']) {
      await q.query(`DROP INDEX "citizen_requests"."${index}"`);
    }
    for (const constraint of ['citizen_request_status_ck', 'citizen_request_place_ck', 'citizen_request_location_ck', 'citizen_request_language_ck', 'citizen_request_channel_ck']) {
      await q.query(`ALTER TABLE "citizen_requests"."citizen_request" DROP CONSTRAINT "${constraint}"`);
    }
    await q.query(`DELETE FROM "citizen_requests"."citizen_request" WHERE "precinct_code" IS NULL OR "channel" = 'partner'`);
    await q.query(`ALTER TABLE "citizen_requests"."citizen_request" ADD CONSTRAINT "citizen_request_channel_ck"
      CHECK ("channel" IN ('web','open311','walk-in','letter','line-102','telegram'))`);
    await q.query(`ALTER TABLE "citizen_requests"."citizen_request" ALTER COLUMN "precinct_code" SET NOT NULL`);
    await q.query(`
      ALTER TABLE "citizen_requests"."citizen_request"
        DROP COLUMN "status", DROP COLUMN "district_code", DROP COLUMN "lat", DROP COLUMN "lon", DROP COLUMN "place",
        DROP COLUMN "attributes", DROP COLUMN "priority", DROP COLUMN "urgent", DROP COLUMN "sensitive", DROP COLUMN "routing_pending",
        DROP COLUMN "assignee_id", DROP COLUMN "assignee_name", DROP COLUMN "queue", DROP COLUMN "counted_from", DROP COLUMN "due_at",
        DROP COLUMN "original_due_at", DROP COLUMN "max_due_at", DROP COLUMN "redirect_due_at", DROP COLUMN "under_control",
        DROP COLUMN "repeat_of", DROP COLUMN "answered_at", DROP COLUMN "closed_at", DROP COLUMN "outcome", DROP COLUMN "resolution",
        DROP COLUMN "redirected_to", DROP COLUMN "language", DROP COLUMN "client_id", DROP COLUMN "accepted_by", DROP COLUMN "idempotency_key",
        DROP COLUMN "idempotency_fingerprint", DROP COLUMN "version", DROP COLUMN "updated_at"`);
  }
}

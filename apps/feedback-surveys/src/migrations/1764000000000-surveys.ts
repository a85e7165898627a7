import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Feedback and trust surveys (issue 7):
 * - instruments and their versions (questions, scales, constructs, indicators as JSON); a version
 *   once published cannot change (a trigger refuses it), a change is a new version;
 * - invitations: single-use tokens, stored only as a SHA-256 hash; for post-contact surveys the
 *   request id is kept only until the invitation is handed to citizen-requests for delivery, then
 *   erased (an HMAC of it stays, so a redelivered event cannot invite twice); wave invitations
 *   keep the frame's contact only until sent;
 * - waves of the area survey and staff pulses, with quotas and the sample report;
 * - the anonymous response store: no request, person, invitation, token, inspector or time of day,
 *   only the scope (territory, service line, wave), the month and the answers, free text already
 *   masked (`masked` lists the kinds of personal data found);
 * - the response inbox that decouples the token's transaction from the response store (see
 *   docs/decisions/2026-11-22-feedback-surveys.md: rows of one transaction share `xmin`);
 * - index cells: sufficient statistics (n, Σx, Σx²) per version, indicator, scope, period,
 *   segment and weighting stratum, updated incrementally per batch of responses;
 * - population margins for weighting; staff-pulse participation hashes.
 */
export class Surveys1764000000000 implements MigrationInterface {
  name = 'Surveys1764000000000';

  async up(q: QueryRunner): Promise<void> {
    const s = '"feedback_surveys"';
    await q.query(`
      CREATE TABLE ${s}."instrument" (
        "code"       text PRIMARY KEY CHECK ("code" ~ '^[a-z][a-z0-9-]{1,39}$'),
        "kind"       text NOT NULL CHECK ("kind" IN ('post_contact','area','staff_pulse')),
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE ${s}."instrument_version" (
        "id"              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "instrument_code" text NOT NULL REFERENCES ${s}."instrument" ("code"),
        "version"         integer NOT NULL CHECK ("version" >= 1),
        "status"          text NOT NULL CHECK ("status" IN ('draft','published','retired')),
        "definition"      jsonb NOT NULL,
        "change_note"     text,
        "created_by"      text NOT NULL,
        "created_at"      timestamptz NOT NULL DEFAULT now(),
        "published_by"    text,
        "published_at"    timestamptz,
        CONSTRAINT "instrument_version_uq" UNIQUE ("instrument_code", "version"),
        CONSTRAINT "instrument_version_published_ck" CHECK (("status" = 'draft') = ("published_at" IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX "instrument_version_one_draft_uq" ON ${s}."instrument_version" ("instrument_code") WHERE "status" = 'draft'`);
    await q.query(`CREATE UNIQUE INDEX "instrument_version_one_current_uq" ON ${s}."instrument_version" ("instrument_code") WHERE "status" = 'published'`);
    // A published version is immutable: only its retirement may be recorded; it is never deleted.
    await q.query(`
      CREATE FUNCTION ${s}."instrument_version_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          IF OLD."status" <> 'draft' THEN RAISE EXCEPTION 'instrument version %/% is published and cannot be deleted', OLD."instrument_code", OLD."version"; END IF;
          RETURN OLD;
        END IF;
        IF OLD."status" <> 'draft' AND (
             NEW."definition" IS DISTINCT FROM OLD."definition" OR NEW."version" <> OLD."version"
          OR NEW."instrument_code" <> OLD."instrument_code" OR NEW."published_at" IS DISTINCT FROM OLD."published_at"
          OR NEW."status" = 'draft' OR (OLD."status" = 'retired' AND NEW."status" <> 'retired')) THEN
          RAISE EXCEPTION 'instrument version %/% is published and cannot change; define a new version', OLD."instrument_code", OLD."version";
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER "instrument_version_immutable" BEFORE UPDATE OR DELETE ON ${s}."instrument_version"
      FOR EACH ROW EXECUTE FUNCTION ${s}."instrument_version_immutable"()`);

    await q.query(`
      CREATE TABLE ${s}."wave" (
        "id"             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "version_id"     uuid NOT NULL REFERENCES ${s}."instrument_version" ("id"),
        "kind"           text NOT NULL CHECK ("kind" IN ('area','staff_pulse')),
        "name"           text NOT NULL CHECK (length("name") BETWEEN 1 AND 200),
        "territory_code" text NOT NULL CHECK ("territory_code" ~ '^[A-Z]{3}(-[A-Z]{3}(-[0-9]{2,3})?)?$'),
        "region_code"    text NOT NULL,
        "opens_on"       date NOT NULL,
        "closes_on"      date NOT NULL,
        "status"         text NOT NULL DEFAULT 'open' CHECK ("status" IN ('open','closed')),
        "quotas"         jsonb NOT NULL DEFAULT '[]',
        "sample_report"  jsonb,
        "invited"        integer NOT NULL DEFAULT 0,
        "responded"      integer NOT NULL DEFAULT 0,
        "created_by"     text NOT NULL,
        "created_at"     timestamptz NOT NULL DEFAULT now(),
        "closed_at"      timestamptz,
        CONSTRAINT "wave_dates_ck" CHECK ("closes_on" >= "opens_on"),
        CONSTRAINT "wave_closed_ck" CHECK (("status" = 'closed') = ("closed_at" IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX "wave_open_ix" ON ${s}."wave" ("closes_on") WHERE "status" = 'open'`);

    await q.query(`
      CREATE TABLE ${s}."invitation" (
        "id"              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "source"          text NOT NULL CHECK ("source" IN ('request','wave')),
        "source_key"      bytea UNIQUE,
        "request_id"      uuid,
        "wave_id"         uuid REFERENCES ${s}."wave" ("id"),
        "version_id"      uuid NOT NULL REFERENCES ${s}."instrument_version" ("id"),
        "precinct_code"   text NOT NULL CHECK ("precinct_code" ~ '^[A-Z]{3}-[A-Z]{3}-[0-9]{2,3}$'),
        "district_code"   text NOT NULL,
        "region_code"     text NOT NULL,
        "service_line"    text CHECK ("service_line" IN ('local_police','criminal_police','administrative')),
        "inspector_id"    text,
        "language"        text NOT NULL CHECK ("language" IN ('kk','ru','en')),
        "channel"         text CHECK ("channel" IN ('sms','email')),
        "contact"         text,
        "token_hash"      bytea UNIQUE,
        "status"          text NOT NULL DEFAULT 'pending' CHECK ("status" IN ('pending','sent','undeliverable','used','expired')),
        "expires_at"      timestamptz NOT NULL,
        "attempts"        integer NOT NULL DEFAULT 0,
        "next_attempt_at" timestamptz NOT NULL DEFAULT now(),
        "last_error"      text,
        "created_on"      date NOT NULL,
        CONSTRAINT "invitation_source_ck" CHECK (("source" = 'request') = ("source_key" IS NOT NULL) AND ("source" = 'wave') = ("wave_id" IS NOT NULL)),
        CONSTRAINT "invitation_erased_ck" CHECK ("status" IN ('pending') OR ("request_id" IS NULL AND "contact" IS NULL))
      )`);
    await q.query(`CREATE INDEX "invitation_pending_ix" ON ${s}."invitation" ("next_attempt_at") WHERE "status" = 'pending'`);
    await q.query(`CREATE INDEX "invitation_wave_ix" ON ${s}."invitation" ("wave_id", "status") WHERE "wave_id" IS NOT NULL`);

    await q.query(`
      CREATE TABLE ${s}."pulse_participation" (
        "wave_id"          uuid NOT NULL REFERENCES ${s}."wave" ("id"),
        "participant_hash" bytea NOT NULL,
        PRIMARY KEY ("wave_id", "participant_hash")
      )`);

    await q.query(`
      CREATE TABLE ${s}."response_inbox" (
        "id"      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "payload" jsonb NOT NULL
      )`);
    await q.query(`
      CREATE TABLE ${s}."response" (
        "id"            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "version_id"    uuid NOT NULL REFERENCES ${s}."instrument_version" ("id"),
        "kind"          text NOT NULL CHECK ("kind" IN ('post_contact','area','staff_pulse')),
        "precinct_code" text,
        "district_code" text NOT NULL,
        "region_code"   text NOT NULL,
        "service_line"  text,
        "wave_id"       uuid,
        "month"         date NOT NULL CHECK (extract(day FROM "month") = 1),
        "stratum"       text NOT NULL DEFAULT '-|-',
        "answers"       jsonb NOT NULL,
        "masked"        text[] NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX "response_scope_ix" ON ${s}."response" ("version_id", "month", "district_code")`);

    await q.query(`
      CREATE TABLE ${s}."index_cell" (
        "version_id"   uuid NOT NULL,
        "indicator"    text NOT NULL,
        "scope_level"  text NOT NULL CHECK ("scope_level" IN ('precinct','district','region','national','inspector')),
        "scope_code"   text NOT NULL,
        "period_kind"  text NOT NULL CHECK ("period_kind" IN ('month','quarter')),
        "period_start" date NOT NULL,
        "segment"      text NOT NULL,
        "stratum"      text NOT NULL,
        "n"            bigint NOT NULL,
        "sum_x"        double precision NOT NULL,
        "sum_x2"       double precision NOT NULL,
        PRIMARY KEY ("version_id", "indicator", "scope_level", "scope_code", "period_kind", "period_start", "segment", "stratum")
      )`);

    await q.query(`
      CREATE TABLE ${s}."population_margin" (
        "territory_code" text PRIMARY KEY CHECK ("territory_code" ~ '^[A-Z]{3}(-[A-Z]{3}(-[0-9]{2,3})?)?$'),
        "sex"            jsonb NOT NULL,
        "age_band"       jsonb NOT NULL,
        "source"         text NOT NULL,
        "recorded_by"    text NOT NULL,
        "recorded_at"    timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = '"feedback_surveys"';
    for (const table of ['population_margin', 'index_cell', 'response', 'response_inbox', 'pulse_participation', 'invitation', 'wave', 'instrument_version', 'instrument']) {
      await q.query(`DROP TABLE IF EXISTS ${s}."${table}"`);
    }
    await q.query(`DROP FUNCTION IF EXISTS ${s}."instrument_version_immutable"()`);
  }
}

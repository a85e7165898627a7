import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The territory (regions, districts, precincts with boundaries), the inspectors and their
 * assignment history, duty schedules and leave, the caseload read model, and the appointment and
 * accountability records. Boundaries are GeoJSON (jsonb, the source of truth) plus one PostgreSQL
 * `polygon` per outer ring in `precinct_shape`, GiST-indexed for point lookups (nearest-first with
 * `<->`); the exact test, holes included, runs in the service. No PostGIS: see
 * docs/decisions/2026-11-22-precinct-lookup-without-postgis.md.
 */
export class TerritoryAndRoster1763780000000 implements MigrationInterface {
  name = 'TerritoryAndRoster1763780000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = '"inspector_roster"';
    const statements = [
      `CREATE TABLE ${s}."region" (
        "code"          text NOT NULL,
        "kind"          text NOT NULL,
        "name_kk"       text NOT NULL,
        "name_ru"       text NOT NULL,
        "name_en"       text NOT NULL,
        "department_kk" text NOT NULL,
        "department_ru" text NOT NULL,
        "department_en" text NOT NULL,
        "seat_lon"      double precision,
        "seat_lat"      double precision,
        CONSTRAINT "region_pk" PRIMARY KEY ("code"),
        CONSTRAINT "region_code_ck" CHECK ("code" ~ '^[A-Z]{3}$'),
        CONSTRAINT "region_kind_ck" CHECK ("kind" IN ('city','region','transport'))
      )`,
      `CREATE TABLE ${s}."district" (
        "code"                   text NOT NULL,
        "region_code"            text NOT NULL,
        "kind"                   text NOT NULL,
        "name_kk"                text NOT NULL,
        "name_ru"                text NOT NULL,
        "name_en"                text NOT NULL,
        "report_interval_months" integer NOT NULL DEFAULT 6,
        CONSTRAINT "district_pk" PRIMARY KEY ("code"),
        CONSTRAINT "district_region_fk" FOREIGN KEY ("region_code") REFERENCES ${s}."region" ("code"),
        CONSTRAINT "district_code_ck" CHECK ("code" ~ '^[A-Z]{3}-[A-Z]{3}$' AND starts_with("code", "region_code" || '-')),
        CONSTRAINT "district_kind_ck" CHECK ("kind" IN ('city','city_district','rural_district','transport_line')),
        CONSTRAINT "district_report_interval_ck" CHECK ("report_interval_months" BETWEEN 1 AND 24)
      )`,
      `CREATE TABLE ${s}."precinct" (
        "code"            text NOT NULL,
        "district_code"   text NOT NULL,
        "region_code"     text NOT NULL,
        "number"          integer NOT NULL,
        "name_kk"         text NOT NULL,
        "name_ru"         text NOT NULL,
        "name_en"         text NOT NULL,
        "boundary"        jsonb NOT NULL,
        "population"      integer NOT NULL,
        "area_km2"        double precision NOT NULL,
        "settlement_type" text NOT NULL,
        "point_address"   text,
        "point_lon"       double precision,
        "point_lat"       double precision,
        "reception_hours" text,
        "updated_at"      timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "precinct_pk" PRIMARY KEY ("code"),
        CONSTRAINT "precinct_district_fk" FOREIGN KEY ("district_code") REFERENCES ${s}."district" ("code"),
        CONSTRAINT "precinct_code_ck" CHECK ("code" ~ '^[A-Z]{3}-[A-Z]{3}-[0-9]{2,3}$' AND starts_with("code", "district_code" || '-') AND starts_with("code", "region_code" || '-')),
        CONSTRAINT "precinct_population_ck" CHECK ("population" >= 0),
        CONSTRAINT "precinct_area_ck" CHECK ("area_km2" > 0),
        CONSTRAINT "precinct_settlement_ck" CHECK ("settlement_type" IN ('urban','rural')),
        CONSTRAINT "precinct_point_ck" CHECK (("point_lon" IS NULL) = ("point_lat" IS NULL))
      )`,
      `CREATE INDEX "precinct_district_idx" ON ${s}."precinct" ("district_code", "code")`,
      `CREATE TABLE ${s}."precinct_shape" (
        "precinct_code" text NOT NULL,
        "part"          integer NOT NULL,
        "shape"         polygon NOT NULL,
        CONSTRAINT "precinct_shape_pk" PRIMARY KEY ("precinct_code", "part"),
        CONSTRAINT "precinct_shape_precinct_fk" FOREIGN KEY ("precinct_code") REFERENCES ${s}."precinct" ("code") ON DELETE CASCADE
      )`,
      `CREATE INDEX "precinct_shape_gist" ON ${s}."precinct_shape" USING gist ("shape")`,
      `CREATE TABLE ${s}."inspector" (
        "id"              uuid NOT NULL DEFAULT gen_random_uuid(),
        "personal_number" text NOT NULL,
        "last_name"       text NOT NULL,
        "first_name"      text NOT NULL,
        "patronymic"      text,
        "rank"            text NOT NULL,
        "position"        text NOT NULL,
        "unit_code"       text NOT NULL,
        "phone"           text,
        "username"        text,
        "service_start"   date,
        "created_at"      timestamptz NOT NULL DEFAULT now(),
        "updated_at"      timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "inspector_pk" PRIMARY KEY ("id"),
        CONSTRAINT "inspector_personal_number_uq" UNIQUE ("personal_number"),
        CONSTRAINT "inspector_username_uq" UNIQUE ("username"),
        CONSTRAINT "inspector_unit_fk" FOREIGN KEY ("unit_code") REFERENCES ${s}."district" ("code"),
        CONSTRAINT "inspector_position_ck" CHECK ("position" IN ('district_inspector','senior_district_inspector','juvenile_inspector','assistant'))
      )`,
      `CREATE INDEX "inspector_unit_idx" ON ${s}."inspector" ("unit_code", "last_name", "first_name")`,
      `CREATE TABLE ${s}."assignment" (
        "id"            uuid NOT NULL DEFAULT gen_random_uuid(),
        "inspector_id"  uuid NOT NULL,
        "precinct_code" text NOT NULL,
        "position"      text NOT NULL,
        "valid_from"    date NOT NULL,
        "valid_to"      date,
        "reason"        text,
        "assigned_by"   text NOT NULL,
        "ended_by"      text,
        "created_at"    timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "assignment_pk" PRIMARY KEY ("id"),
        CONSTRAINT "assignment_inspector_fk" FOREIGN KEY ("inspector_id") REFERENCES ${s}."inspector" ("id"),
        CONSTRAINT "assignment_precinct_fk" FOREIGN KEY ("precinct_code") REFERENCES ${s}."precinct" ("code"),
        CONSTRAINT "assignment_period_ck" CHECK ("valid_to" IS NULL OR "valid_to" >= "valid_from"),
        CONSTRAINT "assignment_position_ck" CHECK ("position" IN ('district_inspector','senior_district_inspector','juvenile_inspector','assistant'))
      )`,
      // One current holder of the precinct's inspector post; assistants and juvenile inspectors may be several.
      `CREATE UNIQUE INDEX "assignment_current_holder_uq" ON ${s}."assignment" ("precinct_code")
         WHERE "valid_to" IS NULL AND "position" IN ('district_inspector','senior_district_inspector')`,
      `CREATE UNIQUE INDEX "assignment_current_uq" ON ${s}."assignment" ("inspector_id", "precinct_code") WHERE "valid_to" IS NULL`,
      `CREATE INDEX "assignment_precinct_idx" ON ${s}."assignment" ("precinct_code", "valid_from")`,
      `CREATE INDEX "assignment_inspector_idx" ON ${s}."assignment" ("inspector_id", "valid_from")`,
      // Patterns defined by users; the built-in ones (five-day, three-shift, ...) live in code.
      `CREATE TABLE ${s}."shift_pattern" (
        "code"       text NOT NULL,
        "definition" jsonb NOT NULL,
        "created_by" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "shift_pattern_pk" PRIMARY KEY ("code")
      )`,
      `CREATE TABLE ${s}."duty_schedule" (
        "id"           uuid NOT NULL DEFAULT gen_random_uuid(),
        "inspector_id" uuid NOT NULL,
        "pattern_code" text NOT NULL,
        "anchor_date"  date NOT NULL,
        "valid_from"   date NOT NULL,
        "valid_to"     date,
        "created_by"   text NOT NULL,
        "created_at"   timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "duty_schedule_pk" PRIMARY KEY ("id"),
        CONSTRAINT "duty_schedule_inspector_fk" FOREIGN KEY ("inspector_id") REFERENCES ${s}."inspector" ("id"),
        CONSTRAINT "duty_schedule_period_ck" CHECK ("valid_to" IS NULL OR "valid_to" >= "valid_from")
      )`,
      `CREATE INDEX "duty_schedule_inspector_idx" ON ${s}."duty_schedule" ("inspector_id", "valid_from")`,
      `CREATE TABLE ${s}."district_duty" (
        "id"            uuid NOT NULL DEFAULT gen_random_uuid(),
        "district_code" text NOT NULL,
        "inspector_id"  uuid NOT NULL,
        "starts_at"     timestamptz NOT NULL,
        "ends_at"       timestamptz NOT NULL,
        "created_by"    text NOT NULL,
        "created_at"    timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "district_duty_pk" PRIMARY KEY ("id"),
        CONSTRAINT "district_duty_district_fk" FOREIGN KEY ("district_code") REFERENCES ${s}."district" ("code"),
        CONSTRAINT "district_duty_inspector_fk" FOREIGN KEY ("inspector_id") REFERENCES ${s}."inspector" ("id"),
        CONSTRAINT "district_duty_period_ck" CHECK ("ends_at" > "starts_at" AND "ends_at" <= "starts_at" + interval '25 hours')
      )`,
      `CREATE INDEX "district_duty_time_idx" ON ${s}."district_duty" ("district_code", "starts_at")`,
      `CREATE TABLE ${s}."leave" (
        "id"           uuid NOT NULL DEFAULT gen_random_uuid(),
        "inspector_id" uuid NOT NULL,
        "kind"         text NOT NULL,
        "start_date"   date NOT NULL,
        "end_date"     date NOT NULL,
        "note"         text,
        "created_by"   text NOT NULL,
        "created_at"   timestamptz NOT NULL DEFAULT now(),
        "cancelled_at" timestamptz,
        "cancelled_by" text,
        CONSTRAINT "leave_pk" PRIMARY KEY ("id"),
        CONSTRAINT "leave_inspector_fk" FOREIGN KEY ("inspector_id") REFERENCES ${s}."inspector" ("id"),
        CONSTRAINT "leave_period_ck" CHECK ("end_date" >= "start_date")
      )`,
      `CREATE INDEX "leave_inspector_idx" ON ${s}."leave" ("inspector_id", "start_date") WHERE "cancelled_at" IS NULL`,
      `CREATE TABLE ${s}."case_item" (
        "source"        text NOT NULL,
        "item_id"       uuid NOT NULL,
        "precinct_code" text,
        "inspector_id"  uuid,
        "status"        text NOT NULL,
        "opened_at"     timestamptz,
        "due_at"        timestamptz,
        "overdue_at"    timestamptz,
        "closed_at"     timestamptz,
        "updated_at"    timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "case_item_pk" PRIMARY KEY ("source", "item_id"),
        CONSTRAINT "case_item_source_ck" CHECK ("source" IN ('request','task')),
        CONSTRAINT "case_item_status_ck" CHECK ("status" IN ('open','closed'))
      )`,
      `CREATE INDEX "case_item_precinct_idx" ON ${s}."case_item" ("precinct_code", "status")`,
      `CREATE INDEX "case_item_inspector_idx" ON ${s}."case_item" ("inspector_id", "status")`,
      `CREATE TABLE ${s}."candidacy" (
        "id"               uuid NOT NULL DEFAULT gen_random_uuid(),
        "precinct_code"    text NOT NULL,
        "inspector_id"     uuid NOT NULL,
        "position"         text NOT NULL,
        "status"           text NOT NULL DEFAULT 'discussion',
        "discussion_until" date NOT NULL,
        "proposed_by"      text NOT NULL,
        "proposed_at"      timestamptz NOT NULL DEFAULT now(),
        "decided_by"       text,
        "decided_at"       timestamptz,
        "decision_reason"  text,
        CONSTRAINT "candidacy_pk" PRIMARY KEY ("id"),
        CONSTRAINT "candidacy_precinct_fk" FOREIGN KEY ("precinct_code") REFERENCES ${s}."precinct" ("code"),
        CONSTRAINT "candidacy_inspector_fk" FOREIGN KEY ("inspector_id") REFERENCES ${s}."inspector" ("id"),
        CONSTRAINT "candidacy_status_ck" CHECK ("status" IN ('discussion','appointed','not_appointed','withdrawn'))
      )`,
      // At most one candidacy under public discussion per precinct.
      `CREATE UNIQUE INDEX "candidacy_open_uq" ON ${s}."candidacy" ("precinct_code") WHERE "status" = 'discussion'`,
      `CREATE INDEX "candidacy_precinct_idx" ON ${s}."candidacy" ("precinct_code", "proposed_at")`,
      `CREATE TABLE ${s}."community_meeting" (
        "id"              uuid NOT NULL DEFAULT gen_random_uuid(),
        "precinct_code"   text NOT NULL,
        "purpose"         text NOT NULL,
        "candidacy_id"    uuid,
        "inspector_id"    uuid,
        "scheduled_at"    timestamptz NOT NULL,
        "place"           text NOT NULL,
        "organised_with"  text,
        "status"          text NOT NULL DEFAULT 'scheduled',
        "held_at"         timestamptz,
        "attendance"      integer,
        "in_favour"       integer,
        "against"         integer,
        "abstained"       integer,
        "opinion_summary" text,
        "minutes"         text,
        "created_by"      text NOT NULL,
        "recorded_by"     text,
        "cancelled_at"    timestamptz,
        "cancelled_by"    text,
        "cancel_reason"   text,
        "created_at"      timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "community_meeting_pk" PRIMARY KEY ("id"),
        CONSTRAINT "community_meeting_precinct_fk" FOREIGN KEY ("precinct_code") REFERENCES ${s}."precinct" ("code"),
        CONSTRAINT "community_meeting_candidacy_fk" FOREIGN KEY ("candidacy_id") REFERENCES ${s}."candidacy" ("id"),
        CONSTRAINT "community_meeting_inspector_fk" FOREIGN KEY ("inspector_id") REFERENCES ${s}."inspector" ("id"),
        CONSTRAINT "community_meeting_purpose_ck" CHECK ("purpose" IN ('candidate_discussion','inspector_report')),
        CONSTRAINT "community_meeting_candidacy_ck" CHECK (("purpose" = 'candidate_discussion') = ("candidacy_id" IS NOT NULL)),
        CONSTRAINT "community_meeting_status_ck" CHECK ("status" IN ('scheduled','held','cancelled')),
        CONSTRAINT "community_meeting_counts_ck" CHECK (
          "attendance" >= 0 AND "in_favour" >= 0 AND "against" >= 0 AND "abstained" >= 0
          AND coalesce("in_favour", 0) + coalesce("against", 0) + coalesce("abstained", 0) <= coalesce("attendance", 0))
      )`,
      `CREATE INDEX "community_meeting_precinct_idx" ON ${s}."community_meeting" ("precinct_code", "scheduled_at")`,
      // The old counter of registered requests is replaced by the case_item read model (rebuilt from events).
      `DROP TABLE ${s}."precinct_caseload"`,
    ];
    for (const sql of statements) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = '"inspector_roster"';
    await queryRunner.query(`
      CREATE TABLE ${s}."precinct_caseload" (
        "precinct_code"       text NOT NULL,
        "registered_requests" integer NOT NULL DEFAULT 0,
        "last_request_at"     timestamptz NOT NULL,
        "updated_at"          timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "precinct_caseload_pk" PRIMARY KEY ("precinct_code"),
        CONSTRAINT "precinct_caseload_count_ck" CHECK ("registered_requests" >= 0)
      )`);
    for (const table of ['community_meeting', 'candidacy', 'case_item', 'leave', 'district_duty', 'duty_schedule', 'shift_pattern', 'assignment', 'inspector', 'precinct_shape', 'precinct', 'district', 'region']) {
      await queryRunner.query(`DROP TABLE ${s}."${table}"`);
    }
  }
}

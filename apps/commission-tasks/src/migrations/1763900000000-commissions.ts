import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Interagency commissions and their tasks (issue 6):
 * - organisations (agencies and partners) with a territory, a point of contact able to commit
 *   resources, a deputy and the contact's manager (the escalation ladder's second step);
 *   information-sharing agreements (scopes, signed, review date) that decide what a partner sees;
 * - commissions (level, territory, host akimat, chair, secretary, members, reminder and escalation
 *   settings, whether the public accountability view is published); meetings with agenda,
 *   attendance and minutes (due 3 working days after the meeting);
 * - decisions (what, why, evidence, stage of the six-stage cycle, its history) and
 *   recommendation packages to the akim;
 * - tasks (lead and co-executors, territory, due date from a date or a timeframe, priority,
 *   status, links to problems, requests and surveys), reports with attachment metadata and their
 *   review, reviews at meetings with reason codes, and the escalation log, which cannot be changed;
 * - the requests known from citizen-requests events (ids, category, territory, status: no people).
 */
export class Commissions1763900000000 implements MigrationInterface {
  name = 'Commissions1763900000000';

  async up(q: QueryRunner): Promise<void> {
    const s = '"commission_tasks"';
    await q.query(`
      CREATE TABLE ${s}."organisation" (
        "id"               text PRIMARY KEY CHECK ("id" ~ '^[a-z0-9-]{2,64}$'),
        "kind"             text NOT NULL CHECK ("kind" IN ('police','akimat','school','health','social_protection','prosecutor','ngo','housing','business','other')),
        "name_kk"          text NOT NULL,
        "name_ru"          text NOT NULL,
        "name_en"          text NOT NULL,
        "territory_code"   text NOT NULL CHECK ("territory_code" ~ '^[A-Z]{3}(-[A-Z]{3}(-[0-9]{2,3})?)?$'),
        "region_code"      text NOT NULL,
        "contact_name"     text NOT NULL,
        "contact_position" text NOT NULL,
        "contact_email"    text,
        "contact_phone"    text,
        "deputy_name"      text,
        "deputy_position"  text,
        "manager_name"     text,
        "manager_position" text,
        "created_at"       timestamptz NOT NULL DEFAULT now(),
        "updated_at"       timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE ${s}."sharing_agreement" (
        "id"              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "organisation_id" text NOT NULL REFERENCES ${s}."organisation" ("id"),
        "scopes"          text[] NOT NULL,
        "territory_code"  text NOT NULL,
        "signed_on"       date NOT NULL,
        "review_on"       date NOT NULL,
        "revoked_at"      timestamptz,
        "recorded_by"     text NOT NULL,
        "created_at"      timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "sharing_agreement_dates_ck" CHECK ("review_on" > "signed_on"),
        CONSTRAINT "sharing_agreement_scopes_ck" CHECK ("scopes" <@ ARRAY['decisions','task_details','linked_requests','sensitive_tasks']::text[])
      )`);
    await q.query(`CREATE INDEX "sharing_agreement_org_ix" ON ${s}."sharing_agreement" ("organisation_id")`);
    await q.query(`
      CREATE TABLE ${s}."commission" (
        "id"                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "code"                  text NOT NULL UNIQUE CHECK ("code" ~ '^[A-Z0-9-]{2,32}$'),
        "level"                 text NOT NULL CHECK ("level" IN ('republic','region','district')),
        "territory_code"        text NOT NULL,
        "region_code"           text NOT NULL,
        "host_akimat_id"        text NOT NULL REFERENCES ${s}."organisation" ("id"),
        "name_kk"               text NOT NULL,
        "name_ru"               text NOT NULL,
        "name_en"               text NOT NULL,
        "chair_name"            text NOT NULL,
        "chair_position"        text NOT NULL,
        "secretary_username"    text,
        "reminder_working_days" integer NOT NULL DEFAULT 2 CHECK ("reminder_working_days" BETWEEN 0 AND 20),
        "escalation_waits"      integer[] NOT NULL DEFAULT '{0,2,3}',
        "published"             boolean NOT NULL DEFAULT false,
        "published_at"          timestamptz,
        "created_at"            timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "commission_waits_ck" CHECK (array_length("escalation_waits", 1) = 3)
      )`);
    await q.query(`
      CREATE TABLE ${s}."commission_member" (
        "commission_id"   uuid NOT NULL REFERENCES ${s}."commission" ("id"),
        "organisation_id" text NOT NULL REFERENCES ${s}."organisation" ("id"),
        "joined_on"       date NOT NULL,
        "left_on"         date,
        PRIMARY KEY ("commission_id", "organisation_id")
      )`);
    await q.query(`
      CREATE TABLE ${s}."meeting" (
        "id"                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "commission_id"        uuid NOT NULL REFERENCES ${s}."commission" ("id"),
        "year"                 integer NOT NULL,
        "number"               integer NOT NULL,
        "scheduled_at"         timestamptz NOT NULL,
        "venue"                text NOT NULL,
        "status"               text NOT NULL DEFAULT 'scheduled' CHECK ("status" IN ('scheduled','held','cancelled')),
        "held_at"              timestamptz,
        "minutes_due_on"       date,
        "minutes_text"         text,
        "minutes_drafted_at"   timestamptz,
        "minutes_published_at" timestamptz,
        "created_by"           text NOT NULL,
        "created_at"           timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "meeting_number_uq" UNIQUE ("commission_id", "year", "number")
      )`);
    await q.query(`
      CREATE TABLE ${s}."agenda_item" (
        "id"          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "meeting_id"  uuid NOT NULL REFERENCES ${s}."meeting" ("id"),
        "position"    integer NOT NULL,
        "source"      text NOT NULL CHECK ("source" IN ('problem','request_stats','partner_proposal','carry_over','recommendation_package','other')),
        "reference"   text,
        "title"       text NOT NULL,
        "proposed_by" text REFERENCES ${s}."organisation" ("id"),
        "summary"     jsonb,
        CONSTRAINT "agenda_item_position_uq" UNIQUE ("meeting_id", "position")
      )`);
    await q.query(`
      CREATE TABLE ${s}."attendance" (
        "meeting_id"      uuid NOT NULL REFERENCES ${s}."meeting" ("id"),
        "organisation_id" text NOT NULL REFERENCES ${s}."organisation" ("id"),
        "status"          text NOT NULL CHECK ("status" IN ('present','apologies','absent')),
        "representative"  text,
        PRIMARY KEY ("meeting_id", "organisation_id")
      )`);
    await q.query(`
      CREATE TABLE ${s}."decision" (
        "id"             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "commission_id"  uuid NOT NULL REFERENCES ${s}."commission" ("id"),
        "meeting_id"     uuid REFERENCES ${s}."meeting" ("id"),
        "package_id"     uuid,
        "number"         text NOT NULL,
        "title"          text NOT NULL,
        "what"           text NOT NULL,
        "why"            text NOT NULL,
        "evidence"       jsonb NOT NULL DEFAULT '[]'::jsonb,
        "territory_code" text NOT NULL,
        "region_code"    text NOT NULL,
        "stage"          text NOT NULL CHECK ("stage" IN ('diagnose','collect','alternatives','decide','implement','evaluate')),
        "evaluation"     text,
        "recorded_by"    text NOT NULL,
        "recorded_at"    timestamptz NOT NULL,
        CONSTRAINT "decision_number_uq" UNIQUE ("commission_id", "number")
      )`);
    await q.query(`
      CREATE TABLE ${s}."decision_stage" (
        "id"          bigserial PRIMARY KEY,
        "decision_id" uuid NOT NULL REFERENCES ${s}."decision" ("id"),
        "from_stage"  text,
        "to_stage"    text NOT NULL,
        "note"        text,
        "changed_by"  text NOT NULL,
        "changed_at"  timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE ${s}."recommendation_package" (
        "id"              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "commission_id"   uuid NOT NULL REFERENCES ${s}."commission" ("id"),
        "title"           text NOT NULL,
        "analysis"        text NOT NULL,
        "recommendations" jsonb NOT NULL,
        "addressee"       text NOT NULL,
        "status"          text NOT NULL DEFAULT 'draft' CHECK ("status" IN ('draft','submitted','answered')),
        "submitted_at"    timestamptz,
        "answer"          text,
        "answered_at"     timestamptz,
        "created_by"      text NOT NULL,
        "created_at"      timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE ${s}."task" (
        "id"                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "commission_id"          uuid NOT NULL REFERENCES ${s}."commission" ("id"),
        "decision_id"            uuid REFERENCES ${s}."decision" ("id"),
        "number"                 text NOT NULL,
        "title"                  text NOT NULL,
        "description"            text NOT NULL,
        "lead_org_id"            text NOT NULL REFERENCES ${s}."organisation" ("id"),
        "territory_code"         text NOT NULL CHECK ("territory_code" ~ '^[A-Z]{3}(-[A-Z]{3}(-[0-9]{2,3})?)?$'),
        "region_code"            text NOT NULL,
        "priority"               text NOT NULL CHECK ("priority" IN ('low','normal','high','critical')),
        "status"                 text NOT NULL CHECK ("status" IN ('assigned','accepted','in_progress','reported','done','not_done','cancelled')),
        "due_kind"               text NOT NULL CHECK ("due_kind" IN ('date','timeframe')),
        "timeframe_working_days" integer,
        "due_on"                 date NOT NULL,
        "due_at"                 timestamptz NOT NULL,
        "original_due_at"        timestamptz NOT NULL,
        "assigned_at"            timestamptz NOT NULL,
        "accepted_at"            timestamptz,
        "started_at"             timestamptz,
        "reported_at"            timestamptz,
        "closed_at"              timestamptz,
        "on_time"                boolean,
        "progress_percent"       integer NOT NULL DEFAULT 0,
        "template_code"          text,
        "sensitive"              boolean NOT NULL DEFAULT false,
        "problem_id"             uuid,
        "blocks_problem"         boolean NOT NULL DEFAULT false,
        "request_ids"            uuid[] NOT NULL DEFAULT '{}',
        "survey_reference"       text,
        "inspector_id"           uuid,
        "remind_at"              timestamptz NOT NULL,
        "reminded_for"           timestamptz,
        "overdue_for"            timestamptz,
        "carry_overs"            integer NOT NULL DEFAULT 0,
        "version"                integer NOT NULL DEFAULT 1,
        "created_by"             text NOT NULL,
        "updated_at"             timestamptz NOT NULL,
        CONSTRAINT "task_number_uq" UNIQUE ("commission_id", "number"),
        CONSTRAINT "task_closed_ck" CHECK (("status" IN ('done','not_done','cancelled')) = ("closed_at" IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX "task_open_due_ix" ON ${s}."task" ("due_at") WHERE "status" IN ('assigned','accepted','in_progress','reported')`);
    await q.query(`CREATE INDEX "task_lead_ix" ON ${s}."task" ("lead_org_id", "status")`);
    await q.query(`CREATE INDEX "task_region_ix" ON ${s}."task" ("region_code", "status")`);
    await q.query(`CREATE INDEX "task_decision_ix" ON ${s}."task" ("decision_id")`);
    await q.query(`
      CREATE TABLE ${s}."task_co_executor" (
        "task_id"         uuid NOT NULL REFERENCES ${s}."task" ("id"),
        "organisation_id" text NOT NULL REFERENCES ${s}."organisation" ("id"),
        PRIMARY KEY ("task_id", "organisation_id")
      )`);
    await q.query(`CREATE INDEX "task_co_executor_org_ix" ON ${s}."task_co_executor" ("organisation_id")`);
    await q.query(`
      CREATE TABLE ${s}."task_report" (
        "id"               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "task_id"          uuid NOT NULL REFERENCES ${s}."task" ("id"),
        "organisation_id"  text NOT NULL REFERENCES ${s}."organisation" ("id"),
        "author"           text NOT NULL,
        "text"             text NOT NULL,
        "attachments"      jsonb NOT NULL DEFAULT '[]'::jsonb,
        "progress_percent" integer NOT NULL CHECK ("progress_percent" BETWEEN 0 AND 100),
        "final"            boolean NOT NULL,
        "submitted_at"     timestamptz NOT NULL,
        "outcome"          text CHECK ("outcome" IN ('accepted','returned')),
        "return_reason"    text,
        "reviewed_by"      text,
        "reviewed_at"      timestamptz
      )`);
    await q.query(`CREATE INDEX "task_report_task_ix" ON ${s}."task_report" ("task_id", "submitted_at")`);
    await q.query(`
      CREATE TABLE ${s}."task_review" (
        "id"              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "task_id"         uuid NOT NULL REFERENCES ${s}."task" ("id"),
        "meeting_id"      uuid NOT NULL REFERENCES ${s}."meeting" ("id"),
        "reason_code"     text NOT NULL CHECK ("reason_code" IN ('circumstances_changed','not_done_by_agency')),
        "outcome"         text NOT NULL CHECK ("outcome" IN ('carried_over','closed')),
        "previous_due_at" timestamptz NOT NULL,
        "new_due_at"      timestamptz,
        "note"            text,
        "reviewed_by"     text NOT NULL,
        "reviewed_at"     timestamptz NOT NULL,
        CONSTRAINT "task_review_once_ck" UNIQUE ("task_id", "meeting_id")
      )`);
    await q.query(`
      CREATE TABLE ${s}."escalation" (
        "id"             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "task_id"        uuid NOT NULL REFERENCES ${s}."task" ("id"),
        "due_at"         timestamptz NOT NULL,
        "step"           integer NOT NULL CHECK ("step" BETWEEN 1 AND 3),
        "target"         text NOT NULL CHECK ("target" IN ('point_of_contact','manager','chair')),
        "target_org_id"  text NOT NULL,
        "target_position" text,
        "escalated_at"   timestamptz NOT NULL,
        CONSTRAINT "escalation_once_uq" UNIQUE ("task_id", "due_at", "step")
      )`);
    // The escalation log is evidence: rows are added, never changed or removed.
    await q.query(`
      CREATE FUNCTION ${s}."escalation_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'the escalation log is immutable (% refused)', TG_OP; END $$`);
    await q.query(`CREATE TRIGGER "escalation_immutable_tg" BEFORE UPDATE OR DELETE ON ${s}."escalation" FOR EACH ROW EXECUTE FUNCTION ${s}."escalation_immutable"()`);
    await q.query(`
      CREATE TABLE ${s}."known_request" (
        "id"                  uuid PRIMARY KEY,
        "registration_number" text,
        "kind"                text,
        "category"            text,
        "region_code"         text,
        "precinct_code"       text,
        "status"              text NOT NULL DEFAULT 'open',
        "received_at"         timestamptz,
        "closed_at"           timestamptz,
        "updated_at"          timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX "known_request_territory_ix" ON ${s}."known_request" ("precinct_code", "received_at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = '"commission_tasks"';
    for (const table of ['known_request', 'escalation', 'task_review', 'task_report', 'task_co_executor', 'task', 'recommendation_package', 'decision_stage', 'decision', 'attendance', 'agenda_item', 'meeting', 'commission_member', 'commission', 'sharing_agreement', 'organisation']) {
      await q.query(`DROP TABLE ${s}."${table}"`);
    }
    await q.query(`DROP FUNCTION ${s}."escalation_immutable"()`);
  }
}

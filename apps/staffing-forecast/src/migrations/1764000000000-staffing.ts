import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staffing forecasts (issue 8):
 * - precincts as the roster describes them (population, area, settlement type, officers, their
 *   available hours from shifts and leave), refreshed through the roster's GraphQL API;
 * - the workload gathered from events: one fact per citizen request (ids, category, channel,
 *   territory, times, how many inspectors it took: no people), monthly sums per precinct and
 *   category, police tasks of commissions per territory and month, and the latest trust figures;
 * - workforce facts per territory and month, entered or imported by HR planners (authorised and
 *   filled posts, hires, departures by reason, expected retirements, training lead time);
 * - forecast runs with their parameters, progress and summary, and per precinct and district
 *   results with every input, formula, parameter and intermediate value behind them.
 */
export class Staffing1764000000000 implements MigrationInterface {
  name = 'Staffing1764000000000';

  async up(q: QueryRunner): Promise<void> {
    const s = '"staffing_forecast"';
    const TERRITORY = `'^[A-Z]{3}(-[A-Z]{3}(-[0-9]{2,3})?)?$'`;
    await q.query(`
      CREATE TABLE ${s}."precinct" (
        "code"                         text PRIMARY KEY CHECK ("code" ~ '^[A-Z]{3}-[A-Z]{3}-[0-9]{2,3}$'),
        "district_code"                text NOT NULL,
        "region_code"                  text NOT NULL,
        "population"                   integer NOT NULL CHECK ("population" >= 0),
        "area_km2"                     double precision NOT NULL CHECK ("area_km2" >= 0),
        "settlement_type"              text NOT NULL CHECK ("settlement_type" IN ('urban','rural')),
        "officers"                     integer NOT NULL DEFAULT 0,
        "post_holders"                 integer NOT NULL DEFAULT 0,
        "officers_with_schedule"       integer NOT NULL DEFAULT 0,
        "scheduled_hours"              double precision NOT NULL DEFAULT 0,
        "leave_hours"                  double precision NOT NULL DEFAULT 0,
        "holiday_hours"                double precision NOT NULL DEFAULT 0,
        "available_hours"              double precision NOT NULL DEFAULT 0,
        "availability_year"            integer,
        "synced_at"                    timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX "precinct_district_idx" ON ${s}."precinct" ("district_code")`);
    await q.query(`CREATE INDEX "precinct_region_idx" ON ${s}."precinct" ("region_code")`);
    await q.query(`
      CREATE TABLE ${s}."roster_sync" (
        "scope_code"  text PRIMARY KEY,
        "year"        integer NOT NULL,
        "precincts"   integer NOT NULL,
        "synced_at"   timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE ${s}."request_fact" (
        "request_id"         uuid PRIMARY KEY,
        "precinct_code"      text NOT NULL,
        "category"           text NOT NULL,
        "kind"               text NOT NULL,
        "channel"            text NOT NULL,
        "registered_at"      timestamptz NOT NULL,
        "first_assigned_at"  timestamptz,
        "answered_at"        timestamptz,
        "inspectors"         uuid[] NOT NULL DEFAULT '{}',
        "elapsed_hours"      double precision
      )`);
    await q.query(`
      CREATE TABLE ${s}."workload_month" (
        "precinct_code"   text NOT NULL,
        "category"        text NOT NULL,
        "month"           date NOT NULL CHECK (extract(day FROM "month") = 1),
        "requests"        integer NOT NULL DEFAULT 0,
        "line_102"        integer NOT NULL DEFAULT 0,
        "answered"        integer NOT NULL DEFAULT 0,
        "elapsed_hours"   double precision NOT NULL DEFAULT 0,
        "units"           integer NOT NULL DEFAULT 0,
        PRIMARY KEY ("precinct_code", "category", "month")
      )`);
    await q.query(`CREATE INDEX "workload_month_month_idx" ON ${s}."workload_month" ("month")`);
    await q.query(`
      CREATE TABLE ${s}."task_fact" (
        "task_id"          uuid PRIMARY KEY,
        "territory_code"   text NOT NULL CHECK ("territory_code" ~ ${TERRITORY}),
        "month"            date NOT NULL
      )`);
    await q.query(`CREATE INDEX "task_fact_territory_idx" ON ${s}."task_fact" ("territory_code", "month")`);
    await q.query(`
      CREATE TABLE ${s}."trust" (
        "scope_code"     text PRIMARY KEY,
        "indicator"      text NOT NULL,
        "value"          double precision,
        "n"              integer NOT NULL,
        "period_start"   date NOT NULL,
        "computed_at"    timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE ${s}."workforce_fact" (
        "territory_code"          text NOT NULL CHECK ("territory_code" ~ ${TERRITORY}),
        "period"                  date NOT NULL CHECK (extract(day FROM "period") = 1),
        "authorised"              integer NOT NULL CHECK ("authorised" >= 0),
        "filled"                  integer NOT NULL CHECK ("filled" >= 0),
        "hires"                   integer NOT NULL DEFAULT 0 CHECK ("hires" >= 0),
        "departures_retirement"   integer NOT NULL DEFAULT 0 CHECK ("departures_retirement" >= 0),
        "departures_own_request"  integer NOT NULL DEFAULT 0 CHECK ("departures_own_request" >= 0),
        "departures_negative"     integer NOT NULL DEFAULT 0 CHECK ("departures_negative" >= 0),
        "departures_transfer"     integer NOT NULL DEFAULT 0 CHECK ("departures_transfer" >= 0),
        "departures_other"        integer NOT NULL DEFAULT 0 CHECK ("departures_other" >= 0),
        "expected_retirements"    integer NOT NULL DEFAULT 0 CHECK ("expected_retirements" >= 0),
        "training_lead_months"    integer CHECK ("training_lead_months" BETWEEN 0 AND 72),
        "source"                  text NOT NULL CHECK ("source" IN ('manual','csv')),
        "entered_by"              text NOT NULL,
        "entered_at"              timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY ("territory_code", "period")
      )`);
    await q.query(`
      CREATE TABLE ${s}."forecast_run" (
        "id"              uuid PRIMARY KEY,
        "scope_code"      text NOT NULL CHECK ("scope_code" = 'KAZ' OR "scope_code" ~ ${TERRITORY}),
        "horizon_months"  integer NOT NULL CHECK ("horizon_months" BETWEEN 1 AND 120),
        "scenario"        text NOT NULL CHECK ("scenario" IN ('ideal','positive','neutral','negative')),
        "model"           text NOT NULL CHECK ("model" IN ('workload','population','queueing','combined')),
        "parameters"      jsonb NOT NULL,
        "status"          text NOT NULL DEFAULT 'queued' CHECK ("status" IN ('queued','running','succeeded','failed')),
        "progress_done"   integer NOT NULL DEFAULT 0,
        "progress_total"  integer NOT NULL DEFAULT 0,
        "summary"         jsonb,
        "error"           text,
        "note"            text,
        "created_by"      text NOT NULL,
        "created_at"      timestamptz NOT NULL DEFAULT now(),
        "started_at"      timestamptz,
        "finished_at"     timestamptz,
        "heartbeat_at"    timestamptz,
        "published_at"    timestamptz,
        "published_by"    text
      )`);
    await q.query(`CREATE INDEX "forecast_run_scope_idx" ON ${s}."forecast_run" ("scope_code", "created_at" DESC)`);
    await q.query(`CREATE INDEX "forecast_run_queue_idx" ON ${s}."forecast_run" ("created_at") WHERE "status" = 'queued'`);
    await q.query(`
      CREATE TABLE ${s}."forecast_precinct" (
        "run_id"           uuid NOT NULL REFERENCES ${s}."forecast_run" ("id") ON DELETE CASCADE,
        "precinct_code"    text NOT NULL,
        "district_code"    text NOT NULL,
        "region_code"      text NOT NULL,
        "need"             double precision NOT NULL,
        "need_workload"    double precision NOT NULL,
        "need_population"  double precision NOT NULL,
        "need_queueing"    double precision NOT NULL,
        "current"          integer NOT NULL,
        "allocated"        integer NOT NULL,
        "explanation"      jsonb NOT NULL,
        PRIMARY KEY ("run_id", "precinct_code")
      )`);
    await q.query(`CREATE INDEX "forecast_precinct_code_idx" ON ${s}."forecast_precinct" ("precinct_code")`);
    await q.query(`
      CREATE TABLE ${s}."forecast_district" (
        "run_id"         uuid NOT NULL REFERENCES ${s}."forecast_run" ("id") ON DELETE CASCADE,
        "district_code"  text NOT NULL,
        "region_code"    text NOT NULL,
        "need"           double precision NOT NULL,
        "current"        integer NOT NULL,
        "allocated"      integer NOT NULL,
        "filled"         integer,
        "authorised"     integer,
        "filled_at_horizon" double precision,
        "supply"         jsonb NOT NULL,
        PRIMARY KEY ("run_id", "district_code")
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = '"staffing_forecast"';
    for (const t of ['forecast_district', 'forecast_precinct', 'forecast_run', 'workforce_fact', 'trust', 'task_fact', 'workload_month', 'request_fact', 'roster_sync', 'precinct']) {
      await q.query(`DROP TABLE IF EXISTS ${s}."${t}"`);
    }
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Intake1763771000000 implements MigrationInterface {
  name = 'Intake1763771000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "citizen_requests"."citizen_request" (
        "id"                  uuid NOT NULL DEFAULT gen_random_uuid(),
        "registration_number" text NOT NULL,
        "kind"                text NOT NULL,
        "category"            text NOT NULL,
        "channel"             text NOT NULL,
        "region_code"         text NOT NULL,
        "precinct_code"       text NOT NULL,
        "description"         text NOT NULL,
        "received_at"         timestamptz NOT NULL,
        "registered_at"       timestamptz NOT NULL,
        CONSTRAINT "citizen_request_pk" PRIMARY KEY ("id"),
        CONSTRAINT "citizen_request_registration_number_uq" UNIQUE ("registration_number"),
        CONSTRAINT "citizen_request_kind_ck" CHECK ("kind" IN ('proposal','application','complaint','feedback','inquiry','tip')),
        CONSTRAINT "citizen_request_channel_ck" CHECK ("channel" IN ('web','open311','walk-in','letter','line-102','telegram'))
      )`);
    await queryRunner.query(
      `CREATE INDEX "citizen_request_precinct_idx" ON "citizen_requests"."citizen_request" ("precinct_code", "registered_at")`,
    );
    await queryRunner.query(`
      CREATE TABLE "citizen_requests"."registration_counter" (
        "region_code" text NOT NULL,
        "year"        integer NOT NULL,
        "last_value"  integer NOT NULL,
        CONSTRAINT "registration_counter_pk" PRIMARY KEY ("region_code", "year")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "citizen_requests"."registration_counter"`);
    await queryRunner.query(`DROP TABLE "citizen_requests"."citizen_request"`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Caseload1763772000000 implements MigrationInterface {
  name = 'Caseload1763772000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "inspector_roster"."precinct_caseload" (
        "precinct_code"       text NOT NULL,
        "registered_requests" integer NOT NULL DEFAULT 0,
        "last_request_at"     timestamptz NOT NULL,
        "updated_at"          timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "precinct_caseload_pk" PRIMARY KEY ("precinct_code"),
        CONSTRAINT "precinct_caseload_count_ck" CHECK ("registered_requests" >= 0)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "inspector_roster"."precinct_caseload"`);
  }
}

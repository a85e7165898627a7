import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who registered a request (the token subject: the citizen themself, or the officer who took a
 * walk-in or letter), so citizens can see their own requests; and a keyset index for the
 * jurisdiction-filtered, newest-first lists of the GraphQL API.
 */
export class RegisteredBy1763774000000 implements MigrationInterface {
  name = 'RegisteredBy1763774000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "citizen_requests"."citizen_request" ADD COLUMN "registered_by_subject" text`);
    await queryRunner.query(`ALTER TABLE "citizen_requests"."citizen_request" ADD COLUMN "registered_by_role" text`);
    await queryRunner.query(`DROP INDEX "citizen_requests"."citizen_request_precinct_idx"`);
    await queryRunner.query(
      `CREATE INDEX "citizen_request_precinct_idx" ON "citizen_requests"."citizen_request" ("precinct_code", "registered_at" DESC, "id" DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX "citizen_request_registered_idx" ON "citizen_requests"."citizen_request" ("registered_at" DESC, "id" DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX "citizen_request_registered_by_idx" ON "citizen_requests"."citizen_request" ("registered_by_subject", "registered_at" DESC)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "citizen_requests"."citizen_request_registered_by_idx"`);
    await queryRunner.query(`DROP INDEX "citizen_requests"."citizen_request_registered_idx"`);
    await queryRunner.query(`DROP INDEX "citizen_requests"."citizen_request_precinct_idx"`);
    await queryRunner.query(
      `CREATE INDEX "citizen_request_precinct_idx" ON "citizen_requests"."citizen_request" ("precinct_code", "registered_at")`,
    );
    await queryRunner.query(`ALTER TABLE "citizen_requests"."citizen_request" DROP COLUMN "registered_by_role"`);
    await queryRunner.query(`ALTER TABLE "citizen_requests"."citizen_request" DROP COLUMN "registered_by_subject"`);
  }
}

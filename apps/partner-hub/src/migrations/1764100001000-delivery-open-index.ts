import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The dispatcher's claim looks only at open deliveries (pending, or delivering with a lease), but
 * without an index on them it scanned the whole `delivery` table, delivered history included: 63 ms a
 * claim at 50,000 rows and about 5 s at a million (bench:webhooks, docs/benchmarks.md). A partial
 * index on the open ones keeps a claim proportional to what is due, not to the retained history.
 */
export class DeliveryOpenIndex1764100001000 implements MigrationInterface {
  name = 'DeliveryOpenIndex1764100001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "delivery_open_idx" ON "partner_hub"."delivery" ("subscription_id", "id") WHERE "status" IN ('pending', 'delivering')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS "partner_hub"."delivery_open_idx"`);
  }
}

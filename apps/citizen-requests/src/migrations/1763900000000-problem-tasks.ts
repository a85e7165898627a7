import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Commission tasks tied to problems (issue 6), kept from the commission-tasks events: a task
 * assigned with `blocksProblem` keeps its problem from counting as resolved until it is closed.
 * No foreign key to `problem`: the event may name a problem this database does not hold (another
 * deployment's, or one not yet replicated), and the consumer stores what it is told. A close that
 * arrives before its assignment is kept with no problem yet (`problem_id` null), so the assignment
 * that follows finds the task closed; commission tasks are few (hundreds a year per region), so
 * these rows of tasks that never concern a problem cost nothing worth purging.
 */
export class ProblemTasks1763900000000 implements MigrationInterface {
  name = 'ProblemTasks1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "citizen_requests"."problem_task" (
        "task_id"     uuid NOT NULL,
        "problem_id"  uuid,
        "blocks"      boolean NOT NULL DEFAULT false,
        "status"      text NOT NULL DEFAULT 'open',
        "assigned_at" timestamptz,
        "closed_at"   timestamptz,
        "updated_at"  timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "problem_task_pk" PRIMARY KEY ("task_id"),
        CONSTRAINT "problem_task_status_ck" CHECK ("status" IN ('open','done','not_done','cancelled'))
      )`);
    await q.query(`CREATE INDEX "problem_task_problem_idx" ON "citizen_requests"."problem_task" ("problem_id") WHERE "problem_id" IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "citizen_requests"."problem_task"`);
  }
}

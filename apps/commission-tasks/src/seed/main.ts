// `node -r ./tools/register.js apps/commission-tasks/src/seed/main.ts` (run by `npm start` after the
// migrations, before the service starts): the Astana demo commission AST-IAC with two months of
// meetings, decisions and tasks in every status (see scenario.ts). Does nothing if AST-IAC exists.
// Writes through the service's own classes: every change has its audit entry and its event in the
// outbox, which the service's relay publishes once it starts. Needs DATABASE_URL; not Kafka.
import 'reflect-metadata';
import { newCorrelationId, runInContext } from '@seriktes/observability';
import { openSeedContext, type SeedContext } from './context';
import { COMMISSION_CODE } from './people';
import { seedAstana } from './scenario';
import { Timeline } from './timeline';

const STATUSES = ['assigned', 'accepted', 'in_progress', 'reported', 'done', 'not_done', 'cancelled'] as const;

async function summary(ctx: SeedContext, commissionId: string, now: Date): Promise<string[]> {
  const q = async <T>(sql: string): Promise<T[]> => (await ctx.dataSource.query(sql, [commissionId])) as T[];
  const byStatus = await q<{ status: string; n: number; late: number }>(
    `SELECT status, count(*)::int AS n, count(*) FILTER (WHERE on_time = false)::int AS late FROM commission_tasks.task WHERE commission_id = $1 GROUP BY status`,
  );
  const [overdue] = (await ctx.dataSource.query(
    `SELECT count(*)::int AS n FROM commission_tasks.task WHERE commission_id = $1 AND status IN ('assigned','accepted','in_progress') AND due_at < $2`,
    [commissionId, now],
  )) as Array<{ n: number }>;
  const steps = await q<{ step: number; n: number }>(
    `SELECT e.step, count(*)::int AS n FROM commission_tasks.escalation e JOIN commission_tasks.task t ON t.id = e.task_id WHERE t.commission_id = $1 GROUP BY e.step ORDER BY e.step`,
  );
  const stages = await q<{ stage: string; n: number }>(`SELECT stage, count(*)::int AS n FROM commission_tasks.decision WHERE commission_id = $1 GROUP BY stage ORDER BY stage`);
  const meetings = await q<{ status: string; n: number }>(`SELECT status, count(*)::int AS n FROM commission_tasks.meeting WHERE commission_id = $1 GROUP BY status ORDER BY status`);
  const [{ n: outbox }] = (await ctx.dataSource.query(`SELECT count(*)::int AS n FROM commission_tasks.outbox`)) as Array<{ n: number }>;
  const count = (s: string) => byStatus.find((r) => r.status === s);
  const total = byStatus.reduce((sum, r) => sum + r.n, 0);
  return [
    `tasks: ${total} (${STATUSES.map((s) => `${s} ${count(s)?.n ?? 0}${s === 'done' && count(s)?.late ? `, ${count(s)?.late} late` : ''}`).join(', ')}); overdue now ${overdue.n}`,
    `escalation steps: ${steps.map((s) => `step ${s.step} ×${s.n}`).join(', ') || 'none'}`,
    `decisions: ${stages.map((s) => `${s.stage} ${s.n}`).join(', ')}; meetings: ${meetings.map((m) => `${m.status} ${m.n}`).join(', ')}`,
    `outbox: ${outbox} event(s) waiting for the relay`,
  ];
}

async function main(): Promise<number> {
  const ctx = await openSeedContext();
  try {
    const existing = await ctx.commissions.byCode(COMMISSION_CODE);
    if (existing) {
      console.log(`demo commission ${COMMISSION_CODE} exists already: nothing seeded`);
      return 0;
    }
    const clock = new Timeline(new Date(), ctx.calendar, (at) => ctx.deadlines.tick(at));
    // One correlation id for everything the seed did: it is in every event and audit entry.
    const correlationId = newCorrelationId();
    const { commissionId } = await runInContext({ correlationId }, () => seedAstana(ctx, clock));
    console.log(`demo commission ${COMMISSION_CODE}: seeded from ${clock.workingDay(-44)} to ${clock.today} (${clock.scans} deadline scans; correlation id ${correlationId})`);
    for (const line of await summary(ctx, commissionId, clock.now)) console.log(`  ${line}`);
    return 0;
  } finally {
    await ctx.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);

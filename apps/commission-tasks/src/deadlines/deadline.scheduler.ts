import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { WorkingCalendar } from '@seriktes/calendar';
import { CommissionTaskDueSoon, CommissionTaskEscalated, CommissionTaskOverdue } from '@seriktes/contracts';
import { EventPublisher } from '@seriktes/messaging';
import { PeriodicJob } from '@seriktes/runtime';
import { scopeOf } from '../tasks/task.service';
import { workingDaysLeft } from './due';
import { escalationLadder, stepsDue } from './escalation';

export const DEADLINE_SCAN_INTERVAL = Symbol('DEADLINE_SCAN_INTERVAL');
const BATCH = 200;
const OWES = `('assigned','accepted','in_progress')`;

export interface ScanResult {
  reminded: number;
  overdue: number;
  escalated: number;
}

interface DueTask {
  id: string;
  commission_id: string;
  lead_org_id: string;
  territory_code: string;
  due_on: string;
  due_at: Date;
  host_akimat_id: string;
  escalation_waits: number[];
  contact_position: string;
  manager_position: string | null;
  chair_position: string;
  taken: number[];
}

/**
 * Reminders before the due date, the overdue event, and the escalation ladder (point of contact,
 * their manager, the commission chair), each step after its own wait. Every mark commits with its
 * event in the outbox, and escalation rows are unique per task, missed due time and step (an
 * immutable log), so each happens exactly once whatever restarts or replicas; rows are claimed with
 * SKIP LOCKED. A reported task waits for the secretary, so it is neither overdue nor escalated.
 */
@Injectable()
export class DeadlineScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly job = new PeriodicJob('task deadline scan', (now) => this.scan(now), new Logger('DeadlineScheduler'));

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventPublisher,
    private readonly calendar: WorkingCalendar,
    @Inject(DEADLINE_SCAN_INTERVAL) private readonly intervalMs: number,
  ) {}

  onApplicationBootstrap(): void {
    this.job.start(this.intervalMs);
  }

  onModuleDestroy(): Promise<void> {
    return this.job.stop();
  }

  /** One scan at `now` (tests drive it with a chosen time). One at a time per process. */
  tick(now = new Date()): Promise<ScanResult> {
    return this.job.run(now);
  }

  private async scan(now: Date): Promise<ScanResult> {
    const result: ScanResult = { reminded: 0, overdue: 0, escalated: 0 };
    for (let n = BATCH; n === BATCH; result.reminded += n) n = await this.remind(now);
    for (let n = BATCH; n === BATCH; result.overdue += n) n = await this.markOverdue(now);
    // A full batch with steps taken may hide more; a batch with none has nothing more to do now.
    for (;;) {
      const r = await this.escalate(now);
      result.escalated += r.steps;
      if (r.claimed < BATCH || r.steps === 0) break;
    }
    return result;
  }

  private remind(now: Date): Promise<number> {
    return this.dataSource.transaction(async (em) => {
      const rows = (await em.query(
        `SELECT id, commission_id, lead_org_id, territory_code, due_on::text, due_at FROM commission_tasks.task
          WHERE status IN ${OWES} AND remind_at <= $1 AND due_at > $1 AND reminded_for IS DISTINCT FROM due_at
          ORDER BY remind_at FOR UPDATE SKIP LOCKED LIMIT ${BATCH}`,
        [now],
      )) as DueTask[];
      for (const t of rows) {
        await this.events.publish(
          em,
          CommissionTaskDueSoon,
          { ...scopeOf(t), dueAt: t.due_at.toISOString(), workingDaysLeft: workingDaysLeft(now, t.due_on, this.calendar), remindedAt: now.toISOString() },
          { subject: t.id, time: now },
        );
        await em.query(`UPDATE commission_tasks.task SET reminded_for = due_at WHERE id = $1`, [t.id]);
      }
      return rows.length;
    });
  }

  private markOverdue(now: Date): Promise<number> {
    return this.dataSource.transaction(async (em) => {
      const rows = (await em.query(
        `SELECT id, commission_id, lead_org_id, territory_code, due_at FROM commission_tasks.task
          WHERE status IN ${OWES} AND due_at < $1 AND overdue_for IS DISTINCT FROM due_at
          ORDER BY due_at FOR UPDATE SKIP LOCKED LIMIT ${BATCH}`,
        [now],
      )) as DueTask[];
      for (const t of rows) {
        await this.events.publish(
          em,
          CommissionTaskOverdue,
          { taskId: t.id, dueAt: t.due_at.toISOString(), detectedAt: now.toISOString(), commissionId: t.commission_id, leadOrganisationId: t.lead_org_id, territoryCode: t.territory_code },
          { subject: t.id, time: now },
        );
        await em.query(`UPDATE commission_tasks.task SET overdue_for = due_at WHERE id = $1`, [t.id]);
      }
      return rows.length;
    });
  }

  /** Takes every step of the ladder that is due and not yet in the log, for overdue tasks already announced. */
  private escalate(now: Date): Promise<{ claimed: number; steps: number }> {
    return this.dataSource.transaction(async (em) => {
      const rows = (await em.query(
        `SELECT t.id, t.commission_id, t.lead_org_id, t.territory_code, t.due_at, c.host_akimat_id, c.escalation_waits, c.chair_position,
                o.contact_position, o.manager_position,
                coalesce((SELECT array_agg(e.step) FROM commission_tasks.escalation e WHERE e.task_id = t.id AND e.due_at = t.due_at), '{}') AS taken
           FROM commission_tasks.task t
           JOIN commission_tasks.commission c ON c.id = t.commission_id
           JOIN commission_tasks.organisation o ON o.id = t.lead_org_id
          WHERE t.status IN ${OWES} AND t.due_at < $1 AND t.overdue_for = t.due_at
            AND (SELECT count(*) FROM commission_tasks.escalation e WHERE e.task_id = t.id AND e.due_at = t.due_at) < 3
          ORDER BY t.due_at FOR UPDATE OF t SKIP LOCKED LIMIT ${BATCH}`,
        [now],
      )) as DueTask[];
      let steps = 0;
      for (const t of rows) {
        for (const s of stepsDue(escalationLadder(t.due_at, t.escalation_waits, this.calendar), t.taken, now)) {
          const chair = s.target === 'chair';
          const targetOrg = chair ? t.host_akimat_id : t.lead_org_id;
          const position = chair ? t.chair_position : s.target === 'manager' ? t.manager_position ?? `manager of ${t.contact_position}` : t.contact_position;
          const inserted = (await em.query(
            `INSERT INTO commission_tasks.escalation (task_id, due_at, step, target, target_org_id, target_position, escalated_at) VALUES ($1,$2,$3,$4,$5,$6,$7)
             ON CONFLICT (task_id, due_at, step) DO NOTHING RETURNING id`,
            [t.id, t.due_at, s.step, s.target, targetOrg, position, now],
          )) as unknown[];
          if (!inserted.length) continue;
          await this.events.publish(
            em,
            CommissionTaskEscalated,
            { ...scopeOf(t), step: s.step, target: s.target, targetOrganisationId: targetOrg, dueAt: t.due_at.toISOString(), escalatedAt: now.toISOString() },
            { subject: t.id, time: now },
          );
          steps++;
        }
      }
      return { claimed: rows.length, steps };
    });
  }
}

import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CommissionTaskAssigned, CommissionTaskClosed } from '@seriktes/contracts';
import { EventConsumer } from '@seriktes/messaging';

/**
 * Keeps `citizen_requests.problem_task` from the commission-tasks events, in the inbox transaction
 * of each event (so a redelivered event changes nothing). Every write is an upsert that tolerates
 * any order: a close that arrives before its assignment is kept, and the assignment that follows
 * fills in the problem without reopening the task; of two assignments (or two closes) the later
 * one by its own time wins, whichever arrives last. Only assignments naming a problem are stored;
 * nothing is refused (the problem may belong to another deployment). `carried-over` needs no
 * handler: the task stays open, and nothing here depends on its due date.
 */
@Injectable()
export class ProblemTasksConsumer implements OnModuleInit {
  constructor(private readonly consumer: EventConsumer) {}

  onModuleInit(): void {
    this.consumer.on(CommissionTaskAssigned, async (event, em) => {
      const { taskId, problemId, blocksProblem, assignedAt } = event.data;
      if (!problemId) return;
      await this.assigned(em, taskId, problemId, blocksProblem === true, assignedAt);
    });
    this.consumer.on(CommissionTaskClosed, (event, em) => this.closed(em, event.data.taskId, event.data.status, event.data.closedAt));
  }

  private async assigned(em: EntityManager, taskId: string, problemId: string, blocks: boolean, assignedAt: string): Promise<void> {
    await em.query(
      `INSERT INTO citizen_requests.problem_task AS t (task_id, problem_id, blocks, status, assigned_at)
       VALUES ($1, $2, $3, 'open', $4)
       ON CONFLICT (task_id) DO UPDATE SET
         problem_id  = CASE WHEN t.assigned_at IS NULL OR EXCLUDED.assigned_at >= t.assigned_at THEN EXCLUDED.problem_id ELSE t.problem_id END,
         blocks      = CASE WHEN t.assigned_at IS NULL OR EXCLUDED.assigned_at >= t.assigned_at THEN EXCLUDED.blocks ELSE t.blocks END,
         assigned_at = greatest(t.assigned_at, EXCLUDED.assigned_at),
         updated_at  = now()`,
      [taskId, problemId, blocks, assignedAt],
    );
  }

  private async closed(em: EntityManager, taskId: string, status: 'done' | 'not_done' | 'cancelled', closedAt: string): Promise<void> {
    await em.query(
      `INSERT INTO citizen_requests.problem_task AS t (task_id, status, closed_at)
       VALUES ($1, $2, $3)
       ON CONFLICT (task_id) DO UPDATE SET
         status     = CASE WHEN t.closed_at IS NULL OR EXCLUDED.closed_at >= t.closed_at THEN EXCLUDED.status ELSE t.status END,
         closed_at  = greatest(t.closed_at, EXCLUDED.closed_at),
         updated_at = now()`,
      [taskId, status, closedAt],
    );
  }
}

import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { WorkingCalendar } from '@seriktes/calendar';
import { CitizenRequestDeadlineApproaching, CitizenRequestOverdue, type DeadlineKind } from '@seriktes/contracts';
import { EventPublisher } from '@seriktes/messaging';
import { CategoryService } from '../categories/category.service';
import { workingDaysLeft } from '../clock/legal-clock';
import { PeriodicJob } from '@seriktes/runtime';
import { CitizenRequestEntity } from '../intake/citizen-request.entity';
import { IntakeService } from '../intake/intake.service';
import { RosterClient, RosterUnavailableError } from '../routing/roster.client';
import { districtOf } from '../routing/rules';
import { SYSTEM_ACTOR } from '../workflow/journal';

export const DEADLINE_SCAN_INTERVAL = Symbol('DEADLINE_SCAN_INTERVAL');
const BATCH = 200;

export interface TickResult {
  approaching: number;
  overdue: number;
  routed: number;
}

/**
 * The scheduler of the legal clock. Each deadline row is marked in the same transaction that puts
 * its event in the outbox, so `deadline-approaching` and `overdue` go out exactly once per request
 * and deadline, whatever restarts or replicas (rows are claimed with SKIP LOCKED). It also retries
 * the routing of requests registered while the roster did not answer.
 */
@Injectable()
export class DeadlineScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly job = new PeriodicJob('deadline scan', (now) => this.scan(now), new Logger('DeadlineScheduler'));

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventPublisher,
    private readonly calendar: WorkingCalendar,
    private readonly intake: IntakeService,
    private readonly roster: RosterClient,
    private readonly categories: CategoryService,
    @Inject(DEADLINE_SCAN_INTERVAL) private readonly intervalMs: number,
  ) {}

  onApplicationBootstrap(): void {
    this.job.start(this.intervalMs);
  }

  onModuleDestroy(): Promise<void> {
    return this.job.stop();
  }

  /** One scan at `now` (tests drive it with a chosen time). One at a time per process. */
  tick(now = new Date()): Promise<TickResult> {
    return this.job.run(now);
  }

  private async scan(now: Date): Promise<TickResult> {
    const result: TickResult = { approaching: 0, overdue: 0, routed: 0 };
    for (let n = BATCH; n === BATCH; ) {
      n = await this.emitApproaching(now);
      result.approaching += n;
    }
    for (let n = BATCH; n === BATCH; ) {
      n = await this.emitOverdue(now);
      result.overdue += n;
    }
    result.routed = await this.retryRouting(now);
    return result;
  }

  private emitApproaching(now: Date): Promise<number> {
    return this.dataSource.transaction(async (em) => {
      const rows = (await em.query(
        `SELECT d.id, d.request_id, d.kind, d.due_at, r.precinct_code
           FROM citizen_requests.deadline d JOIN citizen_requests.citizen_request r ON r.id = d.request_id
          WHERE d.warn_at <= $1 AND d.due_at > $1 AND d.warned_at IS NULL AND d.met_at IS NULL AND d.cancelled_at IS NULL
            AND r.precinct_code IS NOT NULL
          ORDER BY d.warn_at FOR UPDATE OF d SKIP LOCKED LIMIT ${BATCH}`,
        [now],
      )) as Array<{ id: string; request_id: string; kind: DeadlineKind; due_at: Date; precinct_code: string }>;
      for (const d of rows) {
        await this.events.publish(
          em,
          CitizenRequestDeadlineApproaching,
          {
            requestId: d.request_id,
            precinctCode: d.precinct_code,
            deadline: d.kind,
            dueAt: d.due_at.toISOString(),
            workingDaysLeft: workingDaysLeft(now, d.due_at, this.calendar),
            detectedAt: now.toISOString(),
          },
          { subject: d.request_id, time: now },
        );
        await em.query(`UPDATE citizen_requests.deadline SET warned_at = $2 WHERE id = $1`, [d.id, now]);
      }
      return rows.length;
    });
  }

  private emitOverdue(now: Date): Promise<number> {
    return this.dataSource.transaction(async (em) => {
      const rows = (await em.query(
        `SELECT d.id, d.request_id, d.kind, d.due_at, r.precinct_code
           FROM citizen_requests.deadline d JOIN citizen_requests.citizen_request r ON r.id = d.request_id
          WHERE d.due_at < $1 AND d.overdue_emitted_at IS NULL AND d.met_at IS NULL AND d.cancelled_at IS NULL
            AND r.precinct_code IS NOT NULL
          ORDER BY d.due_at FOR UPDATE OF d SKIP LOCKED LIMIT ${BATCH}`,
        [now],
      )) as Array<{ id: string; request_id: string; kind: DeadlineKind; due_at: Date; precinct_code: string }>;
      for (const d of rows) {
        await this.events.publish(
          em,
          CitizenRequestOverdue,
          { requestId: d.request_id, precinctCode: d.precinct_code, dueAt: d.due_at.toISOString(), detectedAt: now.toISOString(), deadline: d.kind },
          { subject: d.request_id, time: now },
        );
        await em.query(`UPDATE citizen_requests.deadline SET overdue_emitted_at = $2 WHERE id = $1`, [d.id, now]);
      }
      return rows.length;
    });
  }

  /** Routes requests registered while the roster did not answer (oldest first); stops at the first failure. */
  private async retryRouting(now: Date): Promise<number> {
    const pending = await this.dataSource.getRepository(CitizenRequestEntity).find({ where: { routingPending: true }, order: { registeredAt: 'ASC' }, take: 50 });
    let routed = 0;
    for (const request of pending) {
      try {
        let precinctCode = request.precinctCode;
        if (!precinctCode && request.lat !== null && request.lon !== null) precinctCode = (await this.roster.locate(request.lat, request.lon))?.precinctCode ?? null;
        if (!precinctCode) continue; // nothing to go on: a unit head routes it by hand
        const category = await this.categories.get(request.category);
        if (!category) continue;
        const r = await this.intake.routeIn(precinctCode, category, request.urgent, now);
        await this.dataSource.transaction(async (em) => {
          const locked = await em.getRepository(CitizenRequestEntity).findOne({ where: { id: request.id }, lock: { mode: 'pessimistic_write' } });
          if (!locked || !locked.routingPending) return;
          const from = locked.status;
          const hadPrecinct = locked.precinctCode !== null;
          Object.assign(locked, { precinctCode, districtCode: districtOf(precinctCode!), routingPending: false, assigneeId: r.assigneeId, assigneeName: r.assigneeName, queue: r.queue, status: from === 'registered' ? 'assigned' : from, version: locked.version + 1, updatedAt: now });
          await em.save(locked);
          if (!hadPrecinct) await this.intake.publishRegistered(em, locked);
          await this.intake.recordRoute(em, locked, r, from, SYSTEM_ACTOR, now);
          routed++;
        });
      } catch (error) {
        if (error instanceof RosterUnavailableError) break;
        throw error;
      }
    }
    return routed;
  }
}

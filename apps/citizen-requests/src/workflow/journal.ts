import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditLog, type AuditActor } from '@seriktes/audit';
import type { AuthenticatedUser } from '@seriktes/auth';
import { CitizenRequestStatusChanged, type DeadlineKind, type RequestStatus } from '@seriktes/contracts';
import { EventPublisher } from '@seriktes/messaging';

export const AUDIT_ENTITY = 'citizen_request';
export const APPLICANT_AUDIT_ENTITY = 'applicant';

/** Who took a step: a person (from the token) or the platform itself (the scheduler, routing). */
export interface Actor {
  subject: string | null;
  name: string | null;
  role: string | null;
  audit: AuditActor;
}

const STAFF_ROLE_ORDER = ['unit_head', 'department_head', 'ministry_hq', 'district_inspector', 'platform_admin', 'platform_service', 'partner', 'citizen'];

export function actorOf(user: AuthenticatedUser): Actor {
  return {
    subject: user.subject,
    name: user.username ?? null,
    role: STAFF_ROLE_ORDER.find((role) => user.roles.includes(role)) ?? null,
    audit: { subject: user.subject, username: user.username, roles: user.roles },
  };
}

export const SYSTEM_ACTOR: Actor = {
  subject: null,
  name: 'citizen-requests',
  role: 'platform_service',
  audit: { subject: 'service:citizen-requests', username: 'citizen-requests', roles: ['platform_service'] },
};

/**
 * The record of a request's life: every transition (with who, why and when) and the
 * status-changed event, and the deadlines the scheduler watches. Always inside the caller's
 * transaction, so the state, its history and its events commit together or not at all.
 */
@Injectable()
export class RequestJournal {
  constructor(
    private readonly events: EventPublisher,
    private readonly audit: AuditLog,
  ) {}

  async transition(
    em: EntityManager,
    step: { requestId: string; precinctCode: string | null; action: string; from: RequestStatus | null; to: RequestStatus; actor: Actor; reason?: string | null; details?: Record<string, unknown>; at: Date },
  ): Promise<void> {
    await em.query(
      `INSERT INTO citizen_requests.transition (request_id, action, from_status, to_status, actor_subject, actor_name, actor_role, reason, details, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [step.requestId, step.action, step.from, step.to, step.actor.subject, step.actor.name, step.actor.role, step.reason ?? null, JSON.stringify(step.details ?? {}), step.at],
    );
    if (step.from !== null && step.from !== step.to && step.precinctCode) {
      await this.events.publish(
        em,
        CitizenRequestStatusChanged,
        { requestId: step.requestId, precinctCode: step.precinctCode, from: step.from, to: step.to, action: step.action, changedAt: step.at.toISOString() },
        { subject: step.requestId, time: step.at },
      );
    }
    await this.audit.record(
      { actor: step.actor.audit, action: step.from === null ? 'create' : 'update', entity: AUDIT_ENTITY, entityId: step.requestId, purpose: step.action, details: { from: step.from, to: step.to } },
      em,
    );
  }

  /** Opens (or replaces) the live deadline of a kind. */
  async setDeadline(em: EntityManager, requestId: string, kind: DeadlineKind, dueAt: Date, warnAt: Date | null): Promise<void> {
    await em.query(
      `UPDATE citizen_requests.deadline SET cancelled_at = now() WHERE request_id = $1 AND kind = $2 AND met_at IS NULL AND cancelled_at IS NULL`,
      [requestId, kind],
    );
    await em.query(`INSERT INTO citizen_requests.deadline (request_id, kind, due_at, warn_at) VALUES ($1, $2, $3, $4)`, [requestId, kind, dueAt, warnAt]);
  }

  /** Marks the live deadline of a kind as met (the answer sent, the notice sent). */
  async meetDeadline(em: EntityManager, requestId: string, kind: DeadlineKind, at: Date): Promise<void> {
    await em.query(
      `UPDATE citizen_requests.deadline SET met_at = $3 WHERE request_id = $1 AND kind = $2 AND met_at IS NULL AND cancelled_at IS NULL`,
      [requestId, kind, at],
    );
  }

  /** Cancels every live deadline (redirected, closed). */
  async cancelDeadlines(em: EntityManager, requestId: string, kinds?: DeadlineKind[]): Promise<void> {
    await em.query(
      `UPDATE citizen_requests.deadline SET cancelled_at = now()
        WHERE request_id = $1 AND met_at IS NULL AND cancelled_at IS NULL AND ($2::text[] IS NULL OR kind = ANY($2))`,
      [requestId, kinds ?? null],
    );
  }
}

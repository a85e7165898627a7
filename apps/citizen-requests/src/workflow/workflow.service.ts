import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { coversPrecinct, describeJurisdiction, forbidden, type AuthenticatedUser } from '@seriktes/auth';
import { isLocalDate, localDateOf, WorkingCalendar } from '@seriktes/calendar';
import {
  CitizenRequestAnswered,
  CitizenRequestClosed,
  CitizenRequestExtended,
  type CitizenRequestClosedV1,
  CitizenRequestRedirected,
  CitizenRequestReopened,
  PRECINCT_CODE_PATTERN,
} from '@seriktes/contracts';
import { EventPublisher } from '@seriktes/messaging';
import { termFor } from '../categories/catalogue';
import { CategoryService } from '../categories/category.service';
import { ClockRuleError, extend, reopenedDueAt, warnAt } from '../clock/legal-clock';
import { conflict, invalidInput, notFound, type FieldError, isUuid } from '@seriktes/runtime';
import { CitizenRequestEntity } from '../intake/citizen-request.entity';
import { IntakeService } from '../intake/intake.service';
import { NotificationService } from '../notifications/notification.service';
import { RosterUnavailableError } from '../routing/roster.client';
import { mayInviteToSurvey, type ApplicantReach } from '../surveys/survey-invitation';
import { districtOf, type Route } from '../routing/rules';
import { actorOf, RequestJournal } from './journal';
import { plan, type Resolution, type WorkflowAction } from './rules';

export interface StepInput {
  reason?: string | null;
  /** extend: the new due date (local date). */
  newDueDate?: string | null;
  /** redirect: the competent body. */
  toBody?: string | null;
  /** answer: the text sent to the applicant. */
  text?: string | null;
  /** answer / resolve / close: what was done. */
  measures?: string | null;
  resolution?: Resolution | null;
  /** route: another precinct and/or a named inspector (roster id). */
  precinctCode?: string | null;
  inspectorId?: string | null;
  inspectorName?: string | null;
}


/**
 * The steps of the workflow. Each runs in one transaction with the request row locked: the rules
 * decide (workflow/rules.ts, legal-clock.ts), then the new state, its transition, its events, the
 * deadlines and the notifications to the applicant are written together.
 */
@Injectable()
export class WorkflowService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventPublisher,
    private readonly journal: RequestJournal,
    private readonly categories: CategoryService,
    private readonly notifications: NotificationService,
    private readonly intake: IntakeService,
    private readonly calendar: WorkingCalendar,
  ) {}

  async step(id: string, action: WorkflowAction, input: StepInput, user: AuthenticatedUser, now = new Date()): Promise<CitizenRequestEntity> {
    if (!isUuid(id)) throw notFound(`request ${id} not found`);
    // A re-route to a named place asks the roster first, outside the transaction.
    let reroute: Route | undefined;
    if (action === 'route') reroute = await this.plannedRoute(id, input, now);
    return this.dataSource.transaction(async (em) => {
      const request = await em.getRepository(CitizenRequestEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!request) throw notFound(`request ${id} not found`);
      const purpose = `workflow:${action}`;
      await this.intake.assertMayRead(user, request, purpose);
      if (user.jurisdiction.level === 'self') throw forbidden(`${action} is a step for police staff`);
      const verdict = plan(action, {
        status: request.status,
        actorRoles: user.roles,
        // An inspector reads only their own precinct's requests: within it, they are the one to act.
        actorIsAssignee: request.precinctCode !== null && coversPrecinct(user.jurisdiction, request.precinctCode),
        reason: input.reason,
        answerSent: request.answeredAt !== null,
        resolution: input.resolution ?? null,
        kind: request.kind,
      });
      if (!verdict.ok) {
        if (verdict.reason === 'forbidden') throw forbidden(verdict.message);
        if (verdict.reason === 'conflict') throw conflict(verdict.message);
        throw invalidInput(verdict.errors);
      }
      const from = request.status;
      const actor = actorOf(user);
      const category = await this.categories.get(request.category);
      if (!category) throw conflict(`the category ${request.category} of the request no longer exists`);
      request.status = verdict.to;
      request.version += 1;
      request.updatedAt = now;
      const details: Record<string, unknown> = {};

      switch (action) {
        case 'route': {
          const r = reroute!;
          const hadPrecinct = request.precinctCode !== null;
          if (input.precinctCode && input.precinctCode !== request.precinctCode) {
            if (!coversPrecinct(user.jurisdiction, input.precinctCode)) throw forbidden(`precinct ${input.precinctCode} is outside your jurisdiction (${describeJurisdiction(user.jurisdiction)})`);
            details.fromPrecinct = request.precinctCode;
            request.precinctCode = input.precinctCode;
            request.districtCode = districtOf(input.precinctCode);
          }
          const wasPending = request.routingPending;
          request.routingPending = false;
          request.assigneeId = r.assigneeId;
          request.assigneeName = r.assigneeName;
          request.queue = r.queue;
          await em.save(request);
          if (wasPending && !hadPrecinct) await this.intake.publishRegistered(em, request);
          await this.intake.recordRoute(em, request, r, from, actor, now, input.reason ?? r.explanation);
          if (from === 'registered') await this.notifications.enqueue(em, id, 'assigned', {});
          return request;
        }
        case 'start':
          break;
        case 'extend': {
          const errors: FieldError[] = [];
          if (!input.newDueDate || !isLocalDate(input.newDueDate)) errors.push({ field: 'newDueDate', message: 'must be a date YYYY-MM-DD' });
          if (request.kind === 'tip' || !request.dueAt || !request.maxDueAt) errors.push({ field: 'id', message: 'a tip has no legal term to extend' });
          if (errors.length) throw invalidInput(errors);
          let decision;
          try {
            decision = extend({ dueAt: request.dueAt!, maxDueAt: request.maxDueAt! }, input.newDueDate!, now, termFor(category, request.kind), this.calendar);
          } catch (error) {
            if (error instanceof ClockRuleError) throw invalidInput([{ field: error.field, message: error.message }]);
            throw error;
          }
          const previousDueAt = request.dueAt!;
          request.dueAt = decision.dueAt;
          await this.journal.setDeadline(em, id, 'answer', decision.dueAt, warnAt(decision.dueAt, termFor(category, request.kind).approachingWorkingDays, this.calendar));
          await this.journal.setDeadline(em, id, 'extension-notice', decision.noticeDueAt, warnAt(decision.noticeDueAt, 1, this.calendar));
          details.previousDueAt = previousDueAt.toISOString();
          details.dueAt = decision.dueAt.toISOString();
          details.noticeDueAt = decision.noticeDueAt.toISOString();
          await this.events.publish(
            em,
            CitizenRequestExtended,
            { requestId: id, precinctCode: request.precinctCode!, previousDueAt: previousDueAt.toISOString(), dueAt: decision.dueAt.toISOString(), decidedAt: now.toISOString(), noticeDueAt: decision.noticeDueAt.toISOString() },
            { subject: id, time: now },
          );
          await this.notifications.enqueue(em, id, 'extended', { dueDate: localDateOf(decision.dueAt), reason: input.reason! });
          break;
        }
        case 'redirect': {
          const toBody = (input.toBody ?? '').trim();
          if (toBody.length < 2) throw invalidInput([{ field: 'toBody', message: 'name the competent body it is sent to' }]);
          const withinTerm = request.redirectDueAt === null || now.getTime() <= request.redirectDueAt.getTime();
          request.redirectedTo = toBody;
          request.closedAt = now;
          request.outcome = 'forwarded';
          details.toBody = toBody;
          details.withinTerm = withinTerm;
          await this.journal.cancelDeadlines(em, id);
          await this.events.publish(
            em,
            CitizenRequestRedirected,
            { requestId: id, precinctCode: request.precinctCode!, toBody, redirectedAt: now.toISOString(), redirectDueAt: (request.redirectDueAt ?? now).toISOString(), withinTerm },
            { subject: id, time: now },
          );
          await this.events.publish(
            em,
            CitizenRequestClosed,
            { requestId: id, precinctCode: request.precinctCode!, closedAt: now.toISOString(), outcome: 'forwarded', ...(await this.closedFacts(em, request)) },
            { subject: id, time: now },
          );
          await this.notifications.enqueue(em, id, 'redirected', { body: toBody });
          break;
        }
        case 'answer': {
          const text = (input.text ?? '').trim();
          if (text.length < 10) throw invalidInput([{ field: 'text', message: 'write the answer sent to the applicant (at least 10 characters)' }]);
          await em.query(`INSERT INTO citizen_requests.answer (request_id, text, measures, author_subject, author_name, sent_at) VALUES ($1, $2, $3, $4, $5, $6)`, [
            id,
            text,
            input.measures?.trim() || null,
            user.subject,
            user.username ?? null,
            now,
          ]);
          request.answeredAt = now;
          const withinTerm = request.dueAt === null || now.getTime() <= request.dueAt.getTime();
          details.withinTerm = withinTerm;
          await this.journal.meetDeadline(em, id, request.kind === 'tip' ? 'internal-target' : 'answer', now);
          await this.events.publish(
            em,
            CitizenRequestAnswered,
            { requestId: id, precinctCode: request.precinctCode!, answeredAt: now.toISOString(), dueAt: request.kind === 'tip' ? null : (request.dueAt?.toISOString() ?? null), withinTerm },
            { subject: id, time: now },
          );
          await this.notifications.enqueue(em, id, 'answered', {});
          break;
        }
        case 'control':
          request.underControl = true;
          await this.notifications.enqueue(em, id, 'under-control', { reason: input.reason! });
          break;
        case 'resolve':
          request.resolution = { ...input.resolution, confirmedBy: null, resolvedBy: user.username ?? user.subject, resolvedAt: now.toISOString() };
          break;
        case 'close': {
          request.resolution = { ...(request.resolution ?? {}), ...input.resolution, confirmedBy: user.username ?? user.subject, confirmedAt: now.toISOString() };
          request.closedAt = now;
          request.underControl = false;
          request.outcome = 'resolved';
          await this.journal.cancelDeadlines(em, id);
          await this.events.publish(
            em,
            CitizenRequestClosed,
            { requestId: id, precinctCode: request.precinctCode!, closedAt: now.toISOString(), outcome: 'resolved', ...(await this.closedFacts(em, request)) },
            { subject: id, time: now },
          );
          await this.notifications.enqueue(em, id, 'closed', {});
          break;
        }
        case 'reopen': {
          const dueAt = reopenedDueAt(now, termFor(category, request.kind), this.calendar);
          request.closedAt = null;
          request.answeredAt = null;
          request.outcome = null;
          request.dueAt = dueAt;
          if (dueAt) await this.journal.setDeadline(em, id, 'answer', dueAt, warnAt(dueAt, termFor(category, request.kind).approachingWorkingDays, this.calendar));
          await this.events.publish(em, CitizenRequestReopened, { requestId: id, precinctCode: request.precinctCode!, reopenedAt: now.toISOString(), dueAt: dueAt?.toISOString() ?? null }, { subject: id, time: now });
          await this.notifications.enqueue(em, id, 'reopened', { dueDate: dueAt ? localDateOf(dueAt) : undefined });
          break;
        }
      }
      await em.save(request);
      await this.journal.transition(em, { requestId: id, precinctCode: request.precinctCode, action, from, to: request.status, actor, reason: input.reason ?? null, details, at: now });
      return request;
    });
  }

  /**
   * What every closed event says beyond the outcome (in the step's transaction): the kind and
   * category, the inspector it was assigned to at closing, and whether the applicant may be invited
   * to a post-contact survey (feedback-surveys starts one on that).
   */
  private async closedFacts(em: EntityManager, request: CitizenRequestEntity): Promise<Pick<CitizenRequestClosedV1, 'kind' | 'category' | 'inspectorId' | 'surveyInvitation'>> {
    const [applicant] = (await em.query(`SELECT opted_out, has_phone, has_email FROM citizen_requests.applicant WHERE request_id = $1`, [request.id])) as Array<{
      opted_out: boolean;
      has_phone: boolean;
      has_email: boolean;
    }>;
    const reach: ApplicantReach | null = applicant ? { optedOut: applicant.opted_out, hasPhone: applicant.has_phone, hasEmail: applicant.has_email } : null;
    return { kind: request.kind, category: request.category, inspectorId: request.assigneeId ?? null, surveyInvitation: mayInviteToSurvey(request.kind, reach) };
  }

  /** The route of a re-route: a named inspector, or the roster's answer for the (new) precinct. */
  private async plannedRoute(id: string, input: StepInput, now: Date): Promise<Route> {
    const errors: FieldError[] = [];
    if (input.precinctCode && !new RegExp(PRECINCT_CODE_PATTERN).test(input.precinctCode)) errors.push({ field: 'precinctCode', message: 'must be a precinct code like AST-ESL-01' });
    if (input.inspectorId && !isUuid(input.inspectorId)) errors.push({ field: 'inspectorId', message: 'must be a roster id (UUID)' });
    if (errors.length) throw invalidInput(errors);
    const request = await this.dataSource.getRepository(CitizenRequestEntity).findOneBy({ id });
    if (!request) throw notFound(`request ${id} not found`);
    const precinctCode = input.precinctCode ?? request.precinctCode;
    if (!precinctCode) throw invalidInput([{ field: 'precinctCode', message: 'the request has no precinct yet: give one' }]);
    if (input.inspectorId) return { assigneeId: input.inspectorId, assigneeName: input.inspectorName ?? null, queue: null, explanation: 'named by the unit head' };
    const category = await this.categories.get(request.category);
    if (!category) throw conflict(`the category ${request.category} of the request no longer exists`);
    try {
      return await this.intake.routeIn(precinctCode, category, request.urgent, now);
    } catch (error) {
      if (error instanceof RosterUnavailableError) return { assigneeId: null, assigneeName: null, queue: districtOf(precinctCode), explanation: 'the roster did not answer: district queue' };
      throw error;
    }
  }
}


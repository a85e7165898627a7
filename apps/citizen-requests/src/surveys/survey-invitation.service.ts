import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditLog } from '@seriktes/audit';
import type { AuthenticatedUser } from '@seriktes/auth';
import { localDateOf } from '@seriktes/calendar';
import { invalidInput, isUuid } from '@seriktes/runtime';
import { NotificationService } from '../notifications/notification.service';
import { actorOf, AUDIT_ENTITY } from '../workflow/journal';
import { checkSurveyInvitation, type SurveyInvitationRequest } from './survey-invitation';

export const SURVEY_INVITATION_TEMPLATE = 'survey-invitation';

export interface SurveyInvitationDelivery {
  /** Notifications this call queued (0 on a repeated call). */
  queued: number;
  /** Channels the invitation of the request is queued on, by this call or an earlier one, sorted. */
  channels: string[];
}

/**
 * Delivers the invitations of feedback-surveys to post-contact surveys: one `survey-invitation`
 * notification per channel the applicant gave, in the request's language, through the ordinary
 * notification queue (so nothing for a tip or an applicant who opted out). Once per request: the
 * request row is locked, and a request that already has its invitation gets nothing more. The link
 * is a secret: it is stored only in the queued notification (until it is sent), never logged, never
 * in events, transitions or the audit log.
 */
@Injectable()
export class SurveyInvitationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationService,
    private readonly audit: AuditLog,
  ) {}

  async invite(input: SurveyInvitationRequest, user: AuthenticatedUser, now = new Date()): Promise<SurveyInvitationDelivery> {
    const errors = checkSurveyInvitation(input, now);
    if (isUuid(input.requestId) && !(await this.exists(this.dataSource.manager, input.requestId))) {
      errors.push({ field: 'requestId', message: 'there is no request with this id' });
    }
    if (errors.length) throw invalidInput(errors);
    return this.dataSource.transaction(async (em) => {
      // One invitation per request, also for two calls at once: the second waits here and then finds the first.
      if (!(await this.exists(em, input.requestId, true))) throw invalidInput([{ field: 'requestId', message: 'there is no request with this id' }]);
      const earlier = await this.channelsOf(em, input.requestId);
      if (earlier.length) return { queued: 0, channels: earlier };
      const queued = await this.notifications.enqueue(em, input.requestId, SURVEY_INVITATION_TEMPLATE, {
        surveyUrl: input.url,
        expiresDate: localDateOf(input.expiresAt),
      });
      const channels = await this.channelsOf(em, input.requestId);
      if (queued > 0) {
        await this.audit.record(
          {
            actor: actorOf(user).audit,
            action: 'update',
            entity: AUDIT_ENTITY,
            entityId: input.requestId,
            purpose: 'sendSurveyInvitation',
            details: { notification: SURVEY_INVITATION_TEMPLATE, channels, expiresAt: input.expiresAt.toISOString() },
          },
          em,
        );
      }
      return { queued, channels };
    });
  }

  private async exists(em: EntityManager, requestId: string, lock = false): Promise<boolean> {
    const rows = (await em.query(`SELECT id FROM citizen_requests.citizen_request WHERE id = $1${lock ? ' FOR NO KEY UPDATE' : ''}`, [requestId])) as unknown[];
    return rows.length > 0;
  }

  private async channelsOf(em: EntityManager, requestId: string): Promise<string[]> {
    const rows = (await em.query(
      `SELECT DISTINCT channel FROM citizen_requests.notification WHERE request_id = $1 AND template = $2 ORDER BY channel`,
      [requestId, SURVEY_INVITATION_TEMPLATE],
    )) as Array<{ channel: string }>;
    return rows.map((row) => row.channel);
  }
}

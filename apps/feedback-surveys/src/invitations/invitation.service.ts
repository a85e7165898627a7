import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { callServiceGraphql, ServiceTokenClient } from '@seriktes/auth';
import { addCalendarDays, endOfLocalDay, localDateOf } from '@seriktes/calendar';
import { CitizenRequestClosed, parsePrecinctCode } from '@seriktes/contracts';
import { backoffDelay, EventConsumer } from '@seriktes/messaging';
import { EMAIL_SENDER, PeriodicJob, SMS_SENDER, type EmailSender, type SmsSender } from '@seriktes/runtime';
import { InstrumentService } from '../instruments/instrument.service';
import type { Language } from '../instruments/types';
import { serviceLineOf } from './service-lines';
import { invitationTemplate } from './templates';
import { invitationToken, requestKey, SURVEY_SECRET, tokenHash } from './tokens';

export const INVITATION_SETTINGS = Symbol('INVITATION_SETTINGS');
export interface InvitationSettings {
  intervalMs: number;
  ttlDays: number;
  publicUrl: string;
  citizenRequestsUrl: string;
}

const POST_CONTACT = 'post-contact';
const MAX_ATTEMPTS = 10;
/** Retries back off from about a minute, doubling with jitter, to at most an hour. */
const RETRY_FIRST_MS = 60_000;
const RETRY_MAX_MS = 3_600_000;

interface PendingRow {
  id: string;
  source: 'request' | 'wave';
  request_id: string | null;
  channel: 'sms' | 'email' | null;
  contact: string | null;
  language: Language;
  expires_at: Date;
  attempts: number;
}

/**
 * Invitations. A closed request whose event says the applicant may be invited (not a tip, not
 * opted out, a contact given) gets exactly one post-contact invitation: the keyed hash of the
 * request id is unique, and the event inbox skips redeliveries too. A job hands pending
 * invitations to citizen-requests, which alone holds applicants' contacts and sends the link
 * through its notification adapters; wave invitations go out through this service's own adapters
 * to the contacts of the sample. Either way the request id or the contact is erased once sent,
 * and invitations past their expiry are closed.
 */
@Injectable()
export class InvitationService implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('InvitationService');
  private readonly job = new PeriodicJob('sending survey invitations', (now) => this.dispatch(now), this.logger);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly consumer: EventConsumer,
    private readonly instruments: InstrumentService,
    private readonly tokens: ServiceTokenClient,
    @Inject(SURVEY_SECRET) private readonly secret: string,
    @Inject(INVITATION_SETTINGS) private readonly settings: InvitationSettings,
    @Inject(SMS_SENDER) private readonly sms: SmsSender,
    @Inject(EMAIL_SENDER) private readonly email: EmailSender,
  ) {}

  onModuleInit(): void {
    this.consumer.on(CitizenRequestClosed, async (e, em) => {
      const d = e.data;
      if (d.surveyInvitation !== true || d.kind === 'tip') return;
      await this.inviteForRequest(em, { requestId: d.requestId, precinctCode: d.precinctCode, category: d.category ?? null, inspectorId: d.inspectorId ?? null, closedAt: new Date(d.closedAt) });
    });
  }

  onApplicationBootstrap(): void {
    this.job.start(this.settings.intervalMs);
  }

  onModuleDestroy(): Promise<void> {
    return this.job.stop();
  }

  /** Sends what is pending and closes what expired; the number sent. */
  tick(now = new Date()): Promise<number> {
    return this.job.run(now);
  }

  /** The link a respondent opens. */
  linkOf(invitationId: string): string {
    return `${this.settings.publicUrl.replace(/\/+$/, '')}/${invitationToken(this.secret, invitationId)}`;
  }

  /** Creates the post-contact invitation of a closed request, once; false when it existed or no instrument is published. */
  async inviteForRequest(em: EntityManager, r: { requestId: string; precinctCode: string; category: string | null; inspectorId: string | null; closedAt: Date }): Promise<boolean> {
    const version = await this.instruments.current(POST_CONTACT, em);
    const precinct = parsePrecinctCode(r.precinctCode);
    if (!version || !precinct) {
      this.logger.warn(`no post-contact invitation for a request of ${r.precinctCode}: ${version ? 'unknown precinct' : 'no published post-contact instrument'}`);
      return false;
    }
    const id = randomUUID();
    const closedOn = localDateOf(r.closedAt);
    const inserted = (await em.query(
      `INSERT INTO feedback_surveys.invitation (id, source, source_key, request_id, version_id, precinct_code, district_code, region_code, service_line, inspector_id, language, token_hash, expires_at, created_on)
       VALUES ($1, 'request', $2, $3, $4, $5, $6, $7, $8, $9, 'kk', $10, $11, $12)
       ON CONFLICT (source_key) DO NOTHING RETURNING id`,
      [
        id,
        requestKey(this.secret, r.requestId),
        r.requestId,
        version.id,
        r.precinctCode,
        precinct.districtCode,
        precinct.regionCode,
        serviceLineOf(r.category),
        r.inspectorId,
        tokenHash(invitationToken(this.secret, id)),
        endOfLocalDay(addCalendarDays(closedOn, this.settings.ttlDays)),
        closedOn,
      ],
    )) as unknown[];
    return inserted.length > 0;
  }

  private async dispatch(now: Date): Promise<number> {
    await this.dataSource.query(
      `UPDATE feedback_surveys.invitation SET status = 'expired', request_id = NULL, contact = NULL
        WHERE status IN ('pending', 'sent') AND expires_at <= $1`,
      [now],
    );
    let sent = 0;
    for (;;) {
      const outcome = await this.dataSource.transaction(async (em) => {
        const [row] = (await em.query(
          `SELECT id, source, request_id, channel, contact, language, expires_at, attempts FROM feedback_surveys.invitation
            WHERE status = 'pending' AND next_attempt_at <= $1 ORDER BY next_attempt_at FOR UPDATE SKIP LOCKED LIMIT 1`,
          [now],
        )) as PendingRow[];
        if (!row) return 'none' as const;
        try {
          const delivered = row.source === 'request' ? await this.deliverThroughCitizenRequests(row) : await this.deliverToContact(row);
          await em.query(`UPDATE feedback_surveys.invitation SET status = $2, request_id = NULL, contact = NULL, attempts = attempts + 1, last_error = NULL WHERE id = $1`, [row.id, delivered ? 'sent' : 'undeliverable']);
          return delivered ? ('sent' as const) : ('undeliverable' as const);
        } catch (error) {
          const attempts = row.attempts + 1;
          const message = error instanceof Error ? error.message : String(error);
          const giveUp = attempts >= MAX_ATTEMPTS;
          await em.query(
            `UPDATE feedback_surveys.invitation SET attempts = $2, last_error = $3, next_attempt_at = $4,
                    status = CASE WHEN $5 THEN 'undeliverable' ELSE status END,
                    request_id = CASE WHEN $5 THEN NULL ELSE request_id END, contact = CASE WHEN $5 THEN NULL ELSE contact END
              WHERE id = $1`,
            [row.id, attempts, message.slice(0, 500), new Date(now.getTime() + backoffDelay(attempts, RETRY_FIRST_MS, RETRY_MAX_MS)), giveUp],
          );
          this.logger.warn(`invitation ${row.id} not delivered (attempt ${attempts}${giveUp ? ', giving up' : ''}): ${message}`);
          return 'failed' as const;
        }
      });
      if (outcome === 'none') return sent;
      if (outcome === 'sent') sent++;
    }
  }

  /** Asks citizen-requests to send the link to the applicant; false when it queued nothing (opted out meanwhile, no contact). */
  private async deliverThroughCitizenRequests(row: PendingRow): Promise<boolean> {
    const data = await callServiceGraphql<{ sendSurveyInvitation: { queued: number; channels: string[] } }>(
      this.tokens,
      { service: 'citizen-requests', url: this.settings.citizenRequestsUrl },
      `mutation Invite($input: SendSurveyInvitationInput!) { sendSurveyInvitation(input: $input) { queued channels } }`,
      { input: { requestId: row.request_id, url: this.linkOf(row.id), expiresAt: row.expires_at.toISOString() } },
    );
    return data.sendSurveyInvitation.channels.length > 0;
  }

  private async deliverToContact(row: PendingRow): Promise<boolean> {
    if (!row.contact || !row.channel) return false;
    const link = this.linkOf(row.id);
    const message = invitationTemplate(row.language, link, localDateOf(row.expires_at));
    await (row.channel === 'email' ? this.email : this.sms).send({ to: row.contact, subject: message.subject, text: message.text, reference: row.id, secrets: [link] });
    return true;
  }
}

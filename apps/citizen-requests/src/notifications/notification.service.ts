import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditLog } from '@seriktes/audit';
import { PersonalDataSealer } from '../applicants/sealer';
import { PeriodicJob } from '@seriktes/runtime';
import { APPLICANT_AUDIT_ENTITY, RequestJournal, SYSTEM_ACTOR } from '../workflow/journal';
import { EMAIL_SENDER, redactSecrets, SMS_SENDER, type EmailSender, type SmsSender } from './channels';
import { renderNotification, SECRET_VARS, type NotificationTemplate, type TemplateVars } from './templates';

export const NOTIFICATION_INTERVAL = Symbol('NOTIFICATION_INTERVAL');
const MAX_ATTEMPTS = 8;

/**
 * Notifications to applicants: queued in the transaction of the step that causes them (one row per
 * channel the applicant gave: SMS to a phone, e-mail), then sent by a worker that opens the sealed
 * contact details (an audited read), renders the kk/ru/en template and hands it to the channel's
 * adapter, retrying with backoff. Nothing is queued for anonymous tips or applicants who opted out.
 * Sending the notice of an extension meets its own deadline (3 working days from the decision).
 * Secret variables (a survey link: SECRET_VARS) are never logged, and leave the stored row in the
 * transaction that marks it sent, skipped or failed.
 */
@Injectable()
export class NotificationService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('NotificationService');
  private readonly job = new PeriodicJob('sending notifications', (now) => this.sendDue(now), this.logger);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sealer: PersonalDataSealer,
    private readonly audit: AuditLog,
    private readonly journal: RequestJournal,
    @Inject(SMS_SENDER) private readonly sms: SmsSender,
    @Inject(EMAIL_SENDER) private readonly email: EmailSender,
    @Inject(NOTIFICATION_INTERVAL) private readonly intervalMs: number,
  ) {}

  onApplicationBootstrap(): void {
    this.job.start(this.intervalMs);
  }

  onModuleDestroy(): Promise<void> {
    return this.job.stop();
  }

  /** Queues a notification on every channel the applicant gave (none for tips or opted-out applicants). Returns how many. */
  async enqueue(em: EntityManager, requestId: string, template: NotificationTemplate, vars: Omit<TemplateVars, 'registrationNumber'>): Promise<number> {
    const rows = (await em.query(
      `INSERT INTO citizen_requests.notification (request_id, template, language, channel, vars)
       SELECT r.id, $2, r.language, ch.channel, $3::jsonb || jsonb_build_object('registrationNumber', r.registration_number)
         FROM citizen_requests.citizen_request r
         JOIN citizen_requests.applicant a ON a.request_id = r.id AND NOT a.opted_out
         CROSS JOIN LATERAL (VALUES ('sms', a.has_phone), ('email', a.has_email)) AS ch(channel, wanted)
        WHERE r.id = $1 AND ch.wanted
       RETURNING id`,
      [requestId, template, JSON.stringify(vars)],
    )) as unknown[];
    return rows.length;
  }

  /** Sends what is due; the number sent. Runs one at a time per process. */
  tick(now = new Date()): Promise<number> {
    return this.job.run(now);
  }

  private async sendDue(now: Date): Promise<number> {
    let sent = 0;
    for (;;) {
      const done = await this.dataSource.transaction(async (em) => {
        const [row] = (await em.query(
          `SELECT n.id, n.request_id, n.template, n.language, n.channel, n.vars, n.attempts, a.key_id, a.sealed
             FROM citizen_requests.notification n JOIN citizen_requests.applicant a ON a.request_id = n.request_id
            WHERE n.status = 'pending' AND n.next_attempt_at <= $1
            ORDER BY n.next_attempt_at FOR UPDATE OF n SKIP LOCKED LIMIT 1`,
          [now],
        )) as Array<{ id: string; request_id: string; template: NotificationTemplate; language: 'kk' | 'ru' | 'en'; channel: 'sms' | 'email'; vars: TemplateVars; attempts: number; key_id: string; sealed: Buffer }>;
        if (!row) return false;
        // The secret variables of the row: kept out of logs and errors, dropped once it is settled.
        const secretNames = [...(SECRET_VARS[row.template] ?? [])];
        const secrets = secretNames.map((name) => row.vars?.[name]).filter((value): value is string => typeof value === 'string' && value.trim() !== '').map((value) => value.trim());
        try {
          const identity = this.sealer.open(row.key_id, row.sealed);
          await this.audit.record(
            { actor: SYSTEM_ACTOR.audit, action: 'read', entity: APPLICANT_AUDIT_ENTITY, entityId: row.request_id, purpose: `notify:${row.template}:${row.channel}` },
            em,
          );
          const to = row.channel === 'sms' ? identity.phone : identity.email;
          if (!to) {
            await em.query(`UPDATE citizen_requests.notification SET status = 'skipped', last_error = 'no address for the channel', vars = vars - $2::text[] WHERE id = $1`, [row.id, secretNames]);
            return true;
          }
          const message = renderNotification(row.template, row.language, row.vars);
          await (row.channel === 'sms' ? this.sms : this.email).send({ to, subject: message.subject, text: message.text, reference: row.id, ...(secrets.length ? { secrets } : {}) });
          await em.query(`UPDATE citizen_requests.notification SET status = 'sent', sent_at = $2, attempts = attempts + 1, vars = vars - $3::text[] WHERE id = $1`, [row.id, now, secretNames]);
          if (row.template === 'extended') await this.journal.meetDeadline(em, row.request_id, 'extension-notice', now);
          sent++;
        } catch (error) {
          const attempts = row.attempts + 1;
          const failed = attempts >= MAX_ATTEMPTS;
          const reason = redactSecrets(error instanceof Error ? error.message : String(error), secrets);
          await em.query(
            `UPDATE citizen_requests.notification SET attempts = $2, last_error = $3, status = $4, next_attempt_at = $5,
                    vars = CASE WHEN $4 = 'failed' THEN vars - $6::text[] ELSE vars END
              WHERE id = $1`,
            [row.id, attempts, reason, failed ? 'failed' : 'pending', new Date(now.getTime() + 2 ** attempts * 30_000), secretNames],
          );
          this.logger.warn(`notification ${row.id} failed (attempt ${attempts}): ${reason}`);
        }
        return true;
      });
      if (!done) return sent;
    }
  }
}

import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EMAIL_SENDER, type EmailSender } from '@seriktes/runtime';
import http from 'node:http';
import https from 'node:https';
import { performance } from 'node:perf_hooks';
import type { DataSource } from 'typeorm';
import { toStructuredCloudEvent } from '../feed/cloudevent';
import { redact } from '../redaction/redact';
import type { SharingScope } from '@seriktes/contracts';
import { DispatchSignal } from './dispatch-signal';
import { classifyResponse, MAX_CONSECUTIVE_FAILURES, nextAttemptAt, parseRetryAfter } from './retry';
import { SecretBox } from './secret-box';
import { webhookHeaders } from './signing';
import { checkEndpointUrl, pinnedLookup, resolveEndpoint } from './url-policy';

const S = 'partner_hub';
export const DISPATCH_SETTINGS = Symbol('DISPATCH_SETTINGS');
export interface DispatchSettings {
  concurrency: number;
  intervalMs: number;
  timeoutMs: number;
  mode: 'production' | 'development';
}

interface Claimed {
  id: string;
  subscription_id: string;
  event_seq: string;
  webhook_id: string;
  attempts: number;
  granted_by: string[];
}

interface Outcome {
  status: number | null;
  error: string | null;
  retryAfter: string | null;
}

/** Largest response body read from an endpoint (the rest is discarded). */
const MAX_RESPONSE_BYTES = 64 * 1024;

/**
 * Delivers webhooks: due deliveries are claimed with a lease, at most one in flight per endpoint
 * and `concurrency` in all per replica, so a slow endpoint holds only its own queue. Each attempt
 * resolves the endpoint again, refuses forbidden addresses and connects to the address it checked
 * (no DNS rebinding between check and connect), never follows a redirect, and is recorded with its
 * status, latency and error. Same `webhook-id` on every attempt; the body is rebuilt identically
 * from the stored event and the scopes recorded at fan-out.
 */
@Injectable()
export class Dispatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Dispatcher');
  private readonly inflight = new Map<string, Promise<void>>();
  private timer?: NodeJS.Timeout;
  private unsubscribe?: () => void;
  private pumping = false;
  private again = false;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly signal: DispatchSignal,
    private readonly box: SecretBox,
    @Inject(DISPATCH_SETTINGS) private readonly settings: DispatchSettings,
    @Inject(EMAIL_SENDER) private readonly email: EmailSender,
  ) {}

  onApplicationBootstrap(): void {
    if (this.settings.intervalMs <= 0) return;
    this.unsubscribe = this.signal.onWake(() => this.kick());
    this.timer = setInterval(() => this.kick(), this.settings.intervalMs);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    if (this.timer) clearInterval(this.timer);
    await Promise.allSettled([...this.inflight.values()]);
  }

  /** Looks for due deliveries now (coalesced with a look already going). */
  kick(): void {
    if (this.stopped) return;
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = true;
    void this.pump()
      .catch((e: unknown) => this.logger.error(`dispatch failed: ${String(e)}`))
      .finally(() => {
        this.pumping = false;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** For tests and tools: dispatches until nothing is due and nothing is in flight; the attempts made. */
  async drain(): Promise<number> {
    let attempts = 0;
    for (;;) {
      const started = await this.pump();
      attempts += started;
      if (this.inflight.size) await Promise.race([...this.inflight.values()]);
      else if (started === 0) return attempts;
    }
  }

  private async pump(): Promise<number> {
    const free = this.settings.concurrency - this.inflight.size;
    if (free <= 0) return 0;
    const claimed = await this.claim(free);
    for (const row of claimed) {
      const work = this.attempt(row)
        .catch((e: unknown) => this.logger.error(`delivery ${row.id} failed unexpectedly: ${String(e)}`))
        .finally(() => {
          this.inflight.delete(row.subscription_id);
          this.kick();
        });
      this.inflight.set(row.subscription_id, work);
    }
    return claimed.length;
  }

  private async claim(limit: number): Promise<Claimed[]> {
    const leaseSeconds = Math.ceil(this.settings.timeoutMs / 1000) + 30;
    const [rows] = (await this.dataSource.query(
      `WITH due AS (
         SELECT id FROM (
           SELECT DISTINCT ON (d.subscription_id) d.id, d.next_attempt_at
             FROM ${S}.delivery d JOIN ${S}.subscription s ON s.id = d.subscription_id AND s.state = 'active'
            WHERE d.status IN ('pending', 'delivering') AND (d.status = 'pending' OR d.lease_until < now())
              AND d.next_attempt_at <= now()
              AND NOT (d.subscription_id = ANY($2::uuid[]))
              AND NOT EXISTS (SELECT 1 FROM ${S}.delivery x WHERE x.subscription_id = d.subscription_id AND x.status IN ('pending', 'delivering') AND x.status = 'delivering' AND x.lease_until >= now())
            ORDER BY d.subscription_id, d.id) first_per_endpoint
          ORDER BY next_attempt_at LIMIT $1)
       UPDATE ${S}.delivery d SET status = 'delivering', lease_until = now() + make_interval(secs => $3), attempts = d.attempts + 1
         FROM due WHERE d.id = due.id
          -- Re-checked on the row as another replica may just have claimed it: never two in flight.
          AND (d.status = 'pending' OR (d.status = 'delivering' AND d.lease_until < now()))
       RETURNING d.id, d.subscription_id, d.event_seq, d.webhook_id, d.attempts, d.granted_by`,
      [limit, [...this.inflight.keys()], leaseSeconds],
    )) as [Claimed[], number];
    return rows;
  }

  private async attempt(row: Claimed): Promise<void> {
    const [context] = (await this.dataSource.query(
      `SELECT e.id, e.source, e.type, e.subject, e.time, e.data, s.url, s.contact_email, s.partner_org_id,
              array(SELECT secret FROM ${S}.subscription_secret k WHERE k.subscription_id = s.id AND (k.expires_at IS NULL OR k.expires_at > now()) ORDER BY k.created_at DESC) AS secrets
         FROM ${S}.delivery d JOIN ${S}.event e ON e.seq = d.event_seq JOIN ${S}.subscription s ON s.id = d.subscription_id
        WHERE d.id = $1`,
      [row.id],
    )) as Array<{ id: string; source: string; type: string; subject: string | null; time: Date; data: Record<string, unknown>; url: string; contact_email: string | null; partner_org_id: string; secrets: string[] }>;
    if (!context) return;
    const redacted = redact(context.type, context.data, row.granted_by as SharingScope[]);
    if (!redacted) {
      // The policy stopped sending this kind of event after it was queued: it is not sent.
      await this.dataSource.query(`UPDATE ${S}.delivery SET status = 'failed', last_error = $2, lease_until = NULL WHERE id = $1`, [row.id, 'no longer sent to partners (redaction policy)']);
      return;
    }
    const body = toStructuredCloudEvent({ id: context.id, source: context.source, type: context.type, subject: context.subject ?? undefined, time: context.time.toISOString() }, redacted.data);
    const secrets = context.secrets.map((s) => this.box.open(s));
    const attemptedAt = new Date();
    const started = performance.now();
    const outcome = await this.post(context.url, webhookHeaders(secrets, row.webhook_id, Math.floor(attemptedAt.getTime() / 1000), body), body);
    const latencyMs = Math.round(performance.now() - started);
    const verdict = classifyResponse(outcome.status);
    const now = new Date();
    await this.dataSource.transaction(async (em) => {
      await em.query(`INSERT INTO ${S}.delivery_attempt (delivery_id, attempted_at, status_code, latency_ms, error) VALUES ($1, $2, $3, $4, $5)`, [row.id, attemptedAt, outcome.status, latencyMs, outcome.error]);
      if (verdict === 'delivered') {
        await em.query(`UPDATE ${S}.delivery SET status = 'delivered', delivered_at = $2, last_status = $3, last_error = NULL, lease_until = NULL WHERE id = $1`, [row.id, now, outcome.status]);
        await em.query(`UPDATE ${S}.subscription SET consecutive_failures = 0 WHERE id = $1 AND consecutive_failures <> 0`, [row.subscription_id]);
        return;
      }
      if (verdict === 'gone') {
        await em.query(`UPDATE ${S}.delivery SET status = 'failed', last_status = $2, last_error = $3, lease_until = NULL WHERE id = $1`, [row.id, outcome.status, 'the endpoint answered 410 Gone']);
        await this.disable(em, row.subscription_id, 'the endpoint answered 410 Gone', context);
        return;
      }
      const next = nextAttemptAt(row.attempts, now, Math.random, parseRetryAfter(outcome.retryAfter, now));
      await em.query(`UPDATE ${S}.delivery SET status = $2, next_attempt_at = coalesce($3, next_attempt_at), last_status = $4, last_error = $5, lease_until = NULL WHERE id = $1`, [
        row.id,
        next ? 'pending' : 'failed',
        next,
        outcome.status,
        outcome.error ?? `HTTP ${outcome.status}`,
      ]);
      if (next) return;
      // A message given up after the whole schedule (about a day): count it; enough in a row disable the endpoint.
      const [[subscription]] = (await em.query(`UPDATE ${S}.subscription SET consecutive_failures = consecutive_failures + 1 WHERE id = $1 RETURNING consecutive_failures`, [row.subscription_id])) as [
        Array<{ consecutive_failures: number }>,
        number,
      ];
      if (subscription && subscription.consecutive_failures >= MAX_CONSECUTIVE_FAILURES) {
        await this.disable(em, row.subscription_id, `${subscription.consecutive_failures} messages in a row undelivered after every retry`, context);
      }
    });
  }

  private async disable(em: { query(sql: string, params: unknown[]): Promise<unknown> }, subscriptionId: string, reason: string, context: { url: string; contact_email: string | null; partner_org_id: string }): Promise<void> {
    await em.query(`UPDATE ${S}.subscription SET state = 'disabled', disabled_reason = $2, updated_at = now() WHERE id = $1 AND state <> 'disabled'`, [subscriptionId, reason]);
    this.logger.warn(`webhook subscription ${subscriptionId} of ${context.partner_org_id} disabled: ${reason}`);
    if (context.contact_email) {
      await this.email.send({
        to: context.contact_email,
        subject: 'Seriktes: webhook endpoint disabled / вебхук өшірілді / вебхук отключён',
        text: `Your endpoint ${context.url} (subscription ${subscriptionId}) was disabled: ${reason}. Undelivered events are kept; resume the subscription once it is fixed.`,
        reference: subscriptionId,
      });
    }
  }

  private async post(url: string, headers: Record<string, string>, body: string): Promise<Outcome> {
    const checked = checkEndpointUrl(url, this.settings.mode);
    if (!checked.url) return { status: null, error: `endpoint refused: ${checked.errors.join('; ')}`, retryAfter: null };
    let address: { address: string; family: 4 | 6 };
    try {
      address = await resolveEndpoint(checked.url.hostname.replace(/^\[|\]$/g, ''), this.settings.mode);
    } catch (error) {
      return { status: null, error: error instanceof Error ? error.message : String(error), retryAfter: null };
    }
    const client = checked.url.protocol === 'https:' ? https : http;
    return new Promise<Outcome>((resolve) => {
      const request = client.request(
        checked.url!,
        { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)), 'user-agent': 'Seriktes-Webhooks/1.0' }, lookup: pinnedLookup(address.address, address.family), timeout: this.settings.timeoutMs },
        (response) => {
          let read = 0;
          response.on('data', (chunk: Buffer) => {
            read += chunk.length;
            if (read > MAX_RESPONSE_BYTES) response.destroy();
          });
          const done = () => resolve({ status: response.statusCode ?? null, error: null, retryAfter: (response.headers['retry-after'] as string | undefined) ?? null });
          response.on('end', done);
          response.on('close', done);
          response.on('error', done);
        },
      );
      request.on('timeout', () => request.destroy(new Error(`no answer within ${this.settings.timeoutMs} ms`)));
      request.on('error', (error) => resolve({ status: null, error: error.message, retryAfter: null }));
      request.end(body);
    });
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditLog, auditActor } from '@seriktes/audit';
import { forbidden, type AuthenticatedUser } from '@seriktes/auth';
import { TERRITORY_CODE_PATTERN } from '@seriktes/contracts';
import { invalidInput, notFound, type FieldError } from '@seriktes/runtime';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { isAdmin, mayManage, partnerOf, withinRegion, type PartnerScope } from '../access';
import { DispatchSignal } from '../webhooks/dispatch-signal';
import { SecretBox } from '../webhooks/secret-box';
import { generateSecret } from '../webhooks/signing';
import { checkEndpointUrl } from '../webhooks/url-policy';
import { checkEventTypePattern, matchesEventType, matchesTerritory } from './matching';

const S = 'partner_hub';
const TERRITORY = new RegExp(TERRITORY_CODE_PATTERN);
export const ENDPOINT_MODE = Symbol('ENDPOINT_MODE');

export interface SubscriptionRow {
  id: string;
  partner_org_id: string;
  region_code: string;
  url: string;
  event_types: string[];
  territories: string[];
  description: string | null;
  contact_email: string | null;
  state: 'active' | 'paused' | 'disabled';
  disabled_reason: string | null;
  consecutive_failures: number;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

export interface SubscriptionInput {
  url?: string | null;
  eventTypes?: string[] | null;
  territories?: string[] | null;
  description?: string | null;
  contactEmail?: string | null;
  partnerOrgId?: string | null;
  regionCode?: string | null;
}

/**
 * Webhook subscriptions of partner organisations: created by the partner (or an administrator for
 * it) with an endpoint, event types (wildcards per aggregate) and a territory filter within the
 * partner's own region; a signing secret is generated and shown once in the Standard Webhooks form,
 * and can be rotated with an overlap during which both are valid. Every change is audit-logged.
 */
@Injectable()
export class SubscriptionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    private readonly box: SecretBox,
    private readonly signal: DispatchSignal,
    @Inject(ENDPOINT_MODE) private readonly mode: 'production' | 'development',
  ) {}

  private owner(user: AuthenticatedUser, input: SubscriptionInput): PartnerScope {
    const partner = partnerOf(user);
    if (partner && !isAdmin(user)) {
      if (input.partnerOrgId && input.partnerOrgId !== partner.partnerOrgId) throw forbidden('a partner manages its own subscriptions only');
      return partner;
    }
    if (!isAdmin(user)) throw forbidden('only partners and platform administrators manage webhook subscriptions');
    const errors: FieldError[] = [];
    if (!input.partnerOrgId || !/^[a-z0-9-]{2,64}$/.test(input.partnerOrgId)) errors.push({ field: 'partnerOrgId', message: 'an administrator names the partner organisation, e.g. ast-akimat' });
    if (!input.regionCode || !(input.regionCode === 'KAZ' || /^[A-Z]{3}$/.test(input.regionCode))) errors.push({ field: 'regionCode', message: "an administrator names the partner's region, e.g. AST" });
    if (errors.length) throw invalidInput(errors);
    return { partnerOrgId: input.partnerOrgId!, regionCode: input.regionCode! };
  }

  private check(input: SubscriptionInput, owner: PartnerScope, creating: boolean): FieldError[] {
    const errors: FieldError[] = [];
    if (creating || input.url != null) {
      const checked = checkEndpointUrl(input.url ?? '', this.mode);
      errors.push(...checked.errors.map((message) => ({ field: 'url', message })));
    }
    if (creating || input.eventTypes != null) {
      const types = input.eventTypes ?? [];
      if (!types.length) errors.push({ field: 'eventTypes', message: 'name at least one event type, e.g. kz.seriktes.citizen-request.* or kz.seriktes.citizen-request.registered.v1' });
      if (types.length > 50) errors.push({ field: 'eventTypes', message: 'at most 50 patterns' });
      for (const t of types) {
        const problem = checkEventTypePattern(t);
        if (problem) errors.push({ field: 'eventTypes', message: `${t}: ${problem}` });
      }
    }
    for (const t of input.territories ?? []) {
      if (!TERRITORY.test(t)) errors.push({ field: 'territories', message: `${t} is not a region, district or precinct code` });
      else if (!withinRegion(t, owner.regionCode)) errors.push({ field: 'territories', message: `${t} is outside your territory (${owner.regionCode})` });
    }
    if ((input.territories ?? []).length > 100) errors.push({ field: 'territories', message: 'at most 100 territories' });
    if (input.description != null && input.description.length > 500) errors.push({ field: 'description', message: 'must be at most 500 characters' });
    if (input.contactEmail != null && input.contactEmail !== '' && !/^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,}$/.test(input.contactEmail)) errors.push({ field: 'contactEmail', message: 'must be an e-mail address' });
    return errors;
  }

  async create(user: AuthenticatedUser, input: SubscriptionInput): Promise<{ row: SubscriptionRow; secret: string }> {
    const owner = this.owner(user, input);
    const errors = this.check(input, owner, true);
    if (errors.length) throw invalidInput(errors);
    const id = randomUUID();
    const secret = generateSecret();
    const row = await this.dataSource.transaction(async (em) => {
      const [inserted] = (await em.query(
        `INSERT INTO ${S}.subscription (id, partner_org_id, region_code, url, event_types, territories, description, contact_email, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
        [id, owner.partnerOrgId, owner.regionCode, input.url, input.eventTypes, input.territories ?? [], input.description ?? null, input.contactEmail || null, user.username],
      )) as SubscriptionRow[];
      await em.query(`INSERT INTO ${S}.subscription_secret (id, subscription_id, secret) VALUES ($1, $2, $3)`, [randomUUID(), id, this.box.seal(secret)]);
      await this.audit.record({ actor: auditActor(user), action: 'create', entity: 'webhook_subscription', entityId: id, purpose: 'graphql:createWebhookSubscription', details: { partnerOrgId: owner.partnerOrgId, url: input.url } }, em);
      return inserted;
    });
    return { row, secret };
  }

  async get(user: AuthenticatedUser, id: string): Promise<SubscriptionRow> {
    const [row] = (await this.dataSource.query(`SELECT * FROM ${S}.subscription WHERE id = $1`, [id])) as SubscriptionRow[];
    if (!row) throw notFound('no such webhook subscription');
    if (!mayManage(user, row.partner_org_id)) throw forbidden('this subscription belongs to another organisation');
    return row;
  }

  async list(user: AuthenticatedUser, partnerOrgId: string | null): Promise<SubscriptionRow[]> {
    const partner = partnerOf(user);
    const org = isAdmin(user) ? partnerOrgId : (partner?.partnerOrgId ?? null);
    if (!isAdmin(user) && !partner) throw forbidden('only partners and platform administrators read webhook subscriptions');
    return this.dataSource.query(`SELECT * FROM ${S}.subscription WHERE ($1::text IS NULL OR partner_org_id = $1) ORDER BY created_at DESC LIMIT 500`, [org]);
  }

  async update(user: AuthenticatedUser, id: string, input: SubscriptionInput): Promise<SubscriptionRow> {
    const current = await this.get(user, id);
    const errors = this.check(input, { partnerOrgId: current.partner_org_id, regionCode: current.region_code }, false);
    if (errors.length) throw invalidInput(errors);
    return this.dataSource.transaction(async (em) => {
      const [[row]] = (await em.query(
        `UPDATE ${S}.subscription SET url = coalesce($2, url), event_types = coalesce($3, event_types), territories = coalesce($4, territories),
                description = coalesce($5, description), contact_email = coalesce($6, contact_email), updated_at = now()
          WHERE id = $1 RETURNING *`,
        [id, input.url ?? null, input.eventTypes ?? null, input.territories ?? null, input.description ?? null, input.contactEmail ?? null],
      )) as [SubscriptionRow[], number];
      await this.audit.record({ actor: auditActor(user), action: 'update', entity: 'webhook_subscription', entityId: id, purpose: 'graphql:updateWebhookSubscription' }, em);
      return row;
    });
  }

  /** active (resume: failures forgotten, a disabled endpoint tried again), paused. */
  async setState(user: AuthenticatedUser, id: string, state: 'active' | 'paused'): Promise<SubscriptionRow> {
    await this.get(user, id);
    const row = await this.dataSource.transaction(async (em) => {
      const [[updated]] = (await em.query(
        `UPDATE ${S}.subscription SET state = $2, disabled_reason = CASE WHEN $2 = 'active' THEN NULL ELSE disabled_reason END,
                consecutive_failures = CASE WHEN $2 = 'active' THEN 0 ELSE consecutive_failures END, updated_at = now()
          WHERE id = $1 RETURNING *`,
        [id, state],
      )) as [SubscriptionRow[], number];
      if (state === 'active') await em.query(`UPDATE ${S}.delivery SET next_attempt_at = now() WHERE subscription_id = $1 AND status = 'pending'`, [id]);
      await this.audit.record({ actor: auditActor(user), action: 'update', entity: 'webhook_subscription', entityId: id, purpose: state === 'active' ? 'graphql:resumeWebhookSubscription' : 'graphql:pauseWebhookSubscription' }, em);
      return updated;
    });
    if (state === 'active') this.signal.wakeSoon();
    return row;
  }

  async remove(user: AuthenticatedUser, id: string): Promise<void> {
    await this.get(user, id);
    await this.dataSource.transaction(async (em) => {
      await em.query(`DELETE FROM ${S}.subscription WHERE id = $1`, [id]);
      await this.audit.record({ actor: auditActor(user), action: 'delete', entity: 'webhook_subscription', entityId: id, purpose: 'graphql:deleteWebhookSubscription' }, em);
    });
  }

  /**
   * A new signing secret, shown once. The secrets in force until now stay valid for
   * `overlapHours` (deliveries carry a signature with each), so the partner can switch without
   * losing a delivery.
   */
  async rotateSecret(user: AuthenticatedUser, id: string, overlapHours: number): Promise<{ secret: string; previousValidUntil: Date }> {
    if (!Number.isFinite(overlapHours) || overlapHours < 0 || overlapHours > 168) throw invalidInput([{ field: 'overlapHours', message: 'must be from 0 to 168 hours (a week)' }]);
    await this.get(user, id);
    const secret = generateSecret();
    const until = new Date(Date.now() + overlapHours * 3_600_000);
    await this.dataSource.transaction(async (em) => {
      await em.query(`UPDATE ${S}.subscription_secret SET expires_at = LEAST(coalesce(expires_at, $2), $2) WHERE subscription_id = $1`, [id, until]);
      await em.query(`INSERT INTO ${S}.subscription_secret (id, subscription_id, secret) VALUES ($1, $2, $3)`, [randomUUID(), id, this.box.seal(secret)]);
      await this.audit.record({ actor: auditActor(user), action: 'update', entity: 'webhook_subscription', entityId: id, purpose: 'graphql:rotateWebhookSecret', details: { overlapHours } }, em);
    });
    return { secret, previousValidUntil: until };
  }

  /** Queues the subscription's events of a time window again, with their original ids; the number queued. */
  async replay(user: AuthenticatedUser, id: string, from: Date, to: Date): Promise<number> {
    const errors: FieldError[] = [];
    if (Number.isNaN(from.getTime())) errors.push({ field: 'from', message: 'must be a date-time' });
    if (Number.isNaN(to.getTime())) errors.push({ field: 'to', message: 'must be a date-time' });
    if (!errors.length && to <= from) errors.push({ field: 'to', message: 'must be after from' });
    if (!errors.length && to.getTime() - from.getTime() > 31 * 86_400_000) errors.push({ field: 'to', message: 'a replay covers at most 31 days; replay longer spans in parts' });
    if (errors.length) throw invalidInput(errors);
    const s = await this.get(user, id);
    const candidates = (await this.dataSource.query(
      `SELECT e.seq, e.id, e.type, e.territories, d.withheld, d.granted_by
         FROM ${S}.event e LEFT JOIN ${S}.delivery d ON d.event_seq = e.seq AND d.subscription_id = $1 AND NOT d.replay
        WHERE e.time >= $2 AND e.time < $3 ORDER BY e.seq LIMIT 100000`,
      [id, from, to],
    )) as Array<{ seq: string; id: string; type: string; territories: string[]; withheld: string[] | null; granted_by: string[] | null }>;
    const filters = s.territories.length ? s.territories : [s.region_code];
    // Events delivered before keep the redaction recorded then; others are redacted by the defaults.
    const rows = candidates
      .filter((e) => e.withheld !== null || (matchesEventType(s.event_types, e.type) && matchesTerritory(filters, e.territories)))
      .map((e) => ({ event_seq: e.seq, webhook_id: e.id, withheld: e.withheld ?? [], granted_by: e.granted_by ?? [] }));
    await this.dataSource.transaction(async (em) => {
      if (rows.length) {
        await em.query(
          `INSERT INTO ${S}.delivery (subscription_id, event_seq, webhook_id, replay, withheld, granted_by)
           SELECT $1, x.event_seq, x.webhook_id, true, x.withheld, x.granted_by FROM jsonb_to_recordset($2::jsonb) AS x(event_seq bigint, webhook_id text, withheld text[], granted_by text[])`,
          [id, JSON.stringify(rows)],
        );
      }
      await this.audit.record({ actor: auditActor(user), action: 'update', entity: 'webhook_subscription', entityId: id, purpose: 'graphql:replayWebhookEvents', details: { from: from.toISOString(), to: to.toISOString(), queued: rows.length } }, em);
    });
    this.signal.wakeSoon();
    return rows.length;
  }
}

import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { eventCatalogue, SharingAgreementChanged, type CloudEvent, type EventType } from '@seriktes/contracts';
import { EventConsumer } from '@seriktes/messaging';
import type { EntityManager } from 'typeorm';
import { redact, territoriesOf } from '../redaction/redact';
import { matchesEventType, matchesTerritory } from '../subscriptions/matching';
import { DispatchSignal } from '../webhooks/dispatch-signal';
import { scopesOf, type AgreementRow } from './agreements';

const S = 'partner_hub';

interface ActiveSubscription {
  id: string;
  partner_org_id: string;
  region_code: string;
  event_types: string[];
  territories: string[];
}

/**
 * Every event of the catalogue, consumed as one consumer group (replicas share the partitions):
 * stored once with the territories it concerns, then fanned out, in the same transaction as the
 * event inbox, to a delivery for each active subscription whose event types and territory filter
 * match and whose partner's region the event concerns. What the redaction withholds and which
 * agreement scopes granted more is recorded with each delivery. `sharing-agreement.changed` also
 * keeps the agreements up to date.
 */
@Injectable()
export class EventIngestion implements OnModuleInit {
  private readonly logger = new Logger('EventIngestion');

  constructor(
    private readonly consumer: EventConsumer,
    private readonly signal: DispatchSignal,
  ) {}

  onModuleInit(): void {
    for (const definition of eventCatalogue()) {
      this.consumer.on(definition as EventType<Record<string, unknown>>, async (event, em) => {
        if (definition.type === SharingAgreementChanged.type) await this.agreementChanged(em, event.data);
        await this.ingest(em, event);
      });
    }
  }

  /** Stores an event and creates its deliveries; the number of deliveries. */
  async ingest(em: EntityManager, event: CloudEvent<Record<string, unknown>>): Promise<number> {
    const territories = territoriesOf(event.type, event.data);
    const [stored] = (await em.query(
      `INSERT INTO ${S}.event (id, source, type, subject, time, territories, data) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (source, id) DO NOTHING RETURNING seq`,
      [event.id, event.source, event.type, event.subject ?? null, event.time, territories, JSON.stringify(event.data)],
    )) as Array<{ seq: string }>;
    if (!stored) return 0; // the same event again
    const subscriptions = (await em.query(
      `SELECT id, partner_org_id, region_code, event_types, territories FROM ${S}.subscription
        WHERE state = 'active' AND (region_code = 'KAZ' OR region_code = ANY($1))`,
      [territories.map((t) => t.split('-')[0])],
    )) as ActiveSubscription[];
    const matching = subscriptions.filter((s) => matchesEventType(s.event_types, event.type) && matchesTerritory(s.territories.length ? s.territories : [s.region_code], territories));
    if (!matching.length) return 0;
    const agreements = (await em.query(
      `SELECT agreement_id, partner_org_id, status, scopes, territory_code, to_char(review_on, 'YYYY-MM-DD') AS review_on FROM ${S}.agreement WHERE partner_org_id = ANY($1)`,
      [[...new Set(matching.map((s) => s.partner_org_id))]],
    )) as AgreementRow[];
    const rows: Array<{ subscription_id: string; withheld: string[]; granted_by: string[] }> = [];
    for (const s of matching) {
      const scopes = scopesOf(agreements.filter((a) => a.partner_org_id === s.partner_org_id), territories, new Date(event.time));
      const redacted = redact(event.type, event.data, scopes);
      if (!redacted) continue;
      rows.push({ subscription_id: s.id, withheld: redacted.withheld, granted_by: redacted.grantedBy });
    }
    if (!rows.length) return 0;
    await em.query(
      `INSERT INTO ${S}.delivery (subscription_id, event_seq, webhook_id, withheld, granted_by)
       SELECT x.subscription_id, $1, $2, x.withheld, x.granted_by FROM jsonb_to_recordset($3::jsonb) AS x(subscription_id uuid, withheld text[], granted_by text[])
       ON CONFLICT DO NOTHING`,
      [stored.seq, event.id, JSON.stringify(rows)],
    );
    this.signal.wakeSoon();
    return rows.length;
  }

  private async agreementChanged(em: EntityManager, data: Record<string, unknown>): Promise<void> {
    await em.query(
      `INSERT INTO ${S}.agreement (agreement_id, partner_org_id, status, scopes, territory_code, review_on, changed_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (agreement_id) DO UPDATE SET partner_org_id = EXCLUDED.partner_org_id, status = EXCLUDED.status, scopes = EXCLUDED.scopes,
         territory_code = EXCLUDED.territory_code, review_on = EXCLUDED.review_on, changed_at = EXCLUDED.changed_at
        WHERE ${S}.agreement.changed_at <= EXCLUDED.changed_at`,
      [data.agreementId, data.partnerOrgId, data.status, data.scopes, data.territoryCode, data.reviewOn, data.changedAt],
    );
    this.logger.log(`sharing agreement ${String(data.agreementId)} of ${String(data.partnerOrgId)}: ${String(data.status)}`);
  }
}

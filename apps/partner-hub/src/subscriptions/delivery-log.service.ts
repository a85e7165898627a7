import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

const S = 'partner_hub';

export interface DeliveryRow {
  id: string;
  webhook_id: string;
  event_type: string;
  event_time: Date;
  replay: boolean;
  status: string;
  attempts: number;
  next_attempt_at: Date;
  last_status: number | null;
  last_error: string | null;
  withheld: string[];
  granted_by: string[];
  created_at: Date;
  delivered_at: Date | null;
}

export interface AttemptRow {
  delivery_id: string;
  attempted_at: Date;
  status_code: number | null;
  latency_ms: number;
  error: string | null;
}

/** The delivery log of a subscription: deliveries newest first, each with every attempt. */
@Injectable()
export class DeliveryLog {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async deliveries(subscriptionId: string, status: string | null, first: number, after: string | null): Promise<DeliveryRow[]> {
    return this.dataSource.query(
      `SELECT d.id, d.webhook_id, e.type AS event_type, e.time AS event_time, d.replay, d.status, d.attempts, d.next_attempt_at, d.last_status, d.last_error,
              d.withheld, d.granted_by, d.created_at, d.delivered_at
         FROM ${S}.delivery d JOIN ${S}.event e ON e.seq = d.event_seq
        WHERE d.subscription_id = $1 AND ($2::text IS NULL OR d.status = $2) AND ($3::bigint IS NULL OR d.id < $3)
        ORDER BY d.id DESC LIMIT $4`,
      [subscriptionId, status, after, first + 1],
    );
  }

  async attempts(deliveryIds: string[]): Promise<Map<string, AttemptRow[]>> {
    const rows = (await this.dataSource.query(
      `SELECT delivery_id, attempted_at, status_code, latency_ms, error FROM ${S}.delivery_attempt WHERE delivery_id = ANY($1::bigint[]) ORDER BY id`,
      [deliveryIds],
    )) as AttemptRow[];
    const out = new Map<string, AttemptRow[]>();
    for (const r of rows) out.set(String(r.delivery_id), [...(out.get(String(r.delivery_id)) ?? []), r]);
    return out;
  }
}

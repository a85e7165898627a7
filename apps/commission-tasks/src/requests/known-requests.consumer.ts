import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CitizenRequestClosed, CitizenRequestRegistered, CitizenRequestReopened } from '@seriktes/contracts';
import { EventConsumer } from '@seriktes/messaging';

/**
 * The citizen requests commission-tasks knows of, from citizen-requests events: ids, number,
 * kind, category, territory and whether open (no people). Tasks may reference them, and agenda
 * items of request statistics count them. Order-tolerant upserts in the inbox transaction.
 */
@Injectable()
export class KnownRequestsConsumer implements OnModuleInit {
  constructor(private readonly consumer: EventConsumer) {}

  onModuleInit(): void {
    this.consumer.on(CitizenRequestRegistered, (e, em) =>
      this.upsert(em, e.data.requestId, {
        registration_number: e.data.registrationNumber,
        kind: e.data.kind,
        category: e.data.category,
        region_code: e.data.regionCode,
        precinct_code: e.data.precinctCode,
        received_at: e.data.receivedAt,
      }),
    );
    this.consumer.on(CitizenRequestClosed, (e, em) => this.setStatus(em, e.data.requestId, e.data.precinctCode, 'closed', e.data.closedAt));
    this.consumer.on(CitizenRequestReopened, (e, em) => this.setStatus(em, e.data.requestId, e.data.precinctCode, 'open', null));
  }

  private async upsert(em: EntityManager, id: string, fields: Record<string, string>): Promise<void> {
    await em.query(
      `INSERT INTO commission_tasks.known_request (id, registration_number, kind, category, region_code, precinct_code, received_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7)
       ON CONFLICT (id) DO UPDATE SET registration_number = EXCLUDED.registration_number, kind = EXCLUDED.kind, category = EXCLUDED.category,
         region_code = EXCLUDED.region_code, precinct_code = EXCLUDED.precinct_code, received_at = EXCLUDED.received_at, updated_at = now()`,
      [id, fields.registration_number, fields.kind, fields.category, fields.region_code, fields.precinct_code, fields.received_at],
    );
  }

  private async setStatus(em: EntityManager, id: string, precinctCode: string, status: 'open' | 'closed', closedAt: string | null): Promise<void> {
    await em.query(
      `INSERT INTO commission_tasks.known_request (id, precinct_code, region_code, status, closed_at) VALUES ($1, $2, left($2, 3), $3, $4)
       ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, closed_at = EXCLUDED.closed_at, precinct_code = EXCLUDED.precinct_code, updated_at = now()`,
      [id, precinctCode, status, closedAt],
    );
  }
}

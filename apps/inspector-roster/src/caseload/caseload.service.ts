import { Injectable, NotFoundException, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { CitizenRequestRegistered, PRECINCT_CODE_PATTERN, type CitizenRequestRegisteredV1, type CloudEvent } from '@seriktes/contracts';
import { EventConsumer } from '@seriktes/messaging';
import { PrecinctCaseloadEntity } from './precinct-caseload.entity';

const PRECINCT_CODE = new RegExp(PRECINCT_CODE_PATTERN);

export interface CaseloadView {
  precinctCode: string;
  registeredRequests: number;
  lastRequestAt: string | null;
}

@Injectable()
export class CaseloadService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly consumer: EventConsumer,
  ) {}

  onModuleInit(): void {
    this.consumer.on(CitizenRequestRegistered, (event, em) => this.countRegistered(event, em));
  }

  /** One more request for the precinct; runs in the inbox transaction, so at most once per event. */
  async countRegistered(event: CloudEvent<CitizenRequestRegisteredV1>, em: EntityManager): Promise<void> {
    await em.query(
      `INSERT INTO "inspector_roster"."precinct_caseload" ("precinct_code", "registered_requests", "last_request_at", "updated_at")
       VALUES ($1, 1, $2, now())
       ON CONFLICT ("precinct_code") DO UPDATE
         SET "registered_requests" = "precinct_caseload"."registered_requests" + 1,
             "last_request_at" = greatest("precinct_caseload"."last_request_at", EXCLUDED."last_request_at"),
             "updated_at" = now()`,
      [event.data.precinctCode, event.data.registeredAt],
    );
  }

  async caseload(precinctCode: string): Promise<CaseloadView> {
    if (!PRECINCT_CODE.test(precinctCode)) throw new NotFoundException(`precinct ${precinctCode} not found`);
    const row = await this.dataSource.getRepository(PrecinctCaseloadEntity).findOneBy({ precinctCode });
    return {
      precinctCode,
      registeredRequests: row?.registeredRequests ?? 0,
      lastRequestAt: row?.lastRequestAt.toISOString() ?? null,
    };
  }
}

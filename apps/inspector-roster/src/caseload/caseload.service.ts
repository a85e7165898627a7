import { Injectable, NotFoundException, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { CitizenRequestRegistered, parsePrecinctCode, PRECINCT_CODE_PATTERN, type CitizenRequestRegisteredV1, type CloudEvent, type PrecinctCode } from '@seriktes/contracts';
import { coversPrecinct, describeJurisdiction, forbidden, territoryCondition, type AuthenticatedUser } from '@seriktes/auth';
import { decodeCursor } from '@seriktes/graphql';
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

  /** The precinct, if the caller's jurisdiction covers it (FORBIDDEN otherwise). */
  precinct(code: string, user: AuthenticatedUser): PrecinctCode | undefined {
    const precinct = parsePrecinctCode(code);
    if (!precinct) return undefined;
    if (!coversPrecinct(user.jurisdiction, code)) {
      throw forbidden(`precinct ${code} is outside your jurisdiction (${describeJurisdiction(user.jurisdiction)})`);
    }
    return precinct;
  }

  /**
   * Precincts with a caseload within the caller's jurisdiction, by code (filtered in the query).
   * Until the territory registry exists, a precinct is known here once it has received a request.
   */
  async precincts(user: AuthenticatedUser, page: { size: number; after?: string }): Promise<PrecinctCode[]> {
    const scope = territoryCondition(user.jurisdiction, { precinct: 'c.precinct_code' });
    const params: unknown[] = [...scope.params];
    const conditions = [scope.sql];
    if (page.after) {
      const [code] = decodeCursor(page.after, 1);
      params.push(String(code));
      conditions.push(`c.precinct_code > $${params.length}`);
    }
    params.push(page.size + 1);
    const rows = (await this.dataSource.query(
      `SELECT c.precinct_code FROM inspector_roster.precinct_caseload c WHERE ${conditions.join(' AND ')}
       ORDER BY c.precinct_code LIMIT $${params.length}`,
      params,
    )) as Array<{ precinct_code: string }>;
    return rows.map((row) => parsePrecinctCode(row.precinct_code)).filter((p): p is PrecinctCode => p !== undefined);
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

import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { callServiceGraphql, ServiceTokenClient } from '@seriktes/auth';
import { localDateOf } from '@seriktes/calendar';
import { parsePrecinctCode } from '@seriktes/contracts';
import type { DataSource } from 'typeorm';

export const ROSTER_SETTINGS = Symbol('ROSTER_SETTINGS');
export interface RosterSettings {
  url: string;
  maxAgeMinutes: number;
}

interface WorkforceNode {
  precinctCode: string;
  districtCode: string;
  regionCode: string;
  population: number;
  areaKm2: number;
  settlementType: 'urban' | 'rural';
  officers: number;
  postHolders: number;
  officersWithSchedule: number;
  scheduledHours: number;
  leaveHours: number;
  holidayHours: number;
  availableHours: number;
}

const PAGE = 1000;
const QUERY = `query Workforce($year: Int!, $regionCode: String, $districtCode: String, $first: Int, $after: String) {
  precinctWorkforce(year: $year, regionCode: $regionCode, districtCode: $districtCode, first: $first, after: $after) {
    edges { node { precinctCode districtCode regionCode population areaKm2 settlementType officers postHolders officersWithSchedule scheduledHours leaveHours holidayHours availableHours } }
    pageInfo { endCursor hasNextPage }
  }
}`;

/** The roster filter that covers a scope (a precinct: its district, the smallest the roster pages by). */
export function rosterFilter(scopeCode: string): { regionCode?: string; districtCode?: string } {
  if (scopeCode === 'KAZ') return {};
  const parts = scopeCode.split('-');
  if (parts.length === 1) return { regionCode: scopeCode };
  return { districtCode: `${parts[0]}-${parts[1]}` };
}

/**
 * Precincts as the inspector roster knows them (population, area, settlement type, officers and
 * their available hours from shifts and leave), fetched through its GraphQL API page by page and
 * kept here, so a run reads them in one query. Fetched again when older than the allowed age.
 */
@Injectable()
export class RosterSync {
  private readonly logger = new Logger('RosterSync');
  private readonly pending = new Map<string, Promise<number>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: ServiceTokenClient,
    @Inject(ROSTER_SETTINGS) private readonly settings: RosterSettings,
  ) {}

  /** Fetches the scope again when its figures are older than allowed; the number of precincts known. */
  async ensureFresh(scopeCode: string, now = new Date()): Promise<number> {
    const key = rosterFilter(scopeCode);
    const syncKey = key.districtCode ?? key.regionCode ?? 'KAZ';
    // A fresh sync of the scope itself or of a wider one (its region, the country) will do.
    const wider = [syncKey, syncKey.split('-')[0], 'KAZ'];
    const year = Number(localDateOf(now).slice(0, 4));
    const [row] = (await this.dataSource.query(
      `SELECT synced_at FROM staffing_forecast.roster_sync WHERE scope_code = ANY($1) AND year = $2 ORDER BY synced_at DESC LIMIT 1`,
      [wider, year],
    )) as Array<{ synced_at: Date }>;
    if (row && now.getTime() - row.synced_at.getTime() < this.settings.maxAgeMinutes * 60_000) return this.known(syncKey);
    let pending = this.pending.get(syncKey);
    if (!pending) {
      pending = this.sync(syncKey, key, year, now).finally(() => this.pending.delete(syncKey));
      this.pending.set(syncKey, pending);
    }
    return pending;
  }

  private async known(syncKey: string): Promise<number> {
    const [{ n }] = (await this.dataSource.query(`SELECT count(*)::int AS n FROM staffing_forecast.precinct WHERE $1 = 'KAZ' OR starts_with(code || '-', $1 || '-')`, [syncKey])) as Array<{ n: number }>;
    return n;
  }

  private async sync(syncKey: string, filter: { regionCode?: string; districtCode?: string }, year: number, now: Date): Promise<number> {
    const nodes: WorkforceNode[] = [];
    let after: string | null = null;
    for (;;) {
      const data: { precinctWorkforce: { edges: Array<{ node: WorkforceNode }>; pageInfo: { endCursor: string | null; hasNextPage: boolean } } } = await callServiceGraphql(
        this.tokens,
        { service: 'inspector-roster', url: this.settings.url, timeoutMs: 30_000 },
        QUERY,
        { year, ...filter, first: PAGE, after },
      );
      nodes.push(...data.precinctWorkforce.edges.map((e) => e.node).filter((n) => parsePrecinctCode(n.precinctCode)));
      if (!data.precinctWorkforce.pageInfo.hasNextPage) break;
      after = data.precinctWorkforce.pageInfo.endCursor;
    }
    await this.dataSource.transaction(async (em) => {
      for (let i = 0; i < nodes.length; i += 500) {
        const chunk = nodes.slice(i, i + 500);
        await em.query(
          `INSERT INTO staffing_forecast.precinct (code, district_code, region_code, population, area_km2, settlement_type, officers, post_holders, officers_with_schedule,
                                                   scheduled_hours, leave_hours, holiday_hours, available_hours, availability_year, synced_at)
           SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(code text, district_code text, region_code text, population int, area_km2 float8, settlement_type text, officers int,
                                                            post_holders int, officers_with_schedule int, scheduled_hours float8, leave_hours float8, holiday_hours float8,
                                                            available_hours float8, availability_year int, synced_at timestamptz)
           ON CONFLICT (code) DO UPDATE SET district_code = EXCLUDED.district_code, region_code = EXCLUDED.region_code, population = EXCLUDED.population,
             area_km2 = EXCLUDED.area_km2, settlement_type = EXCLUDED.settlement_type, officers = EXCLUDED.officers, post_holders = EXCLUDED.post_holders,
             officers_with_schedule = EXCLUDED.officers_with_schedule, scheduled_hours = EXCLUDED.scheduled_hours, leave_hours = EXCLUDED.leave_hours,
             holiday_hours = EXCLUDED.holiday_hours, available_hours = EXCLUDED.available_hours, availability_year = EXCLUDED.availability_year, synced_at = EXCLUDED.synced_at`,
          [
            JSON.stringify(
              chunk.map((n) => ({
                code: n.precinctCode,
                district_code: n.districtCode,
                region_code: n.regionCode,
                population: n.population,
                area_km2: n.areaKm2,
                settlement_type: n.settlementType,
                officers: n.officers,
                post_holders: n.postHolders,
                officers_with_schedule: n.officersWithSchedule,
                scheduled_hours: n.scheduledHours,
                leave_hours: n.leaveHours,
                holiday_hours: n.holidayHours,
                available_hours: n.availableHours,
                availability_year: year,
                synced_at: now.toISOString(),
              })),
            ),
          ],
        );
      }
      await em.query(
        `INSERT INTO staffing_forecast.roster_sync (scope_code, year, precincts, synced_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (scope_code) DO UPDATE SET year = EXCLUDED.year, precincts = EXCLUDED.precincts, synced_at = EXCLUDED.synced_at`,
        [syncKey, year, nodes.length, now],
      );
    });
    this.logger.log(`roster figures of ${syncKey} for ${year}: ${nodes.length} precincts`);
    return nodes.length;
  }
}

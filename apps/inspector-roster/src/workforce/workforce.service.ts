import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { territoryCondition, type Jurisdiction } from '@seriktes/auth';
import type { InspectorPosition } from '@seriktes/contracts';
import { decodeCursor } from '@seriktes/graphql';
import { DutyService } from '../duty/duty.service';
import { countingDate, publicDaysOff, workforceOf, type PrecinctOfficer, type WorkforceFigures } from './workforce';

/** The territory facts of a precinct the staffing forecast needs (no boundary). */
export interface WorkforcePrecinct {
  code: string;
  districtCode: string;
  regionCode: string;
  population: number;
  areaKm2: number;
  settlementType: 'urban' | 'rural';
}

export type PrecinctWorkforce = WorkforcePrecinct & WorkforceFigures;

export interface WorkforcePage {
  rows: PrecinctWorkforce[];
  hasNextPage: boolean;
  totalCount: number;
}

/**
 * Officers and yearly hours per precinct, a page at a time, with a fixed number of queries
 * whatever the page size: the precincts and their total, the assignments in force on the counting
 * date, then the schedules and leave of all those officers and the shift patterns; the arithmetic
 * is `workforceOf` (./workforce). One REPEATABLE READ snapshot, so the figures of a page agree.
 */
@Injectable()
export class WorkforceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly duty: DutyService,
  ) {}

  async page(jurisdiction: Jurisdiction, filter: { year: number; regionCode?: string; districtCode?: string }, page: { size: number; after?: string }, today: string): Promise<WorkforcePage> {
    const { year } = filter;
    const countedOn = countingDate(year, today);
    const y = String(year).padStart(4, '0');
    const [from, to] = [`${y}-01-01`, `${y}-12-31`];
    return this.dataSource.transaction('REPEATABLE READ', async (em) => {
      const { rows, totalCount } = await this.precincts(em, jurisdiction, filter, page);
      const precincts = rows.slice(0, page.size);
      const officers = await this.officersOn(
        em,
        precincts.map((p) => p.code),
        countedOn,
      );
      const ids = [...new Set(officers.map((o) => o.inspectorId))];
      // One after another: a transaction is one connection.
      const schedules = await this.duty.schedulesOf(em, ids, from, to);
      const leaves = await this.duty.leavesOf(em, ids, from, to);
      const patterns = await this.duty.patterns(em);
      return {
        rows: workforceOf(precincts, { year, countedOn, officers, schedules, leaves, patterns, holidays: publicDaysOff(year) }),
        hasNextPage: rows.length > page.size,
        totalCount,
      };
    });
  }

  /** A page of precincts by code (size + 1 rows: the last tells whether more follow), and the total, within the jurisdiction. */
  private async precincts(
    em: EntityManager,
    jurisdiction: Jurisdiction,
    filter: { regionCode?: string; districtCode?: string },
    page: { size: number; after?: string },
  ): Promise<{ rows: WorkforcePrecinct[]; totalCount: number }> {
    const scope = territoryCondition(jurisdiction, { precinct: 'p.code', region: 'p.region_code' });
    const params: unknown[] = [...scope.params];
    const conditions = [scope.sql];
    const add = (sql: (n: string) => string, value: unknown) => {
      params.push(value);
      conditions.push(sql(`$${params.length}`));
    };
    if (filter.regionCode) add((n) => `p.region_code = ${n}`, filter.regionCode);
    if (filter.districtCode) add((n) => `p.district_code = ${n}`, filter.districtCode);
    const [countSql, countParams] = [conditions.join(' AND '), [...params]];
    if (page.after) add((n) => `p.code > ${n}`, String(decodeCursor(page.after as string, 1)[0]));
    params.push(page.size + 1);
    const rows = (await em.query(
      `SELECT p.code, p.district_code, p.region_code, p.population, p.area_km2, p.settlement_type
         FROM inspector_roster.precinct p WHERE ${conditions.join(' AND ')} ORDER BY p.code LIMIT $${params.length}`,
      params,
    )) as Array<{ code: string; district_code: string; region_code: string; population: number; area_km2: number; settlement_type: 'urban' | 'rural' }>;
    const [{ n }] = (await em.query(`SELECT count(*)::int AS n FROM inspector_roster.precinct p WHERE ${countSql}`, countParams)) as Array<{ n: number }>;
    return {
      rows: rows.map((r) => ({ code: r.code, districtCode: r.district_code, regionCode: r.region_code, population: r.population, areaKm2: r.area_km2, settlementType: r.settlement_type })),
      totalCount: n,
    };
  }

  /** Assignments in force on `date` at these precincts, with how many precincts each officer serves that day. */
  private async officersOn(em: EntityManager, precinctCodes: readonly string[], date: string): Promise<PrecinctOfficer[]> {
    if (!precinctCodes.length) return [];
    const rows = (await em.query(
      `SELECT a.precinct_code, a.inspector_id, a.position,
              (SELECT count(DISTINCT b.precinct_code) FROM inspector_roster.assignment b
                WHERE b.inspector_id = a.inspector_id AND b.valid_from <= $2::date AND (b.valid_to IS NULL OR b.valid_to >= $2::date))::int AS precincts_served
         FROM inspector_roster.assignment a
        WHERE a.precinct_code = ANY($1) AND a.valid_from <= $2::date AND (a.valid_to IS NULL OR a.valid_to >= $2::date)`,
      [precinctCodes, date],
    )) as Array<{ precinct_code: string; inspector_id: string; position: InspectorPosition; precincts_served: number }>;
    return rows.map((r) => ({ precinctCode: r.precinct_code, inspectorId: r.inspector_id, position: r.position, precinctsServed: r.precincts_served }));
  }
}

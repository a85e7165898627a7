import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { coversTerritory, describeJurisdiction, forbidden, territoryCondition, type AuthenticatedUser } from '@seriktes/auth';

export type StatsGroup = 'region' | 'district' | 'precinct' | 'category' | 'status' | 'kind' | 'channel' | 'month';

const GROUP_SQL: Record<StatsGroup, string> = {
  region: 'r.region_code',
  district: `coalesce(r.district_code, 'unrouted')`,
  precinct: `coalesce(r.precinct_code, 'unrouted')`,
  category: 'r.category',
  status: 'r.status',
  kind: 'r.kind',
  channel: 'r.channel',
  month: `to_char(r.received_at AT TIME ZONE 'Asia/Almaty', 'YYYY-MM')`,
};

export interface StatsBucket {
  key: string;
  received: number;
  open: number;
  overdue: number;
  answered: number;
  answeredInTerm: number;
  closed: number;
  medianDaysToAnswer: number | null;
}

/**
 * Counts for command dashboards: requests received in a period within a territory (and the
 * caller's jurisdiction), grouped one way. Aggregates only: no request, no person.
 */
@Injectable()
export class StatsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async stats(user: AuthenticatedUser, scope: { regionCode?: string; districtCode?: string; precinctCode?: string }, from: Date, to: Date, groupBy: StatsGroup, now = new Date()): Promise<StatsBucket[]> {
    const j = user.jurisdiction;
    if (j.level === 'self' || j.level === 'none') throw forbidden('statistics are for police staff and analysts');
    const conditions: string[] = [];
    const params: unknown[] = [];
    // Analysts have a national view of aggregates; staff their own territory.
    if (!user.roles.includes('analyst') || j.level !== 'national') {
      const scoped = territoryCondition(j, { precinct: 'r.precinct_code', region: 'r.region_code', owner: 'r.registered_by_subject' });
      conditions.push(scoped.sql);
      params.push(...scoped.params);
    }
    const asked = scope.precinctCode ?? scope.districtCode ?? scope.regionCode;
    if (asked && !coversTerritory(j, asked)) throw forbidden(`${asked} is outside your jurisdiction (${describeJurisdiction(j)})`);
    const add = (column: string, value: unknown) => {
      params.push(value);
      conditions.push(`${column} = $${params.length}`);
    };
    if (scope.regionCode) add('r.region_code', scope.regionCode);
    if (scope.districtCode) add('r.district_code', scope.districtCode);
    if (scope.precinctCode) add('r.precinct_code', scope.precinctCode);
    params.push(from, to, now);
    const [pFrom, pTo, pNow] = [params.length - 2, params.length - 1, params.length];
    conditions.push(`r.received_at >= $${pFrom} AND r.received_at < $${pTo}`);
    const rows = (await this.dataSource.query(
      `SELECT ${GROUP_SQL[groupBy]} AS key,
              count(*)::int AS received,
              count(*) FILTER (WHERE r.closed_at IS NULL)::int AS open,
              count(*) FILTER (WHERE r.closed_at IS NULL AND r.answered_at IS NULL AND r.kind <> 'tip' AND r.due_at < $${pNow})::int AS overdue,
              count(*) FILTER (WHERE r.answered_at IS NOT NULL)::int AS answered,
              count(*) FILTER (WHERE r.answered_at IS NOT NULL AND (r.due_at IS NULL OR r.answered_at <= r.due_at))::int AS answered_in_term,
              count(*) FILTER (WHERE r.closed_at IS NOT NULL)::int AS closed,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.answered_at - r.received_at) / 86400.0) FILTER (WHERE r.answered_at IS NOT NULL) AS median_days
         FROM citizen_requests.citizen_request r
        WHERE ${conditions.join(' AND ')}
        GROUP BY 1 ORDER BY 1`,
      params,
    )) as Array<{ key: string; received: number; open: number; overdue: number; answered: number; answered_in_term: number; closed: number; median_days: number | null }>;
    return rows.map((r) => ({
      key: r.key,
      received: r.received,
      open: r.open,
      overdue: r.overdue,
      answered: r.answered,
      answeredInTerm: r.answered_in_term,
      closed: r.closed,
      medianDaysToAnswer: r.median_days === null ? null : Math.round(Number(r.median_days) * 10) / 10,
    }));
  }
}

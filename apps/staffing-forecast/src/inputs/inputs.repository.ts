import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { CategoryHistory, PrecinctInput } from '../runs/engine';
import { addMonths, monthOf, monthsBetween } from './months';

const S = 'staffing_forecast';

/** The precinct condition of a scope (KAZ, a region, a district or a precinct) on column `code`. */
export function scopeCondition(scopeCode: string, column = 'code', param = 1): { sql: string; params: string[] } {
  if (scopeCode === 'KAZ') return { sql: 'TRUE', params: [] };
  return { sql: `starts_with(${column} || '-', $${param})`, params: [`${scopeCode}-`] };
}

/** The history window: the `months` complete months before the month of `now`. */
export function historyWindow(now: Date, months: number): { from: string; to: string; months: string[] } {
  const to = addMonths(monthOf(now), -1);
  const from = addMonths(to, -(months - 1));
  return { from, to, months: monthsBetween(from, to) };
}

interface PrecinctRow {
  code: string;
  district_code: string;
  region_code: string;
  population: number;
  settlement_type: 'urban' | 'rural';
  officers: number;
  officers_with_schedule: number;
  available_hours: number;
}

/**
 * Everything the models read for the precincts of a scope, in a handful of queries: the roster's
 * figures, the monthly requests per category over the history window (complete months only: a
 * month under way would read as a drop), police commission tasks of the last 12 months (a task for
 * a district or region is shared among its precincts by population), and the latest trust figure
 * of the precinct, else its district, else its region.
 */
@Injectable()
export class InputsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async load(scopeCode: string, historyMonths: number, now: Date): Promise<PrecinctInput[]> {
    const scope = scopeCondition(scopeCode);
    const precincts = (await this.dataSource.query(
      `SELECT code, district_code, region_code, population, settlement_type, officers, officers_with_schedule, available_hours
         FROM ${S}.precinct WHERE ${scope.sql} ORDER BY code`,
      scope.params,
    )) as PrecinctRow[];
    if (!precincts.length) return [];
    const window = historyWindow(now, historyMonths);
    const index = new Map(window.months.map((m, i) => [m, i]));
    const scopeW = scopeCondition(scopeCode, 'precinct_code', 3);
    const rows = (await this.dataSource.query(
      `SELECT precinct_code, category, to_char(month, 'YYYY-MM-DD') AS month, requests, line_102, answered, elapsed_hours, units
         FROM ${S}.workload_month WHERE month BETWEEN $1 AND $2 AND ${scopeW.sql}`,
      [window.from, window.to, ...scopeW.params],
    )) as Array<{ precinct_code: string; category: string; month: string; requests: number; line_102: number; answered: number; elapsed_hours: number; units: number }>;
    const histories = new Map<string, Map<string, CategoryHistory>>();
    for (const r of rows) {
      let byCategory = histories.get(r.precinct_code);
      if (!byCategory) histories.set(r.precinct_code, (byCategory = new Map()));
      let h = byCategory.get(r.category);
      if (!h) byCategory.set(r.category, (h = { category: r.category, requests: new Array<number>(window.months.length).fill(0), line102: 0, answered: 0, elapsedHours: 0, units: 0 }));
      h.requests[index.get(r.month) ?? 0] += r.requests;
      h.line102 += r.line_102;
      h.answered += r.answered;
      h.elapsedHours += r.elapsed_hours;
      h.units += r.units;
    }

    // Tasks of the last 12 complete months, by territory; a wider territory's shared by population.
    const regions = [...new Set(precincts.map((p) => p.region_code))];
    const tasks = (await this.dataSource.query(
      `SELECT territory_code, count(*)::int AS n FROM ${S}.task_fact
        WHERE month BETWEEN $1 AND $2 AND split_part(territory_code, '-', 1) = ANY($3) GROUP BY territory_code`,
      [addMonths(window.to, -11), window.to, regions],
    )) as Array<{ territory_code: string; n: number }>;
    const taskShare = await this.taskShares(tasks, precincts);

    const trust = (await this.dataSource.query(`SELECT scope_code, value FROM ${S}.trust WHERE split_part(scope_code, '-', 1) = ANY($1) AND value IS NOT NULL`, [regions])) as Array<{ scope_code: string; value: number }>;
    const trustOf = new Map(trust.map((t) => [t.scope_code, t.value]));

    return precincts.map((p) => ({
      code: p.code,
      districtCode: p.district_code,
      regionCode: p.region_code,
      population: p.population,
      settlementType: p.settlement_type,
      officers: p.officers,
      officersWithSchedule: p.officers_with_schedule,
      availableHours: p.available_hours,
      categories: [...(histories.get(p.code)?.values() ?? [])].sort((a, b) => a.category.localeCompare(b.category)),
      tasksPerYear: taskShare.get(p.code) ?? 0,
      trust: trustOf.get(p.code) ?? trustOf.get(p.district_code) ?? trustOf.get(p.region_code) ?? null,
    }));
  }

  /** Tasks per precinct: its own, plus its population share of its district's and region's. */
  private async taskShares(tasks: Array<{ territory_code: string; n: number }>, precincts: PrecinctRow[]): Promise<Map<string, number>> {
    const share = new Map<string, number>();
    const wide = tasks.filter((t) => t.territory_code.split('-').length < 3);
    for (const t of tasks.filter((t) => t.territory_code.split('-').length === 3)) share.set(t.territory_code, (share.get(t.territory_code) ?? 0) + t.n);
    if (!wide.length) return share;
    // Population of each wider territory, over all its precincts (not only those in the scope).
    const totals = (await this.dataSource.query(
      `SELECT t AS territory_code, sum(population)::float8 AS population FROM ${S}.precinct, unnest($1::text[]) AS t
        WHERE starts_with(code || '-', t || '-') GROUP BY t`,
      [wide.map((t) => t.territory_code)],
    )) as Array<{ territory_code: string; population: number }>;
    const populationOf = new Map(totals.map((t) => [t.territory_code, t.population]));
    for (const t of wide) {
      const total = populationOf.get(t.territory_code) ?? 0;
      if (total <= 0) continue;
      for (const p of precincts) {
        if (p.code.startsWith(`${t.territory_code}-`)) share.set(p.code, (share.get(p.code) ?? 0) + (t.n * p.population) / total);
      }
    }
    return share;
  }
}

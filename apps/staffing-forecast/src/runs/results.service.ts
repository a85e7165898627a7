import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { forbidden, type AuthenticatedUser } from '@seriktes/auth';
import { invalidInput, notFound } from '@seriktes/runtime';
import type { DataSource } from 'typeorm';
import { mayReadPublished, mayReadRuns, NATIONAL } from '../access';
import { addMonths, monthOf } from '../inputs/months';
import type { NamedValue } from './engine';
import { namedValues, type StoredPrecinct } from './mappers';
import type { RunRow } from './run.service';

const S = 'staffing_forecast';
const TERRITORY = /^[A-Z]{3}(-[A-Z]{3}(-[0-9]{2,3})?)?$/;

export interface GapLine {
  districtCode: string;
  need: number;
  current: number;
  filled: number | null;
  authorised: number | null;
  vacancyRate: number | null;
  filledAtHorizon: number | null;
  gap: number;
  runId: string;
  published: boolean;
}

/** Reading runs: precinct pages, comparisons, the gap per district, a precinct's latest figures, the workload input. */
@Injectable()
export class ResultsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async precincts(runId: string, districtCode: string | null, first: number, after: string | null): Promise<StoredPrecinct[]> {
    return (await this.dataSource.query(
      `SELECT precinct_code, district_code, need, need_workload, need_population, need_queueing, current, allocated, explanation
         FROM ${S}.forecast_precinct
        WHERE run_id = $1 AND ($2::text IS NULL OR district_code = $2) AND ($3::text IS NULL OR precinct_code > $3)
        ORDER BY precinct_code LIMIT $4`,
      [runId, districtCode, after, first + 1],
    )) as StoredPrecinct[];
  }

  async districts(runId: string): Promise<Array<{ district_code: string; region_code: string; need: number; current: number; allocated: number; filled: number | null; authorised: number | null; filled_at_horizon: number | null; supply: Record<string, unknown> }>> {
    return this.dataSource.query(`SELECT * FROM ${S}.forecast_district WHERE run_id = $1 ORDER BY district_code`, [runId]);
  }

  /** Two runs side by side per precinct, with the inputs and parameters that differ. */
  async compare(user: AuthenticatedUser, a: string, b: string) {
    const runs = (await this.dataSource.query(`SELECT * FROM ${S}.forecast_run WHERE id = ANY($1)`, [[a, b]])) as RunRow[];
    const runA = runs.find((r) => r.id === a);
    const runB = runs.find((r) => r.id === b);
    if (!runA || !runB) throw notFound('no such forecast run');
    for (const r of [runA, runB]) if (!mayReadRuns(user, r.scope_code)) throw forbidden('a forecast run to compare is outside your territory or role');
    const rows = (await this.dataSource.query(
      `SELECT coalesce(x.precinct_code, y.precinct_code) AS precinct_code, x.need AS need_a, y.need AS need_b, x.allocated AS allocated_a, y.allocated AS allocated_b,
              x.explanation AS explanation_a, y.explanation AS explanation_b
         FROM (SELECT * FROM ${S}.forecast_precinct WHERE run_id = $1) x
         FULL JOIN (SELECT * FROM ${S}.forecast_precinct WHERE run_id = $2) y ON x.precinct_code = y.precinct_code
        ORDER BY 1`,
      [a, b],
    )) as Array<{ precinct_code: string; need_a: number | null; need_b: number | null; allocated_a: number | null; allocated_b: number | null; explanation_a: StoredPrecinct['explanation'] | null; explanation_b: StoredPrecinct['explanation'] | null }>;
    const parameterChanges = diff(namedValues({ ...runA.parameters, horizonMonths: runA.horizon_months, scenario: runA.scenario, model: runA.model }), namedValues({ ...runB.parameters, horizonMonths: runB.horizon_months, scenario: runB.scenario, model: runB.model }), 'parameter ');
    return rows.map((r) => ({
      precinctCode: r.precinct_code,
      needA: r.need_a,
      needB: r.need_b,
      needDelta: r.need_a !== null && r.need_b !== null ? Math.round((r.need_b - r.need_a) * 1000) / 1000 : null,
      allocatedA: r.allocated_a,
      allocatedB: r.allocated_b,
      differences: [
        ...parameterChanges,
        ...diff(demandValues(r.explanation_a), demandValues(r.explanation_b), ''),
      ],
    }));
  }

  /**
   * Need against filled and authorised posts per district of a scope: from the latest published run
   * covering it, or, for police planners, the latest finished one when none is published.
   */
  async gap(user: AuthenticatedUser, scopeCode: string): Promise<GapLine[]> {
    if (scopeCode !== NATIONAL && !TERRITORY.test(scopeCode)) throw invalidInput([{ field: 'scope', message: 'must be KAZ, a region, a district or a precinct code' }]);
    if (!mayReadPublished(user, scopeCode)) throw forbidden(`no staffing figures of ${scopeCode} for you`);
    const drafts = mayReadRuns(user, scopeCode);
    // Per district of the scope, the latest published run that covered it (planners: or a finished draft when none is published).
    const rows = (await this.dataSource.query(
      `SELECT DISTINCT ON (d.district_code) d.district_code, d.need, d.current, d.filled, d.authorised, d.filled_at_horizon, r.id AS run_id, r.published_at
         FROM ${S}.forecast_district d JOIN ${S}.forecast_run r ON r.id = d.run_id
        WHERE r.status = 'succeeded' AND ($2 OR r.published_at IS NOT NULL)
          AND ($1 = 'KAZ' OR starts_with(d.district_code || '-', $1 || '-') OR starts_with($1 || '-', d.district_code || '-'))
          AND r.scope_code !~ '^[A-Z]{3}-[A-Z]{3}-[0-9]+$'
        ORDER BY d.district_code, r.published_at IS NULL, coalesce(r.published_at, r.finished_at) DESC`,
      [scopeCode, drafts],
    )) as Array<{ district_code: string; need: number; current: number; filled: number | null; authorised: number | null; filled_at_horizon: number | null; run_id: string; published_at: Date | null }>;
    return rows.map((d) => ({
      districtCode: d.district_code,
      need: d.need,
      current: d.current,
      filled: d.filled,
      authorised: d.authorised,
      vacancyRate: d.authorised ? Math.round(((d.authorised - (d.filled ?? 0)) / d.authorised) * 10_000) / 10_000 : null,
      filledAtHorizon: d.filled_at_horizon,
      gap: Math.round((d.need - (d.filled_at_horizon ?? d.filled ?? d.current)) * 10) / 10,
      runId: d.run_id,
      published: d.published_at !== null,
    }));
  }

  /** The latest published figures of a precinct; null when no published run covers it. */
  async precinctStaffing(code: string) {
    const [row] = (await this.dataSource.query(
      `SELECT p.need, p.current, p.allocated, r.horizon_months, r.scenario, r.id AS run_id, r.published_at
         FROM ${S}.forecast_precinct p JOIN ${S}.forecast_run r ON r.id = p.run_id
        WHERE p.precinct_code = $1 AND r.published_at IS NOT NULL ORDER BY r.published_at DESC LIMIT 1`,
      [code],
    )) as Array<{ need: number; current: number; allocated: number; horizon_months: number; scenario: string; run_id: string; published_at: Date }>;
    return row
      ? { need: row.need, current: row.current, allocated: row.allocated, horizonMonths: row.horizon_months, scenario: row.scenario, runId: row.run_id, publishedAt: row.published_at.toISOString() }
      : null;
  }

  /** What the models read for a precinct over the last `months` months (the current one included). */
  async workloadInput(precinctCode: string, months: number, now = new Date()) {
    const to = monthOf(now);
    const from = addMonths(to, -(months - 1));
    const rows = (await this.dataSource.query(
      `SELECT to_char(month, 'YYYY-MM') AS month, category, requests, line_102, answered, elapsed_hours, units FROM ${S}.workload_month
        WHERE precinct_code = $1 AND month BETWEEN $2 AND $3 AND (requests > 0 OR answered > 0) ORDER BY month, category`,
      [precinctCode, from, to],
    )) as Array<{ month: string; category: string; requests: number; line_102: number; answered: number; elapsed_hours: number; units: number }>;
    const [precinct] = (await this.dataSource.query(`SELECT population, officers, officers_with_schedule, available_hours, district_code, region_code FROM ${S}.precinct WHERE code = $1`, [precinctCode])) as Array<{
      population: number;
      officers: number;
      officers_with_schedule: number;
      available_hours: number;
      district_code: string;
      region_code: string;
    }>;
    const [{ tasks }] = (await this.dataSource.query(`SELECT count(*)::int AS tasks FROM ${S}.task_fact WHERE territory_code = $1 AND month BETWEEN $2 AND $3`, [precinctCode, from, to])) as Array<{ tasks: number }>;
    const parts = precinctCode.split('-');
    const [trust] = (await this.dataSource.query(`SELECT value FROM ${S}.trust WHERE scope_code = ANY($1) ORDER BY length(scope_code) DESC LIMIT 1`, [[precinctCode, `${parts[0]}-${parts[1]}`, parts[0]]])) as Array<{ value: number }>;
    return {
      precinctCode,
      population: precinct?.population ?? null,
      officers: precinct?.officers ?? null,
      availableHoursPerOfficer: precinct && precinct.officers_with_schedule > 0 ? Math.round((precinct.available_hours / precinct.officers_with_schedule) * 10) / 10 : null,
      requests: rows.reduce((s, r) => s + r.requests, 0),
      tasks,
      trust: trust?.value ?? null,
      months: rows.map((r) => ({
        month: r.month,
        category: r.category,
        requests: r.requests,
        line102: r.line_102,
        answered: r.answered,
        meanElapsedHours: r.answered ? Math.round((r.elapsed_hours / r.answered) * 10) / 10 : null,
        unitsPerRequest: r.answered ? Math.round((r.units / r.answered) * 100) / 100 : null,
      })),
    };
  }
}

function demandValues(e: StoredPrecinct['explanation'] | null): NamedValue[] {
  if (!e) return [];
  return [
    ...e.demand.map((d) => ({ name: `requests a year at the horizon: ${d.category}`, value: d.atHorizon })),
    ...e.models.flatMap((m) => m.inputs.filter((i) => !i.name.startsWith('requests a year')).map((i) => ({ name: `${m.model}: ${i.name}`, value: i.value }))),
  ];
}

/** The values that differ between two lists (by name), as `name: a → b`. */
function diff(a: NamedValue[], b: NamedValue[], prefix: string): NamedValue[] {
  const before = new Map(a.map((x) => [x.name, x]));
  const after = new Map(b.map((x) => [x.name, x]));
  const out: NamedValue[] = [];
  for (const name of new Set([...before.keys(), ...after.keys()])) {
    const x = before.get(name);
    const y = after.get(name);
    if (x?.value === y?.value && x?.note === y?.note) continue;
    out.push({ name: `${prefix}${name}`, value: (y?.value ?? 0) - (x?.value ?? 0), note: `${x ? (x.note ?? x.value) : '—'} → ${y ? (y.note ?? y.value) : '—'}` });
  }
  return out;
}

import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditLog, auditActor } from '@seriktes/audit';
import type { AuthenticatedUser } from '@seriktes/auth';
import type { ServiceLine } from '@seriktes/contracts';
import { invalidInput, type FieldError } from '@seriktes/runtime';
import type { Indicator } from '../instruments/definition';
import { InstrumentService, type PublishedVersion } from '../instruments/instrument.service';
import { AGE_BANDS, SEXES, type AgeBand, type Sex } from '../instruments/types';
import { MIN_CELL_N } from '../responses/ingestion.service';
import { ALL_SEGMENTS, inspectorScope, isPeriodStart, nextPeriod, type CellScopeLevel, type PeriodKind } from './cells';
import { estimateFigure, type Figure, type StratumSums } from './estimate';
import type { PopulationMargins } from './weighting';

export interface Period {
  kind: PeriodKind;
  start: string;
  /** As given: `2026-11` or `2026-Q4`. */
  label: string;
}

export interface Scope {
  level: CellScopeLevel;
  code: string;
}

export interface IndexFigure extends Figure {
  indicator: Indicator;
  version: PublishedVersion;
  scope: Scope;
  period: Period;
  serviceLine: ServiceLine | null;
}

/** `2026-11` (a month) or `2026-Q4` (a quarter). */
export function parsePeriod(label: string, field = 'period'): Period {
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(label ?? '');
  if (month) return { kind: 'month', start: `${month[1]}-${month[2]}-01`, label };
  const quarter = /^(\d{4})-Q([1-4])$/.exec(label ?? '');
  if (quarter) return { kind: 'quarter', start: `${quarter[1]}-${String((Number(quarter[2]) - 1) * 3 + 1).padStart(2, '0')}-01`, label };
  throw invalidInput([{ field, message: 'a month YYYY-MM or a quarter YYYY-Qn' }]);
}

export function periodLabel(kind: PeriodKind, start: string): string {
  return kind === 'month' ? start.slice(0, 7) : `${start.slice(0, 4)}-Q${Math.floor((Number(start.slice(5, 7)) - 1) / 3) + 1}`;
}

/** A territory code to a scope: `KAZ`, a region, a district or a precinct. */
export function parseScope(code: string, field = 'territoryCode'): Scope {
  if (code === 'KAZ') return { level: 'national', code };
  if (/^[A-Z]{3}$/.test(code ?? '')) return { level: 'region', code };
  if (/^[A-Z]{3}-[A-Z]{3}$/.test(code ?? '')) return { level: 'district', code };
  if (/^[A-Z]{3}-[A-Z]{3}-[0-9]{2,3}$/.test(code ?? '')) return { level: 'precinct', code };
  throw invalidInput([{ field, message: 'KAZ, a region, a district or a precinct code' }]);
}

/**
 * Reads published figures from the index cells: a handful of rows per figure (one per weighting
 * stratum), whatever the number of responses behind it. Weighted figures rake the strata to the
 * population margins of the territory (or the nearest wider territory that has them).
 */
@Injectable()
export class IndexService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly instruments: InstrumentService,
    private readonly audit: AuditLog,
    @Inject(MIN_CELL_N) readonly minN: number,
  ) {}

  /** Figures of several indicators of one version for one scope, period and segment. */
  async figures(version: PublishedVersion, indicators: readonly Indicator[], scope: Scope, period: Period, options: { serviceLine?: ServiceLine | null; weighted?: boolean } = {}): Promise<IndexFigure[]> {
    if (!isPeriodStart(period.kind, period.start)) throw invalidInput([{ field: 'period', message: 'not the first day of a period' }]);
    const rows = (await this.dataSource.query(
      `SELECT indicator, stratum, n::int AS n, sum_x, sum_x2 FROM feedback_surveys.index_cell
        WHERE version_id = $1 AND indicator = ANY($2) AND scope_level = $3 AND scope_code = $4 AND period_kind = $5 AND period_start = $6 AND segment = $7`,
      [version.id, indicators.map((i) => i.code), scope.level, scope.code, period.kind, period.start, options.serviceLine ?? ALL_SEGMENTS],
    )) as Array<{ indicator: string; stratum: string; n: number; sum_x: number; sum_x2: number }>;
    const margins = options.weighted ? await this.marginsFor(scope.code) : null;
    if (options.weighted && !margins) throw invalidInput([{ field: 'weighted', message: `no population margins recorded for ${scope.code} or a territory containing it` }]);
    const byIndicator = new Map<string, StratumSums[]>();
    for (const r of rows) byIndicator.set(r.indicator, [...(byIndicator.get(r.indicator) ?? []), { stratum: r.stratum, n: r.n, sumX: r.sum_x, sumX2: r.sum_x2 }]);
    return indicators.map((indicator) => ({
      ...estimateFigure(indicator.kind, byIndicator.get(indicator.code) ?? [], this.minN, margins),
      indicator,
      version,
      scope,
      period,
      serviceLine: options.serviceLine ?? null,
    }));
  }

  /** One indicator over consecutive periods, oldest first (for trends). */
  async series(version: PublishedVersion, indicator: Indicator, scope: Scope, kind: PeriodKind, from: string, to: string): Promise<IndexFigure[]> {
    const rows = (await this.dataSource.query(
      `SELECT to_char(period_start, 'YYYY-MM-DD') AS period_start, stratum, n::int AS n, sum_x, sum_x2 FROM feedback_surveys.index_cell
        WHERE version_id = $1 AND indicator = $2 AND scope_level = $3 AND scope_code = $4 AND period_kind = $5 AND period_start BETWEEN $6 AND $7 AND segment = '*'`,
      [version.id, indicator.code, scope.level, scope.code, kind, from, to],
    )) as Array<{ period_start: string; stratum: string; n: number; sum_x: number; sum_x2: number }>;
    const out: IndexFigure[] = [];
    for (let start = from; start <= to; start = nextPeriod(kind, start)) {
      const strata = rows.filter((r) => r.period_start === start).map((r) => ({ stratum: r.stratum, n: r.n, sumX: r.sum_x, sumX2: r.sum_x2 }));
      out.push({ ...estimateFigure(indicator.kind, strata, this.minN), indicator, version, scope, period: { kind, start, label: periodLabel(kind, start) }, serviceLine: null });
    }
    return out;
  }

  /** The inspector scope of a district. */
  inspectorScope(districtCode: string, inspectorId: string): Scope {
    return { level: 'inspector', code: inspectorScope(districtCode, inspectorId) };
  }

  /**
   * Masked free-text answers of a scope and period, only where the scope has at least the minimum
   * number of responses (a comment of a tiny group could identify its author); every read audited.
   */
  async comments(user: AuthenticatedUser, version: PublishedVersion, scope: Scope, period: Period, limit: number): Promise<{ total: number; items: Array<{ question: string; text: string; masked: string[] }> }> {
    const column = scope.level === 'precinct' ? 'precinct_code' : scope.level === 'district' ? 'district_code' : scope.level === 'region' ? 'region_code' : null;
    const texts = version.definition.questions.filter((q) => q.kind === 'text').map((q) => q.code);
    const end = nextPeriod(period.kind, period.start);
    const params: unknown[] = [version.id, period.start, end];
    const where = `version_id = $1 AND month >= $2 AND month < $3${column ? ` AND ${column} = $4` : ''}`;
    if (column) params.push(scope.code);
    const [{ n }] = (await this.dataSource.query(`SELECT count(*)::int AS n FROM feedback_surveys.response WHERE ${where}`, params)) as Array<{ n: number }>;
    if (n < this.minN) {
      throw invalidInput([{ field: 'territoryCode', message: `${n} responses in ${scope.code} for ${period.label}: comments are shown from ${this.minN} responses up` }]);
    }
    const rows = (await this.dataSource.query(
      `SELECT answers, masked FROM feedback_surveys.response WHERE ${where} AND answers ?| $${params.length + 1}::text[] ORDER BY random() LIMIT $${params.length + 2}`,
      [...params, texts, limit],
    )) as Array<{ answers: Record<string, unknown>; masked: string[] }>;
    const items = rows.flatMap((r) => texts.filter((q) => typeof r.answers[q] === 'string').map((q) => ({ question: q, text: String(r.answers[q]), masked: r.masked })));
    await this.audit.record({ actor: auditActor(user), action: 'read', entity: 'survey_comment', entityIds: [], purpose: 'graphql:surveyComments', details: { instrument: version.code, version: version.version, scope: scope.code, period: period.label, shown: items.length } });
    return { total: n, items };
  }

  /** Records the population shares of a territory, used to weight its figures and those inside it. */
  async setMargins(user: AuthenticatedUser, territoryCode: string, margins: PopulationMargins, source: string): Promise<void> {
    const problems: FieldError[] = [];
    parseScope(territoryCode);
    const check = (values: Record<string, number> | undefined, keys: readonly string[], field: string) => {
      if (!values || Object.keys(values).some((k) => !keys.includes(k)) || keys.some((k) => typeof values[k] !== 'number' || !(values[k] >= 0))) {
        problems.push({ field, message: `a non-negative number for each of ${keys.join(', ')}` });
      } else if (keys.reduce((s, k) => s + values[k], 0) <= 0) problems.push({ field, message: 'not all zero' });
    };
    check(margins.sex as Record<Sex, number>, SEXES, 'sex');
    check(margins.ageBand as Record<AgeBand, number>, AGE_BANDS, 'ageBand');
    if (typeof source !== 'string' || source.trim().length === 0 || source.length > 300) problems.push({ field: 'source', message: 'where the figures come from, 1..300 characters' });
    if (problems.length > 0) throw invalidInput(problems);
    await this.dataSource.transaction(async (em) => {
      await em.query(
        `INSERT INTO feedback_surveys.population_margin (territory_code, sex, age_band, source, recorded_by) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (territory_code) DO UPDATE SET sex = EXCLUDED.sex, age_band = EXCLUDED.age_band, source = EXCLUDED.source, recorded_by = EXCLUDED.recorded_by, recorded_at = now()`,
        [territoryCode, JSON.stringify(margins.sex), JSON.stringify(margins.ageBand), source.trim(), user.username],
      );
      await this.audit.record({ actor: auditActor(user), action: 'update', entity: 'population_margin', entityId: territoryCode, purpose: 'set-population-margins' }, em);
    });
  }

  /** Margins of the territory, else of the nearest territory containing it. */
  async marginsFor(code: string): Promise<PopulationMargins | null> {
    const candidates = code === 'KAZ' ? ['KAZ'] : [code, code.split('-').slice(0, 2).join('-'), code.slice(0, 3), 'KAZ'];
    const rows = (await this.dataSource.query(`SELECT territory_code, sex, age_band FROM feedback_surveys.population_margin WHERE territory_code = ANY($1)`, [candidates])) as Array<{
      territory_code: string;
      sex: Record<Sex, number>;
      age_band: Record<AgeBand, number>;
    }>;
    for (const c of candidates) {
      const row = rows.find((r) => r.territory_code === c);
      if (row) return { sex: row.sex, ageBand: row.age_band };
    }
    return null;
  }

  instrument(code: string, version?: number | null): Promise<PublishedVersion> {
    return this.instruments.resolve(code, version);
  }
}

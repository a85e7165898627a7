/**
 * Index cells: the sufficient statistics (n, Σx, Σx²) of one indicator for one version, scope,
 * period, segment and weighting stratum. A response adds one observation to every cell it belongs
 * to, so indices are kept up to date incrementally: a batch of responses is summed in memory and
 * added to the stored cells in one statement, never rescanning the responses. Plain TypeScript.
 */
import type { ScopeLevel, ServiceLine } from '@seriktes/contracts';

export type CellScopeLevel = ScopeLevel | 'inspector';
export type PeriodKind = 'month' | 'quarter';
/** `*`: every service line together. */
export const ALL_SEGMENTS = '*';
/** The national scope's code. */
export const NATIONAL = 'KAZ';

export interface CellKey {
  versionId: string;
  indicator: string;
  scopeLevel: CellScopeLevel;
  scopeCode: string;
  periodKind: PeriodKind;
  periodStart: string;
  segment: string;
  stratum: string;
}

export interface CellSums {
  n: number;
  sumX: number;
  sumX2: number;
}

/** Where one response counts. */
export interface ResponseScope {
  versionId: string;
  precinctCode: string | null;
  districtCode: string;
  regionCode: string;
  serviceLine: ServiceLine | null;
  inspectorId: string | null;
  /** First day of the month, YYYY-MM-01. */
  month: string;
  stratum: string;
}

/** First day of the quarter of a month (YYYY-MM-01). */
export function quarterOf(month: string): string {
  const m = Number(month.slice(5, 7));
  const first = Math.floor((m - 1) / 3) * 3 + 1;
  return `${month.slice(0, 4)}-${String(first).padStart(2, '0')}-01`;
}

/** First day of the month of a local date (YYYY-MM-DD). */
export function monthOf(localDate: string): string {
  return `${localDate.slice(0, 7)}-01`;
}

/** The period that starts on `start` and the one after (for range queries). */
export function nextPeriod(kind: PeriodKind, start: string): string {
  const year = Number(start.slice(0, 4));
  const month = Number(start.slice(5, 7)) + (kind === 'month' ? 1 : 3);
  const y = year + Math.floor((month - 1) / 12);
  const m = ((month - 1) % 12) + 1;
  return `${y}-${String(m).padStart(2, '0')}-01`;
}

/** Whether `start` is the first day of a period of that kind. */
export function isPeriodStart(kind: PeriodKind, start: string): boolean {
  if (!/^\d{4}-\d{2}-01$/.test(start)) return false;
  const m = Number(start.slice(5, 7));
  return m >= 1 && m <= 12 && (kind === 'month' || (m - 1) % 3 === 0);
}

/** The scopes a response counts in: its precinct, district, region, the nation, and its inspector (post-contact only). */
export function scopesOf(scope: ResponseScope): Array<[CellScopeLevel, string]> {
  const out: Array<[CellScopeLevel, string]> = [];
  if (scope.precinctCode) out.push(['precinct', scope.precinctCode]);
  out.push(['district', scope.districtCode], ['region', scope.regionCode], ['national', NATIONAL]);
  // An inspector's figures are kept per district (`AST-ESL:<id>`), so access follows the territory.
  if (scope.inspectorId) out.push(['inspector', inspectorScope(scope.districtCode, scope.inspectorId)]);
  return out;
}

/** The scope code of an inspector's figures in a district. */
export function inspectorScope(districtCode: string, inspectorId: string): string {
  return `${districtCode}:${inspectorId}`;
}

const SEP = '\u0001';

export function cellKeyString(k: CellKey): string {
  return [k.versionId, k.indicator, k.scopeLevel, k.scopeCode, k.periodKind, k.periodStart, k.segment, k.stratum].join(SEP);
}

export function parseCellKey(s: string): CellKey {
  const [versionId, indicator, scopeLevel, scopeCode, periodKind, periodStart, segment, stratum] = s.split(SEP);
  return { versionId, indicator, scopeLevel: scopeLevel as CellScopeLevel, scopeCode, periodKind: periodKind as PeriodKind, periodStart, segment, stratum };
}

/** Sums of a batch of responses, per cell. */
export class CellAccumulator {
  readonly cells = new Map<string, CellSums>();

  /** Adds one response's observations (null observations count nowhere). */
  add(scope: ResponseScope, observations: ReadonlyMap<string, number | null>): void {
    const periods: Array<[PeriodKind, string]> = [
      ['month', scope.month],
      ['quarter', quarterOf(scope.month)],
    ];
    const scopes = scopesOf(scope);
    for (const [indicator, x] of observations) {
      if (x === null || !Number.isFinite(x)) continue;
      for (const [scopeLevel, scopeCode] of scopes) {
        // Inspectors are compared over all their contacts; service lines split the territories.
        const segments = scopeLevel === 'inspector' || !scope.serviceLine ? [ALL_SEGMENTS] : [ALL_SEGMENTS, scope.serviceLine];
        for (const [periodKind, periodStart] of periods) {
          for (const segment of segments) {
            const key = cellKeyString({ versionId: scope.versionId, indicator, scopeLevel, scopeCode, periodKind, periodStart, segment, stratum: scope.stratum });
            const sums = this.cells.get(key);
            if (sums) {
              sums.n += 1;
              sums.sumX += x;
              sums.sumX2 += x * x;
            } else {
              this.cells.set(key, { n: 1, sumX: x, sumX2: x * x });
            }
          }
        }
      }
    }
  }

  /** The cells in key order (so concurrent batches lock stored rows in the same order). */
  sorted(): Array<[CellKey, CellSums]> {
    return [...this.cells.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => [parseCellKey(k), v]);
  }
}

/**
 * Workforce facts: one line per territory (a district police body, a precinct or a region) and
 * month, as HR planners keep them (seed-004 §2.3, §2.11): authorised posts (штат), filled posts,
 * hires, departures by reason, expected retirements and the training lead time of a recruit.
 * Plain validation, no framework: a rejected line names its field and why.
 */
import { parseCsv } from '@seriktes/runtime/csv';
import type { FieldError } from '@seriktes/runtime';
import { TERRITORY_CODE_PATTERN } from '@seriktes/contracts';

export interface WorkforceFact {
  territoryCode: string;
  /** First day of the month, e.g. 2026-10-01. */
  period: string;
  authorised: number;
  filled: number;
  hires: number;
  departuresRetirement: number;
  departuresOwnRequest: number;
  departuresNegative: number;
  departuresTransfer: number;
  departuresOther: number;
  expectedRetirements: number;
  trainingLeadMonths: number | null;
}

/** CSV columns, in the order of the template, and the fact field each fills. */
export const FACT_COLUMNS = [
  ['territory_code', 'territoryCode'],
  ['period', 'period'],
  ['authorised', 'authorised'],
  ['filled', 'filled'],
  ['hires', 'hires'],
  ['departures_retirement', 'departuresRetirement'],
  ['departures_own_request', 'departuresOwnRequest'],
  ['departures_negative', 'departuresNegative'],
  ['departures_transfer', 'departuresTransfer'],
  ['departures_other', 'departuresOther'],
  ['expected_retirements', 'expectedRetirements'],
  ['training_lead_months', 'trainingLeadMonths'],
] as const;
const REQUIRED_COLUMNS = ['territory_code', 'period', 'authorised', 'filled'];
const COUNT_FIELDS = ['authorised', 'filled', 'hires', 'departuresRetirement', 'departuresOwnRequest', 'departuresNegative', 'departuresTransfer', 'departuresOther', 'expectedRetirements'] as const;
const TERRITORY = new RegExp(TERRITORY_CODE_PATTERN);
const MAX_COUNT = 200_000;

export interface RawFact {
  territoryCode?: unknown;
  period?: unknown;
  authorised?: unknown;
  filled?: unknown;
  hires?: unknown;
  departuresRetirement?: unknown;
  departuresOwnRequest?: unknown;
  departuresNegative?: unknown;
  departuresTransfer?: unknown;
  departuresOther?: unknown;
  expectedRetirements?: unknown;
  trainingLeadMonths?: unknown;
}

function count(value: unknown): number | 'invalid' | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(n) && n >= 0 && n <= MAX_COUNT ? n : 'invalid';
}

/** The month `YYYY-MM` (or `YYYY-MM-01`) as its first day; null when it is not a month. */
export function periodOf(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = /^(\d{4})-(0[1-9]|1[0-2])(-01)?$/.exec(value.trim());
  return m ? `${m[1]}-${m[2]}-01` : null;
}

/** Checks one fact; `currentMonth` (YYYY-MM-01) bounds the period (facts are of the past). */
export function validateFact(raw: RawFact, currentMonth: string): { fact?: WorkforceFact; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const territoryCode = typeof raw.territoryCode === 'string' ? raw.territoryCode.trim() : '';
  if (!TERRITORY.test(territoryCode)) errors.push({ field: 'territoryCode', message: 'must be a region, district or precinct code like AST, AST-ESL or AST-ESL-01' });
  const period = periodOf(raw.period);
  if (!period) errors.push({ field: 'period', message: 'must be a month like 2026-10' });
  else if (period > currentMonth) errors.push({ field: 'period', message: 'must not be a future month: facts are what happened' });
  else if (period < '2000-01-01') errors.push({ field: 'period', message: 'must be 2000 or later' });
  const counts: Record<string, number> = {};
  for (const field of COUNT_FIELDS) {
    const value = count(raw[field]);
    if (value === 'invalid') errors.push({ field, message: `must be a whole number from 0 to ${MAX_COUNT}` });
    else if (value === undefined && (field === 'authorised' || field === 'filled')) errors.push({ field, message: 'is required' });
    else counts[field] = value ?? 0;
  }
  const lead = count(raw.trainingLeadMonths);
  if (lead === 'invalid' || (typeof lead === 'number' && lead > 72)) errors.push({ field: 'trainingLeadMonths', message: 'must be a whole number of months from 0 to 72' });
  if (errors.length === 0) {
    if (counts.filled > counts.authorised) errors.push({ field: 'filled', message: `cannot exceed the authorised posts (${counts.authorised})` });
    if (counts.expectedRetirements > counts.filled) errors.push({ field: 'expectedRetirements', message: `cannot exceed the filled posts (${counts.filled})` });
  }
  if (errors.length) return { errors };
  return {
    errors,
    fact: {
      territoryCode,
      period: period as string,
      authorised: counts.authorised,
      filled: counts.filled,
      hires: counts.hires,
      departuresRetirement: counts.departuresRetirement,
      departuresOwnRequest: counts.departuresOwnRequest,
      departuresNegative: counts.departuresNegative,
      departuresTransfer: counts.departuresTransfer,
      departuresOther: counts.departuresOther,
      expectedRetirements: counts.expectedRetirements,
      trainingLeadMonths: typeof lead === 'number' ? lead : null,
    },
  };
}

export interface RowError {
  /** Line of the file (1-based; the header is line 1). */
  line: number;
  field: string;
  message: string;
}

/**
 * Reads a CSV of facts (the template's columns, `,` or `;`), checking every row; the file is taken
 * whole or not at all, so `errors` non-empty means nothing is to be written.
 */
export function parseFactsCsv(text: string, currentMonth: string): { facts: WorkforceFact[]; errors: RowError[] } {
  const csv = parseCsv(text);
  const errors: RowError[] = csv.errors.map((e) => ({ line: e.line, field: 'row', message: e.reason }));
  const known = new Set<string>(FACT_COLUMNS.map(([column]) => column));
  for (const column of csv.header) if (!known.has(column)) errors.push({ line: 1, field: column, message: `unknown column; expected ${FACT_COLUMNS.map(([c]) => c).join(', ')}` });
  for (const column of REQUIRED_COLUMNS) if (!csv.header.includes(column)) errors.push({ line: 1, field: column, message: 'required column is missing' });
  if (errors.some((e) => e.line === 1)) return { facts: [], errors };
  if (csv.rows.length === 0) return { facts: [], errors: [...errors, { line: 1, field: 'row', message: 'the file has no data rows' }] };
  const facts: WorkforceFact[] = [];
  const seen = new Map<string, number>();
  for (const row of csv.rows) {
    const raw: Record<string, unknown> = {};
    for (const [column, field] of FACT_COLUMNS) if (column in row.values) raw[field] = row.values[column].trim();
    const { fact, errors: rowErrors } = validateFact(raw, currentMonth);
    errors.push(...rowErrors.map((e) => ({ line: row.line, field: e.field, message: e.message })));
    if (!fact) continue;
    const key = `${fact.territoryCode}|${fact.period}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) errors.push({ line: row.line, field: 'period', message: `${fact.territoryCode} ${fact.period.slice(0, 7)} is already on line ${earlier}` });
    else seen.set(key, row.line);
    facts.push(fact);
  }
  return { facts: errors.length ? [] : facts, errors };
}

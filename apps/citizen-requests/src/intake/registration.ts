import { parsePrecinctCode } from '@seriktes/contracts';

/**
 * Rules of the registration coupon (талон): every valid request is registered, and its number is
 * unique per region and year, e.g. `AST-2026-000123`. Dates of the legal clock are taken in the
 * Asia/Almaty zone (UTC+5 since 1 March 2024).
 */
export const ALMATY_UTC_OFFSET_HOURS = 5;

export function regionOfPrecinct(precinctCode: string): string {
  const precinct = parsePrecinctCode(precinctCode);
  if (!precinct) throw new Error(`precinct code "${precinctCode}" has no region prefix`);
  return precinct.regionCode;
}

/** The calendar year of an instant in Kazakhstan time. */
export function yearInKazakhstan(instant: Date): number {
  return new Date(instant.getTime() + ALMATY_UTC_OFFSET_HOURS * 3600_000).getUTCFullYear();
}

export function registrationNumber(regionCode: string, year: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new Error(`invalid sequence ${sequence}`);
  return `${regionCode}-${year}-${String(sequence).padStart(6, '0')}`;
}

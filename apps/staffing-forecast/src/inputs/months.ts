import { localDateOf } from '@seriktes/calendar';

/** The first day (local date, Kazakhstan time) of the month an instant falls in, e.g. 2026-11-01. */
export function monthOf(instant: Date): string {
  return `${localDateOf(instant).slice(0, 7)}-01`;
}

/** `YYYY-MM-01` shifted by `months` (negative: back). */
export function addMonths(month: string, months: number): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7)) - 1 + months;
  const year = y + Math.floor(m / 12);
  const mm = ((m % 12) + 12) % 12;
  return `${String(year).padStart(4, '0')}-${String(mm + 1).padStart(2, '0')}-01`;
}

/** Months from `from` to `to` inclusive (both `YYYY-MM-01`), oldest first. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m);
  return out;
}

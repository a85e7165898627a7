/**
 * Leave (отпуск / демалыс) rules. Source: seed-000 §3.13 (L2225–2397) and domain.md §4.
 * Leave periods are inclusive local dates; a leave day is judged by the local (UTC+05:00) date.
 */
import type { LocalizedName } from './patterns';
import { dayNumber, isLocalDate, localDateOf } from './time';

export type LeaveKind =
  | 'annual'
  | 'seniority_extra'
  | 'short'
  | 'study'
  | 'sick'
  | 'maternity'
  | 'unpaid'
  | 'compensatory'
  | 'other';

export interface LeaveKindInfo {
  kind: LeaveKind;
  name: LocalizedName;
  /** Longest single leave of this kind, in calendar days; absent = no fixed cap. */
  maxDays?: number;
}

/**
 * Caps (calendar days, one leave record):
 * - annual 45: 30 days is the norm, but high-mountain / harsh-climate posts get 45 (seed-000 §3.13);
 *   the yearly budget is checked elsewhere, see `annualLeaveEntitlement`.
 * - seniority_extra 15: +5/10/15 days at 10/15/20 years of service.
 * - short 10 (travel excluded; several per year allowed).
 * - study 45: exam sessions up to 45 days a year (cadets 14/30, entrance exams 15/30).
 * - maternity 126 = 70 + 56 days.
 * - unpaid 5 (marriage, birth, death).
 * - sick, compensatory, other: no fixed cap (sick leave can run for months; compensatory depends
 *   on the overtime accrued).
 */
export const LEAVE_KINDS: readonly LeaveKindInfo[] = Object.freeze([
  { kind: 'annual', name: { kk: 'Жыл сайынғы ақылы демалыс', ru: 'Ежегодный оплачиваемый отпуск', en: 'Annual paid leave' }, maxDays: 45 },
  {
    kind: 'seniority_extra',
    name: { kk: 'Еңбек сіңірген жылдары үшін қосымша демалыс', ru: 'Дополнительный отпуск за выслугу лет', en: 'Extra leave for length of service' },
    maxDays: 15,
  },
  { kind: 'short', name: { kk: 'Қысқа мерзімді демалыс', ru: 'Краткосрочный отпуск', en: 'Short leave' }, maxDays: 10 },
  { kind: 'study', name: { kk: 'Оқу демалысы', ru: 'Учебный отпуск', en: 'Study leave' }, maxDays: 45 },
  { kind: 'sick', name: { kk: 'Науқастану бойынша демалыс', ru: 'Отпуск по болезни', en: 'Sick leave' } },
  {
    kind: 'maternity',
    name: { kk: 'Жүктілікке және босануға байланысты демалыс', ru: 'Отпуск по беременности и родам', en: 'Maternity leave' },
    maxDays: 126,
  },
  {
    kind: 'unpaid',
    name: { kk: 'Жалақы сақталмайтын демалыс', ru: 'Отпуск без сохранения заработной платы', en: 'Unpaid leave' },
    maxDays: 5,
  },
  { kind: 'compensatory', name: { kk: 'Өтемдік демалыс', ru: 'Компенсационный отпуск', en: 'Compensatory leave' } },
  { kind: 'other', name: { kk: 'Басқа демалыс', ru: 'Иной отпуск', en: 'Other leave' } },
] satisfies LeaveKindInfo[]);

export interface Leave {
  kind: LeaveKind;
  /** Inclusive local dates. */
  startDate: string;
  endDate: string;
}

export type LeaveError = { field: string; message: string };

export function isLeaveKind(value: unknown): value is LeaveKind {
  return LEAVE_KINDS.some((k) => k.kind === value);
}

/** Calendar days of an inclusive local-date period. */
export function leaveDays(leave: Pick<Leave, 'startDate' | 'endDate'>): number {
  return dayNumber(leave.endDate) - dayNumber(leave.startDate) + 1;
}

/**
 * Validates a new leave of one inspector: known kind, real dates, end >= start, within the kind's
 * maxDays, and no overlap with any of the inspector's existing leaves (of any kind).
 */
export function validateLeave(
  input: { kind: string; startDate: string; endDate: string },
  existing: readonly Leave[],
): { ok: true; leave: Leave } | { ok: false; errors: LeaveError[] } {
  const errors: LeaveError[] = [];
  const info = LEAVE_KINDS.find((k) => k.kind === input.kind);
  if (!info) errors.push({ field: 'kind', message: `unknown leave kind '${String(input.kind)}'` });
  const startOk = isLocalDate(input.startDate);
  const endOk = isLocalDate(input.endDate);
  if (!startOk) errors.push({ field: 'startDate', message: 'must be a date YYYY-MM-DD' });
  if (!endOk) errors.push({ field: 'endDate', message: 'must be a date YYYY-MM-DD' });
  if (startOk && endOk) {
    if (input.endDate < input.startDate) {
      errors.push({ field: 'endDate', message: 'must not be before startDate' });
    } else {
      const days = leaveDays(input);
      if (info?.maxDays !== undefined && days > info.maxDays) {
        errors.push({ field: 'endDate', message: `${info.kind} leave is at most ${info.maxDays} days (got ${days})` });
      }
      for (const other of existing) {
        if (other.startDate <= input.endDate && input.startDate <= other.endDate) {
          errors.push({
            field: 'startDate',
            message: `overlaps existing ${other.kind} leave ${other.startDate}..${other.endDate}`,
          });
        }
      }
    }
  }
  if (errors.length > 0 || !info) return { ok: false, errors };
  return { ok: true, leave: { kind: info.kind, startDate: input.startDate, endDate: input.endDate } };
}

/** The leave covering a local date, if any. */
export function leaveOn(leaves: readonly Leave[], date: string): Leave | undefined {
  return leaves.find((l) => l.startDate <= date && date <= l.endDate);
}

/** The leave covering the local (UTC+05:00) date of `at`, if any. */
export function isOnLeave(leaves: readonly Leave[], at: Date): Leave | undefined {
  return leaveOn(leaves, localDateOf(at));
}

/** Completed whole years between a local date and another (0 if `to` is earlier). */
export function completedYears(from: string, to: string): number {
  dayNumber(from); // validates
  dayNumber(to);
  let years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  if (to.slice(5) < from.slice(5)) years -= 1;
  return Math.max(0, years);
}

/**
 * Annual leave entitlement for `year`: 30 days plus the seniority extra of +5/10/15 days at
 * 10/15/20 years of service. Rule chosen: service is counted in completed years on 1 January of
 * `year` (someone reaching 10 years on 2 January gets the extra from the following year).
 * `serviceStart` null (unknown) counts as no seniority.
 */
export function annualLeaveEntitlement(
  serviceStart: string | null,
  year: number,
): { annual: 30; seniorityExtra: 0 | 5 | 10 | 15; total: number } {
  if (!Number.isInteger(year) || year < 1 || year > 9999) throw new RangeError(`invalid year ${year}`);
  const years = serviceStart === null ? 0 : completedYears(serviceStart, `${String(year).padStart(4, '0')}-01-01`);
  const seniorityExtra = years >= 20 ? 15 : years >= 15 ? 10 : years >= 10 ? 5 : 0;
  return { annual: 30, seniorityExtra, total: 30 + seniorityExtra };
}

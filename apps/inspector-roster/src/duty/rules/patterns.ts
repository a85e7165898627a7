/**
 * Shift patterns (rotas). A pattern is a cycle of days; each day is either a shift slot (local start
 * time and length) or a day off. Sources: domain.md §4 and seed-000 §3.2 (duty change at 08:00,
 * breaks of 6 h on three-shift and 4 h on four-shift duty, rest after duty 48/72 h).
 */
import { isLocalTime, minutesOfDay } from './time';

export interface ShiftSlot {
  /** Local start time 'HH:MM' (UTC+05:00). */
  start: string;
  /** Length of the shift in hours, 1..24 (breaks included). */
  hours: number;
}

export interface LocalizedName {
  kk: string;
  ru: string;
  en: string;
}

export interface ShiftPattern {
  code: string;
  name: LocalizedName;
  /** One entry per day of the cycle; null = day off. */
  cycle: ReadonlyArray<ShiftSlot | null>;
  /** If true the cycle has 7 entries indexed Monday = 0 and follows the ISO week, not an anchor date. */
  weekly?: boolean;
  /** Unpaid break inside each shift, in hours (paid hours = hours - breakHours). */
  breakHours?: number;
}

/** A pattern source accepted by the schedule functions: a map by code or a plain list. */
export type PatternSource = ReadonlyMap<string, ShiftPattern> | readonly ShiftPattern[];

export const MAX_CYCLE_DAYS = 56;
const CODE_RE = /^[a-z0-9-]{2,40}$/;

const slot = (start: string, hours: number): ShiftSlot => Object.freeze({ start, hours });
const office = slot('09:00', 9);
const duty24 = slot('08:00', 24);

function freezePattern(p: ShiftPattern): ShiftPattern {
  return Object.freeze({ ...p, name: Object.freeze({ ...p.name }), cycle: Object.freeze([...p.cycle]) });
}

/**
 * Built-in patterns.
 * - `five-day`: district inspectors' standard office week, Mon–Fri 09:00–18:00 with a 1 h unpaid
 *   lunch break (8 paid hours), Saturday and Sunday off. Weekly: public holidays remove shifts.
 *   (A Saturday half-day was considered and rejected: the 40-hour week is the norm.)
 * - `three-shift`: 24 h duty from 08:00, then 48 h rest; 6 h of breaks per duty (18 paid hours).
 * - `four-shift`: 24 h duty from 08:00, then 72 h rest; 4 h of breaks per duty (20 paid hours).
 * - `day-night`: 12 h day 08:00–20:00, 12 h night 20:00–08:00, then two days off (cycle of 4).
 */
export const SHIFT_PATTERNS: readonly ShiftPattern[] = Object.freeze([
  freezePattern({
    code: 'five-day',
    name: {
      kk: 'Бес күндік жұмыс аптасы (09:00–18:00)',
      ru: 'Пятидневная рабочая неделя (09:00–18:00)',
      en: 'Five-day week (09:00–18:00)',
    },
    cycle: [office, office, office, office, office, null, null],
    weekly: true,
    breakHours: 1,
  }),
  freezePattern({
    code: 'three-shift',
    name: {
      kk: 'Үш ауысымды тәуліктік кезекшілік (тәулік жұмыс, екі тәулік демалыс)',
      ru: 'Трёхсменное суточное дежурство (сутки через двое)',
      en: 'Three-shift 24-hour duty (24 h on, 48 h off)',
    },
    cycle: [duty24, null, null],
    breakHours: 6,
  }),
  freezePattern({
    code: 'four-shift',
    name: {
      kk: 'Төрт ауысымды тәуліктік кезекшілік (тәулік жұмыс, үш тәулік демалыс)',
      ru: 'Четырёхсменное суточное дежурство (сутки через трое)',
      en: 'Four-shift 24-hour duty (24 h on, 72 h off)',
    },
    cycle: [duty24, null, null, null],
    breakHours: 4,
  }),
  freezePattern({
    code: 'day-night',
    name: {
      kk: 'Күндізгі және түнгі ауысым, екі демалыс күні',
      ru: 'День – ночь – два выходных',
      en: 'Day, night, two days off',
    },
    cycle: [slot('08:00', 12), slot('20:00', 12), null, null],
  }),
]);

/** Looks a pattern up by code in a map or a list. */
export function findPattern(patterns: PatternSource, code: string): ShiftPattern | undefined {
  if (patterns instanceof Map) return patterns.get(code);
  return (patterns as readonly ShiftPattern[]).find((p) => p.code === code);
}

/** Paid hours of one slot of a pattern. */
export function paidHours(pattern: ShiftPattern, s: ShiftSlot): number {
  return s.hours - (pattern.breakHours ?? 0);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isNonEmptyString = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;

/**
 * Validates an untrusted pattern (e.g. from an API body). Errors are field-level strings such as
 * "cycle[2].start must be HH:MM". On success returns a normalised copy holding only known fields.
 */
export function validatePattern(input: unknown): { ok: true; pattern: ShiftPattern } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  if (!isRecord(input)) return { ok: false, errors: ['pattern must be an object'] };

  const { code, name, cycle, weekly, breakHours } = input;
  if (typeof code !== 'string' || !CODE_RE.test(code)) {
    errors.push('code must match ^[a-z0-9-]{2,40}$');
  }

  if (!isRecord(name)) {
    errors.push('name must be an object with kk, ru and en');
  } else {
    for (const lang of ['kk', 'ru', 'en'] as const) {
      if (!isNonEmptyString(name[lang])) errors.push(`name.${lang} is required`);
    }
  }

  if (weekly !== undefined && typeof weekly !== 'boolean') errors.push('weekly must be a boolean');

  if (breakHours !== undefined && (typeof breakHours !== 'number' || !Number.isFinite(breakHours) || breakHours < 0)) {
    errors.push('breakHours must be a number >= 0');
  }

  const slots: Array<ShiftSlot | null> = [];
  let cycleOk = false;
  if (!Array.isArray(cycle)) {
    errors.push('cycle must be an array');
  } else if (cycle.length < 1 || cycle.length > MAX_CYCLE_DAYS) {
    errors.push(`cycle must have 1..${MAX_CYCLE_DAYS} entries`);
  } else {
    cycleOk = true;
    if (weekly === true && cycle.length !== 7) {
      errors.push('cycle must have 7 entries (Monday first) when weekly is true');
    }
    cycle.forEach((entry: unknown, i) => {
      if (entry === null) {
        slots.push(null);
        return;
      }
      if (!isRecord(entry)) {
        errors.push(`cycle[${i}] must be null (day off) or { start, hours }`);
        cycleOk = false;
        return;
      }
      let entryOk = true;
      if (!isLocalTime(entry['start'])) {
        errors.push(`cycle[${i}].start must be HH:MM`);
        entryOk = false;
      }
      const hours = entry['hours'];
      if (typeof hours !== 'number' || !Number.isFinite(hours) || hours < 1 || hours > 24) {
        errors.push(`cycle[${i}].hours must be a number between 1 and 24`);
        entryOk = false;
      }
      if (entryOk) slots.push({ start: entry['start'] as string, hours: hours as number });
      else cycleOk = false;
    });
  }

  if (cycleOk) {
    const working = slots.map((s, i) => ({ s, i })).filter((x): x is { s: ShiftSlot; i: number } => x.s !== null);
    if (working.length === 0) errors.push('cycle must contain at least one shift');
    if (typeof breakHours === 'number' && breakHours > 0) {
      for (const { s, i } of working) {
        if (breakHours >= s.hours) errors.push(`breakHours must be less than cycle[${i}].hours`);
      }
    }
    // A shift must end before the next shift of the (repeating) cycle starts.
    const len = slots.length;
    working.forEach(({ s, i }, k) => {
      const next = working[(k + 1) % working.length];
      const distance = next.i > i ? next.i - i : next.i - i + len;
      const end = minutesOfDay(s.start) + s.hours * 60;
      const nextStart = distance * 1440 + minutesOfDay(next.s.start);
      if (end > nextStart) errors.push(`cycle[${next.i}] starts before cycle[${i}] ends`);
    });
  }

  if (errors.length > 0) return { ok: false, errors };
  const n = name as Record<'kk' | 'ru' | 'en', string>;
  const pattern: ShiftPattern = { code: code as string, name: { kk: n.kk.trim(), ru: n.ru.trim(), en: n.en.trim() }, cycle: slots };
  if (weekly !== undefined) pattern.weekly = weekly as boolean;
  if (breakHours !== undefined) pattern.breakHours = breakHours as number;
  return { ok: true, pattern };
}

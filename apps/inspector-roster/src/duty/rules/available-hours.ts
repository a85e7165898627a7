/**
 * Yearly available hours of one inspector: the denominator of the staffing forecast's shift relief
 * factor (domain.md §6). Pure arithmetic over schedules, leave and public holidays.
 */
import { LEAVE_KINDS, leaveOn, type Leave, type LeaveKind } from './leave';
import type { PatternSource } from './patterns';
import { expandSchedules, type Schedule } from './schedule';
import { addDays, isoWeekday } from './time';

export interface AvailableHours {
  year: number;
  /** Paid hours of all shifts the schedules give that start in the year. */
  scheduledHours: number;
  /** Paid hours of shifts starting on a leave day, by leave kind. */
  leaveHours: Record<LeaveKind, number>;
  /** Paid hours of weekly-pattern (office) shifts falling on public holidays. */
  holidayHours: number;
  /** scheduledHours - Σ leaveHours - holidayHours. */
  availableHours: number;
  /** Number of shifts that start in the year (matches scheduledHours). */
  shifts: number;
  /** Number of those shifts not lost to leave or holidays. */
  availableShifts: number;
}

/**
 * Kazakhstan's public holidays of 2026 (the holiday dates themselves; weekend transfers are not
 * included, see `withWeekendTransfers`). Kurban ait (Eid al-Adha) follows the lunar calendar and
 * moves every year: 27 May in 2026 (set officially by the government each year).
 */
export const KZ_PUBLIC_HOLIDAYS_2026: readonly string[] = Object.freeze([
  '2026-01-01', // New Year
  '2026-01-02', // New Year
  '2026-01-07', // Orthodox Christmas
  '2026-03-08', // International Women's Day
  '2026-03-21', // Nauryz
  '2026-03-22', // Nauryz
  '2026-03-23', // Nauryz
  '2026-05-01', // Unity Day of the People of Kazakhstan
  '2026-05-07', // Defender of the Fatherland Day
  '2026-05-09', // Victory Day
  '2026-05-27', // Kurban ait (moves every year)
  '2026-07-06', // Capital Day
  '2026-08-30', // Constitution Day
  '2026-10-25', // Republic Day
  '2026-12-16', // Independence Day
]);

const FIXED_HOLIDAYS: readonly string[] = [
  '01-01', '01-02', '01-07', '03-08', '03-21', '03-22', '03-23',
  '05-01', '05-07', '05-09', '07-06', '08-30', '10-25', '12-16',
];

/**
 * The fixed-date public holidays of Kazakhstan for any year (as local dates). NOT included:
 * Kurban ait, which follows the lunar calendar and moves every year (pass it yourself, e.g. from
 * the government's annual decree), and weekend transfers / decree day swaps.
 */
export function holidaysOf(year: number): string[] {
  if (!Number.isInteger(year) || year < 1 || year > 9999) throw new RangeError(`invalid year ${year}`);
  const y = String(year).padStart(4, '0');
  return FIXED_HOLIDAYS.map((md) => `${y}-${md}`);
}

/**
 * Adds the days off that follow holidays falling on a Saturday or Sunday: each such holiday moves
 * to the next working day (Mon–Fri, not itself a holiday or an earlier transfer). Religious
 * holidays (7 January, Kurban ait — pass its date in `notTransferred`) are not moved. Government
 * decrees swapping working days are not modelled. Returns the sorted union.
 */
export function withWeekendTransfers(holidays: readonly string[], notTransferred: readonly string[] = []): string[] {
  const off = new Set(holidays);
  for (const h of [...holidays].sort()) {
    if (isoWeekday(h) < 5 || h.slice(5) === '01-07' || notTransferred.includes(h)) continue;
    let d = addDays(h, 1);
    while (isoWeekday(d) >= 5 || off.has(d)) d = addDays(d, 1);
    off.add(d);
  }
  return [...off].sort();
}

function emptyLeaveHours(): Record<LeaveKind, number> {
  return Object.fromEntries(LEAVE_KINDS.map((k) => [k.kind, 0])) as Record<LeaveKind, number>;
}

/**
 * Yearly available hours of one inspector: paid hours of the shifts their schedules give in the
 * year (a shift belongs to the year of its local start date), minus the hours of shifts that start
 * on leave days (by kind), minus shifts on public holidays when the pattern is `weekly` (office
 * pattern; rotating 24-hour duty works through holidays). A holiday wins over leave for the same
 * shift (holidays inside annual leave do not consume leave).
 * `holidays` are local dates; default: KZ_PUBLIC_HOLIDAYS_2026 for 2026, otherwise holidaysOf(year)
 * (fixed-date holidays only).
 */
/**
 * The public days off of a year, as the available-hours rule takes them: the fixed-date holidays
 * plus the working days they move to when they fall on a weekend (`withWeekendTransfers`). Kurban
 * ait (lunar) is known for 2026 only; other years lack it, and government decrees swapping working
 * days are not modelled.
 */
export function publicDaysOff(year: number): string[] {
  if (year === 2026) {
    const fixed = holidaysOf(2026);
    const moving = KZ_PUBLIC_HOLIDAYS_2026.filter((d) => !fixed.includes(d));
    return withWeekendTransfers(KZ_PUBLIC_HOLIDAYS_2026, moving);
  }
  return withWeekendTransfers(holidaysOf(year));
}

export function availableHours(
  schedules: readonly Schedule[],
  patterns: PatternSource,
  leaves: readonly Leave[],
  year: number,
  holidays?: readonly string[],
): AvailableHours {
  if (!Number.isInteger(year) || year < 1 || year > 9999) throw new RangeError(`invalid year ${year}`);
  const holidaySet = new Set(holidays ?? publicDaysOff(year));
  const y = String(year).padStart(4, '0');
  const shifts = expandSchedules(schedules, patterns, `${y}-01-01`, `${y}-12-31`);
  const leaveHours = emptyLeaveHours();
  let scheduledHours = 0;
  let holidayHours = 0;
  let lostShifts = 0;
  for (const s of shifts) {
    scheduledHours += s.hours;
    if (s.pattern.weekly && holidaySet.has(s.date)) {
      holidayHours += s.hours;
      lostShifts++;
      continue;
    }
    const leave = leaveOn(leaves, s.date);
    if (leave) {
      leaveHours[leave.kind] += s.hours;
      lostShifts++;
    }
  }
  const totalLeave = Object.values(leaveHours).reduce((a, b) => a + b, 0);
  return {
    year,
    scheduledHours,
    leaveHours,
    holidayHours,
    availableHours: scheduledHours - totalLeave - holidayHours,
    shifts: shifts.length,
    availableShifts: shifts.length - lostShifts,
  };
}

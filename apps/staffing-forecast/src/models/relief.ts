/**
 * Shift relief factor (Wilson & Weiss 2012, step 4): how many officers it takes to keep one post covered.
 *
 *   SRF = hours a post must be covered per year / net hours one officer is available per year
 *   net available hours = base hours − Σ absences (leave, holidays, training, sickness, days off, …)
 *
 * Worked examples reproduced in relief.spec.ts:
 *  - Local Government Performance Center: post 8 × 365 = 2,920 h; scheduled 8 × 5 × 52 = 2,080 h; absent 382 h (18.4 %)
 *    → available 1,698 h → SRF = 2,920 / 1,698 = 1.72.
 *  - Minnesota Chiefs of Police (1998 Executive Training Institute, p. 25): base 2,920 h minus 1,071 h unavailable (days off 832,
 *    vacation 91, holidays 88, training 225, sick 35) → 1,849 h → SRF = 2,920 / 1,849 = 1.579, printed as 1.57 (truncated), per
 *    beat per 8-hour shift. Caution: the printed items sum to 1,271 h, not 1,071 h (→ 1,649 h, SRF 1.77); an error in the source.
 * Days-based variant (911dispatch.com): days on = 365 − (weekly days off × 52 + leave days); SRF = 365 / days on.
 */

export const RELIEF_FORMULA =
  'SRF = hours a post must be covered per year / net hours one officer is available (base hours − absences)';

function requireNumber(value: number, what: string, allowZero = true): void {
  if (!Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) {
    throw new RangeError(`${what} must be a finite number ${allowZero ? '>= 0' : '> 0'}, got ${value}`);
  }
}

/** Hours a post must be covered per year: hoursPerDay × daysPerYear (8 → 2,920). */
export function postHours(hoursPerDay: number, daysPerYear = 365): number {
  requireNumber(hoursPerDay, 'hours per day');
  if (hoursPerDay > 24) throw new RangeError(`hours per day must be <= 24, got ${hoursPerDay}`);
  requireNumber(daysPerYear, 'days per year');
  return hoursPerDay * daysPerYear;
}

/** Net hours one officer is available: base hours minus the named absences (hours). */
export function netAvailableHours(
  baseHours: number,
  absences: Record<string, number>,
): { availableHours: number; absenceHours: number; absenceShare: number } {
  requireNumber(baseHours, 'base hours', false);
  let absenceHours = 0;
  for (const [reason, hours] of Object.entries(absences)) {
    requireNumber(hours, `absence '${reason}'`);
    absenceHours += hours;
  }
  if (absenceHours >= baseHours) {
    throw new RangeError(`absences (${absenceHours} h) leave no available hours out of ${baseHours} h`);
  }
  return { availableHours: baseHours - absenceHours, absenceHours, absenceShare: absenceHours / baseHours };
}

/** SRF = post hours per year / available hours per officer. */
export function shiftReliefFactor(postHoursPerYear: number, availableHoursPerOfficer: number): number {
  requireNumber(postHoursPerYear, 'post hours per year');
  requireNumber(availableHoursPerOfficer, 'available hours per officer', false);
  return postHoursPerYear / availableHoursPerOfficer;
}

/** Days-based variant: days on = daysPerYear − (weekly days off × 52 + Σ leave days); SRF = daysPerYear / days on. */
export function daysBasedReliefFactor(
  input: { weeklyDaysOff: number; leaveDays: Record<string, number> },
  daysPerYear = 365,
): { daysOn: number; factor: number } {
  requireNumber(input.weeklyDaysOff, 'weekly days off');
  if (input.weeklyDaysOff > 7) throw new RangeError(`weekly days off must be <= 7, got ${input.weeklyDaysOff}`);
  requireNumber(daysPerYear, 'days per year', false);
  let off = input.weeklyDaysOff * 52;
  for (const [reason, days] of Object.entries(input.leaveDays)) {
    requireNumber(days, `leave '${reason}'`);
    off += days;
  }
  const daysOn = daysPerYear - off;
  if (daysOn <= 0) throw new RangeError(`days off and leave (${off}) leave no days on duty out of ${daysPerYear}`);
  return { daysOn, factor: daysPerYear / daysOn };
}

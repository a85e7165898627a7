/**
 * Workforce of precincts for the staffing forecast (domain.md §6): per precinct, how many officers
 * serve it and their yearly available hours summed, from the duty rules' `availableHours`. Pure
 * functions: the service loads schedules, leave and assignments of a whole page in batch and hands
 * them here; nothing is per-officer in the result.
 */
import { DISTRICT_CODE_PATTERN, REGION_CODE_PATTERN, type InspectorPosition } from '@seriktes/contracts';
import { decodeCursor, InvalidCursorError, pageSize } from '@seriktes/graphql';
import { HOLDER_POSITIONS } from '../inspectors/inspector.repository';
import {
  availableHours,
  LEAVE_KINDS,
  type AvailableHours,
  type Leave,
  type LeaveKind,
  type PatternSource,
  type Schedule,
} from '../duty/rules';

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;
export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;

const REGION = new RegExp(REGION_CODE_PATTERN);
const DISTRICT = new RegExp(DISTRICT_CODE_PATTERN);

export interface WorkforceArgs {
  year: number;
  regionCode?: string | null;
  districtCode?: string | null;
  first?: number | null;
  after?: string | null;
}

/** Field-level problems of the arguments of `precinctWorkforce`, all at once (empty when fine). */
export function checkWorkforceArgs(args: WorkforceArgs): Array<{ field: string; message: string }> {
  const errors: Array<{ field: string; message: string }> = [];
  if (!Number.isInteger(args.year) || args.year < MIN_YEAR || args.year > MAX_YEAR) errors.push({ field: 'year', message: `must be a year between ${MIN_YEAR} and ${MAX_YEAR}` });
  const region = args.regionCode ?? undefined;
  const district = args.districtCode ?? undefined;
  if (region !== undefined && !REGION.test(region)) errors.push({ field: 'regionCode', message: 'must be a region code like AST' });
  if (district !== undefined && !DISTRICT.test(district)) errors.push({ field: 'districtCode', message: 'must be a district code like AST-ESL' });
  else if (district !== undefined && region !== undefined && REGION.test(region) && !district.startsWith(`${region}-`)) {
    errors.push({ field: 'districtCode', message: `district ${district} is not in region ${region}` });
  }
  try {
    pageSize(args.first, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  } catch (error) {
    errors.push({ field: 'first', message: (error as Error).message });
  }
  if (args.after !== undefined && args.after !== null) {
    try {
      if (typeof decodeCursor(args.after, 1)[0] !== 'string') throw new InvalidCursorError(args.after);
    } catch (error) {
      errors.push({ field: 'after', message: (error as Error).message });
    }
  }
  return errors;
}

/**
 * The local date on which a year's officers are counted: today when `year` is the current year
 * (`today` a local date), otherwise 1 January of `year` (past years as they began, future years as
 * planned so far).
 */
export function countingDate(year: number, today: string): string {
  return today.slice(0, 4) === String(year).padStart(4, '0') ? today : `${String(year).padStart(4, '0')}-01-01`;
}

export { publicDaysOff } from '../duty/rules/available-hours';

/** An officer serving a precinct on the counting date (an assignment in force then). */
export interface PrecinctOfficer {
  precinctCode: string;
  inspectorId: string;
  /** Position of the assignment. */
  position: InspectorPosition;
  /** Precincts the officer serves on the counting date, this one included (2 or more: shared). */
  precinctsServed: number;
}

export interface LeaveHoursOfKind {
  kind: LeaveKind;
  hours: number;
}

/** The figures of one precinct: counts of officers and the sums of their yearly hours. */
export interface WorkforceFigures {
  year: number;
  countedOn: string;
  officers: number;
  postHolders: number;
  sharedOfficers: number;
  officersWithSchedule: number;
  scheduledHours: number;
  leaveHours: number;
  /** Kinds with hours only, in the order of LEAVE_KINDS. */
  leaveHoursByKind: LeaveHoursOfKind[];
  holidayHours: number;
  availableHours: number;
  /** availableHours / officersWithSchedule; null when no officer has a schedule in the year. */
  availableHoursPerOfficer: number | null;
}

/** One officer's year, as `sumWorkforce` takes it. */
export interface OfficerYear {
  position: InspectorPosition;
  shared: boolean;
  hasSchedule: boolean;
  hours: AvailableHours;
}

/** Sums the years of a precinct's officers (each officer once) into the precinct's figures. */
export function sumWorkforce(year: number, countedOn: string, officers: readonly OfficerYear[]): WorkforceFigures {
  const byKind = Object.fromEntries(LEAVE_KINDS.map((k) => [k.kind, 0])) as Record<LeaveKind, number>;
  let scheduledHours = 0;
  let holidayHours = 0;
  let available = 0;
  for (const officer of officers) {
    scheduledHours += officer.hours.scheduledHours;
    holidayHours += officer.hours.holidayHours;
    available += officer.hours.availableHours;
    for (const { kind } of LEAVE_KINDS) byKind[kind] += officer.hours.leaveHours[kind] ?? 0;
  }
  const leaveHoursByKind = LEAVE_KINDS.map(({ kind }) => ({ kind, hours: byKind[kind] })).filter((l) => l.hours > 0);
  const withSchedule = officers.filter((o) => o.hasSchedule).length;
  return {
    year,
    countedOn,
    officers: officers.length,
    postHolders: officers.filter((o) => HOLDER_POSITIONS.includes(o.position)).length,
    sharedOfficers: officers.filter((o) => o.shared).length,
    officersWithSchedule: withSchedule,
    scheduledHours,
    leaveHours: leaveHoursByKind.reduce((sum, l) => sum + l.hours, 0),
    leaveHoursByKind,
    holidayHours,
    availableHours: available,
    availableHoursPerOfficer: withSchedule ? available / withSchedule : null,
  };
}

/** Whether any of the schedules is in force on a day of `year`. */
export function scheduledIn(schedules: readonly Schedule[], year: number): boolean {
  const y = String(year).padStart(4, '0');
  return schedules.some((s) => s.validFrom <= `${y}-12-31` && (s.validTo === null || s.validTo >= `${y}-01-01`));
}

export interface WorkforceInput {
  year: number;
  countedOn: string;
  /** Assignments in force on `countedOn` at the precincts (others are ignored). */
  officers: readonly PrecinctOfficer[];
  schedules: ReadonlyMap<string, readonly Schedule[]>;
  leaves: ReadonlyMap<string, readonly Leave[]>;
  patterns: PatternSource;
  /** Public days off of the year (local dates), e.g. `publicDaysOff(year)`. */
  holidays: readonly string[];
}

/**
 * The figures of each precinct, in the order given: every officer serving it on the counting date
 * counted once (a holder if any of their assignments there is a holder's), their hours those of
 * `availableHours` for the year, computed once per officer however many precincts they serve.
 */
export function workforceOf<P extends { code: string }>(precincts: readonly P[], input: WorkforceInput): Array<P & WorkforceFigures> {
  const hours = new Map<string, { hasSchedule: boolean; hours: AvailableHours }>();
  const yearOf = (inspectorId: string) => {
    let found = hours.get(inspectorId);
    if (!found) {
      const schedules = input.schedules.get(inspectorId) ?? [];
      found = { hasSchedule: scheduledIn(schedules, input.year), hours: availableHours(schedules, input.patterns, input.leaves.get(inspectorId) ?? [], input.year, input.holidays) };
      hours.set(inspectorId, found);
    }
    return found;
  };
  const byPrecinct = new Map<string, Map<string, PrecinctOfficer>>();
  for (const officer of input.officers) {
    const officers = byPrecinct.get(officer.precinctCode) ?? new Map<string, PrecinctOfficer>();
    const seen = officers.get(officer.inspectorId);
    if (!seen || (!HOLDER_POSITIONS.includes(seen.position) && HOLDER_POSITIONS.includes(officer.position))) officers.set(officer.inspectorId, officer);
    byPrecinct.set(officer.precinctCode, officers);
  }
  return precincts.map((precinct) => {
    const officers = [...(byPrecinct.get(precinct.code)?.values() ?? [])]
      .sort((a, b) => a.inspectorId.localeCompare(b.inspectorId))
      .map((o) => ({ position: o.position, shared: o.precinctsServed > 1, ...yearOf(o.inspectorId) }));
    return { ...precinct, ...sumWorkforce(input.year, input.countedOn, officers) };
  });
}

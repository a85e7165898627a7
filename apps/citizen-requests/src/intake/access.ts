/**
 * Who may do what with citizen requests (plain rules, no framework). Registration is open to
 * every citizen and every police officer: an officer must accept an application wherever it is
 * brought (the law forbids refusing to register it), so registration is not territory-bound.
 * Reading is: police staff read the requests of their own territory, citizens their own.
 */
import { coversPrecinct, Role, type AuthenticatedUser } from '@seriktes/auth';

export const REGISTER_ROLES = [Role.citizen, Role.districtInspector, Role.unitHead, Role.departmentHead] as const;
export const READ_ROLES = [Role.citizen, Role.districtInspector, Role.unitHead, Role.departmentHead, Role.ministryHq] as const;
/** Police staff who work on requests (and may see duplicates, history, the applicant). */
export const STAFF_READ_ROLES = [Role.districtInspector, Role.unitHead, Role.departmentHead, Role.ministryHq] as const;
/** Command dashboards: aggregate statistics only, no individual requests. */
export const STATS_ROLES = [Role.districtInspector, Role.unitHead, Role.departmentHead, Role.ministryHq, Role.analyst] as const;

/** The role a registration is recorded under: staff roles first (a walk-in taken by an officer). */
export function registeringRole(user: Pick<AuthenticatedUser, 'roles'>): string | undefined {
  return [Role.districtInspector, Role.unitHead, Role.departmentHead, Role.citizen].find((role) => user.roles.includes(role));
}

export interface RequestScope {
  /** Null while routing is pending: then the region decides. */
  precinctCode: string | null;
  regionCode?: string;
  registeredBySubject: string | null;
}

/** Whether the caller may read this request. */
export function mayRead(user: Pick<AuthenticatedUser, 'jurisdiction' | 'subject'>, request: RequestScope): boolean {
  if (user.jurisdiction.level === 'self') return request.registeredBySubject === user.subject;
  if (request.precinctCode === null) {
    const j = user.jurisdiction;
    return j.level === 'national' || (j.level === 'region' && j.regionCode === request.regionCode) || (j.level === 'district' && j.regionCode === request.regionCode);
  }
  return coversPrecinct(user.jurisdiction, request.precinctCode);
}

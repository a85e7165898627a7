/**
 * Who may do what with citizen requests (plain rules, no framework). Registration is open to
 * every citizen and every police officer: an officer must accept an application wherever it is
 * brought (the law forbids refusing to register it), so registration is not territory-bound.
 * Reading is: police staff read the requests of their own territory, citizens their own.
 */
import { coversPrecinct, Role, type AuthenticatedUser } from '@seriktes/auth';

export const REGISTER_ROLES = [Role.citizen, Role.districtInspector, Role.unitHead, Role.departmentHead] as const;
export const READ_ROLES = [Role.citizen, Role.districtInspector, Role.unitHead, Role.departmentHead, Role.ministryHq] as const;

/** The role a registration is recorded under: staff roles first (a walk-in taken by an officer). */
export function registeringRole(user: Pick<AuthenticatedUser, 'roles'>): string | undefined {
  return [Role.districtInspector, Role.unitHead, Role.departmentHead, Role.citizen].find((role) => user.roles.includes(role));
}

export interface RequestScope {
  precinctCode: string;
  registeredBySubject: string | null;
}

/** Whether the caller may read this request. */
export function mayRead(user: Pick<AuthenticatedUser, 'jurisdiction' | 'subject'>, request: RequestScope): boolean {
  if (user.jurisdiction.level === 'self') return request.registeredBySubject === user.subject;
  return coversPrecinct(user.jurisdiction, request.precinctCode);
}

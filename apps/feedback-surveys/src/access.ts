/**
 * Who may do what in feedback-surveys (plain rules, no framework; issue 7):
 * - `analyst`, `department_head` and `ministry_hq` define and publish instruments and run waves
 *   and staff pulses in their territory;
 * - staff and partners read the suppressed aggregates of territories that concern them (their
 *   own, the ones inside it, and the wider ones it belongs to: a precinct compares itself with its
 *   district, region and the country), `public_council` included; figures per inspector only for
 *   managers of the inspector's district; free-text comments (masked) only for managers and
 *   analysts, audit-logged;
 * - police staff of a unit answer its staff pulse, once each;
 * - respondents need no account: a valid single-use token is their only credential.
 */
import { concernsTerritory, coversTerritory, Role, type AuthenticatedUser } from '@seriktes/auth';

export const MANAGE_ROLES = [Role.analyst, Role.departmentHead, Role.ministryHq] as const;
export const MANAGER_READ_ROLES = [...MANAGE_ROLES, Role.unitHead] as const;
export const READ_ROLES = [
  ...MANAGER_READ_ROLES,
  Role.districtInspector,
  Role.commissionSecretary,
  Role.commissionMember,
  Role.partner,
  Role.publicCouncil,
  Role.prosecutorOversight,
  Role.platformAdmin,
] as const;
/** Police staff who answer the pulse of their unit. */
export const PULSE_ROLES = [Role.districtInspector, Role.unitHead] as const;

type Caller = Pick<AuthenticatedUser, 'roles' | 'jurisdiction'>;
const hasAny = (user: Caller, roles: readonly string[]) => user.roles.some((r) => roles.includes(r));

/** Whether the caller may run a wave over `territoryCode` (`KAZ`: national callers only). */
export function mayRunWave(user: Caller, territoryCode: string): boolean {
  if (!hasAny(user, MANAGE_ROLES)) return false;
  return territoryCode === 'KAZ' ? user.jurisdiction.level === 'national' : coversTerritory(user.jurisdiction, territoryCode);
}

/** Whether the caller may read the aggregates of a territory (`KAZ`: the country). */
export function mayReadScope(user: Caller, scopeCode: string): boolean {
  if (!hasAny(user, READ_ROLES)) return false;
  return concernsTerritory(user.jurisdiction, scopeCode);
}

/** Figures per inspector and masked comments: managers and analysts whose territory covers the district. */
export function mayReadDetail(user: Caller, territoryCode: string): boolean {
  if (!hasAny(user, MANAGER_READ_ROLES)) return false;
  return territoryCode === 'KAZ' ? user.jurisdiction.level === 'national' : coversTerritory(user.jurisdiction, territoryCode);
}

/** The unit (district) whose staff pulse the caller answers; null when not police staff of one. */
export function pulseUnitOf(user: Caller): string | null {
  if (!hasAny(user, PULSE_ROLES)) return null;
  const j = user.jurisdiction;
  return j.level === 'district' || j.level === 'precinct' ? j.districtCode : null;
}

/**
 * Who may do what in the roster (plain rules, no framework). Territory facts (boundaries, names,
 * population, who serves a precinct and how to reach the precinct point) are public information,
 * posted on stands at every precinct point, so any signed-in user may read them; the roster itself
 * (assignments, duty schedules, leave, personal numbers) is personnel data, for police management
 * within their territory and for the inspector themself.
 */
import { coversPrecinct, coversTerritory, Role, type AuthenticatedUser, type RoleName } from '@seriktes/auth';

/** Everyone signed in (citizens and partner systems included): territory facts only. */
export const TERRITORY_READ_ROLES: readonly RoleName[] = Object.values(Role);

/** Change the roster: a unit head in their district, a department head in their region, HQ everywhere. */
export const ROSTER_MANAGE_ROLES: readonly RoleName[] = [Role.unitHead, Role.departmentHead, Role.ministryHq];

/** Read the roster's personnel data (within their territory); inspectors also read their own record. */
export const ROSTER_READ_ROLES: readonly RoleName[] = [...ROSTER_MANAGE_ROLES, Role.hrPlanner, Role.analyst, Role.districtInspector, Role.platformAdmin, Role.platformService];

/**
 * Read a precinct's workforce figures (officers and their yearly hours summed, leave by kind): the
 * roster's readers within their territory, except inspectors, whose precinct sum could show a
 * colleague's leave.
 */
export const WORKFORCE_READ_ROLES: readonly RoleName[] = ROSTER_READ_ROLES.filter((role) => role !== Role.districtInspector);

/** Load territory reference data (imports, boundaries): HQ and the platform's administrators. */
export const TERRITORY_MANAGE_ROLES: readonly RoleName[] = [Role.ministryHq, Role.platformAdmin];

const has = (user: AuthenticatedUser, roles: readonly RoleName[]) => user.roles.some((role) => roles.includes(role as RoleName));

/** May the user change the roster of this precinct (assignments, meetings) or district (duty list)? */
export function mayManage(user: AuthenticatedUser, territoryCode: string): boolean {
  if (!has(user, ROSTER_MANAGE_ROLES)) return false;
  return territoryCode.split('-').length === 3 ? coversPrecinct(user.jurisdiction, territoryCode) : coversTerritory(user.jurisdiction, territoryCode);
}

/**
 * May the user read the personnel data of an inspector of unit `unitCode` (serving `precinctCodes`)?
 * Management and planners within their territory; an inspector only their own record.
 */
export function mayReadInspector(user: AuthenticatedUser, inspector: { unitCode: string; username: string | null }): boolean {
  if (inspector.username !== null && inspector.username === user.username) return true;
  const staff = user.roles.filter((role) => role !== Role.districtInspector);
  if (!has({ ...user, roles: staff }, ROSTER_READ_ROLES)) return false;
  return coversTerritory(user.jurisdiction, inspector.unitCode);
}

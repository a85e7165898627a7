/**
 * Who may do what in staffing-forecast (plain rules, no framework; issue 8):
 * - `hr_planner`, `department_head` and `ministry_hq` run forecasts and what-if calculations for
 *   their territory; `analyst` reads and calculates what-ifs; HR planners (and HQ) enter and
 *   import workforce facts;
 * - a run becomes the basis of a staffing proposal only when a department head (their region) or
 *   HQ publishes it;
 * - partners (akimats fund locally paid posts) and the public council read the published
 *   summaries of their region only; nobody outside the police sees unpublished runs.
 */
import { concernsTerritory, coversTerritory, Role, type AuthenticatedUser } from '@seriktes/auth';

export const PLANNER_ROLES = [Role.hrPlanner, Role.departmentHead, Role.ministryHq] as const;
export const READ_ROLES = [...PLANNER_ROLES, Role.analyst, Role.platformAdmin] as const;
export const WHAT_IF_ROLES = [...PLANNER_ROLES, Role.analyst] as const;
export const PUBLISH_ROLES = [Role.departmentHead, Role.ministryHq] as const;
export const FACT_ROLES = [Role.hrPlanner, Role.ministryHq] as const;
export const SUMMARY_ROLES = [...READ_ROLES, Role.partner, Role.publicCouncil, Role.unitHead] as const;

/** The national scope code. */
export const NATIONAL = 'KAZ';

type Caller = Pick<AuthenticatedUser, 'roles' | 'jurisdiction'>;
const hasAny = (user: Caller, roles: readonly string[]) => user.roles.some((r) => roles.includes(r));

function covers(user: Caller, scopeCode: string): boolean {
  return scopeCode === NATIONAL ? user.jurisdiction.level === 'national' : coversTerritory(user.jurisdiction, scopeCode);
}

/** May the caller compute figures for (or run a forecast of) this scope? */
export function mayPlan(user: Caller, scopeCode: string, roles: readonly string[] = PLANNER_ROLES): boolean {
  return hasAny(user, roles) && covers(user, scopeCode);
}

/** May the caller read the runs (published or not) of this scope? */
export function mayReadRuns(user: Caller, scopeCode: string): boolean {
  return hasAny(user, READ_ROLES) && covers(user, scopeCode);
}

/** May the caller publish a run of this scope? */
export function mayPublish(user: Caller, scopeCode: string): boolean {
  return hasAny(user, PUBLISH_ROLES) && covers(user, scopeCode);
}

/** May the caller enter workforce facts for this territory? */
export function mayEnterFacts(user: Caller, territoryCode: string): boolean {
  return hasAny(user, FACT_ROLES) && covers(user, territoryCode);
}

/**
 * May the caller read published summaries of this territory? Police readers within their
 * territory; partners, the public council and unit heads for territories that concern them
 * (their own, the ones inside it, the wider ones it belongs to).
 */
export function mayReadPublished(user: Caller, territoryCode: string): boolean {
  if (mayReadRuns(user, territoryCode)) return true;
  if (!hasAny(user, SUMMARY_ROLES)) return false;
  return territoryCode === NATIONAL ? user.jurisdiction.level === 'national' : concernsTerritory(user.jurisdiction, territoryCode);
}

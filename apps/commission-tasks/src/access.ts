/**
 * Who may do what in commission-tasks (plain rules, no framework; issue 6 section 5):
 * - the secretary (`commission_secretary`) manages the meetings, decisions and tasks of the
 *   commissions of their territory; `platform_admin` may too (setting up);
 * - partners (`partner`) and commission members (`commission_member`) with an organisation see and
 *   update only the tasks of their organisation (lead or co-executor), and read the decisions of
 *   their territory (the reasons and evidence only under an information-sharing agreement);
 * - police staff act for police-led tasks of their territory and read across it, as do
 *   `department_head`, `ministry_hq`, analysts and oversight;
 * - `public_council` reads aggregated progress only; anyone reads a published accountability view.
 */
import { concernsTerritory, coversTerritory, Role, territoryCondition, type AuthenticatedUser, type SqlCondition } from '@seriktes/auth';

export const MANAGE_ROLES = [Role.commissionSecretary, Role.platformAdmin] as const;
export const STAFF_READ_ROLES = [
  Role.ministryHq,
  Role.departmentHead,
  Role.unitHead,
  Role.districtInspector,
  Role.analyst,
  Role.commissionSecretary,
  Role.platformAdmin,
  Role.prosecutorOversight,
] as const;
export const EXECUTOR_ROLES = [Role.partner, Role.commissionMember] as const;
export const READ_ROLES = [...STAFF_READ_ROLES, ...EXECUTOR_ROLES] as const;
export const STATS_ROLES = [...READ_ROLES, Role.publicCouncil] as const;
/** Police staff who carry out police-led tasks of their territory. */
export const POLICE_ROLES = [Role.districtInspector, Role.unitHead, Role.departmentHead] as const;

type Caller = Pick<AuthenticatedUser, 'roles' | 'jurisdiction'>;

const hasAny = (user: Caller, roles: readonly string[]) => user.roles.some((r) => roles.includes(r));

/** The caller's own organisation, for partners and commission members. */
export function organisationOf(user: Caller): string | null {
  return user.jurisdiction.level === 'partner' ? user.jurisdiction.partnerOrgId : null;
}

/** Whether the caller manages a commission of `territoryCode` (`KAZ`: the republic). */
export function mayManage(user: Caller, territoryCode: string): boolean {
  if (!hasAny(user, MANAGE_ROLES)) return false;
  if (territoryCode === 'KAZ') return user.jurisdiction.level === 'national';
  return coversTerritory(user.jurisdiction, territoryCode);
}

/** Reads across a territory (not only one organisation's tasks). */
export function readsAcrossTerritory(user: Caller): boolean {
  return hasAny(user, STAFF_READ_ROLES) && user.jurisdiction.level !== 'partner';
}

export interface TaskParties {
  leadOrgId: string;
  leadKind: string;
  coExecutorIds: readonly string[];
  territoryCode: string;
  commissionTerritoryCode: string;
}

/** What the caller may do with one task. */
export function taskRights(user: Caller, task: TaskParties): { read: boolean; lead: boolean; report: boolean; manage: boolean } {
  const org = organisationOf(user);
  const manage = mayManage(user, task.commissionTerritoryCode);
  const policeLead = task.leadKind === 'police' && hasAny(user, POLICE_ROLES) && coversTerritory(user.jurisdiction, task.territoryCode);
  const lead = (org !== null && org === task.leadOrgId) || policeLead;
  const co = org !== null && task.coExecutorIds.includes(org);
  const read = lead || co || manage || (readsAcrossTerritory(user) && coversTerritory(user.jurisdiction, task.territoryCode));
  return { read, lead, report: lead || co || manage, manage };
}

/**
 * The SQL condition restricting tasks (alias `t`) to those the caller may read: their territory
 * for staff, their organisation's tasks for partners, none for others.
 */
export function taskVisibility(user: Caller, firstParam: number, schema = 'commission_tasks'): SqlCondition {
  const org = organisationOf(user);
  if (org !== null) {
    const p = `$${firstParam}`;
    return {
      sql: `(t.lead_org_id = ${p} OR EXISTS (SELECT 1 FROM ${schema}.task_co_executor c WHERE c.task_id = t.id AND c.organisation_id = ${p}))`,
      params: [org],
    };
  }
  if (!readsAcrossTerritory(user)) return { sql: 'FALSE', params: [] };
  return territoryCondition(user.jurisdiction, { precinct: 't.territory_code', region: 't.region_code' }, firstParam);
}

/** The territory condition for aggregates (`public_council` and readers: their territory; partners: their own tasks). */
export function statsVisibility(user: Caller, firstParam: number): SqlCondition {
  if (organisationOf(user) !== null || readsAcrossTerritory(user)) return taskVisibility(user, firstParam);
  if (user.roles.includes(Role.publicCouncil)) return territoryCondition(user.jurisdiction, { precinct: 't.territory_code', region: 't.region_code' }, firstParam);
  return { sql: 'FALSE', params: [] };
}

/** Whether the caller may read decisions that concern `territoryCode` (partners: of their region). */
export function mayReadDecisions(user: Caller, territoryCode: string): boolean {
  if (!hasAny(user, READ_ROLES)) return false;
  return concernsTerritory(user.jurisdiction, territoryCode);
}

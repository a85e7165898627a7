/**
 * Who may see precincts and their caseload (plain rules). Caseload is an aggregate with no personal
 * data, so besides police staff, analysts, planners, partners, the public council and the
 * commission see it too, each only for their own territory (partners: their region).
 */
import { Role } from '@seriktes/auth';

export const CASELOAD_READ_ROLES = [
  Role.districtInspector,
  Role.unitHead,
  Role.departmentHead,
  Role.ministryHq,
  Role.analyst,
  Role.hrPlanner,
  Role.partner,
  Role.publicCouncil,
  Role.commissionSecretary,
  Role.commissionMember,
  Role.platformAdmin,
] as const;

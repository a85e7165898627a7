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

export interface PrecinctCode {
  id: string;
  regionCode: string;
  districtCode: string;
  number: number;
}

const PRECINCT = /^([A-Z]{3})-([A-Z]{3})-(\d{2})$/;

/** Parses a precinct code `AST-ESL-01` into its territory levels, or undefined if malformed. */
export function parsePrecinctCode(code: string): PrecinctCode | undefined {
  const match = PRECINCT.exec(code);
  if (!match) return undefined;
  return { id: code, regionCode: match[1], districtCode: `${match[1]}-${match[2]}`, number: Number(match[3]) };
}

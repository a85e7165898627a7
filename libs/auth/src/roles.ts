/**
 * Realm roles of the `seriktes` realm (domain.md section 10; legal basis in
 * research/seed-001-002.md section 3). Roles carry capability; token attributes carry data scope.
 */
export const Role = {
  citizen: 'citizen',
  districtInspector: 'district_inspector',
  unitHead: 'unit_head',
  departmentHead: 'department_head',
  analyst: 'analyst',
  hrPlanner: 'hr_planner',
  ministryHq: 'ministry_hq',
  commissionSecretary: 'commission_secretary',
  commissionMember: 'commission_member',
  partner: 'partner',
  publicCouncil: 'public_council',
  prosecutorOversight: 'prosecutor_oversight',
  platformAdmin: 'platform_admin',
  /** Every service's own service account (service-to-service calls). */
  platformService: 'platform_service',
} as const;

export type RoleName = (typeof Role)[keyof typeof Role];

export const ALL_ROLES: readonly RoleName[] = Object.values(Role);

/** Who may read the audit trail (read-only oversight and the platform's administrators). */
export const AUDIT_READER_ROLES: readonly RoleName[] = [Role.prosecutorOversight, Role.platformAdmin];

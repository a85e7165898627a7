import { jurisdictionOf } from '@seriktes/auth';
import { mayManage, mayReadDecisions, taskRights, taskVisibility } from './access';

const user = (roles: string[], claims: Record<string, string>) => ({ roles, jurisdiction: jurisdictionOf(roles, claims) });
const secretary = user(['commission_secretary'], { region_code: 'AST' });
const akimat = user(['partner'], { region_code: 'AST', partner_org_id: 'ast-akimat' });
const school = user(['partner'], { region_code: 'AST', partner_org_id: 'ast-school-54' });
const inspector = user(['district_inspector'], { precinct_code: 'AST-ESL-01' });
const council = user(['public_council'], { region_code: 'AST' });
const task = { leadOrgId: 'ast-akimat', leadKind: 'akimat', coExecutorIds: ['ast-school-54'], territoryCode: 'AST-ESL', commissionTerritoryCode: 'AST' };

describe('access', () => {
  it('lets the secretary manage the commissions of their territory only', () => {
    expect(mayManage(secretary, 'AST')).toBe(true);
    expect(mayManage(secretary, 'ALA')).toBe(false);
    expect(mayManage(secretary, 'KAZ')).toBe(false);
    expect(mayManage(akimat, 'AST')).toBe(false);
  });

  it('gives the lead organisation the lead, a co-executor reporting, others nothing', () => {
    expect(taskRights(akimat, task)).toEqual({ read: true, lead: true, report: true, manage: false });
    expect(taskRights(school, task)).toEqual({ read: true, lead: false, report: true, manage: false });
    expect(taskRights(user(['partner'], { region_code: 'AST', partner_org_id: 'ast-health' }), task)).toEqual({ read: false, lead: false, report: false, manage: false });
    expect(taskRights(council, task).read).toBe(false);
    expect(taskRights(secretary, task)).toEqual({ read: true, lead: false, report: true, manage: true });
  });

  it('lets police staff lead police tasks of their territory', () => {
    const police = { ...task, leadOrgId: 'ast-police-esl', leadKind: 'police', territoryCode: 'AST-ESL-01' };
    expect(taskRights(inspector, police).lead).toBe(true);
    expect(taskRights(inspector, { ...police, territoryCode: 'AST-ESL-02' })).toEqual({ read: false, lead: false, report: false, manage: false });
  });

  it('filters lists in SQL', () => {
    expect(taskVisibility(akimat, 3).params).toEqual(['ast-akimat']);
    expect(taskVisibility(council, 1)).toEqual({ sql: 'FALSE', params: [] });
    expect(taskVisibility(secretary, 1)).toEqual({ sql: 't.region_code = $1', params: ['AST'] });
  });

  it('shows decisions that concern the caller', () => {
    expect(mayReadDecisions(akimat, 'AST-ESL')).toBe(true);
    expect(mayReadDecisions(akimat, 'ALA')).toBe(false);
    expect(mayReadDecisions(council, 'AST')).toBe(false);
  });
});

import { jurisdictionOf, type AuthenticatedUser } from '@seriktes/auth';
import { mayManage, mayReadInspector, WORKFORCE_READ_ROLES } from './access';

const user = (username: string, roles: string[], claims: Record<string, string> = {}): AuthenticatedUser =>
  ({ subject: username, username, roles, jurisdiction: jurisdictionOf(roles, claims), token: '' }) as unknown as AuthenticatedUser;

const unitHead = user('ast.esil.head', ['unit_head'], { region_code: 'AST', district_code: 'AST-ESL' });
const departmentHead = user('ast.head', ['department_head'], { region_code: 'AST' });
const hq = user('hq', ['ministry_hq']);
const inspector = user('ast.esil.01', ['district_inspector'], { precinct_code: 'AST-ESL-01' });
const analyst = user('ast.analyst', ['analyst'], { region_code: 'AST' });

describe('mayManage', () => {
  it('lets a unit head change their district only, a department head their region, HQ everything', () => {
    expect(mayManage(unitHead, 'AST-ESL-01')).toBe(true);
    expect(mayManage(unitHead, 'AST-ESL')).toBe(true);
    expect(mayManage(unitHead, 'AST-SAR-01')).toBe(false);
    expect(mayManage(unitHead, 'AST-SAR')).toBe(false);
    expect(mayManage(departmentHead, 'AST-SAR-01')).toBe(true);
    expect(mayManage(departmentHead, 'ALA-MED-01')).toBe(false);
    expect(mayManage(hq, 'ALA-MED-01')).toBe(true);
  });

  it('never lets an inspector or an analyst change the roster, even their own precinct', () => {
    expect(mayManage(inspector, 'AST-ESL-01')).toBe(false);
    expect(mayManage(analyst, 'AST-ESL-01')).toBe(false);
  });
});

describe('mayReadInspector', () => {
  it('lets an inspector read their own record and no colleague\'s', () => {
    expect(mayReadInspector(inspector, { unitCode: 'AST-ESL', username: 'ast.esil.01' })).toBe(true);
    expect(mayReadInspector(inspector, { unitCode: 'AST-ESL', username: 'ast.esil.02' })).toBe(false);
  });

  it('lets management and planners read records within their territory', () => {
    expect(mayReadInspector(unitHead, { unitCode: 'AST-ESL', username: null })).toBe(true);
    expect(mayReadInspector(unitHead, { unitCode: 'AST-SAR', username: null })).toBe(false);
    expect(mayReadInspector(analyst, { unitCode: 'AST-SAR', username: null })).toBe(true);
    expect(mayReadInspector(analyst, { unitCode: 'ALA-MED', username: null })).toBe(false);
  });
});

describe('WORKFORCE_READ_ROLES', () => {
  it('are the roster readers and services, not inspectors (a precinct sum could show a colleague\'s leave)', () => {
    expect(WORKFORCE_READ_ROLES).toEqual(expect.arrayContaining(['platform_service', 'hr_planner', 'analyst', 'unit_head', 'department_head', 'ministry_hq', 'platform_admin']));
    expect(WORKFORCE_READ_ROLES).not.toContain('district_inspector');
    expect(WORKFORCE_READ_ROLES).not.toContain('citizen');
  });
});

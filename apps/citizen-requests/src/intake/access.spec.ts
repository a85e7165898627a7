import { jurisdictionOf } from '@seriktes/auth';
import { mayRead, registeringRole } from './access';

const user = (roles: string[], claims: Record<string, string> = {}, subject = 'u-1') => ({
  subject,
  roles,
  jurisdiction: jurisdictionOf(roles, { sub: subject, ...claims }),
});

describe('access to citizen requests', () => {
  const request = { precinctCode: 'AST-ESL-01', registeredBySubject: 'citizen-7' };

  it('lets police read the requests of their territory only', () => {
    expect(mayRead(user(['district_inspector'], { precinct_code: 'AST-ESL-01' }), request)).toBe(true);
    expect(mayRead(user(['district_inspector'], { precinct_code: 'AST-ESL-02' }), request)).toBe(false);
    expect(mayRead(user(['unit_head'], { district_code: 'AST-ESL' }), request)).toBe(true);
    expect(mayRead(user(['department_head'], { region_code: 'ALA' }), request)).toBe(false);
    expect(mayRead(user(['ministry_hq']), request)).toBe(true);
  });

  it('lets a citizen read only what they registered', () => {
    expect(mayRead(user(['citizen'], {}, 'citizen-7'), request)).toBe(true);
    expect(mayRead(user(['citizen'], {}, 'citizen-8'), request)).toBe(false);
    expect(mayRead(user(['citizen'], {}, 'citizen-8'), { ...request, registeredBySubject: null })).toBe(false);
  });

  it('records registrations under the staff role when an officer registers', () => {
    expect(registeringRole({ roles: ['citizen'] })).toBe('citizen');
    expect(registeringRole({ roles: ['default-roles-seriktes', 'district_inspector'] })).toBe('district_inspector');
    expect(registeringRole({ roles: ['analyst'] })).toBeUndefined();
  });
});

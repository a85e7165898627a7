import { concernsTerritory, coversPrecinct, coversTerritory, describeJurisdiction, jurisdictionOf, territoryCondition } from './jurisdiction';

describe('jurisdiction from token roles and attributes', () => {
  it('places staff at the finest territory their attributes name', () => {
    expect(jurisdictionOf(['district_inspector'], { region_code: 'AST', district_code: 'AST-ESL', precinct_code: 'AST-ESL-01' })).toEqual({
      level: 'precinct',
      regionCode: 'AST',
      districtCode: 'AST-ESL',
      precinctCode: 'AST-ESL-01',
    });
    expect(jurisdictionOf(['unit_head'], { region_code: 'AST', district_code: 'AST-ESL' })).toEqual({ level: 'district', regionCode: 'AST', districtCode: 'AST-ESL' });
    expect(jurisdictionOf(['department_head'], { region_code: 'AST' })).toEqual({ level: 'region', regionCode: 'AST' });
    // Precinct numbers have two or three digits, as in the event contract.
    expect(jurisdictionOf(['district_inspector'], { precinct_code: 'ALA-MED-101' })).toEqual({
      level: 'precinct',
      regionCode: 'ALA',
      districtCode: 'ALA-MED',
      precinctCode: 'ALA-MED-101',
    });
  });

  it('gives the whole country only to national roles without a territory', () => {
    expect(jurisdictionOf(['ministry_hq'], {})).toEqual({ level: 'national' });
    expect(jurisdictionOf(['prosecutor_oversight'], {})).toEqual({ level: 'national' });
    expect(jurisdictionOf(['prosecutor_oversight'], { region_code: 'ALA' })).toEqual({ level: 'region', regionCode: 'ALA' });
    expect(jurisdictionOf(['analyst'], {}).level).toBe('none');
    expect(jurisdictionOf(['district_inspector'], {}).level).toBe('none');
  });

  it('scopes partners to their organisation and region, and citizens to themselves', () => {
    expect(jurisdictionOf(['partner'], { region_code: 'AST', partner_org_id: 'ast-akimat' })).toEqual({ level: 'partner', partnerOrgId: 'ast-akimat', regionCode: 'AST' });
    expect(jurisdictionOf(['partner'], { region_code: 'AST' }).level).toBe('none');
    expect(jurisdictionOf(['citizen'], { sub: 'u-1' })).toEqual({ level: 'self', subject: 'u-1' });
  });

  it('scopes a commission member who represents an organisation like a partner of it', () => {
    expect(jurisdictionOf(['commission_member'], { region_code: 'AST', partner_org_id: 'ast-health' })).toEqual({ level: 'partner', partnerOrgId: 'ast-health', regionCode: 'AST' });
    expect(jurisdictionOf(['commission_member'], { district_code: 'AST-ESL', partner_org_id: 'ast-school-54' })).toEqual({ level: 'partner', partnerOrgId: 'ast-school-54', regionCode: 'AST' });
    // Without a valid organisation, a commission member keeps the territory of their attributes.
    expect(jurisdictionOf(['commission_member'], { region_code: 'AST' })).toEqual({ level: 'region', regionCode: 'AST' });
    expect(jurisdictionOf(['commission_member'], { region_code: 'AST', partner_org_id: 'AST HEALTH' })).toEqual({ level: 'region', regionCode: 'AST' });
    expect(jurisdictionOf(['commission_member'], { partner_org_id: 'ast-health' })).toMatchObject({ level: 'none', reason: 'partner without a region_code' });
  });

  it('denies tokens whose attributes are malformed or contradict each other', () => {
    expect(jurisdictionOf(['district_inspector'], { region_code: 'ALA', precinct_code: 'AST-ESL-01' })).toMatchObject({ level: 'none', reason: 'precinct AST-ESL-01 is not in region ALA' });
    expect(jurisdictionOf(['unit_head'], { district_code: 'AST-ESL', precinct_code: 'AST-NUR-01' }).level).toBe('none');
    expect(jurisdictionOf(['department_head'], { region_code: "AST' OR 1=1" }).level).toBe('none');
    expect(jurisdictionOf(['department_head'], { region_code: ['AST'] })).toEqual({ level: 'region', regionCode: 'AST' });
  });
});

describe('territory checks and query conditions', () => {
  const precinct = jurisdictionOf(['district_inspector'], { precinct_code: 'AST-ESL-01' });
  const district = jurisdictionOf(['unit_head'], { district_code: 'AST-ESL' });
  const region = jurisdictionOf(['department_head'], { region_code: 'AST' });

  it('covers exactly the nested territories', () => {
    expect(coversPrecinct(precinct, 'AST-ESL-01')).toBe(true);
    expect(coversPrecinct(precinct, 'AST-ESL-02')).toBe(false);
    expect(coversPrecinct(precinct, 'AST-ESL-010')).toBe(false);
    expect(coversPrecinct(district, 'AST-ESL-02')).toBe(true);
    expect(coversPrecinct(district, 'AST-ESLX-01')).toBe(false);
    expect(coversPrecinct(region, 'ALA-MED-01')).toBe(false);
    expect(coversPrecinct({ level: 'national' }, 'ALA-MED-01')).toBe(true);
    expect(coversPrecinct({ level: 'self', subject: 'x' }, 'AST-ESL-01')).toBe(false);
    expect(coversTerritory(region, 'AST-ESL')).toBe(true);
    expect(coversTerritory(district, 'AST')).toBe(false);
    expect(coversTerritory(precinct, 'AST-ESL')).toBe(false);
  });

  it('turns a jurisdiction into a parameterised SQL condition', () => {
    expect(territoryCondition(precinct, { precinct: 'r.precinct_code' }, 3)).toEqual({ sql: 'r.precinct_code = $3', params: ['AST-ESL-01'] });
    expect(territoryCondition(district, { precinct: 'precinct_code' })).toEqual({ sql: "starts_with(precinct_code || '-', $1)", params: ['AST-ESL-'] });
    expect(territoryCondition(region, { precinct: 'precinct_code' })).toEqual({ sql: "starts_with(precinct_code || '-', $1)", params: ['AST-'] });
    expect(territoryCondition(region, { precinct: 'precinct_code', region: 'region_code' })).toEqual({ sql: 'region_code = $1', params: ['AST'] });
    expect(territoryCondition({ level: 'national' }, { precinct: 'p' })).toEqual({ sql: 'TRUE', params: [] });
    expect(territoryCondition({ level: 'self', subject: 's' }, { precinct: 'p' })).toEqual({ sql: 'FALSE', params: [] });
    expect(territoryCondition({ level: 'self', subject: 's' }, { precinct: 'p', owner: 'applicant_subject' })).toEqual({ sql: 'applicant_subject = $1', params: ['s'] });
    expect(territoryCondition({ level: 'none', reason: 'x' }, { precinct: 'p' }).sql).toBe('FALSE');
    expect(() => territoryCondition(region, { precinct: 'p; DROP TABLE x' })).toThrow('unsafe column');
  });

  it('matches rows coded with a territory of any level inside the district or region', () => {
    // What PostgreSQL's starts_with(code || '-', prefix) does with the condition's parameter.
    const matches = (jurisdiction: typeof district, code: string) => {
      const { sql, params } = territoryCondition(jurisdiction, { precinct: 'code' });
      expect(sql).toBe("starts_with(code || '-', $1)");
      return `${code}-`.startsWith(String(params[0]));
    };
    expect(['AST-ESL', 'AST-ESL-01', 'AST-ESL-101', 'AST-ESLX', 'AST-ESLX-01', 'AST', 'AST-NUR'].filter((code) => matches(district, code))).toEqual(['AST-ESL', 'AST-ESL-01', 'AST-ESL-101']);
    expect(['AST', 'AST-ESL', 'AST-ESL-01', 'ASTX', 'ALA-MED-01'].filter((code) => matches(region, code))).toEqual(['AST', 'AST-ESL', 'AST-ESL-01']);
  });

  it('describes itself for logs', () => {
    expect(describeJurisdiction(district)).toBe('district AST-ESL');
  });
});

describe('concernsTerritory', () => {
  const inspector = jurisdictionOf(['district_inspector'], { precinct_code: 'AST-ESL-01' });
  const partner = jurisdictionOf(['partner'], { region_code: 'AST', partner_org_id: 'ast-akimat' });
  it('holds both ways along the territory tree, and for the republic', () => {
    expect(concernsTerritory(inspector, 'AST')).toBe(true);
    expect(concernsTerritory(inspector, 'AST-ESL')).toBe(true);
    expect(concernsTerritory(inspector, 'AST-ESL-01')).toBe(true);
    expect(concernsTerritory(inspector, 'AST-ESL-02')).toBe(false);
    expect(concernsTerritory(inspector, 'KAZ')).toBe(true);
    expect(concernsTerritory(partner, 'AST-ESL')).toBe(true);
    expect(concernsTerritory(partner, 'ALA')).toBe(false);
    expect(concernsTerritory(jurisdictionOf(['ministry_hq'], {}), 'ALA-ALM')).toBe(true);
    expect(concernsTerritory(jurisdictionOf(['citizen'], { sub: 'x' }), 'AST')).toBe(false);
  });
});

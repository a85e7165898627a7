/**
 * The data scope of a caller, built from the token's realm roles and scope attributes
 * (`region_code`, `district_code`, `precinct_code`, `partner_org_id`). Territory codes nest:
 * precinct `AST-ESL-01` lies in district `AST-ESL`, which lies in region `AST`.
 *
 * Deny by default: a token whose attributes are missing or contradict each other gets `none`, and
 * only the national roles see everything without a territory attribute.
 */
import { DISTRICT_CODE_PATTERN, PARTNER_ORG_ID_PATTERN, PRECINCT_CODE_PATTERN, REGION_CODE_PATTERN } from '@seriktes/contracts';
import { Role } from './roles';

export type Jurisdiction =
  | { level: 'national' }
  | { level: 'region'; regionCode: string }
  | { level: 'district'; regionCode: string; districtCode: string }
  | { level: 'precinct'; regionCode: string; districtCode: string; precinctCode: string }
  /**
   * A partner organisation (akimat, school, NGO), or a commission member who sits for one: its own
   * records and aggregates of its region only.
   */
  | { level: 'partner'; partnerOrgId: string; regionCode: string }
  /** A citizen: their own records only. */
  | { level: 'self'; subject: string }
  | { level: 'none'; reason: string };

export interface ScopeClaims {
  sub?: string;
  region_code?: unknown;
  district_code?: unknown;
  precinct_code?: unknown;
  partner_org_id?: unknown;
}

const REGION = new RegExp(REGION_CODE_PATTERN);
const DISTRICT = new RegExp(DISTRICT_CODE_PATTERN);
const PRECINCT = new RegExp(PRECINCT_CODE_PATTERN);
const PARTNER_ORG = new RegExp(PARTNER_ORG_ID_PATTERN);

/** Roles whose holders see the whole country when their token carries no territory. */
const NATIONAL_ROLES: readonly string[] = [Role.ministryHq, Role.platformAdmin, Role.prosecutorOversight, Role.platformService];

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.length > 0 ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : undefined;

export function jurisdictionOf(roles: readonly string[], claims: ScopeClaims): Jurisdiction {
  const region = text(claims.region_code);
  const district = text(claims.district_code);
  const precinct = text(claims.precinct_code);
  const partnerOrg = text(claims.partner_org_id);

  if (region !== undefined && !REGION.test(region)) return { level: 'none', reason: `malformed region_code "${region}"` };
  if (district !== undefined && !DISTRICT.test(district)) return { level: 'none', reason: `malformed district_code "${district}"` };
  if (precinct !== undefined && !PRECINCT.test(precinct)) return { level: 'none', reason: `malformed precinct_code "${precinct}"` };
  if (district && region && !district.startsWith(`${region}-`)) return { level: 'none', reason: `district ${district} is not in region ${region}` };
  if (precinct && district && !precinct.startsWith(`${district}-`)) return { level: 'none', reason: `precinct ${precinct} is not in district ${district}` };
  if (precinct && region && !precinct.startsWith(`${region}-`)) return { level: 'none', reason: `precinct ${precinct} is not in region ${region}` };

  // A commission member who represents an organisation (partner_org_id) sees what that organisation does.
  const representsOrg = roles.includes(Role.commissionMember) && partnerOrg !== undefined && PARTNER_ORG.test(partnerOrg);
  if (roles.includes(Role.partner) || representsOrg) {
    if (!partnerOrg || !PARTNER_ORG.test(partnerOrg)) return { level: 'none', reason: 'partner without a valid partner_org_id' };
    const partnerRegion = region ?? (district ?? precinct)?.slice(0, 3);
    if (!partnerRegion) return { level: 'none', reason: 'partner without a region_code' };
    return { level: 'partner', partnerOrgId: partnerOrg, regionCode: partnerRegion };
  }
  if (precinct) {
    return { level: 'precinct', regionCode: precinct.slice(0, 3), districtCode: precinct.slice(0, 7), precinctCode: precinct };
  }
  if (district) return { level: 'district', regionCode: district.slice(0, 3), districtCode: district };
  if (region) return { level: 'region', regionCode: region };
  if (roles.some((role) => NATIONAL_ROLES.includes(role))) return { level: 'national' };
  if (roles.includes(Role.citizen) && claims.sub) return { level: 'self', subject: claims.sub };
  return { level: 'none', reason: 'no territory attribute and no national role' };
}

/** The territory a jurisdiction reaches, as a precinct-code prefix (`''` = all), or null for none. */
export function territoryPrefix(jurisdiction: Jurisdiction): string | null {
  switch (jurisdiction.level) {
    case 'national':
      return '';
    case 'region':
    case 'partner':
      return `${jurisdiction.regionCode}-`;
    case 'district':
      return `${jurisdiction.districtCode}-`;
    case 'precinct':
      return jurisdiction.precinctCode;
    default:
      return null;
  }
}

/** Whether the caller's territory contains the precinct (citizens and `none` never). */
export function coversPrecinct(jurisdiction: Jurisdiction, precinctCode: string): boolean {
  const prefix = territoryPrefix(jurisdiction);
  if (prefix === null) return false;
  if (jurisdiction.level === 'precinct') return precinctCode === prefix;
  return precinctCode.startsWith(prefix);
}

/** Whether the caller's territory contains the whole region, district or precinct `code`. */
export function coversTerritory(jurisdiction: Jurisdiction, code: string): boolean {
  const prefix = territoryPrefix(jurisdiction);
  if (prefix === null) return false;
  if (prefix === '') return true;
  if (jurisdiction.level === 'precinct') return code === prefix;
  return `${code}-`.startsWith(prefix) || code.startsWith(prefix);
}

/**
 * Whether a territory concerns the caller, in either direction: it lies inside the caller's
 * territory, or the caller's lies inside it (a region-wide decision concerns a precinct inspector
 * too). `KAZ` stands for the whole republic. Citizens and `none` are concerned by nothing.
 */
export function concernsTerritory(jurisdiction: Jurisdiction, code: string): boolean {
  const own =
    jurisdiction.level === 'national'
      ? 'KAZ'
      : jurisdiction.level === 'region' || jurisdiction.level === 'partner'
        ? jurisdiction.regionCode
        : jurisdiction.level === 'district'
          ? jurisdiction.districtCode
          : jurisdiction.level === 'precinct'
            ? jurisdiction.precinctCode
            : null;
  if (own === null) return false;
  if (own === 'KAZ' || code === 'KAZ') return true;
  return own === code || own.startsWith(`${code}-`) || code.startsWith(`${own}-`);
}

export interface SqlCondition {
  /** A boolean SQL expression with `$n` placeholders numbered after the caller's own. */
  sql: string;
  params: unknown[];
}

export interface TerritoryColumns {
  /** Column holding the precinct code (required: the finest level); a district or region code matches too. */
  precinct: string;
  /** Column holding the region code, used instead of a prefix match where the table has one. */
  region?: string;
  /** Column holding the owner's subject (`sub`), for citizens' own records. */
  owner?: string;
}

const quoteColumn = (column: string) => {
  if (!/^([a-z_][a-z0-9_]*\.)?"?[a-z_][a-z0-9_]*"?$/i.test(column)) throw new Error(`unsafe column reference ${column}`);
  return column;
};

/**
 * The SQL condition that restricts rows to the caller's jurisdiction, so a service filters in the
 * query itself (never after loading). `firstParam` is the number of the first placeholder to use.
 */
export function territoryCondition(jurisdiction: Jurisdiction, columns: TerritoryColumns, firstParam = 1): SqlCondition {
  const precinct = quoteColumn(columns.precinct);
  const p = `$${firstParam}`;
  switch (jurisdiction.level) {
    case 'national':
      return { sql: 'TRUE', params: [] };
    case 'region':
    case 'partner':
      return columns.region
        ? { sql: `${quoteColumn(columns.region)} = ${p}`, params: [jurisdiction.regionCode] }
        : { sql: `starts_with(${precinct} || '-', ${p})`, params: [`${jurisdiction.regionCode}-`] };
    case 'district':
      // `|| '-'`: a row coded with the district itself (`AST-ESL`) matches, as its precincts do.
      return { sql: `starts_with(${precinct} || '-', ${p})`, params: [`${jurisdiction.districtCode}-`] };
    case 'precinct':
      return { sql: `${precinct} = ${p}`, params: [jurisdiction.precinctCode] };
    case 'self':
      return columns.owner ? { sql: `${quoteColumn(columns.owner)} = ${p}`, params: [jurisdiction.subject] } : { sql: 'FALSE', params: [] };
    default:
      return { sql: 'FALSE', params: [] };
  }
}

/** A short human description, for logs and error messages. */
export function describeJurisdiction(jurisdiction: Jurisdiction): string {
  switch (jurisdiction.level) {
    case 'national':
      return 'national';
    case 'region':
      return `region ${jurisdiction.regionCode}`;
    case 'district':
      return `district ${jurisdiction.districtCode}`;
    case 'precinct':
      return `precinct ${jurisdiction.precinctCode}`;
    case 'partner':
      return `partner ${jurisdiction.partnerOrgId} (region ${jurisdiction.regionCode})`;
    case 'self':
      return 'own records';
    default:
      return `none (${jurisdiction.reason})`;
  }
}

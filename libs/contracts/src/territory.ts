/**
 * Territory codes (domain.md section 2): region `AST`, district `AST-ESL`, precinct `AST-ESL-01`.
 * One definition for events, inputs, token attributes (the realm's user profile) and jurisdiction.
 */
export const REGION_CODE_PATTERN = '^[A-Z]{3}$';
export const DISTRICT_CODE_PATTERN = '^[A-Z]{3}-[A-Z]{3}$';
export const PRECINCT_CODE_PATTERN = '^[A-Z]{3}-[A-Z]{3}-[0-9]{2,3}$';
export const PARTNER_ORG_ID_PATTERN = '^[a-z0-9-]{2,64}$';

export interface PrecinctCode {
  /** The precinct code itself, e.g. `AST-ESL-01`. */
  id: string;
  regionCode: string;
  districtCode: string;
  number: number;
}

const PRECINCT = new RegExp(PRECINCT_CODE_PATTERN);

/** Splits a precinct code into its territory levels; undefined if it is not a precinct code. */
export function parsePrecinctCode(code: string): PrecinctCode | undefined {
  if (!PRECINCT.test(code)) return undefined;
  const [region, district, number] = code.split('-');
  return { id: code, regionCode: region, districtCode: `${region}-${district}`, number: Number(number) };
}

/** Any territory level: a region, a district or a precinct code. */
export const TERRITORY_CODE_PATTERN = '^[A-Z]{3}(-[A-Z]{3}(-[0-9]{2,3})?)?$';

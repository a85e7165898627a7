/**
 * Shapes of the deterministic demo territory (domain.md sections 2 and 4).
 * The GeoJSON types are local on purpose: structurally identical to the shared GeoJSON types,
 * so values pass between them without conversion.
 */

/** A GeoJSON position: `[longitude, latitude]` in degrees (WGS 84). */
export type Position = [number, number];

/** A GeoJSON polygon: the outer ring first (closed: first position equals the last). */
export interface Polygon {
  type: 'Polygon';
  coordinates: Position[][];
}

/** A name in Kazakh, Russian and English. */
export interface LocalizedName {
  kk: string;
  ru: string;
  en: string;
}

export type DepartmentKind = 'city' | 'region' | 'transport';

/** One of the 21 Police Departments: the territory it serves, its own name and its seat. */
export interface Department {
  /** Region code, `^[A-Z]{3}$`, e.g. `AST`. */
  code: string;
  kind: DepartmentKind;
  /** The territory, e.g. kk «Астана қаласы», ru «город Астана», en «Astana city». */
  name: LocalizedName;
  /** The Police Department itself, e.g. en «Police Department of Astana». */
  department: LocalizedName;
  seat: { name: LocalizedName; lon: number; lat: number };
}

export type DistrictKind = 'city_district' | 'city' | 'rural_district' | 'transport_line';

/** A city, district or district-in-city police body's territory. */
export interface District {
  /** `^[A-Z]{3}-[A-Z]{3}$`, e.g. `AST-ESL`. */
  code: string;
  regionCode: string;
  kind: DistrictKind;
  name: LocalizedName;
  /** Approximate outline: a rectilinear polygon (a union of axis-aligned rectangles). */
  outline: Polygon;
  /** Approximate residents. */
  population: number;
}

/** An axis-aligned rectangle in degrees; district outlines are unions of such blocks. */
export interface Block {
  west: number;
  south: number;
  east: number;
  north: number;
}

export type SettlementType = 'urban' | 'rural';

/** The precinct police point (УПП) with its reception schedule. */
export interface PrecinctPoint {
  /** Kazakh street address, e.g. `Қабанбай батыр даңғылы, 12`. */
  address: string;
  lon: number;
  lat: number;
  /** e.g. `Mon–Fri 09:00–18:00, Sat 09:00–13:00`. */
  receptionHours: string;
}

export interface DemoPrecinct {
  /** `^[A-Z]{3}-[A-Z]{3}-[0-9]{2,3}$`, e.g. `AST-ESL-01`. */
  code: string;
  regionCode: string;
  districtCode: string;
  number: number;
  name: LocalizedName;
  /** Closed, counter-clockwise ring; neighbouring precincts share bit-identical vertices. */
  boundary: Polygon;
  /** Area in square kilometres (approximate: equirectangular at the precinct's latitude). */
  areaKm2: number;
  /** Residents (integer). */
  population: number;
  settlementType: SettlementType;
  point: PrecinctPoint;
}

export type Gender = 'male' | 'female';

export type RankCode = 'police_lieutenant' | 'police_senior_lieutenant' | 'police_captain' | 'police_major';

export type PositionCode = 'district_inspector' | 'senior_district_inspector' | 'juvenile_inspector' | 'assistant';

export interface DemoInspector {
  /** Unique, `^[0-9A-Z]{6,12}$`: the region code and six digits, e.g. `AST104233`. */
  personalNumber: string;
  lastName: string;
  firstName: string;
  patronymic: string;
  gender: Gender;
  rank: RankCode;
  position: PositionCode;
  /** The district (unit) code, e.g. `AST-ESL`. */
  unitCode: string;
  /** The precinct the inspector is assigned to; null for juvenile inspectors and free assistants. */
  precinctCode: string | null;
  /** Vacant precincts this inspector covers in addition, as acting inspector (usually empty). */
  actingPrecinctCodes: string[];
  /** ISO date (YYYY-MM-DD) of the current assignment. */
  assignedFrom: string;
  /** `+77xxxxxxxxx`. */
  phone: string;
  /** Login name of the demo identity provider; only the two demo inspectors have one. */
  username: string | null;
  /** ISO date (YYYY-MM-DD) the inspector joined the police. */
  serviceStart: string;
}

export interface DemoTerritory {
  departments: readonly Department[];
  districts: readonly District[];
  precincts: DemoPrecinct[];
  inspectors: DemoInspector[];
}

export interface SeedOptions {
  /** PRNG seed (any integer; taken modulo 2^32). Defaults to `DEFAULT_SEED`. */
  seed?: number;
}

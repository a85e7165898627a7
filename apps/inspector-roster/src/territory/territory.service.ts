import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { territoryCondition, type AuthenticatedUser } from '@seriktes/auth';
import { decodeCursor } from '@seriktes/graphql';
import { localDateOf as kzLocalDate } from '../duty/rules/time';
import type { Boundary } from './geometry';
import { choosePrecinct, DEFAULT_NEAR_METRES, type MatchKind } from './lookup';

export interface Names {
  kk: string;
  ru: string;
  en: string;
}

export interface RegionRow {
  code: string;
  kind: 'city' | 'region' | 'transport';
  name: Names;
  department: Names;
  seat: { lon: number; lat: number } | null;
}

export interface DistrictRow {
  code: string;
  regionCode: string;
  kind: 'city' | 'city_district' | 'rural_district' | 'transport_line';
  name: Names;
  reportIntervalMonths: number;
}

export interface PrecinctPoint {
  address: string | null;
  lon: number;
  lat: number;
  receptionHours: string | null;
}

export interface PrecinctRow {
  code: string;
  districtCode: string;
  regionCode: string;
  number: number;
  name: Names;
  boundary: Boundary;
  population: number;
  areaKm2: number;
  settlementType: 'urban' | 'rural';
  point: PrecinctPoint | null;
}

export interface PrecinctLocation {
  precinct: PrecinctRow;
  match: MatchKind;
  distanceMetres: number;
}

export interface PrecinctFilter {
  regionCode?: string;
  districtCode?: string;
  settlementType?: 'urban' | 'rural';
  /** Only precincts with no current holder of the inspector post. */
  vacant?: boolean;
}

/** Columns of a precinct row, with `p` as the precinct table's alias. */
export const PRECINCT_COLUMNS = `p.code, p.district_code, p.region_code, p.number, p.name_kk, p.name_ru, p.name_en, p.boundary, p.population,
  p.area_km2, p.settlement_type, p.point_address, p.point_lon, p.point_lat, p.reception_hours`;

interface PrecinctRecord {
  code: string;
  district_code: string;
  region_code: string;
  number: number;
  name_kk: string;
  name_ru: string;
  name_en: string;
  boundary: Boundary;
  population: number;
  area_km2: number;
  settlement_type: 'urban' | 'rural';
  point_address: string | null;
  point_lon: number | null;
  point_lat: number | null;
  reception_hours: string | null;
}

export const toPrecinctRow = (r: PrecinctRecord): PrecinctRow => ({
  code: r.code,
  districtCode: r.district_code,
  regionCode: r.region_code,
  number: r.number,
  name: { kk: r.name_kk, ru: r.name_ru, en: r.name_en },
  boundary: r.boundary,
  population: r.population,
  areaKm2: r.area_km2,
  settlementType: r.settlement_type,
  point: r.point_lon === null || r.point_lat === null ? null : { address: r.point_address, lon: r.point_lon, lat: r.point_lat, receptionHours: r.reception_hours },
});

/** Metres per degree of latitude (and of longitude at the equator), on the mean-radius sphere. */
const METRES_PER_DEGREE = 111_195;
/** Added to the search box on every side, beyond PostgreSQL's 1e-6 geometric tolerance. */
const BOX_MARGIN_DEGREES = 1e-5;

/** The box (west, south, east, north in degrees) holding every point within `nearMetres` of (lat, lon). */
export function searchBox(lat: number, lon: number, nearMetres: number): [number, number, number, number] {
  const dLat = nearMetres / METRES_PER_DEGREE + BOX_MARGIN_DEGREES;
  const dLon = nearMetres / (METRES_PER_DEGREE * Math.max(Math.cos((lat * Math.PI) / 180), 0.01)) + BOX_MARGIN_DEGREES;
  return [lon - dLon, lat - dLat, lon + dLon, lat + dLat];
}

/** The territory: regions, districts and precincts, and which precinct a point lies in. */
@Injectable()
export class TerritoryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The manager for read helpers shared with other features. */
  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  /**
   * The precinct containing the point (lat, lon): the GiST index on the precincts' outer rings
   * gives every ring overlapping a box of `nearMetres` around the point (`&&`), then
   * `choosePrecinct` tests them exactly, holes included. Null when the point is farther than
   * `nearMetres` from every precinct. (Not a nearest-first `<->` scan: PostgreSQL's fuzzy polygon
   * distance makes that fail with "index returned tuples in wrong order" for points within 1e-6°
   * of an axis-parallel edge; see the decision note.)
   */
  async locate(lat: number, lon: number, nearMetres = DEFAULT_NEAR_METRES): Promise<PrecinctLocation | null> {
    const rows = (await this.dataSource.query(
      `SELECT ${PRECINCT_COLUMNS}
         FROM inspector_roster.precinct p
        WHERE p.code IN (SELECT s.precinct_code FROM inspector_roster.precinct_shape s WHERE s.shape && polygon(box(point($1, $2), point($3, $4))))`,
      searchBox(lat, lon, nearMetres),
    )) as PrecinctRecord[];
    const precincts = rows.map(toPrecinctRow);
    const match = choosePrecinct(precincts, lon, lat, nearMetres);
    if (!match) return null;
    const precinct = precincts.find((p) => p.code === match.code) as PrecinctRow;
    return { precinct, match: match.match, distanceMetres: match.distanceMetres };
  }

  async precinct(code: string): Promise<PrecinctRow | undefined> {
    return (await this.precincts([code]))[0];
  }

  /** Precincts by code, in the order asked (missing codes are skipped). */
  async precincts(codes: readonly string[]): Promise<PrecinctRow[]> {
    if (!codes.length) return [];
    const rows = (await this.dataSource.query(`SELECT ${PRECINCT_COLUMNS} FROM inspector_roster.precinct p WHERE p.code = ANY($1)`, [codes])) as PrecinctRecord[];
    const byCode = new Map(rows.map((r) => [r.code, toPrecinctRow(r)]));
    return codes.map((code) => byCode.get(code)).filter((p): p is PrecinctRow => p !== undefined);
  }

  /**
   * A page of precincts by code, restricted in the query to the caller's jurisdiction (HQ sees all,
   * a department head their region, a unit head their district, an inspector their precinct).
   */
  async list(user: AuthenticatedUser, filter: PrecinctFilter, page: { size: number; after?: string }): Promise<{ rows: PrecinctRow[]; totalCount: number }> {
    const scope = territoryCondition(user.jurisdiction, { precinct: 'p.code', region: 'p.region_code' });
    const params: unknown[] = [...scope.params];
    const conditions = [scope.sql];
    const add = (sql: (n: string) => string, value: unknown) => {
      params.push(value);
      conditions.push(sql(`$${params.length}`));
    };
    if (filter.regionCode) add((n) => `p.region_code = ${n}`, filter.regionCode);
    if (filter.districtCode) add((n) => `p.district_code = ${n}`, filter.districtCode);
    if (filter.settlementType) add((n) => `p.settlement_type = ${n}`, filter.settlementType);
    if (filter.vacant !== undefined) {
      add(
        (n) => `${filter.vacant ? 'NOT ' : ''}EXISTS (SELECT 1 FROM inspector_roster.assignment a WHERE a.precinct_code = p.code
          AND a.position IN ('district_inspector','senior_district_inspector') AND a.valid_from <= ${n}::date AND (a.valid_to IS NULL OR a.valid_to >= ${n}::date))`,
        kzLocalDate(new Date()),
      );
    }
    const countParams = [...params];
    const counted = [...conditions];
    if (page.after) {
      const [code] = decodeCursor(page.after, 1);
      add((n) => `p.code > ${n}`, String(code));
    }
    params.push(page.size + 1);
    const rows = (await this.dataSource.query(
      `SELECT ${PRECINCT_COLUMNS} FROM inspector_roster.precinct p WHERE ${conditions.join(' AND ')} ORDER BY p.code LIMIT $${params.length}`,
      params,
    )) as PrecinctRecord[];
    const [{ n }] = (await this.dataSource.query(`SELECT count(*)::int AS n FROM inspector_roster.precinct p WHERE ${counted.join(' AND ')}`, countParams)) as Array<{ n: number }>;
    return { rows: rows.map(toPrecinctRow), totalCount: n };
  }

  /** Precincts that share at least a boundary point with this one (queen contiguity), by code. */
  async neighbours(code: string): Promise<PrecinctRow[]> {
    const rows = (await this.dataSource.query(
      `SELECT ${PRECINCT_COLUMNS} FROM inspector_roster.precinct p
        WHERE p.code IN (
          SELECT DISTINCT b.precinct_code FROM inspector_roster.precinct_shape a
            JOIN inspector_roster.precinct_shape b ON b.shape && a.shape AND b.precinct_code <> a.precinct_code
           WHERE a.precinct_code = $1)
        ORDER BY p.code`,
      [code],
    )) as PrecinctRecord[];
    return rows.map(toPrecinctRow);
  }

  async regions(): Promise<RegionRow[]> {
    const rows = (await this.dataSource.query(`SELECT * FROM inspector_roster.region ORDER BY code`)) as RegionRecord[];
    return rows.map(toRegionRow);
  }

  async region(code: string): Promise<RegionRow | undefined> {
    const rows = (await this.dataSource.query(`SELECT * FROM inspector_roster.region WHERE code = $1`, [code])) as RegionRecord[];
    return rows.map(toRegionRow)[0];
  }

  /** A district or region that a stored row refers to (foreign keys guarantee it exists). */
  async districtOf(code: string): Promise<DistrictRow> {
    const found = await this.district(code);
    if (!found) throw new Error(`district ${code} is missing`);
    return found;
  }

  async regionOf(code: string): Promise<RegionRow> {
    const found = await this.region(code);
    if (!found) throw new Error(`region ${code} is missing`);
    return found;
  }

  async districts(regionCode?: string): Promise<DistrictRow[]> {
    const rows = (await this.dataSource.query(
      `SELECT * FROM inspector_roster.district WHERE $1::text IS NULL OR region_code = $1 ORDER BY code`,
      [regionCode ?? null],
    )) as DistrictRecord[];
    return rows.map(toDistrictRow);
  }

  async district(code: string): Promise<DistrictRow | undefined> {
    const rows = (await this.dataSource.query(`SELECT * FROM inspector_roster.district WHERE code = $1`, [code])) as DistrictRecord[];
    return rows.map(toDistrictRow)[0];
  }

  /** Residents, precincts and area of a district or region (`code` is either). */
  async totals(code: string): Promise<{ precincts: number; population: number; areaKm2: number }> {
    const column = code.length === 3 ? 'region_code' : 'district_code';
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS precincts, coalesce(sum(population), 0)::int AS population, coalesce(sum(area_km2), 0)::float8 AS area
         FROM inspector_roster.precinct WHERE ${column} = $1`,
      [code],
    )) as Array<{ precincts: number; population: number; area: number }>;
    return { precincts: row.precincts, population: row.population, areaKm2: row.area };
  }
}

interface RegionRecord {
  code: string;
  kind: RegionRow['kind'];
  name_kk: string;
  name_ru: string;
  name_en: string;
  department_kk: string;
  department_ru: string;
  department_en: string;
  seat_lon: number | null;
  seat_lat: number | null;
}

const toRegionRow = (r: RegionRecord): RegionRow => ({
  code: r.code,
  kind: r.kind,
  name: { kk: r.name_kk, ru: r.name_ru, en: r.name_en },
  department: { kk: r.department_kk, ru: r.department_ru, en: r.department_en },
  seat: r.seat_lon === null || r.seat_lat === null ? null : { lon: r.seat_lon, lat: r.seat_lat },
});

interface DistrictRecord {
  code: string;
  region_code: string;
  kind: DistrictRow['kind'];
  name_kk: string;
  name_ru: string;
  name_en: string;
  report_interval_months: number;
}

const toDistrictRow = (r: DistrictRecord): DistrictRow => ({
  code: r.code,
  regionCode: r.region_code,
  kind: r.kind,
  name: { kk: r.name_kk, ru: r.name_ru, en: r.name_en },
  reportIntervalMonths: r.report_interval_months,
});

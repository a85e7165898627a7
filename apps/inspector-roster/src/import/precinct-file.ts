/**
 * Import of precinct boundaries from a GeoJSON FeatureCollection. Every bad feature is reported with
 * the line where it starts in the file, its index in `features` and the property at fault, so the
 * file can be fixed in an editor; only features without any error become rows.
 */
import { parsePrecinctCode, PRECINCT_CODE_PATTERN } from '@seriktes/contracts';
import {
  areaKm2,
  bbox,
  distanceMetres,
  interiorsOverlap,
  validateBoundary,
  type BBox,
  type Boundary,
} from '../territory/geometry';

export interface PrecinctImportRow {
  /** Line where the feature starts in the file. */
  line: number;
  /** Index of the feature in `features`. */
  index: number;
  code: string;
  districtCode: string;
  number: number;
  name: { kk: string; ru: string; en: string };
  population: number;
  settlementType: 'urban' | 'rural';
  boundary: Boundary;
  /** The `area_km2` property when given, otherwise computed from the boundary. */
  areaKm2: number;
  /** The reception point, when it has coordinates. */
  point: { address: string | null; lon: number; lat: number; receptionHours: string | null } | null;
}

export interface ImportError {
  line: number;
  /** Index of the feature (precinct files only). */
  index?: number;
  /** The property or column at fault. */
  key?: string;
  reason: string;
}

export interface PrecinctFileOptions {
  /** District codes that exist; a precinct of any other district is an error. */
  knownDistricts?: ReadonlySet<string>;
}

const PRECINCT_CODE = new RegExp(PRECINCT_CODE_PATTERN);
const MAX_NAME_LENGTH = 200;
const MAX_TEXT_LENGTH = 500;
const MAX_POPULATION = 200_000;
/** How far (metres) the reception point may lie outside its precinct. */
const MAX_POINT_DISTANCE_M = 2_000;

// ---------------------------------------------------------------------------------------------
// Locating features in the text
// ---------------------------------------------------------------------------------------------

/** Converts character offsets to 1-based line numbers. */
class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) this.starts.push(i + 1);
    }
  }

  /** Line of the character at offset. */
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
}

/**
 * A minimal scanner over text already known to be valid JSON: finds where each element of the
 * top-level object's `features` array starts (the last `features` key wins, as in JSON.parse).
 */
class FeatureScanner {
  private position = 0;

  constructor(private readonly text: string) {}

  /** Start offsets of the elements of the top-level `features` array; undefined if there is none. */
  featureOffsets(): number[] | undefined {
    this.skipWhitespace();
    if (this.text[this.position] !== '{') return undefined;
    this.position++;
    let offsets: number[] | undefined;
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.position] === '}') return offsets;
      const keyStart = this.position;
      this.skipString();
      const key: unknown = JSON.parse(this.text.slice(keyStart, this.position));
      this.skipWhitespace();
      this.position++; // ':'
      this.skipWhitespace();
      if (key === 'features')
        offsets = this.text[this.position] === '[' ? this.arrayElementOffsets() : undefined;
      else this.skipValue();
      this.skipWhitespace();
      if (this.text[this.position] === ',') this.position++;
    }
  }

  /** Offsets of the elements of the array at the current position; leaves the position after it. */
  private arrayElementOffsets(): number[] {
    const offsets: number[] = [];
    this.position++; // '['
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.position] === ']') {
        this.position++;
        return offsets;
      }
      offsets.push(this.position);
      this.skipValue();
      this.skipWhitespace();
      if (this.text[this.position] === ',') this.position++;
    }
  }

  private skipWhitespace(): void {
    while (/\s/.test(this.text[this.position] ?? '')) this.position++;
  }

  /** Skips the string at the current position (its opening quote). */
  private skipString(): void {
    this.position++;
    while (this.text[this.position] !== '"') this.position += this.text[this.position] === '\\' ? 2 : 1;
    this.position++;
  }

  /** Skips any JSON value; nested objects and arrays by bracket depth. */
  private skipValue(): void {
    const c = this.text[this.position];
    if (c === '"') return this.skipString();
    if (c !== '{' && c !== '[') {
      while (this.position < this.text.length && !/[\s,\]}]/.test(this.text[this.position])) this.position++;
      return;
    }
    let depth = 0;
    do {
      const d = this.text[this.position];
      if (d === '"') {
        this.skipString();
        continue;
      }
      if (d === '{' || d === '[') depth++;
      else if (d === '}' || d === ']') depth--;
      this.position++;
    } while (depth > 0);
  }
}

/** The line a JSON.parse error points at, when its message says (V8: "position N" / "line N"). */
function jsonErrorLine(error: unknown, lines: LineIndex): number {
  const message = error instanceof Error ? error.message : '';
  const line = /\bline (\d+)/.exec(message);
  if (line) return Number(line[1]);
  const position = /\bposition (\d+)/.exec(message);
  return position ? lines.lineOf(Number(position[1])) : 1;
}

// ---------------------------------------------------------------------------------------------
// One feature
// ---------------------------------------------------------------------------------------------

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reading of one feature: the row when valid, and errors (without line and index). */
interface FeatureCheck {
  row?: Omit<PrecinctImportRow, 'line' | 'index'>;
  errors: Array<{ key?: string; reason: string }>;
}

/** A required, trimmed, non-empty name of at most 200 characters. */
function readName(properties: Record<string, unknown>, key: string, errors: FeatureCheck['errors']): string {
  const value = properties[key];
  if (typeof value !== 'string' || value.trim() === '') {
    errors.push({ key, reason: `${key} is required (a non-empty string)` });
    return '';
  }
  const name = value.trim();
  if (name.length > MAX_NAME_LENGTH)
    errors.push({ key, reason: `${key} is longer than ${MAX_NAME_LENGTH} characters` });
  return name;
}

/** An optional text property: null when absent or blank. */
function readOptionalText(
  properties: Record<string, unknown>,
  key: string,
  errors: FeatureCheck['errors'],
): string | null {
  const value = properties[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') {
    errors.push({ key, reason: `${key} must be a string` });
    return null;
  }
  const text = value.trim();
  if (text.length > MAX_TEXT_LENGTH)
    errors.push({ key, reason: `${key} is longer than ${MAX_TEXT_LENGTH} characters` });
  return text === '' ? null : text;
}

/** An optional coordinate (number or numeric string) within [-limit, limit]; undefined when absent. */
function readCoordinate(
  properties: Record<string, unknown>,
  key: string,
  limit: number,
  errors: FeatureCheck['errors'],
): number | undefined {
  const value = properties[key];
  if (value === undefined || value === null || value === '') return undefined;
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && value.trim() !== ''
        ? Number(value)
        : NaN;
  if (!Number.isFinite(n) || Math.abs(n) > limit) {
    errors.push({ key, reason: `${key} must be a number between -${limit} and ${limit}` });
    return undefined;
  }
  return n;
}

/** The reception point: both coordinates or neither, within 2 km of the boundary. */
function readPoint(
  properties: Record<string, unknown>,
  boundary: Boundary | undefined,
  errors: FeatureCheck['errors'],
): PrecinctImportRow['point'] {
  const count = errors.length;
  const address = readOptionalText(properties, 'point_address', errors);
  const receptionHours = readOptionalText(properties, 'reception_hours', errors);
  const lat = readCoordinate(properties, 'point_lat', 90, errors);
  const lon = readCoordinate(properties, 'point_lon', 180, errors);
  if (errors.length > count) return null;
  if (lat === undefined && lon === undefined) {
    if (address !== null || receptionHours !== null) {
      errors.push({
        key: 'point_lat',
        reason: 'point_lat and point_lon are required when point_address or reception_hours is given',
      });
    }
    return null;
  }
  if (lat === undefined || lon === undefined) {
    const missing = lat === undefined ? 'point_lat' : 'point_lon';
    errors.push({
      key: missing,
      reason: `${missing} is missing: give both point_lat and point_lon, or neither`,
    });
    return null;
  }
  if (boundary) {
    const distance = distanceMetres(boundary, lon, lat);
    if (distance > MAX_POINT_DISTANCE_M) {
      errors.push({
        key: 'point_lat',
        reason: `the reception point lies ${(distance / 1000).toFixed(1)} km outside the precinct (at most 2 km allowed)`,
      });
    }
  }
  return { address, lon, lat, receptionHours };
}

/** Validates one feature on its own (no cross-feature checks). */
function checkFeature(feature: unknown, knownDistricts: ReadonlySet<string> | undefined): FeatureCheck {
  const errors: FeatureCheck['errors'] = [];
  if (!isRecord(feature) || feature.type !== 'Feature')
    return { errors: [{ reason: 'not a GeoJSON Feature (an object with "type": "Feature")' }] };
  if (!isRecord(feature.properties))
    return { errors: [{ key: 'properties', reason: 'properties must be an object' }] };
  const properties = feature.properties;

  const geometry = validateBoundary(feature.geometry);
  if (!geometry.ok)
    errors.push(...geometry.errors.map((reason) => ({ key: 'geometry', reason: `geometry: ${reason}` })));
  const boundary = geometry.ok ? geometry.boundary : undefined;

  const rawCode = properties.code;
  const precinct = typeof rawCode === 'string' ? parsePrecinctCode(rawCode.trim()) : undefined;
  if (!precinct) {
    errors.push({
      key: 'code',
      reason: `code must match ${PRECINCT_CODE.source} (e.g. AST-ESL-01), got ${JSON.stringify(rawCode) ?? 'nothing'}`,
    });
  } else if (knownDistricts && !knownDistricts.has(precinct.districtCode)) {
    errors.push({
      key: 'code',
      reason: `code ${precinct.id}: district ${precinct.districtCode} is not known`,
    });
  }

  const name = {
    kk: readName(properties, 'name_kk', errors),
    ru: readName(properties, 'name_ru', errors),
    en: readName(properties, 'name_en', errors),
  };

  const population = properties.population;
  if (
    typeof population !== 'number' ||
    !Number.isInteger(population) ||
    population < 0 ||
    population > MAX_POPULATION
  ) {
    errors.push({
      key: 'population',
      reason: `population must be an integer from 0 to ${MAX_POPULATION}, got ${JSON.stringify(population) ?? 'nothing'}`,
    });
  }

  const settlementType = properties.settlement_type ?? 'urban';
  if (settlementType !== 'urban' && settlementType !== 'rural') {
    errors.push({
      key: 'settlement_type',
      reason: `settlement_type must be "urban" or "rural", got ${JSON.stringify(settlementType)}`,
    });
  }

  const givenArea = properties.area_km2;
  if (
    givenArea !== undefined &&
    givenArea !== null &&
    !(typeof givenArea === 'number' && Number.isFinite(givenArea) && givenArea > 0)
  ) {
    errors.push({
      key: 'area_km2',
      reason: `area_km2 must be a positive number, got ${JSON.stringify(givenArea)}`,
    });
  }

  const point = readPoint(properties, boundary, errors);

  if (errors.length > 0 || !boundary || !precinct) return { errors };
  return {
    errors,
    row: {
      code: precinct.id,
      districtCode: precinct.districtCode,
      number: precinct.number,
      name,
      population: population as number,
      settlementType: settlementType as 'urban' | 'rural',
      boundary,
      areaKm2: typeof givenArea === 'number' ? givenArea : areaKm2(boundary),
      point,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Cross-feature checks
// ---------------------------------------------------------------------------------------------

/**
 * Pairs of rows whose bounding boxes overlap with positive area, found with a uniform grid whose
 * cells are about the median box size. Each pair is reported once, from the cell holding the
 * lower-left corner of the boxes' intersection.
 */
function overlappingBoxPairs(boxes: readonly BBox[]): Array<[number, number]> {
  if (boxes.length < 2) return [];
  const median = (values: number[]) => values.sort((a, b) => a - b)[values.length >> 1];
  const all = boxes.reduce((acc, b) => ({
    minLon: Math.min(acc.minLon, b.minLon),
    minLat: Math.min(acc.minLat, b.minLat),
    maxLon: Math.max(acc.maxLon, b.maxLon),
    maxLat: Math.max(acc.maxLat, b.maxLat),
  }));
  const width = Math.max(all.maxLon - all.minLon, 1e-9);
  const height = Math.max(all.maxLat - all.minLat, 1e-9);
  const columns = Math.max(
    1,
    Math.min(1024, Math.ceil(width / Math.max(median(boxes.map((b) => b.maxLon - b.minLon)), 1e-9))),
  );
  const rows = Math.max(
    1,
    Math.min(1024, Math.ceil(height / Math.max(median(boxes.map((b) => b.maxLat - b.minLat)), 1e-9))),
  );
  const column = (lon: number) => Math.min(columns - 1, Math.floor(((lon - all.minLon) / width) * columns));
  const row = (lat: number) => Math.min(rows - 1, Math.floor(((lat - all.minLat) / height) * rows));

  const cells = new Map<number, number[]>();
  boxes.forEach((b, i) => {
    for (let c = column(b.minLon); c <= column(b.maxLon); c++) {
      for (let r = row(b.minLat); r <= row(b.maxLat); r++) {
        const key = r * columns + c;
        const members = cells.get(key);
        if (members) members.push(i);
        else cells.set(key, [i]);
      }
    }
  });

  const pairs: Array<[number, number]> = [];
  const eps = 1e-9;
  for (const [key, members] of cells) {
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const a = boxes[members[x]];
        const b = boxes[members[y]];
        const minLon = Math.max(a.minLon, b.minLon);
        const minLat = Math.max(a.minLat, b.minLat);
        if (Math.min(a.maxLon, b.maxLon) - minLon <= eps || Math.min(a.maxLat, b.maxLat) - minLat <= eps)
          continue;
        if (row(minLat) * columns + column(minLon) !== key) continue;
        pairs.push(members[x] < members[y] ? [members[x], members[y]] : [members[y], members[x]]);
      }
    }
  }
  return pairs.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
}

// ---------------------------------------------------------------------------------------------
// The file
// ---------------------------------------------------------------------------------------------

/**
 * Parses a GeoJSON FeatureCollection of precinct boundaries. Whole-file problems (not JSON, not a
 * FeatureCollection) are a single error. Otherwise each feature is checked on its own, then for a
 * code repeated in the file (reported on the later feature) and for a boundary overlapping an
 * earlier valid feature's. Rows are the features without any error, in file order.
 */
export function parsePrecinctFile(
  text: string,
  options: PrecinctFileOptions = {},
): { rows: PrecinctImportRow[]; errors: ImportError[] } {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const lines = new LineIndex(body);
  let document: unknown;
  try {
    document = JSON.parse(body);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      rows: [],
      errors: [{ line: jsonErrorLine(error, lines), reason: `the file is not valid JSON: ${detail}` }],
    };
  }
  if (!isRecord(document) || document.type !== 'FeatureCollection' || !Array.isArray(document.features)) {
    return {
      rows: [],
      errors: [
        {
          line: 1,
          reason:
            'the file is not a GeoJSON FeatureCollection (an object with "type": "FeatureCollection" and a "features" array)',
        },
      ],
    };
  }
  const features: unknown[] = document.features;
  const offsets = new FeatureScanner(body).featureOffsets() ?? [];
  const lineOf = (index: number) => (offsets[index] === undefined ? 1 : lines.lineOf(offsets[index]));

  const errors: ImportError[] = [];
  const candidates: Array<PrecinctImportRow | undefined> = features.map((feature, index) => {
    const line = lineOf(index);
    const check = checkFeature(feature, options.knownDistricts);
    errors.push(...check.errors.map((e) => ({ line, index, ...e })));
    return check.row && { line, index, ...check.row };
  });

  // A repeated code: the first occurrence (valid or not) keeps it.
  const firstByCode = new Map<string, number>();
  features.forEach((feature, index) => {
    const code = isRecord(feature) && isRecord(feature.properties) ? feature.properties.code : undefined;
    if (typeof code !== 'string' || !PRECINCT_CODE.test(code.trim())) return;
    const first = firstByCode.get(code.trim());
    if (first === undefined) {
      firstByCode.set(code.trim(), index);
      return;
    }
    errors.push({
      line: lineOf(index),
      index,
      key: 'code',
      reason: `code ${code.trim()} is repeated: feature ${first} on line ${lineOf(first)} has it already`,
    });
    candidates[index] = undefined;
  });

  // Overlaps among the features valid so far, reported on the later one.
  const valid = candidates.filter((row): row is PrecinctImportRow => row !== undefined);
  const overlapping = new Set<number>();
  for (const [i, j] of overlappingBoxPairs(valid.map((row) => bbox(row.boundary)))) {
    const [a, b] = [valid[i], valid[j]];
    if (!interiorsOverlap(a.boundary, b.boundary)) continue;
    errors.push({
      line: b.line,
      index: b.index,
      key: 'geometry',
      reason: `geometry overlaps precinct ${a.code} (feature ${a.index} on line ${a.line})`,
    });
    overlapping.add(b.index);
  }

  errors.sort((p, q) => p.line - q.line || (p.index ?? 0) - (q.index ?? 0));
  return { rows: valid.filter((row) => !overlapping.has(row.index)), errors };
}

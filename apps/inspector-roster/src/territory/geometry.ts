/**
 * Precinct boundaries as GeoJSON (RFC 7946) Polygon / MultiPolygon geometries.
 *
 * Coordinates are [longitude, latitude] in degrees. As RFC 7946 (section 3.1.1) says, an edge is a
 * straight line in lon/lat, so all topology here (containment, crossings, overlap) is planar in
 * lon/lat; only distances and areas are measured on the sphere (mean Earth radius). The antimeridian
 * is not handled: Kazakhstan is far from it.
 */

/** A position: [longitude, latitude] in degrees. */
export type Position = [number, number];

/** A polygon: the first ring is the outer boundary, the others are holes. Rings are closed. */
export interface PolygonGeometry {
  type: 'Polygon';
  coordinates: Position[][];
}

/** Several polygons whose interiors do not overlap. */
export interface MultiPolygonGeometry {
  type: 'MultiPolygon';
  coordinates: Position[][][];
}

export type Boundary = PolygonGeometry | MultiPolygonGeometry;

export interface BBox {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

export type PointPosition = 'inside' | 'boundary' | 'outside';

/** Mean Earth radius (IUGG), metres. */
export const EARTH_RADIUS_M = 6_371_008.8;

/** The most positions one boundary may have (validation is quadratic in the worst case). */
export const MAX_BOUNDARY_POSITIONS = 10_000;

/** Default tolerance of locatePoint, metres. */
const DEFAULT_TOLERANCE_M = 0.5;

/**
 * Tolerance of the overlap test, degrees (about 0.1 mm): vertices and edges closer than this count
 * as touching, so adjacent polygons built from the same vertices never overlap through rounding.
 */
const OVERLAP_EPS_DEG = 1e-9;

const RAD = Math.PI / 180;

/** Metres per degree of latitude on the mean sphere. */
const METRES_PER_DEGREE = EARTH_RADIUS_M * RAD;

/** At most this many position errors are listed per ring; the rest are summarised. */
const MAX_POSITION_ERRORS_PER_RING = 3;

// ---------------------------------------------------------------------------------------------
// Small planar helpers
// ---------------------------------------------------------------------------------------------

/** Twice the signed area of triangle abc: > 0 when c lies left of a→b, 0 when collinear. */
function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

/** The polygons of a boundary (a Polygon is a single polygon). */
function polygonsOf(boundary: Boundary): Position[][][] {
  return boundary.type === 'Polygon' ? [boundary.coordinates] : boundary.coordinates;
}

/** Signed planar area of a closed ring in square degrees (shoelace, relative to the first vertex). */
function ringAreaDeg2(ring: readonly Position[]): number {
  const [x0, y0] = ring[0];
  let sum = 0;
  for (let i = 1; i + 1 < ring.length; i++) {
    sum += (ring[i][0] - x0) * (ring[i + 1][1] - y0) - (ring[i + 1][0] - x0) * (ring[i][1] - y0);
  }
  return sum / 2;
}

/** Squared distance from (px, py) to segment a-b, in the same planar units. */
function distanceToSegmentSquared(
  px: number,
  py: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
): number {
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  let t = lengthSquared === 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / lengthSquared;
  t = Math.max(0, Math.min(1, t));
  const ex = ax + t * dx - px;
  const ey = ay + t * dy - py;
  return ex * ex + ey * ey;
}

/**
 * Exact-predicate position of a point relative to one closed ring (ray casting; 'boundary' only
 * when the point lies exactly on an edge in floating point).
 */
function locateInRing(ring: readonly Position[], x: number, y: number): PointPosition {
  let inside = false;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [ax, ay] = ring[i];
    const [bx, by] = ring[i + 1];
    if (
      orient(ax, ay, bx, by, x, y) === 0 &&
      x >= Math.min(ax, bx) &&
      x <= Math.max(ax, bx) &&
      y >= Math.min(ay, by) &&
      y <= Math.max(ay, by)
    ) {
      return 'boundary';
    }
    if (ay > y !== by > y && x < ax + ((y - ay) * (bx - ax)) / (by - ay)) inside = !inside;
  }
  return inside ? 'inside' : 'outside';
}

/** Exact-predicate position of a point relative to a polygon with holes. */
function locateInPolygon(polygon: readonly Position[][], x: number, y: number): PointPosition {
  const outer = locateInRing(polygon[0], x, y);
  if (outer !== 'inside') return outer;
  for (let h = 1; h < polygon.length; h++) {
    const hole = locateInRing(polygon[h], x, y);
    if (hole === 'boundary') return 'boundary';
    if (hole === 'inside') return 'outside';
  }
  return 'inside';
}

/** Exact-predicate position of a point relative to a boundary (any polygon). */
function locateExact(boundary: Boundary, x: number, y: number): PointPosition {
  let result: PointPosition = 'outside';
  for (const polygon of polygonsOf(boundary)) {
    const where = locateInPolygon(polygon, x, y);
    if (where === 'inside') return 'inside';
    if (where === 'boundary') result = 'boundary';
  }
  return result;
}

/**
 * Where two closed segments p1-p2 and q1-q2 meet (exact floating-point predicates, touching
 * included), or null when they do not.
 */
function segmentIntersection(p1: Position, p2: Position, q1: Position, q2: Position): Position | null {
  const d1 = orient(q1[0], q1[1], q2[0], q2[1], p1[0], p1[1]);
  const d2 = orient(q1[0], q1[1], q2[0], q2[1], p2[0], p2[1]);
  const d3 = orient(p1[0], p1[1], p2[0], p2[1], q1[0], q1[1]);
  const d4 = orient(p1[0], p1[1], p2[0], p2[1], q2[0], q2[1]);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) {
    const t = d1 / (d1 - d2);
    return [p1[0] + t * (p2[0] - p1[0]), p1[1] + t * (p2[1] - p1[1])];
  }
  if (d1 === 0 && withinBox(p1, q1, q2)) return p1;
  if (d2 === 0 && withinBox(p2, q1, q2)) return p2;
  if (d3 === 0 && withinBox(q1, p1, p2)) return q1;
  if (d4 === 0 && withinBox(q2, p1, p2)) return q2;
  return null;
}

/** True when p lies in the bounding box of a-b (used for points already known to be collinear). */
function withinBox(p: Position, a: Position, b: Position): boolean {
  return (
    p[0] >= Math.min(a[0], b[0]) &&
    p[0] <= Math.max(a[0], b[0]) &&
    p[1] >= Math.min(a[1], b[1]) &&
    p[1] <= Math.max(a[1], b[1])
  );
}

/** True when segments p1-p2 and q1-q2 cross at a single point interior to both (exact predicates). */
function crossProperly(p1: Position, p2: Position, q1: Position, q2: Position): boolean {
  const d1 = orient(q1[0], q1[1], q2[0], q2[1], p1[0], p1[1]);
  const d2 = orient(q1[0], q1[1], q2[0], q2[1], p2[0], p2[1]);
  const d3 = orient(p1[0], p1[1], p2[0], p2[1], q1[0], q1[1]);
  const d4 = orient(p1[0], p1[1], p2[0], p2[1], q2[0], q2[1]);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

/** Rounds a coordinate for messages. */
function formatPosition(p: Position): string {
  return `[${Number(p[0].toFixed(6))}, ${Number(p[1].toFixed(6))}]`;
}

// ---------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Counts positions of raw (unvalidated) polygon arrays, ignoring anything malformed. */
function countPositions(rawPolygons: unknown[]): number {
  let count = 0;
  for (const polygon of rawPolygons) {
    if (!Array.isArray(polygon)) continue;
    for (const ring of polygon) if (Array.isArray(ring)) count += ring.length;
  }
  return count;
}

/** Parses one raw position; returns a 2D position or an error message. */
function parsePosition(raw: unknown): Position | string {
  if (!Array.isArray(raw) || raw.length < 2 || raw.length > 3)
    return 'must be an array of 2 numbers [lon, lat] (or 3 with altitude)';
  if (!raw.every((n) => typeof n === 'number' && Number.isFinite(n)))
    return 'must contain finite numbers only';
  const [lon, lat] = raw as number[];
  if (lon < -180 || lon > 180) return `longitude ${lon} is outside [-180, 180]`;
  if (lat < -90 || lat > 90) return `latitude ${lat} is outside [-90, 90]`;
  return [lon, lat];
}

/**
 * Parses and checks one ring: positions, closure, size, area and self-intersection. Returns the
 * normalised ring (2D, consecutive duplicates removed) or undefined after pushing errors.
 */
function parseRing(raw: unknown, where: string, errors: string[]): Position[] | undefined {
  if (!Array.isArray(raw)) {
    errors.push(`${where} must be an array of positions`);
    return undefined;
  }
  const ring: Position[] = [];
  let bad = 0;
  raw.forEach((rawPosition, index) => {
    const parsed = parsePosition(rawPosition);
    if (typeof parsed === 'string') {
      if (bad < MAX_POSITION_ERRORS_PER_RING) errors.push(`${where}, position ${index}: ${parsed}`);
      bad++;
    } else {
      ring.push(parsed);
    }
  });
  if (bad > MAX_POSITION_ERRORS_PER_RING)
    errors.push(`${where}: ${bad - MAX_POSITION_ERRORS_PER_RING} more invalid positions`);
  if (bad > 0) return undefined;
  if (ring.length < 4) {
    errors.push(`${where} has ${ring.length} positions; a ring needs at least 4`);
    return undefined;
  }
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (first[0] !== last[0] || first[1] !== last[1]) {
    errors.push(`${where} is not closed (its first and last positions differ)`);
    return undefined;
  }
  const normalised = ring.filter((p, i) => i === 0 || p[0] !== ring[i - 1][0] || p[1] !== ring[i - 1][1]);
  if (normalised.length < 4 || allCollinear(normalised)) {
    errors.push(`${where} has zero area`);
    return undefined;
  }
  const crossing = findSelfIntersection(normalised);
  if (crossing) {
    errors.push(`${where} intersects itself near ${formatPosition(crossing)}`);
    return undefined;
  }
  if (ringAreaDeg2(normalised) === 0) {
    errors.push(`${where} has zero area`);
    return undefined;
  }
  return normalised;
}

/** True when every vertex of the ring lies on the line through its first two (distinct) vertices. */
function allCollinear(ring: readonly Position[]): boolean {
  const [a, b] = ring;
  return ring.every((c) => orient(a[0], a[1], b[0], b[1], c[0], c[1]) === 0);
}

/**
 * A point where a closed ring (no consecutive duplicates) touches or crosses itself, or null.
 * Edges are swept in order of their minimum longitude, so typical rings cost far less than O(n²).
 */
function findSelfIntersection(ring: readonly Position[]): Position | null {
  const edgeCount = ring.length - 1;
  // Adjacent edges meet only at their shared vertex, unless the ring folds back on itself.
  for (let i = 0; i < edgeCount; i++) {
    const a = ring[i];
    const b = ring[i + 1];
    const c = ring[i + 2 > edgeCount ? 1 : i + 2];
    if (
      orient(a[0], a[1], b[0], b[1], c[0], c[1]) === 0 &&
      (a[0] - b[0]) * (c[0] - b[0]) + (a[1] - b[1]) * (c[1] - b[1]) > 0
    ) {
      return b;
    }
  }
  const order = Array.from({ length: edgeCount }, (_, i) => i).sort(
    (i, j) => Math.min(ring[i][0], ring[i + 1][0]) - Math.min(ring[j][0], ring[j + 1][0]),
  );
  for (let s = 0; s < order.length; s++) {
    const i = order[s];
    const maxX = Math.max(ring[i][0], ring[i + 1][0]);
    const minY = Math.min(ring[i][1], ring[i + 1][1]);
    const maxY = Math.max(ring[i][1], ring[i + 1][1]);
    for (let t = s + 1; t < order.length; t++) {
      const j = order[t];
      if (Math.min(ring[j][0], ring[j + 1][0]) > maxX) break;
      if (Math.min(ring[j][1], ring[j + 1][1]) > maxY || Math.max(ring[j][1], ring[j + 1][1]) < minY)
        continue;
      const lo = Math.min(i, j);
      const hi = Math.max(i, j);
      if (hi === lo + 1 || (lo === 0 && hi === edgeCount - 1)) continue; // adjacent edges
      const point = segmentIntersection(ring[i], ring[i + 1], ring[j], ring[j + 1]);
      if (point) return point;
    }
  }
  return null;
}

/** True when a hole lies inside its outer ring (touching at vertices or edges is allowed). */
function holeInsideOuter(outer: readonly Position[], hole: readonly Position[]): boolean {
  for (let i = 0; i + 1 < hole.length; i++) {
    const a = hole[i];
    const b = hole[i + 1];
    if (locateInRing(outer, a[0], a[1]) === 'outside') return false;
    if (locateInRing(outer, (a[0] + b[0]) / 2, (a[1] + b[1]) / 2) === 'outside') return false;
    for (let j = 0; j + 1 < outer.length; j++) {
      if (crossProperly(a, b, outer[j], outer[j + 1])) return false;
    }
  }
  return true;
}

/** Checks the rings of one parsed polygon against each other: holes inside, holes disjoint. */
function checkPolygonRings(polygon: Position[][], label: string, errors: string[]): boolean {
  let ok = true;
  for (let h = 1; h < polygon.length; h++) {
    if (!holeInsideOuter(polygon[0], polygon[h])) {
      errors.push(`${label}ring ${h} (a hole) is not inside ring 0`);
      ok = false;
    }
  }
  if (!ok) return false;
  for (let h = 1; h < polygon.length; h++) {
    for (let k = h + 1; k < polygon.length; k++) {
      const a: Boundary = { type: 'Polygon', coordinates: [polygon[h]] };
      const b: Boundary = { type: 'Polygon', coordinates: [polygon[k]] };
      if (interiorsOverlap(a, b)) {
        errors.push(`${label}rings ${h} and ${k} (holes) overlap`);
        ok = false;
      }
    }
  }
  return ok;
}

/**
 * Field-level validation of an untrusted geometry. Errors are human-readable and name the ring
 * (and polygon of a MultiPolygon), e.g. "ring 0 is not closed (…)", "polygon 1, ring 0 intersects
 * itself near [71.43, 51.12]". On success returns a normalised copy: 2D positions (altitude
 * dropped), consecutive duplicate positions removed.
 */
export function validateBoundary(
  input: unknown,
): { ok: true; boundary: Boundary } | { ok: false; errors: string[] } {
  if (!isRecord(input)) return { ok: false, errors: ['geometry must be a GeoJSON object'] };
  const { type, coordinates } = input;
  if (type !== 'Polygon' && type !== 'MultiPolygon') {
    return {
      ok: false,
      errors: [`geometry type must be "Polygon" or "MultiPolygon", got ${JSON.stringify(type) ?? 'nothing'}`],
    };
  }
  if (!Array.isArray(coordinates) || coordinates.length === 0) {
    return { ok: false, errors: ['coordinates must be a non-empty array'] };
  }
  const rawPolygons: unknown[] = type === 'Polygon' ? [coordinates] : coordinates;
  const positions = countPositions(rawPolygons);
  if (positions > MAX_BOUNDARY_POSITIONS) {
    return {
      ok: false,
      errors: [
        `boundary has ${positions} positions; at most ${MAX_BOUNDARY_POSITIONS} are allowed (simplify it)`,
      ],
    };
  }
  const errors: string[] = [];
  const polygons: Position[][][] = [];
  rawPolygons.forEach((rawPolygon, p) => {
    const label = type === 'Polygon' ? '' : `polygon ${p}, `;
    if (!Array.isArray(rawPolygon) || rawPolygon.length === 0) {
      errors.push(
        `${type === 'Polygon' ? 'coordinates' : `polygon ${p}`} must be a non-empty array of rings`,
      );
      return;
    }
    const rings = rawPolygon.map((rawRing, r) => parseRing(rawRing, `${label}ring ${r}`, errors));
    if (
      rings.every((ring): ring is Position[] => ring !== undefined) &&
      checkPolygonRings(rings, label, errors)
    ) {
      polygons.push(rings);
    }
  });
  if (errors.length > 0) return { ok: false, errors };
  for (let i = 0; i < polygons.length; i++) {
    for (let j = i + 1; j < polygons.length; j++) {
      if (
        interiorsOverlap(
          { type: 'Polygon', coordinates: polygons[i] },
          { type: 'Polygon', coordinates: polygons[j] },
        )
      ) {
        errors.push(`polygons ${i} and ${j} overlap`);
      }
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  const boundary: Boundary =
    type === 'Polygon' ? { type, coordinates: polygons[0] } : { type, coordinates: polygons };
  return { ok: true, boundary };
}

// ---------------------------------------------------------------------------------------------
// Metric queries
// ---------------------------------------------------------------------------------------------

/**
 * Smallest distance in metres from (lon, lat) to any edge of the boundary (holes included), in a
 * local equirectangular projection centred on the point.
 */
function nearestEdgeMetres(boundary: Boundary, lon: number, lat: number): number {
  const kx = METRES_PER_DEGREE * Math.cos(lat * RAD);
  const ky = METRES_PER_DEGREE;
  let best = Infinity;
  for (const polygon of polygonsOf(boundary)) {
    for (const ring of polygon) {
      for (let i = 0; i + 1 < ring.length; i++) {
        const d = distanceToSegmentSquared(
          0,
          0,
          (ring[i][0] - lon) * kx,
          (ring[i][1] - lat) * ky,
          (ring[i + 1][0] - lon) * kx,
          (ring[i + 1][1] - lat) * ky,
        );
        if (d < best) best = d;
      }
    }
  }
  return Math.sqrt(best);
}

/**
 * Where the point is relative to the boundary (holes are outside): 'boundary' when within
 * toleranceMetres (default 0.5 m) of any edge, hole edges included.
 */
export function locatePoint(
  boundary: Boundary,
  lon: number,
  lat: number,
  toleranceMetres = DEFAULT_TOLERANCE_M,
): PointPosition {
  const exact = locateExact(boundary, lon, lat);
  if (exact === 'boundary') return 'boundary';
  if (nearestEdgeMetres(boundary, lon, lat) <= toleranceMetres) return 'boundary';
  return exact;
}

/**
 * Metres from the point to the boundary's area: 0 if inside or on the boundary, otherwise the
 * distance to the nearest edge (local equirectangular projection around the point, mean radius).
 */
export function distanceMetres(boundary: Boundary, lon: number, lat: number): number {
  if (locateExact(boundary, lon, lat) !== 'outside') return 0;
  return nearestEdgeMetres(boundary, lon, lat);
}

/** Bounding box of the boundary (outer rings suffice: holes lie inside them). */
export function bbox(boundary: Boundary): BBox {
  const box: BBox = { minLon: Infinity, minLat: Infinity, maxLon: -Infinity, maxLat: -Infinity };
  for (const polygon of polygonsOf(boundary)) {
    for (const [lon, lat] of polygon[0]) {
      if (lon < box.minLon) box.minLon = lon;
      if (lon > box.maxLon) box.maxLon = lon;
      if (lat < box.minLat) box.minLat = lat;
      if (lat > box.maxLat) box.maxLat = lat;
    }
  }
  return box;
}

/**
 * Area on the unit sphere (steradians, unsigned) of a ring whose edges are straight in lon/lat:
 * the exact integral of sin(lat) d(lon) along each edge, with lat linear in lon (Green's theorem on
 * the area element cos(lat) d(lat) d(lon)).
 */
function ringSphericalArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const dLon = (ring[i + 1][0] - ring[i][0]) * RAD;
    if (dLon === 0) continue;
    const lat1 = ring[i][1] * RAD;
    const lat2 = ring[i + 1][1] * RAD;
    const half = (lat2 - lat1) / 2;
    const sinc = Math.abs(half) < 1e-12 ? 1 : Math.sin(half) / half;
    sum += dLon * Math.sin((lat1 + lat2) / 2) * sinc;
  }
  return Math.abs(sum);
}

/**
 * Area in km² on the mean-radius sphere, holes subtracted. Edges are taken as straight lines in
 * lon/lat (RFC 7946) and integrated exactly; the sphere itself is within about 0.4 % of the WGS 84
 * ellipsoid at Kazakhstan's latitudes.
 */
export function areaKm2(boundary: Boundary): number {
  let steradians = 0;
  for (const polygon of polygonsOf(boundary)) {
    steradians += ringSphericalArea(polygon[0]);
    for (let h = 1; h < polygon.length; h++) steradians -= ringSphericalArea(polygon[h]);
  }
  return (steradians * EARTH_RADIUS_M * EARTH_RADIUS_M) / 1e6;
}

/** Planar area-weighted centroid of a ring in lon/lat (computed relative to its first vertex). */
function ringCentroid(ring: readonly Position[]): Position {
  const [x0, y0] = ring[0];
  let area = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const ax = ring[i][0] - x0;
    const ay = ring[i][1] - y0;
    const bx = ring[i + 1][0] - x0;
    const by = ring[i + 1][1] - y0;
    const cross = ax * by - bx * ay;
    area += cross;
    cx += (ax + bx) * cross;
    cy += (ay + by) * cross;
  }
  return [x0 + cx / (3 * area), y0 + cy / (3 * area)];
}

/** Longitudes where the horizontal line at y crosses the polygon's edges (half-open rule), sorted. */
function scanlineCrossings(polygon: readonly Position[][], y: number): number[] {
  const xs: number[] = [];
  for (const ring of polygon) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const [ax, ay] = ring[i];
      const [bx, by] = ring[i + 1];
      if (ay > y !== by > y) xs.push(ax + ((y - ay) * (bx - ax)) / (by - ay));
    }
  }
  return xs.sort((a, b) => a - b);
}

/**
 * A point well inside a polygon: on horizontal lines halfway between the most widely spaced vertex
 * latitudes, the middle of the widest interior interval. A line strictly between vertex latitudes
 * meets no vertex, so its crossings pair up into interior intervals.
 */
function scanlineInteriorPoint(polygon: readonly Position[][]): Position {
  const ys = [...new Set(polygon.flatMap((ring) => ring.map((p) => p[1])))].sort((a, b) => a - b);
  const gaps = ys
    .slice(1)
    .map((y, i) => ({ y: (y + ys[i]) / 2, height: y - ys[i] }))
    .sort((a, b) => b.height - a.height)
    .slice(0, 16);
  let best: Position = polygon[0][0];
  let bestScore = -Infinity;
  for (const gap of gaps) {
    const xs = scanlineCrossings(polygon, gap.y);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const score = Math.min(xs[k + 1] - xs[k], gap.height);
      if (score > bestScore) {
        bestScore = score;
        best = [(xs[k] + xs[k + 1]) / 2, gap.y];
      }
    }
  }
  return best;
}

/**
 * A point guaranteed to be inside the boundary: the centroid of the largest outer ring when that
 * lies inside (not in a hole, not on an edge), otherwise a scanline interior point of that polygon.
 */
export function interiorPoint(boundary: Boundary): Position {
  const polygons = polygonsOf(boundary);
  let largest = polygons[0];
  for (const polygon of polygons) {
    if (Math.abs(ringAreaDeg2(polygon[0])) > Math.abs(ringAreaDeg2(largest[0]))) largest = polygon;
  }
  const centroid = ringCentroid(largest[0]);
  if (locateInPolygon(largest, centroid[0], centroid[1]) === 'inside') return centroid;
  return scanlineInteriorPoint(largest);
}

// ---------------------------------------------------------------------------------------------
// Overlap
// ---------------------------------------------------------------------------------------------

/** An edge with its bounding box and the polygon (part) it belongs to. */
interface Segment {
  ax: number;
  ay: number;
  bx: number;
  by: number;
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
  part: number;
}

/** A boundary indexed for repeated point and edge queries: edges bucketed in latitude bands. */
interface Prepared {
  box: BBox;
  parts: Position[][][];
  segments: Segment[];
  bands: Segment[][];
  bandMinY: number;
  bandHeight: number;
  interiorPoints?: Position[];
}

const preparedCache = new WeakMap<Boundary, Prepared>();

/** Builds (or reuses) the band index of a boundary; about √n bands of equal height. */
function prepare(boundary: Boundary): Prepared {
  const cached = preparedCache.get(boundary);
  if (cached) return cached;
  const parts = polygonsOf(boundary);
  const segments: Segment[] = [];
  parts.forEach((polygon, part) => {
    for (const ring of polygon) {
      for (let i = 0; i + 1 < ring.length; i++) {
        const [ax, ay] = ring[i];
        const [bx, by] = ring[i + 1];
        segments.push({
          ax,
          ay,
          bx,
          by,
          minX: Math.min(ax, bx),
          maxX: Math.max(ax, bx),
          minY: Math.min(ay, by),
          maxY: Math.max(ay, by),
          part,
        });
      }
    }
  });
  const box = bbox(boundary);
  const bandCount = Math.max(1, Math.ceil(Math.sqrt(segments.length)));
  const bandHeight = (box.maxLat - box.minLat) / bandCount;
  const prepared: Prepared = {
    box,
    parts,
    segments,
    bands: Array.from({ length: bandCount }, () => []),
    bandMinY: box.minLat,
    bandHeight,
  };
  for (const segment of segments) {
    for (let b = bandOf(prepared, segment.minY); b <= bandOf(prepared, segment.maxY); b++)
      prepared.bands[b].push(segment);
  }
  preparedCache.set(boundary, prepared);
  return prepared;
}

/** The band holding latitude y (clamped to the existing bands). */
function bandOf(prepared: Prepared, y: number): number {
  if (!(prepared.bandHeight > 0)) return 0;
  const band = Math.floor((y - prepared.bandMinY) / prepared.bandHeight);
  return Math.max(0, Math.min(prepared.bands.length - 1, band));
}

/** The edges that may lie within the latitude range [minY, maxY] (may repeat an edge). */
function segmentsNear(prepared: Prepared, minY: number, maxY: number): Segment[] {
  const first = bandOf(prepared, minY);
  const last = bandOf(prepared, maxY);
  if (first === last) return prepared.bands[first];
  const result: Segment[] = [];
  for (let b = first; b <= last; b++) result.push(...prepared.bands[b]);
  return result;
}

/** Position of a point with a planar tolerance eps in degrees: 'boundary' within eps of an edge. */
function classifyTolerant(prepared: Prepared, x: number, y: number, eps: number): PointPosition {
  const { box } = prepared;
  if (x < box.minLon - eps || x > box.maxLon + eps || y < box.minLat - eps || y > box.maxLat + eps)
    return 'outside';
  const eps2 = eps * eps;
  for (const s of segmentsNear(prepared, y - eps, y + eps)) {
    if (x < s.minX - eps || x > s.maxX + eps || y < s.minY - eps || y > s.maxY + eps) continue;
    if (distanceToSegmentSquared(x, y, s.ax, s.ay, s.bx, s.by) <= eps2) return 'boundary';
  }
  const parity = new Array<boolean>(prepared.parts.length).fill(false);
  for (const s of prepared.bands[bandOf(prepared, y)]) {
    if (s.ay > y !== s.by > y && x < s.ax + ((y - s.ay) * (s.bx - s.ax)) / (s.by - s.ay))
      parity[s.part] = !parity[s.part];
  }
  return parity.includes(true) ? 'inside' : 'outside';
}

/** True when s and t cross transversally with every endpoint farther than eps from the other's line. */
function crossTolerant(s: Segment, t: Segment, eps: number): boolean {
  const lengthT = Math.hypot(t.bx - t.ax, t.by - t.ay);
  const lengthS = Math.hypot(s.bx - s.ax, s.by - s.ay);
  if (lengthT === 0 || lengthS === 0) return false;
  const d1 = orient(t.ax, t.ay, t.bx, t.by, s.ax, s.ay) / lengthT;
  const d2 = orient(t.ax, t.ay, t.bx, t.by, s.bx, s.by) / lengthT;
  if (!((d1 > eps && d2 < -eps) || (d1 < -eps && d2 > eps))) return false;
  const d3 = orient(s.ax, s.ay, s.bx, s.by, t.ax, t.ay) / lengthS;
  const d4 = orient(s.ax, s.ay, s.bx, s.by, t.bx, t.by) / lengthS;
  return (d3 > eps && d4 < -eps) || (d3 < -eps && d4 > eps);
}

/**
 * True when some part of p's boundary runs through q's interior. Each edge of p is cut at q's
 * vertices lying on it; with no transversal crossings, each piece is then wholly inside, outside or
 * on q's boundary, which its midpoint tells.
 */
function boundaryEntersInterior(p: Prepared, q: Prepared, eps: number): boolean {
  const { box } = q;
  for (const s of p.segments) {
    if (
      s.maxX < box.minLon - eps ||
      s.minX > box.maxLon + eps ||
      s.maxY < box.minLat - eps ||
      s.minY > box.maxLat + eps
    )
      continue;
    const dx = s.bx - s.ax;
    const dy = s.by - s.ay;
    const lengthSquared = dx * dx + dy * dy;
    const cuts = [0, 1];
    for (const t of segmentsNear(q, s.minY - eps, s.maxY + eps)) {
      if (t.maxX < s.minX - eps || t.minX > s.maxX + eps || t.maxY < s.minY - eps || t.minY > s.maxY + eps)
        continue;
      if (crossTolerant(s, t, eps)) return true;
      for (const [vx, vy] of [
        [t.ax, t.ay],
        [t.bx, t.by],
      ]) {
        if (distanceToSegmentSquared(vx, vy, s.ax, s.ay, s.bx, s.by) <= eps * eps) {
          cuts.push(Math.max(0, Math.min(1, ((vx - s.ax) * dx + (vy - s.ay) * dy) / lengthSquared)));
        }
      }
    }
    cuts.sort((a, b) => a - b);
    for (let k = 0; k + 1 < cuts.length; k++) {
      if (cuts[k + 1] === cuts[k]) continue;
      const m = (cuts[k] + cuts[k + 1]) / 2;
      if (classifyTolerant(q, s.ax + m * dx, s.ay + m * dy, eps) === 'inside') return true;
    }
  }
  return false;
}

/** True when an interior point of some part of p lies in q's interior. */
function somePartInside(p: Prepared, q: Prepared, eps: number): boolean {
  p.interiorPoints ??= p.parts.map((polygon) => scanlineInteriorPoint(polygon));
  return p.interiorPoints.some(([x, y]) => classifyTolerant(q, x, y, eps) === 'inside');
}

/**
 * True when the interiors of a and b intersect. Shared edges or vertices are not overlap, with a
 * tolerance of about 0.1 mm, so adjacent polygons built from the same vertices never overlap.
 *
 * Either a boundary runs through the other's interior (an edge crossing, or a piece of an edge
 * inside the other), or, failing that, each part's interior is wholly inside or wholly outside the
 * other, which one interior point of each part decides (this covers identical polygons).
 */
export function interiorsOverlap(a: Boundary, b: Boundary): boolean {
  const eps = OVERLAP_EPS_DEG;
  const boxA = bbox(a);
  const boxB = bbox(b);
  if (
    Math.min(boxA.maxLon, boxB.maxLon) - Math.max(boxA.minLon, boxB.minLon) <= eps ||
    Math.min(boxA.maxLat, boxB.maxLat) - Math.max(boxA.minLat, boxB.minLat) <= eps
  ) {
    return false;
  }
  const p = prepare(a);
  const q = prepare(b);
  return (
    boundaryEntersInterior(p, q, eps) ||
    boundaryEntersInterior(q, p, eps) ||
    somePartInside(p, q, eps) ||
    somePartInside(q, p, eps)
  );
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL literals
// ---------------------------------------------------------------------------------------------

/**
 * The outer rings, each as a PostgreSQL `polygon` literal '((lon,lat),(lon,lat),...)' with the
 * closing position dropped, for a GiST-indexed column.
 */
export function outerRingLiterals(boundary: Boundary): string[] {
  return polygonsOf(boundary).map(
    (polygon) =>
      `(${polygon[0]
        .slice(0, -1)
        .map(([lon, lat]) => pointLiteral(lon, lat))
        .join(',')})`,
  );
}

/** PostgreSQL `point` literal '(lon,lat)'. */
export function pointLiteral(lon: number, lat: number): string {
  return `(${String(lon)},${String(lat)})`;
}

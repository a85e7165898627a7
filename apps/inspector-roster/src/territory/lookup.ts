/**
 * Choosing the precinct of a point among the candidates the spatial index returned (plain rules).
 * - inside one precinct: that one;
 * - on a shared edge or vertex (within 0.5 m): the candidate with the lowest code, so that the same
 *   point always lands in the same precinct, whichever order the index returned;
 * - outside every precinct but within `nearMetres` of one (GPS error, a river or road between two
 *   districts' outlines): the nearest, reported as `nearest` with its distance;
 * - otherwise: none.
 */
import { distanceMetres, locatePoint, type Boundary } from './geometry';

export type MatchKind = 'inside' | 'boundary' | 'nearest';

export interface LookupCandidate {
  code: string;
  boundary: Boundary;
}

export interface LookupMatch {
  code: string;
  match: MatchKind;
  distanceMetres: number;
}

/** Default reach of a `nearest` match, in metres. */
export const DEFAULT_NEAR_METRES = 150;
/** Largest reach a caller may ask for. */
export const MAX_NEAR_METRES = 5_000;

const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

export function choosePrecinct(candidates: readonly LookupCandidate[], lon: number, lat: number, nearMetres = DEFAULT_NEAR_METRES): LookupMatch | null {
  const located = candidates.map((candidate) => ({ code: candidate.code, boundary: candidate.boundary, position: locatePoint(candidate.boundary, lon, lat) }));
  const inside = located.filter((c) => c.position === 'inside').sort(byCode);
  if (inside.length) return { code: inside[0].code, match: 'inside', distanceMetres: 0 };
  const onBoundary = located.filter((c) => c.position === 'boundary').sort(byCode);
  if (onBoundary.length) return { code: onBoundary[0].code, match: 'boundary', distanceMetres: 0 };
  let best: LookupMatch | null = null;
  for (const candidate of [...located].sort(byCode)) {
    const distance = distanceMetres(candidate.boundary, lon, lat);
    if (distance <= nearMetres && (!best || distance < best.distanceMetres)) best = { code: candidate.code, match: 'nearest', distanceMetres: distance };
  }
  return best;
}

/** Field-level problems of a coordinate pair, empty when it is usable. */
export function checkCoordinates(lat: number, lon: number): Array<{ field: string; message: string }> {
  const errors: Array<{ field: string; message: string }> = [];
  if (!Number.isFinite(lat) || lat < -90 || lat > 90) errors.push({ field: 'lat', message: 'must be a latitude between -90 and 90' });
  if (!Number.isFinite(lon) || lon < -180 || lon > 180) errors.push({ field: 'lon', message: 'must be a longitude between -180 and 180' });
  return errors;
}

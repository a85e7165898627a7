import {
  areaKm2,
  bbox,
  distanceMetres,
  EARTH_RADIUS_M,
  interiorPoint,
  interiorsOverlap,
  locatePoint,
  outerRingLiterals,
  pointLiteral,
  validateBoundary,
  type Boundary,
  type Position,
} from './geometry';

/** Metres per degree of latitude on the mean sphere. */
const M_PER_DEG = (EARTH_RADIUS_M * Math.PI) / 180;

/** An axis-aligned lon/lat rectangle as a closed counter-clockwise ring. */
function rect(minLon: number, minLat: number, maxLon: number, maxLat: number): Position[] {
  return [
    [minLon, minLat],
    [maxLon, minLat],
    [maxLon, maxLat],
    [minLon, maxLat],
    [minLon, minLat],
  ];
}

function polygon(...rings: Position[][]): Boundary {
  return { type: 'Polygon', coordinates: rings };
}

/** 0.01° × 0.01° square in Astana (lat 51.1). */
const SQUARE = polygon(rect(71.4, 51.1, 71.41, 51.11));
/** Its eastern neighbour, sharing the edge lon = 71.41. */
const EAST = polygon(rect(71.41, 51.1, 71.42, 51.11));
/** A square with a square hole in the middle. */
const WITH_HOLE = polygon(rect(71.4, 51.1, 71.41, 51.11), rect(71.403, 51.103, 71.407, 51.107));
const MULTI: Boundary = {
  type: 'MultiPolygon',
  coordinates: [[rect(71.4, 51.1, 71.41, 51.11)], [rect(71.5, 51.1, 71.51, 51.11)]],
};

function errorsOf(input: unknown): string[] {
  const result = validateBoundary(input);
  return result.ok ? [] : result.errors;
}

describe('validateBoundary', () => {
  it('accepts a polygon and returns a normalised 2D copy (altitude dropped, duplicates removed)', () => {
    const input = {
      type: 'Polygon',
      coordinates: [
        [
          [71.4, 51.1, 350],
          [71.41, 51.1, 350],
          [71.41, 51.1, 351],
          [71.41, 51.11, 350],
          [71.4, 51.11, 350],
          [71.4, 51.1, 350],
        ],
      ],
    };
    const result = validateBoundary(input);
    expect(result).toEqual({ ok: true, boundary: polygon(rect(71.4, 51.1, 71.41, 51.11)) });
    if (result.ok) expect(result.boundary.coordinates).not.toBe(input.coordinates);
  });

  it('accepts a polygon with a hole and a multipolygon', () => {
    expect(validateBoundary(WITH_HOLE)).toEqual({ ok: true, boundary: WITH_HOLE });
    expect(validateBoundary(MULTI)).toEqual({ ok: true, boundary: MULTI });
  });

  it('accepts multipolygon parts touching at a vertex or along an edge', () => {
    const touching = {
      type: 'MultiPolygon',
      coordinates: [[rect(0, 0, 1, 1)], [rect(1, 1, 2, 2)], [rect(1, 0, 2, 1)]],
    };
    expect(validateBoundary(touching).ok).toBe(true);
  });

  it.each([
    [null, 'geometry must be a GeoJSON object'],
    [
      { type: 'Point', coordinates: [1, 2] },
      'geometry type must be "Polygon" or "MultiPolygon", got "Point"',
    ],
    [{ type: 'Polygon' }, 'coordinates must be a non-empty array'],
    [{ type: 'Polygon', coordinates: [] }, 'coordinates must be a non-empty array'],
    [
      { type: 'MultiPolygon', coordinates: [[rect(0, 0, 1, 1)], []] },
      'polygon 1 must be a non-empty array of rings',
    ],
    [{ type: 'Polygon', coordinates: [{}] }, 'ring 0 must be an array of positions'],
  ])('rejects malformed structure %j', (input, message) => {
    expect(errorsOf(input)).toEqual([message]);
  });

  it('rejects bad positions, naming ring and position', () => {
    const ring = rect(0, 0, 1, 1) as unknown[];
    ring[1] = [181, 0];
    ring[2] = [1, -91];
    ring[3] = ['1', 1];
    expect(errorsOf({ type: 'Polygon', coordinates: [ring] })).toEqual([
      'ring 0, position 1: longitude 181 is outside [-180, 180]',
      'ring 0, position 2: latitude -91 is outside [-90, 90]',
      'ring 0, position 3: must contain finite numbers only',
    ]);
    expect(errorsOf({ type: 'Polygon', coordinates: [[[0, 0], [1], [1, 1], [0, 0]]] })).toEqual([
      'ring 0, position 1: must be an array of 2 numbers [lon, lat] (or 3 with altitude)',
    ]);
    expect(
      errorsOf({
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [NaN, 0],
            [1, 1],
            [0, 0],
          ],
        ],
      }),
    ).toEqual(['ring 0, position 1: must contain finite numbers only']);
  });

  it('summarises many bad positions instead of listing each', () => {
    const ring: unknown[] = Array.from({ length: 10 }, () => [200, 0]);
    const errors = errorsOf({ type: 'Polygon', coordinates: [ring] });
    expect(errors).toHaveLength(4);
    expect(errors[3]).toBe('ring 0: 7 more invalid positions');
  });

  it('rejects an unclosed ring', () => {
    expect(errorsOf({ type: 'Polygon', coordinates: [rect(0, 0, 1, 1).slice(0, 4)] })).toEqual([
      'ring 0 is not closed (its first and last positions differ)',
    ]);
  });

  it('rejects a ring with fewer than 4 positions', () => {
    expect(
      errorsOf({
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 1],
            [0, 0],
          ],
        ],
      }),
    ).toEqual(['ring 0 has 3 positions; a ring needs at least 4']);
  });

  it('rejects a ring with zero area', () => {
    const flat = [
      [0, 0],
      [1, 0],
      [2, 0],
      [0, 0],
    ];
    expect(errorsOf({ type: 'Polygon', coordinates: [flat] })).toEqual(['ring 0 has zero area']);
    const repeated = [
      [0, 0],
      [1, 1],
      [1, 1],
      [0, 0],
    ];
    expect(errorsOf({ type: 'Polygon', coordinates: [repeated] })).toEqual(['ring 0 has zero area']);
  });

  it('rejects a bow-tie, saying where it crosses itself', () => {
    const bowTie = [
      [71.42, 51.12],
      [71.44, 51.14],
      [71.44, 51.12],
      [71.42, 51.14],
      [71.42, 51.12],
    ];
    expect(errorsOf({ type: 'Polygon', coordinates: [bowTie] })).toEqual([
      'ring 0 intersects itself near [71.43, 51.13]',
    ]);
  });

  it('rejects a ring touching itself at a vertex or folding back along an edge', () => {
    const figureEight = [
      [0, 0],
      [1, 0],
      [1, 1],
      [2, 1],
      [2, 2],
      [1, 2],
      [1, 1],
      [0, 1],
      [0, 0],
    ];
    expect(errorsOf({ type: 'Polygon', coordinates: [figureEight] })).toEqual([
      'ring 0 intersects itself near [1, 1]',
    ]);
    const spike = [
      [0, 0],
      [2, 0],
      [2, 2],
      [2, 3],
      [2, 2],
      [0, 2],
      [0, 0],
    ];
    expect(errorsOf({ type: 'Polygon', coordinates: [spike] })).toEqual([
      'ring 0 intersects itself near [2, 3]',
    ]);
  });

  it('names the polygon of a multipolygon in ring errors', () => {
    const open = rect(5, 5, 6, 6).slice(0, 4);
    expect(errorsOf({ type: 'MultiPolygon', coordinates: [[rect(0, 0, 1, 1)], [open]] })).toEqual([
      'polygon 1, ring 0 is not closed (its first and last positions differ)',
    ]);
  });

  it('rejects a hole outside its outer ring, or crossing it', () => {
    expect(errorsOf(polygon(rect(0, 0, 1, 1), rect(2, 2, 3, 3)))).toEqual([
      'ring 1 (a hole) is not inside ring 0',
    ]);
    expect(errorsOf(polygon(rect(0, 0, 1, 1), rect(0.5, 0.5, 1.5, 0.7)))).toEqual([
      'ring 1 (a hole) is not inside ring 0',
    ]);
  });

  it('accepts a hole touching its outer ring at a vertex', () => {
    const hole: Position[] = [
      [0, 0.5],
      [0.5, 0.2],
      [0.5, 0.8],
      [0, 0.5],
    ];
    expect(validateBoundary(polygon(rect(0, 0, 1, 1), hole)).ok).toBe(true);
  });

  it('rejects overlapping holes and overlapping multipolygon parts', () => {
    expect(errorsOf(polygon(rect(0, 0, 10, 10), rect(1, 1, 5, 5), rect(4, 4, 6, 6)))).toEqual([
      'rings 1 and 2 (holes) overlap',
    ]);
    expect(errorsOf({ type: 'MultiPolygon', coordinates: [[rect(0, 0, 2, 2)], [rect(1, 1, 3, 3)]] })).toEqual(
      ['polygons 0 and 1 overlap'],
    );
  });

  it('caps a boundary at 10,000 positions', () => {
    const n = 10_001;
    const ring = Array.from({ length: n }, (_, i) => {
      const angle = (2 * Math.PI * (i % (n - 1))) / (n - 1);
      return [Math.cos(angle), Math.sin(angle)];
    });
    expect(errorsOf({ type: 'Polygon', coordinates: [ring] })).toEqual([
      'boundary has 10001 positions; at most 10000 are allowed (simplify it)',
    ]);
    expect(validateBoundary({ type: 'Polygon', coordinates: [ring.slice(1)] }).ok).toBe(false); // 10,000 but open
  });

  it('validates a 10,000-position circle quickly', () => {
    const n = 10_000;
    const ring: Position[] = Array.from({ length: n }, (_, i) => {
      const angle = (2 * Math.PI * (i % (n - 1))) / (n - 1);
      return [71.4 + 0.05 * Math.cos(angle), 51.1 + 0.05 * Math.sin(angle)];
    });
    const started = Date.now();
    expect(validateBoundary(polygon(ring)).ok).toBe(true);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('locatePoint', () => {
  it('finds points inside and outside', () => {
    expect(locatePoint(SQUARE, 71.405, 51.105)).toBe('inside');
    expect(locatePoint(SQUARE, 71.415, 51.105)).toBe('outside');
    expect(locatePoint(SQUARE, 71.405, 51.2)).toBe('outside');
  });

  it('puts points on an edge shared with a neighbour, or on a vertex, on the boundary of both', () => {
    expect(locatePoint(SQUARE, 71.41, 51.105)).toBe('boundary');
    expect(locatePoint(EAST, 71.41, 51.105)).toBe('boundary');
    expect(locatePoint(SQUARE, 71.41, 51.11)).toBe('boundary');
    expect(locatePoint(SQUARE, 71.4, 51.1)).toBe('boundary');
  });

  it('uses a metric tolerance around the edges (default 0.5 m)', () => {
    const lat = 51.105;
    const metresPerDegLon = M_PER_DEG * Math.cos((lat * Math.PI) / 180);
    const east = (metres: number) => 71.41 + metres / metresPerDegLon;
    expect(locatePoint(SQUARE, east(0.3), lat)).toBe('boundary');
    expect(locatePoint(SQUARE, east(-0.3), lat)).toBe('boundary');
    expect(locatePoint(SQUARE, east(5), lat)).toBe('outside');
    expect(locatePoint(SQUARE, east(-5), lat)).toBe('inside');
    expect(locatePoint(SQUARE, east(5), lat, 10)).toBe('boundary');
    expect(locatePoint(SQUARE, east(0.3), lat, 0.1)).toBe('outside');
    // North of the square: the tolerance is in metres of latitude there.
    expect(locatePoint(SQUARE, 71.405, 51.11 + 0.4 / M_PER_DEG)).toBe('boundary');
    expect(locatePoint(SQUARE, 71.405, 51.11 + 0.6 / M_PER_DEG)).toBe('outside');
  });

  it('treats a hole as outside and its edge as boundary', () => {
    expect(locatePoint(WITH_HOLE, 71.405, 51.105)).toBe('outside');
    expect(locatePoint(WITH_HOLE, 71.401, 51.105)).toBe('inside');
    expect(locatePoint(WITH_HOLE, 71.403, 51.105)).toBe('boundary');
  });

  it('finds points in any part of a multipolygon', () => {
    expect(locatePoint(MULTI, 71.405, 51.105)).toBe('inside');
    expect(locatePoint(MULTI, 71.505, 51.105)).toBe('inside');
    expect(locatePoint(MULTI, 71.455, 51.105)).toBe('outside');
    expect(locatePoint(MULTI, 71.5, 51.105)).toBe('boundary');
  });
});

describe('distanceMetres', () => {
  it('is 0 inside and on the boundary', () => {
    expect(distanceMetres(SQUARE, 71.405, 51.105)).toBe(0);
    expect(distanceMetres(SQUARE, 71.4, 51.1)).toBe(0);
  });

  it('measures to the nearest edge outside', () => {
    // 0.001° north of the square: 111.2 m.
    expect(distanceMetres(SQUARE, 71.405, 51.111)).toBeCloseTo(0.001 * M_PER_DEG, 3);
    // 0.001° east at lat 51.105: 111.2 m × cos(51.105°) ≈ 69.9 m.
    expect(distanceMetres(SQUARE, 71.411, 51.105)).toBeCloseTo(
      0.001 * M_PER_DEG * Math.cos((51.105 * Math.PI) / 180),
      3,
    );
    // Diagonally off the north-east corner.
    const dx = 0.001 * M_PER_DEG * Math.cos((51.111 * Math.PI) / 180);
    const dy = 0.001 * M_PER_DEG;
    expect(distanceMetres(SQUARE, 71.411, 51.111)).toBeCloseTo(Math.hypot(dx, dy), 3);
  });

  it('measures from inside a hole to the hole edge', () => {
    // Centre of the hole to its nearest (north/south) edge: 0.002° of latitude.
    expect(distanceMetres(WITH_HOLE, 71.405, 51.105)).toBeCloseTo(
      Math.min(0.002 * M_PER_DEG, 0.002 * M_PER_DEG * Math.cos((51.105 * Math.PI) / 180)),
      3,
    );
  });
});

describe('bbox and areaKm2', () => {
  it('computes the bounding box', () => {
    expect(bbox(MULTI)).toEqual({ minLon: 71.4, minLat: 51.1, maxLon: 71.51, maxLat: 51.11 });
  });

  it('measures a 0.01° square at lat 51.1 as about 1.112 km × 0.698 km', () => {
    const area = areaKm2(SQUARE);
    expect(area).toBeGreaterThan(0.776 * 0.995);
    expect(area).toBeLessThan(0.776 * 1.005);
    // Exact on the sphere: R² · Δλ · (sin φ2 − sin φ1).
    const rad = Math.PI / 180;
    const exact = (EARTH_RADIUS_M ** 2 * 0.01 * rad * (Math.sin(51.11 * rad) - Math.sin(51.1 * rad))) / 1e6;
    expect(area).toBeCloseTo(exact, 9);
  });

  it('does not depend on ring orientation', () => {
    const clockwise = polygon([...rect(71.4, 51.1, 71.41, 51.11)].reverse());
    expect(areaKm2(clockwise)).toBeCloseTo(areaKm2(SQUARE), 12);
  });

  it('subtracts holes and adds multipolygon parts', () => {
    const hole = areaKm2(polygon(rect(71.403, 51.103, 71.407, 51.107)));
    expect(areaKm2(WITH_HOLE)).toBeCloseTo(areaKm2(SQUARE) - hole, 9);
    expect(areaKm2(MULTI)).toBeCloseTo(2 * areaKm2(SQUARE), 6);
  });

  it('measures a triangle (sloped edges) within 0.5 % of the planar local estimate', () => {
    const triangle = polygon([
      [71.4, 51.1],
      [71.5, 51.1],
      [71.4, 51.2],
      [71.4, 51.1],
    ]);
    const width = 0.1 * M_PER_DEG * Math.cos((51.15 * Math.PI) / 180);
    const height = 0.1 * M_PER_DEG;
    const planar = (width * height) / 2 / 1e6;
    expect(Math.abs(areaKm2(triangle) / planar - 1)).toBeLessThan(0.005);
  });
});

describe('interiorPoint', () => {
  it('is the centroid of a convex polygon', () => {
    const [lon, lat] = interiorPoint(SQUARE);
    expect(lon).toBeCloseTo(71.405, 12);
    expect(lat).toBeCloseTo(51.105, 12);
  });

  it('avoids a hole at the centroid', () => {
    const point = interiorPoint(WITH_HOLE);
    expect(locatePoint(WITH_HOLE, point[0], point[1])).toBe('inside');
  });

  it('is inside a C-shaped polygon whose centroid is outside', () => {
    const cShape = polygon([
      [0, 0],
      [3, 0],
      [3, 1],
      [1, 1],
      [1, 2],
      [3, 2],
      [3, 3],
      [0, 3],
      [0, 0],
    ]);
    const point = interiorPoint(cShape);
    expect(locatePoint(cShape, point[0], point[1], 0)).toBe('inside');
  });

  it('uses the largest part of a multipolygon', () => {
    const multi: Boundary = { type: 'MultiPolygon', coordinates: [[rect(0, 0, 1, 1)], [rect(5, 5, 8, 8)]] };
    expect(interiorPoint(multi)).toEqual([6.5, 6.5]);
  });
});

describe('interiorsOverlap', () => {
  it('does not count a shared edge as overlap', () => {
    expect(interiorsOverlap(SQUARE, EAST)).toBe(false);
    expect(interiorsOverlap(EAST, SQUARE)).toBe(false);
  });

  it('does not count a shared vertex as overlap', () => {
    expect(interiorsOverlap(SQUARE, polygon(rect(71.41, 51.11, 71.42, 51.12)))).toBe(false);
  });

  it('does not count separate polygons as overlap', () => {
    expect(interiorsOverlap(SQUARE, polygon(rect(71.5, 51.1, 71.51, 51.11)))).toBe(false);
  });

  it('tolerates a neighbour whose shared edge has extra vertices with rounding error', () => {
    // The neighbour's west edge runs along the square's east edge through a vertex computed
    // by interpolation, which is off the line by floating-point error.
    const t = 1 / 3; // 51.1 + t·0.01 is not exactly representable
    const mid: Position = [71.41 - 3e-14, 51.1 + t * (51.11 - 51.1)];
    const neighbour = polygon([
      [71.41, 51.1],
      [71.42, 51.1],
      [71.42, 51.11],
      [71.41, 51.11],
      mid,
      [71.41, 51.1],
    ]);
    expect(interiorsOverlap(SQUARE, neighbour)).toBe(false);
    expect(interiorsOverlap(neighbour, SQUARE)).toBe(false);
  });

  it('does not count adjacent irregular polygons built from the same vertices', () => {
    const shared: Position[] = [
      [71.4312345, 51.1012345],
      [71.4356789, 51.1043219],
      [71.4334567, 51.1087654],
      [71.4378901, 51.1123456],
    ];
    const west = polygon([...shared, [71.42, 51.112], [71.421, 51.1], shared[0]]);
    const east = polygon([[71.45, 51.1], ...[...shared].reverse().slice(0, -1), shared[0], [71.45, 51.1]]);
    expect(validateBoundary(west).ok).toBe(true);
    expect(validateBoundary(east).ok).toBe(true);
    expect(interiorsOverlap(west, east)).toBe(false);
  });

  it('finds overlap with a shifted copy', () => {
    const shifted = polygon(rect(71.405, 51.105, 71.415, 51.115));
    expect(interiorsOverlap(SQUARE, shifted)).toBe(true);
    expect(interiorsOverlap(shifted, SQUARE)).toBe(true);
  });

  it('finds overlap of a slightly shifted copy sharing no crossing point in the interior of edges', () => {
    const shiftedEast = polygon(rect(71.409, 51.1, 71.419, 51.11));
    expect(interiorsOverlap(SQUARE, shiftedEast)).toBe(true);
  });

  it('finds overlap when one contains the other, either way round', () => {
    const inner = polygon(rect(71.402, 51.102, 71.404, 51.104));
    expect(interiorsOverlap(SQUARE, inner)).toBe(true);
    expect(interiorsOverlap(inner, SQUARE)).toBe(true);
  });

  it('finds overlap of identical polygons, and of a polygon with its half', () => {
    expect(interiorsOverlap(SQUARE, polygon(rect(71.4, 51.1, 71.41, 51.11)))).toBe(true);
    expect(interiorsOverlap(SQUARE, polygon(rect(71.4, 51.1, 71.405, 51.11)))).toBe(true);
  });

  it('finds overlap of a multipolygon with one of its parts', () => {
    expect(interiorsOverlap(MULTI, polygon(rect(71.5, 51.1, 71.51, 51.11)))).toBe(true);
  });

  it('does not count a polygon filling a hole as overlap, but one larger than the hole does', () => {
    const filling = polygon(rect(71.403, 51.103, 71.407, 51.107));
    expect(interiorsOverlap(WITH_HOLE, filling)).toBe(false);
    expect(interiorsOverlap(filling, WITH_HOLE)).toBe(false);
    expect(interiorsOverlap(WITH_HOLE, polygon(rect(71.402, 51.103, 71.407, 51.107)))).toBe(true);
    expect(interiorsOverlap(WITH_HOLE, polygon(rect(71.404, 51.104, 71.406, 51.106)))).toBe(false);
  });

  it('finds overlap of a cross shape (edges cross, no vertex inside the other)', () => {
    const horizontal = polygon(rect(0, 1, 3, 2));
    const vertical = polygon(rect(1, 0, 2, 3));
    expect(interiorsOverlap(horizontal, vertical)).toBe(true);
  });
});

describe('PostgreSQL literals', () => {
  it('writes outer rings without the closing point, one per part', () => {
    expect(outerRingLiterals(MULTI)).toEqual([
      '((71.4,51.1),(71.41,51.1),(71.41,51.11),(71.4,51.11))',
      '((71.5,51.1),(71.51,51.1),(71.51,51.11),(71.5,51.11))',
    ]);
    expect(outerRingLiterals(WITH_HOLE)).toEqual(['((71.4,51.1),(71.41,51.1),(71.41,51.11),(71.4,51.11))']);
  });

  it('writes a point', () => {
    expect(pointLiteral(71.430611, 51.128207)).toBe('(71.430611,51.128207)');
    expect(pointLiteral(-0.5, -10)).toBe('(-0.5,-10)');
  });
});

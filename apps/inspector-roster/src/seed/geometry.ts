/**
 * Planar geometry in degrees for the demo territory: rectilinear outlines, exact tilings of
 * rectangles into jittered quadrilaterals, and the small predicates the tests use.
 */
import type { Block, Polygon, Position } from './types';

/** Rounds to 6 decimals (≈ 0.1 m): the nearest double to the decimal, so equal inputs are bit-identical. */
export function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** Signed shoelace area in square degrees: positive for a counter-clockwise ring. */
export function signedRingArea(ring: readonly Position[]): number {
  let twice = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x1, y1] = ring[i];
    const [x2, y2] = ring[i + 1];
    twice += x1 * y2 - x2 * y1;
  }
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (first[0] !== last[0] || first[1] !== last[1]) twice += last[0] * first[1] - first[0] * last[1];
  return twice / 2;
}

const KM_PER_DEGREE_LAT = 110.574;
const KM_PER_DEGREE_LON_AT_EQUATOR = 111.32;


/** Width and height of a block in km. */
export function blockSizeKm(block: Block): { width: number; height: number } {
  const cos = Math.cos((((block.south + block.north) / 2) * Math.PI) / 180);
  return {
    width: (block.east - block.west) * KM_PER_DEGREE_LON_AT_EQUATOR * cos,
    height: (block.north - block.south) * KM_PER_DEGREE_LAT,
  };
}


export function polygon(ring: Position[]): Polygon {
  return { type: 'Polygon', coordinates: [ring] };
}

/** Bounding box of a ring. */
export function ringBounds(ring: readonly Position[]): Block {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const [x, y] of ring) {
    west = Math.min(west, x);
    east = Math.max(east, x);
    south = Math.min(south, y);
    north = Math.max(north, y);
  }
  return { west, south, east, north };
}

/**
 * The outline of a union of non-overlapping axis-aligned blocks as one closed counter-clockwise
 * ring without collinear vertices. Throws if the union is not a single ring (disconnected, with a
 * hole, or touching itself at a corner).
 */
export function rectilinearOutline(blocks: readonly Block[]): Position[] {
  if (blocks.length === 0) throw new Error('rectilinearOutline: no blocks');
  const xs = [...new Set(blocks.flatMap((b) => [b.west, b.east]))].sort((a, b) => a - b);
  const ys = [...new Set(blocks.flatMap((b) => [b.south, b.north]))].sort((a, b) => a - b);
  const covered: boolean[][] = ys.slice(1).map(() => xs.slice(1).map(() => false));
  for (const block of blocks) {
    if (!(block.west < block.east && block.south < block.north)) throw new Error('rectilinearOutline: empty block');
    for (let j = ys.indexOf(block.south); j < ys.indexOf(block.north); j++) {
      for (let i = xs.indexOf(block.west); i < xs.indexOf(block.east); i++) {
        if (covered[j][i]) throw new Error('rectilinearOutline: blocks overlap');
        covered[j][i] = true;
      }
    }
  }
  const isCovered = (i: number, j: number) => j >= 0 && j < covered.length && i >= 0 && i < covered[j].length && covered[j][i];
  // Directed boundary edges with the interior on the left, keyed by their start (grid indices).
  const next = new Map<string, [number, number]>();
  const add = (from: [number, number], to: [number, number]) => {
    const key = `${from[0]},${from[1]}`;
    if (next.has(key)) throw new Error('rectilinearOutline: the outline touches itself');
    next.set(key, to);
  };
  for (let j = 0; j < covered.length; j++) {
    for (let i = 0; i < covered[j].length; i++) {
      if (!covered[j][i]) continue;
      if (!isCovered(i, j - 1)) add([i, j], [i + 1, j]);
      if (!isCovered(i + 1, j)) add([i + 1, j], [i + 1, j + 1]);
      if (!isCovered(i, j + 1)) add([i + 1, j + 1], [i, j + 1]);
      if (!isCovered(i - 1, j)) add([i, j + 1], [i, j]);
    }
  }
  // Start at the lowest, then leftmost vertex: a convex corner.
  let start: [number, number] | undefined;
  for (const key of next.keys()) {
    const [i, j] = key.split(',').map(Number) as [number, number];
    if (!start || j < start[1] || (j === start[1] && i < start[0])) start = [i, j];
  }
  const indices: [number, number][] = [];
  let current = start as [number, number];
  do {
    indices.push(current);
    const to = next.get(`${current[0]},${current[1]}`);
    if (!to) throw new Error('rectilinearOutline: open boundary');
    current = to;
  } while (current[0] !== indices[0][0] || current[1] !== indices[0][1]);
  if (indices.length !== next.size) throw new Error('rectilinearOutline: the blocks do not form one simple ring');
  // Drop collinear vertices.
  const corners = indices.filter((point, k) => {
    const before = indices[(k + indices.length - 1) % indices.length];
    const after = indices[(k + 1) % indices.length];
    return !((before[0] === point[0] && point[0] === after[0]) || (before[1] === point[1] && point[1] === after[1]));
  });
  const ring = corners.map(([i, j]): Position => [xs[i], ys[j]]);
  ring.push([ring[0][0], ring[0][1]]);
  return ring;
}

/** One cell of a tiled block: its four corners (SW, SE, NE, NW) and its grid place. */
export interface TileCell {
  row: number;
  col: number;
  corners: [Position, Position, Position, Position];
}

export interface TiledBlock {
  cells: TileCell[];
  /** Every vertex on the block's boundary (corners included). */
  boundary: Position[];
}

/**
 * Tiles a block into `rows × cols` quadrilaterals. Interior grid vertices are jittered once (by
 * up to `jitter` of the cell size on each axis) and shared by the four cells around them;
 * boundary vertices slide along the block's edges only; the block's corners stay. All
 * coordinates are rounded to 6 decimals before sharing. With `jitter < 0.25` every cell stays
 * convex and counter-clockwise, so the cells cover the block exactly without overlaps.
 */
export function tileBlock(block: Block, rows: number, cols: number, random: () => number, jitter = 0.22): TiledBlock {
  if (!(rows >= 1 && cols >= 1 && Number.isInteger(rows) && Number.isInteger(cols))) throw new RangeError('tileBlock: rows and cols must be positive integers');
  if (!(jitter >= 0 && jitter < 0.25)) throw new RangeError('tileBlock: jitter must be in [0, 0.25)');
  const dx = (block.east - block.west) / cols;
  const dy = (block.north - block.south) / rows;
  const xs = Array.from({ length: cols + 1 }, (_, i) => (i === cols ? round6(block.east) : round6(block.west + dx * i)));
  const ys = Array.from({ length: rows + 1 }, (_, j) => (j === rows ? round6(block.north) : round6(block.south + dy * j)));
  const vertices: Position[][] = [];
  const boundary: Position[] = [];
  for (let j = 0; j <= rows; j++) {
    const line: Position[] = [];
    for (let i = 0; i <= cols; i++) {
      const onVertical = i === 0 || i === cols;
      const onHorizontal = j === 0 || j === rows;
      const x = onVertical ? xs[i] : round6(xs[i] + (random() * 2 - 1) * jitter * dx);
      const y = onHorizontal ? ys[j] : round6(ys[j] + (random() * 2 - 1) * jitter * dy);
      const vertex: Position = [x, y];
      line.push(vertex);
      if (onVertical || onHorizontal) boundary.push(vertex);
    }
    vertices.push(line);
  }
  const cells: TileCell[] = [];
  for (let row = 0; row < rows; row++) {
    for (let col = 0; col < cols; col++) {
      cells.push({ row, col, corners: [vertices[row][col], vertices[row][col + 1], vertices[row + 1][col + 1], vertices[row + 1][col]] });
    }
  }
  return { cells, boundary };
}

function sortedUnique(values: number[]): number[] {
  values.sort((a, b) => a - b);
  return values.filter((value, k) => k === 0 || value !== values[k - 1]);
}

/**
 * Makes a set of rings conforming: every boundary point lying strictly inside an axis-aligned
 * edge of a ring becomes a vertex of that ring (no T-junctions), so cells on either side of a
 * block seam or district border share the exact same vertices. Returns new closed rings.
 */
export function conformRings(rings: readonly Position[][], boundary: readonly Position[]): Position[][] {
  const byX = new Map<number, number[]>();
  const byY = new Map<number, number[]>();
  const append = (map: Map<number, number[]>, key: number, value: number) => {
    const values = map.get(key);
    if (values) values.push(value);
    else map.set(key, [value]);
  };
  for (const [x, y] of boundary) {
    append(byX, x, y);
    append(byY, y, x);
  }
  for (const [key, values] of byX) byX.set(key, sortedUnique(values));
  for (const [key, values] of byY) byY.set(key, sortedUnique(values));
  const between = (values: number[] | undefined, from: number, to: number): number[] => {
    if (!values) return [];
    const low = Math.min(from, to);
    const high = Math.max(from, to);
    const inside = values.filter((value) => value > low && value < high);
    return from < to ? inside : inside.reverse();
  };
  return rings.map((ring) => {
    const out: Position[] = [];
    for (let k = 0; k + 1 < ring.length; k++) {
      const a = ring[k];
      const b = ring[k + 1];
      out.push([a[0], a[1]]);
      if (a[0] === b[0]) for (const y of between(byX.get(a[0]), a[1], b[1])) out.push([a[0], y]);
      else if (a[1] === b[1]) for (const x of between(byY.get(a[1]), a[0], b[0])) out.push([x, a[1]]);
    }
    out.push([out[0][0], out[0][1]]);
    return out;
  });
}

/** A closed ring through the corners (SW, SE, NE, NW), counter-clockwise. */
export function cornerRing(corners: readonly Position[]): Position[] {
  return [...corners, corners[0]];
}

import { conformRings, cornerRing, rectilinearOutline, round6, signedRingArea, tileBlock } from './geometry';
import { mulberry32, shuffled, stream } from './random';
import type { Position } from './types';

describe('rectilinearOutline', () => {
  it('outlines an L-shaped union counter-clockwise without collinear vertices', () => {
    const ring = rectilinearOutline([
      { west: 0, south: 0, east: 2, north: 1 },
      { west: 1, south: 1, east: 2, north: 3 },
    ]);
    expect(ring).toEqual([[0, 0], [2, 0], [2, 3], [1, 3], [1, 1], [0, 1], [0, 0]]);
    expect(signedRingArea(ring)).toBe(4);
  });

  it('merges blocks that share a whole edge into one rectangle', () => {
    expect(rectilinearOutline([
      { west: 0, south: 0, east: 1, north: 1 },
      { west: 1, south: 0, east: 2, north: 1 },
    ])).toEqual([[0, 0], [2, 0], [2, 1], [0, 1], [0, 0]]);
  });

  it('refuses disconnected, overlapping or corner-touching blocks', () => {
    expect(() => rectilinearOutline([{ west: 0, south: 0, east: 1, north: 1 }, { west: 2, south: 0, east: 3, north: 1 }])).toThrow();
    expect(() => rectilinearOutline([{ west: 0, south: 0, east: 2, north: 2 }, { west: 1, south: 1, east: 3, north: 3 }])).toThrow(/overlap/);
    expect(() => rectilinearOutline([{ west: 0, south: 0, east: 1, north: 1 }, { west: 1, south: 1, east: 2, north: 2 }])).toThrow();
    expect(() => rectilinearOutline([])).toThrow();
  });
});

describe('tileBlock', () => {
  const block = { west: 71.38, south: 51.08, east: 71.52, north: 51.15 };

  it('covers the block exactly with convex counter-clockwise cells sharing their vertices', () => {
    const { cells, boundary } = tileBlock(block, 6, 9, mulberry32(5));
    expect(cells).toHaveLength(54);
    const rings = cells.map((c) => cornerRing(c.corners));
    const total = rings.reduce((s, r) => s + signedRingArea(r), 0);
    expect(Math.abs(total - 0.14 * 0.07) / (0.14 * 0.07)).toBeLessThan(1e-9);
    for (const ring of rings) {
      for (let k = 0; k + 2 < ring.length + 1; k++) {
        const [a, b, c] = [ring[k % 4], ring[(k + 1) % 4], ring[(k + 2) % 4]];
        expect((b[0] - a[0]) * (c[1] - b[1]) - (b[1] - a[1]) * (c[0] - b[0])).toBeGreaterThan(0);
      }
    }
    expect(boundary).toHaveLength(2 * (6 + 9));
    for (const [x, y] of boundary) expect(x === block.west || x === block.east || y === block.south || y === block.north).toBe(true);
    // Vertices are rounded and identical where shared.
    expect(cells[0].corners[1]).toBe(cells[1].corners[0]);
    for (const c of cells) for (const [x, y] of c.corners) expect([round6(x), round6(y)]).toEqual([x, y]);
  });

  it('rejects bad sizes and jitter that could fold cells', () => {
    expect(() => tileBlock(block, 0, 3, mulberry32(1))).toThrow(RangeError);
    expect(() => tileBlock(block, 2, 3, mulberry32(1), 0.3)).toThrow(RangeError);
  });
});

describe('conformRings', () => {
  it('inserts the neighbours vertices lying on axis-aligned edges, in travel order', () => {
    const left: Position[] = [[0, 0], [1, 0], [1, 2], [0, 2], [0, 0]];
    const boundary: Position[] = [[1, 0.5], [1, 1.5], [0, 0], [5, 1]];
    const [out] = conformRings([left], boundary);
    expect(out).toEqual([[0, 0], [1, 0], [1, 0.5], [1, 1.5], [1, 2], [0, 2], [0, 0]]);
    expect(signedRingArea(out)).toBe(2);
  });
});

describe('random streams', () => {
  it('draws reproducible random streams', () => {
    const a = stream(1, 'x');
    const b = stream(1, 'x');
    const c = stream(1, 'y');
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect(c()).not.toBe(first[0]);
    expect(first.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(shuffled(mulberry32(3), [1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5]);
  });
});

import { checkCoordinates, choosePrecinct } from './lookup';
import type { Boundary } from './geometry';

const square = (w: number, s: number, e: number, n: number): Boundary => ({
  type: 'Polygon',
  coordinates: [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ],
});

const A = { code: 'AST-ESL-02', boundary: square(71.41, 51.1, 71.42, 51.11) };
const B = { code: 'AST-ESL-01', boundary: square(71.4, 51.1, 71.41, 51.11) };
const withHole: Boundary = {
  type: 'Polygon',
  coordinates: [
    (square(71.5, 51.1, 71.52, 51.12).coordinates as Array<Array<[number, number]>>)[0],
    [
      [71.505, 51.105],
      [71.505, 51.115],
      [71.515, 51.115],
      [71.515, 51.105],
      [71.505, 51.105],
    ],
  ],
};

describe('choosePrecinct', () => {
  it('returns the precinct containing the point', () => {
    expect(choosePrecinct([A, B], 71.415, 51.105)).toEqual({ code: 'AST-ESL-02', match: 'inside', distanceMetres: 0 });
  });

  it('gives a point on a shared edge to the lowest code whatever the candidates\' order', () => {
    expect(choosePrecinct([A, B], 71.41, 51.105)).toEqual({ code: 'AST-ESL-01', match: 'boundary', distanceMetres: 0 });
    expect(choosePrecinct([B, A], 71.41, 51.105)).toEqual({ code: 'AST-ESL-01', match: 'boundary', distanceMetres: 0 });
  });

  it('matches the nearest precinct within reach, and none beyond it', () => {
    const metres = 111_320 * Math.cos((51.105 * Math.PI) / 180);
    const near = choosePrecinct([A, B], 71.42 + 100 / metres, 51.105);
    expect(near?.code).toBe('AST-ESL-02');
    expect(near?.match).toBe('nearest');
    expect(near?.distanceMetres).toBeCloseTo(100, 0);
    expect(choosePrecinct([A, B], 71.42 + 100 / metres, 51.105, 50)).toBeNull();
    expect(choosePrecinct([], 71.415, 51.105)).toBeNull();
  });

  it('does not put a point in a precinct\'s hole', () => {
    expect(choosePrecinct([{ code: 'AST-ESL-09', boundary: withHole }], 71.51, 51.11, 0)).toBeNull();
    expect(choosePrecinct([{ code: 'AST-ESL-09', boundary: withHole }], 71.502, 51.11)).toMatchObject({ match: 'inside' });
  });
});

describe('checkCoordinates', () => {
  it('names each coordinate out of range', () => {
    expect(checkCoordinates(51.1, 71.4)).toEqual([]);
    expect(checkCoordinates(-91, Number.NaN).map((e) => e.field)).toEqual(['lat', 'lon']);
  });
});

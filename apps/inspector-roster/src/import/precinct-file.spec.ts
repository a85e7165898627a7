import { areaKm2, type Position } from '../territory/geometry';
import { parsePrecinctFile } from './precinct-file';

/** A lon/lat rectangle as a closed ring. */
function rect(minLon: number, minLat: number, maxLon: number, maxLat: number): Position[] {
  return [
    [minLon, minLat],
    [maxLon, minLat],
    [maxLon, maxLat],
    [minLon, maxLat],
    [minLon, minLat],
  ];
}

/** A valid feature of precinct AST-ESL-<n>, the n-th 0.01° square east of 71.4 E along 51.1 N. */
function feature(
  n: number,
  properties: Record<string, unknown> = {},
  geometry?: unknown,
): Record<string, unknown> {
  const code = `AST-ESL-${String(n).padStart(2, '0')}`;
  return {
    type: 'Feature',
    properties: {
      code,
      name_kk: `Учаске ${n}`,
      name_ru: `Участок ${n}`,
      name_en: `Precinct ${n}`,
      population: 5000 + n,
      ...properties,
    },
    geometry: geometry ?? {
      type: 'Polygon',
      coordinates: [rect(71.4 + n * 0.01, 51.1, 71.41 + n * 0.01, 51.11)],
    },
  };
}

/** A pretty-printed FeatureCollection: "type" on line 2, "features": [ on line 3, each feature on 1 line. */
function collection(features: unknown[]): string {
  return `{\n  "type": "FeatureCollection",\n  "features": [\n${features.map((f) => `    ${JSON.stringify(f)}`).join(',\n')}\n  ]\n}\n`;
}

/** Line of feature i in `collection` output. */
const lineOfFeature = (i: number) => 4 + i;

describe('parsePrecinctFile', () => {
  it('reads valid features into rows with line, index, code parts and computed area', () => {
    const { rows, errors } = parsePrecinctFile(
      collection([feature(1), feature(2, { settlement_type: 'rural', area_km2: 0.8 })]),
    );
    expect(errors).toEqual([]);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual({
      line: 4,
      index: 0,
      code: 'AST-ESL-01',
      districtCode: 'AST-ESL',
      number: 1,
      name: { kk: 'Учаске 1', ru: 'Участок 1', en: 'Precinct 1' },
      population: 5001,
      settlementType: 'urban',
      boundary: { type: 'Polygon', coordinates: [rect(71.4 + 0.01, 51.1, 71.41 + 0.01, 51.11)] },
      areaKm2: areaKm2({ type: 'Polygon', coordinates: [rect(71.4 + 0.01, 51.1, 71.41 + 0.01, 51.11)] }),
      point: null,
    });
    expect(rows[0].areaKm2).toBeCloseTo(0.776, 2);
    expect(rows[1]).toMatchObject({ line: 5, index: 1, settlementType: 'rural', areaKm2: 0.8 });
  });

  it('finds feature lines in a file laid out in any way', () => {
    const text = `{"features":\n\n[\n${JSON.stringify(feature(1))}\n,\n\n   ${JSON.stringify(feature(2, { population: -1 }))}],\n"type":"FeatureCollection"}`;
    const { rows, errors } = parsePrecinctFile(text);
    expect(rows.map((r) => r.line)).toEqual([4]);
    expect(errors).toEqual([
      {
        line: 7,
        index: 1,
        key: 'population',
        reason: 'population must be an integer from 0 to 200000, got -1',
      },
    ]);
  });

  it('is not fooled by brackets and quotes inside strings, or by nested "features" keys', () => {
    const tricky = feature(1, { name_en: 'A "quoted" ] } [ { name', extra: { features: [1, 2] } });
    const text = `{"type":"FeatureCollection","meta":{"features":["x"]},"features":[\n${JSON.stringify(tricky)},\n${JSON.stringify(feature(2, { code: 'bad' }))}]}`;
    const { rows, errors } = parsePrecinctFile(text);
    expect(rows.map((r) => [r.line, r.name.en])).toEqual([[2, 'A "quoted" ] } [ { name']]);
    expect(errors.map((e) => [e.line, e.index, e.key])).toEqual([[3, 1, 'code']]);
  });

  it('accepts a byte order mark and CRLF line ends', () => {
    const text = '\uFEFF' + collection([feature(1), feature(2, { name_ru: ' ' })]).replace(/\n/g, '\r\n');
    const { errors } = parsePrecinctFile(text);
    expect(errors).toEqual([
      { line: 5, index: 1, key: 'name_ru', reason: 'name_ru is required (a non-empty string)' },
    ]);
  });

  describe('whole-file errors', () => {
    it('reports invalid JSON once, at the line of the syntax error', () => {
      const text = '{\n  "type": "FeatureCollection",\n  "features": [\n    {"type": "Feature",}\n  ]\n}';
      const { rows, errors } = parsePrecinctFile(text);
      expect(rows).toEqual([]);
      expect(errors).toHaveLength(1);
      expect(errors[0].line).toBe(4);
      expect(errors[0].reason).toMatch(/^the file is not valid JSON: /);
    });

    it.each([
      ['[]'],
      ['{"type":"Feature"}'],
      ['{"type":"FeatureCollection"}'],
      ['{"type":"FeatureCollection","features":{}}'],
      ['42'],
    ])('reports %s as not a FeatureCollection', (text) => {
      expect(parsePrecinctFile(text)).toEqual({
        rows: [],
        errors: [
          {
            line: 1,
            reason:
              'the file is not a GeoJSON FeatureCollection (an object with "type": "FeatureCollection" and a "features" array)',
          },
        ],
      });
    });

    it('accepts an empty collection', () => {
      expect(parsePrecinctFile('{"type":"FeatureCollection","features":[]}')).toEqual({
        rows: [],
        errors: [],
      });
    });
  });

  describe('feature errors', () => {
    /** The errors of a file whose only feature (line 4, index 0) is the given one. */
    const errorsOf = (f: unknown) => parsePrecinctFile(collection([f])).errors;

    it('rejects something that is not a feature, and bad properties', () => {
      expect(errorsOf({ type: 'Polygon' })).toEqual([
        { line: 4, index: 0, reason: 'not a GeoJSON Feature (an object with "type": "Feature")' },
      ]);
      expect(errorsOf({ type: 'Feature', properties: null, geometry: null })).toEqual([
        { line: 4, index: 0, key: 'properties', reason: 'properties must be an object' },
      ]);
    });

    it.each([
      [
        { code: 'AST-ESL-1' },
        'code',
        'code must match ^[A-Z]{3}-[A-Z]{3}-[0-9]{2,3}$ (e.g. AST-ESL-01), got "AST-ESL-1"',
      ],
      [
        { code: undefined },
        'code',
        'code must match ^[A-Z]{3}-[A-Z]{3}-[0-9]{2,3}$ (e.g. AST-ESL-01), got nothing',
      ],
      [{ name_kk: '' }, 'name_kk', 'name_kk is required (a non-empty string)'],
      [{ name_en: 7 }, 'name_en', 'name_en is required (a non-empty string)'],
      [{ name_ru: 'я'.repeat(201) }, 'name_ru', 'name_ru is longer than 200 characters'],
      [{ population: 1.5 }, 'population', 'population must be an integer from 0 to 200000, got 1.5'],
      [{ population: 200_001 }, 'population', 'population must be an integer from 0 to 200000, got 200001'],
      [{ population: '5000' }, 'population', 'population must be an integer from 0 to 200000, got "5000"'],
      [
        { settlement_type: 'town' },
        'settlement_type',
        'settlement_type must be "urban" or "rural", got "town"',
      ],
      [{ area_km2: 0 }, 'area_km2', 'area_km2 must be a positive number, got 0'],
      [{ area_km2: '1' }, 'area_km2', 'area_km2 must be a positive number, got "1"'],
      [
        { point_lat: 51.105 },
        'point_lon',
        'point_lon is missing: give both point_lat and point_lon, or neither',
      ],
      [
        { point_lon: 71.415 },
        'point_lat',
        'point_lat is missing: give both point_lat and point_lon, or neither',
      ],
      [{ point_lat: 91, point_lon: 71.415 }, 'point_lat', 'point_lat must be a number between -90 and 90'],
      [
        { point_lat: 51.105, point_lon: 'east' },
        'point_lon',
        'point_lon must be a number between -180 and 180',
      ],
      [
        { point_address: 'ул. Кенесары, 1' },
        'point_lat',
        'point_lat and point_lon are required when point_address or reception_hours is given',
      ],
      [{ reception_hours: 5 }, 'reception_hours', 'reception_hours must be a string'],
    ])('rejects properties %j', (properties, key, reason) => {
      expect(errorsOf(feature(1, properties))).toEqual([{ line: 4, index: 0, key, reason }]);
    });

    it('accepts a population of 0 and 200000, and an explicit null settlement type', () => {
      expect(errorsOf(feature(1, { population: 0, settlement_type: null }))).toEqual([]);
      expect(errorsOf(feature(1, { population: 200_000 }))).toEqual([]);
    });

    it('reports every problem of a feature', () => {
      const errors = errorsOf(feature(1, { code: 'x', name_kk: '', population: -5 }));
      expect(errors.map((e) => e.key)).toEqual(['code', 'name_kk', 'population']);
    });

    it('reports geometry errors from validateBoundary', () => {
      const bowTie = {
        type: 'Polygon',
        coordinates: [
          [
            [71.42, 51.12],
            [71.44, 51.14],
            [71.44, 51.12],
            [71.42, 51.14],
            [71.42, 51.12],
          ],
        ],
      };
      expect(errorsOf(feature(1, {}, bowTie))).toEqual([
        {
          line: 4,
          index: 0,
          key: 'geometry',
          reason: 'geometry: ring 0 intersects itself near [71.43, 51.13]',
        },
      ]);
      expect(errorsOf({ ...feature(1), geometry: null })).toEqual([
        { line: 4, index: 0, key: 'geometry', reason: 'geometry: geometry must be a GeoJSON object' },
      ]);
    });

    it('rejects a district that is not known, when known districts are given', () => {
      const text = collection([
        feature(1),
        { ...feature(2), properties: { ...(feature(2).properties as object), code: 'AST-SAR-02' } },
      ]);
      const { rows, errors } = parsePrecinctFile(text, { knownDistricts: new Set(['AST-ESL']) });
      expect(rows.map((r) => r.code)).toEqual(['AST-ESL-01']);
      expect(errors).toEqual([
        { line: 5, index: 1, key: 'code', reason: 'code AST-SAR-02: district AST-SAR is not known' },
      ]);
    });
  });

  describe('reception point', () => {
    // Precinct 1 spans 71.41–71.42 E, 51.10–51.11 N; 0.01° of longitude is about 698 m there.
    it('reads a point inside the precinct', () => {
      const { rows, errors } = parsePrecinctFile(
        collection([
          feature(1, {
            point_lat: 51.105,
            point_lon: '71.415',
            point_address: ' ул. Кенесары, 1 ',
            reception_hours: 'Пн–Пт 9:00–18:00',
          }),
        ]),
      );
      expect(errors).toEqual([]);
      expect(rows[0].point).toEqual({
        address: 'ул. Кенесары, 1',
        lon: 71.415,
        lat: 51.105,
        receptionHours: 'Пн–Пт 9:00–18:00',
      });
    });

    it('accepts a point less than 2 km outside and rejects one farther', () => {
      expect(
        parsePrecinctFile(collection([feature(1, { point_lat: 51.105, point_lon: 71.44 })])).errors,
      ).toEqual([]); // ~1.4 km east
      expect(
        parsePrecinctFile(collection([feature(1, { point_lat: 51.105, point_lon: 71.46 })])).errors,
      ).toEqual([
        {
          line: 4,
          index: 0,
          key: 'point_lat',
          reason: 'the reception point lies 2.8 km outside the precinct (at most 2 km allowed)',
        },
      ]);
    });
  });

  describe('cross-feature checks', () => {
    it('rejects a repeated code on the later feature, naming the first', () => {
      const { rows, errors } = parsePrecinctFile(
        collection([feature(1), feature(2), feature(3, { code: 'AST-ESL-01' })]),
      );
      expect(rows.map((r) => r.index)).toEqual([0, 1]);
      expect(errors).toEqual([
        {
          line: 6,
          index: 2,
          key: 'code',
          reason: 'code AST-ESL-01 is repeated: feature 0 on line 4 has it already',
        },
      ]);
    });

    it('accepts features sharing edges', () => {
      const { rows, errors } = parsePrecinctFile(collection([1, 2, 3, 4].map((n) => feature(n))));
      expect(errors).toEqual([]);
      expect(rows).toHaveLength(4);
    });

    it('rejects a feature overlapping an earlier one, on the later feature', () => {
      const shifted = { type: 'Polygon', coordinates: [rect(71.415, 51.105, 71.425, 51.115)] };
      const inside = { type: 'Polygon', coordinates: [rect(71.421, 51.101, 71.422, 51.102)] };
      const { rows, errors } = parsePrecinctFile(
        collection([feature(1), feature(2), feature(5, {}, shifted), feature(6, {}, inside)]),
      );
      expect(rows.map((r) => r.code)).toEqual(['AST-ESL-01', 'AST-ESL-02']);
      expect(errors).toEqual([
        {
          line: 6,
          index: 2,
          key: 'geometry',
          reason: 'geometry overlaps precinct AST-ESL-01 (feature 0 on line 4)',
        },
        {
          line: 6,
          index: 2,
          key: 'geometry',
          reason: 'geometry overlaps precinct AST-ESL-02 (feature 1 on line 5)',
        },
        {
          line: 7,
          index: 3,
          key: 'geometry',
          reason: 'geometry overlaps precinct AST-ESL-02 (feature 1 on line 5)',
        },
      ]);
    });

    it('checks 10,000 adjacent features in a few seconds', () => {
      const features: unknown[] = [];
      const side = 100;
      const step = 0.005;
      for (let i = 0; i < side; i++) {
        for (let j = 0; j < side; j++) {
          // Each square has 3 extra vertices per edge, shared with its neighbour.
          const x0 = 71 + i * step;
          const y0 = 51 + j * step;
          const ring: Position[] = [];
          const corners: Position[] = [
            [x0, y0],
            [x0 + step, y0],
            [x0 + step, y0 + step],
            [x0, y0 + step],
          ];
          corners.forEach((a, k) => {
            const b = corners[(k + 1) % 4];
            for (let t = 0; t < 4; t++)
              ring.push([a[0] + ((b[0] - a[0]) * t) / 4, a[1] + ((b[1] - a[1]) * t) / 4]);
          });
          ring.push(ring[0]);
          const code = `AST-${String.fromCharCode(65 + Math.floor(i / 26))}${String.fromCharCode(65 + (i % 26))}A-${String(j).padStart(3, '0')}`;
          features.push({ ...feature(1, { code }, { type: 'Polygon', coordinates: [ring] }) });
        }
      }
      // One overlapping square at the end.
      features.push(
        feature(
          1,
          { code: 'AST-ZZZ-01' },
          { type: 'Polygon', coordinates: [rect(71.2001, 51.2001, 71.2002, 51.2002)] },
        ),
      );
      const text = collection(features);
      const started = Date.now();
      const { rows, errors } = parsePrecinctFile(text);
      const elapsed = Date.now() - started;
      expect(rows).toHaveLength(side * side);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({
        line: lineOfFeature(side * side),
        index: side * side,
        key: 'geometry',
      });
      expect(elapsed).toBeLessThan(5000);
    });
  });
});

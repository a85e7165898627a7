import { DISTRICT_CODE_PATTERN, PRECINCT_CODE_PATTERN, REGION_CODE_PATTERN } from '@seriktes/contracts';
import { DEFAULT_SEED, generateDemoTerritory, generateGridTerritory, precinctCode, REFERENCE_DATE } from './generate';
import type { DemoPrecinct, District, Position } from './types';

/** Even-odd point-in-ring, written independently of the code under test. */
function inside([x, y]: Position, ring: readonly Position[]): boolean {
  let odd = false;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x1, y1] = ring[i];
    const [x2, y2] = ring[i + 1];
    if (y1 > y !== y2 > y && x < x1 + ((y - y1) * (x2 - x1)) / (y2 - y1)) odd = !odd;
  }
  return odd;
}

function shoelace(ring: readonly Position[]): number {
  let twice = 0;
  for (let i = 0; i + 1 < ring.length; i++) twice += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return twice / 2;
}

function bounds(ring: readonly Position[]) {
  const xs = ring.map((p) => p[0]);
  const ys = ring.map((p) => p[1]);
  return { west: Math.min(...xs), east: Math.max(...xs), south: Math.min(...ys), north: Math.max(...ys) };
}

/** Why the ring is not a valid precinct/outline ring, or undefined. */
function ringProblem(ring: Position[]): string | undefined {
  if (ring.length < 4) return 'fewer than 4 positions';
  const [first, last] = [ring[0], ring[ring.length - 1]];
  if (first[0] !== last[0] || first[1] !== last[1]) return 'not closed';
  if (!(shoelace(ring) > 0)) return 'not counter-clockwise';
  for (const [lon, lat] of ring) {
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) return 'not finite';
    if (Math.round(lon * 1e6) / 1e6 !== lon || Math.round(lat * 1e6) / 1e6 !== lat) return 'not rounded to 6 decimals';
  }
  return undefined;
}

function expectValidRings(rings: Position[][]): void {
  expect(rings.map(ringProblem).filter((problem) => problem !== undefined)).toEqual([]);
}

/** Sample points on a grid over the area (offset so they avoid grid lines); returns those inside `area`. */
function samples(area: readonly Position[], steps: number): { point: Position; inArea: boolean }[] {
  const b = bounds(area);
  const out: { point: Position; inArea: boolean }[] = [];
  for (let i = 0; i < steps; i++) {
    for (let j = 0; j < steps; j++) {
      const point: Position = [b.west + ((i + 0.5 + 0.1234567) / (steps + 0.5)) * (b.east - b.west), b.south + ((j + 0.5 + 0.0765432) / (steps + 0.5)) * (b.north - b.south)];
      out.push({ point, inArea: inside(point, area) });
    }
  }
  return out;
}

/** Points of precincts' rings that contain `point` (bounding boxes first). */
function containing(point: Position, precincts: readonly { ring: Position[]; box: ReturnType<typeof bounds> }[]): number {
  let count = 0;
  for (const { ring, box } of precincts) {
    if (point[0] < box.west || point[0] > box.east || point[1] < box.south || point[1] > box.north) continue;
    if (inside(point, ring)) count++;
  }
  return count;
}

/** Every edge not on the outer boundary is shared, reversed, by exactly one other ring. */
function expectConforming(rings: Position[][], onBoundary: (a: Position, b: Position) => boolean): void {
  const key = (a: Position, b: Position) => `${a[0]},${a[1]}>${b[0]},${b[1]}`;
  const edges = new Map<string, number>();
  for (const ring of rings) for (let i = 0; i + 1 < ring.length; i++) edges.set(key(ring[i], ring[i + 1]), (edges.get(key(ring[i], ring[i + 1])) ?? 0) + 1);
  expect([...edges.values()].filter((count) => count !== 1)).toEqual([]);
  let unmatched = 0;
  for (const ring of rings) {
    for (let i = 0; i + 1 < ring.length; i++) {
      if (edges.has(key(ring[i + 1], ring[i]))) continue;
      if (!onBoundary(ring[i], ring[i + 1])) unmatched++;
    }
  }
  expect(unmatched).toBe(0);
}

/** Whether the segment a-b lies on an (axis-aligned) edge of the outline. */
function onOutline(outline: readonly Position[]): (a: Position, b: Position) => boolean {
  const onEdge = (p: Position) =>
    outline.some((q, i) => {
      const r = outline[i + 1];
      if (!r) return false;
      if (q[0] === r[0]) return p[0] === q[0] && p[1] >= Math.min(q[1], r[1]) && p[1] <= Math.max(q[1], r[1]);
      return p[1] === q[1] && p[0] >= Math.min(q[0], r[0]) && p[0] <= Math.max(q[0], r[0]);
    });
  return (a, b) => onEdge(a) && onEdge(b) && (a[0] === b[0] || a[1] === b[1]);
}

describe('generateDemoTerritory', () => {
  const territory = generateDemoTerritory();
  const { departments, districts, precincts, inspectors } = territory;
  const byDistrict = new Map<string, DemoPrecinct[]>();
  for (const p of precincts) byDistrict.set(p.districtCode, [...(byDistrict.get(p.districtCode) ?? []), p]);

  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateDemoTerritory({ seed: DEFAULT_SEED })).toEqual(territory);
    const a = generateDemoTerritory({ seed: 7 });
    expect(generateDemoTerritory({ seed: 7 })).toEqual(a);
    expect(a.precincts.map((p) => p.boundary)).not.toEqual(precincts.map((p) => p.boundary));
    expect(a.inspectors.map((i) => i.personalNumber)).not.toEqual(inspectors.map((i) => i.personalNumber));
  });

  it('has all 21 Departments with valid codes, names and seats', () => {
    expect(departments.map((d) => d.code)).toEqual(['AST', 'ALA', 'SHY', 'ABA', 'AKM', 'AKT', 'ALM', 'ATY', 'VOS', 'ZHA', 'ZHT', 'ZAP', 'KAR', 'KUS', 'KZY', 'MAN', 'PAV', 'SEV', 'ULT', 'TUR', 'TRN']);
    for (const d of departments) {
      expect(d.code).toMatch(new RegExp(REGION_CODE_PATTERN));
      for (const name of [d.name, d.department, d.seat.name]) for (const text of [name.kk, name.ru, name.en]) expect(text.length).toBeGreaterThan(1);
      expect(d.seat.lon).toBeGreaterThan(46);
      expect(d.seat.lon).toBeLessThan(88);
      expect(d.seat.lat).toBeGreaterThan(40);
      expect(d.seat.lat).toBeLessThan(56);
    }
    expect(departments.filter((d) => d.kind === 'city').map((d) => d.code)).toEqual(['AST', 'ALA', 'SHY']);
    expect(departments.find((d) => d.code === 'TRN')?.kind).toBe('transport');
    expect(departments.find((d) => d.code === 'AST')?.department).toEqual({ kk: 'Астана қаласының Полиция департаменті', ru: 'Департамент полиции города Астаны', en: 'Police Department of Astana' });
  });

  it('has the real city districts of Astana and Almaty and a district in every region', () => {
    const cityDistricts = districts.filter((d) => d.kind === 'city_district' && ['AST', 'ALA'].includes(d.regionCode)).map((d) => d.code);
    expect(cityDistricts.sort()).toEqual(['ALA-ALM', 'ALA-ALT', 'ALA-AUE', 'ALA-BOS', 'ALA-MED', 'ALA-NAU', 'ALA-TUR', 'ALA-ZHE', 'AST-ALM', 'AST-BAI', 'AST-ESL', 'AST-NUR', 'AST-SAR']);
    expect(districts.find((d) => d.code === 'AST-ESL')?.name.kk).toBe('Есіл ауданы');
    for (const d of departments) expect(districts.some((x) => x.regionCode === d.code)).toBe(true);
    const rural = districts.filter((d) => d.kind === 'rural_district');
    expect(new Set(rural.map((d) => d.regionCode)).size).toBeGreaterThanOrEqual(2);
    expect(districts.filter((d) => d.regionCode === 'TRN').map((d) => [d.code, d.kind])).toEqual([['TRN-AST', 'transport_line']]);
    const total = (region: string) => districts.filter((d) => d.regionCode === region).reduce((sum, d) => sum + d.population, 0);
    expect(total('AST')).toBeGreaterThan(1_400_000);
    expect(total('AST')).toBeLessThan(1_600_000);
    expect(total('ALA')).toBeGreaterThan(2_200_000);
    expect(total('ALA')).toBeLessThan(2_400_000);
  });

  it('gives districts unique valid codes and closed counter-clockwise outlines', () => {
    expect(new Set(districts.map((d) => d.code)).size).toBe(districts.length);
    for (const d of districts) {
      expect(d.code).toMatch(new RegExp(DISTRICT_CODE_PATTERN));
      expect(d.code.slice(0, 3)).toBe(d.regionCode);
    }
    expectValidRings(districts.map((d) => d.outline.coordinates[0]));
  });

  it('places Yesil on the left bank, Medeu south-east and Turksib north-east of Almaty centre', () => {
    const centre = (code: string) => {
      const b = bounds((districts.find((d) => d.code === code) as District).outline.coordinates[0]);
      return [(b.west + b.east) / 2, (b.south + b.north) / 2];
    };
    expect(centre('AST-ESL')[1]).toBeLessThan(centre('AST-SAR')[1]);
    expect(centre('ALA-MED')[0]).toBeGreaterThan(76.95);
    expect(centre('ALA-MED')[1]).toBeLessThan(centre('ALA-TUR')[1]);
    expect(centre('ALA-TUR')[0]).toBeGreaterThan(76.95);
    expect(centre('ALA-NAU')[0]).toBeLessThan(76.85);
  });

  it('never lets the outlines of territorial districts overlap', () => {
    const territorial = districts.filter((d) => d.kind !== 'transport_line');
    const rings = territorial.map((d) => ({ ring: d.outline.coordinates[0], box: bounds(d.outline.coordinates[0]) }));
    for (const region of ['AST', 'ALA', 'KAR', 'AKM']) {
      const area = territorial.filter((d) => d.regionCode === region).flatMap((d) => d.outline.coordinates[0]);
      const box = bounds(area);
      const frame: Position[] = [[box.west, box.south], [box.east, box.south], [box.east, box.north], [box.west, box.north], [box.west, box.south]];
      expect(samples(frame, 60).filter(({ point }) => containing(point, rings) > 1)).toEqual([]);
    }
  });

  it('gives precincts unique valid codes numbered from 1 in every district', () => {
    const pattern = new RegExp(PRECINCT_CODE_PATTERN);
    expect(new Set(precincts.map((p) => p.code)).size).toBe(precincts.length);
    for (const d of districts) {
      const own = byDistrict.get(d.code) ?? [];
      expect(own.length).toBeGreaterThanOrEqual(4);
      expect(own.length).toBeLessThanOrEqual(999);
      expect(own.map((p) => p.number)).toEqual(own.map((_, k) => k + 1));
      for (const p of own) {
        expect(p.code).toMatch(pattern);
        expect(p.code).toBe(precinctCode(d.code, p.number));
        expect(p.regionCode).toBe(d.regionCode);
      }
    }
    expect(precinctCode('AST-ESL', 7)).toBe('AST-ESL-07');
    expect(precinctCode('AST-ESL', 123)).toBe('AST-ESL-123');
    const esil = precincts.find((p) => p.code === 'AST-ESL-01');
    expect(esil?.name).toEqual({ kk: 'Есіл ауданы, №1 әкімшілік учаске', ru: 'Есильский район, административный участок №1', en: 'Yesil district, administrative precinct No. 1' });
    expect(precincts.some((p) => p.code === 'AST-ESL-02')).toBe(true);
  });

  it('sizes districts by population: city districts of Astana and Almaty large, the other cities 10–25 precincts', () => {
    for (const d of districts) {
      const n = byDistrict.get(d.code)?.length ?? 0;
      if (d.kind === 'city') {
        expect(n).toBeGreaterThanOrEqual(10);
        expect(n).toBeLessThanOrEqual(25);
      }
      if (d.kind === 'city_district' && d.regionCode !== 'SHY') expect(n).toBeGreaterThanOrEqual(50);
    }
  });

  it('makes every precinct polygon closed, counter-clockwise and rounded', () => {
    expect(precincts.filter((p) => p.boundary.type !== 'Polygon' || p.boundary.coordinates.length !== 1 || !(p.areaKm2 > 0))).toEqual([]);
    expectValidRings(precincts.map((p) => p.boundary.coordinates[0]));
  });

  it('distributes populations: sums match the districts, ±35 %, some over-loaded, villages 1,500–4,000', () => {
    for (const d of districts) {
      const own = byDistrict.get(d.code) ?? [];
      const sum = own.reduce((s, p) => s + p.population, 0);
      expect(Math.abs(sum - d.population) / d.population).toBeLessThanOrEqual(0.05);
      for (const p of own) {
        expect(Number.isInteger(p.population)).toBe(true);
        expect(p.settlementType).toBe(d.kind === 'rural_district' ? 'rural' : 'urban');
        if (d.kind === 'rural_district') {
          expect(p.population).toBeGreaterThanOrEqual(1500);
          expect(p.population).toBeLessThanOrEqual(4000);
        } else {
          expect(p.population).toBeGreaterThanOrEqual(2000);
          expect(p.population).toBeLessThanOrEqual(9000);
        }
      }
    }
    const overloaded = precincts.filter((p) => p.population >= 7000);
    expect(overloaded.length).toBeGreaterThanOrEqual(10);
    expect(overloaded.length / precincts.length).toBeLessThan(0.06);
    for (const p of overloaded) expect(p.population).toBeLessThanOrEqual(9000);
  });

  it('tiles every district exactly: areas add up and sample points fall in exactly one precinct', () => {
    for (const d of districts) {
      const outline = d.outline.coordinates[0];
      const own = byDistrict.get(d.code) ?? [];
      const area = own.reduce((s, p) => s + shoelace(p.boundary.coordinates[0]), 0);
      expect(Math.abs(area - shoelace(outline)) / shoelace(outline)).toBeLessThan(1e-9);
      const indexed = own.map((p) => ({ ring: p.boundary.coordinates[0], box: bounds(p.boundary.coordinates[0]) }));
      const wrong = samples(outline, 40).filter(({ point, inArea }) => containing(point, indexed) !== (inArea ? 1 : 0));
      expect({ district: d.code, wrong }).toEqual({ district: d.code, wrong: [] });
    }
  });

  it('shares vertices exactly between neighbouring precincts (no gaps, no T-junctions)', () => {
    for (const d of districts) {
      const own = byDistrict.get(d.code) ?? [];
      expectConforming(
        own.map((p) => p.boundary.coordinates[0]),
        onOutline(d.outline.coordinates[0]),
      );
    }
    // Across district borders of one city too.
    const astana = districts.filter((d) => d.regionCode === 'AST');
    const union = astana.flatMap((d) => byDistrict.get(d.code) ?? []).map((p) => p.boundary.coordinates[0]);
    const outlines = astana.map((d) => onOutline(d.outline.coordinates[0]));
    const key = (a: Position, b: Position) => `${a[0]},${a[1]}>${b[0]},${b[1]}`;
    const edges = new Set(union.flatMap((ring) => ring.slice(1).map((b, i) => key(ring[i], b))));
    const crossing = union.flatMap((ring) => ring.slice(1).map((b, i) => [ring[i], b] as const)).filter(([a, b]) => outlines.filter((f) => f(a, b)).length === 2);
    expect(crossing.length).toBeGreaterThan(50);
    for (const [a, b] of crossing) expect(edges.has(key(b, a))).toBe(true);
  });

  it('puts every precinct point inside its precinct, with an address and reception hours', () => {
    expect(precincts.filter((p) => !inside([p.point.lon, p.point.lat], p.boundary.coordinates[0])).map((p) => p.code)).toEqual([]);
    expect(precincts.filter((p) => !/, \d+$/.test(p.point.address) || !/^(Mon|Tue)/.test(p.point.receptionHours)).map((p) => p.code)).toEqual([]);
  });

  it.each([1, 2, 42, 0xdeadbeef])('keeps its invariants with seed %s', (seed) => {
    const other = generateDemoTerritory({ seed });
    expectValidRings(other.precincts.map((p) => p.boundary.coordinates[0]));
    for (const d of other.districts) {
      const own = other.precincts.filter((p) => p.districtCode === d.code);
      expect(own.reduce((sum, p) => sum + p.population, 0)).toBe(d.population);
      const [low, high] = d.kind === 'rural_district' ? [1500, 4000] : [2000, 9000];
      expect(own.filter((p) => p.population < low || p.population > high).map((p) => p.code)).toEqual([]);
    }
    const staffed = new Set(other.inspectors.filter((i) => i.position.endsWith('district_inspector')).map((i) => i.precinctCode));
    const acting = new Set(other.inspectors.flatMap((i) => i.actingPrecinctCodes));
    const vacant = other.precincts.filter((p) => !staffed.has(p.code) && !acting.has(p.code)).length / other.precincts.length;
    expect(vacant).toBeGreaterThanOrEqual(0.02);
    expect(vacant).toBeLessThanOrEqual(0.08);
    expect(other.inspectors.filter((i) => i.username).map((i) => [i.username, i.precinctCode, i.lastName])).toEqual([
      ['ast.esil.01', 'AST-ESL-01', 'Сұлтанова'],
      ['ast.esil.02', 'AST-ESL-02', 'Қасымов'],
    ]);
    expect(new Set(other.inspectors.map((i) => i.personalNumber)).size).toBe(other.inspectors.length);
  });

  describe('inspectors', () => {
    const precinctByCode = new Map(precincts.map((p) => [p.code, p]));
    const precinctInspectors = inspectors.filter((i) => i.position === 'district_inspector' || i.position === 'senior_district_inspector');

    it('have unique personal numbers and phones in the expected formats', () => {
      expect(new Set(inspectors.map((i) => i.personalNumber)).size).toBe(inspectors.length);
      expect(new Set(inspectors.map((i) => i.phone)).size).toBe(inspectors.length);
      for (const i of inspectors) {
        expect(i.personalNumber).toMatch(/^[0-9A-Z]{6,12}$/);
        expect(i.personalNumber.slice(0, 3)).toBe(i.unitCode.slice(0, 3));
        expect(i.phone).toMatch(/^\+77\d{9}$/);
        expect(i.serviceStart).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(i.assignedFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(i.serviceStart < i.assignedFrom).toBe(true);
        expect(i.assignedFrom < REFERENCE_DATE).toBe(true);
        expect(i.lastName.length * i.firstName.length * i.patronymic.length).toBeGreaterThan(0);
        expect(i.patronymic.endsWith(i.gender === 'male' ? 'ұлы' : 'қызы')).toBe(true);
        expect(i.lastName.endsWith('а')).toBe(i.gender === 'female');
        expect(districts.some((d) => d.code === i.unitCode)).toBe(true);
        if (i.precinctCode !== null) expect(precinctByCode.get(i.precinctCode)?.districtCode).toBe(i.unitCode);
      }
    });

    it('include the two demo accounts of Yesil district and no other usernames', () => {
      const first = inspectors.find((i) => i.precinctCode === 'AST-ESL-01' && i.position === 'district_inspector');
      expect(first).toMatchObject({ lastName: 'Сұлтанова', firstName: 'Айгерім', gender: 'female', username: 'ast.esil.01', unitCode: 'AST-ESL' });
      const second = inspectors.find((i) => i.precinctCode === 'AST-ESL-02' && i.position === 'district_inspector');
      expect(second).toMatchObject({ lastName: 'Қасымов', firstName: 'Бауыржан', gender: 'male', username: 'ast.esil.02', unitCode: 'AST-ESL' });
      expect(inspectors.filter((i) => i.username !== null)).toHaveLength(2);
      expect(first?.actingPrecinctCodes).toEqual([]);
      expect(second?.actingPrecinctCodes).toEqual([]);
    });

    it('have one district inspector per staffed precinct, about 4 % vacant, a few acting', () => {
      const own = new Map<string, number>();
      for (const i of precinctInspectors) own.set(i.precinctCode as string, (own.get(i.precinctCode as string) ?? 0) + 1);
      for (const [, count] of own) expect(count).toBe(1);
      const acting = precinctInspectors.flatMap((i) => i.actingPrecinctCodes.map((code) => [i, code] as const));
      expect(acting.length).toBeGreaterThanOrEqual(3);
      for (const [inspector, code] of acting) {
        expect(own.has(code)).toBe(false);
        expect(precinctByCode.get(code)?.districtCode).toBe(inspector.unitCode);
        expect(['AST-ESL-01', 'AST-ESL-02']).not.toContain(code);
        expect(['AST-ESL-01', 'AST-ESL-02']).not.toContain(inspector.precinctCode);
      }
      const covered = new Set(acting.map(([, code]) => code));
      const vacant = precincts.filter((p) => !own.has(p.code) && !covered.has(p.code));
      expect(vacant.length / precincts.length).toBeGreaterThanOrEqual(0.02);
      expect(vacant.length / precincts.length).toBeLessThanOrEqual(0.08);
      const withoutOwn = precincts.filter((p) => !own.has(p.code));
      expect(withoutOwn.length / precincts.length).toBeLessThanOrEqual(0.08);
      expect(own.has('AST-ESL-01') && own.has('AST-ESL-02')).toBe(true);
    });

    it('are about 20 % women, mostly senior lieutenants and captains, majors only as senior inspectors', () => {
      const women = inspectors.filter((i) => i.gender === 'female').length / inspectors.length;
      expect(women).toBeGreaterThan(0.12);
      expect(women).toBeLessThan(0.28);
      const middle = precinctInspectors.filter((i) => i.rank === 'police_senior_lieutenant' || i.rank === 'police_captain').length;
      expect(middle / precinctInspectors.length).toBeGreaterThan(0.6);
      for (const i of inspectors.filter((x) => x.rank === 'police_major')) expect(i.position).toBe('senior_district_inspector');
      const seniors = precinctInspectors.filter((i) => i.position === 'senior_district_inspector').length / precinctInspectors.length;
      expect(seniors).toBeGreaterThan(0.08);
      expect(seniors).toBeLessThan(0.18);
    });

    it('add a juvenile inspector and an assistant to every city police body', () => {
      for (const d of districts.filter((x) => x.kind === 'city' || x.kind === 'city_district')) {
        const staff = inspectors.filter((i) => i.unitCode === d.code);
        const juvenile = staff.filter((i) => i.position === 'juvenile_inspector');
        expect(juvenile).toHaveLength(1);
        expect(juvenile[0].precinctCode).toBeNull();
        const assistants = staff.filter((i) => i.position === 'assistant');
        expect(assistants).toHaveLength(1);
        const busy = assistants[0].precinctCode;
        if (busy !== null) expect(precinctByCode.get(busy)?.population).toBeGreaterThanOrEqual(7000);
      }
      expect(inspectors.filter((i) => i.position === 'assistant' && i.precinctCode !== null).length).toBeGreaterThan(10);
    });
  });
});

describe('generateGridTerritory', () => {
  it('produces 10,000 precincts with unique codes quickly', () => {
    const started = Date.now();
    const grid = generateGridTerritory(10_000);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(grid).toHaveLength(10_000);
    expect(new Set(grid.map((p) => p.code)).size).toBe(10_000);
    const pattern = new RegExp(PRECINCT_CODE_PATTERN);
    const perDistrict = new Map<string, number>();
    for (const p of grid) perDistrict.set(p.districtCode, (perDistrict.get(p.districtCode) ?? 0) + 1);
    expect(grid.filter((p) => !pattern.test(p.code) || !new RegExp(DISTRICT_CODE_PATTERN).test(p.districtCode)).map((p) => p.code)).toEqual([]);
    const vertices = grid.map((p) => p.boundary.coordinates[0].length - 1);
    expect(Math.min(...vertices)).toBeGreaterThanOrEqual(8);
    expect(Math.max(...vertices)).toBeLessThanOrEqual(20);
    expect(Math.max(...perDistrict.values())).toBeLessThanOrEqual(999);
    expect(perDistrict.size).toBe(11);
  });

  it('is deterministic and tiles each district without overlaps', () => {
    const grid = generateGridTerritory(1500, { seed: 3 });
    expect(generateGridTerritory(1500, { seed: 3 })).toEqual(grid);
    expect(generateGridTerritory(0)).toEqual([]);
    expect(() => generateGridTerritory(-1)).toThrow(RangeError);
    for (const districtCode of new Set(grid.map((p) => p.districtCode))) {
      const own = grid.filter((p) => p.districtCode === districtCode);
      const rings = own.map((p) => p.boundary.coordinates[0]);
      expectValidRings(rings);
      expect(own.filter((p) => !inside([p.point.lon, p.point.lat], p.boundary.coordinates[0])).map((p) => p.code)).toEqual([]);
      // Cells of 0.01° × 0.007°: the precincts' areas add up to the cells' area.
      const area = rings.reduce((s, r) => s + shoelace(r), 0);
      expect(Math.abs(area - own.length * 0.01 * 0.007) / area).toBeLessThan(1e-6);
      const indexed = rings.map((ring) => ({ ring, box: bounds(ring) }));
      const box = bounds(rings.flat());
      const frame: Position[] = [[box.west, box.south], [box.east, box.south], [box.east, box.north], [box.west, box.north], [box.west, box.south]];
      const counts = samples(frame, 50).map(({ point }) => containing(point, indexed));
      expect(Math.max(...counts)).toBe(1);
      // The cells cover at least the full rows' share of the frame.
      expect(counts.filter((c) => c === 1).length).toBeGreaterThan(0.9 * counts.length);
      // Interior edges are shared, reversed, by the neighbour.
      // On the boundary, edges run along the grid lines (axis-aligned); interior edges are jittered.
      expectConforming(rings, (a, b) => a[0] === b[0] || a[1] === b[1]);
    }
  });
});

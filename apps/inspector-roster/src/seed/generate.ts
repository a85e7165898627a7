/**
 * Deterministic demo territory: precincts tiling every district exactly, and a roster with one
 * inspector per precinct (minus a few vacancies, plus acting cover, juvenile inspectors and
 * assistants). Same seed, same output: every random choice comes from a named PRNG stream.
 */
import { areaKm2 } from '../territory/geometry';
import { blockSizeKm, conformRings, cornerRing, polygon, round6, tileBlock } from './geometry';
import { COMMON_STREETS, FEMALE_FIRST_NAMES, MALE_FIRST_NAMES, RURAL_STREETS, STREETS, SURNAMES, VILLAGES, patronymic, surname } from './names';
import { DISTRICTS, DISTRICT_DEFINITIONS, type DistrictDefinition } from './districts';
import { DEPARTMENTS } from './regions';
import { integer, pick, shuffled, stream, symmetric, type Random } from './random';
import type { DemoInspector, DemoPrecinct, DemoTerritory, Gender, LocalizedName, Position, PositionCode, RankCode, SeedOptions, SettlementType } from './types';

export const DEFAULT_SEED = 20250101;
/** "Today" of the demo data: service and assignment dates lie before it. */
export const REFERENCE_DATE = '2025-01-01';
/** Residents per precinct the tiling aims at. */
export const RESIDENTS_PER_PRECINCT = { urban: 3500, rural: 2700 } as const;
export const MAX_PRECINCTS_PER_DISTRICT = 999;
/** Share of precincts left without any inspector. */
export const VACANCY_SHARE = 0.04;

/** The two inspectors the demo identity provider knows (libs/testing/src/identity.ts). */
export const DEMO_ACCOUNTS: Readonly<Record<string, Pick<DemoInspector, 'lastName' | 'firstName' | 'patronymic' | 'gender' | 'rank' | 'position' | 'username'>>> = {
  'AST-ESL-01': { lastName: 'Сұлтанова', firstName: 'Айгерім', patronymic: 'Ерланқызы', gender: 'female', rank: 'police_captain', position: 'district_inspector', username: 'ast.esil.01' },
  'AST-ESL-02': { lastName: 'Қасымов', firstName: 'Бауыржан', patronymic: 'Серікұлы', gender: 'male', rank: 'police_senior_lieutenant', position: 'district_inspector', username: 'ast.esil.02' },
};

/** `AST-ESL` and 1 → `AST-ESL-01`; three digits from 100. */
export function precinctCode(districtCode: string, number: number): string {
  return `${districtCode}-${String(number).padStart(2, '0')}`;
}

function settlementOf(definition: DistrictDefinition): SettlementType {
  return definition.kind === 'rural_district' ? 'rural' : 'urban';
}

/** Largest-remainder apportionment of `total` over `weights`, at least one each. */
function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const result = exact.map((value) => Math.max(1, Math.floor(value)));
  let rest = total - result.reduce((a, b) => a + b, 0);
  const order = exact.map((value, k) => [value - Math.floor(value), k] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) result[order[k][1]]++;
  return result;
}

/** Grid size for about `count` cells of roughly square shape on the ground. */
function gridFor(width: number, height: number, count: number): { rows: number; cols: number } {
  const cols = Math.max(1, Math.round(Math.sqrt((count * width) / height)));
  const rows = Math.max(1, Math.round(count / cols));
  return { rows, cols };
}

interface RawPrecinct {
  definition: DistrictDefinition;
  number: number;
  corners: Position[];
  ring: Position[];
}

/** Tiles one district: blocks in order, each numbered row by row from the north-west. */
function tileDistrict(definition: DistrictDefinition, seed: number): { cells: RawPrecinct[]; boundary: Position[] } {
  const settlement = settlementOf(definition);
  const target = Math.min(MAX_PRECINCTS_PER_DISTRICT, Math.max(1, Math.round(definition.population / RESIDENTS_PER_PRECINCT[settlement])));
  const sizes = definition.blocks.map(blockSizeKm);
  const counts = apportion(Math.max(target, definition.blocks.length), sizes.map((s) => s.width * s.height));
  const random = stream(seed, `tiling:${definition.code}`);
  const cells: RawPrecinct[] = [];
  const boundary: Position[] = [];
  definition.blocks.forEach((block, b) => {
    const { rows, cols } = gridFor(sizes[b].width, sizes[b].height, counts[b]);
    const tiled = tileBlock(block, rows, cols, random);
    boundary.push(...tiled.boundary);
    const ordered = [...tiled.cells].sort((x, y) => y.row - x.row || x.col - y.col);
    for (const cell of ordered) cells.push({ definition, number: cells.length + 1, corners: cell.corners, ring: cornerRing(cell.corners) });
  });
  if (cells.length > MAX_PRECINCTS_PER_DISTRICT) throw new Error(`${definition.code}: ${cells.length} precincts, at most ${MAX_PRECINCTS_PER_DISTRICT}`);
  return { cells, boundary };
}

/** Integer populations summing to `total`: ±35 % around the mean, a few over-loaded (7,000–9,000). */
function populations(random: Random, count: number, total: number, settlement: SettlementType, overloaded: number): number[] {
  const result = new Array<number>(count).fill(0);
  const heavy = new Set(shuffled(random, [...Array(count).keys()]).slice(0, overloaded));
  let rest = total;
  for (const k of heavy) {
    result[k] = integer(random, 7000, 9000);
    rest -= result[k];
  }
  const normal = [...Array(count).keys()].filter((k) => !heavy.has(k));
  // Ordinary precincts stay within bounds (villages 1,500–4,000): narrower spread where the mean is near one.
  const [low, high] = settlement === 'rural' ? [1500, 4000] : [2200, 5000];
  const mean = rest / Math.max(1, normal.length);
  const spread = Math.max(0, Math.min(settlement === 'rural' ? 0.3 : 0.35, (0.97 * (mean - low)) / mean, (0.97 * (high - mean)) / mean));
  const weights = normal.map(() => 1 + spread * symmetric(random));
  const shares = apportion(Math.max(rest, normal.length), weights);
  normal.forEach((k, n) => (result[k] = shares[n]));
  // Rounding may still cross a bound by a resident or two: move the surplus to others.
  let surplus = 0;
  for (const k of normal) {
    const clamped = Math.min(high, Math.max(low, result[k]));
    surplus += result[k] - clamped;
    result[k] = clamped;
  }
  for (let i = 0, idle = 0; surplus !== 0 && normal.length > 0 && idle < normal.length; i = (i + 1) % normal.length) {
    const k = normal[i];
    const step = surplus > 0 && result[k] < high ? 1 : surplus < 0 && result[k] > low ? -1 : 0;
    result[k] += step;
    surplus -= step;
    idle = step === 0 ? idle + 1 : 0;
  }
  return result;
}

const URBAN_HOURS = ['Mon–Fri 09:00–18:00, Sat 09:00–13:00', 'Mon–Fri 09:00–18:00', 'Mon–Sat 09:00–18:00', 'Mon–Fri 10:00–19:00, Sat 10:00–14:00'];
const RURAL_HOURS = ['Mon–Fri 09:00–17:00', 'Mon, Wed, Fri 09:00–17:00', 'Tue, Thu 10:00–16:00, Sat 10:00–13:00'];

function address(random: Random, definition: DistrictDefinition): string {
  const building = integer(random, 1, 180);
  if (definition.kind === 'rural_district') {
    const villages = VILLAGES[definition.code] ?? [`${definition.name.kk} орталығы`];
    return `${pick(random, villages)}, ${pick(random, RURAL_STREETS)}, ${integer(random, 1, 60)}`;
  }
  if (definition.kind === 'transport_line') return `${pick(random, STREETS[definition.regionCode] ?? COMMON_STREETS)}, ${integer(random, 1, 12)}`;
  return `${pick(random, STREETS[definition.regionCode] ?? COMMON_STREETS)}, ${building}`;
}

/** A point strictly inside the convex cell: a convex combination of its corners. */
function interiorPoint(random: Random, corners: readonly Position[]): Position {
  const weights = corners.map(() => 0.15 + random() * 0.2);
  const sum = weights.reduce((a, b) => a + b, 0);
  let lon = 0;
  let lat = 0;
  corners.forEach(([x, y], k) => {
    lon += (x * weights[k]) / sum;
    lat += (y * weights[k]) / sum;
  });
  return [round6(lon), round6(lat)];
}

function precinctName(district: LocalizedName, number: number): LocalizedName {
  return {
    kk: `${district.kk}, №${number} әкімшілік учаске`,
    ru: `${district.ru}, административный участок №${number}`,
    en: `${district.en}, administrative precinct No. ${number}`,
  };
}

function demoPrecincts(seed: number): DemoPrecinct[] {
  // Tile every district, then make the tiling conforming across block seams and district borders
  // (Transport overlaps the cities, so it is a layer of its own).
  const tiled = DISTRICT_DEFINITIONS.map((definition) => tileDistrict(definition, seed));
  const raw: RawPrecinct[] = [];
  for (const layer of [false, true]) {
    const members = tiled.filter((_, d) => (DISTRICT_DEFINITIONS[d].kind === 'transport_line') === layer);
    const cells = members.flatMap((m) => m.cells);
    const rings = conformRings(
      cells.map((c) => c.ring),
      members.flatMap((m) => m.boundary),
    );
    cells.forEach((cell, k) => raw.push({ ...cell, ring: rings[k] }));
  }
  const order = new Map(DISTRICT_DEFINITIONS.map((d, k) => [d.code, k]));
  raw.sort((a, b) => (order.get(a.definition.code) ?? 0) - (order.get(b.definition.code) ?? 0) || a.number - b.number);

  const precincts: DemoPrecinct[] = [];
  for (const definition of DISTRICT_DEFINITIONS) {
    const cells = raw.filter((cell) => cell.definition === definition);
    const settlement = settlementOf(definition);
    const random = stream(seed, `precincts:${definition.code}`);
    const urbanBody = definition.kind === 'city' || definition.kind === 'city_district';
    const overloaded = !urbanBody ? 0 : cells.length >= 40 ? Math.max(1, Math.round(cells.length * 0.03)) : random() < 0.5 ? 1 : 0;
    const people = populations(random, cells.length, definition.population, settlement, overloaded);
    cells.forEach((cell, k) => {
      const [lon, lat] = interiorPoint(random, cell.corners);
      precincts.push({
        code: precinctCode(definition.code, cell.number),
        regionCode: definition.regionCode,
        districtCode: definition.code,
        number: cell.number,
        name: precinctName(definition.name, cell.number),
        boundary: polygon(cell.ring),
        areaKm2: Math.round(areaKm2(polygon(cell.ring)) * 1000) / 1000,
        population: people[k],
        settlementType: settlement,
        point: { address: address(random, definition), lon, lat, receptionHours: pick(random, settlement === 'rural' ? RURAL_HOURS : URBAN_HOURS) },
      });
    });
  }
  return precincts;
}

const DAY_MS = 86_400_000;
const REFERENCE_MS = Date.parse(`${REFERENCE_DATE}T00:00:00Z`);
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const MOBILE_PREFIXES = ['700', '701', '702', '705', '707', '708', '747', '771', '775', '776', '777', '778'];
const SERVICE_YEARS: Record<RankCode, [number, number]> = {
  police_lieutenant: [1, 4],
  police_senior_lieutenant: [3, 8],
  police_captain: [6, 14],
  police_major: [11, 22],
};

class Roster {
  readonly inspectors: DemoInspector[] = [];
  private readonly personalNumbers = new Set<string>();
  private readonly phones = new Set<string>();

  constructor(private readonly seed: number) {}

  add(
    key: string,
    unitCode: string,
    precinct: string | null,
    position: PositionCode,
    fixed?: Pick<DemoInspector, 'lastName' | 'firstName' | 'patronymic' | 'gender' | 'rank' | 'username'>,
  ): DemoInspector {
    const random = stream(this.seed, `inspector:${key}`);
    const gender: Gender = fixed?.gender ?? (random() < 0.2 ? 'female' : 'male');
    const rank = fixed?.rank ?? this.rank(random, position);
    const [minYears, maxYears] = SERVICE_YEARS[rank];
    const serviceStartMs = REFERENCE_MS - (integer(random, minYears, maxYears) * 365 + integer(random, 0, 364)) * DAY_MS;
    const earliestAssignment = Math.max(serviceStartMs + 180 * DAY_MS, REFERENCE_MS - 8 * 365 * DAY_MS);
    const latestAssignment = REFERENCE_MS - 30 * DAY_MS;
    const assignedMs = earliestAssignment + Math.floor(random() * Math.max(1, (latestAssignment - earliestAssignment) / DAY_MS)) * DAY_MS;
    const region = unitCode.slice(0, 3);
    let personalNumber: string;
    do personalNumber = `${region}${integer(random, 100000, 999999)}`;
    while (this.personalNumbers.has(personalNumber));
    this.personalNumbers.add(personalNumber);
    let phone: string;
    do phone = `+7${pick(random, MOBILE_PREFIXES)}${String(integer(random, 0, 9_999_999)).padStart(7, '0')}`;
    while (this.phones.has(phone));
    this.phones.add(phone);
    const inspector: DemoInspector = {
      personalNumber,
      lastName: fixed?.lastName ?? surname(pick(random, SURNAMES), gender),
      firstName: fixed?.firstName ?? pick(random, gender === 'male' ? MALE_FIRST_NAMES : FEMALE_FIRST_NAMES),
      patronymic: fixed?.patronymic ?? patronymic(pick(random, MALE_FIRST_NAMES), gender),
      gender,
      rank,
      position,
      unitCode,
      precinctCode: precinct,
      actingPrecinctCodes: [],
      assignedFrom: isoDate(Math.min(assignedMs, latestAssignment)),
      phone,
      username: fixed?.username ?? null,
      serviceStart: isoDate(serviceStartMs),
    };
    this.inspectors.push(inspector);
    return inspector;
  }

  private rank(random: Random, position: PositionCode): RankCode {
    const r = random();
    switch (position) {
      case 'senior_district_inspector':
        return r < 0.5 ? 'police_captain' : 'police_major';
      case 'assistant':
        return 'police_lieutenant';
      case 'juvenile_inspector':
        return r < 0.55 ? 'police_senior_lieutenant' : 'police_captain';
      default:
        return r < 0.2 ? 'police_lieutenant' : r < 0.65 ? 'police_senior_lieutenant' : 'police_captain';
    }
  }
}

/** Which precincts are vacant, and which vacant ones a neighbour's inspector covers (acting). */
function coverage(seed: number, precincts: readonly DemoPrecinct[]): { vacant: Set<string>; actingCover: Map<string, string> } {
  const protectedCodes = new Set(Object.keys(DEMO_ACCOUNTS));
  const random = stream(seed, 'coverage');
  const order = shuffled(
    random,
    precincts.map((p) => p.code).filter((code) => !protectedCodes.has(code)),
  );
  const vacantCount = Math.round(precincts.length * VACANCY_SHARE);
  const actingCount = Math.max(3, Math.round(precincts.length * 0.008));
  const vacant = new Set(order.slice(0, vacantCount));
  const byCode = new Map(precincts.map((p) => [p.code, p]));
  const actingCover = new Map<string, string>(); // coverer precinct -> covered precinct
  const covered = new Set<string>();
  for (const code of order.slice(vacantCount)) {
    if (actingCover.size >= actingCount) break;
    if (actingCover.has(code)) continue;
    const precinct = byCode.get(code);
    if (!precinct) continue;
    const neighbour = [precinct.number - 1, precinct.number + 1]
      .map((n) => precinctCode(precinct.districtCode, n))
      .find((c) => byCode.has(c) && !vacant.has(c) && !covered.has(c) && !actingCover.has(c) && !protectedCodes.has(c));
    if (!neighbour) continue;
    covered.add(code);
    actingCover.set(neighbour, code);
  }
  return { vacant, actingCover };
}

function demoInspectors(seed: number, precincts: readonly DemoPrecinct[]): DemoInspector[] {
  const { vacant, actingCover } = coverage(seed, precincts);
  const covered = new Set(actingCover.values());
  const roster = new Roster(seed);
  for (const definition of DISTRICT_DEFINITIONS) {
    const own = precincts.filter((p) => p.districtCode === definition.code);
    for (const precinct of own) {
      if (vacant.has(precinct.code) || covered.has(precinct.code)) continue;
      const fixed = DEMO_ACCOUNTS[precinct.code];
      const position: PositionCode = fixed?.position ?? (stream(seed, `position:${precinct.code}`)() < 1 / 8 ? 'senior_district_inspector' : 'district_inspector');
      const inspector = roster.add(precinct.code, definition.code, precinct.code, position, fixed);
      const acting = actingCover.get(precinct.code);
      if (acting) inspector.actingPrecinctCodes.push(acting);
    }
    if (definition.kind === 'city' || definition.kind === 'city_district') {
      roster.add(`${definition.code}:juvenile`, definition.code, null, 'juvenile_inspector');
      const staffed = own.filter((p) => !vacant.has(p.code) && !covered.has(p.code) && !DEMO_ACCOUNTS[p.code]);
      const busiest = staffed.reduce<DemoPrecinct | undefined>((best, p) => (!best || p.population > best.population ? p : best), undefined);
      roster.add(`${definition.code}:assistant`, definition.code, busiest && busiest.population >= 7000 ? busiest.code : null, 'assistant');
    }
  }
  return roster.inspectors;
}

/**
 * The demo territory: the 21 Departments, their demo districts, precincts tiling each district's
 * outline exactly, and the inspectors. Deterministic for a given seed.
 */
export function generateDemoTerritory(options: SeedOptions = {}): DemoTerritory {
  const seed = (options.seed ?? DEFAULT_SEED) >>> 0;
  const precincts = demoPrecincts(seed);
  return { departments: DEPARTMENTS, districts: DISTRICTS, precincts, inspectors: demoInspectors(seed, precincts) };
}

// ---------------------------------------------------------------------------------------------
// Synthetic territory for lookup benchmarks.

/** The region code of the synthetic benchmark territory. */
export const GRID_REGION_CODE = 'BEN';
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const GRID_ORIGIN: Position = [66, 48];
const GRID_CELL: Position = [0.01, 0.007];
const GRID_DISTRICTS_PER_ROW = 10;

/** District `k` (from 0) of the benchmark territory: `BEN-BAA`, `BEN-BAB`, … `BEN-BZZ`. */
export function gridDistrictCode(k: number): string {
  if (!(Number.isInteger(k) && k >= 0 && k < 26 * 26)) throw new RangeError(`grid district ${k} out of range`);
  return `${GRID_REGION_CODE}-B${LETTERS[Math.floor(k / 26)]}${LETTERS[k % 26]}`;
}

/**
 * Tiles `count` cells (row-major from the south-west, the last row partial) into polygons of
 * 8–20 vertices: interior vertices jittered, every edge subdivided by 1–4 points that both
 * neighbours share (offset sideways on interior edges, on the line on the boundary).
 */
function tileGridDistrict(origin: Position, count: number, random: Random): { rings: Position[][]; centres: Position[] } {
  const cols = Math.ceil(Math.sqrt(count));
  const rows = Math.ceil(count / cols);
  const [dx, dy] = GRID_CELL;
  const present = (r: number, c: number) => r >= 0 && c >= 0 && c < cols && r < rows && r * cols + c < count;
  const vertex: Position[][] = [];
  for (let j = 0; j <= rows; j++) {
    const line: Position[] = [];
    for (let i = 0; i <= cols; i++) {
      const interior = present(j - 1, i - 1) && present(j - 1, i) && present(j, i - 1) && present(j, i);
      const jx = symmetric(random) * 0.12 * dx;
      const jy = symmetric(random) * 0.12 * dy;
      line.push([round6(origin[0] + dx * i + (interior ? jx : 0)), round6(origin[1] + dy * j + (interior ? jy : 0))]);
    }
    vertex.push(line);
  }
  const subdivide = (a: Position, b: Position, interior: boolean, sideways: 0 | 1): Position[] => {
    const k = integer(random, 1, 4);
    const points: Position[] = [];
    for (let m = 1; m <= k; m++) {
      const t = (m + symmetric(random) * 0.25) / (k + 1);
      const offset = interior ? symmetric(random) * 0.05 * GRID_CELL[sideways] : 0;
      const p: Position = [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
      p[sideways] += offset;
      points.push([round6(p[0]), round6(p[1])]);
    }
    return points;
  };
  // h[j][i]: V(i,j) -> V(i+1,j); v[j][i]: V(i,j) -> V(i,j+1).
  const h: Position[][][] = [];
  const v: Position[][][] = [];
  for (let j = 0; j <= rows; j++) {
    h.push([]);
    v.push([]);
    for (let i = 0; i <= cols; i++) {
      const below = present(j - 1, i);
      const above = present(j, i);
      h[j].push(i < cols && (below || above) ? subdivide(vertex[j][i], vertex[j][i + 1], below && above, 1) : []);
      const left = present(j, i - 1);
      const right = present(j, i);
      v[j].push(j < rows && (left || right) ? subdivide(vertex[j][i], vertex[j + 1][i], left && right, 0) : []);
    }
  }
  const rings: Position[][] = [];
  const centres: Position[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (!present(r, c)) continue;
      const sw = vertex[r][c];
      const se = vertex[r][c + 1];
      const ne = vertex[r + 1][c + 1];
      const nw = vertex[r + 1][c];
      const ring: Position[] = [sw, ...h[r][c], se, ...v[r][c + 1], ne, ...[...h[r + 1][c]].reverse(), nw, ...[...v[r][c]].reverse(), sw];
      rings.push(ring.map(([x, y]): Position => [x, y]));
      centres.push([round6((sw[0] + se[0] + ne[0] + nw[0]) / 4), round6((sw[1] + se[1] + ne[1] + nw[1]) / 4)]);
    }
  }
  return { rings, centres };
}

/**
 * `count` synthetic precincts for lookup benchmarks: region `BEN`, districts `BEN-BAA`, `BEN-BAB`, …
 * of at most 999 precincts each (sizes as even as possible), each district a separate patch of
 * ≈ 0.8 km cells; every precinct polygon has 8–20 vertices and neighbours share them exactly.
 */
export function generateGridTerritory(count: number, options: SeedOptions = {}): DemoPrecinct[] {
  const maxDistricts = 26 * 26;
  if (!(Number.isInteger(count) && count >= 0 && count <= maxDistricts * MAX_PRECINCTS_PER_DISTRICT)) {
    throw new RangeError(`count must be an integer in [0, ${maxDistricts * MAX_PRECINCTS_PER_DISTRICT}]`);
  }
  const seed = (options.seed ?? DEFAULT_SEED) >>> 0;
  const districtCount = Math.ceil(count / MAX_PRECINCTS_PER_DISTRICT);
  const slot = Math.ceil(Math.sqrt(MAX_PRECINCTS_PER_DISTRICT)) + 1; // cells per district slot, one as a gap
  const precincts: DemoPrecinct[] = [];
  for (let d = 0; d < districtCount; d++) {
    const size = Math.floor(count / districtCount) + (d < count % districtCount ? 1 : 0);
    const code = gridDistrictCode(d);
    const suffix = code.slice(4);
    const origin: Position = [
      round6(GRID_ORIGIN[0] + (d % GRID_DISTRICTS_PER_ROW) * slot * GRID_CELL[0]),
      round6(GRID_ORIGIN[1] + Math.floor(d / GRID_DISTRICTS_PER_ROW) * slot * GRID_CELL[1]),
    ];
    const random = stream(seed, `grid:${code}`);
    const { rings, centres } = tileGridDistrict(origin, size, random);
    const districtName: LocalizedName = { kk: `Сынақ ауданы ${suffix}`, ru: `Тестовый район ${suffix}`, en: `Benchmark district ${suffix}` };
    rings.forEach((ring, k) => {
      const number = k + 1;
      precincts.push({
        code: precinctCode(code, number),
        regionCode: GRID_REGION_CODE,
        districtCode: code,
        number,
        name: precinctName(districtName, number),
        boundary: polygon(ring),
        areaKm2: Math.round(areaKm2(polygon(ring)) * 1000) / 1000,
        population: integer(random, 2500, 5000),
        settlementType: 'urban',
        point: { address: `Сынақ көшесі, ${number}`, lon: centres[k][0], lat: centres[k][1], receptionHours: URBAN_HOURS[0] },
      });
    });
  }
  return precincts;
}

/**
 * Benchmark of the inspector roster's point lookup (`precinctAt` → TerritoryService.locate) over
 * 10,000 precincts (run on demand, not a test):
 *
 *   npm run bench:lookup -- [--points 20000] [--concurrency 8] [--no-index 500] [--split 5000] [--brute 1000] [--probes 200] [--seed 20261122]
 *
 *   --points       lookups of the indexed runs (sequential and concurrent), same points in both
 *   --concurrency  callers of the concurrent run (one pool of 10 connections)
 *   --no-index     points of the no-index baseline (slow), the first N of the same list
 *   --split        points of the "where the time goes" pass, the first N of the same list
 *   --brute        points checked against a full brute-force scan of all precincts in TypeScript
 *   --probes       extra points (correctness only, not timed) 5e-7° outside a district's straight outer edge
 *
 * On one fresh database (migrated like the service) it imports generateGridTerritory(10000) through
 * RosterImporter, then measures, in the same run and on the same points:
 *  1. TerritoryService.locate with the GiST index: one caller (lookups/s, p50, p99), and N callers;
 *  2. baseline A: the same locate() on a second pool whose connections have enable_indexscan and
 *     enable_bitmapscan off (same code, same SQL: only the plan differs), plus a plain containment
 *     query (`shape @> polygon(box(point, point))`) on both pools, on the first --no-index points;
 *  3. baseline B: where the time goes: a `SELECT $1` round trip, the index query alone (codes only), locate's
 *     SQL (timed inside locate through a recording DataSource) and choosePrecinct alone over the
 *     candidates that SQL returned; and a brute-force scan of all 10,000 in TypeScript.
 * Correctness is checked on the way: every answer against a reference computed in TypeScript from
 * the stored boundaries with locatePoint / distanceMetres (the rules of lookup.ts re-implemented:
 * inside; else on a boundary → lowest code; else nearest within 150 m), over the precincts whose
 * bounding box (+0.005°) holds the point; on --brute points over all 10,000 with no prefilter; and
 * the no-index answers against the index answers. Then --probes points just outside (5e-7°, a few
 * cm) a district's straight west or south edge, inside the 0.5 m boundary tolerance, so the expected
 * answer is `boundary`: closer to the edge than PostgreSQL's geometric EPSILON (1e-6), where the
 * `polygon <-> point` distance is 0 but the index's bounding-box distance is not (a nearest-first scan
 * failed there; see docs/benchmarks.md). Query errors and
 * mismatches set exit code 1.
 *
 * Points (fixed PRNG seed): 90 % uniform over the grid's extent (the union of the 11 districts'
 * bounding boxes, so some fall in a district's unfilled last row), 10 % near precinct edges (a
 * point on a random edge moved ±2 m across it; a fifth of them exactly on a shared vertex). The list
 * is shuffled, so every prefix has the same mix. Progress goes to stderr, the report to stdout.
 */
import 'reflect-metadata';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { AuditLog } from '@seriktes/audit';
import {
  createServiceDataSource,
  serviceDataSourceOptions,
  type ServiceDatabaseOptions,
} from '@seriktes/persistence';
import { databaseOptions } from '@seriktes/runtime';
import {
  createTestDatabase,
  ensurePostgres,
  migrateService,
  type PostgresHandle,
  type TestDatabase,
} from '@seriktes/testing';
import { env } from '../apps/inspector-roster/src/config';
import {
  RosterImporter,
  type Assigner,
  type ReferenceDistrict,
  type ReferenceRegion,
} from '../apps/inspector-roster/src/import/importer';
import { precinctsGeoJson } from '../apps/inspector-roster/src/seed/files';
import { generateGridTerritory } from '../apps/inspector-roster/src/seed/generate';
import { stream, symmetric, type Random } from '../apps/inspector-roster/src/seed/random';
import { inspectorRosterService } from '../apps/inspector-roster/src/service';
import {
  bbox,
  distanceMetres,
  EARTH_RADIUS_M,
  locatePoint,
  type BBox,
  type Boundary,
} from '../apps/inspector-roster/src/territory/geometry';
import {
  choosePrecinct,
  DEFAULT_NEAR_METRES,
  type LookupCandidate,
  type MatchKind,
} from '../apps/inspector-roster/src/territory/lookup';
import { searchBox, TerritoryService, type PrecinctRow } from '../apps/inspector-roster/src/territory/territory.service';
import { cpuMeter, latency, table, type Latency } from './report';

// ---------------------------------------------------------------------------------------------
// Settings

const PRECINCTS = 10_000;
const POOL_SIZE = 10;
const WARMUP = 1000;
/** Reference prefilter: bounding box grown by this many degrees (≥ 150 m at lat 48–49 either way). */
const PREFILTER_DEG = 0.005;
const NEAR_BOUNDARY_SHARE = 0.1;
const NEAR_BOUNDARY_METRES = 2;
const M_PER_DEG = (EARTH_RADIUS_M * Math.PI) / 180;
/** Edge probes: this far outside the edge, below PostgreSQL's geometric EPSILON (1e-6). */
const PROBE_OFFSET_DEG = 5e-7;
const NO_INDEX_OPTIONS = '-c enable_indexscan=off -c enable_bitmapscan=off';

interface Settings {
  points: number;
  concurrency: number;
  noIndex: number;
  split: number;
  brute: number;
  probes: number;
  seed: number;
}

function readSettings(): Settings {
  const { values } = parseArgs({
    options: {
      points: { type: 'string', default: '20000' },
      concurrency: { type: 'string', default: '8' },
      'no-index': { type: 'string', default: '500' },
      split: { type: 'string', default: '5000' },
      brute: { type: 'string', default: '1000' },
      probes: { type: 'string', default: '200' },
      seed: { type: 'string', default: '20261122' },
    },
    strict: true,
  });
  const count = (name: string, raw: string | undefined): number => {
    const value = Number(raw);
    if (!Number.isInteger(value) || value <= 0)
      throw new Error(`--${name} must be a positive integer, got "${raw}"`);
    return value;
  };
  const points = count('points', values.points);
  const upTo = (name: string, raw: string | undefined) => Math.min(points, count(name, raw));
  return {
    points,
    concurrency: count('concurrency', values.concurrency),
    noIndex: upTo('no-index', values['no-index']),
    split: upTo('split', values.split),
    brute: upTo('brute', values.brute),
    probes: count('probes', values.probes),
    seed: count('seed', values.seed),
  };
}

// ---------------------------------------------------------------------------------------------
// Statistics and report helpers



interface Run {
  latency: Latency;
  /** Lookups per second of wall time over the whole run. */
  rate: number;
}

const fmtInt = (v: number) => Math.round(v).toLocaleString('en-US');
const fmtMs = (v: number) =>
  v < 0.1 ? v.toFixed(4) : v < 1 ? v.toFixed(3) : v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : fmtInt(v);
const fmtRatio = (v: number) =>
  `${v < 0.1 ? v.toFixed(3) : v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : fmtInt(v)}×`;



// ---------------------------------------------------------------------------------------------
// Points

interface Point {
  lon: number;
  lat: number;
  kind: 'uniform' | 'edge' | 'vertex';
}

interface Answer {
  code: string;
  match: MatchKind;
}

function boxOfAll(boxes: readonly BBox[]): BBox {
  return boxes.reduce(
    (acc, b) => ({
      minLon: Math.min(acc.minLon, b.minLon),
      minLat: Math.min(acc.minLat, b.minLat),
      maxLon: Math.max(acc.maxLon, b.maxLon),
      maxLat: Math.max(acc.maxLat, b.maxLat),
    }),
    { minLon: Infinity, minLat: Infinity, maxLon: -Infinity, maxLat: -Infinity },
  );
}

function makePoints(
  count: number,
  seed: number,
  precincts: ReadonlyArray<{ districtCode: string; boundary: Boundary }>,
): { points: Point[]; extent: BBox[] } {
  const random: Random = stream(seed, 'bench:precinct-lookup');
  const byDistrict = new Map<string, BBox[]>();
  for (const p of precincts)
    byDistrict.set(p.districtCode, [...(byDistrict.get(p.districtCode) ?? []), bbox(p.boundary)]);
  const extent = [...byDistrict.values()].map(boxOfAll);
  const areas = extent.map((b) => (b.maxLon - b.minLon) * (b.maxLat - b.minLat));
  const totalArea = areas.reduce((a, b) => a + b, 0);
  const points: Point[] = [];
  const nearCount = Math.round(count * NEAR_BOUNDARY_SHARE);
  for (let i = 0; i < count - nearCount; i++) {
    let pick = random() * totalArea;
    let d = 0;
    while (d < extent.length - 1 && pick >= areas[d]) pick -= areas[d++];
    const b = extent[d];
    points.push({
      lon: b.minLon + random() * (b.maxLon - b.minLon),
      lat: b.minLat + random() * (b.maxLat - b.minLat),
      kind: 'uniform',
    });
  }
  for (let i = 0; i < nearCount; i++) {
    const ring = precincts[Math.floor(random() * precincts.length)].boundary.coordinates[0] as Array<
      [number, number]
    >;
    const e = Math.floor(random() * (ring.length - 1));
    const [ax, ay] = ring[e];
    const [bx, by] = ring[e + 1];
    if (random() < 0.2) {
      points.push({ lon: ax, lat: ay, kind: 'vertex' });
      continue;
    }
    const t = random();
    const lon = ax + t * (bx - ax);
    const lat = ay + t * (by - ay);
    // Move across the edge by up to ±2 m, in a local metric frame.
    const kx = M_PER_DEG * Math.cos((lat * Math.PI) / 180);
    const ky = M_PER_DEG;
    const ex = (bx - ax) * kx;
    const ey = (by - ay) * ky;
    const length = Math.hypot(ex, ey);
    const offset = symmetric(random) * NEAR_BOUNDARY_METRES;
    points.push({
      lon: lon + (-ey / length) * (offset / kx),
      lat: lat + (ex / length) * (offset / ky),
      kind: 'edge',
    });
  }
  // Fisher–Yates with the same stream: any prefix has the same mix.
  for (let i = points.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [points[i], points[j]] = [points[j], points[i]];
  }
  return { points, extent };
}

// ---------------------------------------------------------------------------------------------
// Reference answers in TypeScript (the rules of lookup.ts, written out again over locatePoint)

interface Stored {
  code: string;
  boundary: Boundary;
  box: BBox;
}

function bruteForce(
  precincts: readonly Stored[],
  lon: number,
  lat: number,
  prefilter: boolean,
): Answer | null {
  let inside: string | undefined;
  let onBoundary: string | undefined;
  const near: Stored[] = [];
  for (const p of precincts) {
    if (
      prefilter &&
      (lon < p.box.minLon - PREFILTER_DEG ||
        lon > p.box.maxLon + PREFILTER_DEG ||
        lat < p.box.minLat - PREFILTER_DEG ||
        lat > p.box.maxLat + PREFILTER_DEG)
    )
      continue;
    near.push(p);
    const where = locatePoint(p.boundary, lon, lat);
    if (where === 'inside' && (inside === undefined || p.code < inside)) inside = p.code;
    if (where === 'boundary' && (onBoundary === undefined || p.code < onBoundary)) onBoundary = p.code;
  }
  if (inside !== undefined) return { code: inside, match: 'inside' };
  if (onBoundary !== undefined) return { code: onBoundary, match: 'boundary' };
  let best: { code: string; distance: number } | undefined;
  for (const p of near) {
    const distance = distanceMetres(p.boundary, lon, lat);
    if (
      distance <= DEFAULT_NEAR_METRES &&
      (!best || distance < best.distance || (distance === best.distance && p.code < best.code))
    )
      best = { code: p.code, distance };
  }
  return best ? { code: best.code, match: 'nearest' } : null;
}

/** What a lookup gave: a precinct, none, or the error the query raised. */
type Outcome = Answer | null | { error: string };
const isError = (o: Outcome | undefined): o is { error: string } =>
  typeof o === 'object' && o !== null && 'error' in o;
const show = (a: Outcome) =>
  a === null ? 'none' : isError(a) ? `ERROR "${a.error}"` : `${a.code} (${a.match})`;
const same = (a: Outcome, b: Outcome) =>
  a === null || b === null
    ? a === b
    : isError(a) || isError(b)
      ? isError(a) && isError(b) && a.error === b.error
      : a.code === b.code && a.match === b.match;
const errorOf = (error: unknown) => ({ error: error instanceof Error ? error.message : String(error) });

// ---------------------------------------------------------------------------------------------
// Runs

/** `lookup(i)` for i = 0..n-1 by `callers` concurrent callers; latency per call and wall-time rate. */
async function measure(n: number, callers: number, lookup: (i: number) => Promise<void>): Promise<Run> {
  const samples = new Array<number>(n);
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: callers }, async () => {
      while (next < n) {
        const i = next++;
        const start = performance.now();
        await lookup(i);
        samples[i] = performance.now() - start;
      }
    }),
  );
  const wall = performance.now() - t0;
  return { latency: latency(samples), rate: (n * 1000) / wall };
}

/** A DataSource stand-in for TerritoryService that times its query and keeps the rows it returned. */
class RecordingDataSource {
  lastSql = '';
  lastParams: unknown[] = [];
  lastRows: unknown[] = [];
  lastMs = 0;

  constructor(private readonly inner: DataSource) {}

  async query(sql: string, params?: unknown[]): Promise<unknown> {
    const start = performance.now();
    const rows = (await this.inner.query(sql, params)) as unknown[];
    this.lastMs = performance.now() - start;
    this.lastSql = sql;
    this.lastParams = params ?? [];
    this.lastRows = rows;
    return rows;
  }
}

/** Node types of a plan, depth first: "Limit > Index Scan (precinct_shape_gist) > …". */
function planOutline(plan: Record<string, unknown>): string {
  const name = `${String(plan['Node Type'])}${plan['Index Name'] ? ` using ${String(plan['Index Name'])}` : plan['Relation Name'] ? ` on ${String(plan['Relation Name'])}` : ''}`;
  const children = (plan.Plans as Array<Record<string, unknown>> | undefined) ?? [];
  return children.length ? `${name} [${children.map(planOutline).join('; ')}]` : name;
}

async function explain(dataSource: DataSource, sql: string, params: unknown[]): Promise<string> {
  const [row] = (await dataSource.query(`EXPLAIN (FORMAT JSON) ${sql}`, params)) as Array<{
    'QUERY PLAN': Array<{ Plan: Record<string, unknown> }>;
  }>;
  return planOutline(row['QUERY PLAN'][0].Plan);
}

// ---------------------------------------------------------------------------------------------
// Main

async function main(): Promise<void> {
  const settings = readSettings();
  const loadAtStart = os.loadavg();
  const started = performance.now();
  const progress = (line: string) =>
    console.error(`[bench:lookup ${new Date().toISOString().slice(11, 19)}] ${line}`);
  const phases: string[] = [];
  const phase = async <T>(name: string, run: () => Promise<T> | T): Promise<T> => {
    progress(name);
    const meter = cpuMeter();
    const result = await run();
    phases.push(`- ${name}: ${meter()}`);
    return result;
  };

  let pg: PostgresHandle | undefined;
  let db: TestDatabase | undefined;
  let indexed: DataSource | undefined;
  let unindexed: DataSource | undefined;
  let failed = false;
  try {
    pg = await ensurePostgres(process.env, progress);
    db = await createTestDatabase('bench_lookup', pg.url);
    progress(`database ${db.name}`);
    await phase('migrate inspector-roster', () =>
      migrateService('inspector-roster', { DATABASE_URL: db?.url ?? '' }),
    );
    const options: ServiceDatabaseOptions = {
      ...databaseOptions(inspectorRosterService, env.load({ ...process.env, DATABASE_URL: db.url })),
      poolSize: POOL_SIZE,
    };
    indexed = createServiceDataSource({ ...options, applicationName: 'bench-lookup' });
    const base = serviceDataSourceOptions({ ...options, applicationName: 'bench-lookup-noindex' });
    unindexed = new DataSource({
      ...base,
      extra: { ...(base.extra as Record<string, unknown>), options: NO_INDEX_OPTIONS },
    } as typeof base);
    await Promise.all([indexed.initialize(), unindexed.initialize()]);
    const ds = indexed;
    const noIndexDs = unindexed;

    // Territory: region BEN and its districts as reference, then the precincts through the importer.
    const grid = await phase(`generate ${PRECINCTS} grid precincts`, () => generateGridTerritory(PRECINCTS));
    const actor = { subject: 'bench', username: 'bench:precinct-lookup', roles: ['platform_admin'] };
    const assigner: Assigner = {
      assignIn: () => Promise.reject(new Error('not used for precincts')),
    };
    const importer = new RosterImporter(ds, assigner, new AuditLog(ds));
    const region: ReferenceRegion = {
      code: 'BEN',
      kind: 'region',
      name: { kk: 'Сынақ облысы', ru: 'Тестовая область', en: 'Benchmark region' },
      department: {
        kk: 'Сынақ облысының Полиция департаменті',
        ru: 'Департамент полиции тестовой области',
        en: 'Police Department of the benchmark region',
      },
      seat: null,
    };
    const districts: ReferenceDistrict[] = [...new Set(grid.map((p) => p.districtCode))].map((code) => {
      const suffix = code.slice(4);
      return {
        code,
        regionCode: 'BEN',
        kind: 'city_district',
        name: {
          kk: `Сынақ ауданы ${suffix}`,
          ru: `Тестовый район ${suffix}`,
          en: `Benchmark district ${suffix}`,
        },
      };
    });
    const report = await phase(`import ${PRECINCTS} precincts (RosterImporter)`, async () => {
      await importer.loadReference([region], districts, actor);
      return importer.importPrecincts(precinctsGeoJson(grid), { actor });
    });
    if (!report.applied || report.imported !== PRECINCTS || report.errors.length) {
      throw new Error(
        `import failed: ${report.imported} imported, ${report.errors.length} errors: ${report.errors
          .slice(0, 3)
          .map((e) => `${e.line} ${e.reason}`)
          .join('; ')}`,
      );
    }
    await ds.query('ANALYZE inspector_roster.precinct; ANALYZE inspector_roster.precinct_shape');
    const [{ n: shapes }] = (await ds.query(
      'SELECT count(*)::int AS n FROM inspector_roster.precinct_shape',
    )) as Array<{ n: number }>;
    const [{ server_version: pgVersion }] = (await ds.query('SHOW server_version')) as Array<{
      server_version: string;
    }>;
    const offSettings = (await noIndexDs.query(
      `SELECT current_setting('enable_indexscan') AS i, current_setting('enable_bitmapscan') AS b`,
    )) as Array<{ i: string; b: string }>;
    if (offSettings[0].i !== 'off' || offSettings[0].b !== 'off')
      throw new Error(
        `no-index pool: enable_indexscan=${offSettings[0].i}, enable_bitmapscan=${offSettings[0].b}`,
      );

    // Points and reference answers from the stored boundaries.
    const stored: Stored[] = (
      (await ds.query('SELECT code, boundary FROM inspector_roster.precinct ORDER BY code')) as Array<{
        code: string;
        boundary: Boundary;
      }>
    ).map((r) => ({
      code: r.code,
      boundary: r.boundary,
      box: bbox(r.boundary),
    }));
    const { points, extent } = makePoints(settings.points, settings.seed, grid);
    const reference = await phase(
      `reference answers for ${settings.points} points (TypeScript, bbox prefilter)`,
      () => points.map((p) => bruteForce(stored, p.lon, p.lat, true)),
    );
    const bruteMs: number[] = [];
    const bruteMismatch: string[] = [];
    await phase(
      `brute force over all ${PRECINCTS} precincts, ${settings.brute} points (TypeScript, no prefilter)`,
      () => {
        for (let i = 0; i < settings.brute; i++) {
          const start = performance.now();
          const answer = bruteForce(stored, points[i].lon, points[i].lat, false);
          bruteMs.push(performance.now() - start);
          if (!same(answer, reference[i]))
            bruteMismatch.push(
              `point ${i} (${points[i].lon}, ${points[i].lat}): full scan ${show(answer)}, prefiltered ${show(reference[i])}`,
            );
        }
      },
    );

    const territory = new TerritoryService(ds);
    const noIndexTerritory = new TerritoryService(noIndexDs);
    /** locate(), with a query error kept as the outcome (counted as a failed lookup) instead of ending the run. */
    const lookup = async (service: TerritoryService, p: Point): Promise<Outcome> => {
      try {
        const found = await service.locate(p.lat, p.lon);
        return found ? { code: found.precinct.code, match: found.match } : null;
      } catch (error) {
        return errorOf(error);
      }
    };

    // 1. The index: one caller, then N callers; answers kept for the checks.
    await phase(`warm-up, ${WARMUP} lookups`, () =>
      measure(Math.min(WARMUP, points.length), 1, async (i) => void (await lookup(territory, points[i]))),
    );
    const answers = new Array<Outcome>(points.length);
    const sequential = await phase(`locate, index, 1 caller, ${settings.points} points`, () =>
      measure(points.length, 1, async (i) => {
        answers[i] = await lookup(territory, points[i]);
      }),
    );
    const concurrentAnswers = new Array<Outcome>(points.length);
    const concurrent = await phase(
      `locate, index, ${settings.concurrency} callers, ${settings.points} points`,
      () =>
        measure(points.length, settings.concurrency, async (i) => {
          concurrentAnswers[i] = await lookup(territory, points[i]);
        }),
    );

    // Same-points index latency for the no-index comparison: one caller again, first N points.
    const indexSample = await phase(`locate, index, 1 caller, first ${settings.noIndex} points`, () =>
      measure(settings.noIndex, 1, async (i) => void (await lookup(territory, points[i]))),
    );

    // 2. Baseline A: no index (same code, plan without index or bitmap scans), and containment only.
    await measure(
      Math.min(20, settings.noIndex),
      1,
      async (i) => void (await lookup(noIndexTerritory, points[i])),
    );
    const noIndexAnswers = new Array<Outcome>(settings.noIndex);
    const noIndex = await phase(`locate, no index, 1 caller, ${settings.noIndex} points`, () =>
      measure(settings.noIndex, 1, async (i) => {
        noIndexAnswers[i] = await lookup(noIndexTerritory, points[i]);
      }),
    );
    // `polygon @> point` has no GiST support; `polygon @> polygon` has, so the point goes in as a degenerate polygon.
    const containmentSql =
      'SELECT precinct_code FROM inspector_roster.precinct_shape WHERE shape @> polygon(box(point($1, $2), point($1, $2)))';
    const containment = await phase(`containment query, no index, ${settings.noIndex} points`, () =>
      measure(
        settings.noIndex,
        1,
        async (i) => void (await noIndexDs.query(containmentSql, [points[i].lon, points[i].lat])),
      ),
    );
    const containmentIndexed = await phase(`containment query, index, ${settings.noIndex} points`, () =>
      measure(
        settings.noIndex,
        1,
        async (i) => void (await ds.query(containmentSql, [points[i].lon, points[i].lat])),
      ),
    );

    // 3. Baseline B: where the time goes, on the first --split points.
    const recorder = new RecordingDataSource(ds);
    const recorded = new TerritoryService(recorder as unknown as DataSource);
    const sqlMs: number[] = [];
    const inProcessMs: number[] = [];
    const candidates: Array<{ rows: PrecinctRow[]; point: Point }> = [];
    let candidateMisses = 0;
    const splitFull = await phase(`split: locate with a recording DataSource, ${settings.split} points`, () =>
      measure(settings.split, 1, async (i) => {
        const start = performance.now();
        if (isError(await lookup(recorded, points[i]))) return; // left out of the split (counted in the runs above)
        const total = performance.now() - start;
        sqlMs.push(recorder.lastMs);
        // After the query: rows → PrecinctRow, choosePrecinct, and the awaits in between.
        inProcessMs.push(total - recorder.lastMs);
        candidates.push({ rows: recorder.lastRows as PrecinctRow[], point: points[i] });
      }),
    );
    const locateSql = recorder.lastSql;
    const roundTrip = await phase(`split: SELECT $1 round trip, ${settings.split} times`, () =>
      measure(settings.split, 1, async (i) => void (await ds.query('SELECT $1::int AS i', [i]))),
    );
    const knnErrors: string[] = [];
    const knnSql =
      'SELECT precinct_code FROM inspector_roster.precinct_shape WHERE shape && polygon(box(point($1, $2), point($3, $4)))';
    const knnOnly = await phase(
      `split: index candidates alone (codes, no precinct rows), ${settings.split} points`,
      () =>
        measure(
          settings.split,
          1,
          async (i) =>
            void (await ds
              .query(knnSql, searchBox(points[i].lat, points[i].lon, DEFAULT_NEAR_METRES))
              .catch((error: unknown) => knnErrors.push(`point ${i}: ${errorOf(error).error}`))),
        ),
    );
    // choosePrecinct alone over the candidates locate's SQL returned (raw rows → the boundary is all it reads).
    const chooseInputs = candidates.map(({ rows, point }) => ({
      list: (rows as unknown as Array<{ code: string; boundary: Boundary }>).map(
        (r): LookupCandidate => ({ code: r.code, boundary: r.boundary }),
      ),
      point,
    }));
    for (let i = 0; i < Math.min(500, chooseInputs.length); i++)
      choosePrecinct(chooseInputs[i].list, chooseInputs[i].point.lon, chooseInputs[i].point.lat);
    const chooseRun = await phase(
      `split: choosePrecinct alone over the recorded candidates, ${settings.split} × 5`,
      () => {
        const repeats = 5;
        const samples: number[] = [];
        const t0 = performance.now();
        for (let r = 0; r < repeats; r++) {
          for (const { list, point } of chooseInputs) {
            const start = performance.now();
            choosePrecinct(list, point.lon, point.lat);
            samples.push(performance.now() - start);
          }
        }
        return {
          latency: latency(samples),
          rate: (samples.length * 1000) / (performance.now() - t0),
        } satisfies Run;
      },
    );
    const perLookupCandidates = candidates.map((c) => c.rows.length);
    for (const { rows, point } of candidates) {
      const expected = bruteForce(stored, point.lon, point.lat, true);
      if (expected && !rows.some((r) => (r as unknown as { code: string }).code === expected.code))
        candidateMisses++;
    }
    // Edge probes (correctness only): just outside a district's straight west or south edge.
    const probeRandom = stream(settings.seed, 'bench:precinct-lookup:probes');
    const probes: Point[] = Array.from({ length: settings.probes }, (_, k) => {
      const b = extent[k % extent.length];
      return k % 2 === 0
        ? {
            lon: b.minLon - PROBE_OFFSET_DEG,
            lat: b.minLat + probeRandom() * (b.maxLat - b.minLat),
            kind: 'edge',
          }
        : {
            lon: b.minLon + probeRandom() * (b.maxLon - b.minLon),
            lat: b.minLat - PROBE_OFFSET_DEG,
            kind: 'edge',
          };
    });
    const probeOutcomes = await phase(
      `edge probes, ${settings.probes} points, both pools (not timed)`,
      async () => {
        const out: Array<{ ref: Answer | null; indexed: Outcome; unindexed: Outcome }> = [];
        for (const p of probes) {
          out.push({
            ref: bruteForce(stored, p.lon, p.lat, true),
            indexed: await lookup(territory, p),
            unindexed: await lookup(noIndexTerritory, p),
          });
        }
        return out;
      },
    );
    const probeSummary = {
      expectedBoundary: probeOutcomes.filter((o) => o.ref?.match === 'boundary').length,
      indexedErrors: probeOutcomes.filter((o) => isError(o.indexed)).length,
      indexedRight: probeOutcomes.filter((o) => same(o.indexed, o.ref)).length,
      unindexedErrors: probeOutcomes.filter((o) => isError(o.unindexed)).length,
      unindexedRight: probeOutcomes.filter((o) => same(o.unindexed, o.ref)).length,
      examples: probeOutcomes
        .map((o, k) => ({ ...o, p: probes[k] }))
        .filter((o) => !same(o.indexed, o.ref))
        .slice(0, 3)
        .map(
          (o) =>
            `(${o.p.lon}, ${o.p.lat}): index ${show(o.indexed)}, no index ${show(o.unindexed)}, reference ${show(o.ref)}`,
        ),
    };

    const plans = {
      indexed: await explain(ds, locateSql, searchBox(points[0].lat, points[0].lon, DEFAULT_NEAR_METRES)),
      unindexed: await explain(noIndexDs, locateSql, searchBox(points[0].lat, points[0].lon, DEFAULT_NEAR_METRES)),
      containmentIndexed: await explain(ds, containmentSql, [points[0].lon, points[0].lat]),
      containmentUnindexed: await explain(noIndexDs, containmentSql, [points[0].lon, points[0].lat]),
    };

    // Checks.
    const kinds = { inside: 0, boundary: 0, nearest: 0, none: 0 };
    for (const r of reference) kinds[r ? r.match : 'none']++;
    const mismatches: string[] = [];
    const failures: string[] = [];
    let insideWithoutAnswer = 0;
    points.forEach((p, i) => {
      const ref = reference[i];
      const got = answers[i];
      if (ref && (ref.match === 'inside' || ref.match === 'boundary') && (got === null || isError(got)))
        insideWithoutAnswer++;
      const line = `point ${i} ${p.kind} (${p.lon}, ${p.lat}): locate ${show(got)}, reference ${show(ref)}${i < settings.noIndex ? `, no index ${show(noIndexAnswers[i])}` : ''}`;
      if (isError(got)) {
        // Diagnosis: polygons whose bounding box the point is just outside (within PostgreSQL's EPSILON, 1e-6).
        const outsideBy = (b: BBox) =>
          Math.hypot(
            Math.max(0, b.minLon - p.lon, p.lon - b.maxLon),
            Math.max(0, b.minLat - p.lat, p.lat - b.maxLat),
          );
        const nearBox = stored
          .filter((st) => outsideBy(st.box) > 0 && outsideBy(st.box) < 1e-6)
          .map((st) => `${st.code} by ${outsideBy(st.box).toExponential(2)}°`);
        failures.push(`${line}; just outside the bounding box of ${nearBox.join(', ') || 'none'}`);
      } else if (!same(got, ref)) mismatches.push(line);
    });
    const failureKinds = new Map<string, number>();
    points.forEach((p, i) => {
      if (isError(answers[i])) failureKinds.set(p.kind, (failureKinds.get(p.kind) ?? 0) + 1);
    });
    const noIndexErrors = noIndexAnswers.filter(isError).length;
    const concurrentDiff = points.filter((_, i) => !same(concurrentAnswers[i], answers[i])).length;
    const noIndexDiff = noIndexAnswers.filter((a, i) => !same(a, answers[i])).length;
    failed =
      failures.length > 0 ||
      mismatches.length > 0 ||
      bruteMismatch.length > 0 ||
      insideWithoutAnswer > 0 ||
      concurrentDiff > 0 ||
      noIndexDiff > 0 ||
      probeSummary.indexedRight < settings.probes ||
      probeSummary.unindexedRight < settings.probes;

    // Report.
    const brute = latency(bruteMs);
    const bruteRun: Run = { latency: brute, rate: 1000 / brute.mean };
    const sqlLatency = latency(sqlMs);
    const inProcess = latency(inProcessMs);
    const row = (what: string, n: number, run: Run, base: Run, note = ''): string[] => [
      what,
      fmtInt(n),
      fmtInt(run.rate),
      fmtMs(run.latency.p50),
      fmtMs(run.latency.p99),
      fmtMs(run.latency.mean),
      fmtRatio(run.rate / base.rate),
      note,
    ];
    const slower = (run: Run, base: Run) => `index ${fmtRatio(base.rate / run.rate)} faster`;
    const sampleIndexRun: Run = indexSample;
    const cpus = os.cpus();
    const out: string[] = [];
    out.push('## Settings', '');
    out.push(
      table(
        ['setting', 'value'],
        [
          [
            'precincts',
            `${fmtInt(PRECINCTS)} (generateGridTerritory, ${districts.length} districts, ${fmtInt(shapes)} polygons in precinct_shape)`,
          ],
          [
            'points',
            `${fmtInt(settings.points)}, seed ${settings.seed}: ${fmtInt(points.filter((p) => p.kind === 'uniform').length)} uniform, ${fmtInt(points.filter((p) => p.kind === 'edge').length)} within ±${NEAR_BOUNDARY_METRES} m of an edge, ${fmtInt(points.filter((p) => p.kind === 'vertex').length)} on a vertex`,
          ],
          [
            'extent (uniform points)',
            `${extent.length} district boxes, lon ${boxOfAll(extent).minLon}–${boxOfAll(extent).maxLon}, lat ${boxOfAll(extent).minLat}–${boxOfAll(extent).maxLat}`,
          ],
          [
            'reference answers',
            `inside ${fmtInt(kinds.inside)}, boundary ${fmtInt(kinds.boundary)}, nearest ${fmtInt(kinds.nearest)}, none ${fmtInt(kinds.none)}`,
          ],
          [
            'DB pool',
            `${POOL_SIZE} connections; no-index pool: ${POOL_SIZE} connections with \`${NO_INDEX_OPTIONS}\``,
          ],
          ['node', process.version],
          ['cores', `${os.availableParallelism()} (${cpus[0]?.model.trim() ?? 'unknown'})`],
          [
            'load average (1 min) at start / end',
            `${loadAtStart[0].toFixed(2)} / ${os.loadavg()[0].toFixed(2)}`,
          ],
          ['PostgreSQL', `${pgVersion}, local, TCP loopback`],
        ],
      ),
      '',
    );
    out.push('## Lookups', '');
    out.push(
      table(
        [
          'measurement',
          'points',
          'lookups/s',
          'p50 (ms)',
          'p99 (ms)',
          'mean (ms)',
          'lookups/s vs index, 1 caller',
          'note',
        ],
        [
          row('locate, GiST index, 1 caller', settings.points, sequential, sequential),
          row(`locate, GiST index, ${settings.concurrency} callers`, settings.points, concurrent, sequential),
          row(
            `locate, GiST index, 1 caller, first ${settings.noIndex} points`,
            settings.noIndex,
            sampleIndexRun,
            sampleIndexRun,
            'base of the A rows',
          ),
          row(
            'A: locate, no index (same SQL: seq scans)',
            settings.noIndex,
            noIndex,
            sampleIndexRun,
            slower(noIndex, sampleIndexRun),
          ),
          row(
            'A: containment query only, no index (seq scan)',
            settings.noIndex,
            containment,
            sampleIndexRun,
            `${slower(containment, sampleIndexRun)}; inside only`,
          ),
          row(
            'A: containment query only, GiST index',
            settings.noIndex,
            containmentIndexed,
            sampleIndexRun,
            'inside only, fuzzy (PostgreSQL EPSILON)',
          ),
          row(
            `B: brute force in TypeScript over all ${PRECINCTS}`,
            settings.brute,
            bruteRun,
            sequential,
            `${slower(bruteRun, sequential)}; no DB`,
          ),
        ],
      ),
      '',
    );
    out.push(`## Where the time goes (first ${fmtInt(settings.split)} points, one caller)`, '');
    out.push(
      table(
        ['part', 'calls', 'calls/s', 'p50 (ms)', 'p99 (ms)', 'mean (ms)', 'share of locate (mean)'],
        [
          [
            'locate (recording DataSource)',
            fmtInt(splitFull.latency.count),
            fmtInt(splitFull.rate),
            fmtMs(splitFull.latency.p50),
            fmtMs(splitFull.latency.p99),
            fmtMs(splitFull.latency.mean),
            '100%',
          ],
          [
            '…of which locate SQL (query + rows parsed by pg)',
            fmtInt(sqlLatency.count),
            '',
            fmtMs(sqlLatency.p50),
            fmtMs(sqlLatency.p99),
            fmtMs(sqlLatency.mean),
            `${((100 * sqlLatency.mean) / splitFull.latency.mean).toFixed(0)}%`,
          ],
          [
            '…of which after the query (rows → PrecinctRow, choosePrecinct)',
            fmtInt(inProcess.count),
            '',
            fmtMs(inProcess.p50),
            fmtMs(inProcess.p99),
            fmtMs(inProcess.mean),
            `${((100 * inProcess.mean) / splitFull.latency.mean).toFixed(0)}%`,
          ],
          [
            'choosePrecinct alone over those candidates',
            fmtInt(chooseRun.latency.count),
            fmtInt(chooseRun.rate),
            fmtMs(chooseRun.latency.p50),
            fmtMs(chooseRun.latency.p99),
            fmtMs(chooseRun.latency.mean),
            `${((100 * chooseRun.latency.mean) / splitFull.latency.mean).toFixed(1)}%`,
          ],
          [
            'index candidates alone (codes, no precinct rows)',
            fmtInt(knnOnly.latency.count),
            fmtInt(knnOnly.rate),
            fmtMs(knnOnly.latency.p50),
            fmtMs(knnOnly.latency.p99),
            fmtMs(knnOnly.latency.mean),
            `${((100 * knnOnly.latency.mean) / splitFull.latency.mean).toFixed(0)}%`,
          ],
          [
            '`SELECT $1` round trip (floor)',
            fmtInt(roundTrip.latency.count),
            fmtInt(roundTrip.rate),
            fmtMs(roundTrip.latency.p50),
            fmtMs(roundTrip.latency.p99),
            fmtMs(roundTrip.latency.mean),
            `${((100 * roundTrip.latency.mean) / splitFull.latency.mean).toFixed(0)}%`,
          ],
        ],
      ),
      '',
      `Candidates per lookup (precinct rows locate's SQL returned): mean ${(perLookupCandidates.reduce((a, b) => a + b, 0) / Math.max(1, perLookupCandidates.length)).toFixed(2)}, min ${Math.min(...perLookupCandidates)}, max ${Math.max(...perLookupCandidates)}; ` +
        `reference precinct missing from the candidates: ${candidateMisses} of ${fmtInt(candidates.length)}.`,
      '',
      'Plans for point 0 (EXPLAIN, FORMAT JSON, node outline):',
      '',
      `- locate SQL, index pool: ${plans.indexed}`,
      `- locate SQL, no-index pool: ${plans.unindexed}`,
      `- containment, index pool: ${plans.containmentIndexed}`,
      `- containment, no-index pool: ${plans.containmentUnindexed}`,
      '',
    );
    out.push('## Correctness', '');
    out.push(
      `- locate (index, 1 caller) raised a query error for ${failures.length} of ${fmtInt(points.length)} points (${[...failureKinds].map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}); the no-index pool raised ${noIndexErrors} of ${fmtInt(settings.noIndex)}; the index candidates alone ${knnErrors.length} of ${fmtInt(settings.split)}`,
      ...failures.slice(0, 10).map((m) => `  - ${m}`),
      `- locate (index, 1 caller) vs reference (TypeScript, locatePoint over the precincts whose box + ${PREFILTER_DEG}° holds the point): ${mismatches.length} mismatches among the ${fmtInt(points.length - failures.length)} answered`,
      ...mismatches.slice(0, 10).map((m) => `  - ${m}`),
      `- points inside or on the boundary of a precinct (reference) that got no precinct: ${insideWithoutAnswer}`,
      `- full brute force over all ${fmtInt(PRECINCTS)} precincts vs the prefiltered reference, ${fmtInt(settings.brute)} points: ${bruteMismatch.length} mismatches`,
      ...bruteMismatch.slice(0, 10).map((m) => `  - ${m}`),
      `- ${settings.concurrency} callers vs 1 caller: ${concurrentDiff} different outcomes; no index vs index, ${fmtInt(settings.noIndex)} points: ${noIndexDiff} different outcomes (errors included)`,
      `- edge probes, ${fmtInt(settings.probes)} points ${PROBE_OFFSET_DEG}° outside a district's straight west or south edge (reference: ${probeSummary.expectedBoundary} boundary): ` +
        `index locate ${probeSummary.indexedRight} right, ${probeSummary.indexedErrors} query errors; no-index locate ${probeSummary.unindexedRight} right, ${probeSummary.unindexedErrors} query errors`,
      ...probeSummary.examples.map((m) => `  - ${m}`),
      `- result: ${failed ? 'FAILED' : 'all answers agree'}`,
      '',
    );
    out.push(`Phases (total ${((performance.now() - started) / 1000).toFixed(0)} s):`, '', ...phases, '');
    console.log(out.join('\n'));
  } finally {
    progress('cleaning up');
    if (indexed?.isInitialized) await indexed.destroy();
    if (unindexed?.isInitialized) await unindexed.destroy();
    await db?.drop().catch((e: unknown) => progress(`dropping the database failed: ${String(e)}`));
    if (pg?.started) pg.stop();
  }
  if (failed) process.exitCode = 1;
}

main().then(
  () => {
    process.exitCode ??= 0;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);

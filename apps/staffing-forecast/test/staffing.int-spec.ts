/**
 * staffing-forecast against the real PostgreSQL, the mock Kafka cluster, identity-dev and the real
 * inspector-roster (its own database, migrated and seeded with the demo territory): inputs gathered
 * from events, workforce facts, runs with progress and explanations, the end-to-end effect of new
 * requests on a precinct's need and allocation, publication, partners' reads and access.
 */
import { randomUUID } from 'node:crypto';
import {
  CITIZEN_REQUEST_TOPIC,
  CitizenRequestAnswered,
  CitizenRequestAssigned,
  CitizenRequestRegistered,
  COMMISSION_TASK_TOPIC,
  CommissionTaskAssigned,
  createEvent,
  eventSource,
  FORECAST_TOPIC,
  toKafkaRecord,
  TRUST_INDEX_TOPIC,
  TrustIndexUpdated,
} from '@seriktes/contracts';
import { DataSource } from 'typeorm';
import { RawKafka } from '@seriktes/messaging/testing';
import { startServiceHarness, type GqlResult, type ServiceHarness } from '@seriktes/runtime/testing';
import { createTestDatabase, freePort, migrateService, runServiceCommand, startService, waitFor, type ServiceProcess, type TestDatabase } from '@seriktes/testing';
import { AppModule } from '../src/app.module';
import { env } from '../src/config';
import { addMonths, monthOf } from '../src/inputs/months';

const USERS = ['hq', 'ast.hr', 'ast.head', 'ast.analyst', 'ast.esil.head', 'ast.akimat', 'council.ast'] as const;
type User = (typeof USERS)[number];

let h: ServiceHarness<User>;
let roster: ServiceProcess;
let rosterDb: TestDatabase;
let raw: RawKafka;
let db: DataSource;

const codeOf = (r: GqlResult<unknown>) => r.errors?.[0]?.extensions?.code;
const fieldsOf = (r: GqlResult<unknown>) => (r.errors ?? []).flatMap((e) => ((e.extensions?.errors as Array<{ field: string }> | undefined) ?? []).map((x) => x.field));
const LAST_MONTH = addMonths(monthOf(new Date()), -1);
/** An instant in the middle of a month `back` months before the current one (local time). */
const inMonth = (back: number, day = 15) => `${addMonths(monthOf(new Date()), -back).slice(0, 8)}${String(day).padStart(2, '0')}T10:00:00+05:00`;

interface PrecinctLine {
  precinctCode: string;
  need: number;
  needWorkload: number;
  current: number;
  allocated: number;
  change: number;
  binding: string | null;
  explanation: Array<{ model: string; formula: string; inputs: Array<{ name: string; value: number }>; intermediate: Array<{ name: string; value: number }>; parameters: Array<{ name: string; value: number }>; result: number }>;
  demand: Array<{ category: string; lastYear: number; atHorizon: number; method: string; handlingHours: number }>;
}
interface Run {
  id: string;
  status: string;
  error: string | null;
  progress: { done: number; total: number };
  summary: { precincts: number; need: number; current: number; allocated: number; filled: number | null; authorised: number | null } | null;
  districts: Array<{ districtCode: string; need: number; current: number; allocated: number; filled: number | null; authorised: number | null; filledAtHorizon: number | null; supply: Array<{ month: number; filled: number }> }>;
  precincts: { edges: Array<{ node: PrecinctLine }>; pageInfo: { hasNextPage: boolean } };
}

const RUN_FIELDS = `id status error progress { done total } summary { precincts need current allocated filled authorised }
  districts { districtCode need current allocated filled authorised filledAtHorizon supply { month filled } }
  precincts(first: 500) { edges { node { precinctCode need needWorkload current allocated change binding
    explanation { model formula result inputs { name value } intermediate { name value } parameters { name value } }
    demand { category lastYear atHorizon method handlingHours } } } pageInfo { hasNextPage } }`;
const RUN = `mutation($input: RunForecastInput!) { runForecast(input: $input) { id status } }`;
const GET = `query($id: ID!) { forecastRun(id: $id) { ${RUN_FIELDS} } }`;

async function runForecast(user: User, input: Record<string, unknown>): Promise<Run> {
  const r = await h.gql<{ runForecast: { id: string } }>(user, RUN, { input });
  expect(r.errors).toBeUndefined();
  const id = r.data!.runForecast.id;
  return waitFor(
    async () => {
      const got = await h.gql<{ forecastRun: Run }>(user, GET, { id });
      expect(got.errors).toBeUndefined();
      const run = got.data!.forecastRun;
      return run.status === 'succeeded' || run.status === 'failed' ? run : undefined;
    },
    { timeoutMs: 60_000, description: `forecast run ${id} to finish` },
  );
}

const line = (run: Run, code: string) => run.precincts.edges.map((e) => e.node).find((p) => p.precinctCode === code)!;

function registered(precinctCode: string, category: string, at: string, channel = 'web') {
  const requestId = randomUUID();
  return {
    requestId,
    event: createEvent(
      CitizenRequestRegistered.type,
      { requestId, registrationNumber: `AST-2026-${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`, kind: 'application', category, channel, regionCode: 'AST', precinctCode, receivedAt: at, registeredAt: at },
      { subject: requestId, source: eventSource('citizen-requests') },
    ),
  };
}

async function workload(precinctCode: string, months = 12) {
  const r = await h.gql<{ workloadInput: { requests: number; tasks: number; trust: number | null; population: number | null; months: Array<{ month: string; category: string; requests: number; line102: number; answered: number; meanElapsedHours: number | null; unitsPerRequest: number | null }> } }>(
    'ast.hr',
    `query($p: String!, $m: Int) { workloadInput(precinctCode: $p, months: $m) { requests tasks trust population months { month category requests line102 answered meanElapsedHours unitsPerRequest } } }`,
    { p: precinctCode, m: months },
  );
  expect(r.errors).toBeUndefined();
  return r.data!.workloadInput;
}

beforeAll(async () => {
  const rosterPort = await freePort();
  h = await startServiceHarness({
    service: 'staffing-forecast',
    database: 'staffing',
    users: USERS,
    env: { FORECAST_JOB_INTERVAL_MS: '0', ROSTER_GRAPHQL_URL: `http://127.0.0.1:${rosterPort}/graphql`, ROSTER_SYNC_MAX_AGE_MINUTES: '0' },
    module: (variables, logger) => AppModule.forRoot(env.load(variables), logger),
  });
  rosterDb = await createTestDatabase('staffing_roster');
  const rosterEnv = { ...h.kafka.env, ...h.identity.env, DATABASE_URL: rosterDb.url, LOG_LEVEL: 'warn' };
  await migrateService('inspector-roster', rosterEnv);
  await runServiceCommand('inspector-roster', 'seed/main.ts', rosterEnv);
  roster = await startService({ name: 'inspector-roster', env: rosterEnv, port: rosterPort, ready: (health) => health.checks.database?.status === 'ok' });
  raw = new RawKafka({ brokers: h.kafka.brokers });
  db = h.app.app.get(DataSource);
}, 180_000);

afterAll(async () => {
  await raw?.close();
  await roster?.stop();
  await h?.stop();
  await rosterDb?.drop();
});

describe('inputs gathered from events', () => {
  it('counts registered requests by precinct, category and month, measures handling from assignment to answer, and moves a re-routed request', async () => {
    const a = registered('AST-ESL-03', 'public-order-noise', inMonth(2));
    const b = registered('AST-ESL-03', 'public-order-noise', inMonth(2), 'line-102');
    const moved = registered('AST-ESL-03', 'minors', inMonth(2));
    const inspector = randomUUID();
    const other = randomUUID();
    const assigned = (requestId: string, precinctCode: string, inspectorId: string, at: string) =>
      createEvent(CitizenRequestAssigned.type, { requestId, precinctCode, inspectorId, assignedAt: at, dueAt: null }, { subject: requestId, source: eventSource('citizen-requests') });
    const answered = createEvent(CitizenRequestAnswered.type, { requestId: a.requestId, precinctCode: 'AST-ESL-03', answeredAt: inMonth(2, 17), dueAt: null, withinTerm: true }, { subject: a.requestId, source: eventSource('citizen-requests') });
    await raw.produce(CITIZEN_REQUEST_TOPIC, [
      a.event,
      a.event, // redelivered: counted once
      b.event,
      moved.event,
      assigned(a.requestId, 'AST-ESL-03', inspector, inMonth(2, 15).replace('T10', 'T12')),
      assigned(a.requestId, 'AST-ESL-03', other, inMonth(2, 16)),
      assigned(moved.requestId, 'AST-ESL-04', inspector, inMonth(2, 16)),
      answered,
    ].map(toKafkaRecord));
    const month = addMonths(monthOf(new Date()), -2).slice(0, 7);
    const noise = await waitFor(
      async () => {
        const w = await workload('AST-ESL-03');
        const row = w.months.find((m) => m.month === month && m.category === 'public-order-noise');
        return row?.answered === 1 ? { w, row } : undefined;
      },
      { timeoutMs: 20_000, description: 'the requests to be counted' },
    );
    expect(noise.row).toMatchObject({ requests: 2, line102: 1, answered: 1, unitsPerRequest: 2 });
    // Assigned at 12:00 on the 15th, answered at 10:00 on the 17th: 46 hours.
    expect(noise.row.meanElapsedHours).toBe(46);
    expect(noise.w.months.some((m) => m.category === 'minors')).toBe(false);
    const four = await workload('AST-ESL-04');
    expect(four.months.find((m) => m.category === 'minors' && m.month === month)?.requests).toBe(1);
  });

  it('takes police commission tasks and published trust figures', async () => {
    const taskId = randomUUID();
    const task = (executorKind: string, id: string) =>
      createEvent(CommissionTaskAssigned.type, { taskId: id, precinctCode: 'AST-ESL-05', executorKind, inspectorId: null, assignedAt: inMonth(1), dueAt: inMonth(0, 1) }, { subject: id, source: eventSource('commission-tasks') });
    await raw.produce(COMMISSION_TASK_TOPIC, [task('police', taskId), task('police', taskId), task('school', randomUUID())].map(toKafkaRecord));
    const trust = (value: number | null, suppressed: boolean, periodStart: string) =>
      createEvent(
        TrustIndexUpdated.type,
        { scopeLevel: 'precinct', scopeCode: 'AST-ESL-05', periodKind: 'quarter', periodStart, instrumentCode: 'area-safety', instrumentVersion: 1, versionId: randomUUID(), indicator: 'trust', value, lower: null, upper: null, n: suppressed ? 12 : 140, suppressed, computedAt: new Date().toISOString() },
        { subject: 'AST-ESL-05', source: eventSource('feedback-surveys') },
      );
    await raw.produce(TRUST_INDEX_TOPIC, [trust(38.5, false, '2026-07-01'), trust(null, true, '2026-10-01')].map(toKafkaRecord));
    const w = await waitFor(
      async () => {
        const got = await workload('AST-ESL-05');
        return got.tasks === 1 && got.trust !== null ? got : undefined;
      },
      { timeoutMs: 20_000, description: 'the task and the trust figure' },
    );
    // A suppressed figure does not replace a published one.
    expect(w.trust).toBe(38.5);
  });
});

describe('workforce facts', () => {
  const header = 'territory_code,period,authorised,filled,hires,departures_retirement,departures_own_request,departures_negative,departures_transfer,departures_other,expected_retirements,training_lead_months';
  const IMPORT = `mutation($csv: String!) { importWorkforceFacts(csv: $csv) { imported errors { line field message } } }`;

  it('imports a CSV whole or not at all, with every refused line and field', async () => {
    const bad = [header, `AST-ESL,${LAST_MONTH.slice(0, 7)},30,26,1,0,1,0,0,0,1,6`, 'AST-ESL,2026-13,30,26,1,0,0,0,0,0,0,6', `AST-ESL,${addMonths(LAST_MONTH, -1).slice(0, 7)},30,31,0,0,0,0,0,0,0,6`].join('\n');
    const refused = await h.gql<{ importWorkforceFacts: { imported: number; errors: Array<{ line: number; field: string }> } }>('ast.hr', IMPORT, { csv: bad });
    expect(refused.errors).toBeUndefined();
    expect(refused.data!.importWorkforceFacts.imported).toBe(0);
    expect(refused.data!.importWorkforceFacts.errors).toEqual(expect.arrayContaining([expect.objectContaining({ line: 3, field: 'period' }), expect.objectContaining({ line: 4, field: 'filled' })]));
    const none = await h.gql<{ workforceFacts: unknown[] }>('ast.hr', `{ workforceFacts(territory: "AST-ESL") { period } }`);
    expect(none.data!.workforceFacts).toEqual([]);

    // 12 months: 80 authorised, 72 filled, one departure at own request every other month, one hire every third.
    const rows = Array.from({ length: 12 }, (_, i) => `AST-ESL,${addMonths(LAST_MONTH, -11 + i).slice(0, 7)},80,72,${i % 3 === 0 ? 1 : 0},0,${i % 2 === 0 ? 1 : 0},0,0,0,${i === 11 ? 2 : 0},6`);
    const ok = await h.gql<{ importWorkforceFacts: { imported: number; errors: unknown[] } }>('ast.hr', IMPORT, { csv: [header, ...rows].join('\r\n') });
    expect(ok.data!.importWorkforceFacts).toEqual({ imported: 12, errors: [] });
  });

  it('keeps planners within their territory and validates single facts field by field', async () => {
    const outside = await h.gql('ast.hr', IMPORT, { csv: `${header}\nALM-ALM,${LAST_MONTH.slice(0, 7)},10,9,0,0,0,0,0,0,0,6` });
    expect((outside.data as { importWorkforceFacts: { imported: number; errors: Array<{ field: string }> } }).importWorkforceFacts).toMatchObject({ imported: 0, errors: [{ field: 'territory_code' }] });
    const invalid = await h.gql('ast.hr', `mutation { recordWorkforceFacts(input: { territoryCode: "AST-ESL", period: "2099-01", authorised: 3, filled: 5 }) { period } }`);
    expect(codeOf(invalid)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(invalid)).toEqual(expect.arrayContaining(['period']));
    const analyst = await h.gql('ast.analyst', `mutation { recordWorkforceFacts(input: { territoryCode: "AST-ESL", period: "2026-01", authorised: 3, filled: 2 }) { period } }`);
    expect(codeOf(analyst)).toBe('FORBIDDEN');
  });
});

describe('forecast runs', () => {
  let before: Run;
  const input = { scope: 'AST-ESL', horizonMonths: 12, scenario: 'neutral', parameters: { allocationTotal: 'authorised', historyMonths: 12 } };

  it('refuses bad input field by field and writes nothing, and keeps planners to their roles and territory', async () => {
    const count = async () => Number((await db.query(`SELECT count(*) AS n FROM staffing_forecast.forecast_run`))[0].n);
    const n = await count();
    const bad = await h.gql('ast.hr', RUN, { input: { scope: 'AST-ESL', horizonMonths: 200, parameters: { obligatedShare: 1.5, floor: -1 } } });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(bad)).toEqual(expect.arrayContaining(['horizonMonths', 'parameters.obligatedShare', 'parameters.floor']));
    expect(codeOf(await h.gql('ast.hr', RUN, { input: { scope: 'ALM', horizonMonths: 12 } }))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql('ast.hr', RUN, { input: { scope: 'KAZ', horizonMonths: 12 } }))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql('ast.analyst', RUN, { input: { scope: 'AST', horizonMonths: 12 } }))).toBe('FORBIDDEN');
    expect(await count()).toBe(n);
  });

  it('runs a district to the end with progress, roster figures, explanations that add up, and supply from the workforce facts', async () => {
    // History: every precinct of the district gets a modest, even load over the last 12 months.
    const precincts = ['AST-ESL-01', 'AST-ESL-02', 'AST-ESL-06', 'AST-ESL-07'];
    const events = precincts.flatMap((code) => Array.from({ length: 12 }, (_, m) => registered(code, 'neighbour-dispute', inMonth(m + 1)).event));
    await raw.produce(CITIZEN_REQUEST_TOPIC, events.map(toKafkaRecord));
    await waitFor(async () => ((await workload('AST-ESL-07', 13)).requests >= 12 ? true : undefined), { timeoutMs: 20_000, description: 'the history to be counted' });

    before = await runForecast('ast.hr', input);
    expect(before.error).toBeNull();
    expect(before.status).toBe('succeeded');
    expect(before.progress.done).toBe(before.progress.total);
    expect(before.progress.total).toBe(before.summary!.precincts);
    expect(before.summary!.precincts).toBeGreaterThan(3);

    const esil = before.districts.find((d) => d.districtCode === 'AST-ESL')!;
    expect(esil).toMatchObject({ authorised: 80, filled: 72 });
    expect(esil.filledAtHorizon).not.toBeNull();
    // allocationTotal = authorised: the district's 80 posts are shared exactly.
    expect(esil.allocated).toBe(80);
    expect(before.precincts.edges.reduce((s, e) => s + e.node.allocated, 0)).toBe(80);

    // The workload explanation adds up: W = Σ requests × hours × units; FTE = W / p / available hours.
    const seven = line(before, 'AST-ESL-07');
    const w = seven.explanation.find((m) => m.model === 'workload')!;
    const value = (list: Array<{ name: string; value: number }>, name: string) => list.find((x) => x.name === name)!.value;
    const available = value(w.inputs, 'available hours per inspector');
    expect(available).toBeGreaterThan(1000);
    const demand = seven.demand.find((d) => d.category === 'neighbour-dispute')!;
    expect(demand.lastYear).toBe(12);
    expect(demand.handlingHours).toBe(3);
    expect(value(w.intermediate, 'W')).toBeCloseTo(demand.atHorizon * 3, 1);
    expect(w.result).toBeCloseTo(value(w.intermediate, 'W') / 0.6 / available, 2);
    expect(seven.explanation.map((m) => m.model)).toEqual(expect.arrayContaining(['workload', 'population', 'relief', 'queueing', 'risk']));
  });

  it('end to end: requests registered for a precinct raise its workload input and its need, and the allocation moves an inspector there within the damping limit', async () => {
    // A precinct with one officer that the first run did not give more to (any such precinct of the demo territory).
    const target = before.precincts.edges.map((e) => e.node).find((p) => p.current === 1 && p.allocated <= 1 && p.binding !== 'damping-upper' && p.needWorkload === 0)!.precinctCode;
    const was = (await workload(target, 13)).requests;
    const surge = Array.from({ length: 12 }, (_, m) => Array.from({ length: 40 }, () => registered(target, 'domestic-violence', inMonth(m + 1)).event)).flat();
    await raw.produce(CITIZEN_REQUEST_TOPIC, surge.map(toKafkaRecord));
    await waitFor(async () => ((await workload(target, 13)).requests >= was + 480 ? true : undefined), { timeoutMs: 30_000, description: 'the new requests to be counted' });

    const after = await runForecast('ast.hr', input);
    expect(after.status).toBe('succeeded');
    const a = line(before, target);
    const b = line(after, target);
    expect(b.needWorkload).toBeGreaterThan(a.needWorkload + 1);
    expect(b.need).toBeGreaterThan(a.need);
    // The allocation gives it more, but never more than the damping allows (10 % of the baseline, at least the nearest whole inspector).
    expect(b.allocated).toBeGreaterThan(a.allocated);
    const esil = after.districts.find((d) => d.districtCode === 'AST-ESL')!;
    const baseline = (b.current * 80) / esil.current;
    expect(b.allocated).toBeLessThanOrEqual(Math.max(Math.floor(baseline * 1.1), Math.ceil(baseline)));
    expect(after.precincts.edges.reduce((s, e) => s + e.node.allocated, 0)).toBe(80);

    // The comparison names what changed.
    const compared = await h.gql<{ compareForecastRuns: Array<{ precinctCode: string; needDelta: number; differences: Array<{ name: string }> }> }>(
      'ast.hr',
      `query($a: ID!, $b: ID!) { compareForecastRuns(a: $a, b: $b) { precinctCode needDelta differences { name } } }`,
      { a: before.id, b: after.id },
    );
    const row = compared.data!.compareForecastRuns.find((c) => c.precinctCode === target)!;
    expect(row.needDelta).toBeGreaterThan(0);
    expect(row.differences.map((d) => d.name)).toContain('requests a year at the horizon: domestic-violence');
  });

  it('answers a what-if without storing it: halving p doubles the workload need', async () => {
    const runs = Number((await db.query(`SELECT count(*) AS n FROM staffing_forecast.forecast_run`))[0].n);
    const q = `query($p: StaffingParametersInput) { staffingNeed(scope: "AST-ESL-07", model: workload, parameters: $p) { summary { need } precincts { precinctCode needWorkload } } }`;
    const base = await h.gql<{ staffingNeed: { precincts: Array<{ precinctCode: string; needWorkload: number }> } }>('ast.analyst', q, { p: { obligatedShare: 0.6 } });
    const half = await h.gql<{ staffingNeed: { precincts: Array<{ precinctCode: string; needWorkload: number }> } }>('ast.analyst', q, { p: { obligatedShare: 0.3 } });
    expect(base.errors).toBeUndefined();
    const pick = (r: typeof base) => r.data!.staffingNeed.precincts.find((p) => p.precinctCode === 'AST-ESL-07')!.needWorkload;
    expect(pick(half)).toBeCloseTo(2 * pick(base), 2);
    expect(Number((await db.query(`SELECT count(*) AS n FROM staffing_forecast.forecast_run`))[0].n)).toBe(runs);
  });

  it('is published once by the department head, emitting forecast.published, and then partners read the gap of their region', async () => {
    expect(codeOf(await h.gql('ast.akimat', `{ staffingGap(scope: "AST") { districtCode } }`))).toBeUndefined();
    const draft = await h.gql<{ staffingGap: unknown[] }>('ast.akimat', `{ staffingGap(scope: "AST") { districtCode } }`);
    expect(draft.data!.staffingGap).toEqual([]); // nothing published yet
    const planner = await h.gql<{ staffingGap: Array<{ published: boolean }> }>('ast.hr', `{ staffingGap(scope: "AST-ESL") { districtCode published } }`);
    expect(planner.data!.staffingGap).toEqual([{ districtCode: 'AST-ESL', published: false }]);

    const PUBLISH = `mutation($id: ID!) { publishForecastRun(id: $id) { publishedAt publishedBy } }`;
    expect(codeOf(await h.gql('ast.hr', PUBLISH, { id: before.id }))).toBe('FORBIDDEN');
    const published = await h.gql<{ publishForecastRun: { publishedBy: string } }>('ast.head', PUBLISH, { id: before.id });
    expect(published.errors).toBeUndefined();
    expect(published.data!.publishForecastRun.publishedBy).toBe('ast.head');
    expect(codeOf(await h.gql('ast.head', PUBLISH, { id: before.id }))).toBe('CONFLICT');

    const events = await waitFor(
      async () => {
        const all = (await raw.readAll(FORECAST_TOPIC)).map((r) => JSON.parse(r.value!) as { runId: string; districts: Array<{ districtCode: string; authorised: number | null; allocated: number }> });
        return all.length ? all : undefined;
      },
      { timeoutMs: 20_000, description: 'forecast.published' },
    );
    expect(events).toHaveLength(1);
    expect(events[0].runId).toBe(before.id);
    expect(events[0].districts).toEqual([expect.objectContaining({ districtCode: 'AST-ESL', authorised: 80, allocated: 80 })]);

    const gap = await h.gql<{ staffingGap: Array<{ districtCode: string; need: number; filled: number; authorised: number; vacancyRate: number; published: boolean }> }>(
      'ast.akimat',
      `{ staffingGap(scope: "AST") { districtCode need filled authorised vacancyRate published } }`,
    );
    expect(gap.errors).toBeUndefined();
    expect(gap.data!.staffingGap).toEqual([expect.objectContaining({ districtCode: 'AST-ESL', filled: 72, authorised: 80, vacancyRate: 0.1, published: true })]);
    // Partners read published summaries, never the runs themselves or another region.
    expect(codeOf(await h.gql('ast.akimat', GET, { id: before.id }))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql('ast.akimat', `{ staffingGap(scope: "ALM") { districtCode } }`))).toBe('FORBIDDEN');

    // Precinct.staffing, as the gateway resolves it through federation.
    const entity = await h.gql<{ _entities: Array<{ staffing: { need: number; runId: string } | null }> }>(
      'council.ast',
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Precinct { staffing { need runId allocated } } } }`,
      { r: [{ __typename: 'Precinct', id: 'AST-ESL-07' }] },
    );
    expect(entity.errors).toBeUndefined();
    expect(entity.data!._entities[0].staffing).toMatchObject({ runId: before.id, need: line(before, 'AST-ESL-07').need });
  });
});

/**
 * inspector-roster against the real PostgreSQL, a Kafka-protocol broker and identity-dev: the
 * territory and point lookup, imports that refuse bad files, assignment history and its events,
 * who is on duty during leave, the caseload read model, precinct workforce for the staffing
 * forecast, and jurisdiction.
 */
import { randomUUID } from 'node:crypto';
import { Client as PgClient } from 'pg';
import type { DataSource } from 'typeorm';
import {
  CITIZEN_REQUEST_TOPIC,
  CitizenRequestAssigned,
  CitizenRequestClosed,
  CitizenRequestRegistered,
  COMMISSION_TASK_TOPIC,
  CommissionTaskAssigned,
  createEvent,
  eventSource,
  PRECINCT_TOPIC,
  toKafkaRecord,
  type EventType,
} from '@seriktes/contracts';
import { physicalTopic } from '@seriktes/messaging';
import type { RawKafka } from '@seriktes/messaging/testing';
import type { ServiceApp } from '@seriktes/runtime';
import { getJson, waitFor } from '@seriktes/testing';
import type { InspectorRosterConfig } from '../src/config';
import { availableHours, localDateOf, SHIFT_PATTERNS, type Leave, type Schedule } from '../src/duty/rules';
import type { RosterImporter } from '../src/import/importer';
import { countingDate, publicDaysOff } from '../src/workforce/workforce';
import { INSPECTOR_HEADER, INSPECTORS, PRECINCTS, precinctFile, square } from './fixtures';
import { startTestRoster, type TestRoster } from './harness';

let test: TestRoster;
let roster: ServiceApp;
let raw: RawKafka;
let config: InspectorRosterConfig;
let dataSource: DataSource;
let importer: RosterImporter;
let tokens: Record<string, string>;
let operator: TestRoster['operator'];
const ids: Record<string, string> = {};

const gql = <T = Record<string, unknown>>(query: string, as = 'hq', variables?: Record<string, unknown>) => test.gql<T>(query, as, variables);

const count = async (table: string) => Number(((await dataSource.query(`SELECT count(*)::int AS n FROM inspector_roster.${table}`)) as Array<{ n: number }>)[0].n);

function record<T>(type: EventType<T>, data: T, subject: string, producer = 'citizen-requests') {
  return toKafkaRecord(createEvent(type.type, data, { subject, source: eventSource(producer) }));
}

beforeAll(async () => {
  test = await startTestRoster('roster', ['hq', 'ast.head', 'ast.esil.head', 'ast.esil.01', 'ast.esil.02', 'citizen.demo', 'ast.akimat', 'ast.analyst']);
  ({ roster, raw, config, dataSource, importer, tokens, operator } = test);
});

afterAll(async () => {
  await test?.stop();
});

describe('import', () => {
  it('refuses a precinct file with bad features as a whole, naming each line and reason', async () => {
    const file = precinctFile([
      PRECINCTS[0],
      { code: 'AST-ESL-1', ring: square(71.5, 51.2, 71.51, 51.21), population: 100 },
      { code: 'AST-ESL-05', ring: square(71.405, 51.105, 71.415, 51.115), population: 100 },
      { raw: { type: 'Feature', properties: { code: 'AST-ESL-06', name_kk: 'a', name_ru: 'b', name_en: 'c', population: 10 }, geometry: { type: 'Polygon', coordinates: [[[71.6, 51.2], [71.61, 51.2], [71.61, 51.21]]] } } },
      { code: 'AST-XYZ-01', ring: square(71.7, 51.2, 71.71, 51.21), population: 100 },
    ]);
    const report = await importer.importPrecincts(file, { actor: operator });
    expect(report.applied).toBe(false);
    expect(report.imported).toBe(0);
    expect(report.errors.map((e) => [e.line, e.key])).toEqual([
      [5, 'code'],
      [6, 'geometry'],
      [7, 'geometry'],
      [8, 'code'],
    ]);
    expect(report.errors.find((e) => e.line === 6)?.reason).toMatch(/overlaps/);
    expect(await count('precinct')).toBe(0);
    expect(await count('precinct_shape')).toBe(0);

    const skipping = await importer.importPrecincts(file, { actor: operator, skipInvalid: true });
    expect(skipping).toMatchObject({ applied: true, imported: 1 });
    expect(await count('precinct')).toBe(1);
  });

  it('imports a clean file, replacing what it already held', async () => {
    const report = await importer.importPrecincts(precinctFile(PRECINCTS), { actor: operator });
    expect(report).toMatchObject({ applied: true, imported: 5, errors: [] });
    expect(await count('precinct')).toBe(5);
  });

  it('refuses an inspector file with bad rows as a whole, then imports the fixed file with assignments', async () => {
    const bad = [INSPECTOR_HEADER, INSPECTORS[0], INSPECTORS[1].replace('police_senior_lieutenant', 'police_general'), INSPECTORS[2].replace('AST-ESL-03', 'AST-ESL-09')].join('\n');
    const refused = await importer.importInspectors(bad, { actor: operator });
    expect(refused.applied).toBe(false);
    expect(refused.errors.map((e) => [e.line, e.key])).toEqual([
      [3, 'rank'],
      [4, 'precinct_code'],
    ]);
    expect(await count('inspector')).toBe(0);
    expect(await count('assignment')).toBe(0);

    const report = await importer.importInspectors([INSPECTOR_HEADER, ...INSPECTORS].join('\n'), { actor: operator });
    expect(report).toMatchObject({ applied: true, imported: 5, errors: [] });
    for (const row of (await dataSource.query(`SELECT id, personal_number FROM inspector_roster.inspector`)) as Array<{ id: string; personal_number: string }>) ids[row.personal_number] = row.id;
    expect(await count('assignment')).toBe(4);
  });
});

describe('point lookup', () => {
  const at = (lat: number, lon: number) =>
    gql<{ locatePrecinct: { precinct: { code: string }; match: string; distanceMetres: number } | null }>(
      'query L($lat: Float!, $lon: Float!) { locatePrecinct(lat: $lat, lon: $lon) { precinct { code } match distanceMetres } }',
      'citizen.demo',
      { lat, lon },
    ).then((b) => b.data?.locatePrecinct ?? null);
  const metresOfLon = 111_320 * Math.cos((51.105 * Math.PI) / 180);

  it('finds the precinct of a point inside it, with the fields other services rely on', async () => {
    const body = await gql<{ precinctAt: Record<string, unknown> }>(
      '{ precinctAt(lat: 51.105, lon: 71.405) { id code name population boundary district { code name } inspectors { id fullName rank } } }',
      'citizen.demo',
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.precinctAt).toMatchObject({
      id: 'AST-ESL-01',
      code: 'AST-ESL-01',
      population: 3200,
      district: { code: 'AST-ESL', name: 'Есіл ауданы' },
      inspectors: [{ id: ids.AST100001, fullName: 'Сұлтанова Айгерім Ерланқызы', rank: 'полиция капитаны' }],
      boundary: { type: 'Polygon', coordinates: [PRECINCTS[0].ring] },
    });
  });

  it('puts a point on a shared edge or corner always in the lowest code', async () => {
    expect(await at(51.105, 71.41)).toEqual({ precinct: { code: 'AST-ESL-01' }, match: 'boundary', distanceMetres: 0 });
    expect(await at(51.11, 71.41)).toEqual({ precinct: { code: 'AST-ESL-01' }, match: 'boundary', distanceMetres: 0 });
    expect(await at(51.115, 71.42)).toEqual({ precinct: { code: 'AST-ESL-04' }, match: 'boundary', distanceMetres: 0 });
    expect(await at(51.105, 71.4101)).toEqual({ precinct: { code: 'AST-ESL-02' }, match: 'inside', distanceMetres: 0 });
    // Centimetres outside an outer edge, within PostgreSQL's 1e-6 geometric tolerance (a nearest-first
    // index scan fails there with "index returned tuples in wrong order").
    expect(await at(51.105, 71.4 - 5e-7)).toEqual({ precinct: { code: 'AST-ESL-01' }, match: 'boundary', distanceMetres: 0 });
    expect(await at(51.1 - 5e-7, 71.425)).toEqual({ precinct: { code: 'AST-SAR-01' }, match: 'boundary', distanceMetres: 0 });
  });

  it('matches a point just outside every precinct to the nearest, and nothing far away', async () => {
    const near = await at(51.105, 71.4 - 50 / metresOfLon);
    expect(near?.precinct.code).toBe('AST-ESL-01');
    expect(near?.match).toBe('nearest');
    expect(near?.distanceMetres).toBeGreaterThan(49);
    expect(near?.distanceMetres).toBeLessThan(51);
    expect(await at(51.105, 71.4 - 1000 / metresOfLon)).toBeNull();
    expect((await gql('{ precinctAt(lat: 51.105, lon: 71.38) { code } }', 'citizen.demo')).data).toEqual({ precinctAt: null });
  });

  it('refuses coordinates out of range with field-level errors', async () => {
    const body = await gql('{ precinctAt(lat: 91, lon: 200) { code } }', 'citizen.demo');
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', errors: [{ field: 'lat' }, { field: 'lon' }] });
  });

  it('lists neighbours and filters precincts within the jurisdiction', async () => {
    const body = await gql<{ precinct: { neighbours: Array<{ code: string }> }; precincts: { totalCount: number; edges: Array<{ node: { code: string } }> } }>(
      '{ precinct(code: "AST-ESL-02") { neighbours { code } } precincts(filter: { vacant: true }) { totalCount edges { node { code } } } }',
      'ast.esil.head',
    );
    expect(body.data?.precinct.neighbours.map((p) => p.code)).toEqual(['AST-ESL-01', 'AST-ESL-03', 'AST-ESL-04', 'AST-SAR-01']);
    expect(body.data?.precincts).toEqual({ totalCount: 1, edges: [{ node: { code: 'AST-ESL-04' } }] });
  });
});

describe('assignments', () => {
  const assign = (as: string, input: Record<string, unknown>) =>
    gql<{ assignInspector: { id: string; validFrom: string } }>('mutation A($input: AssignInspectorInput!) { assignInspector(input: $input) { id validFrom } }', as, { input });

  it('re-assigns a precinct: the old period ends the day before, history is kept, and both changes are events', async () => {
    const body = await assign('ast.esil.head', { inspectorId: ids.AST100004, precinctCode: 'AST-ESL-03', validFrom: '2026-12-01', reason: 'transfer of the previous holder' });
    expect(body.errors).toBeUndefined();
    const history = await gql<{ precinct: { assignments: Array<{ inspectorId: string; validFrom: string; validTo: string | null; reason: string | null }> } }>(
      '{ precinct(code: "AST-ESL-03") { assignments { inspectorId validFrom validTo reason } } }',
      'ast.esil.head',
    );
    expect(history.data?.precinct.assignments).toEqual([
      { inspectorId: ids.AST100004, validFrom: '2026-12-01', validTo: null, reason: 'transfer of the previous holder' },
      { inspectorId: ids.AST100003, validFrom: '2022-01-10', validTo: '2026-11-30', reason: 'import' },
    ]);
    const events = await waitFor(
      async () => {
        const records = (await raw.readAll(physicalTopic(config.KAFKA_TOPIC_PREFIX, PRECINCT_TOPIC))).filter((r) => r.key === 'AST-ESL-03');
        return records.length >= 3 ? records : undefined;
      },
      { description: 'assignment events of AST-ESL-03' },
    );
    expect(events.map((r) => JSON.parse(r.value as string) as { change: string; inspectorId: string; validTo?: string | null })).toEqual([
      expect.objectContaining({ change: 'assigned', inspectorId: ids.AST100003 }),
      expect.objectContaining({ change: 'ended', inspectorId: ids.AST100003, validTo: '2026-11-30' }),
      expect.objectContaining({ change: 'assigned', inspectorId: ids.AST100004, validTo: null }),
    ]);
  });

  it('lets a district head change only their own district, and writes nothing when refusing', async () => {
    const before = await count('assignment');
    const refused = await assign('ast.esil.head', { inspectorId: ids.AST100004, precinctCode: 'AST-SAR-01' });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const inspector = await assign('ast.esil.01', { inspectorId: ids.AST100004, precinctCode: 'AST-ESL-04' });
    expect(inspector.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const invalid = await assign('ast.head', { inspectorId: 'nobody', precinctCode: 'AST-SAR-01', validFrom: '2026-02-30' });
    expect(invalid.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', errors: [{ field: 'inspectorId' }, { field: 'validFrom' }] });
    expect(await count('assignment')).toBe(before);
    const denied = (await dataSource.query(`SELECT count(*)::int AS n FROM inspector_roster.audit_log WHERE action = 'denied' AND entity_id = 'AST-SAR-01'`)) as Array<{ n: number }>;
    expect(denied[0].n).toBe(1);
    const allowed = await assign('ast.head', { inspectorId: ids.AST100004, precinctCode: 'AST-ESL-04', position: 'assistant' });
    expect(allowed.errors).toBeUndefined();
  });
});

describe('who is on duty', () => {
  // Monday 7 December 2026, 10:00 in Astana.
  const monday = '2026-12-07T10:00:00+05:00';
  const onDuty = (at: string) =>
    gql<{ onDuty: { source: string | null; fallback: boolean; officers: Array<{ inspector: { id: string } }>; absent: Array<{ inspector: { id: string }; reason: string }> } }>(
      'query D($at: String) { onDuty(precinctCode: "AST-ESL-01", at: $at) { source fallback officers { inspector { id } } absent { inspector { id } reason } } }',
      'ast.esil.head',
      { at },
    );

  it('answers with the precinct inspector on shift, and falls back to the district duty list during leave', async () => {
    const schedule = await gql('mutation { setDutySchedule(input: { inspectorId: "' + ids.AST100001 + '", patternCode: "five-day", validFrom: "2026-01-01" }) { id } }', 'ast.esil.head');
    expect(schedule.errors).toBeUndefined();
    const duty = await gql(
      `mutation { addDistrictDuty(input: { districtCode: "AST-ESL", inspectorId: "${ids.AST100002}", startsAt: "2026-12-07T08:00:00+05:00", endsAt: "2026-12-08T08:00:00+05:00" }) { id } }`,
      'ast.esil.head',
    );
    expect(duty.errors).toBeUndefined();
    expect((await onDuty(monday)).data?.onDuty).toMatchObject({ source: 'precinct', fallback: false, officers: [{ inspector: { id: ids.AST100001 } }], absent: [] });

    const leave = await gql<{ recordLeave: { id: string } }>(
      `mutation { recordLeave(input: { inspectorId: "${ids.AST100001}", kind: annual, startDate: "2026-12-01", endDate: "2026-12-20" }) { id } }`,
      'ast.esil.head',
    );
    expect(leave.errors).toBeUndefined();
    expect((await onDuty(monday)).data?.onDuty).toEqual({
      source: 'district_duty',
      fallback: true,
      officers: [{ inspector: { id: ids.AST100002 } }],
      absent: [{ inspector: { id: ids.AST100001 }, reason: 'leave' }],
    });
    // Saturday: the precinct inspector is off shift and no district duty was entered: nobody.
    expect((await onDuty('2026-11-28T10:00:00+05:00')).data?.onDuty).toMatchObject({ source: null, officers: [], absent: [{ reason: 'off_shift' }] });

    const overlapping = await gql(`mutation { recordLeave(input: { inspectorId: "${ids.AST100001}", kind: sick, startDate: "2026-12-15", endDate: "2026-12-22" }) { id } }`, 'ast.esil.head');
    expect(overlapping.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('gives the yearly available hours, and shows leave only to managers and the inspector', async () => {
    const query = `{ inspector(id: "${ids.AST100001}") { fullName availableHours(year: 2026) { scheduledHours availableHours leaveHours { kind hours } } leave { kind } } }`;
    const own = await gql<{ inspector: { availableHours: { scheduledHours: number; availableHours: number; leaveHours: Array<{ kind: string; hours: number }> }; leave: unknown[] } }>(query, 'ast.esil.01');
    expect(own.errors).toBeUndefined();
    expect(own.data?.inspector.availableHours.leaveHours).toEqual([{ kind: 'annual', hours: expect.any(Number) }]);
    expect(own.data?.inspector.availableHours.availableHours).toBe(own.data!.inspector.availableHours.scheduledHours - own.data!.inspector.availableHours.leaveHours[0].hours - 120);
    const colleague = await gql<{ inspector: { fullName: string; availableHours: unknown; leave: unknown } }>(query, 'ast.esil.02');
    expect(colleague.data?.inspector).toEqual({ fullName: 'Сұлтанова Айгерім Ерланқызы', availableHours: null, leave: null });
    expect(colleague.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
  });
});

describe('shift patterns', () => {
  const define = (as: string, input: Record<string, unknown>) =>
    gql<{ defineShiftPattern: { code: string; cycle: unknown[] } }>('mutation P($input: DefineShiftPatternInput!) { defineShiftPattern(input: $input) { code cycle { start hours } } }', as, { input });
  const names = { kk: 'Күндізгі 12 сағат', ru: 'Дневные 12 часов', en: 'Twelve-hour days' };

  it('defines a new pattern once, with field-level errors for a bad one, for HQ only', async () => {
    const bad = await define('hq', { code: 'X', names, cycle: [{ start: '25:00', hours: 12 }] });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect((bad.errors?.[0].extensions?.errors as Array<{ field: string }>).map((e) => e.field)).toEqual(expect.arrayContaining(['code', 'cycle[0].start']));
    const good = await define('hq', { code: 'twelve-hour-days', names, cycle: [{ start: '08:00', hours: 12 }, { start: '08:00', hours: 12 }, null, null] });
    expect(good.data?.defineShiftPattern).toEqual({ code: 'twelve-hour-days', cycle: [{ start: '08:00', hours: 12 }, { start: '08:00', hours: 12 }, null, null] });
    expect((await define('hq', { code: 'twelve-hour-days', names, cycle: [null, { start: '08:00', hours: 12 }] })).errors?.[0].extensions?.code).toBe('CONFLICT');
    expect((await define('ast.esil.head', { code: 'other', names, cycle: [null] })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const patterns = await gql<{ shiftPatterns: Array<{ code: string }> }>('{ shiftPatterns { code } }', 'ast.esil.head');
    expect(patterns.data?.shiftPatterns.map((p) => p.code)).toEqual(['five-day', 'three-shift', 'four-shift', 'day-night', 'twelve-hour-days']);
  });
});

describe('caseload', () => {
  it('counts open, overdue and closed items from request and task events, once each however often delivered', async () => {
    const [a, b, c, task] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const now = Date.now();
    const iso = (offsetHours: number) => new Date(now + offsetHours * 3600_000).toISOString();
    const registered = (id: string) =>
      record(CitizenRequestRegistered, { ...CitizenRequestRegistered.example, requestId: id, precinctCode: 'AST-ESL-02', registeredAt: iso(-48), receivedAt: iso(-48) }, id);
    const requests = [
      registered(a),
      registered(b),
      registered(c),
      record(CitizenRequestAssigned, { requestId: a, precinctCode: 'AST-ESL-02', inspectorId: ids.AST100002, assignedAt: iso(-47), dueAt: iso(-1) }, a),
      record(CitizenRequestAssigned, { requestId: b, precinctCode: 'AST-ESL-02', inspectorId: ids.AST100002, assignedAt: iso(-47), dueAt: iso(300) }, b),
      record(CitizenRequestClosed, { requestId: c, precinctCode: 'AST-ESL-02', closedAt: iso(-2), outcome: 'resolved' }, c),
    ];
    await raw.produce(physicalTopic(config.KAFKA_TOPIC_PREFIX, CITIZEN_REQUEST_TOPIC), [...requests, ...requests]);
    const tasks = [
      record(CommissionTaskAssigned, { taskId: task, precinctCode: 'AST-ESL-02', executorKind: 'police', inspectorId: ids.AST100002, assignedAt: iso(-5), dueAt: iso(100) }, task, 'commission-tasks'),
      record(CommissionTaskAssigned, { taskId: randomUUID(), precinctCode: 'AST-ESL-02', executorKind: 'school', assignedAt: iso(-5), dueAt: iso(100) }, task, 'commission-tasks'),
    ];
    await raw.produce(physicalTopic(config.KAFKA_TOPIC_PREFIX, COMMISSION_TASK_TOPIC), [...tasks, tasks[0]]);

    const expected = { open: 3, overdue: 1, closedLast30Days: 1, openRequests: 2, openTasks: 1 };
    const body = await waitFor(
      async () => {
        const result = await gql<{ precinct: { caseload: typeof expected } }>(
          '{ precinct(code: "AST-ESL-02") { caseload { open overdue closedLast30Days openRequests openTasks } } }',
          'ast.esil.head',
        );
        // Every figure, not only some: events of different requests sit on different partitions and
        // arrive in any order, so the overdue assignment may land after the registrations.
        const c = result.data?.precinct.caseload;
        return c && c.open === expected.open && c.closedLast30Days === expected.closedLast30Days && c.overdue === expected.overdue ? result : undefined;
      },
      { description: 'caseload of AST-ESL-02' },
    );
    expect(body.data?.precinct.caseload).toEqual(expected);
    const inspector = await gql<{ inspector: { caseload: { open: number; overdue: number } } }>(`{ inspector(id: "${ids.AST100002}") { caseload { open overdue } } }`, 'ast.esil.02');
    expect(inspector.data?.inspector.caseload).toEqual({ open: 3, overdue: 1 });

    const http = await getJson<{ open: number }>(`${roster.url}/precincts/AST-ESL-02/caseload`, { authorization: `Bearer ${tokens['ast.head']}` });
    expect(http).toEqual({ status: 200, body: { precinctCode: 'AST-ESL-02', ...expected } });
  });

  it('shows caseload only within the caller\'s territory and capability', async () => {
    const citizen = await gql<{ precinct: { code: string; caseload: unknown } }>('{ precinct(code: "AST-ESL-02") { code caseload { open } } }', 'citizen.demo');
    expect(citizen.data?.precinct).toEqual({ code: 'AST-ESL-02', caseload: null });
    expect(citizen.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const neighbour = await gql('{ precinct(code: "AST-ESL-02") { caseload { open } } }', 'ast.esil.01');
    expect(neighbour.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await getJson(`${roster.url}/precincts/AST-ESL-02/caseload`)).status).toBe(401);
    expect((await getJson(`${roster.url}/precincts/AST-ESL-02/caseload`, { authorization: `Bearer ${tokens['ast.esil.01']}` })).status).toBe(403);
  });
});

describe('precinct workforce', () => {
  interface Workforce {
    precinctCode: string;
    districtCode: string;
    regionCode: string;
    population: number;
    areaKm2: number;
    settlementType: string;
    year: number;
    countedOn: string;
    officers: number;
    postHolders: number;
    sharedOfficers: number;
    officersWithSchedule: number;
    scheduledHours: number;
    leaveHours: number;
    leaveHoursByKind: Array<{ kind: string; hours: number }>;
    holidayHours: number;
    availableHours: number;
    availableHoursPerOfficer: number | null;
  }
  interface Page {
    precinctWorkforce: { totalCount: number; pageInfo: { endCursor: string | null; hasNextPage: boolean }; edges: Array<{ cursor: string; node: Workforce }> } | null;
  }
  const QUERY = `query W($year: Int!, $regionCode: String, $districtCode: String, $first: Int, $after: String) {
    precinctWorkforce(year: $year, regionCode: $regionCode, districtCode: $districtCode, first: $first, after: $after) {
      totalCount pageInfo { endCursor hasNextPage }
      edges { cursor node { precinctCode districtCode regionCode population areaKm2 settlementType year countedOn officers postHolders sharedOfficers
        officersWithSchedule scheduledHours leaveHours leaveHoursByKind { kind hours } holidayHours availableHours availableHoursPerOfficer } }
    }
  }`;
  const workforce = (as: string, variables: { year: number; regionCode?: string; districtCode?: string; first?: number; after?: string | null }) => gql<Page>(QUERY, as, variables);
  const nodes = (body: { data?: Page | null }) => body.data?.precinctWorkforce?.edges.map((e) => e.node) ?? [];
  const codes = (body: { data?: Page | null }) => nodes(body).map((n) => n.precinctCode);
  const today = localDateOf(new Date());
  const zeros = { officers: 0, postHolders: 0, sharedOfficers: 0, officersWithSchedule: 0, scheduledHours: 0, leaveHours: 0, leaveHoursByKind: [], holidayHours: 0, availableHours: 0, availableHoursPerOfficer: null };

  beforeAll(async () => {
    // The staffing forecast's service account (realm role platform_service, no territory).
    tokens['staffing-forecast'] = await test.identity.clientToken('staffing-forecast');
    // AST100002, holder of AST-ESL-02 (no duty schedule), also assists at AST-ESL-01 since mid-2025.
    const body = await gql(
      `mutation { assignInspector(input: { inspectorId: "${ids.AST100002}", precinctCode: "AST-ESL-01", position: assistant, validFrom: "2025-06-01", reason: "cover" }) { id } }`,
      'ast.esil.head',
    );
    expect(body.errors).toBeUndefined();
  });

  it("sums a precinct's officers' hours exactly as the available-hours rule gives them", async () => {
    const body = await workforce('staffing-forecast', { year: 2026, districtCode: 'AST-ESL', first: 1 });
    expect(body.errors).toBeUndefined();
    // AST100001 (the holder): five-day from 1 January 2026 and annual leave 1–20 December (set in "who is on duty").
    const schedule: Schedule = { patternCode: 'five-day', anchorDate: '2026-01-01', validFrom: '2026-01-01', validTo: null };
    const leave: Leave = { kind: 'annual', startDate: '2026-12-01', endDate: '2026-12-20' };
    const rule = availableHours([schedule], SHIFT_PATTERNS, [leave], 2026, publicDaysOff(2026));
    // By hand: 1–20 December 2026 (Tuesday 1st) holds 14 weekdays, one of them Independence Day (16th): 13 shifts × 8 paid hours.
    expect(rule.leaveHours.annual).toBe(13 * 8);
    const precinct = await gql<{ precinct: { areaKm2: number } }>('{ precinct(code: "AST-ESL-01") { areaKm2 } }', 'hq');
    expect(nodes(body)).toEqual([
      {
        precinctCode: 'AST-ESL-01',
        districtCode: 'AST-ESL',
        regionCode: 'AST',
        population: 3200,
        areaKm2: precinct.data?.precinct.areaKm2,
        settlementType: 'urban',
        year: 2026,
        countedOn: countingDate(2026, today),
        // AST100001 and the shared assistant AST100002, who has no schedule and adds no hours.
        officers: 2,
        postHolders: 1,
        sharedOfficers: 1,
        officersWithSchedule: 1,
        scheduledHours: rule.scheduledHours,
        leaveHours: 104,
        leaveHoursByKind: [{ kind: 'annual', hours: 104 }],
        holidayHours: rule.holidayHours,
        availableHours: rule.availableHours,
        availableHoursPerOfficer: rule.availableHours,
      },
    ]);
    expect([rule.scheduledHours, rule.holidayHours, rule.availableHours]).toEqual([2088, 120, 2088 - 120 - 104]);
  });

  it('gives zeros and no per-officer figure for a precinct without officers, and counts officers on 1 January of a past year', async () => {
    const body = await workforce('hq', { year: 2025, districtCode: 'AST-ESL' });
    expect(body.errors).toBeUndefined();
    const [esl01, esl02, esl03, esl04] = nodes(body);
    expect(esl04).toMatchObject({ precinctCode: 'AST-ESL-04', countedOn: '2025-01-01', ...zeros });
    // On 1 January 2025 AST-ESL-01 had its holder only, who had no schedule before 2026.
    expect(esl01).toMatchObject({ precinctCode: 'AST-ESL-01', officers: 1, postHolders: 1, sharedOfficers: 0, officersWithSchedule: 0, availableHours: 0, availableHoursPerOfficer: null });
    expect([esl02.officers, esl03.officers]).toEqual([1, 1]);
    const current = await workforce('hq', { year: Number(today.slice(0, 4)), districtCode: 'AST-ESL', first: 1 });
    expect(nodes(current)[0].countedOn).toBe(today);
  });

  it("keeps each caller to their jurisdiction and never serves inspectors or citizens", async () => {
    const unit = await workforce('ast.esil.head', { year: 2026 });
    expect(body(unit)).toMatchObject({ totalCount: 4 });
    expect(codes(unit)).toEqual(['AST-ESL-01', 'AST-ESL-02', 'AST-ESL-03', 'AST-ESL-04']);
    expect(codes(await workforce('ast.esil.head', { year: 2026, regionCode: 'AST' }))).toEqual(codes(unit));
    for (const args of [{ districtCode: 'AST-SAR' }, { regionCode: 'ALA' }]) {
      const refused = await workforce('ast.esil.head', { year: 2026, ...args });
      expect(refused.data).toBeNull();
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect((await workforce('ast.head', { year: 2026, regionCode: 'ALA' })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(codes(await workforce('ast.analyst', { year: 2026 }))).toHaveLength(5);
    for (const as of ['ast.esil.01', 'citizen.demo', 'ast.akimat']) {
      const refused = await workforce(as, { year: 2026 });
      expect([refused.data, refused.errors?.[0].extensions?.code]).toEqual([null, 'FORBIDDEN']);
    }
    const audited = (await dataSource.query(
      `SELECT action, count(*)::int AS n FROM inspector_roster.audit_log WHERE entity = 'precinct_workforce' AND actor_username = 'ast.esil.head' GROUP BY action ORDER BY action`,
    )) as Array<{ action: string; n: number }>;
    expect(audited).toEqual([
      { action: 'denied', n: 2 },
      { action: 'read', n: 2 },
    ]);
  });

  it("gives the staffing forecast's service account the whole country, page by page", async () => {
    const all = await workforce('staffing-forecast', { year: 2026, first: 1000 });
    expect(all.errors).toBeUndefined();
    expect(body(all)).toMatchObject({ totalCount: 5, pageInfo: { hasNextPage: false } });
    expect(codes(all)).toEqual(['AST-ESL-01', 'AST-ESL-02', 'AST-ESL-03', 'AST-ESL-04', 'AST-SAR-01']);
    expect(nodes(all)[4]).toMatchObject({ precinctCode: 'AST-SAR-01', officers: 1, postHolders: 1, officersWithSchedule: 0, availableHoursPerOfficer: null });

    const pages: Workforce[][] = [];
    let after: string | null = null;
    for (;;) {
      const page = await workforce('staffing-forecast', { year: 2026, first: 2, after });
      expect(page.errors).toBeUndefined();
      expect(body(page)?.totalCount).toBe(5);
      pages.push(nodes(page));
      if (!body(page)?.pageInfo.hasNextPage) break;
      after = body(page)?.pageInfo.endCursor ?? null;
    }
    expect(pages.map((p) => p.map((n) => n.precinctCode))).toEqual([['AST-ESL-01', 'AST-ESL-02'], ['AST-ESL-03', 'AST-ESL-04'], ['AST-SAR-01']]);
    expect(pages.flat()).toEqual(nodes(all));
  });

  it('computes a page with the same few queries whatever its size', async () => {
    const spy = jest.spyOn(PgClient.prototype, 'query');
    const rosterQueries = () =>
      spy.mock.calls.filter(([sql]) => typeof sql === 'string' && /inspector_roster\.(precinct|assignment|duty_schedule|leave|shift_pattern)\b/.test(sql)).length;
    try {
      expect((await workforce('staffing-forecast', { year: 2026, first: 1 })).errors).toBeUndefined();
      const one = rosterQueries();
      spy.mockClear();
      expect(codes(await workforce('staffing-forecast', { year: 2026, first: 5 }))).toHaveLength(5);
      // Precincts, their total, assignments, schedules, leave, shift patterns.
      expect([one, rosterQueries()]).toEqual([6, 6]);
    } finally {
      spy.mockRestore();
    }
  });

  it('refuses bad arguments with field-level errors', async () => {
    const bad = await workforce('staffing-forecast', { year: 1999, regionCode: 'ast', districtCode: 'AST-E', first: 1001, after: 'not-a-cursor' });
    expect(bad.data).toBeNull();
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((bad.errors?.[0].extensions?.errors as Array<{ field: string }>).map((e) => e.field)).toEqual(['year', 'regionCode', 'districtCode', 'first', 'after']);
    const zero = await workforce('staffing-forecast', { year: 2101, first: 0 });
    expect((zero.errors?.[0].extensions?.errors as Array<{ field: string }>).map((e) => e.field)).toEqual(['year', 'first']);
    const outside = await workforce('staffing-forecast', { year: 2026, regionCode: 'ALA', districtCode: 'AST-ESL' });
    expect(outside.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', errors: [{ field: 'districtCode' }] });
  });

  function body(response: { data?: Page | null }) {
    return response.data?.precinctWorkforce;
  }
});

describe('operations', () => {
  it('reports its database, outbox and consumer in /health and serves /metrics', async () => {
    const { status, body } = await getJson<{ status: string; checks: Record<string, { status: string }> }>(`${roster.url}/health`);
    expect(status).toBe(200);
    expect(Object.keys(body.checks).sort()).toEqual(['consumer', 'database', 'outbox']);
    const metrics = await (await fetch(`${roster.url}/metrics`)).text();
    expect(metrics).toContain('seriktes_events_consumed_total');
  });
});

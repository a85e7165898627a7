/** inspector-roster on its own: counts registered requests per precinct from raw events, once each. */
import { randomUUID } from 'node:crypto';
import { CITIZEN_REQUEST_TOPIC, CitizenRequestRegistered, createEvent, eventSource, toKafkaRecord } from '@seriktes/contracts';
import { RawKafka } from '@seriktes/messaging/testing';
import { createLogger } from '@seriktes/observability';
import { startServiceApp, type ServiceApp } from '@seriktes/runtime';
import {
  createTestDatabase,
  getJson,
  migrateService,
  startIdentityProvider,
  startMockKafka,
  waitFor,
  type IdentityProvider,
  type KafkaHandle,
  type TestDatabase,
} from '@seriktes/testing';
import { EventConsumer } from '@seriktes/messaging';
import { AppModule } from '../src/app.module';
import { env } from '../src/config';

let kafka: KafkaHandle;
let db: TestDatabase;
let roster: ServiceApp;
let raw: RawKafka;
let identity: IdentityProvider;
const tokens: Record<string, string> = {};

/** GET as a demo user (default `hq`, national scope). */
const get = <T = unknown>(path: string, user = 'hq') => getJson<T>(`${roster.url}${path}`, { authorization: `Bearer ${tokens[user]}` });

function registered(precinctCode: string, registeredAt: string) {
  const requestId = randomUUID();
  return toKafkaRecord(
    createEvent(
      CitizenRequestRegistered.type,
      { ...CitizenRequestRegistered.example, requestId, precinctCode, registeredAt },
      { subject: requestId, source: eventSource('citizen-requests'), time: new Date(registeredAt) },
    ),
  );
}

beforeAll(async () => {
  [kafka, db, identity] = await Promise.all([startMockKafka(), createTestDatabase('roster'), startIdentityProvider()]);
  for (const user of ['hq', 'ast.head', 'ast.esil.02', 'citizen.demo']) tokens[user] = await identity.token(user);
  await migrateService('inspector-roster', { ...kafka.env, DATABASE_URL: db.url });
  const config = env.load({ ...process.env, ...kafka.env, ...identity.env, DATABASE_URL: db.url, PORT: '0' });
  const logger = createLogger({ service: 'inspector-roster', level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  roster = await startServiceApp({ service: 'inspector-roster', module: AppModule.forRoot(config, logger), port: 0, logger });
  raw = new RawKafka({ brokers: kafka.brokers });
  await roster.app.get(EventConsumer).joined;
});

afterAll(async () => {
  await raw?.close();
  await roster?.close();
  await kafka?.stop();
  await identity?.stop();
  await db?.drop();
});

describe('precinct caseload', () => {
  it('answers only within the caller\'s jurisdiction and capability', async () => {
    expect((await getJson(`${roster.url}/precincts/AST-ESL-01/caseload`)).status).toBe(401);
    expect((await get('/precincts/AST-ESL-01/caseload', 'ast.head')).status).toBe(200);
    expect((await get('/precincts/AST-ESL-02/caseload', 'ast.esil.02')).status).toBe(200);
    const outside = await get<{ code: string; message: string }>('/precincts/AST-ESL-01/caseload', 'ast.esil.02');
    expect(outside).toEqual({ status: 403, body: expect.objectContaining({ code: 'FORBIDDEN', message: expect.stringContaining('outside your jurisdiction') }) });
    expect((await get('/precincts/ALA-ALM-03/caseload', 'ast.head')).status).toBe(403);
    expect((await get<{ code: string }>('/precincts/AST-ESL-01/caseload', 'citizen.demo')).body.code).toBe('FORBIDDEN');
  });

  it('counts each registered request once and keeps the latest time', async () => {
    const first = registered('ALA-ALM-03', '2026-11-20T04:00:00.000Z');
    const second = registered('ALA-ALM-03', '2026-11-21T04:00:00.000Z');
    await raw.produce(CITIZEN_REQUEST_TOPIC, [second, first, first]);
    const view = await waitFor(
      async () => {
        const { body } = await get<{ registeredRequests: number; lastRequestAt: string }>('/precincts/ALA-ALM-03/caseload');
        return body.registeredRequests === 2 ? body : undefined;
      },
      { description: 'two requests counted' },
    );
    expect(view).toEqual({ precinctCode: 'ALA-ALM-03', registeredRequests: 2, lastRequestAt: '2026-11-21T04:00:00.000Z' });
  });

  it('answers zero for a precinct without requests and 404 for a malformed code', async () => {
    expect((await get('/precincts/AST-ESL-99/caseload')).body).toEqual({
      precinctCode: 'AST-ESL-99',
      registeredRequests: 0,
      lastRequestAt: null,
    });
    expect((await get('/precincts/nowhere/caseload')).status).toBe(404);
  });

  it('reports its database, outbox and consumer in /health and serves /metrics', async () => {
    const { status, body } = await getJson<{ status: string; checks: Record<string, { status: string }> }>(`${roster.url}/health`);
    expect(status).toBe(200);
    expect(body.status).toBe('ok');
    expect(Object.keys(body.checks).sort()).toEqual(['consumer', 'database', 'outbox']);
    const metrics = await (await fetch(`${roster.url}/metrics`)).text();
    expect(metrics).toContain('seriktes_events_consumed_total');
    expect(metrics).toContain('process_cpu_user_seconds_total');
  });
});

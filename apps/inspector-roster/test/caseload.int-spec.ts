/** inspector-roster on its own: counts registered requests per precinct from raw events, once each. */
import { randomUUID } from 'node:crypto';
import { CITIZEN_REQUEST_TOPIC, CitizenRequestRegistered, createEvent, eventSource, toKafkaRecord } from '@seriktes/contracts';
import { RawKafka } from '@seriktes/messaging/testing';
import { createLogger } from '@seriktes/observability';
import { startServiceApp, type ServiceApp } from '@seriktes/runtime';
import { createTestDatabase, getJson, migrateService, startMockKafka, waitFor, type KafkaHandle, type TestDatabase } from '@seriktes/testing';
import { EventConsumer } from '@seriktes/messaging';
import { AppModule } from '../src/app.module';
import { env } from '../src/config';

let kafka: KafkaHandle;
let db: TestDatabase;
let roster: ServiceApp;
let raw: RawKafka;

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
  kafka = await startMockKafka();
  db = await createTestDatabase('roster');
  await migrateService('inspector-roster', { ...kafka.env, DATABASE_URL: db.url });
  const config = env.load({ ...process.env, ...kafka.env, DATABASE_URL: db.url, PORT: '0' });
  const logger = createLogger({ service: 'inspector-roster', level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  roster = await startServiceApp({ service: 'inspector-roster', module: AppModule.forRoot(config, logger), port: 0, logger });
  raw = new RawKafka({ brokers: kafka.brokers });
  await roster.app.get(EventConsumer).joined;
});

afterAll(async () => {
  await raw?.close();
  await roster?.close();
  await kafka?.stop();
  await db?.drop();
});

describe('precinct caseload', () => {
  it('counts each registered request once and keeps the latest time', async () => {
    const first = registered('ALA-ALM-03', '2026-11-20T04:00:00.000Z');
    const second = registered('ALA-ALM-03', '2026-11-21T04:00:00.000Z');
    await raw.produce(CITIZEN_REQUEST_TOPIC, [second, first, first]);
    const view = await waitFor(
      async () => {
        const { body } = await getJson<{ registeredRequests: number; lastRequestAt: string }>(`${roster.url}/precincts/ALA-ALM-03/caseload`);
        return body.registeredRequests === 2 ? body : undefined;
      },
      { description: 'two requests counted' },
    );
    expect(view).toEqual({ precinctCode: 'ALA-ALM-03', registeredRequests: 2, lastRequestAt: '2026-11-21T04:00:00.000Z' });
  });

  it('answers zero for a precinct without requests and 404 for a malformed code', async () => {
    expect((await getJson(`${roster.url}/precincts/AST-ESL-99/caseload`)).body).toEqual({
      precinctCode: 'AST-ESL-99',
      registeredRequests: 0,
      lastRequestAt: null,
    });
    expect((await getJson(`${roster.url}/precincts/nowhere/caseload`)).status).toBe(404);
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

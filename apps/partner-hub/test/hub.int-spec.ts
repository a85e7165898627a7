/**
 * partner-hub against the real PostgreSQL, the mock Kafka cluster and identity-dev, delivering to
 * local HTTP receivers: events from Kafka reach the partner's endpoint as Standard Webhooks with a
 * CloudEvents body (checked with the `standardwebhooks` and `cloudevents` libraries), only in the
 * partner's territory, redacted, retried with the same webhook-id, disabled on 410, a slow endpoint
 * not holding a fast one back; secrets rotate with an overlap; replay re-delivers with the original
 * ids; the SSE feed resumes; the catalogue is served.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HTTP } from 'cloudevents';
import { Webhook } from 'standardwebhooks';
import { DataSource } from 'typeorm';
import {
  CITIZEN_REQUEST_TOPIC,
  CitizenRequestAssigned,
  CitizenRequestRegistered,
  COMMISSION_TASK_TOPIC,
  CommissionTaskAssigned,
  createEvent,
  eventSource,
  SHARING_AGREEMENT_TOPIC,
  SharingAgreementChanged,
  toKafkaRecord,
} from '@seriktes/contracts';
import { RawKafka } from '@seriktes/messaging/testing';
import { startServiceApp } from '@seriktes/runtime';
import { startServiceHarness, type GqlResult, type ServiceHarness } from '@seriktes/runtime/testing';
import { createLogger } from '@seriktes/observability';
import { waitFor, WORKSPACE_ROOT } from '@seriktes/testing';
import { AppModule } from '../src/app.module';
import { env } from '../src/config';
import { EventRetention } from '../src/events/retention.service';
import { Dispatcher } from '../src/webhooks/dispatcher.service';
import { Receiver } from './receiver';

const USERS = ['ast.akimat', 'ast.school.54', 'admin', 'ast.analyst'] as const;
type User = (typeof USERS)[number];

let h: ServiceHarness<User>;
let raw: RawKafka;
let db: DataSource;
const receiver = new Receiver();
const codeOf = (r: GqlResult<unknown>) => r.errors?.[0]?.extensions?.code;
const fieldsOf = (r: GqlResult<unknown>) => (r.errors ?? []).flatMap((e) => ((e.extensions?.errors as Array<{ field: string }> | undefined) ?? []).map((x) => x.field));

const CREATE = `mutation($input: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $input) { id secret subscription { state } } }`;

async function subscribe(user: User, input: Record<string, unknown>): Promise<{ id: string; secret: string }> {
  const r = await h.gql<{ createWebhookSubscription: { id: string; secret: string } }>(user, CREATE, { input });
  expect(r.errors).toBeUndefined();
  return r.data!.createWebhookSubscription;
}

function registered(precinctCode: string, category = 'public-order-noise') {
  const requestId = randomUUID();
  const now = new Date().toISOString();
  return createEvent(
    CitizenRequestRegistered.type,
    { requestId, registrationNumber: 'AST-2026-000123', kind: 'application', category, channel: 'web', regionCode: precinctCode.slice(0, 3), precinctCode, receivedAt: now, registeredAt: now },
    { subject: requestId, source: eventSource('citizen-requests') },
  );
}

async function publish(...events: Array<ReturnType<typeof createEvent>>) {
  await raw.produce(CITIZEN_REQUEST_TOPIC, events.map(toKafkaRecord));
}

async function deliveries(user: User, subscriptionId: string) {
  const r = await h.gql<{ webhookDeliveries: { edges: Array<{ node: { webhookId: string; status: string; attempts: number; withheld: string[]; grantedBy: string[]; nextAttemptAt: string | null; attemptLog: Array<{ statusCode: number | null; latencyMs: number }> } }> } }>(
    user,
    `query($s: ID!) { webhookDeliveries(subscriptionId: $s) { edges { node { webhookId status attempts withheld grantedBy nextAttemptAt attemptLog { statusCode latencyMs error } } } } }`,
    { s: subscriptionId },
  );
  expect(r.errors).toBeUndefined();
  return r.data!.webhookDeliveries.edges.map((e) => e.node);
}

/** Lets the retry time of a subscription's pending deliveries pass (the schedule's first steps are seconds to minutes). */
async function timePasses(subscriptionId: string) {
  await db.query(`UPDATE partner_hub.delivery SET next_attempt_at = now() WHERE subscription_id = $1 AND status = 'pending'`, [subscriptionId]);
  h.app.app.get(Dispatcher).kick();
}

beforeAll(async () => {
  await receiver.start();
  h = await startServiceHarness({
    service: 'partner-hub',
    database: 'partner_hub',
    users: USERS,
    env: { DISPATCH_INTERVAL_MS: '50', DELIVERY_TIMEOUT_MS: '5000', ENDPOINT_POLICY: 'development' },
    module: (variables, logger) => AppModule.forRoot(env.load(variables), logger),
  });
  raw = new RawKafka({ brokers: h.kafka.brokers });
  db = h.app.app.get(DataSource);
}, 120_000);

afterAll(async () => {
  await raw?.close();
  await h?.stop();
  await receiver.stop();
});

describe('webhooks', () => {
  let akimat: { id: string; secret: string };
  let almaty: { id: string; secret: string };

  it('delivers a request registered in AST to the Astana akimat within seconds, verifiable with standardwebhooks and parsed by the cloudevents SDK; Almaty gets nothing', async () => {
    akimat = await subscribe('ast.akimat', { url: receiver.on('/akimat', () => ({ status: 204 })), eventTypes: ['kz.seriktes.citizen-request.*'] });
    expect(akimat.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    almaty = await subscribe('admin', { url: receiver.on('/almaty', () => ({ status: 204 })), eventTypes: ['*'], partnerOrgId: 'ala-akimat', regionCode: 'ALA' });

    const event = registered('AST-ESL-01');
    const sent = Date.now();
    await publish(event);
    const got = await waitFor(async () => receiver.at('/akimat').find((r) => r.headers['webhook-id'] === event.id), { timeoutMs: 10_000, description: 'the akimat to receive the webhook' });
    expect(got.at - sent).toBeLessThan(10_000);
    expect(got.headers['content-type']).toContain('application/cloudevents+json');
    // Verified unchanged by the Standard Webhooks reference library: throws on a bad signature.
    const payload = new Webhook(akimat.secret).verify(got.body, got.headers) as Record<string, unknown>;
    expect(payload).toMatchObject({ id: event.id, type: CitizenRequestRegistered.type });
    const ce = HTTP.toEvent({ headers: { 'content-type': 'application/cloudevents+json' }, body: got.body });
    const parsed = Array.isArray(ce) ? ce[0] : ce;
    expect(parsed.id).toBe(event.id);
    expect(parsed.type).toBe(CitizenRequestRegistered.type);
    expect(parsed.specversion).toBe('1.0');
    expect((parsed.data as Record<string, unknown>).precinctCode).toBe('AST-ESL-01');

    // A later event of Almaty reaches Almaty: so nothing of Astana did.
    const own = createEvent(CitizenRequestRegistered.type, { ...(registered('ALA-MED-01').data as object), regionCode: 'ALA', precinctCode: 'ALA-MED-01' } as never, { subject: randomUUID(), source: eventSource('citizen-requests') });
    await publish(own);
    await waitFor(async () => receiver.at('/almaty').find((r) => r.headers['webhook-id'] === own.id), { timeoutMs: 10_000, description: 'Almaty to receive its own event' });
    expect(receiver.at('/almaty').map((r) => r.headers['webhook-id'])).toEqual([own.id]);
    expect((await deliveries('admin', almaty.id)).map((d) => d.webhookId)).toEqual([own.id]);
  });

  it('redacts what partners may not see and records it with the delivery', async () => {
    const requestId = randomUUID();
    const assigned = createEvent(CitizenRequestAssigned.type, { requestId, precinctCode: 'AST-ESL-01', inspectorId: randomUUID(), assignedAt: new Date().toISOString(), dueAt: null }, { subject: requestId, source: eventSource('citizen-requests') });
    await publish(assigned);
    const got = await waitFor(async () => receiver.at('/akimat').find((r) => r.headers['webhook-id'] === assigned.id), { timeoutMs: 10_000, description: 'the assigned event' });
    const data = (JSON.parse(got.body) as { data: Record<string, unknown> }).data;
    expect(data.precinctCode).toBe('AST-ESL-01');
    expect(data).not.toHaveProperty('inspectorId');
    const log = await deliveries('ast.akimat', akimat.id);
    expect(log.find((d) => d.webhookId === assigned.id)!.withheld).toContain('inspectorId');
  });

  it('retries a failing receiver with the same webhook-id, and the log shows every attempt', async () => {
    const flaky = await subscribe('ast.school.54', { url: receiver.on('/flaky', (n) => ({ status: n <= 2 ? 503 : 200 })), eventTypes: ['citizen-request.*'] });
    const event = registered('AST-ESL-02');
    await publish(event);
    for (let attempt = 1; attempt <= 3; attempt++) {
      await waitFor(async () => (receiver.at('/flaky').length >= attempt ? true : undefined), { timeoutMs: 10_000, description: `attempt ${attempt}` });
      if (attempt < 3) {
        const pending = await waitFor(async () => (await deliveries('ast.school.54', flaky.id)).find((d) => d.status === 'pending' && d.attempts === attempt), { timeoutMs: 5000, description: 'the retry to be scheduled' });
        // The next attempt waits (about 5 s, then about 5 min, with jitter).
        expect(new Date(pending.nextAttemptAt!).getTime()).toBeGreaterThan(Date.now());
        await timePasses(flaky.id);
      }
    }
    expect(receiver.at('/flaky').map((r) => r.headers['webhook-id'])).toEqual([event.id, event.id, event.id]);
    expect(receiver.at('/flaky').map((r) => r.status)).toEqual([503, 503, 200]);
    const log = await waitFor(async () => (await deliveries('ast.school.54', flaky.id)).find((d) => d.status === 'delivered'), { timeoutMs: 5000, description: 'the delivery to be marked delivered' });
    expect(log.attempts).toBe(3);
    expect(log.attemptLog.map((a) => a.statusCode)).toEqual([503, 503, 200]);
    expect(log.attemptLog.every((a) => a.latencyMs >= 0)).toBe(true);
  });

  it('disables an endpoint that answers 410 Gone', async () => {
    const gone = await subscribe('ast.school.54', { url: receiver.on('/gone', () => ({ status: 410 })), eventTypes: ['kz.seriktes.citizen-request.registered.v1'], contactEmail: 'it@school54.example' });
    await publish(registered('AST-ESL-03'));
    const state = await waitFor(
      async () => {
        const r = await h.gql<{ webhookSubscriptions: Array<{ id: string; state: string; disabledReason: string | null }> }>('ast.school.54', `{ webhookSubscriptions { id state disabledReason } }`);
        const s = r.data!.webhookSubscriptions.find((x) => x.id === gone.id)!;
        return s.state === 'disabled' ? s : undefined;
      },
      { timeoutMs: 10_000, description: 'the endpoint to be disabled' },
    );
    expect(state.disabledReason).toMatch(/410/);
    const next = registered('AST-ESL-03');
    await publish(next);
    await waitFor(async () => receiver.at('/akimat').find((r) => r.headers['webhook-id'] === next.id), { timeoutMs: 10_000, description: 'the next event elsewhere' });
    expect(receiver.at('/gone')).toHaveLength(1);
  });

  it('does not let a slow receiver delay a fast one', async () => {
    const slow = await subscribe('ast.school.54', { url: receiver.on('/slow', () => ({ status: 200, delayMs: 3000 })), eventTypes: ['citizen-request.*'] });
    const fast = await subscribe('ast.akimat', { url: receiver.on('/fast', () => ({ status: 200 })), eventTypes: ['citizen-request.*'] });
    const event = registered('AST-ESL-04');
    await publish(event);
    const quick = await waitFor(async () => receiver.at('/fast').find((r) => r.headers['webhook-id'] === event.id), { timeoutMs: 10_000, description: 'the fast receiver' });
    const lazy = await waitFor(async () => receiver.at('/slow').find((r) => r.headers['webhook-id'] === event.id), { timeoutMs: 15_000, description: 'the slow receiver' });
    expect(quick.answeredAt).toBeLessThan(lazy.answeredAt - 2000);
    await h.gql('ast.school.54', `mutation($id: ID!) { pauseWebhookSubscription(id: $id) { state } }`, { id: slow.id });
    await h.gql('ast.akimat', `mutation($id: ID!) { deleteWebhookSubscription(id: $id) }`, { id: fast.id });
  });

  it('refuses private, link-local and metadata addresses, bad event types and foreign territories, field by field, writing nothing', async () => {
    const before = Number((await db.query(`SELECT count(*) AS n FROM partner_hub.subscription`))[0].n);
    for (const url of ['http://10.0.0.5/hook', 'http://169.254.169.254/latest/meta-data', 'http://192.168.1.10/x', 'ftp://example.org/x', 'http://[::ffff:10.0.0.1]/x']) {
      const r = await h.gql('ast.akimat', CREATE, { input: { url, eventTypes: ['*'] } });
      expect([url, codeOf(r), fieldsOf(r)]).toEqual([url, 'BAD_USER_INPUT', ['url']]);
    }
    const bad = await h.gql('ast.akimat', CREATE, { input: { url: `${receiver.url}/x`, eventTypes: ['kz.seriktes.nothing.here.v9', 'bad pattern'], territories: ['ALA-MED'] } });
    expect(fieldsOf(bad)).toEqual(expect.arrayContaining(['eventTypes', 'territories']));
    expect(codeOf(await h.gql('ast.analyst', CREATE, { input: { url: `${receiver.url}/x`, eventTypes: ['*'] } }))).toBe('FORBIDDEN');
    expect(Number((await db.query(`SELECT count(*) AS n FROM partner_hub.subscription`))[0].n)).toBe(before);
  });

  it('keeps both secrets valid during a rotation overlap', async () => {
    const rotated = await h.gql<{ rotateWebhookSecret: { secret: string; previousValidUntil: string } }>('ast.akimat', `mutation($id: ID!) { rotateWebhookSecret(id: $id, overlapHours: 2) { secret previousValidUntil } }`, { id: akimat.id });
    expect(rotated.errors).toBeUndefined();
    const fresh = rotated.data!.rotateWebhookSecret.secret;
    expect(fresh).not.toBe(akimat.secret);
    const event = registered('AST-ESL-05');
    await publish(event);
    const got = await waitFor(async () => receiver.at('/akimat').find((r) => r.headers['webhook-id'] === event.id), { timeoutMs: 10_000, description: 'the delivery after rotation' });
    expect(got.headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(() => new Webhook(akimat.secret).verify(got.body, got.headers)).not.toThrow();
    expect(() => new Webhook(fresh).verify(got.body, got.headers)).not.toThrow();
    // After the overlap only the new one signs.
    await db.query(`UPDATE partner_hub.subscription_secret SET expires_at = now() - interval '1 second' WHERE subscription_id = $1 AND expires_at IS NOT NULL`, [akimat.id]);
    const later = registered('AST-ESL-05');
    await publish(later);
    const after = await waitFor(async () => receiver.at('/akimat').find((r) => r.headers['webhook-id'] === later.id), { timeoutMs: 10_000, description: 'the delivery after the overlap' });
    expect(() => new Webhook(akimat.secret).verify(after.body, after.headers)).toThrow();
    expect(() => new Webhook(fresh).verify(after.body, after.headers)).not.toThrow();
    akimat.secret = fresh;
  });

  it('replays a time window with the original ids', async () => {
    const from = new Date(Date.now() - 3_600_000).toISOString();
    const to = new Date(Date.now() + 60_000).toISOString();
    const before = receiver.at('/akimat').length;
    const originalIds = new Set(receiver.at('/akimat').map((r) => r.headers['webhook-id']));
    const r = await h.gql<{ replayWebhookEvents: number }>('ast.akimat', `mutation($id: ID!, $from: String!, $to: String!) { replayWebhookEvents(id: $id, from: $from, to: $to) }`, { id: akimat.id, from, to });
    expect(r.errors).toBeUndefined();
    expect(r.data!.replayWebhookEvents).toBe(originalIds.size);
    await waitFor(async () => (receiver.at('/akimat').length >= before + originalIds.size ? true : undefined), { timeoutMs: 15_000, description: 'the replay' });
    const replayed = receiver.at('/akimat').slice(before);
    expect(new Set(replayed.map((x) => x.headers['webhook-id']))).toEqual(originalIds);
    for (const x of replayed) expect(() => new Webhook(akimat.secret).verify(x.body, x.headers)).not.toThrow();
  });

  it('grants more only under an information-sharing agreement, and records which scope granted it', async () => {
    const agreementId = randomUUID();
    const today = new Date().toISOString().slice(0, 10);
    await raw.produce(SHARING_AGREEMENT_TOPIC, [
      toKafkaRecord(
        createEvent(
          SharingAgreementChanged.type,
          { agreementId, partnerOrgId: 'ast-akimat', status: 'active', scopes: ['linked_requests', 'task_details', 'decisions', 'sensitive_tasks'], territoryCode: 'AST', signedOn: today, reviewOn: '2099-01-01', changedAt: new Date().toISOString() },
          { subject: agreementId, source: eventSource('commission-tasks') },
        ),
      ),
    ]);
    await waitFor(async () => (Number((await db.query(`SELECT count(*) AS n FROM partner_hub.agreement WHERE agreement_id = $1`, [agreementId]))[0].n) === 1 ? true : undefined), { timeoutMs: 10_000, description: 'the agreement' });
    const akimatTasks = await subscribe('ast.akimat', { url: receiver.on('/akimat-tasks', () => ({ status: 200 })), eventTypes: ['commission-task.*'] });
    const schoolTasks = await subscribe('ast.school.54', { url: receiver.on('/school-tasks', () => ({ status: 200 })), eventTypes: ['commission-task.*'] });
    const taskId = randomUUID();
    const requestIds = [randomUUID()];
    const task = createEvent(
      CommissionTaskAssigned.type,
      { taskId, precinctCode: 'AST-ESL-01', territoryCode: 'AST-ESL-01', executorKind: 'police', inspectorId: randomUUID(), assignedAt: new Date().toISOString(), dueAt: new Date(Date.now() + 86_400_000).toISOString(), requestIds, priority: 'high' },
      { subject: taskId, source: eventSource('commission-tasks') },
    );
    await raw.produce(COMMISSION_TASK_TOPIC, [toKafkaRecord(task)]);
    const toAkimat = await waitFor(async () => receiver.at('/akimat-tasks').find((r) => r.headers['webhook-id'] === task.id), { timeoutMs: 10_000, description: 'the task at the akimat' });
    const toSchool = await waitFor(async () => receiver.at('/school-tasks').find((r) => r.headers['webhook-id'] === task.id), { timeoutMs: 10_000, description: 'the task at the school' });
    const akimatData = (JSON.parse(toAkimat.body) as { data: Record<string, unknown> }).data;
    const schoolData = (JSON.parse(toSchool.body) as { data: Record<string, unknown> }).data;
    // The akimat's agreement grants the linked requests and task details; the school has none.
    expect(akimatData).toMatchObject({ taskId, requestIds, priority: 'high' });
    expect(schoolData.taskId).toBe(taskId);
    expect(schoolData).not.toHaveProperty('requestIds');
    expect(schoolData).not.toHaveProperty('priority');
    // An officer's id stays personnel data whatever the agreement's scopes.
    expect(akimatData).not.toHaveProperty('inspectorId');
    const akimatLog = (await deliveries('ast.akimat', akimatTasks.id)).find((d) => d.webhookId === task.id)!;
    const schoolLog = (await deliveries('ast.school.54', schoolTasks.id)).find((d) => d.webhookId === task.id)!;
    expect(akimatLog.grantedBy.sort()).toEqual(['linked_requests', 'task_details']);
    expect(akimatLog.withheld).toEqual(['inspectorId']);
    expect(schoolLog.grantedBy).toEqual([]);
    expect(schoolLog.withheld.sort()).toEqual(['inspectorId', 'priority', 'requestIds']);
  });
});

describe('the streamed feed', () => {
  it('streams the partner’s events as Server-Sent Events and resumes after the last event id', async () => {
    const token = h.tokens['ast.akimat'];
    const read = async (headers: Record<string, string>, count: number) => {
      const controller = new AbortController();
      const response = await fetch(`${h.app.url}/feed`, { headers: { authorization: `Bearer ${token}`, ...headers }, signal: controller.signal });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/event-stream');
      const reader = response.body!.getReader();
      let text = '';
      const messages: Array<{ id: string; data: { id: string; data: Record<string, unknown> } }> = [];
      while (messages.length < count) {
        const { value, done } = await reader.read();
        if (done) break;
        text += new TextDecoder().decode(value);
        let end: number;
        while ((end = text.indexOf('\n\n')) >= 0) {
          const block = text.slice(0, end);
          text = text.slice(end + 2);
          const id = /^id: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (id && data) messages.push({ id, data: JSON.parse(data) });
        }
      }
      controller.abort();
      return messages;
    };
    const first = await read({}, 3);
    expect(first.every((m) => String(m.data.data.precinctCode ?? '').startsWith('AST-'))).toBe(true);
    expect(first.some((m) => 'inspectorId' in m.data.data)).toBe(false);
    const resumed = await read({ 'last-event-id': first[1].id }, 1);
    expect(resumed[0].id).toBe(first[2].id);
    expect(resumed[0].data.id).toBe(first[2].data.id);
    expect((await fetch(`${h.app.url}/feed`, { headers: { authorization: `Bearer ${h.tokens['ast.analyst']}` } })).status).toBe(403);
  });
});

describe('scaling out', () => {
  it('shares the work between two replicas: every event delivered once to each endpoint', async () => {
    const variables = { ...process.env, ...h.kafka.env, ...h.identity.env, DATABASE_URL: h.db.url, PORT: '0', LOG_LEVEL: 'warn', DISPATCH_INTERVAL_MS: '50', DELIVERY_TIMEOUT_MS: '5000' };
    const second = await startServiceApp({ service: 'partner-hub', module: AppModule.forRoot(env.load(variables), createLogger({ service: 'partner-hub', level: 'silent' })), port: 0, logger: createLogger({ service: 'partner-hub', level: 'silent' }) });
    try {
      await waitFor(async () => ((await (await fetch(`${second.url}/health`)).json()) as { checks: { consumer?: { status: string } } }).checks.consumer?.status === 'ok' || undefined, { timeoutMs: 30_000, description: 'the second replica to join the group' });
      const path = '/replicas';
      const sub = await subscribe('ast.school.54', { url: receiver.on(path, () => ({ status: 200 })), eventTypes: ['kz.seriktes.citizen-request.registered.v1'] });
      const events = Array.from({ length: 20 }, (_, i) => registered(`AST-ESL-${String((i % 9) + 1).padStart(2, '0')}`));
      await publish(...events);
      await waitFor(async () => (receiver.at(path).length >= events.length ? true : undefined), { timeoutMs: 20_000, description: 'every event at the endpoint' });
      const ids = receiver.at(path).map((r) => r.headers['webhook-id']);
      expect(new Set(ids)).toEqual(new Set(events.map((e) => e.id)));
      expect(ids).toHaveLength(events.length);
      const rows = (await db.query(`SELECT count(*) AS n FROM partner_hub.delivery WHERE subscription_id = $1`, [sub.id])) as Array<{ n: string }>;
      expect(Number(rows[0].n)).toBe(events.length);
    } finally {
      await second.close();
    }
  });
});

describe('retention', () => {
  it('deletes events past the retention period with their deliveries, and keeps the rest', async () => {
    const count = async () => Number((await db.query(`SELECT count(*) AS n FROM partner_hub.event`))[0].n);
    const total = await count();
    expect(total).toBeGreaterThan(0);
    // Nothing is 30 days old yet.
    expect(await h.app.app.get(EventRetention).purge()).toBe(0);
    // 31 days on, every event stored so far is past it.
    expect(await h.app.app.get(EventRetention).purge(new Date(Date.now() + 31 * 86_400_000))).toBe(total);
    expect(await count()).toBe(0);
    expect(Number((await db.query(`SELECT count(*) AS n FROM partner_hub.delivery`))[0].n)).toBe(0);
  });
});

describe('the catalogue', () => {
  it('serves the AsyncAPI document and a page listing every event type with its schema and an example', async () => {
    const yaml = await (await fetch(`${h.app.url}/asyncapi.yaml`)).text();
    expect(yaml).toBe(readFileSync(join(WORKSPACE_ROOT, 'docs', 'asyncapi.yaml'), 'utf8'));
    const page = await (await fetch(`${h.app.url}/catalogue`)).text();
    for (const type of [CitizenRequestRegistered.type, SharingAgreementChanged.type, 'kz.seriktes.forecast.published.v1']) expect(page).toContain(`<code>${type}</code>`);
    expect(page).toContain('asyncapi.yaml');
    expect(page).toContain('/open311/v2');
    expect(page).toContain('/graphql');
  });
});

/**
 * Citizen requests, issue 5 sections 2-6, against the real parts: intake and its coupon, personal
 * data sealed and audited, idempotency, the legal clock on the Kazakhstan calendar, routing through
 * the roster, the workflow, duplicates and jurisdiction.
 */
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CITIZEN_REQUEST_TOPIC } from '@seriktes/contracts';
import { RawKafka } from '@seriktes/messaging/testing';
import { waitFor } from '@seriktes/testing';
import { DeadlineScheduler } from '../src/deadlines/deadline.scheduler';
import { IntakeService } from '../src/intake/intake.service';
import { SMS_SENDER, type LoggingSender } from '../src/notifications/channels';
import { NotificationService } from '../src/notifications/notification.service';
import { WorkflowService } from '../src/workflow/workflow.service';
import { IN_ESL_01, IN_ESL_02, startRequestsHarness, type DemoUser, type RequestsHarness } from './harness';

let h: RequestsHarness;
let db: DataSource;
let raw: RawKafka;

const REQUEST_FIELDS = `id registrationNumber kind status categoryCode receivedAt countedFrom dueAt maxDueAt redirectDueAt overdue queue routingPending
  precinct { id } assignee { id } coupon { registrationNumber registeredAt acceptedBy replayed advice }`;
const REGISTER = `mutation R($input: RegisterCitizenRequestInput!) { registerCitizenRequest(input: $input) { ${REQUEST_FIELDS} } }`;

interface RequestView {
  id: string;
  registrationNumber: string;
  kind: string;
  status: string;
  categoryCode: string;
  receivedAt: string;
  countedFrom: string | null;
  dueAt: string | null;
  maxDueAt: string | null;
  redirectDueAt: string | null;
  overdue: boolean;
  queue: string | null;
  routingPending: boolean;
  precinct: { id: string } | null;
  assignee: { id: string } | null;
  coupon: { registrationNumber: string; registeredAt: string; acceptedBy: string; replayed: boolean; advice: string | null };
}

const APPLICANT = { fullName: 'Айгерім Сапарова', phone: '8 701 234 56 78', iin: '900101400569', email: 'aigerim@example.kz', address: 'Astana, Kabanbay batyr 11, apt 5' };

function input(overrides: Record<string, unknown> = {}) {
  return { kind: 'APPLICATION', categoryCode: 'public-order-noise', description: 'Loud music from the bar downstairs every night after 23:00', location: IN_ESL_01, applicant: APPLICANT, ...overrides };
}

async function register(user: DemoUser, overrides: Record<string, unknown> = {}) {
  return h.gql<{ registerCitizenRequest: RequestView }>(user, REGISTER, { input: input(overrides) });
}

async function registered(user: DemoUser, overrides: Record<string, unknown> = {}): Promise<RequestView> {
  const result = await register(user, overrides);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.registerCitizenRequest;
}

async function count(table: string): Promise<number> {
  const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM citizen_requests.${table}`)) as Array<{ n: number }>;
  return n;
}

const fieldsOf = (errors: Array<{ extensions?: Record<string, unknown> }> | undefined) =>
  (errors ?? []).flatMap((e) => ((e.extensions?.errors as Array<{ field: string }> | undefined) ?? []).map((x) => x.field));

beforeAll(async () => {
  h = await startRequestsHarness('requests');
  db = h.app.app.get(DataSource);
  raw = new RawKafka({ brokers: h.kafka.brokers });
});

afterAll(async () => {
  await raw?.close();
  await h?.stop();
});

describe('intake', () => {
  it('registers a citizen’s request at a point, routes it to the precinct inspector and hands back a coupon', async () => {
    const r = await registered('citizen.demo');
    expect(r.registrationNumber).toMatch(/^AST-\d{4}-\d{6}$/);
    expect(r.coupon).toMatchObject({ registrationNumber: r.registrationNumber, acceptedBy: 'channel:web', replayed: false, advice: null });
    expect(r.precinct).toEqual({ id: 'AST-ESL-01' });
    expect(r.status).toBe('ASSIGNED');
    expect(r.assignee?.id ?? r.queue).toBeTruthy();
    expect(r.dueAt).not.toBeNull();
  });
});

describe('intake rules', () => {
  it('seals the applicant’s identity in its own table, keeps it out of events, and audits every read', async () => {
    const r = await registered('citizen.demo', { description: 'Neighbours fight every night, children are scared' });
    const [row] = (await db.query(`SELECT sealed, iin_hash FROM citizen_requests.applicant WHERE request_id = $1`, [r.id])) as Array<{ sealed: Buffer; iin_hash: string }>;
    expect(row.sealed.toString('latin1')).not.toContain('Сапарова');
    expect(row.sealed.toString('latin1')).not.toContain('900101400569');
    expect(row.iin_hash).not.toContain('900101400569');
    const columns = (await db.query(`SELECT column_name FROM information_schema.columns WHERE table_schema = 'citizen_requests' AND table_name = 'citizen_request'`)) as Array<{ column_name: string }>;
    expect(columns.map((c) => c.column_name)).not.toEqual(expect.arrayContaining(['applicant_name', 'iin', 'phone']));

    const read = await h.gql<{ citizenRequest: { applicant: { fullName: string; phone: string; iin: string } } }>('ast.esil.01', `query($id: ID!) { citizenRequest(id: $id) { applicant { fullName phone iin } } }`, { id: r.id });
    expect(read.data?.citizenRequest.applicant).toEqual({ fullName: APPLICANT.fullName, phone: '+77012345678', iin: '900101400569' });
    const audits = (await db.query(`SELECT actor_username, action, purpose FROM citizen_requests.audit_log WHERE entity = 'applicant' AND entity_id = $1`, [r.id])) as Array<{ actor_username: string; action: string; purpose: string }>;
    expect(audits).toEqual(expect.arrayContaining([expect.objectContaining({ actor_username: 'ast.esil.01', action: 'read', purpose: 'graphql:CitizenRequest.applicant' })]));

    // Another precinct's inspector and a citizen who did not file it are refused.
    const denied = await h.gql('ast.esil.02', `query($id: ID!) { citizenRequest(id: $id) { id } }`, { id: r.id });
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    await waitFor(async () => (await raw.readAll(CITIZEN_REQUEST_TOPIC)).some((m) => m.key === r.id), { description: 'the registered event' });
    const payloads = (await raw.readAll(CITIZEN_REQUEST_TOPIC)).filter((m) => m.key === r.id).map((m) => m.value);
    for (const payload of payloads) {
      for (const secret of ['Сапарова', '900101400569', '7012345678', 'Kabanbay', 'children are scared']) expect(payload).not.toContain(secret);
    }
  });

  it('rejects invalid input with field-level errors and stores nothing', async () => {
    const before = await Promise.all(['citizen_request', 'applicant', 'transition', 'deadline', 'notification'].map(count));
    const bad = await register('citizen.demo', {
      categoryCode: 'internet-fraud',
      kind: 'APPLICATION',
      location: null,
      applicant: { fullName: 'A B C', iin: '123456789012', phone: '12345' },
      attributesJson: JSON.stringify({ card_numbers: ['4400 4301 2345 6789'], amount: -5, unknown_field: 'x' }),
    });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(fieldsOf(bad.errors)).toEqual(expect.arrayContaining(['location', 'applicant.iin', 'applicant.phone']));
    expect(fieldsOf(bad.errors).some((f) => f.startsWith('attributes.'))).toBe(true);
    const shape = await register('citizen.demo', { description: 'short' });
    expect(fieldsOf(shape.errors)).toContain('description');
    const anonymous = await register('citizen.demo', { applicant: null });
    expect(fieldsOf(anonymous.errors)).toContain('applicant');
    const tipInWrongCategory = await register('citizen.demo', { kind: 'TIP', categoryCode: 'lost-documents', applicant: null });
    expect(fieldsOf(tipInWrongCategory.errors)).toContain('kind');
    const citizenBackdates = await register('citizen.demo', { receivedAt: '2026-01-05T10:00:00+05:00' });
    expect(fieldsOf(citizenBackdates.errors)).toContain('receivedAt');
    const after = await Promise.all(['citizen_request', 'applicant', 'transition', 'deadline', 'notification'].map(count));
    expect(after).toEqual(before);
  });

  it('returns the first registration for a retried submit with the same idempotency key', async () => {
    const key = `retry-${randomUUID()}`;
    const before = await count('citizen_request');
    const [first, second] = await Promise.all([registered('citizen.demo', { idempotencyKey: key }), registered('citizen.demo', { idempotencyKey: key })]);
    const third = await registered('citizen.demo', { idempotencyKey: key });
    expect(new Set([first.id, second.id, third.id]).size).toBe(1);
    expect(third.coupon.replayed).toBe(true);
    expect(await count('citizen_request')).toBe(before + 1);
    const reused = await register('citizen.demo', { idempotencyKey: key, description: 'A different request under the same key' });
    expect(reused.errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  it('takes a tip anonymously with an internal target instead of a legal term', async () => {
    const tip = await registered('citizen.demo', { kind: 'TIP', categoryCode: 'alcohol-drugs', applicant: null, description: 'Drugs are sold from a car behind school 12 every evening', attributesJson: JSON.stringify({ issue: 'drug_dealing' }) });
    expect(tip.kind).toBe('TIP');
    expect(tip.maxDueAt).toBeNull();
    const [deadline] = (await db.query(`SELECT kind FROM citizen_requests.deadline WHERE request_id = $1`, [tip.id])) as Array<{ kind: string }>;
    expect(deadline.kind).toBe('internal-target');
    expect(await count(`applicant WHERE request_id = '${tip.id}'`)).toBe(0);
  });

  it('hands an urgent report to the duty unit at once and tells the applicant to call 102', async () => {
    const r = await registered('citizen.demo', { categoryCode: 'domestic-violence', description: 'My neighbour is beating his wife right now, we hear screams', attributesJson: JSON.stringify({ happening_now: 'yes' }) });
    expect(r.coupon.advice).toMatch(/102/);
    const [row] = (await db.query(`SELECT urgent, priority FROM citizen_requests.citizen_request WHERE id = $1`, [r.id])) as Array<{ urgent: boolean; priority: string }>;
    expect(row).toEqual({ urgent: true, priority: 'critical' });
    expect(r.status).toBe('ASSIGNED');
    const notes = (await db.query(`SELECT template FROM citizen_requests.notification WHERE request_id = $1`, [r.id])) as Array<{ template: string }>;
    expect(notes.map((n) => n.template)).toContain('urgent-call-102');
  });

  it('lets staff register a letter with the day it arrived, and prints who accepted it', async () => {
    const r = await registered('ast.esil.head', { channel: 'LETTER', precinctCode: 'AST-ESL-02', location: null, receivedAt: new Date(Date.now() - 2 * 86400_000).toISOString() });
    expect(r.coupon.acceptedBy).toBe('unit_head:ast.esil.head');
    expect(r.precinct).toEqual({ id: 'AST-ESL-02' });
    expect(new Date(r.receivedAt).getTime()).toBeLessThan(Date.now() - 86400_000);
  });

  it('routes a fraud report to the district’s fraud desk and a complaint about an officer to the unit head', async () => {
    const fraud = await registered('citizen.demo', {
      categoryCode: 'internet-fraud',
      description: 'A caller from the "bank security" made me transfer money',
      attributesJson: JSON.stringify({ phone_numbers: ['+7 747 123 45 67'], amount: 150000, scheme: 'fake_bank_call' }),
    });
    const [attrs] = (await db.query(`SELECT attributes FROM citizen_requests.citizen_request WHERE id = $1`, [fraud.id])) as Array<{ attributes: Record<string, unknown> }>;
    expect(attrs.attributes).toMatchObject({ phone_numbers: ['+77471234567'], amount: 150000, scheme: 'fake_bank_call' });
    expect(fraud.queue).toBe('AST-ESL:fraud');
    const complaint = await registered('citizen.demo', { kind: 'COMPLAINT', categoryCode: 'officer-complaint', description: 'The inspector was rude and refused to take my statement' });
    expect(complaint.queue).toBe('AST-ESL:head');
    expect(complaint.assignee).toBeNull();
  });
});

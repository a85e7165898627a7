/**
 * Citizen requests, issue 5 sections 2-6, against the real parts: intake and its coupon, personal
 * data sealed and audited, idempotency, the legal clock on the Kazakhstan calendar, routing through
 * the roster, the workflow, duplicates and jurisdiction.
 */
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CITIZEN_REQUEST_TOPIC } from '@seriktes/contracts';
import { userFromClaims } from '@seriktes/auth';
import { RawKafka } from '@seriktes/messaging/testing';
import { graphqlRequest, waitFor } from '@seriktes/testing';
import { DeadlineScheduler } from '../src/deadlines/deadline.scheduler';
import { IntakeService } from '../src/intake/intake.service';
import { EMAIL_SENDER, SMS_SENDER, type LoggingSender } from '../src/notifications/channels';
import { NotificationService } from '../src/notifications/notification.service';
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

const STEP_FIELDS = `id status dueAt closedAt answeredAt redirectedTo`;
async function step(user: DemoUser, mutation: string, args: string, variables: Record<string, unknown>) {
  return h.gql<Record<string, { id: string; status: string; dueAt: string | null }>>(user, `mutation(${args}) { r: ${mutation} { ${STEP_FIELDS} } }`, variables);
}
const CRITERIA = { allIssuesConsidered: true, measuresTaken: true, measures: 'Talked to the bar owner; a protocol under art. 437 of the Code of Administrative Offences' };

describe('the legal clock in service', () => {
  const userOf = (claims: Record<string, unknown>) => userFromClaims({ sub: randomUUID(), preferred_username: 'ast.esil.head', realm_access: { roles: ['unit_head'] }, region_code: 'AST', district_code: 'AST-ESL', ...claims }, 'token');

  it('registers a letter received on the Saturday of Nauryz as received on the next working day', async () => {
    const intake = h.app.app.get(IntakeService);
    const coupon = await intake.register(
      { kind: 'application', categoryCode: 'neighbour-dispute', channel: 'letter', description: 'A dispute over the shared yard with the neighbours', precinctCode: 'AST-ESL-01', receivedAt: '2026-03-21T10:00:00+05:00', applicant: { fullName: 'Ерлан Нурланов' } },
      userOf({}),
      { now: new Date('2026-03-23T09:00:00+05:00') },
    );
    expect(coupon.countedFrom).toBe('2026-03-26');
    expect(coupon.dueAt).toBe(new Date('2026-04-16T23:59:59+05:00').toISOString());
  });

  it('counts across Independence Day and warns once, then reports overdue once, across scans', async () => {
    const intake = h.app.app.get(IntakeService);
    const scheduler = h.app.app.get(DeadlineScheduler);
    const coupon = await intake.register(
      { kind: 'inquiry', categoryCode: 'other', channel: 'walk-in', description: 'How to get a certificate of no criminal record?', precinctCode: 'AST-ESL-01', applicant: { fullName: 'Ерлан Нурланов' } },
      userOf({}),
      { now: new Date('2026-12-15T16:30:00+05:00') },
    );
    expect(coupon.dueAt).toBe(new Date('2027-01-11T23:59:59+05:00').toISOString());
    // Other requests' deadlines fire in these scans too; count only this one's events.
    const mine = async (type: string) => (await raw.readAll(CITIZEN_REQUEST_TOPIC)).filter((m) => m.key === coupon.id && m.headers.ce_type === type).length;
    await scheduler.tick(new Date('2027-01-06T09:00:00+05:00'));
    await scheduler.tick(new Date('2027-01-06T09:05:00+05:00'));
    await scheduler.tick(new Date('2027-01-12T00:00:05+05:00'));
    await scheduler.tick(new Date('2027-01-12T00:10:00+05:00'));
    await waitFor(async () => (await mine('kz.seriktes.citizen-request.overdue.v1')) >= 1, { description: 'the overdue event' });
    expect(await mine('kz.seriktes.citizen-request.deadline-approaching.v1')).toBe(1);
    expect(await mine('kz.seriktes.citizen-request.overdue.v1')).toBe(1);
    const [d] = (await db.query(`SELECT warned_at, overdue_emitted_at FROM citizen_requests.deadline WHERE request_id = $1 AND kind = 'answer'`, [coupon.id])) as Array<{ warned_at: Date; overdue_emitted_at: Date }>;
    expect(d.warned_at.toISOString()).toBe(new Date('2027-01-06T09:00:00+05:00').toISOString());
    expect(d.overdue_emitted_at.toISOString()).toBe(new Date('2027-01-12T00:00:05+05:00').toISOString());
  });

  it('extends by a reasoned decision, tracks the notice as its own deadline, and meets it when the notice is sent', async () => {
    const r = await registered('citizen.demo');
    const tooLate = await step('ast.esil.head', 'extendCitizenRequest(id: $id, newDueDate: $d, reason: $reason)', '$id: ID!, $d: String!, $reason: String!', {
      id: r.id,
      d: '2027-06-01',
      reason: 'An expert examination is needed',
    });
    expect(fieldsOf(tooLate.errors)).toContain('newDueDate');
    const noReason = await step('ast.esil.head', 'extendCitizenRequest(id: $id, newDueDate: $d, reason: $reason)', '$id: ID!, $d: String!, $reason: String!', { id: r.id, d: '2027-01-15', reason: ' ' });
    expect(fieldsOf(noReason.errors)).toContain('reason');
    const byInspector = await step('ast.esil.01', 'extendCitizenRequest(id: $id, newDueDate: $d, reason: $reason)', '$id: ID!, $d: String!, $reason: String!', { id: r.id, d: '2027-01-15', reason: 'Need more time' });
    expect(byInspector.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const ok = await step('ast.esil.head', 'extendCitizenRequest(id: $id, newDueDate: $d, reason: $reason)', '$id: ID!, $d: String!, $reason: String!', { id: r.id, d: '2027-01-15', reason: 'An expert examination is needed' });
    expect(ok.data?.r).toMatchObject({ status: 'EXTENDED', dueAt: new Date('2027-01-15T23:59:59+05:00').toISOString() });
    const deadlines = (await db.query(`SELECT kind, due_at, met_at FROM citizen_requests.deadline WHERE request_id = $1 AND cancelled_at IS NULL ORDER BY id`, [r.id])) as Array<{ kind: string; due_at: Date; met_at: Date | null }>;
    const notice = deadlines.find((d) => d.kind === 'extension-notice')!;
    expect(notice.met_at).toBeNull();
    expect(notice.due_at.getTime()).toBeGreaterThan(Date.now());
    await h.app.app.get(NotificationService).tick();
    const sms = h.app.app.get<LoggingSender>(SMS_SENDER).sent;
    expect(sms.some((m) => m.to === '+77012345678' && m.text.includes(r.registrationNumber) && m.text.includes('15.01.2027'))).toBe(true);
    const [met] = (await db.query(`SELECT met_at FROM citizen_requests.deadline WHERE request_id = $1 AND kind = 'extension-notice'`, [r.id])) as Array<{ met_at: Date | null }>;
    expect(met.met_at).not.toBeNull();
    const audits = (await db.query(`SELECT count(*)::int AS n FROM citizen_requests.audit_log WHERE entity = 'applicant' AND entity_id = $1 AND purpose LIKE 'notify:%'`, [r.id])) as Array<{ n: number }>;
    expect(audits[0].n).toBeGreaterThan(0);
  });

  it('redirects within 3 working days of receipt, notifies the applicant, and leaves the caseload', async () => {
    const r = await registered('citizen.demo', { categoryCode: 'other', kind: 'INQUIRY', description: 'The street lights in our yard have not worked for a month' });
    const result = await step('ast.esil.head', 'redirectCitizenRequest(id: $id, toBody: $b, reason: $reason)', '$id: ID!, $b: String!, $reason: String!', {
      id: r.id,
      b: 'Akimat of Yesil district, housing and utilities department',
      reason: 'Street lighting is the akimat’s competence',
    });
    expect(result.data?.r).toMatchObject({ status: 'REDIRECTED', redirectedTo: 'Akimat of Yesil district, housing and utilities department' });
    await waitFor(async () => (await raw.readAll(CITIZEN_REQUEST_TOPIC)).some((m) => m.key === r.id && m.headers.ce_type === 'kz.seriktes.citizen-request.redirected.v1'), { description: 'the redirected event' });
    const events = (await raw.readAll(CITIZEN_REQUEST_TOPIC)).filter((m) => m.key === r.id);
    const redirected = JSON.parse(events.find((m) => m.headers.ce_type === 'kz.seriktes.citizen-request.redirected.v1')!.value ?? '{}') as { withinTerm: boolean; toBody: string };
    expect(redirected).toMatchObject({ withinTerm: true, toBody: 'Akimat of Yesil district, housing and utilities department' });
    const closed = JSON.parse(events.find((m) => m.headers.ce_type === 'kz.seriktes.citizen-request.closed.v1')!.value ?? '{}') as Record<string, unknown>;
    // A redirected request leaves the caseload as closed (forwarded); its applicant gave a phone and an e-mail.
    expect(closed).toMatchObject({ outcome: 'forwarded', kind: 'inquiry', category: 'other', surveyInvitation: true });
    expect(closed.inspectorId).toBe(r.assignee?.id ?? null);
    const notes = (await db.query(`SELECT template FROM citizen_requests.notification WHERE request_id = $1`, [r.id])) as Array<{ template: string }>;
    expect(notes.map((n) => n.template)).toContain('redirected');
  });
});

describe('the workflow', () => {
  it('goes from assigned to closed only with the answer, the criteria and the unit head, recording every transition', async () => {
    const r = await registered('citizen.demo');
    const id = { id: r.id };
    expect((await step('ast.esil.02', 'startCitizenRequest(id: $id)', '$id: ID!', id)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await step('ast.esil.01', 'startCitizenRequest(id: $id)', '$id: ID!', id)).data?.r.status).toBe('IN_PROGRESS');
    const closeEarly = await step('ast.esil.head', 'closeCitizenRequest(id: $id, resolution: $res)', '$id: ID!, $res: ResolutionInput!', { ...id, res: CRITERIA });
    expect(closeEarly.errors?.[0].extensions?.code).toBe('CONFLICT');
    const answered = await step('ast.esil.01', 'answerCitizenRequest(id: $id, text: $t, measures: $m)', '$id: ID!, $t: String!, $m: String', { ...id, t: 'We visited the bar and warned the owner; we will check again on Friday.', m: 'Warning issued' });
    expect(answered.data?.r.status).toBe('ANSWERED');
    const byInspector = await step('ast.esil.01', 'closeCitizenRequest(id: $id, resolution: $res)', '$id: ID!, $res: ResolutionInput!', { ...id, res: CRITERIA });
    expect(byInspector.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const noCriteria = await step('ast.esil.head', 'closeCitizenRequest(id: $id, resolution: $res)', '$id: ID!, $res: ResolutionInput!', { ...id, res: { allIssuesConsidered: false, measuresTaken: true } });
    expect(fieldsOf(noCriteria.errors)).toEqual(expect.arrayContaining(['resolution.allIssuesConsidered', 'resolution.measures']));
    expect((await step('ast.esil.head', 'closeCitizenRequest(id: $id, resolution: $res)', '$id: ID!, $res: ResolutionInput!', { ...id, res: CRITERIA })).data?.r.status).toBe('CLOSED');
    expect((await step('ast.esil.head', 'reopenCitizenRequest(id: $id, reason: $reason)', '$id: ID!, $reason: String!', { ...id, reason: 'The applicant reports the noise goes on' })).data?.r.status).toBe('REOPENED');

    const history = await h.gql<{ citizenRequest: { history: Array<{ action: string; to: string; actor: string | null }> } }>('ast.esil.head', `query($id: ID!) { citizenRequest(id: $id) { history { action to actor } } }`, id);
    expect(history.data?.citizenRequest.history.map((t) => `${t.action}:${t.to}`)).toEqual(['register:registered', 'route:assigned', 'start:in_progress', 'answer:answered', 'close:closed', 'reopen:reopened']);
    // The applicant sees their own request, its status and the answer.
    const mine = await h.gql<{ citizenRequest: { status: string; answers: Array<{ text: string }> } }>('citizen.demo', `query($id: ID!) { citizenRequest(id: $id) { status answers { text } } }`, id);
    expect(mine.data?.citizenRequest.status).toBe('REOPENED');
    expect(mine.data?.citizenRequest.answers[0].text).toMatch(/warned the owner/);
  });

  it('puts a long fix under additional control and closes it after the inspector reports it resolved', async () => {
    const r = await registered('citizen.demo', { categoryCode: 'traffic-parking', description: 'Cars park on the pavement by the kindergarten every morning', attributesJson: JSON.stringify({ violation: 'parking' }) });
    const id = { id: r.id };
    await step('ast.esil.head', 'answerCitizenRequest(id: $id, text: $t)', '$id: ID!, $t: String!', { ...id, t: 'Bollards are ordered from the akimat; patrols meanwhile.' });
    expect((await step('ast.esil.head', 'controlCitizenRequest(id: $id, reason: $reason)', '$id: ID!, $reason: String!', { ...id, reason: 'Bollards take a month' })).data?.r.status).toBe('UNDER_CONTROL');
    expect((await step('ast.esil.head', 'resolveCitizenRequest(id: $id, resolution: $res)', '$id: ID!, $res: ResolutionInput!', { ...id, res: CRITERIA })).data?.r.status).toBe('RESOLVED');
    expect((await step('ast.esil.head', 'closeCitizenRequest(id: $id, resolution: $res)', '$id: ID!, $res: ResolutionInput!', { ...id, res: CRITERIA })).data?.r.status).toBe('CLOSED');
  });

  it('re-routes with a reason to another precinct of the district', async () => {
    const r = await registered('citizen.demo');
    const moved = await step('ast.esil.head', 'routeCitizenRequest(id: $id, reason: $reason, precinctCode: $p)', '$id: ID!, $reason: String!, $p: String', { id: r.id, reason: 'The bar is across the street, in precinct 02', p: 'AST-ESL-02' });
    expect(moved.errors).toBeUndefined();
    const after = await h.gql<{ citizenRequest: { precinct: { id: string }; history: Array<{ action: string; reason: string | null }> } }>('ast.esil.head', `query($id: ID!) { citizenRequest(id: $id) { precinct { id } history { action reason } } }`, { id: r.id });
    expect(after.data?.citizenRequest.precinct.id).toBe('AST-ESL-02');
    expect(after.data?.citizenRequest.history.at(-1)).toEqual({ action: 'route', reason: 'The bar is across the street, in precinct 02' });
    const elsewhere = await step('ast.esil.head', 'routeCitizenRequest(id: $id, reason: $reason, precinctCode: $p)', '$id: ID!, $reason: String!, $p: String', { id: r.id, reason: 'x', p: 'ALA-ALM-01' });
    expect(elsewhere.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('duplicates, repeats and jurisdiction', () => {
  it('suggests requests of the same category within 50 m to staff, and links them', async () => {
    const first = await registered('citizen.demo', { categoryCode: 'neighbour-dispute', description: 'The neighbours block the entrance with their car', location: IN_ESL_02 });
    const near = { lat: IN_ESL_02.lat + 0.0002, lon: IN_ESL_02.lon }; // about 22 m north
    const second = await h.gql<{ registerCitizenRequest: { id: string; possibleDuplicates: Array<{ id: string; distanceMetres: number }> } }>(
      'ast.esil.head',
      `mutation R($input: RegisterCitizenRequestInput!) { registerCitizenRequest(input: $input) { id possibleDuplicates { id distanceMetres } } }`,
      { input: input({ categoryCode: 'neighbour-dispute', description: 'A car blocks the entrance of block 5 again', location: near, channel: 'WALK_IN' }) },
    );
    expect(second.errors).toBeUndefined();
    const suggestions = second.data!.registerCitizenRequest.possibleDuplicates;
    expect(suggestions.map((s) => s.id)).toContain(first.id);
    expect(suggestions.find((s) => s.id === first.id)!.distanceMetres).toBeLessThan(50);
    const far = await h.gql<{ registerCitizenRequest: { possibleDuplicates: Array<{ id: string }> } }>('ast.esil.head', `mutation R($input: RegisterCitizenRequestInput!) { registerCitizenRequest(input: $input) { possibleDuplicates { id } } }`, {
      input: input({ categoryCode: 'neighbour-dispute', description: 'A car blocks the entrance of a block far away', location: { lat: IN_ESL_02.lat + 0.002, lon: IN_ESL_02.lon }, channel: 'WALK_IN' }),
    });
    expect(far.data?.registerCitizenRequest.possibleDuplicates.map((s) => s.id)).not.toContain(first.id);
    const citizenView = await h.gql('citizen.demo', `query($id: ID!) { citizenRequest(id: $id) { possibleDuplicates { id } } }`, { id: first.id });
    expect(citizenView.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const linked = await h.gql<{ linkCitizenRequests: { repeatOf: string | null } }>('ast.esil.head', `mutation($a: ID!, $b: ID!) { linkCitizenRequests(id: $a, linkedId: $b, kind: "repeat") { repeatOf } }`, {
      a: second.data!.registerCitizenRequest.id,
      b: first.id,
    });
    expect(linked.data?.linkCitizenRequests.repeatOf).toBe(first.id);
  });

  it('shows each role its own territory, citizens their own requests, partners none', async () => {
    const list = (user: DemoUser, filter: Record<string, unknown> = {}) =>
      h.gql<{ citizenRequests: { totalCount: number; edges: Array<{ node: { precinct: { id: string } | null } }> } }>(user, `query($f: CitizenRequestFilter) { citizenRequests(filter: $f, first: 100) { totalCount edges { node { precinct { id } } } } }`, { f: filter });
    const inspector = await list('ast.esil.01');
    expect(inspector.data!.citizenRequests.edges.every((e) => e.node.precinct?.id === 'AST-ESL-01')).toBe(true);
    expect((await list('ast.esil.01', { precinctCode: 'AST-ESL-02' })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await list('ast.esil.head', { districtCode: 'AST-ALM' })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const head = await list('ast.esil.head', { districtCode: 'AST-ESL' });
    expect(head.data!.citizenRequests.totalCount).toBeGreaterThan(inspector.data!.citizenRequests.totalCount);
    const region = await list('ast.head', { regionCode: 'AST' });
    expect(region.data!.citizenRequests.totalCount).toBeGreaterThanOrEqual(head.data!.citizenRequests.totalCount);
    const overdue = await list('hq', { overdue: true });
    expect(overdue.errors).toBeUndefined();
    expect((await list('ast.akimat')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const stats = await h.gql<{ requestStats: Array<{ key: string; received: number }> }>('ast.esil.head', `query { requestStats(period: { from: "2020-01-01T00:00:00Z", to: "2030-01-01T00:00:00Z" }, groupBy: CATEGORY) { key received } }`);
    expect(stats.data?.requestStats.find((b) => b.key === 'public-order-noise')?.received).toBeGreaterThan(0);
    expect((await h.gql('ast.akimat', `query { requestStats(period: { from: "2020-01-01T00:00:00Z", to: "2030-01-01T00:00:00Z" }, groupBy: STATUS) { key } }`)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('problems (SARA)', () => {
  it('surfaces repeating requests of one category in one place as a candidate problem, with counts per month, and opens it', async () => {
    const spot = { lat: 51.1445, lon: 71.3845 }; // inside AST-ESL-01, away from the other tests' points
    const ids: string[] = [];
    for (const [i, d] of [[0, 0], [0.0002, 0.0001], [-0.0001, 0.0002]].entries()) {
      const r = await registered('citizen.demo', { categoryCode: 'alcohol-drugs', description: `Drinking in the playground at night, again (${i + 1})`, location: { lat: spot.lat + d[0], lon: spot.lon + d[1] }, attributesJson: JSON.stringify({ issue: 'public_drinking' }) });
      ids.push(r.id);
    }
    const other = await registered('citizen.demo', { categoryCode: 'alcohol-drugs', description: 'Drinking by the far garages', location: { lat: spot.lat + 0.004, lon: spot.lon }, attributesJson: JSON.stringify({ issue: 'public_drinking' }) });
    const found = await h.gql<{ candidateProblems: Array<{ categoryCode: string; requestCount: number; requestIds: string[]; months: Array<{ count: number }> }> }>(
      'ast.esil.01',
      `{ candidateProblems(precinctCode: "AST-ESL-01") { categoryCode requestCount requestIds months { month count } } }`,
    );
    expect(found.errors).toBeUndefined();
    const cluster = found.data!.candidateProblems.find((c) => c.categoryCode === 'alcohol-drugs')!;
    expect(cluster.requestIds.sort()).toEqual([...ids].sort());
    expect(cluster.requestIds).not.toContain(other.id);
    expect(cluster.months.reduce((s, m) => s + m.count, 0)).toBe(3);
    expect((await h.gql('ast.esil.02', `{ candidateProblems(precinctCode: "AST-ESL-01") { requestCount } }`)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const opened = await h.gql<{ openProblem: string }>('ast.esil.head', `mutation($ids: [ID!]!) { openProblem(precinctCode: "AST-ESL-01", categoryCode: "alcohol-drugs", title: "Night drinking in the playground of block 7", requestIds: $ids) }`, { ids });
    expect(opened.errors).toBeUndefined();
    await h.gql('ast.esil.head', `mutation($id: ID!) { advanceProblem(id: $id, stage: "analysis", notes: "Shop next door sells at night") }`, { id: opened.data!.openProblem });
    const listed = await h.gql<{ problems: Array<{ stage: string; requestCount: number }> }>('ast.esil.01', `{ problems(precinctCode: "AST-ESL-01") { stage requestCount } }`);
    expect(listed.data?.problems[0]).toEqual({ stage: 'analysis', requestCount: 3 });
  });
});

describe('post-contact surveys', () => {
  const CLOSED = 'kz.seriktes.citizen-request.closed.v1';
  const SEND = `mutation S($input: SendSurveyInvitationInput!) { sendSurveyInvitation(input: $input) { queued channels } }`;
  const inDays = (days: number) => new Date(Date.now() + days * 86400_000).toISOString();
  const surveyUrl = () => `https://surveys.seriktes.test/i/${randomUUID()}?t=${randomUUID().replace(/-/g, '')}`;
  let surveysToken: string;

  beforeAll(async () => {
    surveysToken = await h.identity.clientToken('feedback-surveys');
  });

  async function send(token: string, input: Record<string, unknown>) {
    const { body } = await graphqlRequest<{ sendSurveyInvitation: { queued: number; channels: string[] } }>(`${h.app.url}/graphql`, SEND, { token, variables: { input } });
    return body as { data?: { sendSurveyInvitation: { queued: number; channels: string[] } } | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
  }

  async function closedEventOf(id: string): Promise<Record<string, unknown>> {
    await waitFor(async () => (await raw.readAll(CITIZEN_REQUEST_TOPIC)).some((m) => m.key === id && m.headers.ce_type === CLOSED), { description: `the closed event of ${id}` });
    const record = (await raw.readAll(CITIZEN_REQUEST_TOPIC)).find((m) => m.key === id && m.headers.ce_type === CLOSED)!;
    return JSON.parse(record.value ?? '{}') as Record<string, unknown>;
  }

  /** Answers and closes a request as the unit head. */
  async function answerAndClose(id: string) {
    const answered = await step('ast.esil.head', 'answerCitizenRequest(id: $id, text: $t)', '$id: ID!, $t: String!', { id, t: 'We looked into it and took the measures described.' });
    expect(answered.errors).toBeUndefined();
    const closed = await step('ast.esil.head', 'closeCitizenRequest(id: $id, resolution: $res)', '$id: ID!, $res: ResolutionInput!', { id, res: CRITERIA });
    expect(closed.data?.r.status).toBe('CLOSED');
  }

  const invitationRows = (requestId: string) =>
    db.query(`SELECT id, channel, language, status, vars FROM citizen_requests.notification WHERE request_id = $1 AND template = 'survey-invitation' ORDER BY channel`, [requestId]) as Promise<
      Array<{ id: string; channel: string; language: string; status: string; vars: Record<string, unknown> }>
    >;

  it('says in the closed event what the request was, who handled it, and that the applicant may be invited', async () => {
    const r = await registered('citizen.demo', { description: 'Loud music from the bar on the corner until 3 at night' });
    const inspectorId = randomUUID();
    const routed = await step('ast.esil.head', 'routeCitizenRequest(id: $id, reason: $reason, inspectorId: $i)', '$id: ID!, $reason: String!, $i: ID', { id: r.id, reason: 'The inspector of the block', i: inspectorId });
    expect(routed.errors).toBeUndefined();
    await answerAndClose(r.id);
    expect(await closedEventOf(r.id)).toEqual({
      requestId: r.id,
      precinctCode: 'AST-ESL-01',
      closedAt: expect.any(String),
      outcome: 'resolved',
      kind: 'application',
      category: 'public-order-noise',
      inspectorId,
      surveyInvitation: true,
    });
  });

  it('never marks a tip or an applicant who opted out for a survey, and delivers them no invitation', async () => {
    const tip = await registered('citizen.demo', { kind: 'TIP', categoryCode: 'alcohol-drugs', applicant: null, description: 'Someone sells pills at the bus stop by the market', attributesJson: JSON.stringify({ issue: 'drug_dealing' }) });
    await answerAndClose(tip.id);
    expect(await closedEventOf(tip.id)).toMatchObject({ outcome: 'resolved', kind: 'tip', category: 'alcohol-drugs', surveyInvitation: false });

    // Opted out, and waiting in the unit head's queue (no named inspector); redirected, the other way to close.
    const quiet = await registered('citizen.demo', { kind: 'COMPLAINT', categoryCode: 'officer-complaint', description: 'The officer at the post did not accept my statement', applicant: { ...APPLICANT, optOut: true } });
    expect(quiet.assignee).toBeNull();
    const redirected = await step('ast.esil.head', 'redirectCitizenRequest(id: $id, toBody: $b, reason: $reason)', '$id: ID!, $b: String!, $reason: String!', {
      id: quiet.id,
      b: 'Internal security department of the Astana police',
      reason: 'Complaints about officers go to internal security',
    });
    expect(redirected.errors).toBeUndefined();
    expect(await closedEventOf(quiet.id)).toMatchObject({ outcome: 'forwarded', kind: 'complaint', category: 'officer-complaint', inspectorId: null, surveyInvitation: false });

    for (const id of [tip.id, quiet.id]) {
      const result = await send(surveysToken, { requestId: id, url: surveyUrl(), expiresAt: inDays(14) });
      expect(result.errors).toBeUndefined();
      expect(result.data?.sendSurveyInvitation).toEqual({ queued: 0, channels: [] });
      expect(await invitationRows(id)).toEqual([]);
    }
  });

  it('delivers the survey link of feedback-surveys once, on every channel, in the request’s language, and forgets the link once sent', async () => {
    const r = await registered('citizen.demo', { description: 'Teenagers drink in the stairwell of block 4 every evening', language: 'kk' });
    await answerAndClose(r.id);
    const url = surveyUrl();
    const expiresAt = '2099-12-20T12:00:00+05:00';
    const first = await send(surveysToken, { requestId: r.id, url, expiresAt });
    expect(first.errors).toBeUndefined();
    expect(first.data?.sendSurveyInvitation).toEqual({ queued: 2, channels: ['email', 'sms'] });
    const queued = await invitationRows(r.id);
    expect(queued.map((n) => [n.channel, n.language, n.status])).toEqual([
      ['email', 'kk', 'pending'],
      ['sms', 'kk', 'pending'],
    ]);

    // Idempotent per request: nothing more, the first link stands.
    const again = await send(surveysToken, { requestId: r.id, url: surveyUrl(), expiresAt });
    expect(again.data?.sendSurveyInvitation).toEqual({ queued: 0, channels: ['email', 'sms'] });
    expect((await invitationRows(r.id)).map((n) => n.id)).toEqual(queued.map((n) => n.id));

    await h.app.app.get(NotificationService).tick();
    const sms = h.app.app.get<LoggingSender>(SMS_SENDER).sent.find((m) => m.reference === queued.find((n) => n.channel === 'sms')!.id);
    const email = h.app.app.get<LoggingSender>(EMAIL_SENDER).sent.find((m) => m.reference === queued.find((n) => n.channel === 'email')!.id);
    for (const [message, to] of [[sms, '+77012345678'], [email, APPLICANT.email]] as const) {
      expect(message).toMatchObject({ to, secrets: [url] });
      expect(message!.text).toBe(`№ ${r.registrationNumber} өтінішіңіздің қалай қаралғанын бағалаңыз. Сауалнама анонимді, сілтеме 20.12.2099 дейін жарамды: ${url}`);
    }

    // Sent: the rows no longer hold the link; it never reached events, the history or the audit log.
    const sent = await invitationRows(r.id);
    expect(sent.map((n) => n.status)).toEqual(['sent', 'sent']);
    for (const row of sent) {
      expect(JSON.stringify(row.vars)).not.toContain(url);
      expect(row.vars).toEqual({ registrationNumber: r.registrationNumber, expiresDate: '2099-12-20' });
    }
    const [{ n: leaks }] = (await db.query(
      `SELECT (SELECT count(*) FROM citizen_requests.notification WHERE vars::text LIKE '%' || $1 || '%')
            + (SELECT count(*) FROM citizen_requests.audit_log WHERE details::text LIKE '%' || $1 || '%' OR purpose LIKE '%' || $1 || '%')
            + (SELECT count(*) FROM citizen_requests.transition WHERE details::text LIKE '%' || $1 || '%' OR reason LIKE '%' || $1 || '%') AS n`,
      [url],
    )) as Array<{ n: string }>;
    expect(Number(leaks)).toBe(0);
    expect((await raw.readAll(CITIZEN_REQUEST_TOPIC)).some((m) => (m.value ?? '').includes(url))).toBe(false);
    const audits = (await db.query(`SELECT actor_username, action, purpose, details FROM citizen_requests.audit_log WHERE entity = 'citizen_request' AND entity_id = $1 AND purpose = 'sendSurveyInvitation'`, [r.id])) as Array<{
      actor_username: string;
      action: string;
      details: Record<string, unknown>;
    }>;
    expect(audits).toEqual([expect.objectContaining({ actor_username: 'service-account-feedback-surveys', action: 'update', details: expect.objectContaining({ channels: ['email', 'sms'] }) })]);
  });

  it('queues one invitation when feedback-surveys asks twice at once', async () => {
    const r = await registered('citizen.demo', { description: 'A car alarm goes off every night in the yard of block 9' });
    const results = await Promise.all([1, 2].map(() => send(surveysToken, { requestId: r.id, url: surveyUrl(), expiresAt: inDays(7) })));
    expect(results.map((x) => x.data?.sendSurveyInvitation.queued).sort()).toEqual([0, 2]);
    expect(results.map((x) => x.data?.sendSurveyInvitation.channels)).toEqual([['email', 'sms'], ['email', 'sms']]);
    expect(await invitationRows(r.id)).toHaveLength(2);
  });

  it('is for the service account of feedback-surveys only', async () => {
    const r = await registered('citizen.demo', { description: 'Someone keeps breaking the lamps at the playground' });
    const input = { requestId: r.id, url: surveyUrl(), expiresAt: inDays(14) };
    for (const user of ['ast.esil.head', 'citizen.demo', 'hq'] as const) {
      const refused = await h.gql(user, SEND, { input });
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    // Another service's account holds platform_service too, but is not feedback-surveys.
    const gateway = await send(await h.identity.clientToken('gateway'), input);
    expect(gateway.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(gateway.errors)).not.toContain(input.url);
    expect(await invitationRows(r.id)).toEqual([]);
  });

  it('refuses invalid input with field-level errors, without quoting the link, and writes nothing', async () => {
    const r = await registered('citizen.demo', { description: 'The bus stop shelter was smashed again last night' });
    const before = await Promise.all(['notification', 'audit_log', 'transition'].map(count));
    const secretLike = 'ftp://surveys.seriktes.test/i/0123456789abcdef';
    const bad = await send(surveysToken, { requestId: 'AST-2026-000123', url: secretLike, expiresAt: new Date(Date.now() - 60_000).toISOString() });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(fieldsOf(bad.errors).sort()).toEqual(['expiresAt', 'requestId', 'url']);
    expect(JSON.stringify(bad.errors)).not.toContain(secretLike);
    expect(fieldsOf((await send(surveysToken, { requestId: randomUUID(), url: surveyUrl(), expiresAt: inDays(1) })).errors)).toEqual(['requestId']);
    expect(fieldsOf((await send(surveysToken, { requestId: r.id, url: '/i/relative', expiresAt: inDays(1) })).errors)).toEqual(['url']);
    expect(fieldsOf((await send(surveysToken, { requestId: r.id, url: `https://s.test/${'x'.repeat(500)}`, expiresAt: inDays(1) })).errors)).toEqual(['url']);
    expect(fieldsOf((await send(surveysToken, { requestId: r.id, url: surveyUrl(), expiresAt: 'next week' })).errors)).toEqual(['expiresAt']);
    expect(await Promise.all(['notification', 'audit_log', 'transition'].map(count))).toEqual(before);
  });
});

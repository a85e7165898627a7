/**
 * The platform's front door end to end, every part its own process: identity-dev (the realm's
 * tokens), citizen-requests, inspector-roster, commission-tasks, feedback-surveys, staffing-forecast and partner-hub (subgraphs on real
 * PostgreSQL and a real Kafka-protocol broker), and the gateway composed from the committed supergraph.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { composeSupergraph, fetchSubgraphSdl } from '@seriktes/graphql';
import {
  createTestDatabase,
  getJson,
  migrateService,
  runServiceCommand,
  postJson,
  startIdentityProvider,
  startMockKafka,
  startService,
  waitFor,
  WORKSPACE_ROOT,
  type IdentityProvider,
  type KafkaHandle,
  type ServiceProcess,
  type TestDatabase,
} from '@seriktes/testing';
import { env as gatewayEnv, subgraphs } from '../src/config';

interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; stacktrace?: unknown } }[];
}

let identity: IdentityProvider;
let kafka: KafkaHandle;
let db: TestDatabase;
let citizenRequests: ServiceProcess;
let commissionTasks: ServiceProcess;
let feedbackSurveys: ServiceProcess;
let staffingForecast: ServiceProcess;
let partnerHub: ServiceProcess;
let roster: ServiceProcess;
let gateway: ServiceProcess;
const tokens: Record<string, string> = {};
const registered: Record<string, string[]> = { 'AST-ESL-01': [], 'AST-ESL-02': [] };

async function graphql<T = Record<string, unknown>>(
  query: string,
  options: { as?: string; token?: string; variables?: Record<string, unknown>; url?: string } = {},
): Promise<{ status: number; body: GraphQLResponse<T> }> {
  const token = options.token ?? (options.as ? tokens[options.as] : undefined);
  const { status, body } = await postJson<GraphQLResponse<T>>(
    options.url ?? `${gateway.url}/graphql`,
    { query, variables: options.variables },
    token ? { authorization: `Bearer ${token}` } : {},
  );
  return { status, body };
}

/** Points inside precincts AST-ESL-01 and AST-ESL-02 of the roster's demo territory. */
const IN_ESL_01 = { lat: 51.146, lon: 71.388 };
const IN_ESL_02 = { lat: 51.146, lon: 71.4035 };

const codes = (body: GraphQLResponse) => (body.errors ?? []).map((e) => e.extensions?.code);

beforeAll(async () => {
  [identity, kafka, db] = await Promise.all([startIdentityProvider(), startMockKafka(), createTestDatabase('gateway')]);
  const env = { ...kafka.env, ...identity.env, DATABASE_URL: db.url, LOG_LEVEL: 'warn' };
  await Promise.all([
    migrateService('citizen-requests', env),
    migrateService('inspector-roster', env),
    migrateService('commission-tasks', env),
    migrateService('feedback-surveys', env),
    migrateService('staffing-forecast', env),
    migrateService('partner-hub', env),
  ]);
  // The roster's demo territory, through its own seed command (the precincts requests point at must exist).
  await runServiceCommand('inspector-roster', 'seed/main.ts', env);
  // citizen-requests asks the roster where a point is and who is on duty there.
  roster = await startService({ name: 'inspector-roster', env, ready: (h) => h.checks.consumer?.status === 'ok' && h.checks.database?.status === 'ok' });
  // feedback-surveys asks citizen-requests to deliver post-contact invitations.
  const startingCitizenRequests = startService({ name: 'citizen-requests', env: { ...env, ROSTER_GRAPHQL_URL: `${roster.url}/graphql` }, ready: (h) => h.status !== 'error' });
  [citizenRequests, commissionTasks, feedbackSurveys, staffingForecast, partnerHub] = await Promise.all([
    startingCitizenRequests,
    startService({ name: 'commission-tasks', env, ready: (h) => h.status !== 'error' }),
    startingCitizenRequests.then((cr) =>
      startService({ name: 'feedback-surveys', env: { ...env, CITIZEN_REQUESTS_GRAPHQL_URL: `${cr.url}/graphql`, INVITATION_INTERVAL_MS: '200' }, ready: (h) => h.status !== 'error' }),
    ),
    // staffing-forecast reads precincts and available hours from the roster.
    startService({ name: 'staffing-forecast', env: { ...env, ROSTER_GRAPHQL_URL: `${roster.url}/graphql` }, ready: (h) => h.checks.consumer?.status === 'ok' && h.status !== 'error' }),
    // partner-hub consumes every topic of the catalogue as one consumer group.
    startService({ name: 'partner-hub', env, ready: (h) => h.checks.consumer?.status === 'ok' && h.status !== 'error' }),
  ]);
  gateway = await startService({
    name: 'gateway',
    env: {
      ...identity.env,
      CITIZEN_REQUESTS_URL: `${citizenRequests.url}/graphql`,
      INSPECTOR_ROSTER_URL: `${roster.url}/graphql`,
      COMMISSION_TASKS_URL: `${commissionTasks.url}/graphql`,
      FEEDBACK_SURVEYS_URL: `${feedbackSurveys.url}/graphql`,
      STAFFING_FORECAST_URL: `${staffingForecast.url}/graphql`,
      PARTNER_HUB_URL: `${partnerHub.url}/graphql`,
      LOG_LEVEL: 'warn',
    },
  });
  for (const user of ['ast.esil.01', 'ast.esil.02', 'ast.esil.head', 'citizen.demo', 'ast.akimat', 'council.ast', 'audit.prosecutor', 'ast.hr']) {
    tokens[user] = await identity.token(user);
  }
  const requests: Array<[string, string, { lat: number; lon: number }]> = [
    ['AST-ESL-01', 'Loud music after 23:00 in the courtyard', IN_ESL_01],
    ['AST-ESL-01', 'Broken street light by school No. 54', { lat: IN_ESL_01.lat + 0.001, lon: IN_ESL_01.lon }],
    ['AST-ESL-02', 'Cars parked on the pavement', IN_ESL_02],
  ];
  for (const [precinctCode, description, location] of requests) {
    const { status, body } = await postJson<{ id: string }>(
      `${citizenRequests.url}/requests`,
      { kind: 'application', categoryCode: 'public-order-noise', channel: 'web', location, description, applicant: { fullName: 'Асель Жумабекова', phone: '+77012223344' } },
      { authorization: `Bearer ${tokens['citizen.demo']}` },
    );
    if (status !== 201) throw new Error(`registration answered ${status}: ${JSON.stringify(body)}`);
    registered[precinctCode].push(body.id);
  }
  await waitFor(
    async () => {
      const { body } = await graphql<{ precinct: { caseload: { open: number } } }>(
        '{ precinct(code: "AST-ESL-01") { caseload { open } } }',
        { as: 'ast.esil.01' },
      );
      return body.data?.precinct.caseload.open === 2;
    },
    { timeoutMs: 30_000, description: 'the roster to count the registered requests' },
  );
}, 180_000); // seven processes start here; on two shared cores that can take over a minute

afterAll(async () => {
  await Promise.all([gateway, citizenRequests, commissionTasks, feedbackSurveys, staffingForecast, partnerHub, roster].filter(Boolean).map((s) => s.stop()));
  await Promise.all([identity?.stop(), kafka?.stop()]);
  await db?.drop();
});

describe('the gateway over its subgraphs', () => {
  it('answers one query that crosses both subgraphs for a district inspector', async () => {
    const { status, body } = await graphql<{
      precinct: {
        id: string;
        regionCode: string;
        caseload: { open: number };
        commissionTasks: unknown[];
        requests: { totalCount: number; edges: { node: { registrationNumber: string; description: string } }[] };
      };
    }>(
      `{ precinct(code: "AST-ESL-01") {
           id regionCode caseload { open } commissionTasks { number status dueOn }
           requests(first: 10) { totalCount edges { node { registrationNumber description } } }
         } }`,
      { as: 'ast.esil.01' },
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data?.precinct).toMatchObject({ id: 'AST-ESL-01', regionCode: 'AST', caseload: { open: 2 }, commissionTasks: [], requests: { totalCount: 2 } });
    expect(body.data?.precinct.requests.edges.map((e) => e.node.description).sort()).toEqual([
      'Broken street light by school No. 54',
      'Loud music after 23:00 in the courtyard',
    ]);
    expect(body.data?.precinct.requests.edges[0].node.registrationNumber).toMatch(/^AST-\d{4}-\d{6}$/);

    const reverse = await graphql<{ citizenRequests: { edges: { node: { precinct: { id: string; districtCode: string; caseload: { open: number } } } }[] } }>(
      '{ citizenRequests(first: 5) { edges { node { precinct { id districtCode caseload { open } } } } } }',
      { as: 'ast.esil.01' },
    );
    expect(reverse.body.errors).toBeUndefined();
    expect(reverse.body.data?.citizenRequests.edges.map((e) => e.node.precinct)).toEqual([
      { id: 'AST-ESL-01', districtCode: 'AST-ESL', caseload: { open: 2 } },
      { id: 'AST-ESL-01', districtCode: 'AST-ESL', caseload: { open: 2 } },
    ]);
  });

  it('resolves a precinct’s trust figures from feedback-surveys, suppressed on an empty database', async () => {
    const { status, body } = await graphql<{
      precinct: { id: string; trust: { indicator: string; instrumentCode: string; n: number; suppressed: boolean; value: number | null }[] | null };
    }>('{ precinct(code: "AST-ESL-01") { id trust { indicator instrumentCode n suppressed value } } }', { as: 'ast.esil.01' });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const trust = body.data?.precinct.trust ?? [];
    expect(trust.map((f) => f.indicator)).toContain('trust');
    // No responses yet: every headline figure of the area survey is there, with n 0 and no value.
    expect(trust.every((f) => f.instrumentCode === 'area-safety' && f.n === 0 && f.suppressed && f.value === null)).toBe(true);
  });

  it('counts requests registered through citizen-requests into staffing-forecast’s workload, and answers Precinct.staffing (null before a run is published)', async () => {
    const workload = await waitFor(
      async () => {
        const { body } = await graphql<{ workloadInput: { requests: number; months: Array<{ category: string; requests: number }> } }>(
          '{ workloadInput(precinctCode: "AST-ESL-01", months: 1) { requests months { category requests } } }',
          { as: 'ast.hr' },
        );
        expect(body.errors).toBeUndefined();
        return body.data!.workloadInput.requests >= 2 ? body.data!.workloadInput : undefined;
      },
      { timeoutMs: 30_000, description: 'staffing-forecast to count the registered requests' },
    );
    expect(workload.months).toEqual([{ category: 'public-order-noise', requests: 2 }]);
    const { body } = await graphql<{ precinct: { id: string; staffing: unknown } }>('{ precinct(code: "AST-ESL-01") { id staffing { need } } }', { as: 'council.ast' });
    expect(body.errors).toBeUndefined();
    expect(body.data?.precinct).toEqual({ id: 'AST-ESL-01', staffing: null });
  });

  it('lets the Astana akimat subscribe a webhook through the gateway, and refuses a district inspector', async () => {
    const mutation = `mutation { createWebhookSubscription(input: { url: "http://127.0.0.1:9/seriktes", eventTypes: ["citizen-request.*"], territories: ["AST-ESL"] }) { id secret subscription { partnerOrgId state } } }`;
    const { body } = await graphql<{ createWebhookSubscription: { id: string; secret: string; subscription: { partnerOrgId: string; state: string } } }>(mutation, { as: 'ast.akimat' });
    expect(body.errors).toBeUndefined();
    const created = body.data!.createWebhookSubscription;
    expect(created.secret).toMatch(/^whsec_/);
    expect(created.subscription).toEqual({ partnerOrgId: 'ast-akimat', state: 'active' });
    const listed = await graphql<{ webhookSubscriptions: Array<{ id: string }> }>('{ webhookSubscriptions { id } }', { as: 'ast.akimat' });
    expect(listed.body.data!.webhookSubscriptions.map((s) => s.id)).toContain(created.id);
    expect(codes((await graphql(mutation, { as: 'ast.esil.01' })).body)).toEqual(['FORBIDDEN']);
  });

  it('pages with cursors', async () => {
    const first = await graphql<{ citizenRequests: { edges: { node: { id: string } }[]; pageInfo: { endCursor: string; hasNextPage: boolean } } }>(
      '{ citizenRequests(first: 1) { edges { node { id } } pageInfo { endCursor hasNextPage } } }',
      { as: 'ast.esil.head' },
    );
    expect(first.body.data?.citizenRequests.pageInfo.hasNextPage).toBe(true);
    const seen = [first.body.data!.citizenRequests.edges[0].node.id];
    let after = first.body.data!.citizenRequests.pageInfo.endCursor;
    for (;;) {
      const next = await graphql<typeof first.body.data>('query P($after: String) { citizenRequests(first: 1, after: $after) { edges { node { id } } pageInfo { endCursor hasNextPage } } }', {
        as: 'ast.esil.head',
        variables: { after },
      });
      seen.push(...next.body.data!.citizenRequests.edges.map((e) => e.node.id));
      if (!next.body.data!.citizenRequests.pageInfo.hasNextPage) break;
      after = next.body.data!.citizenRequests.pageInfo.endCursor;
    }
    expect(seen.sort()).toEqual([...registered['AST-ESL-01'], ...registered['AST-ESL-02']].sort());
    const bad = await graphql('{ citizenRequests(first: 1, after: "garbage!") { totalCount } }', { as: 'ast.esil.head' });
    expect(codes(bad.body)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('a citizen request end to end through the gateway', () => {
  const caseload = async () =>
    (await graphql<{ precinct: { caseload: { open: number } } }>('{ precinct(code: "AST-ESL-01") { caseload { open } } }', { as: 'ast.esil.head' })).body.data!.precinct.caseload.open;
  const CRITERIA = { allIssuesConsidered: true, measuresTaken: true, measures: 'Talked to the residents of flat 12; warned them in writing' };

  it('registers at a point in AST-ESL-01, assigns it to that precinct’s inspector, and the caseload follows it until the unit head closes it', async () => {
    const before = await caseload();
    const holder = await graphql<{ precinct: { inspectors: Array<{ id: string }> } }>('{ precinct(code: "AST-ESL-01") { inspectors { id } } }', { as: 'ast.esil.head' });
    const registeredRequest = await graphql<{ registerCitizenRequest: { id: string; registrationNumber: string; status: string; dueAt: string; precinct: { id: string }; assignee: { id: string; fullName: string } | null; coupon: { registrationNumber: string; acceptedBy: string } } }>(
      `mutation($input: RegisterCitizenRequestInput!) { registerCitizenRequest(input: $input) {
         id registrationNumber status dueAt precinct { id } assignee { id fullName } coupon { registrationNumber acceptedBy } } }`,
      {
        as: 'citizen.demo',
        variables: {
          input: {
            kind: 'APPLICATION',
            categoryCode: 'public-order-noise',
            description: 'Parties in flat 12 every night until 3 am',
            location: { lat: IN_ESL_01.lat - 0.0005, lon: IN_ESL_01.lon + 0.0005 },
            channel: 'WEB',
            applicant: { fullName: 'Асель Жумабекова', phone: '+77012223344' },
            idempotencyKey: 'e2e-gateway-0001',
          },
        },
      },
    );
    expect(registeredRequest.body.errors).toBeUndefined();
    const r = registeredRequest.body.data!.registerCitizenRequest;
    expect(r.coupon).toEqual({ registrationNumber: r.registrationNumber, acceptedBy: 'channel:web' });
    expect(r.registrationNumber).toMatch(/^AST-\d{4}-\d{6}$/);
    expect(r.precinct.id).toBe('AST-ESL-01');
    expect(r.status).toBe('ASSIGNED');
    // Resolved through federation by the roster: the holder of the precinct's inspector post.
    expect(r.assignee?.id).toBe(holder.body.data!.precinct.inspectors[0].id);
    expect(r.assignee?.fullName).toBeTruthy();
    await waitFor(async () => (await caseload()) === before + 1, { timeoutMs: 30_000, description: 'the caseload to grow by one' });

    const answered = await graphql<{ answerCitizenRequest: { status: string } }>(`mutation($id: ID!) { answerCitizenRequest(id: $id, text: "We spoke with the residents of flat 12 and warned them in writing.") { status } }`, {
      as: 'ast.esil.01',
      variables: { id: r.id },
    });
    expect(answered.body.data?.answerCitizenRequest.status).toBe('ANSWERED');
    const closed = await graphql<{ closeCitizenRequest: { status: string } }>(`mutation($id: ID!, $res: ResolutionInput!) { closeCitizenRequest(id: $id, resolution: $res) { status } }`, {
      as: 'ast.esil.head',
      variables: { id: r.id, res: CRITERIA },
    });
    expect(closed.body.errors).toBeUndefined();
    expect(closed.body.data?.closeCitizenRequest.status).toBe('CLOSED');
    await waitFor(async () => (await caseload()) === before, { timeoutMs: 30_000, description: 'the caseload to drop back' });

    // The post-contact survey: feedback-surveys invites the applicant through citizen-requests, which alone knows the phone.
    const sql = new Client({ connectionString: db.url });
    await sql.connect();
    try {
      const invitations = await waitFor(
        async () => {
          const { rows } = await sql.query<{ status: string; request_id: string | null; service_line: string }>(`SELECT status, request_id, service_line FROM feedback_surveys.invitation WHERE source = 'request' AND status <> 'pending'`);
          return rows.length > 0 ? rows : undefined;
        },
        { timeoutMs: 30_000, description: 'the post-contact invitation to be sent' },
      );
      expect(invitations).toEqual([{ status: 'sent', request_id: null, service_line: 'local_police' }]);
      const { rows: queued } = await sql.query(`SELECT channel, template FROM citizen_requests.notification WHERE request_id = $1 AND template = 'survey-invitation'`, [r.id]);
      expect(queued).toEqual([{ channel: 'sms', template: 'survey-invitation' }]);
    } finally {
      await sql.end();
    }
  });
});

describe('authentication and authorisation', () => {
  it('refuses a request without a valid token as UNAUTHENTICATED', async () => {
    for (const token of [undefined, 'not-a-jwt', `${tokens['ast.esil.01'].slice(0, -4)}AAAA`]) {
      const { status, body } = await graphql('{ citizenRequests { totalCount } }', { token });
      expect({ status, codes: codes(body), data: body.data ?? null }).toEqual({ status: 401, codes: ['UNAUTHENTICATED'], data: null });
    }
  });

  it('refuses a role without the capability as FORBIDDEN', async () => {
    // Territory facts are public; the caseload is not for citizens.
    const citizen = await graphql<{ precinct: { id: string; caseload: unknown } }>('{ precinct(code: "AST-ESL-01") { id caseload { open } } }', { as: 'citizen.demo' });
    expect(citizen.body.data?.precinct).toEqual({ id: 'AST-ESL-01', caseload: null });
    expect(codes(citizen.body)).toEqual(['FORBIDDEN']);
    const council = await graphql('{ citizenRequests { totalCount } }', { as: 'council.ast' });
    expect(codes(council.body)).toEqual(['FORBIDDEN']);
    // A partner sees the aggregate of its region, never the requests themselves.
    const akimat = await graphql<{ precinct: { caseload: { open: number }; requests: unknown } }>(
      '{ precinct(code: "AST-ESL-01") { caseload { open } requests { totalCount } } }',
      { as: 'ast.akimat' },
    );
    expect(akimat.body.data?.precinct.caseload.open).toBe(2);
    expect(akimat.body.errors?.map((e) => [e.path?.join('.'), e.extensions?.code])).toEqual([['precinct.requests', 'FORBIDDEN']]);
  });

  it('never returns precinct AST-ESL-01 data to the inspector of AST-ESL-02', async () => {
    const list = await graphql<{ citizenRequests: { totalCount: number; edges: { node: { id: string; precinct: { id: string } } }[] } }>(
      '{ citizenRequests(first: 50) { totalCount edges { node { id precinct { id } } } } }',
      { as: 'ast.esil.02' },
    );
    expect(list.body.errors).toBeUndefined();
    expect(list.body.data?.citizenRequests.totalCount).toBe(1);
    expect(list.body.data?.citizenRequests.edges.map((e) => e.node.precinct.id)).toEqual(['AST-ESL-02']);

    for (const query of [
      '{ precinct(code: "AST-ESL-01") { caseload { open } } }',
      '{ citizenRequests(precinctId: "AST-ESL-01") { totalCount } }',
      `{ citizenRequest(id: "${registered['AST-ESL-01'][0]}") { description } }`,
    ]) {
      const { body } = await graphql(query, { as: 'ast.esil.02' });
      expect({ query, codes: codes(body), data: JSON.stringify(body.data ?? null) }).toEqual({ query, codes: ['FORBIDDEN'], data: expect.not.stringContaining('AST-ESL-01') });
    }
    const http = await getJson(`${citizenRequests.url}/requests/${registered['AST-ESL-01'][0]}`, { authorization: `Bearer ${tokens['ast.esil.02']}` });
    expect(http.status).toBe(403);
  });

  it('subgraphs verify the token themselves: they do not trust the network', async () => {
    const direct = await graphql('{ citizenRequests { totalCount } }', { url: `${citizenRequests.url}/graphql` });
    expect(codes(direct.body)).toEqual(['UNAUTHENTICATED']);
    const http = await getJson(`${roster.url}/precincts/AST-ESL-01/caseload`);
    expect(http.status).toBe(401);
    // A token issued for another audience is refused by the subgraph, too.
    const partnerService = await identity.clientToken('partner-ast-akimat');
    const allowed = await graphql('{ precinct(code: "AST-ESL-01") { id } }', { token: partnerService, url: `${roster.url}/graphql` });
    expect(allowed.body.errors).toBeUndefined();
  });
});

describe('limits and errors', () => {
  it('refuses queries deeper or costlier than the limits, with clear messages', async () => {
    const deep = await graphql(
      '{ citizenRequests { edges { node { precinct { requests { edges { node { precinct { requests { edges { node { id } } } } } } } } } } } }',
      { as: 'ast.esil.01' },
    );
    expect(codes(deep.body)).toEqual(['QUERY_TOO_DEEP']);
    expect(deep.body.errors?.[0].message).toMatch(/is 12 levels deep; the limit is 10/);
    const costly = await graphql('{ precincts(first: 100) { edges { node { requests(first: 100) { edges { node { id description } } } } } } }', {
      as: 'ast.esil.01',
    });
    expect(codes(costly.body)).toEqual(['QUERY_TOO_COSTLY']);
    expect(costly.body.errors?.[0].message).toMatch(/the limit is 5000/);
  });

  it('hides stack traces outside development', async () => {
    const bad = await graphql('{ citizenRequests(first: 1000) { totalCount } }', { as: 'ast.esil.01' });
    expect(codes(bad.body)).toEqual(['BAD_USER_INPUT']);
    expect(JSON.stringify(bad.body)).not.toMatch(/stacktrace|\.ts:\d+/);
  });

  it('reports its subgraphs in /health', async () => {
    const { status, body } = await getJson<{ status: string; checks: Record<string, { status: string }> }>(`${gateway.url}/health`);
    expect(status).toBe(200);
    expect(body.status).toBe('ok');
    expect(Object.keys(body.checks).sort()).toEqual(Object.keys(subgraphs).sort());
  });
});

describe('audit of personal data', () => {
  it('lets oversight read who read which request, and nobody else', async () => {
    const { body } = await graphql<{ citizenRequestsAuditLog: { edges: { node: { action: string; entity: string; entityId: string | null; actorUsername: string; purpose: string } }[] } }>(
      '{ citizenRequestsAuditLog(first: 200, filter: { actorUsername: "ast.esil.01" }) { edges { node { action entity entityId actorUsername purpose } } } }',
      { as: 'audit.prosecutor' },
    );
    expect(body.errors).toBeUndefined();
    const reads = body.data!.citizenRequestsAuditLog.edges.map((e) => e.node).filter((n) => n.action === 'read');
    expect(new Set(reads.map((n) => n.entityId))).toEqual(new Set(registered['AST-ESL-01']));
    expect(reads.every((n) => n.actorUsername === 'ast.esil.01' && n.entity === 'citizen_request')).toBe(true);

    const denied = await graphql<{ citizenRequestsAuditLog: { edges: { node: { action: string } }[] } }>(
      '{ citizenRequestsAuditLog(filter: { actorUsername: "ast.esil.02", action: "denied" }) { edges { node { action } } } }',
      { as: 'audit.prosecutor' },
    );
    expect(denied.body.data?.citizenRequestsAuditLog.edges.length).toBeGreaterThanOrEqual(2);

    const inspector = await graphql('{ citizenRequestsAuditLog { edges { node { id } } } }', { as: 'ast.esil.01' });
    expect(codes(inspector.body)).toEqual(['FORBIDDEN']);

    // A refusal for a missing role (the guard's) is on record as well.
    const council = await graphql<{ citizenRequestsAuditLog: { edges: { node: { entity: string; entityId: string } }[] } }>(
      '{ citizenRequestsAuditLog(filter: { actorUsername: "council.ast", action: "denied" }) { edges { node { entity entityId } } } }',
      { as: 'audit.prosecutor' },
    );
    expect(council.body.data?.citizenRequestsAuditLog.edges.map((e) => e.node)).toEqual([{ entity: 'endpoint', entityId: 'graphql:Query.citizenRequests' }]);
  });
});

describe('the committed supergraph', () => {
  it('is what the running subgraphs compose to (run `npm run supergraph` if this fails)', async () => {
    const parts = [];
    for (const [name, variable] of Object.entries(subgraphs)) {
      const running = { 'citizen-requests': citizenRequests, 'inspector-roster': roster, 'commission-tasks': commissionTasks, 'feedback-surveys': feedbackSurveys, 'staffing-forecast': staffingForecast, 'partner-hub': partnerHub }[name];
      if (!running) throw new Error(`subgraph ${name} is not started by this suite`);
      parts.push({ name, url: gatewayEnv.spec[variable].default, sdl: await fetchSubgraphSdl(`${running.url}/graphql`) });
    }
    expect(composeSupergraph(parts)).toBe(readFileSync(join(WORKSPACE_ROOT, gatewayEnv.spec.SUPERGRAPH_FILE.default), 'utf8'));
  });
});

import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { localDateOf } from '@seriktes/calendar';
import { CITIZEN_REQUEST_TOPIC, CitizenRequestClosed, createEvent, eventSource, SURVEY_RESPONSE_TOPIC, SURVEY_WAVE_TOPIC, toKafkaRecord, TRUST_INDEX_TOPIC, type CitizenRequestClosedV1 } from '@seriktes/contracts';
import { RawKafka } from '@seriktes/messaging/testing';
import { SMS_SENDER, type LoggingSender } from '@seriktes/runtime';
import { metricValue, waitFor } from '@seriktes/testing';
import { DEVELOPMENT_SURVEY_SECRET } from '../src/config';
import { monthOf } from '../src/indices/cells';
import { InvitationService } from '../src/invitations/invitation.service';
import { requestKey, tokenHash } from '../src/invitations/tokens';
import { ResponseIngestion } from '../src/responses/ingestion.service';
import { startSurveysHarness, type GqlResult, type SurveysHarness } from './harness';

let h: SurveysHarness;
let raw: RawKafka;
let db: DataSource;
const MONTH = monthOf(localDateOf(new Date())).slice(0, 7);
const codeOf = (r: GqlResult<unknown>) => r.errors?.[0]?.extensions?.code;
const fieldsOf = (r: GqlResult<unknown>) => (r.errors ?? []).flatMap((e) => ((e.extensions?.errors as Array<{ field: string }> | undefined) ?? []).map((x) => x.field));

const FIGURE = 'indicator value lower upper n suppressed method instrumentVersion';
const TRUST = `query($t: String!, $p: String!, $c: String!, $v: Int) { trustIndex(territoryCode: $t, period: $p, construct: $c, version: $v) { ${FIGURE} } }`;
const SUBMIT = `mutation($token: String!, $answers: SurveyJSON!) { submitSurveyResponse(token: $token, answers: $answers) { accepted } }`;
const RUN_WAVE = `mutation($input: RunSurveyWaveInput!) { runSurveyWave(input: $input) { id invited status instrumentVersion } }`;

type Figure = { indicator: string; value: number | null; lower: number | null; upper: number | null; n: number; suppressed: boolean; method: string; instrumentVersion: number };

async function trust(territoryCode: string, construct: string, version?: number): Promise<Figure> {
  const r = await h.gql<{ trustIndex: Figure }>('ast.analyst', TRUST, { t: territoryCode, p: MONTH, c: construct, v: version ?? null });
  expect(r.errors).toBeUndefined();
  return r.data!.trustIndex;
}

async function consumed(type: string, outcome: string): Promise<number> {
  return metricValue(await (await fetch(`${h.app.url}/metrics`)).text(), 'seriktes_events_consumed_total', { type, outcome });
}

function closedEvent(data: Partial<CitizenRequestClosedV1> & { requestId: string }) {
  return createEvent(
    CitizenRequestClosed.type,
    { precinctCode: 'AST-ESL-01', closedAt: new Date().toISOString(), outcome: 'answered', kind: 'application', category: 'public-order-noise', inspectorId: null, surveyInvitation: true, ...data } as CitizenRequestClosedV1,
    { subject: data.requestId, source: eventSource('citizen-requests') },
  );
}

/** Runs a wave and sends its invitations; the tokens of the links, per precinct. */
async function runWave(name: string, quotas: Record<string, number>, frameSize: Record<string, number>): Promise<{ id: string; tokens: Record<string, string[]> }> {
  const frame = Object.entries(frameSize).flatMap(([precinctCode, n]) =>
    Array.from({ length: n }, (_, i) => ({ precinctCode, contact: `+7701${String(Math.floor(Math.random() * 1e4)).padStart(4, '0')}${String(i).padStart(3, '0')}`, language: 'ru' })),
  );
  const today = localDateOf(new Date());
  const r = await h.gql<{ runSurveyWave: { id: string; invited: number } }>('ast.analyst', RUN_WAVE, {
    input: { name, territoryCode: 'AST-ESL', opensOn: today, closesOn: today, frame, quotas: Object.entries(quotas).map(([precinctCode, size]) => ({ precinctCode, size })), seed: name },
  });
  expect(r.errors).toBeUndefined();
  const sms = h.app.app.get<LoggingSender>(SMS_SENDER);
  const before = sms.sent.length;
  await h.app.app.get(InvitationService).tick();
  const links = sms.sent.slice(before).map((m) => /\/s\/([A-Za-z0-9_-]{43})/.exec(m.text)![1]);
  expect(links).toHaveLength(r.data!.runSurveyWave.invited);
  const tokens: Record<string, string[]> = {};
  for (const token of links) {
    const [row] = (await db.query(`SELECT precinct_code FROM feedback_surveys.invitation WHERE token_hash = $1`, [tokenHash(token)])) as Array<{ precinct_code: string }>;
    (tokens[row.precinct_code] ??= []).push(token);
  }
  return { id: r.data!.runSurveyWave.id, tokens };
}

async function submit(token: string, answers: Record<string, unknown>) {
  return h.gql<{ submitSurveyResponse: { accepted: boolean } }>(null, SUBMIT, { token, answers });
}

beforeAll(async () => {
  h = await startSurveysHarness('feedback_surveys');
  raw = new RawKafka({ brokers: h.kafka.brokers });
  db = h.app.app.get(DataSource);
}, 120_000);

afterAll(async () => {
  await raw?.close();
  await h?.stop();
});

describe('post-contact invitations', () => {
  it('creates exactly one invitation per closed request, also when the event comes again, and none for tips or opted-out applicants', async () => {
    const requestId = randomUUID();
    const first = closedEvent({ requestId, inspectorId: '2b1c0d9e-8f7a-4b6c-9d5e-4f3a2b1c0d9e' });
    const again = closedEvent({ requestId, outcome: 'resolved' });
    const tip = closedEvent({ requestId: randomUUID(), kind: 'tip', surveyInvitation: false });
    const optedOut = closedEvent({ requestId: randomUUID(), surveyInvitation: false });
    const processedBefore = await consumed(CitizenRequestClosed.type, 'processed');
    await raw.produce(CITIZEN_REQUEST_TOPIC, [first, first, again, tip, optedOut].map(toKafkaRecord));
    await waitFor(async () => (await consumed(CitizenRequestClosed.type, 'processed')) - processedBefore >= 4 && (await consumed(CitizenRequestClosed.type, 'duplicate')) >= 1, {
      description: 'the closed events consumed',
    });

    const rows = (await db.query(`SELECT source_key, request_id, status, service_line, inspector_id, token_hash FROM feedback_surveys.invitation WHERE source = 'request'`)) as Array<Record<string, unknown>>;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ request_id: requestId, status: 'pending', service_line: 'local_police', inspector_id: '2b1c0d9e-8f7a-4b6c-9d5e-4f3a2b1c0d9e' });
    // The idempotency key is a keyed hash of the request id, not the id.
    expect(rows[0].source_key).toEqual(requestKey(DEVELOPMENT_SURVEY_SECRET, requestId));
    expect((rows[0].source_key as Buffer).toString('hex')).not.toContain(requestId.replace(/-/g, ''));
  });

  it('keeps an invitation pending and retries later while citizen-requests does not answer', async () => {
    await h.app.app.get(InvitationService).tick();
    const [row] = (await db.query(`SELECT status, attempts, last_error, next_attempt_at FROM feedback_surveys.invitation WHERE source = 'request'`)) as Array<{ status: string; attempts: number; last_error: string; next_attempt_at: Date }>;
    expect(row.status).toBe('pending');
    expect(row.attempts).toBe(1);
    expect(row.last_error).toBeTruthy();
    expect(row.next_attempt_at.getTime()).toBeGreaterThan(Date.now());
  });
});

describe('an area-survey wave', () => {
  let wave: { id: string; tokens: Record<string, string[]> };

  beforeAll(async () => {
    wave = await runWave('fixture wave', { 'AST-ESL-01': 30, 'AST-ESL-02': 29 }, { 'AST-ESL-01': 40, 'AST-ESL-02': 35 });
  });

  it('invites only the sample per precinct and erases the contacts once sent', async () => {
    expect(wave.tokens['AST-ESL-01']).toHaveLength(30);
    expect(wave.tokens['AST-ESL-02']).toHaveLength(29);
    const left = (await db.query(`SELECT count(*)::int AS n FROM feedback_surveys.invitation WHERE wave_id = $1 AND contact IS NOT NULL`, [wave.id])) as Array<{ n: number }>;
    expect(left[0].n).toBe(0);
  });

  it('takes answers once per token, refuses invalid ones without spending the token, and masks personal data in comments', async () => {
    const [token, ...rest] = wave.tokens['AST-ESL-01'];
    const invalid = await submit(token, { feel_safe_dark: 'maybe', trust_police: 7, unknown: 1 });
    expect(codeOf(invalid)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(invalid).sort()).toEqual(['answers.feel_safe_dark', 'answers.good_job', 'answers.trust_police', 'answers.unknown']);
    expect(((await db.query(`SELECT count(*)::int AS n FROM feedback_surveys.response_inbox`)) as Array<{ n: number }>)[0].n).toBe(0);

    // Hand-made fixture for AST-ESL-01 (30 responses): 18 feel safe; trust items all 5 for 15, all 3 for 15.
    const answersOf = (i: number) => ({
      feel_safe_dark: i < 18 ? 'safe' : 'unsafe',
      trust_inspector: i < 15 ? 5 : 3,
      trust_police: i < 15 ? 5 : 3,
      trust_rely: i < 15 ? 5 : 3,
      good_job: i < 20 ? 5 : 2,
      ...(i === 0 ? { top_issue: 'Позвоните мне +7 701 234 56 78, мой ИИН 900101300123, пишите a.saparova@mail.kz' } : {}),
    });
    const ok = await submit(token, answersOf(0));
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.submitSurveyResponse.accepted).toBe(true);
    const second = await submit(token, answersOf(0));
    expect(codeOf(second)).toBe('CONFLICT');
    expect(second.errors![0].message).toMatch(/already been used/);
    for (const [i, t] of rest.entries()) expect((await submit(t, answersOf(i + 1))).errors).toBeUndefined();
    // AST-ESL-02 (29 responses): everyone safe, one trust item only (too few for the construct).
    for (const t of wave.tokens['AST-ESL-02']) expect((await submit(t, { feel_safe_dark: 'safe', trust_inspector: 4, good_job: 4 })).errors).toBeUndefined();
    expect(await h.app.app.get(ResponseIngestion).tick()).toBe(59);

    const stored = (await db.query(`SELECT answers->>'top_issue' AS text, masked FROM feedback_surveys.response WHERE answers ? 'top_issue'`)) as Array<{ text: string; masked: string[] }>;
    expect(stored).toEqual([{ text: expect.stringContaining('[phone]'), masked: ['phone', 'iin', 'email'] }]);
    expect(stored[0].text).not.toMatch(/701|900101300123|saparova/);

    const comments = await h.gql<{ surveyComments: { responses: number; items: Array<{ text: string }> } }>(
      'ast.esil.head',
      `{ surveyComments(instrument: "area-safety", territoryCode: "AST-ESL-01", period: "${MONTH}") { responses items { text } } }`,
    );
    expect(comments.data!.surveyComments.responses).toBe(30);
    expect(comments.data!.surveyComments.items.map((c) => c.text)).toEqual(['Позвоните мне [phone], мой ИИН [IIN], пишите [e-mail]']);
    const small = await h.gql('ast.esil.head', `{ surveyComments(instrument: "area-safety", territoryCode: "AST-ESL-02", period: "${MONTH}") { responses } }`);
    expect(fieldsOf(small)).toEqual(['territoryCode']);
  });

  it('computes the indices of the hand-computed fixture, suppressed below 30 responses', async () => {
    // 18 of 30: Wilson 95 % with z = 1.959964: centre (0.6 + z²/60)/(1 + z²/30) = 0.588649, half-width 0.165445.
    expect(await trust('AST-ESL-01', 'feel_safe')).toMatchObject({ value: 60, lower: 42.3, upper: 75.4, n: 30, suppressed: false, method: 'wilson' });
    // Constructs of 100 (15) and 50 (15): mean 75, s = sqrt(30 · 625 / 29) = 25.4274, SE = 4.6424, t(0.975, 29) = 2.04523.
    expect(await trust('AST-ESL-01', 'trust')).toMatchObject({ value: 75, lower: 65.5, upper: 84.5, n: 30, suppressed: false, method: 't' });
    // 29 responses: nothing shown; one trust item of three is too few for the construct.
    expect(await trust('AST-ESL-02', 'feel_safe')).toMatchObject({ value: null, lower: null, upper: null, n: 29, suppressed: true });
    expect(await trust('AST-ESL-02', 'trust')).toMatchObject({ value: null, n: 0, suppressed: true });
    // The district: 47 of 59 feel safe.
    expect(await trust('AST-ESL', 'feel_safe')).toMatchObject({ value: 79.7, n: 59, suppressed: false });
    // "Good job" (top-2 box of 1..5): 20 of 30 in AST-ESL-01.
    expect(await trust('AST-ESL-01', 'good_job')).toMatchObject({ value: 66.7, n: 30 });
  });

  it('stores responses that cannot be joined back to the invitation, the token or the person', async () => {
    const responseColumns = ((await db.query(`SELECT column_name FROM information_schema.columns WHERE table_schema = 'feedback_surveys' AND table_name = 'response'`)) as Array<{ column_name: string }>).map((c) => c.column_name);
    expect(responseColumns.sort()).toEqual(['answers', 'district_code', 'id', 'kind', 'masked', 'month', 'precinct_code', 'region_code', 'service_line', 'stratum', 'version_id', 'wave_id']);
    // Same transaction id: the token was burnt in one transaction, the response stored in another.
    expect(await db.query(`SELECT r.id FROM feedback_surveys.response r JOIN feedback_surveys.invitation i ON i.xmin = r.xmin`)).toEqual([]);
    expect(await db.query(`SELECT r.id FROM feedback_surveys.response r JOIN feedback_surveys.invitation i ON i.id = r.id`)).toEqual([]);
    // No token hash, invitation id or contact inside any response.
    const invitations = (await db.query(`SELECT id::text, encode(token_hash, 'hex') AS hash FROM feedback_surveys.invitation WHERE wave_id = $1`, [wave.id])) as Array<{ id: string; hash: string }>;
    const everything = ((await db.query(`SELECT string_agg(r::text, ' ') AS t FROM feedback_surveys.response r`)) as Array<{ t: string }>)[0].t;
    for (const i of invitations) {
      expect(everything).not.toContain(i.id);
      expect(everything).not.toContain(i.hash);
    }
    expect(everything).not.toMatch(/\+7701/);
    // What proves a token was used: its hash and the status; no time of use.
    const invitationColumns = ((await db.query(`SELECT column_name FROM information_schema.columns WHERE table_schema = 'feedback_surveys' AND table_name = 'invitation'`)) as Array<{ column_name: string }>).map((c) => c.column_name);
    expect(invitationColumns).not.toContain('used_at');
  });

  it('emits responses with scope and scores only, index updates, and the wave’s indices when it closes', async () => {
    const responses = await waitFor(async () => {
      const all = await raw.readAll(SURVEY_RESPONSE_TOPIC);
      return all.length >= 59 ? all : undefined;
    }, { description: '59 survey-response.received events' });
    const data = JSON.parse(responses[0].value!) as Record<string, unknown>;
    expect(Object.keys(data).sort()).toEqual(['districtCode', 'instrumentCode', 'instrumentVersion', 'kind', 'month', 'precinctCode', 'regionCode', 'responseId', 'scores', 'serviceLine', 'versionId', 'waveId']);
    expect(JSON.stringify(responses.map((r) => r.value))).not.toMatch(/top_issue|phone|\+7/);

    const updates = await waitFor(async () => {
      const all = (await raw.readAll(TRUST_INDEX_TOPIC)).map((r) => JSON.parse(r.value!) as Record<string, unknown>);
      return all.some((u) => u.scopeCode === 'AST-ESL-01' && u.indicator === 'feel_safe' && u.periodKind === 'month') ? all : undefined;
    }, { description: 'trust-index.updated of AST-ESL-01' });
    expect(updates.find((u) => u.scopeCode === 'AST-ESL-01' && u.indicator === 'feel_safe' && u.periodKind === 'month')).toMatchObject({ value: 60, n: 30, suppressed: false });
    expect(updates.find((u) => u.scopeCode === 'AST-ESL-02' && u.indicator === 'feel_safe' && u.periodKind === 'month')).toMatchObject({ value: null, n: 29, suppressed: true });

    const closed = await h.gql<{ closeSurveyWave: { status: string; responded: number } }>('ast.analyst', `mutation($id: ID!) { closeSurveyWave(waveId: $id) { status responded } }`, { id: wave.id });
    expect(closed.errors).toBeUndefined();
    expect(closed.data!.closeSurveyWave).toEqual({ status: 'closed', responded: 59 });
    const [event] = await waitFor(async () => {
      const all = await raw.readAll(SURVEY_WAVE_TOPIC);
      return all.length > 0 ? all : undefined;
    }, { description: 'survey-wave.closed' });
    const indices = (JSON.parse(event.value!) as { indices: Array<Record<string, unknown>> }).indices;
    expect(indices.find((i) => i.scopeCode === 'AST-ESL' && i.indicator === 'feel_safe')).toMatchObject({ value: 79.7, n: 59, suppressed: false });
    expect(indices.find((i) => i.scopeCode === 'AST-ESL-02' && i.indicator === 'feel_safe')).toMatchObject({ value: null, n: 29, suppressed: true });
  });
});

describe('versions', () => {
  it('publishes a changed instrument as a new version and keeps the old results on the old one', async () => {
    const versions = await h.gql<{ surveyInstruments: Array<{ code: string; versions: Array<{ version: number; definition: Record<string, unknown> }> }> }>('ast.analyst', `{ surveyInstruments { code versions { version status definition } } }`);
    const current = versions.data!.surveyInstruments.find((i) => i.code === 'area-safety')!.versions[0].definition as { questions: Array<{ code: string; text: Record<string, string> }> };
    const changed = structuredClone(current);
    changed.questions[0].text.en = 'How safe or unsafe do you feel walking alone in your area after dark?';

    const same = await h.gql('ast.analyst', `mutation($d: SurveyJSON!) { defineSurveyVersion(definition: $d) { version } }`, { d: current });
    expect(fieldsOf(same)).toEqual(['definition']);
    const drafted = await h.gql<{ defineSurveyVersion: { version: number; status: string } }>('ast.analyst', `mutation($d: SurveyJSON!) { defineSurveyVersion(definition: $d, changeNote: "clearer wording") { version status } }`, { d: changed });
    expect(drafted.data!.defineSurveyVersion).toEqual({ version: 2, status: 'draft' });
    const published = await h.gql<{ publishSurveyVersion: { version: number; status: string } }>('ast.analyst', `mutation { publishSurveyVersion(instrumentCode: "area-safety") { version status } }`);
    expect(published.data!.publishSurveyVersion).toEqual({ version: 2, status: 'published' });
    await expect(db.query(`UPDATE feedback_surveys.instrument_version SET definition = '{}' WHERE instrument_code = 'area-safety' AND version = 1`)).rejects.toThrow(/cannot change/);

    const next = await runWave('second wave', { 'AST-ESL-01': 5 }, { 'AST-ESL-01': 5 });
    for (const t of next.tokens['AST-ESL-01']) expect((await submit(t, { feel_safe_dark: 'unsafe', good_job: 1 })).errors).toBeUndefined();
    await h.app.app.get(ResponseIngestion).tick();

    expect(await trust('AST-ESL-01', 'feel_safe', 1)).toMatchObject({ value: 60, n: 30, instrumentVersion: 1 });
    expect(await trust('AST-ESL-01', 'feel_safe')).toMatchObject({ n: 5, suppressed: true, instrumentVersion: 2 });
    const results = await h.gql<{ surveyResults: { version: number; figures: Array<{ indicator: string; n: number }> } }>(
      'ast.analyst',
      `{ surveyResults(instrument: "area-safety", version: 1, territoryCode: "AST-ESL-01", period: "${MONTH}") { version figures { indicator n } } }`,
    );
    expect(results.data!.surveyResults.figures.find((f) => f.indicator === 'q.feel_safe_dark=safe')).toEqual({ indicator: 'q.feel_safe_dark=safe', n: 30 });
  });
});

describe('staff pulse and access', () => {
  it('lets each member of the unit answer once, without recording who', async () => {
    const today = localDateOf(new Date());
    const run = await h.gql<{ runStaffPulse: { id: string } }>('ast.analyst', `mutation($i: RunStaffPulseInput!) { runStaffPulse(input: $i) { id } }`, { i: { name: 'Esil, November', unitCode: 'AST-ESL', opensOn: today, closesOn: today } });
    expect(run.errors).toBeUndefined();
    const ANSWER = `mutation($w: ID!, $a: SurveyJSON!) { answerStaffPulse(waveId: $w, answers: $a) }`;
    const answers = { js_overall: 4, js_workload: 2, js_support: 4 };
    expect((await h.gql('ast.esil.01', ANSWER, { w: run.data!.runStaffPulse.id, a: answers })).errors).toBeUndefined();
    expect(codeOf(await h.gql('ast.esil.01', ANSWER, { w: run.data!.runStaffPulse.id, a: answers }))).toBe('CONFLICT');
    expect((await h.gql('ast.esil.02', ANSWER, { w: run.data!.runStaffPulse.id, a: answers })).errors).toBeUndefined();
    expect(codeOf(await h.gql('citizen.demo', ANSWER, { w: run.data!.runStaffPulse.id, a: answers }))).toBe('FORBIDDEN');
    await h.app.app.get(ResponseIngestion).tick();
    const pulse = await h.gql<{ unitPulse: { staff: Array<{ indicator: string; n: number; suppressed: boolean }> } }>('ast.esil.head', `{ unitPulse(unitCode: "AST-ESL", period: "${MONTH}") { staff { indicator n suppressed } citizens { indicator n } } }`);
    expect(pulse.data!.unitPulse.staff.find((f) => f.indicator === 'staff_satisfaction')).toEqual({ indicator: 'staff_satisfaction', n: 2, suppressed: true });
    const hashes = (await db.query(`SELECT encode(participant_hash, 'hex') AS h FROM feedback_surveys.pulse_participation`)) as Array<{ h: string }>;
    expect(hashes).toHaveLength(2);
  });

  it('shows figures only of territories that concern the caller, and inspector figures only to managers', async () => {
    expect((await h.gql('council.ast', TRUST, { t: 'AST', p: MONTH, c: 'trust' })).errors).toBeUndefined();
    expect((await h.gql('ast.esil.01', TRUST, { t: 'AST-ESL', p: MONTH, c: 'trust' })).errors).toBeUndefined();
    expect(codeOf(await h.gql('ast.esil.01', TRUST, { t: 'AST-ESL-02', p: MONTH, c: 'trust' }))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql('citizen.demo', TRUST, { t: 'AST', p: MONTH, c: 'trust' }))).toBe('FORBIDDEN');
    const INSPECTOR = `{ inspectorSatisfaction(districtCode: "AST-ESL", inspectorId: "x", period: "${MONTH}") { n suppressed } }`;
    expect(codeOf(await h.gql('ast.esil.01', INSPECTOR))).toBe('FORBIDDEN');
    expect((await h.gql('ast.esil.head', INSPECTOR)).errors).toBeUndefined();
    expect(fieldsOf(await h.gql('ast.analyst', TRUST, { t: 'AST', p: '2026-13', c: 'trust' }))).toEqual(['period']);
  });
});

/**
 * Appointment after public discussion and reports to residents, end to end: real PostgreSQL, the
 * broker and the identity provider of the harness, the service over GraphQL.
 */
import type { DataSource } from 'typeorm';
import { PRECINCT_TOPIC } from '@seriktes/contracts';
import { physicalTopic } from '@seriktes/messaging';
import type { RawKafka, RawRecord } from '@seriktes/messaging/testing';
import { waitFor } from '@seriktes/testing';
import { addMonths } from '../src/accountability/rules';
import type { InspectorRosterConfig } from '../src/config';
import { addDays, localDateOf } from '../src/duty/rules/time';
import { INSPECTOR_HEADER, INSPECTORS, precinctFile, PRECINCTS } from './fixtures';
import { startTestRoster, type TestRoster } from './harness';

let test: TestRoster;
let raw: RawKafka;
let config: InspectorRosterConfig;
let dataSource: DataSource;
const inspectorIds: Record<string, string> = {};

type Errors = Array<{ message: string; path?: Array<string | number>; extensions?: { code?: string; errors?: Array<{ field: string; message: string }> } }>;

/** A GraphQL operation as a demo user (default the AST-ESL unit head). */
async function gql<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, user = 'ast.esil.head'): Promise<{ data?: T | null; errors?: Errors }> {
  return (await test.gql<T>(query, user, variables)) as { data?: T | null; errors?: Errors };
}

const fieldsOf = (errors: Errors | undefined) => (errors?.[0]?.extensions?.errors ?? []).map((e) => e.field).sort();
const codeOf = (errors: Errors | undefined) => errors?.[0]?.extensions?.code;

const today = () => localDateOf(new Date());
const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3600_000).toISOString();

const PROPOSE = `mutation($input: ProposeCandidateInput!) { proposeCandidate(input: $input) { id status precinctCode inspectorId position discussionUntil } }`;
const SCHEDULE = `mutation($input: ScheduleCommunityMeetingInput!) { scheduleCommunityMeeting(input: $input) { id status purpose candidacyId inspectorId scheduledAt place organisedWith } }`;
const RECORD = `mutation($input: RecordCommunityMeetingInput!) { recordCommunityMeeting(input: $input) { id status heldAt attendance inFavour against abstained opinionSummary } }`;
const DECIDE = `mutation($input: DecideCandidacyInput!) { decideCandidacy(input: $input) { id status decidedAt decisionReason } }`;
const REPORT = `query($code: String!) { precinct(code: $code) { nextReportDue reportOverdue } }`;

const precinctEvents = async (key: string): Promise<RawRecord[]> => (await raw.readAll(physicalTopic(config.KAFKA_TOPIC_PREFIX, PRECINCT_TOPIC))).filter((r) => r.key === key);
const typeOf = (r: RawRecord) => String(r.headers.ce_type).replace(/^kz\.seriktes\.precinct\.|\.v1$/g, '');

async function propose(precinctCode: string, personalNumber: string, user = 'ast.esil.head') {
  const { data, errors } = await gql<{ proposeCandidate: { id: string } }>(PROPOSE, { input: { precinctCode, inspectorId: inspectorIds[personalNumber], discussionUntil: addDays(today(), 14) } }, user);
  expect(errors).toBeUndefined();
  return data!.proposeCandidate.id;
}

beforeAll(async () => {
  test = await startTestRoster('roster_accountability', ['hq', 'ast.head', 'ast.esil.head', 'ast.esil.01', 'ast.akimat', 'citizen.demo']);
  ({ raw, config, dataSource } = test);
  const { importer, operator: actor } = test;
  expect((await importer.importPrecincts(precinctFile(PRECINCTS), { actor })).applied).toBe(true);
  expect((await importer.importInspectors([INSPECTOR_HEADER, ...INSPECTORS].join('\n'), { actor })).applied).toBe(true);
  for (const row of (await dataSource.query(`SELECT id, personal_number FROM inspector_roster.inspector`)) as Array<{ id: string; personal_number: string }>) {
    inspectorIds[row.personal_number] = row.id;
  }
});

afterAll(async () => {
  await test?.stop();
});

describe('appointment after public discussion (Law on IAB Art. 10(3)(2), 14(33))', () => {
  it('proposes, discusses with residents, records their opinion, appoints; the holder changes and the history is kept; events in order', async () => {
    const newcomer = inspectorIds.AST100004;
    const previous = inspectorIds.AST100001;
    const discussionUntil = addDays(today(), 14);

    const proposed = await gql<{ proposeCandidate: { id: string; status: string; position: string } }>(PROPOSE, {
      input: { precinctCode: 'AST-ESL-01', inspectorId: newcomer, discussionUntil },
    });
    expect(proposed.errors).toBeUndefined();
    const candidacyId = proposed.data!.proposeCandidate.id;
    expect(proposed.data!.proposeCandidate).toMatchObject({ status: 'discussion', position: 'district_inspector' });

    // One open candidacy per precinct.
    const second = await gql(PROPOSE, { input: { precinctCode: 'AST-ESL-01', inspectorId: inspectorIds.AST100003, discussionUntil } });
    expect(codeOf(second.errors)).toBe('CONFLICT');

    const scheduled = await gql<{ scheduleCommunityMeeting: { id: string; status: string; inspectorId: string } }>(SCHEDULE, {
      input: { precinctCode: 'AST-ESL-01', purpose: 'candidate_discussion', candidacyId, scheduledAt: hoursFromNow(48), place: 'School No. 54 assembly hall, Kabanbai Batyr Ave 12', organisedWith: 'ast-esil-akimat' },
    });
    expect(scheduled.errors).toBeUndefined();
    expect(scheduled.data!.scheduleCommunityMeeting).toMatchObject({ status: 'scheduled', inspectorId: newcomer });
    const meetingId = scheduled.data!.scheduleCommunityMeeting.id;

    const held = await gql<{ recordCommunityMeeting: { status: string; attendance: number } }>(RECORD, {
      input: { meetingId, heldAt: new Date().toISOString(), attendance: 64, inFavour: 51, against: 6, abstained: 7, opinionSummary: 'Residents asked for evening reception hours.', minutes: 'Speaker 1 (resident of building 12): ...' },
    });
    expect(held.errors).toBeUndefined();
    expect(held.data!.recordCommunityMeeting).toMatchObject({ status: 'held', attendance: 64 });

    // A held meeting is not recorded twice.
    expect(codeOf((await gql(RECORD, { input: { meetingId, heldAt: new Date().toISOString(), attendance: 1, inFavour: 1, against: 0, abstained: 0 } })).errors)).toBe('CONFLICT');

    const decided = await gql<{ decideCandidacy: { status: string; decidedAt: string } }>(DECIDE, { input: { candidacyId, decision: 'appointed' } });
    expect(decided.errors).toBeUndefined();
    expect(decided.data!.decideCandidacy.status).toBe('appointed');

    const view = await gql<{
      precinct: {
        inspectors: Array<{ id: string }>;
        assignments: Array<{ inspectorId: string; validFrom: string; validTo: string | null; reason: string | null }>;
        candidacies: Array<{ id: string; status: string; candidate: { id: string }; meetings: Array<{ id: string; inFavour: number }> }>;
        communityMeetings: Array<{ id: string; purpose: string; status: string; opinionSummary: string; minutes: string | null }>;
      };
    }>(
      `{ precinct(code: "AST-ESL-01") {
          inspectors { id }
          assignments { inspectorId validFrom validTo reason }
          candidacies { id status candidate { id } meetings { id inFavour } }
          communityMeetings(first: 5) { id purpose status opinionSummary minutes }
        } }`,
    );
    expect(view.errors).toBeUndefined();
    const precinct = view.data!.precinct;
    expect(precinct.inspectors.map((i) => i.id)).toEqual([newcomer]);
    expect(precinct.assignments).toEqual([
      { inspectorId: newcomer, validFrom: today(), validTo: null, reason: 'appointed after community meeting' },
      { inspectorId: previous, validFrom: '2024-03-01', validTo: addDays(today(), -1), reason: 'import' },
    ]);
    expect(precinct.candidacies).toEqual([{ id: candidacyId, status: 'appointed', candidate: { id: newcomer }, meetings: [{ id: meetingId, inFavour: 51 }] }]);
    expect(precinct.communityMeetings).toEqual([{ id: meetingId, purpose: 'candidate_discussion', status: 'held', opinionSummary: 'Residents asked for evening reception hours.', minutes: 'Speaker 1 (resident of building 12): ...' }]);

    const events = await waitFor(
      async () => {
        const records = await precinctEvents('AST-ESL-01');
        return records.some((r) => typeOf(r) === 'candidate-decided') && records.filter((r) => typeOf(r) === 'assignment-changed').length >= 3 ? records : undefined;
      },
      { description: 'the appointment events of AST-ESL-01' },
    );
    expect(events.map((r) => [typeOf(r), JSON.parse(r.value!).change ?? JSON.parse(r.value!).decision ?? null])).toEqual([
      ['assignment-changed', 'assigned'], // the import
      ['candidate-proposed', null],
      ['community-meeting-scheduled', null],
      ['community-meeting-held', null],
      ['candidate-decided', 'appointed'],
      ['assignment-changed', 'ended'],
      ['assignment-changed', 'assigned'],
    ]);
    expect(JSON.parse(events[1].value!)).toEqual({ candidacyId, precinctCode: 'AST-ESL-01', districtCode: 'AST-ESL', regionCode: 'AST', inspectorId: newcomer, position: 'district_inspector', discussionUntil });
    expect(JSON.parse(events[3].value!)).toMatchObject({ meetingId, purpose: 'candidate_discussion', candidacyId, attendance: 64, inFavour: 51, against: 6, abstained: 7 });
    expect(events[3].value).not.toContain('Speaker 1');
    expect(JSON.parse(events[6].value!)).toMatchObject({ inspectorId: newcomer, validFrom: today() });

    const audited = (await dataSource.query(
      `SELECT purpose FROM inspector_roster.audit_log WHERE entity IN ('candidacy', 'community_meeting') AND entity_id IN ($1, $2) ORDER BY occurred_at, id`,
      [candidacyId, meetingId],
    )) as Array<{ purpose: string }>;
    expect(audited.map((a) => a.purpose)).toEqual(['propose-candidate', 'schedule-community-meeting', 'record-community-meeting', 'decide-candidacy', 'graphql:CommunityMeeting.minutes']);
  });

  it('refuses to appoint before a community meeting was held, and writes nothing', async () => {
    const candidacyId = await propose('AST-ESL-04', 'AST100003');
    // The outbox relays asynchronously: count from the proposal's own event, not from whatever had arrived.
    const before = await waitFor(async () => {
      const records = await precinctEvents('AST-ESL-04');
      return records.some((r) => typeOf(r) === 'candidate-proposed') ? records : undefined;
    }, { description: 'the candidate-proposed event of AST-ESL-04' });

    const refused = await gql(DECIDE, { input: { candidacyId, decision: 'appointed' } });
    expect(codeOf(refused.errors)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(refused.errors)).toEqual(['decision']);

    // Scheduled but not held is not enough either.
    const scheduled = await gql<{ scheduleCommunityMeeting: { id: string } }>(SCHEDULE, {
      input: { precinctCode: 'AST-ESL-04', purpose: 'candidate_discussion', candidacyId, scheduledAt: hoursFromNow(24), place: 'Akimat hall', organisedWith: 'ast-esil-akimat' },
    });
    expect(scheduled.errors).toBeUndefined();
    expect(fieldsOf((await gql(DECIDE, { input: { candidacyId, decision: 'appointed' } })).errors)).toEqual(['decision']);

    const [candidacy] = (await dataSource.query(`SELECT status, decided_at FROM inspector_roster.candidacy WHERE id = $1`, [candidacyId])) as Array<{ status: string; decided_at: Date | null }>;
    expect(candidacy).toEqual({ status: 'discussion', decided_at: null });
    expect(await dataSource.query(`SELECT id FROM inspector_roster.assignment WHERE precinct_code = 'AST-ESL-04'`)).toEqual([]);

    // A later committed write on the same key: once it arrived, a decision would have arrived before it.
    const cancelled = await gql<{ cancelCommunityMeeting: { status: string } }>(
      `mutation($id: ID!) { cancelCommunityMeeting(meetingId: $id, reason: "the hall is closed") { status } }`,
      { id: scheduled.data!.scheduleCommunityMeeting.id },
    );
    expect(cancelled.data!.cancelCommunityMeeting.status).toBe('cancelled');
    const withdrawn = await gql(DECIDE, { input: { candidacyId, decision: 'withdrawn', reason: 'the candidate was transferred' } });
    expect(withdrawn.errors).toBeUndefined();
    const after = await waitFor(async () => {
      const records = await precinctEvents('AST-ESL-04');
      return records.some((r) => typeOf(r) === 'candidate-decided') ? records : undefined;
    });
    expect(after.slice(before.length).map(typeOf)).toEqual(['community-meeting-scheduled', 'community-meeting-cancelled', 'candidate-decided']);
    expect(JSON.parse(after[after.length - 2].value!)).toMatchObject({ reason: 'the hall is closed', purpose: 'candidate_discussion' });
    expect(JSON.parse(after[after.length - 1].value!).decision).toBe('withdrawn');
    expect(after.some((r) => typeOf(r) === 'assignment-changed')).toBe(false);
  });

  it('lets only the precinct\'s managers propose, schedule and decide', async () => {
    const input = { precinctCode: 'AST-SAR-01', inspectorId: inspectorIds.AST100004, discussionUntil: addDays(today(), 10) };
    const outside = await gql(PROPOSE, { input }, 'ast.esil.head');
    expect(codeOf(outside.errors)).toBe('FORBIDDEN');
    expect(outside.errors![0].message).toContain('AST-SAR-01');
    expect(codeOf((await gql(PROPOSE, { input }, 'citizen.demo')).errors)).toBe('FORBIDDEN');
    expect(codeOf((await gql(PROPOSE, { input }, 'ast.akimat')).errors)).toBe('FORBIDDEN');
    expect(codeOf((await gql(PROPOSE, { input }, 'ast.esil.01')).errors)).toBe('FORBIDDEN');
    expect(await dataSource.query(`SELECT id FROM inspector_roster.candidacy WHERE precinct_code = 'AST-SAR-01'`)).toEqual([]);

    // The department head of the region may.
    const byRegion = await gql<{ proposeCandidate: { id: string } }>(PROPOSE, { input }, 'ast.head');
    expect(byRegion.errors).toBeUndefined();
    const candidacyId = byRegion.data!.proposeCandidate.id;
    expect(codeOf((await gql(DECIDE, { input: { candidacyId, decision: 'withdrawn', reason: 'x' } }, 'ast.esil.head')).errors)).toBe('FORBIDDEN');
    expect((await gql(DECIDE, { input: { candidacyId, decision: 'withdrawn', reason: 'proposed by mistake' } }, 'hq')).errors).toBeUndefined();
  });

  it('shows candidacies and meetings to everyone signed in, the minutes to management only', async () => {
    const query = `{ precinct(code: "AST-ESL-01") { candidacies { status } communityMeetings { status opinionSummary } } }`;
    for (const user of ['citizen.demo', 'ast.akimat', 'ast.esil.01']) {
      const { data, errors } = await gql<{ precinct: { candidacies: unknown[]; communityMeetings: unknown[] } }>(query, {}, user);
      expect(errors).toBeUndefined();
      expect(data!.precinct.candidacies).toEqual([{ status: 'appointed' }]);
      expect(data!.precinct.communityMeetings).toHaveLength(1);
    }
    const withMinutes = `{ precinct(code: "AST-ESL-01") { communityMeetings { minutes } } }`;
    const citizen = await gql<{ precinct: { communityMeetings: Array<{ minutes: string | null }> } }>(withMinutes, {}, 'citizen.demo');
    expect(citizen.data!.precinct.communityMeetings).toEqual([{ minutes: null }]);
    expect(codeOf(citizen.errors)).toBe('FORBIDDEN');
    const head = await gql<{ precinct: { communityMeetings: Array<{ minutes: string | null }> } }>(withMinutes, {}, 'ast.head');
    expect(head.errors).toBeUndefined();
    expect(head.data!.precinct.communityMeetings[0].minutes).toContain('Speaker 1');
  });

  it('answers invalid input with field-level errors', async () => {
    const propose1 = await gql(PROPOSE, { input: { precinctCode: 'AST-ESL-02', inspectorId: 'nobody', discussionUntil: addDays(today(), 3) } });
    expect(codeOf(propose1.errors)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(propose1.errors)).toEqual(['discussionUntil', 'inspectorId']);
    expect(fieldsOf((await gql(PROPOSE, { input: { precinctCode: 'AST-ESL-02', inspectorId: inspectorIds.AST100004, discussionUntil: addDays(today(), 61) } })).errors)).toEqual(['discussionUntil']);
    expect(fieldsOf((await gql(PROPOSE, { input: { precinctCode: 'AST-ESL-02', inspectorId: inspectorIds.AST100004, discussionUntil: '2026-02-30' } })).errors)).toEqual(['discussionUntil']);

    const candidacyId = await propose('AST-ESL-02', 'AST100004');
    const badMeeting = await gql(SCHEDULE, { input: { precinctCode: 'AST-ESL-02', purpose: 'candidate_discussion', candidacyId, scheduledAt: hoursFromNow(-1), place: ' ', organisedWith: 'Esil Akimat' } });
    expect(fieldsOf(badMeeting.errors)).toEqual(['organisedWith', 'place', 'scheduledAt']);
    const afterDiscussion = await gql(SCHEDULE, {
      input: { precinctCode: 'AST-ESL-02', purpose: 'candidate_discussion', candidacyId, scheduledAt: `${addDays(today(), 15)}T10:00:00+05:00`, place: 'Hall', organisedWith: 'ast-esil-akimat' },
    });
    expect(fieldsOf(afterDiscussion.errors)).toEqual(['scheduledAt']);
    expect(fieldsOf((await gql(SCHEDULE, { input: { precinctCode: 'AST-ESL-02', purpose: 'candidate_discussion', scheduledAt: hoursFromNow(5), place: 'Hall' } })).errors)).toEqual(['candidacyId', 'organisedWith']);

    const meeting = await gql<{ scheduleCommunityMeeting: { id: string } }>(SCHEDULE, {
      input: { precinctCode: 'AST-ESL-02', purpose: 'candidate_discussion', candidacyId, scheduledAt: hoursFromNow(3), place: 'Hall', organisedWith: 'ast-esil-akimat' },
    });
    const meetingId = meeting.data!.scheduleCommunityMeeting.id;
    const tooMany = await gql(RECORD, { input: { meetingId, heldAt: new Date().toISOString(), attendance: 10, inFavour: 8, against: 2, abstained: 1 } });
    expect(tooMany.errors![0].extensions!.errors).toEqual([{ field: 'attendance', message: 'must be at least inFavour + against + abstained (11)' }]);
    expect(fieldsOf((await gql(RECORD, { input: { meetingId, heldAt: hoursFromNow(2), attendance: 10 } })).errors)).toEqual(['abstained', 'against', 'heldAt', 'inFavour']);
    expect(fieldsOf((await gql(RECORD, { input: { meetingId, heldAt: new Date().toISOString(), attendance: -1, inFavour: 0, against: 0, abstained: 0 } })).errors)).toEqual(['attendance']);
    expect(fieldsOf((await gql(DECIDE, { input: { candidacyId, decision: 'not_appointed' } })).errors)).toEqual(['reason']);
    expect(codeOf((await gql(RECORD, { input: { meetingId: '00000000-0000-4000-8000-000000000000', heldAt: new Date().toISOString(), attendance: 1 } })).errors)).toBe('NOT_FOUND');

    const [stored] = (await dataSource.query(`SELECT status FROM inspector_roster.community_meeting WHERE id = $1`, [meetingId])) as Array<{ status: string }>;
    expect(stored.status).toBe('scheduled');
  });
});

describe('reports to residents', () => {
  it('is due the district\'s interval after taking up the post or after the latest report; null for a vacant precinct', async () => {
    // Appointed today (first test): due six months from today.
    expect((await gql(REPORT, { code: 'AST-ESL-01' }, 'citizen.demo')).data).toEqual({ precinct: { nextReportDue: addMonths(today(), 6), reportOverdue: false } });
    // Holder since 2022-01-10 who never reported: overdue since 2022-07-10.
    expect((await gql(REPORT, { code: 'AST-ESL-03' })).data).toEqual({ precinct: { nextReportDue: '2022-07-10', reportOverdue: true } });
    expect((await gql(REPORT, { code: 'AST-ESL-04' })).data).toEqual({ precinct: { nextReportDue: null, reportOverdue: null } });

    // The interval is the district's.
    const SET_INTERVAL = `mutation($months: Int!) { setReportInterval(districtCode: "AST-ESL", months: $months) { code reportIntervalMonths } }`;
    expect(codeOf((await gql(SET_INTERVAL, { months: 3 }, 'ast.esil.01')).errors)).toBe('FORBIDDEN');
    expect(fieldsOf((await gql(SET_INTERVAL, { months: 0 })).errors)).toEqual(['months']);
    expect((await gql(SET_INTERVAL, { months: 3 })).data).toEqual({ setReportInterval: { code: 'AST-ESL', reportIntervalMonths: 3 } });
    expect((await gql(REPORT, { code: 'AST-ESL-01' })).data).toEqual({ precinct: { nextReportDue: addMonths(today(), 3), reportOverdue: false } });
    expect((await gql(SET_INTERVAL, { months: 6 })).errors).toBeUndefined();

    // The holder of AST-ESL-03 reports (the current holder by default): due six months after it.
    const scheduled = await gql<{ scheduleCommunityMeeting: { id: string; inspectorId: string } }>(SCHEDULE, {
      input: { precinctCode: 'AST-ESL-03', purpose: 'inspector_report', scheduledAt: hoursFromNow(2), place: 'Precinct point, Turan Ave 5' },
    });
    expect(scheduled.errors).toBeUndefined();
    expect(scheduled.data!.scheduleCommunityMeeting.inspectorId).toBe(inspectorIds.AST100003);
    const held = await gql(RECORD, { input: { meetingId: scheduled.data!.scheduleCommunityMeeting.id, heldAt: new Date().toISOString(), attendance: 23 } });
    expect(held.errors).toBeUndefined();
    expect((await gql(REPORT, { code: 'AST-ESL-03' })).data).toEqual({ precinct: { nextReportDue: addMonths(today(), 6), reportOverdue: false } });

    // A report needs an inspector serving the precinct.
    const vacant = await gql(SCHEDULE, { input: { precinctCode: 'AST-ESL-04', purpose: 'inspector_report', scheduledAt: hoursFromNow(2), place: 'Hall' } });
    expect(fieldsOf(vacant.errors)).toEqual(['inspectorId']);
    const notServing = await gql(SCHEDULE, { input: { precinctCode: 'AST-ESL-03', purpose: 'inspector_report', inspectorId: inspectorIds.AST100002, scheduledAt: hoursFromNow(2), place: 'Hall' } });
    expect(fieldsOf(notServing.errors)).toEqual(['inspectorId']);

    const events = await waitFor(async () => {
      const records = await precinctEvents('AST-ESL-03');
      return records.some((r) => typeOf(r) === 'community-meeting-held') ? records : undefined;
    });
    expect(JSON.parse(events[events.length - 1].value!)).toMatchObject({ purpose: 'inspector_report', attendance: 23, inFavour: null, candidacyId: null });
  });
});

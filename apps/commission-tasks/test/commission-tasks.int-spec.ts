/**
 * Commission tasks (issue 6) against the real parts: PostgreSQL, the Kafka broker, identity-dev.
 * Minutes over a holiday, a timeframe due date, the report -> return -> report -> accept cycle,
 * escalation through all three steps exactly once across a restart, carry-over with reason codes,
 * partners kept to their own organisation's tasks, and every event valid against its schema.
 */
import { DataSource } from 'typeorm';
import { userFromClaims, type AuthenticatedUser } from '@seriktes/auth';
import { localDateOf, WorkingCalendar } from '@seriktes/calendar';
import { COMMISSION_TASK_TOPIC, COMMISSION_TOPIC, SHARING_AGREEMENT_TOPIC, validateEventData } from '@seriktes/contracts';
import { RawKafka } from '@seriktes/messaging/testing';
import { waitFor } from '@seriktes/testing';
import { DeadlineScheduler } from '../src/deadlines/deadline.scheduler';
import { MeetingService } from '../src/meetings/meeting.service';
import { TaskService } from '../src/tasks/task.service';
import { startTasksHarness, type DemoUser, type GqlResult, type TasksHarness } from './harness';

let h: TasksHarness;
let raw: RawKafka;
let commissionId: string;
let decisionId: string;
const calendar = WorkingCalendar.kazakhstan();

/** The secretary, for steps the test takes at chosen times through the services themselves. */
const secretary: AuthenticatedUser = userFromClaims({ sub: 's', preferred_username: 'ast.commission', realm_access: { roles: ['commission_secretary'] }, region_code: 'AST', exp: 9e9 }, '');

const TASK = `id number status dueKind timeframeWorkingDays dueOn dueAt overdue progressPercent onTime leadOrganisationId coExecutorIds requestIds
  reports { id final outcome returnReason progressPercent attachments { name sizeBytes } } escalations { step target targetOrganisationId } reviews { reasonCode outcome newDueAt }`;

interface TaskView {
  id: string;
  number: string;
  status: string;
  dueKind: string;
  timeframeWorkingDays: number | null;
  dueOn: string;
  dueAt: string;
  overdue: boolean;
  progressPercent: number;
  onTime: boolean | null;
  leadOrganisationId: string;
  coExecutorIds: string[];
  requestIds: string[] | null;
  reports: Array<{ id: string; final: boolean; outcome: string | null; returnReason: string | null; progressPercent: number; attachments: Array<{ name: string; sizeBytes: number }> }>;
  escalations: Array<{ step: number; target: string; targetOrganisationId: string }>;
  reviews: Array<{ reasonCode: string; outcome: string; newDueAt: string | null }>;
}

function ok<T>(result: GqlResult<T>): T {
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!;
}
const codeOf = (r: GqlResult<unknown>) => r.errors?.[0]?.extensions?.code;
const fieldsOf = (r: GqlResult<unknown>) => (r.errors ?? []).flatMap((e) => ((e.extensions?.errors as Array<{ field: string }> | undefined) ?? []).map((x) => x.field));

const person = (name: string, position: string) => ({ name, position });
const org = (id: string, kind: string, territoryCode: string, en: string) => ({
  id,
  kind,
  territoryCode,
  name: { kk: `${en} (kk)`, ru: `${en} (ru)`, en },
  pointOfContact: { ...person('Ержан Сейітов', 'Head of department'), email: `${id}@example.kz`, phone: '+77010000000' },
  deputy: person('Айнұр Қасымова', 'Deputy head'),
  manager: person('Марат Ахметов', 'Deputy akim'),
});

async function assign(user: DemoUser, input: Record<string, unknown>) {
  return h.gql<{ assignTask: TaskView }>(user, `mutation A($input: AssignTaskInput!) { assignTask(input: $input) { ${TASK} } }`, {
    input: { commissionId, decisionId, title: 'Light the path to school No. 54', description: 'Install lighting on the path through the park behind school No. 54', territoryCode: 'AST-ESL', ...input },
  });
}
const task = async (user: DemoUser, id: string) => h.gql<{ commissionTask: TaskView }>(user, `query T($id: ID!) { commissionTask(id: $id) { ${TASK} } }`, { id });
const act = async (user: DemoUser, mutation: string, id: string) => h.gql<Record<string, TaskView>>(user, `mutation M($id: ID!) { ${mutation}(id: $id) { ${TASK} } }`, { id });
const report = async (user: DemoUser, taskId: string, final: boolean, text = 'Lamps installed along 400 m of the path; act of acceptance signed') =>
  h.gql<{ submitTaskReport: string }>(
    user,
    `mutation R($taskId: ID!, $final: Boolean!, $text: String!, $p: Int!, $a: [TaskAttachmentInput!]) { submitTaskReport(taskId: $taskId, text: $text, progressPercent: $p, final: $final, attachments: $a) }`,
    { taskId, final, text, p: final ? 100 : 50, a: [{ name: 'act-of-acceptance.pdf', mediaType: 'application/pdf', sizeBytes: 182_344 }] },
  );
const eventsOf = async (topic: string, key?: string) => (await raw.readAll(topic)).filter((m) => key === undefined || m.key === key);

beforeAll(async () => {
  h = await startTasksHarness('commission-tasks');
  raw = new RawKafka({ brokers: h.kafka.brokers });
  for (const o of [
    org('ast-akimat', 'akimat', 'AST', 'Akimat of Astana'),
    org('ast-school-54', 'school', 'AST-ESL-01', 'School No. 54'),
    org('ast-health', 'health', 'AST', 'Health Department of Astana'),
    org('ast-police-esl', 'police', 'AST-ESL', 'Esil District Police'),
  ]) {
    ok(await h.gql('ast.commission', `mutation O($input: RegisterOrganisationInput!) { registerOrganisation(input: $input) { id } }`, { input: o }));
  }
  const created = ok(
    await h.gql<{ createCommission: { id: string } }>('ast.commission', `mutation C($input: CreateCommissionInput!) { createCommission(input: $input) { id } }`, {
      input: {
        code: 'AST-IAC',
        level: 'region',
        territoryCode: 'AST',
        hostAkimatId: 'ast-akimat',
        name: { kk: 'Астана қаласының құқық бұзушылықтың алдын алу жөніндегі ведомствоаралық комиссиясы', ru: 'Межведомственная комиссия по профилактике правонарушений города Астаны', en: 'Astana Interagency Commission on Crime Prevention' },
        chairName: 'Данияр Омаров',
        chairPosition: 'Deputy akim of Astana',
        memberIds: ['ast-akimat', 'ast-school-54', 'ast-health', 'ast-police-esl'],
      },
    }),
  );
  commissionId = created.createCommission.id;
  const decision = ok(
    await h.gql<{ recordDecision: { id: string; number: string } }>(
      'ast.commission',
      `mutation D($c: ID!) { recordDecision(commissionId: $c, title: "Safer routes to school", what: "Light and clear the paths to schools of Esil district", why: "Requests about dark paths doubled in autumn", territoryCode: "AST-ESL", evidence: [{ kind: "request_statistics", reference: "Q3-2026", description: "41 requests about lighting" }]) { id number } }`,
      { c: commissionId },
    ),
  );
  decisionId = decision.recordDecision.id;
}, 120_000);

afterAll(async () => {
  await raw?.close();
  await h?.stop();
});

describe('meetings and minutes', () => {
  it('puts the minutes deadline 3 working days after the meeting, over Independence Day, and flags a late publication', async () => {
    const scheduled = ok(
      await h.gql<{ scheduleMeeting: { id: string; number: number; agenda: Array<{ source: string }> } }>(
        'ast.commission',
        `mutation S($c: ID!) { scheduleMeeting(commissionId: $c, scheduledAt: "2026-12-15T15:00:00+05:00", venue: "Akimat, hall 3", agenda: [{ source: "request_stats", title: "Requests of the autumn" }, { source: "partner_proposal", title: "Night patrols with volunteers", proposedBy: "ast-school-54" }]) { id number agenda { source } } }`,
        { c: commissionId },
      ),
    );
    const meetingId = scheduled.scheduleMeeting.id;
    expect(scheduled.scheduleMeeting.agenda.map((a) => a.source)).toEqual(['request_stats', 'partner_proposal']);
    const meetings = h.app.app.get(MeetingService);
    // Tuesday 15 December 2026; Wednesday 16 is Independence Day: Thu 17, Fri 18, Mon 21.
    const held = await meetings.hold(secretary, meetingId, new Date('2026-12-15T17:00:00+05:00'), new Date('2026-12-15T17:05:00+05:00'));
    expect(held.minutes_due_on).toBe('2026-12-21');
    expect(meetings.state(held, new Date('2026-12-21T20:00:00+05:00'))).toBe('due');
    await meetings.draftMinutes(secretary, meetingId, 'Present: akimat, health, police. Apologies: school No. 54.', new Date('2026-12-21T20:00:00+05:00'));
    const draft = await meetings.get(meetingId);
    expect(meetings.state(draft, new Date('2026-12-22T09:00:00+05:00'))).toBe('late');
    await meetings.publishMinutes(secretary, meetingId, new Date('2026-12-22T10:00:00+05:00'));
    await waitFor(async () => (await eventsOf(COMMISSION_TOPIC, commissionId)).some((m) => m.headers.ce_type === 'kz.seriktes.commission.minutes-published.v1'), { description: 'minutes-published' });
    const published = (await eventsOf(COMMISSION_TOPIC, commissionId)).find((m) => m.headers.ce_type === 'kz.seriktes.commission.minutes-published.v1')!;
    expect(JSON.parse(published.value!)).toMatchObject({ meetingId, dueOn: '2026-12-21', late: true });
  });
});

describe('tasks', () => {
  it('computes a due date from a timeframe in working days', async () => {
    const t = ok(await assign('ast.commission', { leadOrganisationId: 'ast-akimat', coExecutorIds: ['ast-school-54'], due: { workingDays: 3 } })).assignTask;
    const assignedOn = localDateOf(new Date());
    expect(t).toMatchObject({ status: 'assigned', dueKind: 'timeframe', timeframeWorkingDays: 3, dueOn: calendar.addWorkingDays(assignedOn, 3), overdue: false });
    expect(new Date(t.dueAt).toISOString()).toBe(new Date(`${t.dueOn}T23:59:59+05:00`).toISOString());
    // Either a date or a timeframe, validated field by field, and nothing written on refusal.
    const before = (await h.app.app.get(DataSource).query(`SELECT count(*)::int AS n FROM commission_tasks.task`)) as Array<{ n: number }>;
    const bad = await assign('ast.commission', { leadOrganisationId: 'ast-akimat', due: { workingDays: 0 }, priority: 'urgent' });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(bad).sort()).toEqual(['due.workingDays', 'priority']);
    expect(fieldsOf(await assign('ast.commission', { leadOrganisationId: 'ast-akimat', due: { workingDays: 3, date: '2027-01-10' } }))).toEqual(['due']);
    expect((await h.app.app.get(DataSource).query(`SELECT count(*)::int AS n FROM commission_tasks.task`)) as Array<{ n: number }>).toEqual(before);
  });

  it('runs report -> return -> report -> accept, and the task is done on time', async () => {
    const t = ok(await assign('ast.commission', { leadOrganisationId: 'ast-akimat', due: { workingDays: 10 } })).assignTask;
    expect(ok(await act('ast.akimat', 'acceptTask', t.id)).acceptTask.status).toBe('accepted');
    const first = ok(await report('ast.akimat', t.id, true)).submitTaskReport;
    expect(ok(await task('ast.akimat', t.id)).commissionTask.status).toBe('reported');
    expect(codeOf(await report('ast.akimat', t.id, true))).toBe('CONFLICT');
    const returned = await h.gql<{ returnTaskReport: TaskView }>('ast.commission', `mutation R($r: ID!) { returnTaskReport(reportId: $r, reason: "Attach the photos of the lit path") { ${TASK} } }`, { r: first });
    expect(ok(returned).returnTaskReport).toMatchObject({ status: 'in_progress' });
    expect(ok(returned).returnTaskReport.reports[0]).toMatchObject({ outcome: 'returned', returnReason: 'Attach the photos of the lit path' });
    const second = ok(await report('ast.akimat', t.id, true, 'Lamps installed; photos attached')).submitTaskReport;
    // Only the secretary reviews.
    expect(codeOf(await h.gql('ast.akimat', `mutation A($r: ID!) { acceptTaskReport(reportId: $r) { id } }`, { r: second }))).toBe('FORBIDDEN');
    const done = ok(await h.gql<{ acceptTaskReport: TaskView }>('ast.commission', `mutation A($r: ID!) { acceptTaskReport(reportId: $r) { ${TASK} } }`, { r: second })).acceptTaskReport;
    expect(done).toMatchObject({ status: 'done', progressPercent: 100, onTime: true });
    expect(done.reports.map((r) => [r.final, r.outcome])).toEqual([
      [true, 'returned'],
      [true, 'accepted'],
    ]);
    expect(done.reports[1].attachments).toEqual([{ name: 'act-of-acceptance.pdf', sizeBytes: 182_344 }]);
    expect(codeOf(await act('ast.akimat', 'startTask', t.id))).toBe('CONFLICT');
    await waitFor(async () => (await eventsOf(COMMISSION_TASK_TOPIC, t.id)).some((m) => m.headers.ce_type === 'kz.seriktes.commission-task.closed.v1'), { description: 'closed' });
    const types = (await eventsOf(COMMISSION_TASK_TOPIC, t.id)).map((m) => m.headers.ce_type);
    expect(types).toEqual([
      'kz.seriktes.commission-task.assigned.v1',
      'kz.seriktes.commission-task.accepted.v1',
      'kz.seriktes.commission-task.reported.v1',
      'kz.seriktes.commission-task.report-reviewed.v1',
      'kz.seriktes.commission-task.reported.v1',
      'kz.seriktes.commission-task.report-reviewed.v1',
      'kz.seriktes.commission-task.closed.v1',
    ]);
  });

  it('escalates an overdue task through all three steps, exactly once each, across a restart', async () => {
    const tasks = h.app.app.get(TaskService);
    // Assigned Friday 11 December 2026 with 1 working day: due Monday 14 at the end of the day.
    const t = await tasks.assign(secretary, { commissionId, decisionId, title: 'Clear the bushes along the path', description: 'Clear the bushes along the path', leadOrganisationId: 'ast-akimat', territoryCode: 'AST-ESL', due: { workingDays: 1 } }, new Date('2026-12-11T10:00:00+05:00'));
    expect(t.due_on).toBe('2026-12-14');
    const tick = (iso: string) => h.app.app.get(DeadlineScheduler).tick(new Date(iso));
    await tick('2026-12-14T09:00:00+05:00'); // before the due time: a reminder at most
    const steps = async () => ((await h.app.app.get(DataSource).query(`SELECT step FROM commission_tasks.escalation WHERE task_id = $1 ORDER BY step`, [t.id])) as Array<{ step: number }>).map((r) => r.step);
    expect(await steps()).toEqual([]);
    await tick('2026-12-15T09:00:00+05:00'); // overdue: the point of contact at once
    await tick('2026-12-15T09:00:01+05:00');
    expect(await steps()).toEqual([1]);
    await h.restart();
    await tick('2026-12-16T12:00:00+05:00'); // Wednesday 16 is a holiday: the manager waits 2 working days (Tue 15, Thu 17)
    expect(await steps()).toEqual([1]);
    await tick('2026-12-18T09:00:00+05:00');
    expect(await steps()).toEqual([1, 2]);
    await tick('2026-12-23T09:00:00+05:00'); // the chair, 3 working days later (Fri 18, Mon 21, Tue 22)
    await tick('2026-12-30T09:00:00+05:00');
    expect(await steps()).toEqual([1, 2, 3]);
    const view = ok(await task('ast.commission', t.id)).commissionTask;
    expect(view.escalations.map((e) => [e.step, e.target, e.targetOrganisationId])).toEqual([
      [1, 'point_of_contact', 'ast-akimat'],
      [2, 'manager', 'ast-akimat'],
      [3, 'chair', 'ast-akimat'],
    ]);
    await waitFor(async () => (await eventsOf(COMMISSION_TASK_TOPIC, t.id)).filter((m) => m.headers.ce_type === 'kz.seriktes.commission-task.escalated.v1').length === 3, { description: 'three escalations' });
    const events = await eventsOf(COMMISSION_TASK_TOPIC, t.id);
    expect(events.filter((m) => m.headers.ce_type === 'kz.seriktes.commission-task.overdue.v1')).toHaveLength(1);
    expect(events.filter((m) => m.headers.ce_type === 'kz.seriktes.commission-task.escalated.v1').map((m) => JSON.parse(m.value!).step)).toEqual([1, 2, 3]);
    // The log is immutable.
    await expect(h.app.app.get(DataSource).query(`UPDATE commission_tasks.escalation SET step = 1 WHERE task_id = $1`, [t.id])).rejects.toThrow('immutable');
  });

  it('reviews unfinished tasks at a meeting with reason codes: carried over, or closed', async () => {
    const tasks = h.app.app.get(TaskService);
    const meetings = h.app.app.get(MeetingService);
    const at = new Date('2026-12-01T10:00:00+05:00');
    const a = await tasks.assign(secretary, { commissionId, decisionId, title: 'Repair the lamps at the bus stop', description: 'Repair the lamps at the bus stop', leadOrganisationId: 'ast-akimat', territoryCode: 'AST-ESL', due: { date: '2026-12-04' } }, at);
    const b = await tasks.assign(secretary, { commissionId, decisionId, title: 'Hold a parents’ meeting on night safety', description: 'Hold a parents’ meeting on night safety', leadOrganisationId: 'ast-school-54', territoryCode: 'AST-ESL-01', due: { date: '2026-12-04' } }, at);
    const meeting = await meetings.schedule(secretary, { commissionId, scheduledAt: '2026-12-10T15:00:00+05:00', venue: 'Akimat, hall 3' }, new Date('2026-12-07T10:00:00+05:00'));
    const agenda = await meetings.agenda(meeting.id);
    expect(agenda.find((i) => i.source === 'carry_over')?.reference).toContain(a.number);
    await meetings.hold(secretary, meeting.id, new Date('2026-12-10T16:00:00+05:00'), new Date('2026-12-10T16:00:00+05:00'));
    const review = (id: string, input: Record<string, unknown>) =>
      h.gql<{ reviewTaskAtMeeting: TaskView }>(
        'ast.commission',
        `mutation V($id: ID!, $m: ID!, $r: String!, $o: String!, $d: DueInput) { reviewTaskAtMeeting(id: $id, meetingId: $m, reasonCode: $r, outcome: $o, due: $d) { ${TASK} } }`,
        { id, m: meeting.id, ...input },
      );
    expect(fieldsOf(await review(a.id, { r: 'forgot', o: 'carry_over', d: { date: '2027-01-29' } }))).toEqual(['reasonCode']);
    const carried = ok(await review(a.id, { r: 'circumstances_changed', o: 'carry_over', d: { date: '2027-01-29' } })).reviewTaskAtMeeting;
    expect(carried).toMatchObject({ status: 'assigned', dueOn: '2027-01-29', reviews: [{ reasonCode: 'circumstances_changed', outcome: 'carried_over' }] });
    expect(codeOf(await review(a.id, { r: 'circumstances_changed', o: 'carry_over', d: { date: '2027-02-26' } }))).toBe('CONFLICT');
    const closed = ok(await review(b.id, { r: 'not_done_by_agency', o: 'close' })).reviewTaskAtMeeting;
    expect(closed).toMatchObject({ status: 'not_done', reviews: [{ reasonCode: 'not_done_by_agency', outcome: 'closed' }] });
    await waitFor(async () => (await eventsOf(COMMISSION_TASK_TOPIC, a.id)).some((m) => m.headers.ce_type === 'kz.seriktes.commission-task.carried-over.v1'), { description: 'carried-over' });
    const carriedEvent = (await eventsOf(COMMISSION_TASK_TOPIC, a.id)).find((m) => m.headers.ce_type === 'kz.seriktes.commission-task.carried-over.v1')!;
    expect(JSON.parse(carriedEvent.value!)).toMatchObject({ reasonCode: 'circumstances_changed', meetingId: meeting.id });
  });
});

describe('partners act for themselves', () => {
  it('lets a partner see and change only its own organisation’s tasks', async () => {
    const akimatTask = ok(await assign('ast.commission', { leadOrganisationId: 'ast-akimat', due: { workingDays: 30 } })).assignTask;
    const schoolTask = ok(await assign('ast.commission', { leadOrganisationId: 'ast-school-54', territoryCode: 'AST-ESL-01', due: { workingDays: 10 } })).assignTask;
    expect(codeOf(await task('ast.school.54', akimatTask.id))).toBe('FORBIDDEN');
    expect(codeOf(await act('ast.school.54', 'acceptTask', akimatTask.id))).toBe('FORBIDDEN');
    expect(codeOf(await report('ast.school.54', akimatTask.id, false))).toBe('FORBIDDEN');
    expect(codeOf(await act('ast.health', 'acceptTask', schoolTask.id))).toBe('FORBIDDEN');
    expect(ok(await act('ast.school.54', 'acceptTask', schoolTask.id)).acceptTask.status).toBe('accepted');
    // A partner cannot assign, and its lists hold its own tasks only.
    expect(codeOf(await assign('ast.akimat', { leadOrganisationId: 'ast-akimat', due: { workingDays: 3 } }))).toBe('FORBIDDEN');
    const list = ok(await h.gql<{ commissionTasks: { edges: Array<{ node: { leadOrganisationId: string; coExecutorIds: string[] } }> } }>('ast.school.54', `{ commissionTasks(first: 100) { edges { node { leadOrganisationId coExecutorIds } } } }`));
    expect(list.commissionTasks.edges.length).toBeGreaterThan(0);
    for (const { node } of list.commissionTasks.edges) expect(node.leadOrganisationId === 'ast-school-54' || node.coExecutorIds.includes('ast-school-54')).toBe(true);
    const mine = ok(await h.gql<{ myTasks: Array<{ id: string }> }>('ast.school.54', `{ myTasks { id } }`)).myTasks.map((t) => t.id);
    expect(mine).toContain(schoolTask.id);
    expect(mine).not.toContain(akimatTask.id);
    // The public council sees aggregates only.
    expect(codeOf(await task('council.ast', akimatTask.id))).toBe('FORBIDDEN');
    const stats = ok(await h.gql<{ taskStats: Array<{ key: string; open: number; overdue: number }> }>('council.ast', `{ taskStats(groupBy: "agency") { key open overdue onTimeRate medianDaysOverdue } }`)).taskStats;
    expect(stats.map((s) => s.key)).toContain('ast-akimat');
    // Sensitive work goes only to organisations whose agreement allows it.
    const refused = await assign('ast.commission', { leadOrganisationId: 'ast-school-54', territoryCode: 'AST-ESL-01', templateCode: 'school-child-in-difficulty', description: 'Pupil of grade 7 absent for 5 days, signs of neglect' });
    expect(fieldsOf(refused)).toEqual(['leadOrganisationId']);
    ok(await h.gql('ast.commission', `mutation { signSharingAgreement(organisationId: "ast-school-54", scopes: ["sensitive_tasks"], territoryCode: "AST-ESL-01", signedOn: "2026-09-01", reviewOn: "2027-09-01") { id } }`));
    const protocol = ok(await assign('ast.commission', { leadOrganisationId: 'ast-school-54', territoryCode: 'AST-ESL-01', templateCode: 'school-child-in-difficulty', description: 'Pupil of grade 7 absent for 5 days, signs of neglect' })).assignTask;
    expect(protocol).toMatchObject({ timeframeWorkingDays: 1, dueOn: calendar.addWorkingDays(localDateOf(new Date()), 1) });
  });

  it('publishes an accountability view without personal data', async () => {
    expect(codeOf(await h.gql(null, `{ commissionAccountability(code: "AST-IAC") { code } }`))).toBe('NOT_FOUND');
    ok(await h.gql('ast.commission', `mutation P($c: ID!) { publishCommissionAccountability(commissionId: $c, published: true) { published } }`, { c: commissionId }));
    const view = ok(await h.gql<{ commissionAccountability: { decisions: Array<{ title: string; tasks: number; progressPercent: number }> } }>(null, `{ commissionAccountability(code: "AST-IAC") { code progressPercent decisions { number title stage tasks done open overdue progressPercent lastDueOn } } }`));
    expect(view.commissionAccountability.decisions[0]).toMatchObject({ title: 'Safer routes to school' });
    expect(JSON.stringify(view)).not.toMatch(/Ержан|@example|\+7701/);
  });
});

describe('events', () => {
  it('are valid against their schemas', async () => {
    await waitFor(async () => (await eventsOf(SHARING_AGREEMENT_TOPIC)).length > 0, { description: 'agreement event' });
    const all = [...(await eventsOf(COMMISSION_TASK_TOPIC)), ...(await eventsOf(COMMISSION_TOPIC)), ...(await eventsOf(SHARING_AGREEMENT_TOPIC))];
    expect(all.length).toBeGreaterThan(20);
    for (const m of all) expect({ type: m.headers.ce_type, ...validateEventData(String(m.headers.ce_type), JSON.parse(m.value!)) }).toMatchObject({ ok: true, errors: [] });
    const types = new Set(all.map((m) => m.headers.ce_type));
    for (const type of ['meeting-scheduled', 'meeting-held', 'minutes-published', 'decision-recorded'].map((v) => `kz.seriktes.commission.${v}.v1`)) expect(types).toContain(type);
  });
});

/**
 * Issue 6: closing a commission task can be required before a problem counts as resolved. The
 * commission-tasks events go onto the real Kafka-protocol broker as commission-tasks would send
 * them (CloudEvents in binary mode, keyed by task id); citizen-requests consumes them through its
 * inbox, and refuses to close a problem while a task that blocks it is open.
 */
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  COMMISSION_TASK_TOPIC,
  CommissionTaskAssigned,
  CommissionTaskClosed,
  createEvent,
  eventSource,
  toKafkaRecord,
  type CloudEvent,
  type CommissionTaskAssignedV1,
  type CommissionTaskClosedV1,
} from '@seriktes/contracts';
import { EventConsumer } from '@seriktes/messaging';
import { RawKafka } from '@seriktes/messaging/testing';
import { metricValue, waitFor } from '@seriktes/testing';
import { IN_ESL_01, startRequestsHarness, type RequestsHarness } from './harness';

let h: RequestsHarness;
let db: DataSource;
let raw: RawKafka;
/** The topic as the service subscribes to it (with KAFKA_TOPIC_PREFIX, if the environment sets one). */
let topic: string;

interface TaskView {
  taskId: string;
  blocks: boolean;
  status: string;
}
interface ProblemView {
  id: string;
  stage: string;
  tasks: TaskView[];
}

const SOURCE = eventSource('commission-tasks');

beforeAll(async () => {
  h = await startRequestsHarness('problem-tasks');
  db = h.app.app.get(DataSource);
  raw = new RawKafka({ brokers: h.kafka.brokers });
  const consumer = h.app.app.get(EventConsumer);
  topic = consumer.topics.find((t) => t.endsWith(COMMISSION_TASK_TOPIC))!;
  expect(topic).toBeDefined();
});

afterAll(async () => {
  await raw?.close();
  await h?.stop();
});

/** A problem of AST-ESL-01 opened from two requests, as a unit head would. */
async function openProblem(title: string): Promise<string> {
  const ids: string[] = [];
  for (const i of [1, 2]) {
    const r = await h.gql<{ registerCitizenRequest: { id: string } }>('citizen.demo', `mutation R($input: RegisterCitizenRequestInput!) { registerCitizenRequest(input: $input) { id } }`, {
      input: {
        kind: 'APPLICATION',
        categoryCode: 'public-order-noise',
        description: `${title}: noise from the courtyard at night (${i})`,
        location: IN_ESL_01,
        applicant: { fullName: 'Айгерім Сапарова', phone: '8 701 234 56 78' },
      },
    });
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    ids.push(r.data!.registerCitizenRequest.id);
  }
  const opened = await h.gql<{ openProblem: string }>(
    'ast.esil.head',
    `mutation($ids: [ID!]!, $title: String!) { openProblem(precinctCode: "AST-ESL-01", categoryCode: "public-order-noise", title: $title, requestIds: $ids) }`,
    { ids, title },
  );
  if (opened.errors) throw new Error(JSON.stringify(opened.errors));
  return opened.data!.openProblem;
}

function advance(id: string, stage: string) {
  return h.gql<{ advanceProblem: boolean }>('ast.esil.head', `mutation($id: ID!, $stage: String!) { advanceProblem(id: $id, stage: $stage, notes: "Reviewed with the commission") }`, { id, stage });
}

async function problem(id: string): Promise<ProblemView> {
  const listed = await h.gql<{ problems: ProblemView[] }>('ast.esil.01', `{ problems(precinctCode: "AST-ESL-01") { id stage tasks { taskId blocks status } } }`);
  if (listed.errors) throw new Error(JSON.stringify(listed.errors));
  const found = listed.data!.problems.find((p) => p.id === id);
  if (!found) throw new Error(`problem ${id} not listed`);
  return found;
}

/** Polls until the problem shows the task as expected. */
function waitForTask(problemId: string, expected: TaskView): Promise<true> {
  return waitFor(async () => (await problem(problemId)).tasks.some((t) => t.taskId === expected.taskId && t.blocks === expected.blocks && t.status === expected.status), {
    description: `task ${expected.taskId} of problem ${problemId} to be ${JSON.stringify(expected)}`,
  });
}

function assigned(taskId: string, problemId: string | null, blocksProblem: boolean | null, assignedAt = new Date()): CloudEvent<CommissionTaskAssignedV1> {
  return createEvent(
    CommissionTaskAssigned.type,
    { ...CommissionTaskAssigned.example, taskId, problemId, blocksProblem, assignedAt: assignedAt.toISOString(), dueAt: new Date(assignedAt.getTime() + 30 * 86_400_000).toISOString() },
    { subject: taskId, source: SOURCE },
  );
}

function closed(taskId: string, status: CommissionTaskClosedV1['status'], closedAt = new Date()): CloudEvent<CommissionTaskClosedV1> {
  return createEvent(CommissionTaskClosed.type, { taskId, status, closedAt: closedAt.toISOString() }, { subject: taskId, source: SOURCE });
}

async function send(...events: CloudEvent[]): Promise<void> {
  await raw.produce(topic, events.map(toKafkaRecord));
}

async function consumed(type: string, outcome: string): Promise<number> {
  const text = await (await fetch(`${h.app.url}/metrics`)).text();
  return metricValue(text, 'seriktes_events_consumed_total', { type, outcome });
}

describe('commission tasks that block a problem', () => {
  it('refuses to close a problem while a blocking task is open, and closes it once the task is closed', async () => {
    const problemId = await openProblem('Courtyard of block 12');
    const taskId = randomUUID();
    await send(assigned(taskId, problemId, true));
    await waitForTask(problemId, { taskId, blocks: true, status: 'open' });

    const refused = await advance(problemId, 'closed');
    expect(refused.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(refused.errors?.[0].message).toMatch(/1 commission task that blocks it is still open/);
    expect(refused.errors?.[0].extensions?.errors).toEqual([expect.objectContaining({ field: 'stage' })]);
    expect((await problem(problemId)).stage).toBe('scanning');
    // Work goes on in the other stages meanwhile.
    expect((await advance(problemId, 'assessment')).errors).toBeUndefined();

    await send(closed(taskId, 'done'));
    await waitForTask(problemId, { taskId, blocks: true, status: 'done' });
    const accepted = await advance(problemId, 'closed');
    expect(accepted.errors).toBeUndefined();
    expect(await problem(problemId)).toEqual({ id: problemId, stage: 'closed', tasks: [{ taskId, blocks: true, status: 'done' }] });
  });

  it('counts every open blocking task in the refusal', async () => {
    const problemId = await openProblem('Garages behind school 45');
    const [a, b] = [randomUUID(), randomUUID()];
    await send(assigned(a, problemId, true), assigned(b, problemId, true));
    await waitForTask(problemId, { taskId: a, blocks: true, status: 'open' });
    await waitForTask(problemId, { taskId: b, blocks: true, status: 'open' });
    expect((await advance(problemId, 'closed')).errors?.[0].message).toMatch(/2 commission tasks that block it are still open/);

    // A task that ends not done or cancelled no longer blocks either: the commission has decided on it.
    await send(closed(a, 'not_done'), closed(b, 'cancelled'));
    await waitForTask(problemId, { taskId: b, blocks: true, status: 'cancelled' });
    await waitForTask(problemId, { taskId: a, blocks: true, status: 'not_done' });
    expect((await advance(problemId, 'closed')).errors).toBeUndefined();
  });

  it('never lets a non-blocking task block', async () => {
    const problemId = await openProblem('Bus stop on Kabanbay batyr');
    const [plain, unsaid] = [randomUUID(), randomUUID()];
    await send(assigned(plain, problemId, false), assigned(unsaid, problemId, null));
    await waitForTask(problemId, { taskId: plain, blocks: false, status: 'open' });
    await waitForTask(problemId, { taskId: unsaid, blocks: false, status: 'open' });
    expect((await advance(problemId, 'closed')).errors).toBeUndefined();
    expect((await problem(problemId)).stage).toBe('closed');
  });

  it('stores only tasks that name a problem, and refuses nothing: a task of an unknown problem is kept', async () => {
    const [none, elsewhere] = [randomUUID(), randomUUID()];
    const unknownProblem = randomUUID();
    const processed = await consumed(CommissionTaskAssigned.type, 'processed');
    await send(assigned(none, null, null), assigned(elsewhere, unknownProblem, true));
    // Both were handled (not merely late) once the counter says so.
    await waitFor(async () => (await consumed(CommissionTaskAssigned.type, 'processed')) >= processed + 2, { description: 'both assignments to be processed' });
    const rows = (await db.query(`SELECT task_id::text AS task_id, problem_id::text AS problem_id, blocks, status FROM citizen_requests.problem_task WHERE task_id = ANY($1::uuid[])`, [[none, elsewhere]])) as unknown[];
    expect(rows).toEqual([{ task_id: elsewhere, problem_id: unknownProblem, blocks: true, status: 'open' }]);
  });

  it('keeps a task closed when its close arrives before its assignment', async () => {
    const problemId = await openProblem('Yard of Saryarka 6');
    const taskId = randomUUID();
    const at = new Date();
    await send(closed(taskId, 'done', new Date(at.getTime() + 60_000)), assigned(taskId, problemId, true, at));
    await waitForTask(problemId, { taskId, blocks: true, status: 'done' });
    expect((await advance(problemId, 'closed')).errors).toBeUndefined();
  });

  it('changes nothing when an event is delivered again', async () => {
    const problemId = await openProblem('Market entrance on Respublika');
    const taskId = randomUUID();
    const assignment = assigned(taskId, problemId, true);
    await send(assignment, closed(taskId, 'done'));
    await waitForTask(problemId, { taskId, blocks: true, status: 'done' });
    const [before] = (await db.query(`SELECT status, closed_at, updated_at FROM citizen_requests.problem_task WHERE task_id = $1`, [taskId])) as Array<Record<string, unknown>>;
    const duplicates = await consumed(CommissionTaskAssigned.type, 'duplicate');

    // The very same record (same event id) twice more, as a producer retry or a replay would deliver it.
    await send(assignment, assignment);
    await waitFor(async () => (await consumed(CommissionTaskAssigned.type, 'duplicate')) >= duplicates + 2, { description: 'both copies to be consumed as duplicates' });
    const [after] = (await db.query(`SELECT status, closed_at, updated_at FROM citizen_requests.problem_task WHERE task_id = $1`, [taskId])) as Array<Record<string, unknown>>;
    expect(after).toEqual(before);
    const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM citizen_requests.inbox WHERE event_id = $1`, [assignment.id])) as Array<{ n: number }>;
    expect(n).toBe(1);
    expect((await advance(problemId, 'closed')).errors).toBeUndefined();
  });
});

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditLog } from '@seriktes/audit';
import { localDateOf } from '@seriktes/calendar';
import { coversPrecinct, describeJurisdiction, forbidden, type AuthenticatedUser } from '@seriktes/auth';
import { conflict, invalidInput, notFound } from '@seriktes/runtime';
import { actorOf } from '../workflow/journal';
import { stageRefusal, type ProblemTaskStatus } from './resolution';

export interface CandidateProblem {
  precinctCode: string;
  categoryCode: string;
  lat: number;
  lon: number;
  requestCount: number;
  firstReceivedAt: string;
  lastReceivedAt: string;
  /** Requests per month (YYYY-MM, Asia/Almaty), oldest first. */
  months: Array<{ month: string; count: number }>;
  requestIds: string[];
}

/** A commission task tied to a problem, as the commission-tasks events told it. */
export interface ProblemTask {
  taskId: string;
  blocks: boolean;
  status: ProblemTaskStatus;
}

export type ProblemStage = 'scanning' | 'analysis' | 'response' | 'assessment' | 'closed';
const STAGES: readonly ProblemStage[] = ['scanning', 'analysis', 'response', 'assessment', 'closed'];

/**
 * Problems for problem-oriented work (SARA: Scanning, Analysis, Response, Assessment). Candidates
 * are clusters of requests of one category in one precinct, within `cellM` metres of one of them,
 * received in the last `days` days, at least `minRequests` of them: what repeats in one place. An
 * accepted candidate becomes a problem that moves through the stages. (Quadratic per precinct and
 * category over the window: fine for a precinct's few hundred requests a quarter.)
 */
@Injectable()
export class ProblemsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  async candidates(user: AuthenticatedUser, precinctCode: string, options: { days?: number; minRequests?: number; cellM?: number } = {}, now = new Date()): Promise<CandidateProblem[]> {
    if (!coversPrecinct(user.jurisdiction, precinctCode)) throw forbidden(`precinct ${precinctCode} is outside your jurisdiction (${describeJurisdiction(user.jurisdiction)})`);
    const days = options.days ?? 90;
    const minRequests = options.minRequests ?? 3;
    const cellM = options.cellM ?? 150;
    const errors = [];
    if (!Number.isInteger(days) || days < 7 || days > 730) errors.push({ field: 'days', message: 'must be from 7 to 730' });
    if (!Number.isInteger(minRequests) || minRequests < 2 || minRequests > 100) errors.push({ field: 'minRequests', message: 'must be from 2 to 100' });
    if (!Number.isInteger(cellM) || cellM < 25 || cellM > 2000) errors.push({ field: 'cellM', message: 'must be from 25 to 2000 metres' });
    if (errors.length) throw invalidInput(errors);
    // Each request with its neighbours of the same category within cellM metres (a box on lat/lon,
    // then the equirectangular distance, exact enough at this scale); then the largest groups first,
    // each request in one candidate only.
    const rows = (await this.dataSource.query(
      `WITH r AS (
         SELECT id, category, lat, lon, received_at
           FROM citizen_requests.citizen_request
          WHERE precinct_code = $1 AND lat IS NOT NULL AND kind <> 'tip' AND received_at >= $2::timestamptz - make_interval(days => $4)
       )
       SELECT a.id, a.category, a.lat, a.lon,
              array_agg(b.id::text ORDER BY b.received_at) AS ids,
              array_agg(b.received_at ORDER BY b.received_at) AS times,
              array_agg(b.lat ORDER BY b.received_at) AS lats,
              array_agg(b.lon ORDER BY b.received_at) AS lons
         FROM r a JOIN r b ON b.category = a.category
          AND sqrt(power((b.lat - a.lat) * 111320.0, 2) + power((b.lon - a.lon) * 111320.0 * cos(radians(a.lat)), 2)) <= $3
        GROUP BY a.id, a.category, a.lat, a.lon
       HAVING count(*) >= $5`,
      [precinctCode, now, cellM, days, minRequests],
    )) as Array<{ id: string; category: string; lat: number; lon: number; ids: string[]; times: Date[]; lats: number[]; lons: number[] }>;
    rows.sort((x, y) => y.ids.length - x.ids.length);
    const taken = new Set<string>();
    const result: CandidateProblem[] = [];
    for (const row of rows) {
      const members = row.ids.map((id, i) => ({ id, at: new Date(row.times[i]), lat: row.lats[i], lon: row.lons[i] })).filter((m) => !taken.has(m.id));
      if (members.length < minRequests) continue;
      for (const m of members) taken.add(m.id);
      const counts = new Map<string, number>();
      for (const m of members) {
        const month = localDateOf(m.at).slice(0, 7);
        counts.set(month, (counts.get(month) ?? 0) + 1);
      }
      result.push({
        precinctCode,
        categoryCode: row.category,
        lat: Math.round((members.reduce((s, m) => s + m.lat, 0) / members.length) * 1e5) / 1e5,
        lon: Math.round((members.reduce((s, m) => s + m.lon, 0) / members.length) * 1e5) / 1e5,
        requestCount: members.length,
        firstReceivedAt: members[0].at.toISOString(),
        lastReceivedAt: members[members.length - 1].at.toISOString(),
        months: [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([month, count]) => ({ month, count })),
        requestIds: members.map((m) => m.id),
      });
    }
    return result;
  }

  /** Opens a problem from requests of one precinct (a unit head accepts a candidate, or groups requests by hand). */
  async open(user: AuthenticatedUser, input: { precinctCode: string; categoryCode: string; title: string; requestIds: string[] }): Promise<string> {
    if (!coversPrecinct(user.jurisdiction, input.precinctCode)) throw forbidden(`precinct ${input.precinctCode} is outside your jurisdiction (${describeJurisdiction(user.jurisdiction)})`);
    const errors = [];
    if (input.title.trim().length < 5) errors.push({ field: 'title', message: 'say what the problem is (at least 5 characters)' });
    if (input.requestIds.length < 2) errors.push({ field: 'requestIds', message: 'a problem groups at least 2 requests' });
    if (errors.length) throw invalidInput(errors);
    return this.dataSource.transaction(async (em) => {
      const found = (await em.query(
        `SELECT id, lat, lon FROM citizen_requests.citizen_request WHERE id = ANY($1::uuid[]) AND precinct_code = $2 AND category = $3`,
        [input.requestIds, input.precinctCode, input.categoryCode],
      )) as Array<{ id: string; lat: number | null; lon: number | null }>;
      if (found.length !== new Set(input.requestIds).size) throw invalidInput([{ field: 'requestIds', message: `every request must be of ${input.precinctCode} and category ${input.categoryCode}` }]);
      const located = found.filter((f) => f.lat !== null && f.lon !== null);
      const lat = located.reduce((s, f) => s + f.lat!, 0) / Math.max(1, located.length);
      const lon = located.reduce((s, f) => s + f.lon!, 0) / Math.max(1, located.length);
      const [{ id }] = (await em.query(
        `INSERT INTO citizen_requests.problem (precinct_code, category, lat, lon, radius_m, title, opened_by) VALUES ($1, $2, $3, $4, 150, $5, $6) RETURNING id`,
        [input.precinctCode, input.categoryCode, lat, lon, input.title.trim(), user.username ?? user.subject],
      )) as Array<{ id: string }>;
      await em.query(`INSERT INTO citizen_requests.problem_request (problem_id, request_id) SELECT $1, unnest($2::uuid[])`, [id, input.requestIds]);
      await this.audit.record({ actor: actorOf(user).audit, action: 'create', entity: 'problem', entityId: id, purpose: 'openProblem', details: { requests: input.requestIds.length } }, em);
      return id;
    });
  }

  /**
   * Moves a problem to another SARA stage, with notes. Closing it (the problem counts as resolved)
   * is refused while a commission task that blocks it is open. A task assigned while the problem is
   * being closed is no different from one whose event arrives after: the problem stays closed.
   */
  async advance(user: AuthenticatedUser, id: string, stage: string, notes: string | null): Promise<void> {
    if (!(STAGES as readonly string[]).includes(stage)) throw invalidInput([{ field: 'stage', message: `must be one of ${STAGES.join(', ')}` }]);
    const [problem] = (await this.dataSource.query(`SELECT precinct_code FROM citizen_requests.problem WHERE id::text = $1`, [id])) as Array<{ precinct_code: string }>;
    if (!problem) throw notFound(`problem ${id} not found`);
    if (!coversPrecinct(user.jurisdiction, problem.precinct_code)) throw forbidden(`problem ${id} is outside your jurisdiction`);
    const refusal = stageRefusal(stage, (await this.tasksOf([id])).get(id) ?? []);
    if (refusal) throw conflict(refusal, 'stage');
    await this.dataSource.query(`UPDATE citizen_requests.problem SET stage = $2, notes = coalesce($3, notes), updated_at = now() WHERE id = $1::uuid`, [id, stage, notes]);
  }

  /** The commission tasks of each problem, oldest assignment first (problems without any are absent). */
  async tasksOf(problemIds: readonly string[]): Promise<Map<string, ProblemTask[]>> {
    const result = new Map<string, ProblemTask[]>();
    if (!problemIds.length) return result;
    const rows = (await this.dataSource.query(
      `SELECT problem_id::text AS problem_id, task_id::text AS task_id, blocks, status
         FROM citizen_requests.problem_task WHERE problem_id = ANY($1::uuid[]) ORDER BY assigned_at, task_id`,
      [problemIds],
    )) as Array<{ problem_id: string; task_id: string; blocks: boolean; status: ProblemTaskStatus }>;
    for (const r of rows) {
      const tasks = result.get(r.problem_id) ?? [];
      tasks.push({ taskId: r.task_id, blocks: r.blocks, status: r.status });
      result.set(r.problem_id, tasks);
    }
    return result;
  }

  async list(user: AuthenticatedUser, precinctCode: string): Promise<Array<{ id: string; categoryCode: string; title: string; stage: string; requestCount: number; openedAt: string; tasks: ProblemTask[] }>> {
    if (!coversPrecinct(user.jurisdiction, precinctCode)) throw forbidden(`precinct ${precinctCode} is outside your jurisdiction (${describeJurisdiction(user.jurisdiction)})`);
    const rows = (await this.dataSource.query(
      `SELECT p.id, p.category, p.title, p.stage, p.opened_at, (SELECT count(*)::int FROM citizen_requests.problem_request pr WHERE pr.problem_id = p.id) AS n
         FROM citizen_requests.problem p WHERE p.precinct_code = $1 ORDER BY p.opened_at DESC`,
      [precinctCode],
    )) as Array<{ id: string; category: string; title: string; stage: string; opened_at: Date; n: number }>;
    const tasks = await this.tasksOf(rows.map((r) => r.id));
    return rows.map((r) => ({ id: r.id, categoryCode: r.category, title: r.title, stage: r.stage, requestCount: r.n, openedAt: r.opened_at.toISOString(), tasks: tasks.get(r.id) ?? [] }));
  }
}

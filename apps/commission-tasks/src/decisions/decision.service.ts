import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditLog, auditActor } from '@seriktes/audit';
import { concernsTerritory, forbidden, type AuthenticatedUser } from '@seriktes/auth';
import { localDateOf } from '@seriktes/calendar';
import {
  CommissionDecisionRecorded,
  CommissionDecisionStageChanged,
  RecommendationPackageAnswered,
  RecommendationPackageSubmitted,
  TERRITORY_CODE_PATTERN,
} from '@seriktes/contracts';
import { EventPublisher } from '@seriktes/messaging';
import { conflict, invalidInput, notFound, type FieldError, isUuid } from '@seriktes/runtime';
import { mayManage, mayReadDecisions } from '../access';
import { CommissionService } from '../commissions/commission.service';
import { DECISION_STAGES, stageChange, type DecisionStage } from './cycle';

export interface EvidenceItem {
  kind: string;
  reference: string;
  description: string;
}

export interface DecisionRow {
  id: string;
  commission_id: string;
  meeting_id: string | null;
  package_id: string | null;
  number: string;
  title: string;
  what: string;
  why: string;
  evidence: EvidenceItem[];
  territory_code: string;
  region_code: string;
  stage: DecisionStage;
  evaluation: string | null;
  recorded_at: Date;
}

export interface PackageRow {
  id: string;
  commission_id: string;
  title: string;
  analysis: string;
  recommendations: Array<{ text: string; accepted: boolean | null }>;
  addressee: string;
  status: 'draft' | 'submitted' | 'answered';
  submitted_at: Date | null;
  answer: string | null;
  answered_at: Date | null;
}

const EVIDENCE_KINDS = ['request_statistics', 'problem', 'survey', 'crime_statistics', 'inspection', 'partner_report', 'other'];
const TERRITORY = new RegExp(TERRITORY_CODE_PATTERN);

/**
 * Decisions of a commission: what was decided, why, on which evidence, for which territory; their
 * life through the six-stage cycle; and recommendation packages of an analytical group sent to
 * the akim and answered (the Karaganda model), from which decisions follow.
 */
@Injectable()
export class DecisionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly commissions: CommissionService,
    private readonly events: EventPublisher,
    private readonly audit: AuditLog,
  ) {}

  async record(
    user: AuthenticatedUser,
    input: { commissionId: string; meetingId?: string | null; packageId?: string | null; title: string; what: string; why: string; evidence?: EvidenceItem[] | null; territoryCode?: string | null; stage?: string | null },
    now = new Date(),
  ): Promise<DecisionRow> {
    const errors: FieldError[] = [];
    if (!input.title?.trim() || input.title.length > 300) errors.push({ field: 'title', message: 'is required (at most 300 characters)' });
    if (!input.what?.trim() || input.what.length > 20_000) errors.push({ field: 'what', message: 'say what was decided (at most 20,000 characters)' });
    if (!input.why?.trim() || input.why.length > 20_000) errors.push({ field: 'why', message: 'say why (at most 20,000 characters)' });
    (input.evidence ?? []).forEach((e, i) => {
      if (!EVIDENCE_KINDS.includes(e.kind)) errors.push({ field: `evidence.${i}.kind`, message: `must be one of ${EVIDENCE_KINDS.join(', ')}` });
      if (!e.description?.trim()) errors.push({ field: `evidence.${i}.description`, message: 'is required' });
    });
    const stage = (input.stage ?? 'decide') as DecisionStage;
    if (!DECISION_STAGES.includes(stage) || stage === 'implement' || stage === 'evaluate') errors.push({ field: 'stage', message: 'a decision is recorded at diagnose, collect, alternatives or decide' });
    if (input.territoryCode != null && !TERRITORY.test(input.territoryCode)) errors.push({ field: 'territoryCode', message: 'must be a region, district or precinct code' });
    if (errors.length) throw invalidInput(errors);
    return this.dataSource.transaction(async (em) => {
      const commission = await this.commissions.managed(user, input.commissionId, em);
      const territory = input.territoryCode ?? commission.territory_code;
      if (commission.territory_code !== 'KAZ' && territory !== commission.territory_code && !territory.startsWith(`${commission.territory_code}-`)) {
        throw invalidInput([{ field: 'territoryCode', message: `must lie in the commission's territory ${commission.territory_code}` }]);
      }
      let meetingNumber = 0;
      if (input.meetingId) {
        const [m] = (await em.query(`SELECT number, year, status FROM commission_tasks.meeting WHERE id = $1::uuid AND commission_id = $2`, [input.meetingId, commission.id])) as Array<{ number: number; year: number; status: string }>;
        if (!m) throw invalidInput([{ field: 'meetingId', message: 'is not a meeting of this commission' }]);
        if (m.status !== 'held') throw conflict('record decisions of a meeting once it is held', 'meetingId');
        meetingNumber = m.number;
      }
      await em.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`decision:${commission.id}`]);
      const year = localDateOf(now).slice(0, 4);
      const [{ n }] = (await em.query(`SELECT count(*)::int + 1 AS n FROM commission_tasks.decision WHERE commission_id = $1 AND number LIKE $2`, [commission.id, `${commission.code}-${year}/%`])) as Array<{ n: number }>;
      const number = `${commission.code}-${year}/${meetingNumber || 0}-${n}`;
      const [row] = (await em.query(
        `INSERT INTO commission_tasks.decision (commission_id, meeting_id, package_id, number, title, what, why, evidence, territory_code, region_code, stage, recorded_by, recorded_at)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13) RETURNING *`,
        [commission.id, input.meetingId ?? null, input.packageId ?? null, number, input.title.trim(), input.what, input.why, JSON.stringify(input.evidence ?? []), territory, commission.region_code, stage, user.username, now],
      )) as DecisionRow[];
      await em.query(`INSERT INTO commission_tasks.decision_stage (decision_id, from_stage, to_stage, changed_by, changed_at) VALUES ($1, NULL, $2, $3, $4)`, [row.id, stage, user.username, now]);
      await this.events.publish(
        em,
        CommissionDecisionRecorded,
        { commissionId: commission.id, level: commission.level, territoryCode: commission.territory_code, decisionId: row.id, meetingId: input.meetingId ?? null, number, stage, decisionTerritoryCode: territory, recordedAt: now.toISOString() },
        { subject: commission.id, time: now },
      );
      await this.audit.record({ actor: auditActor(user), action: 'create', entity: 'decision', entityId: row.id, purpose: 'graphql:recordDecision' }, em);
      return row;
    });
  }

  /** Moves a decision through the six-stage cycle; an evaluation text is kept at the evaluate stage. */
  async advance(user: AuthenticatedUser, id: string, to: string, note: string | null, now = new Date()): Promise<DecisionRow> {
    if (!(DECISION_STAGES as readonly string[]).includes(to)) throw invalidInput([{ field: 'stage', message: `must be one of ${DECISION_STAGES.join(', ')}` }]);
    return this.dataSource.transaction(async (em) => {
      const [decision] = (await em.query(`SELECT * FROM commission_tasks.decision WHERE id = $1::uuid FOR UPDATE`, [id])) as DecisionRow[];
      if (!decision) throw notFound(`decision ${id} not found`);
      const commission = await this.commissions.managed(user, decision.commission_id, em);
      const [tasks] = (await em.query(
        `SELECT count(*)::int AS total, count(*) FILTER (WHERE status IN ('assigned','accepted','in_progress','reported'))::int AS open FROM commission_tasks.task WHERE decision_id = $1`,
        [id],
      )) as Array<{ total: number; open: number }>;
      const verdict = stageChange(decision.stage, to as DecisionStage, tasks);
      if (!verdict.ok) throw conflict(verdict.reason, 'stage');
      if (to === 'evaluate' && !note?.trim()) throw invalidInput([{ field: 'note', message: 'say what was learned: the evaluation is the point of the last stage' }]);
      const [[row]] = (await em.query(`UPDATE commission_tasks.decision SET stage = $2, evaluation = CASE WHEN $2 = 'evaluate' THEN $3 ELSE evaluation END WHERE id = $1 RETURNING *`, [id, to, note])) as [DecisionRow[]];
      await em.query(`INSERT INTO commission_tasks.decision_stage (decision_id, from_stage, to_stage, note, changed_by, changed_at) VALUES ($1,$2,$3,$4,$5,$6)`, [id, decision.stage, to, note, user.username, now]);
      await this.events.publish(
        em,
        CommissionDecisionStageChanged,
        { commissionId: commission.id, level: commission.level, territoryCode: commission.territory_code, decisionId: id, from: decision.stage, to: to as DecisionStage, changedAt: now.toISOString() },
        { subject: commission.id, time: now },
      );
      await this.audit.record({ actor: auditActor(user), action: 'update', entity: 'decision', entityId: id, purpose: 'graphql:advanceDecision', details: { from: decision.stage, to } }, em);
      return row;
    });
  }

  async get(id: string): Promise<DecisionRow | null> {
    if (!isUuid(id)) return null;
    const [row] = (await this.dataSource.query(`SELECT * FROM commission_tasks.decision WHERE id = $1`, [id])) as DecisionRow[];
    return row ?? null;
  }

  async readable(user: AuthenticatedUser, id: string): Promise<DecisionRow> {
    const row = await this.get(id);
    if (!row) throw notFound(`decision ${id} not found`);
    if (!mayReadDecisions(user, row.territory_code)) throw forbidden(`decision ${row.number} does not concern your territory`);
    return row;
  }

  /** Decisions the caller may read, newest first, optionally of one commission or stage. */
  async list(user: AuthenticatedUser, filter: { commissionId?: string | null; stage?: string | null }): Promise<DecisionRow[]> {
    const rows = (await this.dataSource.query(
      `SELECT * FROM commission_tasks.decision WHERE ($1::uuid IS NULL OR commission_id = $1) AND ($2::text IS NULL OR stage = $2) ORDER BY recorded_at DESC LIMIT 500`,
      [filter.commissionId ?? null, filter.stage ?? null],
    )) as DecisionRow[];
    return rows.filter((d) => mayReadDecisions(user, d.territory_code));
  }

  async history(id: string): Promise<Array<{ from_stage: string | null; to_stage: string; note: string | null; changed_at: Date }>> {
    return (await this.dataSource.query(`SELECT from_stage, to_stage, note, changed_at FROM commission_tasks.decision_stage WHERE decision_id = $1 ORDER BY id`, [id])) as Array<{
      from_stage: string | null;
      to_stage: string;
      note: string | null;
      changed_at: Date;
    }>;
  }

  /** Whether the caller may see why a decision was taken and on which evidence: staff, and partners whose agreement grants `decisions`. */
  mayReadReasons(user: AuthenticatedUser, decision: DecisionRow, partnerScopes: readonly string[]): boolean {
    if (user.jurisdiction.level !== 'partner') return mayManage(user, decision.territory_code) || concernsTerritory(user.jurisdiction, decision.territory_code);
    return partnerScopes.includes('decisions');
  }

  async draftPackage(user: AuthenticatedUser, input: { commissionId: string; title: string; analysis: string; recommendations: string[]; addressee: string }, now = new Date()): Promise<PackageRow> {
    const errors: FieldError[] = [];
    if (!input.title?.trim()) errors.push({ field: 'title', message: 'is required' });
    if (!input.analysis?.trim()) errors.push({ field: 'analysis', message: 'summarise the analysis the recommendations rest on' });
    if (!input.recommendations?.length || input.recommendations.length > 100) errors.push({ field: 'recommendations', message: 'give 1 to 100 recommendations' });
    (input.recommendations ?? []).forEach((r, i) => !r?.trim() && errors.push({ field: `recommendations.${i}`, message: 'is empty' }));
    if (!input.addressee?.trim()) errors.push({ field: 'addressee', message: 'name the akim it goes to (position)' });
    if (errors.length) throw invalidInput(errors);
    return this.dataSource.transaction(async (em) => {
      const commission = await this.commissions.managed(user, input.commissionId, em);
      const [row] = (await em.query(
        `INSERT INTO commission_tasks.recommendation_package (commission_id, title, analysis, recommendations, addressee, created_by, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING *`,
        [commission.id, input.title.trim(), input.analysis, JSON.stringify(input.recommendations.map((text) => ({ text, accepted: null }))), input.addressee, user.username, now],
      )) as PackageRow[];
      await this.audit.record({ actor: auditActor(user), action: 'create', entity: 'recommendation_package', entityId: row.id, purpose: 'graphql:draftRecommendationPackage' }, em);
      return row;
    });
  }

  async submitPackage(user: AuthenticatedUser, id: string, now = new Date()): Promise<PackageRow> {
    return this.dataSource.transaction(async (em) => {
      const pkg = await this.lockedPackage(em, id);
      const commission = await this.commissions.managed(user, pkg.commission_id, em);
      if (pkg.status !== 'draft') throw conflict(`the package is ${pkg.status} already`);
      const [[row]] = (await em.query(`UPDATE commission_tasks.recommendation_package SET status = 'submitted', submitted_at = $2 WHERE id = $1 RETURNING *`, [id, now])) as [PackageRow[]];
      await this.events.publish(
        em,
        RecommendationPackageSubmitted,
        { commissionId: commission.id, level: commission.level, territoryCode: commission.territory_code, packageId: id, recommendationCount: pkg.recommendations.length, submittedAt: now.toISOString() },
        { subject: commission.id, time: now },
      );
      await this.audit.record({ actor: auditActor(user), action: 'update', entity: 'recommendation_package', entityId: id, purpose: 'graphql:submitRecommendationPackage' }, em);
      return row;
    });
  }

  /** Records the akim's answer: which recommendations (by position, from 0) are accepted. */
  async answerPackage(user: AuthenticatedUser, id: string, answer: string, accepted: number[], now = new Date()): Promise<PackageRow> {
    if (!answer?.trim()) throw invalidInput([{ field: 'answer', message: 'is required' }]);
    return this.dataSource.transaction(async (em) => {
      const pkg = await this.lockedPackage(em, id);
      const commission = await this.commissions.managed(user, pkg.commission_id, em);
      if (pkg.status !== 'submitted') throw conflict(pkg.status === 'draft' ? 'submit the package before recording an answer' : 'the package is answered already');
      const bad = accepted.filter((i) => !Number.isInteger(i) || i < 0 || i >= pkg.recommendations.length);
      if (bad.length) throw invalidInput([{ field: 'accepted', message: `no recommendation at position(s) ${bad.join(', ')}` }]);
      const recommendations = pkg.recommendations.map((r, i) => ({ ...r, accepted: accepted.includes(i) }));
      const [[row]] = (await em.query(`UPDATE commission_tasks.recommendation_package SET status = 'answered', answer = $2, answered_at = $3, recommendations = $4 WHERE id = $1 RETURNING *`, [
        id,
        answer,
        now,
        JSON.stringify(recommendations),
      ])) as [PackageRow[]];
      const n = recommendations.filter((r) => r.accepted).length;
      await this.events.publish(
        em,
        RecommendationPackageAnswered,
        { commissionId: commission.id, level: commission.level, territoryCode: commission.territory_code, packageId: id, accepted: n, rejected: recommendations.length - n, answeredAt: now.toISOString() },
        { subject: commission.id, time: now },
      );
      await this.audit.record({ actor: auditActor(user), action: 'update', entity: 'recommendation_package', entityId: id, purpose: 'graphql:answerRecommendationPackage' }, em);
      return row;
    });
  }

  private async lockedPackage(em: { query: DataSource['query'] }, id: string): Promise<PackageRow> {
    if (!isUuid(id)) throw invalidInput([{ field: 'id', message: 'is not an id' }]);
    const [pkg] = (await em.query(`SELECT * FROM commission_tasks.recommendation_package WHERE id = $1 FOR UPDATE`, [id])) as PackageRow[];
    if (!pkg) throw notFound(`recommendation package ${id} not found`);
    return pkg;
  }

  async packages(user: AuthenticatedUser, commissionId: string): Promise<PackageRow[]> {
    const commission = await this.commissions.get(commissionId);
    if (!commission || !mayReadDecisions(user, commission.territory_code) || user.jurisdiction.level === 'partner') return [];
    return (await this.dataSource.query(`SELECT * FROM commission_tasks.recommendation_package WHERE commission_id = $1 ORDER BY created_at DESC`, [commissionId])) as PackageRow[];
  }
}

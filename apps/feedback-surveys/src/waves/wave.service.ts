import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditLog, auditActor } from '@seriktes/audit';
import { forbidden, type AuthenticatedUser } from '@seriktes/auth';
import { endOfLocalDay, isLocalDate, localDateOf, startOfLocalDay } from '@seriktes/calendar';
import { parsePrecinctCode, SurveyWaveClosed, TERRITORY_CODE_PATTERN, type SurveyWaveIndex } from '@seriktes/contracts';
import { EventPublisher } from '@seriktes/messaging';
import { conflict, invalidInput, notFound, PeriodicJob, type FieldError } from '@seriktes/runtime';
import { mayRunWave, pulseUnitOf } from '../access';
import { monthOf } from '../indices/cells';
import { estimateFigure } from '../indices/estimate';
import { checkAnswers, observe } from '../instruments/definition';
import { InstrumentService, type PublishedVersion } from '../instruments/instrument.service';
import { AGE_BANDS, LANGUAGES, SEXES, type AgeBand, type Answers, type Language, type Sex } from '../instruments/types';
import { INVITATION_SETTINGS, type InvitationSettings } from '../invitations/invitation.service';
import { invitationToken, participantHash, SURVEY_SECRET, tokenHash } from '../invitations/tokens';
import { MIN_CELL_N, ResponseIngestion } from '../responses/ingestion.service';
import { maskTextAnswers } from '../responses/submission.service';
import { drawSample } from './sampling';

export interface FrameEntryInput {
  precinctCode: string;
  /** A phone number (+7...) or an e-mail address; kept only until the invitation is sent. */
  contact: string;
  language?: Language | null;
  sex?: Sex | null;
  ageBand?: AgeBand | null;
}

export interface QuotaInput {
  precinctCode: string;
  size: number;
  bySex?: Partial<Record<Sex, number>> | null;
  byAgeBand?: Partial<Record<AgeBand, number>> | null;
}

export interface WaveInput {
  instrumentCode?: string | null;
  name: string;
  territoryCode: string;
  opensOn: string;
  closesOn: string;
  frame: FrameEntryInput[];
  quotas: QuotaInput[];
  seed?: string | null;
}

export interface PulseInput {
  name: string;
  unitCode: string;
  opensOn: string;
  closesOn: string;
}

export interface WaveRow {
  id: string;
  version_id: string;
  kind: 'area' | 'staff_pulse';
  name: string;
  territory_code: string;
  region_code: string;
  opens_on: string;
  closes_on: string;
  status: 'open' | 'closed';
  quotas: QuotaInput[];
  sample_report: unknown;
  invited: number;
  responded: number;
  created_by: string;
  created_at: Date;
  closed_at: Date | null;
}

const WAVE_COLUMNS = `id, version_id, kind, name, territory_code, region_code, to_char(opens_on, 'YYYY-MM-DD') AS opens_on, to_char(closes_on, 'YYYY-MM-DD') AS closes_on,
  status, quotas, sample_report, invited, responded, created_by, created_at, closed_at`;
const TERRITORY = new RegExp(TERRITORY_CODE_PATTERN);
const PHONE = /^\+7\d{10}$/;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,}$/;
const inside = (code: string, territory: string) => territory === 'KAZ' || code === territory || code.startsWith(`${territory}-`);

/**
 * Area-survey waves and staff pulses. A wave draws a stratified random sample per precinct from a
 * sampling frame with quotas, and invites only the sample: the rest of the frame is never stored,
 * and the sampled contacts are erased once the invitation is sent. A staff pulse invites nobody:
 * staff of the unit answer once each, proved by a keyed hash that does not say who. Closing a wave
 * expires its unused invitations and publishes its headline indices.
 */
@Injectable()
export class WaveService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('WaveService');
  private readonly job = new PeriodicJob('closing survey waves', (now) => this.closeDue(now), this.logger);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly instruments: InstrumentService,
    private readonly ingestion: ResponseIngestion,
    private readonly events: EventPublisher,
    private readonly audit: AuditLog,
    @Inject(SURVEY_SECRET) private readonly secret: string,
    @Inject(MIN_CELL_N) private readonly minN: number,
    @Inject(INVITATION_SETTINGS) private readonly settings: InvitationSettings,
  ) {}

  onApplicationBootstrap(): void {
    this.job.start(this.settings.intervalMs);
  }

  onModuleDestroy(): Promise<void> {
    return this.job.stop();
  }

  async get(id: string): Promise<WaveRow | undefined> {
    return ((await this.dataSource.query(`SELECT ${WAVE_COLUMNS} FROM feedback_surveys.wave WHERE id = $1`, [id])) as WaveRow[])[0];
  }

  async list(territoryCodes: (code: string) => boolean, status: 'open' | 'closed' | null): Promise<WaveRow[]> {
    const rows = (await this.dataSource.query(`SELECT ${WAVE_COLUMNS} FROM feedback_surveys.wave WHERE ($1::text IS NULL OR status = $1) ORDER BY opens_on DESC, created_at DESC LIMIT 500`, [status])) as WaveRow[];
    return rows.filter((w) => territoryCodes(w.territory_code));
  }

  /** Runs an area-survey wave: validates everything first (field-level), then samples and invites. */
  async runWave(user: AuthenticatedUser, input: WaveInput, now = new Date()): Promise<WaveRow> {
    const instrumentCode = input.instrumentCode ?? 'area-safety';
    const problems = this.checkPeriod(input, now);
    if (!TERRITORY.test(input.territoryCode ?? '') && input.territoryCode !== 'KAZ') problems.push({ field: 'territoryCode', message: 'a region, district or precinct code, or KAZ' });
    else if (!mayRunWave(user, input.territoryCode)) throw forbidden(`waves over ${input.territoryCode} are run by analysts and heads of that territory`);
    const version = await this.instruments.current(instrumentCode);
    if (!version) problems.push({ field: 'instrumentCode', message: `no published instrument ${instrumentCode}` });
    else if (version.kind !== 'area') problems.push({ field: 'instrumentCode', message: `${instrumentCode} is not an area survey` });
    if (!Array.isArray(input.frame) || input.frame.length === 0) problems.push({ field: 'frame', message: 'a sampling frame of at least one entry' });
    else if (input.frame.length > 200_000) problems.push({ field: 'frame', message: 'at most 200000 entries per wave' });
    (input.frame ?? []).forEach((e, i) => {
      if (!parsePrecinctCode(e.precinctCode ?? '') || !inside(e.precinctCode, input.territoryCode)) problems.push({ field: `frame[${i}].precinctCode`, message: `a precinct within ${input.territoryCode}` });
      if (!PHONE.test(e.contact ?? '') && !EMAIL.test(e.contact ?? '')) problems.push({ field: `frame[${i}].contact`, message: 'a phone number +7XXXXXXXXXX or an e-mail address' });
      if (e.language && !LANGUAGES.includes(e.language)) problems.push({ field: `frame[${i}].language`, message: LANGUAGES.join(', ') });
      if (e.sex && !SEXES.includes(e.sex)) problems.push({ field: `frame[${i}].sex`, message: SEXES.join(', ') });
      if (e.ageBand && !AGE_BANDS.includes(e.ageBand)) problems.push({ field: `frame[${i}].ageBand`, message: AGE_BANDS.join(', ') });
    });
    if (!Array.isArray(input.quotas) || input.quotas.length === 0) problems.push({ field: 'quotas', message: 'a quota for at least one precinct' });
    const seen = new Set<string>();
    (input.quotas ?? []).forEach((q, i) => {
      if (!parsePrecinctCode(q.precinctCode ?? '') || !inside(q.precinctCode, input.territoryCode)) problems.push({ field: `quotas[${i}].precinctCode`, message: `a precinct within ${input.territoryCode}` });
      else if (seen.has(q.precinctCode)) problems.push({ field: `quotas[${i}].precinctCode`, message: 'one quota per precinct' });
      seen.add(q.precinctCode);
      if (!Number.isInteger(q.size) || q.size < 1 || q.size > 20_000) problems.push({ field: `quotas[${i}].size`, message: '1..20000' });
      const sub = (o: Partial<Record<string, number>> | null | undefined, field: string, allowed: readonly string[]) => {
        if (!o) return;
        const entries = Object.entries(o);
        if (entries.some(([k, v]) => !allowed.includes(k) || !Number.isInteger(v) || (v ?? 0) < 0)) problems.push({ field: `quotas[${i}].${field}`, message: `whole numbers for ${allowed.join(', ')}` });
        else if (entries.reduce((s, [, v]) => s + (v ?? 0), 0) > q.size) problems.push({ field: `quotas[${i}].${field}`, message: 'adds up to more than the quota' });
      };
      sub(q.bySex, 'bySex', SEXES);
      sub(q.byAgeBand, 'byAgeBand', AGE_BANDS);
    });
    if (input.seed && input.seed.length > 100) problems.push({ field: 'seed', message: 'at most 100 characters' });
    if (problems.length > 0 || !version) throw invalidInput(problems);

    const seed = input.seed || randomUUID();
    const frame = input.frame.map((e, i) => ({ ref: String(i), precinctCode: e.precinctCode, sex: e.sex ?? null, ageBand: e.ageBand ?? null }));
    const sample = drawSample(frame, input.quotas.map((q) => ({ precinctCode: q.precinctCode, size: q.size, bySex: q.bySex ?? undefined, byAgeBand: q.byAgeBand ?? undefined })), seed);
    return this.dataSource.transaction(async (em) => {
      const wave = await this.insertWave(em, user, version, 'area', input.name, input.territoryCode, input.opensOn, input.closesOn, input.quotas, { seed, perPrecinct: sample.perPrecinct, warnings: sample.warnings });
      const expiresAt = endOfLocalDay(input.closesOn);
      const sendFrom = startOfLocalDay(input.opensOn) > now ? startOfLocalDay(input.opensOn) : now;
      const rows = sample.selected.map((ref) => {
        const e = input.frame[Number(ref)];
        const id = randomUUID();
        const p = parsePrecinctCode(e.precinctCode)!;
        return { id, precinct: e.precinctCode, district: p.districtCode, region: p.regionCode, language: e.language ?? 'kk', channel: e.contact.includes('@') ? 'email' : 'sms', contact: e.contact, hash: tokenHash(invitationToken(this.secret, id)).toString('hex') };
      });
      await em.query(
        `INSERT INTO feedback_surveys.invitation (id, source, wave_id, version_id, precinct_code, district_code, region_code, language, channel, contact, token_hash, expires_at, next_attempt_at, created_on)
         SELECT r.id, 'wave', $2, $3, r.precinct, r.district, r.region, r.language, r.channel, r.contact, decode(r.hash, 'hex'), $4, $5, $6
           FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, precinct text, district text, region text, language text, channel text, contact text, hash text)`,
        [JSON.stringify(rows), wave.id, version.id, expiresAt, sendFrom, localDateOf(now)],
      );
      await em.query(`UPDATE feedback_surveys.wave SET invited = $2 WHERE id = $1`, [wave.id, rows.length]);
      await this.audit.record({ actor: auditActor(user), action: 'create', entity: 'survey_wave', entityId: wave.id, purpose: 'run-survey-wave', details: { instrument: version.code, version: version.version, frame: input.frame.length, invited: rows.length } }, em);
      return { ...wave, invited: rows.length };
    });
  }

  /** Opens a staff pulse for a unit (a district police unit). */
  async runPulse(user: AuthenticatedUser, input: PulseInput, now = new Date()): Promise<WaveRow> {
    const problems = this.checkPeriod(input, now);
    if (!/^[A-Z]{3}-[A-Z]{3}$/.test(input.unitCode ?? '')) problems.push({ field: 'unitCode', message: 'a district (police unit) code, e.g. AST-ESL' });
    else if (!mayRunWave(user, input.unitCode)) throw forbidden(`pulses of ${input.unitCode} are run by analysts and heads of that territory`);
    const version = await this.instruments.current('staff-pulse');
    if (!version) problems.push({ field: 'unitCode', message: 'no published staff-pulse instrument' });
    if (problems.length > 0 || !version) throw invalidInput(problems);
    return this.dataSource.transaction(async (em) => {
      const wave = await this.insertWave(em, user, version, 'staff_pulse', input.name, input.unitCode, input.opensOn, input.closesOn, [], null);
      await this.audit.record({ actor: auditActor(user), action: 'create', entity: 'survey_wave', entityId: wave.id, purpose: 'run-staff-pulse', details: { unit: input.unitCode } }, em);
      return wave;
    });
  }

  /** A staff member's answers to the pulse of their unit: once each, and nothing says who. */
  async answerPulse(user: AuthenticatedUser, waveId: string, answers: Answers, now = new Date()): Promise<void> {
    const unit = pulseUnitOf(user);
    if (!unit) throw forbidden('the staff pulse is answered by police staff of a unit');
    await this.dataSource.transaction(async (em) => {
      const [wave] = (await em.query(`SELECT ${WAVE_COLUMNS} FROM feedback_surveys.wave WHERE id = $1 FOR SHARE`, [waveId])) as WaveRow[];
      if (!wave || wave.kind !== 'staff_pulse') throw notFound(`no staff pulse ${waveId}`);
      if (!inside(unit, wave.territory_code)) throw forbidden(`this pulse is for the staff of ${wave.territory_code}`);
      const today = localDateOf(now);
      if (wave.status !== 'open' || today < wave.opens_on || today > wave.closes_on) throw conflict(`this pulse is open from ${wave.opens_on} to ${wave.closes_on}`, 'waveId');
      const version = (await this.instruments.byId(wave.version_id, em))!;
      const problems = checkAnswers(version.definition, answers);
      if (problems.length > 0) throw invalidInput(problems);
      const inserted = (await em.query(
        `INSERT INTO feedback_surveys.pulse_participation (wave_id, participant_hash) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING wave_id`,
        [waveId, participantHash(this.secret, waveId, user.subject)],
      )) as unknown[];
      if (inserted.length === 0) throw conflict('you have already answered this pulse', 'waveId');
      const { answers: kept, masked } = maskTextAnswers(version, answers);
      await em.query(`UPDATE feedback_surveys.wave SET responded = responded + 1 WHERE id = $1`, [waveId]);
      await this.ingestion.enqueue(em, {
        versionId: version.id,
        kind: 'staff_pulse',
        precinctCode: null,
        districtCode: unit,
        regionCode: unit.slice(0, 3),
        serviceLine: null,
        waveId,
        inspectorId: null,
        month: monthOf(today),
        answers: kept,
        masked,
      });
    });
  }

  /** Closes a wave now (its managers), or when its last day has passed (the job). */
  async close(user: AuthenticatedUser | null, waveId: string, now = new Date()): Promise<WaveRow> {
    const wave = await this.get(waveId);
    if (!wave) throw notFound(`no wave ${waveId}`);
    if (user && !mayRunWave(user, wave.territory_code)) throw forbidden(`waves over ${wave.territory_code} are closed by analysts and heads of that territory`);
    if (wave.status === 'closed') throw conflict(`wave ${waveId} is closed already`, 'waveId');
    // Responses still in the inbox belong to the wave's results.
    await this.ingestion.tick(now);
    return this.dataSource.transaction(async (em) => {
      const [locked] = (await em.query(`SELECT status FROM feedback_surveys.wave WHERE id = $1 FOR UPDATE`, [waveId])) as Array<{ status: string }>;
      if (locked.status === 'closed') throw conflict(`wave ${waveId} is closed already`, 'waveId');
      await em.query(`UPDATE feedback_surveys.invitation SET status = 'expired', contact = NULL WHERE wave_id = $1 AND status IN ('pending', 'sent')`, [waveId]);
      // UPDATE ... RETURNING answers [rows, count].
      const [[closed]] = (await em.query(`UPDATE feedback_surveys.wave SET status = 'closed', closed_at = $2 WHERE id = $1 RETURNING ${WAVE_COLUMNS}`, [waveId, now])) as [WaveRow[], number];
      const version = (await this.instruments.byId(closed.version_id, em))!;
      const indices = await this.waveIndices(em, closed, version);
      await this.events.publish(
        em,
        SurveyWaveClosed,
        {
          waveId,
          instrumentCode: version.code,
          instrumentVersion: version.version,
          versionId: version.id,
          kind: closed.kind,
          territoryCode: closed.territory_code,
          opensOn: closed.opens_on,
          closedAt: now.toISOString(),
          invited: closed.invited,
          responded: closed.responded,
          indices,
        },
        { subject: waveId, time: now },
      );
      if (user) await this.audit.record({ actor: auditActor(user), action: 'update', entity: 'survey_wave', entityId: waveId, purpose: 'close-survey-wave' }, em);
      return closed;
    });
  }

  /** Headline indices of a closed wave: its territory and every precinct (area) or unit (pulse) in it. One pass over the wave's responses. */
  async waveIndices(em: EntityManager, wave: WaveRow, version: PublishedVersion): Promise<SurveyWaveIndex[]> {
    const headline = version.indicators.filter((i) => i.headline);
    const rows = (await em.query(`SELECT precinct_code, district_code, answers FROM feedback_surveys.response WHERE wave_id = $1`, [wave.id])) as Array<{ precinct_code: string | null; district_code: string; answers: Answers }>;
    const level = (code: string): SurveyWaveIndex['scopeLevel'] => (code === 'KAZ' ? 'national' : code.length === 3 ? 'region' : code.length === 7 ? 'district' : 'precinct');
    const sums = new Map<string, { n: number; sumX: number; sumX2: number }>();
    const add = (scope: string, indicator: string, x: number) => {
      const key = `${scope}|${indicator}`;
      const s = sums.get(key) ?? { n: 0, sumX: 0, sumX2: 0 };
      s.n += 1;
      s.sumX += x;
      s.sumX2 += x * x;
      sums.set(key, s);
    };
    const scopes = new Set<string>([wave.territory_code]);
    for (const r of rows) {
      const part = wave.kind === 'area' ? r.precinct_code! : r.district_code;
      scopes.add(part);
      const obs = observe(version.definition, headline, r.answers);
      for (const ind of headline) {
        const x = obs.get(ind.code);
        if (x === null || x === undefined) continue;
        add(wave.territory_code, ind.code, x);
        if (part !== wave.territory_code) add(part, ind.code, x);
      }
    }
    const out: SurveyWaveIndex[] = [];
    const round = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
    for (const scope of [...scopes].sort()) {
      for (const ind of headline) {
        const s = sums.get(`${scope}|${ind.code}`) ?? { n: 0, sumX: 0, sumX2: 0 };
        const f = estimateFigure(ind.kind, [{ stratum: '-|-', ...s }], this.minN);
        out.push({ scopeLevel: level(scope), scopeCode: scope, indicator: ind.code, value: round(f.value), lower: round(f.lower), upper: round(f.upper), n: f.n, suppressed: f.suppressed });
      }
    }
    return out;
  }

  private async closeDue(now: Date): Promise<number> {
    const due = (await this.dataSource.query(`SELECT id FROM feedback_surveys.wave WHERE status = 'open' AND closes_on < $1::date`, [localDateOf(now)])) as Array<{ id: string }>;
    for (const { id } of due) {
      await this.close(null, id, now).catch((e: unknown) => this.logger.warn(`wave ${id} not closed: ${String(e)}`));
    }
    return due.length;
  }

  private checkPeriod(input: { name: string; opensOn: string; closesOn: string }, now: Date): FieldError[] {
    const problems: FieldError[] = [];
    if (typeof input.name !== 'string' || input.name.trim().length === 0 || input.name.length > 200) problems.push({ field: 'name', message: '1..200 characters' });
    if (!isLocalDate(input.opensOn)) problems.push({ field: 'opensOn', message: 'a date YYYY-MM-DD' });
    if (!isLocalDate(input.closesOn)) problems.push({ field: 'closesOn', message: 'a date YYYY-MM-DD' });
    else if (input.closesOn < localDateOf(now)) problems.push({ field: 'closesOn', message: 'not in the past' });
    else if (isLocalDate(input.opensOn) && input.closesOn < input.opensOn) problems.push({ field: 'closesOn', message: 'on or after opensOn' });
    return problems;
  }

  private async insertWave(
    em: EntityManager,
    user: AuthenticatedUser,
    version: PublishedVersion,
    kind: 'area' | 'staff_pulse',
    name: string,
    territoryCode: string,
    opensOn: string,
    closesOn: string,
    quotas: QuotaInput[],
    report: unknown,
  ): Promise<WaveRow> {
    const [wave] = (await em.query(
      `INSERT INTO feedback_surveys.wave (version_id, kind, name, territory_code, region_code, opens_on, closes_on, quotas, sample_report, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${WAVE_COLUMNS}`,
      [version.id, kind, name.trim(), territoryCode, territoryCode.slice(0, 3), opensOn, closesOn, JSON.stringify(quotas), report === null ? null : JSON.stringify(report), user.username],
    )) as WaveRow[];
    return wave;
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditLog, auditActor } from '@seriktes/audit';
import { describeJurisdiction, forbidden, type AuthenticatedUser } from '@seriktes/auth';
import { localDateOf } from '@seriktes/calendar';
import { TERRITORY_CODE_PATTERN, type CommissionLevel } from '@seriktes/contracts';
import { conflict, invalidInput, notFound, type FieldError, isUuid } from '@seriktes/runtime';
import { mayManage, mayReadDecisions } from '../access';
import { DEFAULT_ESCALATION_WAITS, waitErrors } from '../deadlines/escalation';

export interface CommissionRow {
  id: string;
  code: string;
  level: CommissionLevel;
  territory_code: string;
  region_code: string;
  host_akimat_id: string;
  name_kk: string;
  name_ru: string;
  name_en: string;
  chair_name: string;
  chair_position: string;
  secretary_username: string | null;
  reminder_working_days: number;
  escalation_waits: number[];
  published: boolean;
  published_at: Date | null;
}

export interface CommissionInput {
  code: string;
  level: string;
  territoryCode: string;
  hostAkimatId: string;
  name: { kk: string; ru: string; en: string };
  chairName: string;
  chairPosition: string;
  secretaryUsername?: string | null;
  memberIds: string[];
  reminderWorkingDays?: number | null;
  escalationWaits?: number[] | null;
}

const TERRITORY = new RegExp(TERRITORY_CODE_PATTERN);

/** Interagency commissions on crime prevention under akimats (republic, region, district), their members and settings. */
@Injectable()
export class CommissionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  async create(user: AuthenticatedUser, input: CommissionInput, now = new Date()): Promise<CommissionRow> {
    const errors: FieldError[] = [];
    if (!/^[A-Z0-9-]{2,32}$/.test(input.code ?? '')) errors.push({ field: 'code', message: 'must be 2-32 capital letters, digits or dashes, e.g. AST-IAC' });
    if (!['republic', 'region', 'district'].includes(input.level)) errors.push({ field: 'level', message: 'must be republic, region or district' });
    const territoryOk = input.level === 'republic' ? input.territoryCode === 'KAZ' : TERRITORY.test(input.territoryCode ?? '') && input.territoryCode.split('-').length === (input.level === 'region' ? 1 : 2);
    if (!territoryOk) errors.push({ field: 'territoryCode', message: 'must be KAZ for the republic, a region code (AST) or a district code (AST-ESL) matching the level' });
    for (const lang of ['kk', 'ru', 'en'] as const) if (!input.name?.[lang]?.trim()) errors.push({ field: `name.${lang}`, message: 'is required' });
    if (!input.chairName?.trim()) errors.push({ field: 'chairName', message: 'is required' });
    if (!input.chairPosition?.trim()) errors.push({ field: 'chairPosition', message: 'is required' });
    const waits = input.escalationWaits ?? [...DEFAULT_ESCALATION_WAITS];
    errors.push(...waitErrors(waits));
    const reminder = input.reminderWorkingDays ?? 2;
    if (!Number.isInteger(reminder) || reminder < 0 || reminder > 20) errors.push({ field: 'reminderWorkingDays', message: 'must be from 0 to 20 working days' });
    if (errors.length) throw invalidInput(errors);
    if (!mayManage(user, input.territoryCode)) throw forbidden(`setting up a commission of ${input.territoryCode} is for its secretariat (${describeJurisdiction(user.jurisdiction)})`);
    return this.dataSource.transaction(async (em) => {
      const ids = [...new Set([input.hostAkimatId, ...(input.memberIds ?? [])])];
      const known = (await em.query(`SELECT id, kind FROM commission_tasks.organisation WHERE id = ANY($1)`, [ids])) as Array<{ id: string; kind: string }>;
      const missing = ids.filter((id) => !known.some((k) => k.id === id));
      if (missing.length) throw invalidInput([{ field: 'memberIds', message: `unknown organisation(s) ${missing.join(', ')}` }]);
      if (known.find((k) => k.id === input.hostAkimatId)?.kind !== 'akimat') throw invalidInput([{ field: 'hostAkimatId', message: 'must be an organisation of kind akimat' }]);
      if (((await em.query(`SELECT 1 FROM commission_tasks.commission WHERE code = $1`, [input.code])) as unknown[]).length) throw conflict(`commission ${input.code} exists already`, 'code');
      const [row] = (await em.query(
        `INSERT INTO commission_tasks.commission (code, level, territory_code, region_code, host_akimat_id, name_kk, name_ru, name_en, chair_name, chair_position, secretary_username, reminder_working_days, escalation_waits, created_at)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14) RETURNING *`,
        [input.code, input.level, input.territoryCode, input.territoryCode.slice(0, 3), input.hostAkimatId, input.name.kk, input.name.ru, input.name.en, input.chairName, input.chairPosition,
         input.secretaryUsername ?? user.username, reminder, waits, now],
      )) as CommissionRow[];
      for (const id of ids) {
        await em.query(`INSERT INTO commission_tasks.commission_member (commission_id, organisation_id, joined_on) VALUES ($1, $2, $3)`, [row.id, id, localDateOf(now)]);
      }
      await this.audit.record({ actor: auditActor(user), action: 'create', entity: 'commission', entityId: row.id, purpose: 'graphql:createCommission' }, em);
      return row;
    });
  }

  async get(id: string, em: EntityManager | DataSource = this.dataSource): Promise<CommissionRow | null> {
    const [row] = (await em.query(`SELECT * FROM commission_tasks.commission WHERE id = $1::uuid`, [id])) as CommissionRow[];
    return row ?? null;
  }

  async byCode(code: string): Promise<CommissionRow | null> {
    const [row] = (await this.dataSource.query(`SELECT * FROM commission_tasks.commission WHERE code = $1`, [code])) as CommissionRow[];
    return row ?? null;
  }

  /** The commission, if the caller manages it; FORBIDDEN or NOT_FOUND otherwise. */
  async managed(user: AuthenticatedUser, id: string, em: EntityManager | DataSource = this.dataSource): Promise<CommissionRow> {
    if (!isUuid(id)) throw invalidInput([{ field: 'commissionId', message: 'is not an id' }]);
    const row = await this.get(id, em);
    if (!row) throw notFound(`commission ${id} not found`);
    if (!mayManage(user, row.territory_code)) throw forbidden(`commission ${row.code} is managed by its secretariat (${describeJurisdiction(user.jurisdiction)})`);
    return row;
  }

  /** Commissions whose territory concerns the caller. */
  async list(user: AuthenticatedUser): Promise<CommissionRow[]> {
    const rows = (await this.dataSource.query(`SELECT * FROM commission_tasks.commission ORDER BY level, code`)) as CommissionRow[];
    return rows.filter((c) => mayReadDecisions(user, c.territory_code));
  }

  async members(commissionId: string): Promise<Array<{ organisation_id: string; joined_on: string }>> {
    return (await this.dataSource.query(
      `SELECT organisation_id, joined_on::text FROM commission_tasks.commission_member WHERE commission_id = $1 AND left_on IS NULL ORDER BY organisation_id`,
      [commissionId],
    )) as Array<{ organisation_id: string; joined_on: string }>;
  }

  async addMember(user: AuthenticatedUser, commissionId: string, organisationId: string, now = new Date()): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      await this.managed(user, commissionId, em);
      if (!((await em.query(`SELECT 1 FROM commission_tasks.organisation WHERE id = $1`, [organisationId])) as unknown[]).length) throw invalidInput([{ field: 'organisationId', message: `unknown organisation ${organisationId}` }]);
      await em.query(
        `INSERT INTO commission_tasks.commission_member (commission_id, organisation_id, joined_on) VALUES ($1, $2, $3)
         ON CONFLICT (commission_id, organisation_id) DO UPDATE SET left_on = NULL`,
        [commissionId, organisationId, localDateOf(now)],
      );
      await this.audit.record({ actor: auditActor(user), action: 'update', entity: 'commission', entityId: commissionId, purpose: 'graphql:addCommissionMember', details: { organisationId } }, em);
    });
  }

  /** Publishes (or withdraws) the commission's public accountability view. */
  async setPublished(user: AuthenticatedUser, commissionId: string, published: boolean, now = new Date()): Promise<CommissionRow> {
    return this.dataSource.transaction(async (em) => {
      await this.managed(user, commissionId, em);
      const [[row]] = (await em.query(`UPDATE commission_tasks.commission SET published = $2, published_at = CASE WHEN $2 THEN $3::timestamptz END WHERE id = $1 RETURNING *`, [commissionId, published, now])) as [CommissionRow[]];
      await this.audit.record({ actor: auditActor(user), action: 'update', entity: 'commission', entityId: commissionId, purpose: 'graphql:publishAccountability', details: { published } }, em);
      return row;
    });
  }
}

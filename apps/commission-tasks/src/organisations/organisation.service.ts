import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditLog, auditActor } from '@seriktes/audit';
import { coversTerritory, describeJurisdiction, forbidden, type AuthenticatedUser } from '@seriktes/auth';
import { isLocalDate, localDateOf } from '@seriktes/calendar';
import { EXECUTOR_KINDS, PARTNER_ORG_ID_PATTERN, SHARING_SCOPES, SharingAgreementChanged, TERRITORY_CODE_PATTERN, type ExecutorKind, type SharingScope } from '@seriktes/contracts';
import { EventPublisher } from '@seriktes/messaging';
import { conflict, invalidInput, notFound, type FieldError } from '@seriktes/runtime';
import { mayManage, organisationOf, readsAcrossTerritory } from '../access';


export interface PersonInput {
  name: string;
  position: string;
  email?: string | null;
  phone?: string | null;
}

export interface OrganisationInput {
  id: string;
  kind: string;
  name: { kk: string; ru: string; en: string };
  territoryCode: string;
  pointOfContact: PersonInput;
  deputy?: PersonInput | null;
  manager?: PersonInput | null;
}

export interface OrganisationRow {
  id: string;
  kind: ExecutorKind;
  name_kk: string;
  name_ru: string;
  name_en: string;
  territory_code: string;
  region_code: string;
  contact_name: string;
  contact_position: string;
  contact_email: string | null;
  contact_phone: string | null;
  deputy_name: string | null;
  deputy_position: string | null;
  manager_name: string | null;
  manager_position: string | null;
}

export interface AgreementRow {
  id: string;
  organisation_id: string;
  scopes: SharingScope[];
  territory_code: string;
  signed_on: string;
  review_on: string;
  revoked_at: Date | null;
}

const ORG_ID = new RegExp(PARTNER_ORG_ID_PATTERN);
const TERRITORY = new RegExp(TERRITORY_CODE_PATTERN);
const text = (value: unknown, max: number) => typeof value === 'string' && value.trim().length > 0 && value.length <= max;

function personErrors(p: PersonInput | null | undefined, field: string, required: boolean): FieldError[] {
  if (!p) return required ? [{ field, message: 'is required' }] : [];
  const errors: FieldError[] = [];
  if (!text(p.name, 200)) errors.push({ field: `${field}.name`, message: 'is required (at most 200 characters)' });
  if (!text(p.position, 200)) errors.push({ field: `${field}.position`, message: 'is required (at most 200 characters)' });
  if (p.email != null && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(p.email)) errors.push({ field: `${field}.email`, message: 'is not an e-mail address' });
  if (p.phone != null && !/^\+7\d{10}$/.test(p.phone)) errors.push({ field: `${field}.phone`, message: 'must be +7 and 10 digits' });
  return errors;
}

/**
 * Agencies and partner organisations, each with a territory and a named point of contact who can
 * commit resources, a deputy and the contact's manager (the second step of escalation); and the
 * information-sharing agreements that decide what a partner may see. Contacts are officials' work
 * details; reading them is audit-logged.
 */
@Injectable()
export class OrganisationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventPublisher,
    private readonly audit: AuditLog,
  ) {}

  async register(user: AuthenticatedUser, input: OrganisationInput): Promise<OrganisationRow> {
    const errors: FieldError[] = [];
    if (!ORG_ID.test(input.id ?? '')) errors.push({ field: 'id', message: 'must be 2-64 lower-case letters, digits or dashes (the partner_org_id of its users)' });
    if (!(EXECUTOR_KINDS as readonly string[]).includes(input.kind)) errors.push({ field: 'kind', message: `must be one of ${EXECUTOR_KINDS.join(', ')}` });
    for (const lang of ['kk', 'ru', 'en'] as const) if (!text(input.name?.[lang], 300)) errors.push({ field: `name.${lang}`, message: 'is required (at most 300 characters)' });
    if (!TERRITORY.test(input.territoryCode ?? '')) errors.push({ field: 'territoryCode', message: 'must be a region, district or precinct code, e.g. AST or AST-ESL' });
    errors.push(...personErrors(input.pointOfContact, 'pointOfContact', true), ...personErrors(input.deputy, 'deputy', false), ...personErrors(input.manager, 'manager', false));
    if (errors.length) throw invalidInput(errors);
    if (!mayManage(user, input.territoryCode)) throw forbidden(`registering organisations of ${input.territoryCode} is for its commission secretary (${describeJurisdiction(user.jurisdiction)})`);
    return this.dataSource.transaction(async (em) => {
      const existing = (await em.query(`SELECT 1 FROM commission_tasks.organisation WHERE id = $1`, [input.id])) as unknown[];
      if (existing.length) throw conflict(`organisation ${input.id} exists already`, 'id');
      const c = input.pointOfContact;
      const [row] = (await em.query(
        `INSERT INTO commission_tasks.organisation (id, kind, name_kk, name_ru, name_en, territory_code, region_code, contact_name, contact_position, contact_email, contact_phone,
                deputy_name, deputy_position, manager_name, manager_position)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15) RETURNING *`,
        [input.id, input.kind, input.name.kk, input.name.ru, input.name.en, input.territoryCode, input.territoryCode.slice(0, 3), c.name, c.position, c.email ?? null, c.phone ?? null,
         input.deputy?.name ?? null, input.deputy?.position ?? null, input.manager?.name ?? null, input.manager?.position ?? null],
      )) as OrganisationRow[];
      await this.audit.record({ actor: auditActor(user), action: 'create', entity: 'organisation', entityId: input.id, purpose: 'graphql:registerOrganisation' }, em);
      return row;
    });
  }

  async get(id: string, em: EntityManager | DataSource = this.dataSource): Promise<OrganisationRow | null> {
    const [row] = (await em.query(`SELECT * FROM commission_tasks.organisation WHERE id = $1`, [id])) as OrganisationRow[];
    return row ?? null;
  }

  /** Organisations of the caller's region (national callers: all), by kind and territory. */
  async list(user: AuthenticatedUser, filter: { kind?: string | null; territoryCode?: string | null }): Promise<OrganisationRow[]> {
    const j = user.jurisdiction;
    const region = j.level === 'national' ? null : 'regionCode' in j ? j.regionCode : undefined;
    if (region === undefined) return [];
    return (await this.dataSource.query(
      `SELECT * FROM commission_tasks.organisation
        WHERE ($1::text IS NULL OR region_code = $1) AND ($2::text IS NULL OR kind = $2)
          AND ($3::text IS NULL OR territory_code = $3 OR starts_with(territory_code, $3 || '-'))
        ORDER BY kind, id`,
      [region, filter.kind ?? null, filter.territoryCode ?? null],
    )) as OrganisationRow[];
  }

  /** Whether the caller may see an organisation's contacts: its own people, the secretariat, staff of its territory. */
  mayReadContacts(user: AuthenticatedUser, org: Pick<OrganisationRow, 'id' | 'territory_code'>): boolean {
    return organisationOf(user) === org.id || mayManage(user, org.territory_code) || (readsAcrossTerritory(user) && coversTerritory(user.jurisdiction, org.territory_code));
  }

  /** Records that contacts were read (officials' work details are personal data too). */
  async recordContactRead(user: AuthenticatedUser, organisationId: string): Promise<void> {
    await this.audit.record({ actor: auditActor(user), action: 'read', entity: 'organisation_contact', entityId: organisationId, purpose: 'graphql:Organisation.contacts' });
  }

  /** Signs (or renews) an information-sharing agreement: what the partner may see beyond the default. */
  async signAgreement(user: AuthenticatedUser, input: { organisationId: string; scopes: string[]; territoryCode: string; signedOn: string; reviewOn: string }, now = new Date()): Promise<AgreementRow> {
    const errors: FieldError[] = [];
    const unknown = (input.scopes ?? []).filter((x) => !(SHARING_SCOPES as readonly string[]).includes(x));
    if (unknown.length) errors.push({ field: 'scopes', message: `unknown scope(s) ${unknown.join(', ')}; known: ${SHARING_SCOPES.join(', ')}` });
    if (!TERRITORY.test(input.territoryCode ?? '')) errors.push({ field: 'territoryCode', message: 'must be a region, district or precinct code' });
    if (!isLocalDate(input.signedOn)) errors.push({ field: 'signedOn', message: 'must be a date YYYY-MM-DD' });
    else if (input.signedOn > localDateOf(now)) errors.push({ field: 'signedOn', message: 'is in the future' });
    if (!isLocalDate(input.reviewOn)) errors.push({ field: 'reviewOn', message: 'must be a date YYYY-MM-DD' });
    else if (isLocalDate(input.signedOn) && input.reviewOn <= input.signedOn) errors.push({ field: 'reviewOn', message: 'must be after signedOn' });
    if (errors.length) throw invalidInput(errors);
    const org = await this.get(input.organisationId);
    if (!org) throw notFound(`organisation ${input.organisationId} not found`);
    if (!mayManage(user, org.territory_code)) throw forbidden(`agreements of ${org.id} are for the secretariat of ${org.region_code}`);
    return this.dataSource.transaction(async (em) => {
      // A new agreement replaces the one in force.
      await em.query(`UPDATE commission_tasks.sharing_agreement SET revoked_at = $2 WHERE organisation_id = $1 AND revoked_at IS NULL`, [org.id, now]);
      const scopes = [...new Set(input.scopes)] as SharingScope[];
      const [row] = (await em.query(
        `INSERT INTO commission_tasks.sharing_agreement (organisation_id, scopes, territory_code, signed_on, review_on, recorded_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id, organisation_id, scopes, territory_code, signed_on::text, review_on::text, revoked_at`,
        [org.id, scopes, input.territoryCode, input.signedOn, input.reviewOn, user.username, now],
      )) as AgreementRow[];
      await this.publishAgreement(em, row, 'active', now);
      await this.audit.record({ actor: auditActor(user), action: 'create', entity: 'sharing_agreement', entityId: row.id, purpose: 'graphql:signSharingAgreement', details: { organisationId: org.id, scopes } }, em);
      return row;
    });
  }

  async revokeAgreement(user: AuthenticatedUser, id: string, now = new Date()): Promise<AgreementRow> {
    return this.dataSource.transaction(async (em) => {
      const [row] = (await em.query(
        `SELECT a.id, a.organisation_id, a.scopes, a.territory_code, a.signed_on::text, a.review_on::text, a.revoked_at, o.territory_code AS org_territory
           FROM commission_tasks.sharing_agreement a JOIN commission_tasks.organisation o ON o.id = a.organisation_id WHERE a.id = $1 FOR UPDATE OF a`,
        [id],
      )) as Array<AgreementRow & { org_territory: string }>;
      if (!row) throw notFound(`agreement ${id} not found`);
      if (!mayManage(user, row.org_territory)) throw forbidden(`agreements of ${row.organisation_id} are for its secretariat`);
      if (row.revoked_at) throw conflict(`agreement ${id} is revoked already`);
      await em.query(`UPDATE commission_tasks.sharing_agreement SET revoked_at = $2 WHERE id = $1`, [id, now]);
      await this.publishAgreement(em, row, 'revoked', now);
      await this.audit.record({ actor: auditActor(user), action: 'update', entity: 'sharing_agreement', entityId: id, purpose: 'graphql:revokeSharingAgreement' }, em);
      return { ...row, revoked_at: now };
    });
  }

  private publishAgreement(em: EntityManager, row: AgreementRow, status: 'active' | 'revoked', now: Date) {
    return this.events.publish(
      em,
      SharingAgreementChanged,
      { agreementId: row.id, partnerOrgId: row.organisation_id, status, scopes: row.scopes, territoryCode: row.territory_code, signedOn: row.signed_on, reviewOn: row.review_on, changedAt: now.toISOString() },
      { subject: row.organisation_id, time: now },
    );
  }

  async agreements(organisationId: string): Promise<AgreementRow[]> {
    return (await this.dataSource.query(
      `SELECT id, organisation_id, scopes, territory_code, signed_on::text, review_on::text, revoked_at FROM commission_tasks.sharing_agreement WHERE organisation_id = $1 ORDER BY created_at DESC`,
      [organisationId],
    )) as AgreementRow[];
  }

  /** The scopes an organisation holds at `now`: those of its agreement in force and not past its review date. */
  async scopesOf(organisationId: string, now = new Date(), em: EntityManager | DataSource = this.dataSource): Promise<SharingScope[]> {
    const rows = (await em.query(
      `SELECT scopes FROM commission_tasks.sharing_agreement WHERE organisation_id = $1 AND revoked_at IS NULL AND signed_on <= $2::date AND review_on >= $2::date`,
      [organisationId, localDateOf(now)],
    )) as Array<{ scopes: SharingScope[] }>;
    return [...new Set(rows.flatMap((r) => r.scopes))];
  }
}

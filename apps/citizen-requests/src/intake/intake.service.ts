import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditLog, type AuditActor } from '@seriktes/audit';
import { coversPrecinct, describeJurisdiction, forbidden, territoryCondition, type AuthenticatedUser } from '@seriktes/auth';
import { CitizenRequestRegistered } from '@seriktes/contracts';
import { decodeCursor, encodeCursor } from '@seriktes/graphql';
import { EventPublisher } from '@seriktes/messaging';
import { mayRead, registeringRole } from './access';
import { CitizenRequestEntity } from './citizen-request.entity';
import type { RegisterRequestInput, RegistrationCoupon } from './dto';
import { regionOfPrecinct, registrationNumber, yearInKazakhstan } from './registration';

export const AUDIT_ENTITY = 'citizen_request';

export interface RequestPage {
  rows: CitizenRequestEntity[];
  size: number;
  totalCount: number;
}

const actorOf = (user: AuthenticatedUser): AuditActor => ({ subject: user.subject, username: user.username, roles: user.roles });

/** Keyset cursor of a request in the newest-first order. */
export const requestCursor = (row: Pick<CitizenRequestEntity, 'registeredAt' | 'id'>) => encodeCursor([row.registeredAt.toISOString(), row.id]);

@Injectable()
export class IntakeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventPublisher,
    private readonly audit: AuditLog,
  ) {}

  /** Registers a request, its event and its audit entry in one transaction, and returns the coupon. */
  register(input: RegisterRequestInput, by: AuthenticatedUser, now = new Date()): Promise<RegistrationCoupon> {
    return this.dataSource.transaction((em) => this.registerIn(em, input, by, now));
  }

  /** The same, inside a caller's transaction (the caller commits or rolls back all of it). */
  async registerIn(em: EntityManager, input: RegisterRequestInput, by: AuthenticatedUser, now = new Date()): Promise<RegistrationCoupon> {
    const receivedAt = input.receivedAt ? new Date(input.receivedAt) : now;
    if (receivedAt.getTime() > now.getTime() + 60_000) {
      throw new BadRequestException({ statusCode: 400, message: 'invalid input', errors: [{ field: '/receivedAt', message: 'is in the future' }] });
    }
    const regionCode = regionOfPrecinct(input.precinctCode);
    const year = yearInKazakhstan(now);
    const [{ last_value: sequence }] = (await em.query(
      `INSERT INTO "citizen_requests"."registration_counter" ("region_code", "year", "last_value") VALUES ($1, $2, 1)
       ON CONFLICT ("region_code", "year") DO UPDATE SET "last_value" = "registration_counter"."last_value" + 1
       RETURNING "last_value"`,
      [regionCode, year],
    )) as Array<{ last_value: number }>;
    const request = em.create(CitizenRequestEntity, {
      registrationNumber: registrationNumber(regionCode, year, sequence),
      kind: input.kind,
      category: input.category,
      channel: input.channel,
      regionCode,
      precinctCode: input.precinctCode,
      description: input.description,
      receivedAt,
      registeredAt: now,
      registeredBySubject: by.subject,
      registeredByRole: registeringRole(by) ?? null,
    });
    await em.save(request);
    await this.audit.record({ actor: actorOf(by), action: 'create', entity: AUDIT_ENTITY, entityId: request.id, purpose: 'register', details: { channel: request.channel } }, em);
    await this.events.publish(
      em,
      CitizenRequestRegistered,
      {
        requestId: request.id,
        registrationNumber: request.registrationNumber,
        kind: request.kind,
        category: request.category,
        channel: request.channel,
        regionCode,
        precinctCode: request.precinctCode,
        receivedAt: receivedAt.toISOString(),
        registeredAt: now.toISOString(),
      },
      { subject: request.id, time: now },
    );
    return {
      id: request.id,
      registrationNumber: request.registrationNumber,
      registeredAt: now.toISOString(),
      receivedAt: receivedAt.toISOString(),
      acceptedBy: request.registeredByRole === 'citizen' || !request.registeredByRole ? `channel:${request.channel}` : `${request.registeredByRole}:${by.username}`,
    };
  }

  /**
   * One request, if the caller may read it (audited as a read); `undefined` if there is none;
   * FORBIDDEN (audited as denied) if it lies outside the caller's jurisdiction.
   */
  async find(id: string, user: AuthenticatedUser, purpose: string): Promise<CitizenRequestEntity | undefined> {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return undefined;
    const found = await this.dataSource.getRepository(CitizenRequestEntity).findOneBy({ id });
    if (!found) return undefined;
    if (!mayRead(user, found)) {
      await this.audit.record({ actor: actorOf(user), action: 'denied', entity: AUDIT_ENTITY, entityId: id, purpose, details: { jurisdiction: describeJurisdiction(user.jurisdiction) } });
      throw forbidden(`request ${id} is outside your jurisdiction (${describeJurisdiction(user.jurisdiction)})`);
    }
    await this.audit.record({ actor: actorOf(user), action: 'read', entity: AUDIT_ENTITY, entityId: id, purpose });
    return found;
  }

  async get(id: string, user: AuthenticatedUser): Promise<CitizenRequestEntity> {
    const found = await this.find(id, user, 'http:GET /requests/:id');
    if (!found) throw new NotFoundException(`request ${id} not found`);
    return found;
  }

  /**
   * A page of requests, newest first, restricted in the query itself to the caller's jurisdiction
   * (and to one precinct if asked; a precinct outside the jurisdiction is FORBIDDEN). Every
   * returned request is audited as read.
   */
  async list(user: AuthenticatedUser, filter: { precinctCode?: string }, page: { size: number; after?: string }, purpose: string): Promise<RequestPage> {
    if (filter.precinctCode !== undefined && !coversPrecinct(user.jurisdiction, filter.precinctCode) && user.jurisdiction.level !== 'self') {
      await this.audit.record({ actor: actorOf(user), action: 'denied', entity: AUDIT_ENTITY, purpose, details: { precinctCode: filter.precinctCode, jurisdiction: describeJurisdiction(user.jurisdiction) } });
      throw forbidden(`precinct ${filter.precinctCode} is outside your jurisdiction (${describeJurisdiction(user.jurisdiction)})`);
    }
    const scope = territoryCondition(user.jurisdiction, { precinct: 'r.precinct_code', region: 'r.region_code', owner: 'r.registered_by_subject' });
    const conditions = [scope.sql];
    const params: unknown[] = [...scope.params];
    if (filter.precinctCode !== undefined) {
      params.push(filter.precinctCode);
      conditions.push(`r.precinct_code = $${params.length}`);
    }
    const counted = [...conditions];
    const countParams = [...params];
    if (page.after) {
      const [time, id] = decodeCursor(page.after, 2);
      params.push(new Date(String(time)), String(id));
      conditions.push(`(r.registered_at, r.id) < ($${params.length - 1}, $${params.length}::uuid)`);
    }
    params.push(page.size + 1);
    const repository = this.dataSource.getRepository(CitizenRequestEntity);
    const ids = (await this.dataSource.query(
      `SELECT r.id FROM citizen_requests.citizen_request r WHERE ${conditions.join(' AND ')}
       ORDER BY r.registered_at DESC, r.id DESC LIMIT $${params.length}`,
      params,
    )) as Array<{ id: string }>;
    const [{ n }] = (await this.dataSource.query(
      `SELECT count(*)::int AS n FROM citizen_requests.citizen_request r WHERE ${counted.join(' AND ')}`,
      countParams,
    )) as Array<{ n: number }>;
    const byId = new Map((ids.length ? await repository.findBy(ids.map(({ id }) => ({ id }))) : []).map((row) => [row.id, row]));
    const rows = ids.map(({ id }) => byId.get(id)).filter((row): row is CitizenRequestEntity => row !== undefined);
    const shown = rows.slice(0, page.size).map((row) => row.id);
    if (shown.length) await this.audit.record({ actor: actorOf(user), action: 'read', entity: AUDIT_ENTITY, entityIds: shown, purpose });
    return { rows, size: page.size, totalCount: n };
  }
}

import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditLog } from '@seriktes/audit';
import { coversTerritory, describeJurisdiction, forbidden, territoryCondition, type AuthenticatedUser } from '@seriktes/auth';
import { localDateOf, WorkingCalendar } from '@seriktes/calendar';
import { CitizenRequestAssigned, CitizenRequestRegistered } from '@seriktes/contracts';
import { decodeCursor, encodeCursor } from '@seriktes/graphql';
import { EventPublisher } from '@seriktes/messaging';
import { PersonalDataSealer } from '../applicants/sealer';
import { isEmail, isValidIin, normaliseKzPhone } from '../applicants/identity-rules';
import { validateAttributes } from '../categories/attributes';
import { isUrgent, kindAllowed, termFor, type CategoryDefinition } from '../categories/catalogue';
import { CategoryService } from '../categories/category.service';
import { termOf, warnAt, warnAtForTarget } from '../clock/legal-clock';
import { conflict, invalidInput, notFound, type FieldError, isUuid } from '@seriktes/runtime';
import { NotificationService } from '../notifications/notification.service';
import { RosterClient, RosterUnavailableError } from '../routing/roster.client';
import { districtOf, route, type Route } from '../routing/rules';
import { actorOf, AUDIT_ENTITY, RequestJournal, type Actor } from '../workflow/journal';
import { mayRead, registeringRole, STAFF_READ_ROLES } from './access';
import { CitizenRequestEntity, STAFF_CHANNELS } from './citizen-request.entity';
import type { DuplicateSuggestion, RegisterRequestInput, RegistrationCoupon } from './dto';
import { URGENT_ADVICE } from './graphql.types';
import { regionOfPrecinct, registrationNumber, yearInKazakhstan } from './registration';

export { AUDIT_ENTITY };

export interface RequestPage {
  rows: CitizenRequestEntity[];
  size: number;
  totalCount: number;
}

export interface RequestFilter {
  precinctCode?: string;
  districtCode?: string;
  regionCode?: string;
  status?: string[];
  categoryCode?: string;
  kind?: string;
  overdue?: boolean;
  routingPending?: boolean;
  queue?: string;
  assigneeId?: string;
  from?: Date;
  to?: Date;
}

/** Who registers through a partner client (Open311 app, Telegram bot): the client, not a person's token. */
export interface PartnerClient {
  id: string;
  name: string;
  channel: 'open311' | 'telegram' | 'partner';
}

/** Keyset cursor of a request in the newest-first order. */
export const requestCursor = (row: Pick<CitizenRequestEntity, 'registeredAt' | 'id'>) => encodeCursor([row.registeredAt.toISOString(), row.id]);

const DUPLICATE_RADIUS_M = 50;
const DUPLICATE_WINDOW_DAYS = 30;


/** A place decided before the transaction: the precinct and where the request goes in it. */
interface Placement {
  precinctCode: string | null;
  districtCode: string | null;
  regionCode: string;
  route: Route | null;
  pendingReason?: string;
}

@Injectable()
export class IntakeService {
  private readonly logger = new Logger('IntakeService');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventPublisher,
    private readonly audit: AuditLog,
    private readonly journal: RequestJournal,
    private readonly categories: CategoryService,
    private readonly roster: RosterClient,
    private readonly sealer: PersonalDataSealer,
    private readonly notifications: NotificationService,
    private readonly calendar: WorkingCalendar,
  ) {}

  /**
   * Registers a request and returns its coupon. Every rule is checked before anything is written;
   * a valid request is always registered, even when the roster cannot place it yet (it is then
   * routed by the scheduler, or by hand). A retried submit with the same idempotency key returns
   * the first coupon.
   */
  async register(input: RegisterRequestInput, by: AuthenticatedUser, options: { client?: PartnerClient; now?: Date } = {}): Promise<RegistrationCoupon> {
    const now = options.now ?? new Date();
    const owner = options.client ? `client:${options.client.id}` : by.subject;
    const fingerprint = fingerprintOf(input);
    if (input.idempotencyKey) {
      const replay = await this.replay(owner, input.idempotencyKey, fingerprint);
      if (replay) return replay;
    }
    const { category, attributes, applicant, receivedAt } = await this.check(input, by, options.client, now);
    const urgent = isUrgent(category, attributes);
    const placement = await this.place(input, category, urgent, by, now);
    try {
      const coupon = await this.dataSource.transaction((em) =>
        this.write(em, { input, category, attributes, applicant, receivedAt, urgent, placement, owner, fingerprint, by, client: options.client, now }),
      );
      coupon.possibleDuplicates = STAFF_READ_ROLES.some((r) => by.roles.includes(r)) ? await this.duplicatesOf(coupon.id) : [];
      return coupon;
    } catch (error) {
      // Two concurrent submits with one key: the loser finds the winner's request.
      if (input.idempotencyKey && (error as { code?: string }).code === '23505' && String((error as { constraint?: string }).constraint) === 'citizen_request_idempotency_uq') {
        const replay = await this.replay(owner, input.idempotencyKey, fingerprint);
        if (replay) return replay;
      }
      throw error;
    }
  }

  /**
   * The same inside a caller's transaction (the caller commits or rolls back all of it): for
   * imports and tests. No idempotency replay and no duplicate suggestions.
   */
  async registerIn(em: EntityManager, input: RegisterRequestInput, by: AuthenticatedUser, now = new Date()): Promise<RegistrationCoupon> {
    const { category, attributes, applicant, receivedAt } = await this.check(input, by, undefined, now);
    const urgent = isUrgent(category, attributes);
    const placement = await this.place(input, category, urgent, by, now);
    return this.write(em, { input, category, attributes, applicant, receivedAt, urgent, placement, owner: by.subject, fingerprint: fingerprintOf(input), by, now });
  }

  /** The rules of intake beyond the shape of the input, all at once as field-level errors. */
  private async check(input: RegisterRequestInput, by: AuthenticatedUser, client: PartnerClient | undefined, now: Date) {
    const errors: FieldError[] = [];
    const category = await this.categories.get(input.categoryCode);
    if (!category || !category.active) errors.push({ field: 'categoryCode', message: `unknown category "${input.categoryCode}"` });
    else if (!kindAllowed(category, input.kind)) {
      errors.push({ field: 'kind', message: `a ${input.kind} is not accepted in the category ${category.code} (allowed: ${category.kinds.join(', ')})` });
    }
    const staff = STAFF_READ_ROLES.some((r) => by.roles.includes(r));
    if (client) {
      if (input.channel !== client.channel) errors.push({ field: 'channel', message: `this client registers through the ${client.channel} channel` });
    } else if (STAFF_CHANNELS.includes(input.channel)) {
      if (!staff) errors.push({ field: 'channel', message: `only police staff register ${input.channel} requests` });
    } else if (input.channel !== 'web') {
      errors.push({ field: 'channel', message: `${input.channel} requests come through a registered partner client (Open311 api_key)` });
    }
    let receivedAt = now;
    if (input.receivedAt) {
      if (!STAFF_CHANNELS.includes(input.channel) || !staff) errors.push({ field: 'receivedAt', message: 'is given only by staff for walk-in, letter and 102 hand-over requests' });
      else {
        receivedAt = new Date(input.receivedAt);
        if (receivedAt.getTime() > now.getTime() + 60_000) errors.push({ field: 'receivedAt', message: 'is in the future' });
        else if (now.getTime() - receivedAt.getTime() > 31 * 86400_000) errors.push({ field: 'receivedAt', message: 'is more than 31 days ago: register late mail with the date it reached the police' });
      }
    }
    if (!input.location && !input.precinctCode) errors.push({ field: 'location', message: 'give the location (lat, lon) or the precinct' });
    if (input.precinctCode && !staff) errors.push({ field: 'precinctCode', message: 'is chosen by staff; give the location instead' });
    let applicant = input.applicant ?? null;
    if (input.kind === 'tip') {
      if (applicant) errors.push({ field: 'applicant', message: 'a tip is anonymous: leave the applicant out' });
      applicant = null;
    } else if (!applicant) {
      errors.push({ field: 'applicant', message: 'is required: anonymous appeals are not considered (report a crime or threat anonymously as a tip)' });
    } else {
      applicant = { ...applicant, fullName: applicant.fullName.trim() };
      if (applicant.iin && !isValidIin(applicant.iin)) errors.push({ field: 'applicant.iin', message: 'is not a valid IIN (12 digits with a correct check digit)' });
      if (applicant.phone) {
        const phone = normaliseKzPhone(applicant.phone);
        if (!phone) errors.push({ field: 'applicant.phone', message: 'must be a Kazakh phone number like +77011234567' });
        else applicant.phone = phone;
      }
      if (applicant.email && !isEmail(applicant.email)) errors.push({ field: 'applicant.email', message: 'is not an e-mail address' });
    }
    let attributes: Record<string, string | number | string[]> = {};
    if (category) {
      const checked = validateAttributes(category, input.attributes ?? {});
      attributes = checked.values;
      errors.push(...checked.errors);
    }
    if (errors.length) throw invalidInput(errors);
    return { category: category!, attributes, applicant, receivedAt };
  }

  /** Finds the precinct and the route through the roster; a roster that does not answer leaves routing pending. */
  private async place(input: RegisterRequestInput, category: CategoryDefinition, urgent: boolean, by: AuthenticatedUser, now: Date): Promise<Placement> {
    const fallbackRegion = by.jurisdiction.level === 'region' || by.jurisdiction.level === 'district' || by.jurisdiction.level === 'precinct' ? by.jurisdiction.regionCode : 'KAZ';
    let precinctCode = input.precinctCode ?? null;
    try {
      if (!precinctCode && input.location) {
        const found = await this.roster.locate(input.location.lat, input.location.lon);
        if (!found) throw invalidInput([{ field: 'location', message: 'is not within 1 km of any precinct: check the point, or have staff choose the precinct' }]);
        precinctCode = found.precinctCode;
      } else if (precinctCode && !(await this.roster.precinctExists(precinctCode))) {
        throw invalidInput([{ field: 'precinctCode', message: `there is no precinct ${precinctCode}` }]);
      }
      return { precinctCode, districtCode: districtOf(precinctCode!), regionCode: regionOfPrecinct(precinctCode!), route: await this.routeIn(precinctCode!, category, urgent, now) };
    } catch (error) {
      if (!(error instanceof RosterUnavailableError)) throw error;
      this.logger.warn(`registering without a precinct for now: ${error.message}`);
      if (precinctCode) return { precinctCode, districtCode: districtOf(precinctCode), regionCode: regionOfPrecinct(precinctCode), route: null, pendingReason: error.message };
      return { precinctCode: null, districtCode: null, regionCode: fallbackRegion ?? 'KAZ', route: null, pendingReason: error.message };
    }
  }

  /** The route within a known precinct (the roster's duty data, or the district's desk). */
  async routeIn(precinctCode: string, category: CategoryDefinition, urgent: boolean, now: Date): Promise<Route> {
    const desk =
      category.routing.target === 'desk'
        ? (((await this.dataSource.query(`SELECT inspector_id, inspector_name FROM citizen_requests.desk WHERE district_code = $1 AND desk = $2`, [
            districtOf(precinctCode),
            category.routing.desk,
          ])) as Array<{ inspector_id: string | null; inspector_name: string | null }>)[0] ?? null)
        : null;
    const needsDuty = urgent || category.routing.target === 'precinct-inspector';
    const duty = needsDuty ? await this.roster.onDuty(precinctCode, now) : null;
    return route({ precinctCode, rule: category.routing, urgent, duty, desk: desk ? { inspectorId: desk.inspector_id, inspectorName: desk.inspector_name } : null });
  }

  private async write(
    em: EntityManager,
    w: {
      input: RegisterRequestInput;
      category: CategoryDefinition;
      attributes: Record<string, string | number | string[]>;
      applicant: RegisterRequestInput['applicant'];
      receivedAt: Date;
      urgent: boolean;
      placement: Placement;
      owner: string;
      fingerprint: string;
      by: AuthenticatedUser;
      client?: PartnerClient;
      now: Date;
    },
  ): Promise<RegistrationCoupon> {
    const { input, category, placement, now } = w;
    const year = yearInKazakhstan(now);
    const [{ last_value: sequence }] = (await em.query(
      `INSERT INTO citizen_requests.registration_counter (region_code, year, last_value) VALUES ($1, $2, 1)
       ON CONFLICT (region_code, year) DO UPDATE SET last_value = registration_counter.last_value + 1
       RETURNING last_value`,
      [placement.regionCode, year],
    )) as Array<{ last_value: number }>;
    const term = termOf(w.receivedAt, termFor(category, input.kind), this.calendar);
    const routed = placement.route !== null && placement.precinctCode !== null;
    const request = em.create(CitizenRequestEntity, {
      registrationNumber: registrationNumber(placement.regionCode, year, sequence),
      kind: input.kind,
      category: category.code,
      channel: input.channel,
      regionCode: placement.regionCode,
      precinctCode: placement.precinctCode,
      districtCode: placement.districtCode,
      description: input.description.trim(),
      receivedAt: w.receivedAt,
      registeredAt: now,
      registeredBySubject: w.owner,
      registeredByRole: w.client ? 'partner_client' : (registeringRole(w.by) ?? null),
      status: routed ? 'assigned' : 'registered',
      lat: input.location?.lat ?? null,
      lon: input.location?.lon ?? null,
      place: input.place?.trim() || null,
      attributes: w.attributes,
      priority: w.urgent ? 'critical' : category.priority,
      urgent: w.urgent,
      sensitive: category.sensitive,
      routingPending: !routed,
      assigneeId: placement.route?.assigneeId ?? null,
      assigneeName: placement.route?.assigneeName ?? null,
      queue: placement.route?.queue ?? null,
      countedFrom: term.countedFrom,
      dueAt: term.dueAt ?? term.targetAt,
      originalDueAt: term.dueAt ?? term.targetAt,
      maxDueAt: term.maxDueAt,
      redirectDueAt: term.redirectDueAt,
      underControl: false,
      repeatOf: null,
      language: input.language ?? 'ru',
      clientId: w.client?.id ?? null,
      acceptedBy: acceptedByOf(w.by, w.client, input.channel),
      idempotencyKey: input.idempotencyKey ?? null,
      idempotencyFingerprint: input.idempotencyKey ? w.fingerprint : null,
      version: 1,
      updatedAt: now,
    });
    await em.save(request);
    if (w.applicant) {
      const { keyId, sealed } = this.sealer.seal({ fullName: w.applicant.fullName, iin: w.applicant.iin ?? null, phone: w.applicant.phone ?? null, email: w.applicant.email ?? null, address: w.applicant.address ?? null });
      await em.query(
        `INSERT INTO citizen_requests.applicant (request_id, key_id, sealed, iin_hash, phone_hash, has_phone, has_email, opted_out) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [request.id, keyId, sealed, this.sealer.lookupHash('iin', w.applicant.iin), this.sealer.lookupHash('phone', w.applicant.phone), Boolean(w.applicant.phone), Boolean(w.applicant.email), w.applicant.optOut === true],
      );
    }
    const actor: Actor = w.client ? { subject: w.owner, name: w.client.name, role: 'partner_client', audit: { subject: w.owner, username: w.client.name, roles: ['partner_client'] } } : actorOf(w.by);
    await this.journal.transition(em, { requestId: request.id, precinctCode: request.precinctCode, action: 'register', from: null, to: 'registered', actor, details: { channel: request.channel, urgent: w.urgent }, at: now });
    if (term.dueAt) await this.journal.setDeadline(em, request.id, 'answer', term.dueAt, warnAt(term.dueAt, termFor(category, input.kind).approachingWorkingDays, this.calendar));
    else if (term.targetAt) await this.journal.setDeadline(em, request.id, 'internal-target', term.targetAt, warnAtForTarget(w.receivedAt, term.targetAt));
    // The registration event goes out once the precinct is known (now, or when routing catches up);
    // the assignment only once the roster has answered.
    if (request.precinctCode) await this.publishRegistered(em, request);
    if (routed) await this.recordRoute(em, request, placement.route!, 'registered', actor, now);
    await this.notifications.enqueue(em, request.id, w.urgent ? 'urgent-call-102' : 'registered', { dueDate: term.dueAt ? localDateOf(term.dueAt) : undefined });
    return this.coupon(request, false);
  }

  /** The registration event (once the request has its precinct: at registration, or when routing catches up). */
  async publishRegistered(em: EntityManager, request: CitizenRequestEntity): Promise<void> {
    await this.events.publish(
      em,
      CitizenRequestRegistered,
      {
        requestId: request.id,
        registrationNumber: request.registrationNumber,
        kind: request.kind,
        category: request.category,
        channel: request.channel,
        regionCode: request.regionCode,
        precinctCode: request.precinctCode!,
        receivedAt: request.receivedAt.toISOString(),
        registeredAt: request.registeredAt.toISOString(),
      },
      { subject: request.id, time: request.registeredAt },
    );
  }

  /** Records a route: the transition to assigned (or a re-route within the status) and the assigned event. */
  async recordRoute(em: EntityManager, request: CitizenRequestEntity, r: Route, from: CitizenRequestEntity['status'], actor: Actor, now: Date, reason?: string): Promise<void> {
    const to = from === 'registered' ? 'assigned' : from;
    await this.journal.transition(em, {
      requestId: request.id,
      precinctCode: request.precinctCode,
      action: 'route',
      from,
      to,
      actor,
      reason: reason ?? r.explanation,
      details: { precinctCode: request.precinctCode, assigneeId: r.assigneeId, queue: r.queue },
      at: now,
    });
    await this.events.publish(
      em,
      CitizenRequestAssigned,
      { requestId: request.id, precinctCode: request.precinctCode!, inspectorId: r.assigneeId, assignedAt: now.toISOString(), dueAt: request.dueAt?.toISOString() ?? null, queue: r.queue },
      { subject: request.id, time: now },
    );
  }

  coupon(request: CitizenRequestEntity, replayed: boolean): RegistrationCoupon {
    return {
      id: request.id,
      registrationNumber: request.registrationNumber,
      registeredAt: request.registeredAt.toISOString(),
      receivedAt: request.receivedAt.toISOString(),
      countedFrom: request.countedFrom,
      dueAt: request.kind === 'tip' ? null : (request.dueAt?.toISOString() ?? null),
      acceptedBy: request.acceptedBy ?? `channel:${request.channel}`,
      channel: request.channel,
      status: request.status,
      precinctCode: request.precinctCode,
      urgent: request.urgent,
      advice: request.urgent ? URGENT_ADVICE : null,
      replayed,
      possibleDuplicates: [],
    };
  }

  private async replay(owner: string, key: string, fingerprint: string): Promise<RegistrationCoupon | undefined> {
    const found = await this.dataSource.getRepository(CitizenRequestEntity).findOneBy({ registeredBySubject: owner, idempotencyKey: key });
    if (!found) return undefined;
    if (found.idempotencyFingerprint !== fingerprint) {
      throw conflict(`idempotency key ${key} was already used for a different request (${found.registrationNumber})`, 'idempotencyKey');
    }
    return this.coupon(found, true);
  }

  /**
   * Possible duplicates of a request: same category, within 50 m, open or closed in the last 30
   * days (FixMyStreet practice), nearest first. A lat/lon box on the index first, then the exact
   * great-circle distance.
   */
  async duplicatesOf(requestId: string, radiusM = DUPLICATE_RADIUS_M, windowDays = DUPLICATE_WINDOW_DAYS): Promise<DuplicateSuggestion[]> {
    const rows = (await this.dataSource.query(
      `WITH me AS (SELECT id, category, lat, lon, registered_at FROM citizen_requests.citizen_request WHERE id = $1 AND lat IS NOT NULL)
       SELECT r.id, r.registration_number, r.status, r.registered_at,
              (6371008.8 * 2 * asin(sqrt(power(sin(radians(r.lat - me.lat) / 2), 2) + cos(radians(me.lat)) * cos(radians(r.lat)) * power(sin(radians(r.lon - me.lon) / 2), 2)))) AS distance
         FROM me JOIN citizen_requests.citizen_request r
           ON r.category = me.category AND r.id <> me.id AND r.lat IS NOT NULL
          AND r.lat BETWEEN me.lat - $2 / 111320.0 AND me.lat + $2 / 111320.0
          AND r.lon BETWEEN me.lon - $2 / (111320.0 * cos(radians(me.lat))) AND me.lon + $2 / (111320.0 * cos(radians(me.lat)))
          AND r.registered_at <= me.registered_at
          AND (r.closed_at IS NULL OR r.closed_at >= me.registered_at - make_interval(days => $3))
          AND r.registered_at >= me.registered_at - make_interval(days => $3) - interval '1 year'
          AND NOT EXISTS (SELECT 1 FROM citizen_requests.request_link l WHERE l.request_id = me.id AND l.linked_id = r.id)
        ORDER BY distance, r.registered_at DESC`,
      [requestId, radiusM, windowDays],
    )) as Array<{ id: string; registration_number: string; status: string; registered_at: Date; distance: number }>;
    return rows
      .filter((r) => r.distance <= radiusM)
      .map((r) => ({ id: r.id, registrationNumber: r.registration_number, status: r.status, distanceMetres: Math.round(r.distance * 10) / 10, registeredAt: r.registered_at.toISOString() }));
  }

  /**
   * One request, if the caller may read it (audited as a read); `undefined` if there is none;
   * FORBIDDEN (audited as denied) if it lies outside the caller's jurisdiction.
   */
  async find(id: string, user: AuthenticatedUser, purpose: string): Promise<CitizenRequestEntity | undefined> {
    if (!isUuid(id)) return undefined;
    const found = await this.dataSource.getRepository(CitizenRequestEntity).findOneBy({ id });
    if (!found) return undefined;
    await this.assertMayRead(user, found, purpose);
    await this.audit.record({ actor: actorOf(user).audit, action: 'read', entity: AUDIT_ENTITY, entityId: id, purpose });
    return found;
  }

  async assertMayRead(user: AuthenticatedUser, request: CitizenRequestEntity, purpose: string): Promise<void> {
    if (!mayRead(user, request)) {
      await this.audit.record({ actor: actorOf(user).audit, action: 'denied', entity: AUDIT_ENTITY, entityId: request.id, purpose, details: { jurisdiction: describeJurisdiction(user.jurisdiction) } });
      throw forbidden(`request ${request.id} is outside your jurisdiction (${describeJurisdiction(user.jurisdiction)})`);
    }
  }

  async get(id: string, user: AuthenticatedUser, purpose = 'http:GET /requests/:id'): Promise<CitizenRequestEntity> {
    const found = await this.find(id, user, purpose);
    if (!found) throw notFound(`request ${id} not found`);
    return found;
  }

  /**
   * A page of requests, newest first, restricted in the query itself to the caller's jurisdiction
   * (a territory outside it is FORBIDDEN). Every returned request is audited as read.
   */
  async list(user: AuthenticatedUser, filter: RequestFilter, page: { size: number; after?: string }, purpose: string, now = new Date()): Promise<RequestPage> {
    const asked = [filter.precinctCode, filter.districtCode, filter.regionCode].filter((code): code is string => code !== undefined);
    const outside = user.jurisdiction.level === 'self' ? undefined : asked.find((code) => !coversTerritory(user.jurisdiction, code));
    if (outside !== undefined) {
      await this.audit.record({ actor: actorOf(user).audit, action: 'denied', entity: AUDIT_ENTITY, purpose, details: { territory: outside, jurisdiction: describeJurisdiction(user.jurisdiction) } });
      throw forbidden(`${outside} is outside your jurisdiction (${describeJurisdiction(user.jurisdiction)})`);
    }
    const scope = territoryCondition(user.jurisdiction, { precinct: 'r.precinct_code', region: 'r.region_code', owner: 'r.registered_by_subject' });
    const conditions = [scope.sql];
    const params: unknown[] = [...scope.params];
    const add = (sql: (n: string) => string, value: unknown) => {
      params.push(value);
      conditions.push(sql(`$${params.length}`));
    };
    if (filter.precinctCode !== undefined) add((p) => `r.precinct_code = ${p}`, filter.precinctCode);
    if (filter.districtCode !== undefined) add((p) => `r.district_code = ${p}`, filter.districtCode);
    if (filter.regionCode !== undefined) add((p) => `r.region_code = ${p}`, filter.regionCode);
    if (filter.status?.length) add((p) => `r.status = ANY(${p})`, filter.status);
    if (filter.categoryCode !== undefined) add((p) => `r.category = ${p}`, filter.categoryCode);
    if (filter.kind !== undefined) add((p) => `r.kind = ${p}`, filter.kind);
    if (filter.queue !== undefined) add((p) => `r.queue = ${p}`, filter.queue);
    if (filter.assigneeId !== undefined) add((p) => `r.assignee_id = ${p}::uuid`, filter.assigneeId);
    if (filter.routingPending !== undefined) add((p) => `r.routing_pending = ${p}`, filter.routingPending);
    if (filter.from !== undefined) add((p) => `r.received_at >= ${p}`, filter.from);
    if (filter.to !== undefined) add((p) => `r.received_at < ${p}`, filter.to);
    if (filter.overdue !== undefined) {
      add(
        (p) => `(${filter.overdue ? '' : 'NOT '}(r.closed_at IS NULL AND r.answered_at IS NULL AND r.kind <> 'tip' AND r.due_at < ${p}))`,
        now,
      );
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
    const [{ n }] = (await this.dataSource.query(`SELECT count(*)::int AS n FROM citizen_requests.citizen_request r WHERE ${counted.join(' AND ')}`, countParams)) as Array<{
      n: number;
    }>;
    const byId = new Map((ids.length ? await repository.findBy(ids.map(({ id }) => ({ id }))) : []).map((row) => [row.id, row]));
    const rows = ids.map(({ id }) => byId.get(id)).filter((row): row is CitizenRequestEntity => row !== undefined);
    const shown = rows.slice(0, page.size).map((row) => row.id);
    if (shown.length) await this.audit.record({ actor: actorOf(user).audit, action: 'read', entity: AUDIT_ENTITY, entityIds: shown, purpose });
    return { rows, size: page.size, totalCount: n };
  }
}

/** Who or which channel accepted a request, as printed on its coupon. */
function acceptedByOf(by: AuthenticatedUser, client: PartnerClient | undefined, channel: string): string {
  if (client) return `client:${client.id}`;
  const role = registeringRole(by);
  return role && role !== 'citizen' ? `${role}:${by.username ?? by.subject}` : `channel:${channel}`;
}

/** What makes two submits "the same request" for an idempotency key. */
function fingerprintOf(input: RegisterRequestInput): string {
  const { idempotencyKey: _key, ...rest } = input;
  return createHash('sha256').update(stableJson(rest)).digest('base64url');
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value as object)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined && (value as Record<string, unknown>)[k] !== null)
      .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

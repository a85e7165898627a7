import { BadRequestException, Controller, Get, Logger, Param, Post, Req, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Public, type AuthenticatedUser } from '@seriktes/auth';
import { inputValidator, RequestError } from '@seriktes/runtime';
import type { CategoryDefinition, RequestKind } from '../categories/catalogue';
import { CategoryService } from '../categories/category.service';
import { attributesFromForm, toOpen311Definition, toOpen311Service, type Open311Language } from '../categories/open311';
import { registerRequestSchema, type RegisterRequestInput } from '../intake/dto';
import { IntakeService, type PartnerClient } from '../intake/intake.service';
import { Open311Clients } from './clients';
import {
  closedStatuses,
  fieldErrorsToOpen311,
  languageFromAcceptLanguage,
  languageOf,
  open311Error,
  open311Field,
  pickLanguage,
  serialize,
  serviceNotice,
  toOpen311Request,
  type FieldError,
  type Open311Error,
  type Open311Format,
  type PublicRequestRow,
} from './format';

export { Open311Clients };

const validateRegistration = inputValidator(registerRequestSchema);

/** GET requests.json: at most this many rows (the spec allows a server to cap the list at 1000). */
const MAX_ROWS = 1000;
/** GET requests.json: the default window, and the widest one may ask for (per the spec). */
const WINDOW_MS = 90 * 86400_000;
const DECIMAL = /^-?\d{1,3}(\.\d+)?$/;
/** 1: the time part, 2: hh:mm, 3: :ss(.fff), 5: the zone. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ](\d{2}:\d{2})(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

interface HttpRequest {
  headers: Record<string, string | string[] | undefined>;
  body?: unknown;
  query?: unknown;
}

interface HttpResponse {
  status(code: number): HttpResponse;
  setHeader(name: string, value: string): void;
  end(body: string): void;
}

/** An answer that is an Open311 error array with its HTTP status. */
class Open311Failure extends Error {
  constructor(
    readonly status: number,
    readonly errors: Open311Error[],
  ) {
    super(errors.map((e) => e.description).join('; '));
  }
}

const fail = (status: number, description: string) => new Open311Failure(status, open311Error(status, description));

/** One value of a form field or query parameter (the first, if repeated), trimmed; undefined if empty. */
function value(source: unknown, name: string): string | undefined {
  const raw = source && typeof source === 'object' ? (source as Record<string, unknown>)[name] : undefined;
  const first = Array.isArray(raw) ? raw[0] : raw;
  const text = typeof first === 'number' ? String(first) : typeof first === 'string' ? first.trim() : undefined;
  return text ? text : undefined;
}

function header(req: HttpRequest, name: string): string | undefined {
  const raw = req.headers[name];
  return (Array.isArray(raw) ? raw[0] : raw)?.trim() || undefined;
}

/** A comma-separated list parameter (`service_code=a,b`, or repeated). */
function list(source: unknown, name: string): string[] {
  const raw = source && typeof source === 'object' ? (source as Record<string, unknown>)[name] : undefined;
  return (Array.isArray(raw) ? raw : [raw])
    .filter((item): item is string => typeof item === 'string')
    .flatMap((item) => item.split(','))
    .map((item) => item.trim())
    .filter(Boolean);
}

/** Who registers through a partner client: the client itself, which sees only what it registered. */
function clientUser(client: PartnerClient): AuthenticatedUser {
  const subject = `client:${client.id}`;
  return {
    subject,
    username: client.name,
    roles: ['partner_client'],
    clientId: subject,
    serviceAccount: true,
    jurisdiction: { level: 'self', subject },
    expiresAt: new Date(Date.now() + 60_000),
    token: '',
  };
}

/** A category that takes only tips (an anonymous report) files a tip by default, any other an application. */
function defaultKind(category: CategoryDefinition | undefined): RequestKind {
  if (category && !category.kinds.includes('application') && category.kinds.length === 1) return category.kinds[0];
  return 'application';
}

/**
 * The columns the public API reads. Never the description, the applicant, the attributes or the
 * assignee: GET requests.json needs no key, so it shows only what a public map may show.
 */
const PUBLIC_COLUMNS = `r.registration_number, r.status, r.category, r.kind, r.received_at, r.updated_at, r.due_at, r.place,
  r.lat, r.lon, r.region_code, r.district_code, r.queue, r.redirected_to`;

/**
 * Requests the public API never shows, whoever asks:
 * - tips: an anonymous report of a crime or threat (a planned robbery, a drug den) on a public map
 *   warns the very people it is about and can expose the informant, who is usually a neighbour;
 * - sensitive categories (minors, domestic violence): even without a name, a point, a category and
 *   a date identify a family or a child to the neighbours, and may endanger a victim.
 * `r.sensitive` is the category's flag when the request was registered; the codes of categories
 * sensitive now are excluded too, in case the flag was raised later.
 */
const HIDDEN = (sensitiveCodesParam: string) => `r.kind <> 'tip' AND NOT r.sensitive AND NOT (r.category = ANY(${sensitiveCodesParam}))`;

/**
 * Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2) for partner apps, the Telegram bot
 * and city portals. Everything is open (no bearer token); a partner proves itself with its
 * `api_key` to POST a request. Answers are JSON or XML by the path's extension, errors are
 * Open311 error arrays (`[{ code, description }]`).
 */
@Public()
@Controller('open311/v2')
export class Open311Controller {
  private readonly logger = new Logger('Open311');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly categories: CategoryService,
    private readonly intake: IntakeService,
    private readonly clients: Open311Clients,
  ) {}

  /** GET services.json: every active category as a service, in `?locale=` (kk, ru, en), else Accept-Language, else ru. */
  @Get('services.:format')
  services(@Param('format') format: string, @Req() req: HttpRequest, @Res() res: HttpResponse): Promise<void> {
    return this.answer(res, format, 'services', async () => {
      const language = this.languageOf(req);
      return { status: 200, body: (await this.categories.active()).map((category) => toOpen311Service(category, language)) };
    });
  }

  /** GET services/{service_code}.json: the attributes asked for a service. */
  @Get('services/:code.:format')
  definition(@Param('code') code: string, @Param('format') format: string, @Req() req: HttpRequest, @Res() res: HttpResponse): Promise<void> {
    return this.answer(res, format, 'service_definition', async () => {
      const category = await this.categories.get(code);
      if (!category || !category.active) throw fail(404, `service_code ${code} is not a service (see services.json)`);
      return { status: 200, body: toOpen311Definition(category, this.languageOf(req)) };
    });
  }

  /**
   * POST requests.json (application/x-www-form-urlencoded, as the spec says; a JSON body is read
   * the same way): registers a request for a partner client. Fields: api_key, service_code, lat,
   * long, address_string (the place in words, kept with the point), description, first_name,
   * last_name, phone, email, attribute[code] (attribute[code][] for lists), and our extensions
   * `kind` (application by default; `tip` for an anonymous report), `idempotency_key` (or the
   * header Idempotency-Key) and `locale` (the applicant's language, else Accept-Language).
   * Ignored: `media_url` (we do not fetch files from third-party addresses; evidence is handed in
   * through the web app or to the inspector), `device_id` and `account_id` (we keep no partner
   * accounts; account_id is answered null), `jurisdiction_id`, `address_id`.
   */
  @Post('requests.:format')
  create(@Param('format') format: string, @Req() req: HttpRequest, @Res() res: HttpResponse): Promise<void> {
    return this.answer(res, format, 'service_requests', async () => {
      const form = req.body && typeof req.body === 'object' && !Array.isArray(req.body) ? (req.body as Record<string, unknown>) : {};
      // The key first: an unknown caller learns nothing about what else is wrong with its form.
      const apiKey = value(form, 'api_key');
      const client = apiKey ? await this.clients.authenticate(apiKey) : null;
      if (!client) throw fail(403, apiKey ? 'api_key is not valid (unknown or deactivated)' : 'api_key is required');

      const { input, errors } = await this.inputFrom(form, req, client);
      if (errors.length) throw new Open311Failure(400, fieldErrorsToOpen311(errors));
      const coupon = await this.intake.register(input, clientUser(client), { client });
      const language = input.language ?? 'ru';
      return {
        status: 201,
        body: [{ service_request_id: coupon.registrationNumber, service_notice: serviceNotice(coupon, input.kind, language), account_id: null }],
      };
    });
  }

  /**
   * GET requests.json: the public list, newest first, at most 1000. Filters: service_request_id
   * (comma-separated registration numbers; overrides every other filter, as the spec says),
   * service_code (comma-separated), start_date and end_date (ISO 8601, on requested_datetime; the
   * last 90 days by default, at most 90 days), status (open, closed).
   */
  @Get('requests.:format')
  requests(@Param('format') format: string, @Req() req: HttpRequest, @Res() res: HttpResponse): Promise<void> {
    return this.answer(res, format, 'service_requests', async () => {
      const query = req.query;
      const language = this.languageOf(req);
      const { names, sensitive } = await this.catalogue(language);
      const params: unknown[] = [sensitive];
      const conditions = [HIDDEN('$1')];
      const add = (sql: (p: string) => string, param: unknown) => {
        params.push(param);
        conditions.push(sql(`$${params.length}`));
      };
      const ids = list(query, 'service_request_id');
      if (ids.length) {
        add((p) => `r.registration_number = ANY(${p})`, ids.slice(0, MAX_ROWS));
      } else {
        const errors: FieldError[] = [];
        const start = this.date(query, 'start_date', errors);
        const end = this.date(query, 'end_date', errors);
        const statuses = list(query, 'status').map((s) => s.toLowerCase());
        for (const status of statuses) if (status !== 'open' && status !== 'closed') errors.push({ field: 'status', message: `must be open or closed, not "${status}"` });
        // [from, until): an end_date without a time means the whole of that day.
        const until = end ? new Date(end.at.getTime() + (end.dateOnly ? 86400_000 : 1)) : start ? new Date(start.at.getTime() + WINDOW_MS) : new Date(Date.now() + 1);
        const from = start ? start.at : new Date(until.getTime() - WINDOW_MS);
        if (until.getTime() <= from.getTime()) errors.push({ field: 'end_date', message: 'is before start_date' });
        else if (until.getTime() - from.getTime() > WINDOW_MS + 86400_000) errors.push({ field: 'end_date', message: 'is more than 90 days after start_date: ask for at most 90 days at a time' });
        if (errors.length) throw new Open311Failure(400, fieldErrorsToOpen311(errors));
        add((p) => `r.received_at >= ${p}`, from);
        add((p) => `r.received_at < ${p}`, until);
        const codes = list(query, 'service_code');
        if (codes.length) add((p) => `r.category = ANY(${p})`, codes);
        if (statuses.includes('open') !== statuses.includes('closed')) {
          add((p) => `${statuses.includes('open') ? 'NOT ' : ''}(r.status = ANY(${p}))`, closedStatuses());
        }
      }
      params.push(MAX_ROWS);
      const rows = (await this.dataSource.query(
        `SELECT ${PUBLIC_COLUMNS} FROM citizen_requests.citizen_request r WHERE ${conditions.join(' AND ')}
          ORDER BY r.received_at DESC, r.id DESC LIMIT $${params.length}`,
        params,
      )) as PublicRequestRow[];
      return { status: 200, body: rows.map((row) => toOpen311Request(row, (code) => names.get(code))) };
    });
  }

  /** GET requests/{service_request_id}.json: one request by its registration number, as a one-element list. */
  @Get('requests/:id.:format')
  request(@Param('id') id: string, @Param('format') format: string, @Req() req: HttpRequest, @Res() res: HttpResponse): Promise<void> {
    return this.answer(res, format, 'service_requests', async () => {
      const { names, sensitive } = await this.catalogue(this.languageOf(req));
      const rows = (await this.dataSource.query(`SELECT ${PUBLIC_COLUMNS} FROM citizen_requests.citizen_request r WHERE r.registration_number = $2 AND ${HIDDEN('$1')}`, [
        sensitive,
        id,
      ])) as PublicRequestRow[];
      // A hidden request (a tip, a sensitive category) answers exactly like one that does not exist.
      if (!rows.length) throw fail(404, `service_request_id ${id} not found`);
      return { status: 200, body: rows.map((row) => toOpen311Request(row, (code) => names.get(code))) };
    });
  }

  /**
   * GET tokens/{token}.json. The spec's tokens are for servers that queue a POST and assign the id
   * later; we register synchronously and the service_request_id comes back in the POST answer at
   * once. So a token here is what a client can know before it gets the answer: its own
   * idempotency key. A client whose POST answer was lost looks its request up by that key (only
   * requests that came through partner clients: a web user's key is nobody else's business).
   */
  @Get('tokens/:token.:format')
  token(@Param('token') token: string, @Param('format') format: string, @Res() res: HttpResponse): Promise<void> {
    return this.answer(res, format, 'service_requests', async () => {
      const rows = (await this.dataSource.query(
        `SELECT registration_number, idempotency_key FROM citizen_requests.citizen_request
          WHERE idempotency_key = $1 AND client_id IS NOT NULL ORDER BY registered_at, id`,
        [token],
      )) as Array<{ registration_number: string; idempotency_key: string }>;
      if (!rows.length) throw fail(404, `token ${token} not found`);
      return { status: 200, body: rows.map((row) => ({ service_request_id: row.registration_number, token: row.idempotency_key })) };
    });
  }

  // -------------------------------------------------------------------------------------------

  /** The form as a RegisterRequestInput, with every problem of the form at once (then ajv's, on what is left). */
  private async inputFrom(form: Record<string, unknown>, req: HttpRequest, client: PartnerClient): Promise<{ input: RegisterRequestInput; errors: FieldError[] }> {
    const errors: FieldError[] = [];
    const serviceCode = value(form, 'service_code');
    const category = serviceCode ? await this.categories.get(serviceCode) : undefined;
    if (!serviceCode) errors.push({ field: 'service_code', message: 'is required (see services.json)' });
    else if (!category || !category.active) errors.push({ field: 'service_code', message: `"${serviceCode}" is not a service (see services.json)` });
    const kind = (value(form, 'kind') ?? defaultKind(category)) as RequestKind;

    const coordinate = (name: 'lat' | 'long'): number | undefined => {
      const text = value(form, name);
      if (text === undefined) return undefined;
      if (!DECIMAL.test(text)) {
        errors.push({ field: name, message: 'must be a number in decimal degrees (WGS84), like 51.146' });
        return undefined;
      }
      return Number(text);
    };
    const [latText, longText] = [value(form, 'lat'), value(form, 'long')];
    const [lat, lon] = [coordinate('lat'), coordinate('long')];
    if (latText === undefined && longText === undefined) {
      if (value(form, 'address_string') || value(form, 'address_id')) {
        const message = 'is required: we cannot place address_string or address_id on the map (no geocoder); send the point as lat and long, with address_string as the place in words';
        errors.push({ field: 'lat', message }, { field: 'long', message });
      } else {
        errors.push({ field: 'lat', message: 'is required (with long): where it happened' }, { field: 'long', message: 'is required (with lat): where it happened' });
      }
    } else if (latText === undefined) errors.push({ field: 'lat', message: 'is required with long' });
    else if (longText === undefined) errors.push({ field: 'long', message: 'is required with lat' });

    const [firstName, lastName, phone, email] = ['first_name', 'last_name', 'phone', 'email'].map((name) => value(form, name));
    const personal = { first_name: firstName, last_name: lastName, phone, email };
    if (kind === 'tip') {
      for (const [field, given] of Object.entries(personal)) if (given) errors.push({ field, message: 'must be left out: a tip is anonymous' });
    } else if (!firstName && !lastName) {
      errors.push({ field: 'first_name', message: 'is required (with last_name): anonymous appeals are not considered; report a crime or threat anonymously with kind=tip' });
    }
    const applicant =
      kind !== 'tip' && (firstName || lastName) ? { fullName: [firstName, lastName].filter(Boolean).join(' '), ...(phone ? { phone } : {}), ...(email ? { email } : {}) } : undefined;

    const attributes = attributesFromForm(form as Record<string, string | string[] | undefined>);
    const place = value(form, 'address_string');
    const idempotencyKey = value(form, 'idempotency_key') ?? header(req, 'idempotency-key');
    const language = languageOf(value(form, 'locale')) ?? languageFromAcceptLanguage(header(req, 'accept-language'));
    const description = typeof form.description === 'string' ? form.description.trim() : value(form, 'description');
    if (!description) errors.push({ field: 'description', message: 'is required: what happened, in at least 10 characters' });

    const input: RegisterRequestInput = {
      kind,
      categoryCode: serviceCode ?? '',
      channel: client.channel,
      description: description ?? '',
      ...(lat !== undefined && lon !== undefined ? { location: { lat, lon } } : {}),
      ...(place ? { place } : {}),
      ...(applicant ? { applicant } : {}),
      ...(Object.keys(attributes).length ? { attributes } : {}),
      ...(idempotencyKey ? { idempotencyKey } : {}),
      ...(language ? { language } : {}),
    };
    // The schema's checks on what the form did not already report (lengths, patterns, ranges).
    try {
      return { input: validateRegistration(input), errors };
    } catch (error) {
      const reported = new Set(errors.map((e) => e.field));
      const more = schemaErrors(error).filter((e) => !reported.has(open311Field(e.field)) && !(e.field === '/categoryCode' && reported.has('service_code')));
      return { input, errors: [...errors, ...more] };
    }
  }

  /** An ISO 8601 date or date-time parameter (`dateOnly`: no time given); undefined if absent, an error if malformed. */
  private date(query: unknown, name: string, errors: FieldError[]): { at: Date; dateOnly: boolean } | undefined {
    const text = value(query, name);
    if (text === undefined) return undefined;
    const match = ISO_DATE.exec(text);
    const dateOnly = match !== null && match[1] === undefined;
    // Without a zone, a date or time is Kazakhstan's (UTC+5), where the requests are filed.
    const zone = match?.[5] ? match[5].toUpperCase().replace(/^([+-]\d{2})(\d{2})$/, '$1:$2') : '+05:00';
    const at = match ? new Date(`${text.slice(0, 10)}T${match[2] ?? '00:00'}${match[3] ?? ':00'}${zone}`) : undefined;
    if (!at || Number.isNaN(at.getTime())) {
      errors.push({ field: name, message: 'must be an ISO 8601 date or date-time, like 2026-03-01T00:00:00+05:00' });
      return undefined;
    }
    return { at, dateOnly };
  }

  private languageOf(req: HttpRequest): Open311Language {
    return pickLanguage(value(req.query, 'locale'), header(req, 'accept-language'));
  }

  /** Names of the categories in a language, and the codes of those that are sensitive now. */
  private async catalogue(language: Open311Language): Promise<{ names: Map<string, string>; sensitive: string[] }> {
    const all = await this.categories.all();
    return { names: new Map(all.map((c) => [c.code, c.name[language]])), sensitive: all.filter((c) => c.sensitive).map((c) => c.code) };
  }

  /** Runs a handler and writes its answer, or its failure as an Open311 error array, in the format asked. */
  private async answer(res: HttpResponse, formatParam: string, root: string, handler: () => Promise<{ status: number; body: unknown }>): Promise<void> {
    const format = formatParam === 'json' || formatParam === 'xml' ? (formatParam as Open311Format) : undefined;
    let status: number;
    let body: unknown;
    let rootName = root;
    try {
      if (!format) throw fail(404, `unknown format "${formatParam}": use .json or .xml`);
      ({ status, body } = await handler());
    } catch (error) {
      const failure = toFailure(error);
      if (failure.status >= 500) this.logger.error(`Open311 request failed: ${error instanceof Error ? error.message : String(error)}`, error instanceof Error ? error.stack : undefined);
      ({ status, body } = { status: failure.status, body: failure.errors });
      rootName = 'errors';
    }
    const { contentType, body: text } = serialize(format ?? 'json', rootName, body);
    res.status(status);
    res.setHeader('Content-Type', contentType);
    res.end(text);
  }
}

/** Our errors as Open311 error arrays: field errors in the names of the form. */
function toFailure(error: unknown): Open311Failure {
  if (error instanceof Open311Failure) return error;
  if (error instanceof RequestError) {
    const errors = error.errors.length ? fieldErrorsToOpen311(error.errors, error.httpStatus) : open311Error(error.httpStatus, error.message);
    return new Open311Failure(error.httpStatus, errors);
  }
  if (error instanceof BadRequestException) {
    const errors = schemaErrors(error);
    return new Open311Failure(400, errors.length ? fieldErrorsToOpen311(errors) : open311Error(400, error.message));
  }
  return new Open311Failure(500, open311Error(500, 'internal error: try again later'));
}

/** The field errors of the schema validator's BadRequestException. */
function schemaErrors(error: unknown): FieldError[] {
  if (!(error instanceof BadRequestException)) throw error;
  const response = error.getResponse() as { errors?: FieldError[] };
  return Array.isArray(response.errors) ? response.errors : [];
}

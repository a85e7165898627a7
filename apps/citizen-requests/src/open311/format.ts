/**
 * Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2) shapes of our requests: the public
 * service_request objects, the status mapping, error arrays and the XML serialisation. Plain
 * functions, no framework: the controller feeds them rows it read with SQL.
 */
import type { RequestStatus } from '@seriktes/contracts';
import type { Open311Language } from '../categories/open311';

export type Open311Format = 'json' | 'xml';
export type Open311Status = 'open' | 'closed';

/** The columns of a request the public API reads: nothing personal is even selected. */
export interface PublicRequestRow {
  registration_number: string;
  status: RequestStatus;
  category: string;
  kind: string;
  received_at: Date;
  updated_at: Date;
  due_at: Date | null;
  place: string | null;
  lat: number | null;
  lon: number | null;
  region_code: string;
  district_code: string | null;
  /** Queue of the district or of a desk (`AST-ESL`, `AST-ESL:fraud`, `AST-ESL:head`), when nobody is named. */
  queue: string | null;
  redirected_to: string | null;
}

/**
 * A public service request. Deliberately without `description`, the applicant, the attributes and
 * the assignee: GET requests.json is open to anyone, so it carries only what any passer-by could
 * see, and the location only to about 100 m.
 */
export interface Open311ServiceRequest {
  service_request_id: string;
  status: Open311Status;
  status_notes: string;
  service_name: string;
  service_code: string;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string | null;
  lat: number | null;
  long: number | null;
  agency_responsible: string;
}

export interface Open311Error {
  code: number;
  description: string;
}

/** Our statuses that Open311 calls closed: the police are done with it (a redirected request went to another body). */
const CLOSED_STATUSES: readonly RequestStatus[] = ['closed', 'redirected'];

export function open311Status(status: RequestStatus): Open311Status {
  return CLOSED_STATUSES.includes(status) ? 'closed' : 'open';
}

/** Our statuses behind an Open311 status, for the `status` filter of GET requests.json. */
export function closedStatuses(): RequestStatus[] {
  return [...CLOSED_STATUSES];
}

/** Where the request is, in a few words and without naming the officer. */
export function statusNotes(row: Pick<PublicRequestRow, 'status' | 'queue' | 'redirected_to'>): string {
  switch (row.status) {
    case 'registered':
      return 'Registered';
    case 'assigned':
      return `Assigned to ${assignedTo(row.queue)}`;
    case 'in_progress':
      return 'In progress';
    case 'extended':
      return 'In progress: the term of the answer was extended';
    case 'redirected':
      return row.redirected_to ? `Redirected to ${row.redirected_to}` : 'Redirected to the competent body';
    case 'answered':
      return 'Answered';
    case 'resolved':
      return 'Resolved';
    case 'closed':
      return 'Closed';
    case 'reopened':
      return 'Reopened';
    case 'under_control':
      return 'Under the control of the head of the police unit';
    default:
      return String(row.status);
  }
}

function assignedTo(queue: string | null): string {
  if (!queue) return 'the precinct inspector';
  const [, desk] = queue.split(':');
  if (desk === 'head') return 'the head of the district police unit';
  if (desk) return `the ${desk} desk of the district police unit`;
  return 'the district police unit';
}

/** ≈ 100 m: a public map shows the block, never the entrance of a home. */
export function roundCoordinate(value: number | null): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  return Math.round(value * 1000) / 1000;
}

/** A request row as a public Open311 service request; `serviceName` gives the category's name in the language asked. */
export function toOpen311Request(row: PublicRequestRow, serviceName: (code: string) => string | undefined): Open311ServiceRequest {
  const located = row.lat !== null && row.lon !== null;
  return {
    service_request_id: row.registration_number,
    status: open311Status(row.status),
    status_notes: statusNotes(row),
    service_name: serviceName(row.category) ?? row.category,
    service_code: row.category,
    requested_datetime: row.received_at.toISOString(),
    updated_datetime: row.updated_at.toISOString(),
    // Tips run on an internal target, not a legal term: nothing is promised to the public.
    expected_datetime: row.kind === 'tip' || !row.due_at ? null : row.due_at.toISOString(),
    address: row.place?.trim() || null,
    lat: located ? roundCoordinate(row.lat) : null,
    long: located ? roundCoordinate(row.lon) : null,
    agency_responsible: `Police, ${row.district_code ?? row.region_code}`,
  };
}

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

export interface FieldError {
  field: string;
  message: string;
}

/** Our field names (and ajv's JSON pointers) as the form fields an Open311 client sent. */
export function open311Field(field: string): string {
  const path = field.replace(/^\//, '').replace(/\//g, '.');
  const attribute = /^attributes\.([^.[\]]+)(?:\[(\d+)\])?$/.exec(path);
  if (attribute) return `attribute[${attribute[1]}]`;
  switch (path) {
    case '':
      return 'request';
    case 'categoryCode':
      return 'service_code';
    case 'location':
    case 'location.lat':
      return 'lat';
    case 'location.lon':
      return 'long';
    case 'place':
      return 'address_string';
    case 'applicant':
    case 'applicant.fullName':
      return 'first_name';
    case 'applicant.phone':
      return 'phone';
    case 'applicant.email':
      return 'email';
    case 'idempotencyKey':
      return 'idempotency_key';
    case 'language':
      return 'locale';
    case 'channel':
      return 'api_key';
    case 'attributes':
      return 'attribute';
    default:
      return path;
  }
}

/** `[{ code, description: "<field> <message>" }]`, one entry per field error, in Open311 field names. */
export function fieldErrorsToOpen311(errors: readonly FieldError[], code = 400): Open311Error[] {
  return errors.map((error) => {
    const item = /^(?:\/)?attributes[./][^.[\]/]+\[(\d+)\]$/.exec(error.field);
    const field = open311Field(error.field);
    return { code, description: `${field}${item ? ` (value ${Number(item[1]) + 1})` : ''} ${error.message}` };
  });
}

export function open311Error(code: number, description: string): Open311Error[] {
  return [{ code, description }];
}

// ---------------------------------------------------------------------------------------------
// Service notice of a new request
// ---------------------------------------------------------------------------------------------

const NOTICES: Record<Open311Language, { due: string; tip: string; noTerm: string }> = {
  kk: {
    due: '{n} нөмірімен тіркелді. Полиция {date} дейін жауап беруге тиіс.',
    tip: '{n} нөмірімен тіркелді. Хабарламаны полиция тексереді; жауап жіберілмейді.',
    noTerm: '{n} нөмірімен тіркелді.',
  },
  ru: {
    due: 'Зарегистрировано под номером {n}. Полиция обязана ответить не позднее {date}.',
    tip: 'Зарегистрировано под номером {n}. Сообщение проверит полиция; ответ не направляется.',
    noTerm: 'Зарегистрировано под номером {n}.',
  },
  en: {
    due: 'Registered as {n}. The police must answer by {date}.',
    tip: 'Registered as {n}. The police will check the tip; no answer is sent.',
    noTerm: 'Registered as {n}.',
  },
};

/** The calendar day in Kazakhstan (UTC+5) of an instant. */
export function kazakhstanDate(at: string | Date): string {
  return new Date(new Date(at).getTime() + 5 * 3600_000).toISOString().slice(0, 10);
}

/** The service_notice of POST requests.json: the urgent advice, else the registration and its due date. */
export function serviceNotice(
  coupon: { registrationNumber: string; dueAt: string | null; advice: string | null },
  kind: string,
  language: Open311Language,
): string {
  if (coupon.advice) return coupon.advice;
  const notices = NOTICES[language];
  const template = kind === 'tip' ? notices.tip : coupon.dueAt ? notices.due : notices.noTerm;
  return template.replace('{n}', coupon.registrationNumber).replace('{date}', coupon.dueAt ? kazakhstanDate(coupon.dueAt) : '');
}

// ---------------------------------------------------------------------------------------------
// Language
// ---------------------------------------------------------------------------------------------

const LANGUAGES: readonly Open311Language[] = ['kk', 'ru', 'en'];

/** `kk`, `ru_KZ`, `en-US` → the language; anything else → undefined. */
export function languageOf(value: unknown): Open311Language | undefined {
  if (typeof value !== 'string') return undefined;
  const primary = value.trim().toLowerCase().split(/[-_]/)[0];
  return (LANGUAGES as readonly string[]).includes(primary) ? (primary as Open311Language) : undefined;
}

/** The preferred of our languages in an Accept-Language header (by q-value, then order). */
export function languageFromAcceptLanguage(header: string | undefined): Open311Language | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)).find(Boolean);
      return { language: languageOf(tag), q: q ? Number(q[1]) : 1, index };
    })
    .filter((entry): entry is { language: Open311Language; q: number; index: number } => entry.language !== undefined && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked[0]?.language;
}

/** `?locale=` first, then Accept-Language, then Russian. */
export function pickLanguage(locale: unknown, acceptLanguage: string | undefined, fallback: Open311Language = 'ru'): Open311Language {
  return languageOf(locale) ?? languageFromAcceptLanguage(acceptLanguage) ?? fallback;
}

// ---------------------------------------------------------------------------------------------
// XML
// ---------------------------------------------------------------------------------------------

/** Element names of the items of a list, per the spec's examples. */
const ITEM_NAMES: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  errors: 'error',
  attributes: 'attribute',
  values: 'value',
};

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** Tab, line feed, carriage return and the characters from U+0020 up, without surrogates and U+FFFE/U+FFFF. */
function allowedInXml(char: string): boolean {
  const code = char.codePointAt(0) as number;
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || code >= 0x10000;
}

/** Escapes text for XML content and attributes, and drops characters XML 1.0 does not allow. */
export function escapeXml(text: string): string {
  return Array.from(text)
    .filter(allowedInXml)
    .join('')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string);
}

function element(name: string, value: unknown): string {
  if (!NAME.test(name)) throw new Error(`not an XML element name: ${name}`);
  if (value === null || value === undefined) return `<${name}/>`;
  if (Array.isArray(value)) {
    const item = ITEM_NAMES[name] ?? 'item';
    return `<${name}>${value.map((v) => element(item, v)).join('')}</${name}>`;
  }
  if (value instanceof Date) return `<${name}>${value.toISOString()}</${name}>`;
  if (typeof value === 'object') {
    return `<${name}>${Object.entries(value as Record<string, unknown>)
      .map(([key, inner]) => element(key, inner))
      .join('')}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/**
 * An XML document: `toXml('services', [...])` → `<services><service>…</service></services>`,
 * `toXml('service_definition', {...})` → `<service_definition>…</service_definition>`.
 */
export function toXml(root: string, value: unknown): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, value)}`;
}

/** The root element of a response body (an error array is always `<errors>`). */
export function serialize(format: Open311Format, root: string, value: unknown): { contentType: string; body: string } {
  return format === 'xml'
    ? { contentType: 'text/xml; charset=utf-8', body: toXml(root, value) }
    : { contentType: 'application/json; charset=utf-8', body: JSON.stringify(value) };
}

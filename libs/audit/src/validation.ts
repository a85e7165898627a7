/**
 * Checks what callers hand to the audit log, before anything is written: every problem is listed
 * at once in one `AuditValidationError`, and a call with any problem writes nothing.
 */
import { decodeCursor, type AuditPosition } from './cursor';
import {
  AUDIT_ACTIONS,
  AuditValidationError,
  type AuditAction,
  type AuditFilter,
  type AuditRecord,
} from './types';

export const ENTITY_NAME = /^[a-z][a-z0-9_]{1,62}$/;
/** Rows one `record` call may write (9 parameters each, one INSERT). */
export const MAX_AUDIT_ROWS_PER_CALL = 1000;
/** Size of `details` as UTF-8 JSON. */
export const MAX_DETAILS_BYTES = 8 * 1024;
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

const MAX_TEXT = 256;
const MAX_PURPOSE = 200;
const MAX_ROLES = 100;
const MAX_ROLE = 128;
const MAX_DETAILS_DEPTH = 16;
const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** PostgreSQL text and jsonb hold neither NUL characters nor lone UTF-16 surrogates. */
function unstorable(value: string): boolean {
  return value.includes('\u0000') || LONE_SURROGATE.test(value);
}

/** One row of `audit_log` as `record` writes it. */
export interface AuditRow {
  actorSubject: string;
  actorUsername: string;
  actorRoles: string[];
  action: AuditAction;
  entity: string;
  entityId: string | null;
  purpose: string | null;
  correlationId: string | null;
  /** JSON text of the details object. */
  details: string;
}

const RECORD_KEYS = new Set([
  'actor',
  'action',
  'entity',
  'entityIds',
  'entityId',
  'purpose',
  'details',
  'correlationId',
]);
const ACTOR_KEYS = new Set(['subject', 'username', 'roles']);
const FILTER_KEYS = new Set(['actorSubject', 'actorUsername', 'entity', 'entityId', 'action', 'from', 'to']);
const PAGE_KEYS = new Set(['first', 'after']);

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'object') return `a ${value.constructor?.name ?? 'null-prototype'} object`;
  return `${typeof value === 'bigint' ? 'a bigint' : typeof value} ${typeof value === 'symbol' ? '' : String(value)}`.trim();
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Optional fields may also be null (untyped callers, GraphQL inputs): null means absent. */
function present(value: unknown): boolean {
  return value !== undefined && value !== null;
}

function unknownKeys(value: Record<string, unknown>, allowed: Set<string>): string[] {
  return Object.keys(value).filter((key) => !allowed.has(key));
}

/** A problem with a text value, or null: a string of 1..max characters that PostgreSQL can store. */
function textProblem(value: unknown, max: number): string | null {
  if (typeof value !== 'string') return `must be a string, not ${describe(value)}`;
  if (value.length === 0) return 'must not be empty';
  if (value.length > max) return `must be at most ${max} characters (has ${value.length})`;
  if (unstorable(value)) return 'contains a NUL character or a lone surrogate';
  return null;
}

/**
 * Problems of a `details` value: JSON data only (null, booleans, finite numbers, strings, arrays,
 * plain objects; Dates become ISO strings; undefined object properties are left out), no cycles.
 */
function jsonProblems(value: unknown, path: string, ancestors: object[], problems: string[]): void {
  if (value === null || typeof value === 'boolean') return;
  if (typeof value === 'string') {
    if (unstorable(value)) problems.push(`${path} contains a NUL character or a lone surrogate`);
    return;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) problems.push(`${path} is ${value}, not a JSON number`);
    return;
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) problems.push(`${path} is an invalid Date`);
    return;
  }
  if (Array.isArray(value) || isPlainObject(value)) {
    if (ancestors.includes(value)) {
      problems.push(`${path} refers back to itself (a cycle)`);
      return;
    }
    if (ancestors.length >= MAX_DETAILS_DEPTH) {
      problems.push(`${path} is nested more than ${MAX_DETAILS_DEPTH} levels deep`);
      return;
    }
    ancestors.push(value);
    if (Array.isArray(value)) {
      value.forEach((item, index) => {
        if (item === undefined) problems.push(`${path}[${index}] is undefined, not JSON`);
        else jsonProblems(item, `${path}[${index}]`, ancestors, problems);
      });
    } else {
      for (const [key, item] of Object.entries(value)) {
        if (unstorable(key)) problems.push(`${path} has a key with a NUL character or a lone surrogate`);
        if (item !== undefined) jsonProblems(item, `${path}.${key}`, ancestors, problems);
      }
    }
    ancestors.pop();
    return;
  }
  problems.push(`${path} is ${describe(value)}, not JSON data`);
}

/** The JSON text of `details`, or null with the problems pushed. */
export function detailsJson(details: unknown, path: string, problems: string[]): string | null {
  if (details === undefined) return '{}';
  if (!isPlainObject(details)) {
    problems.push(`${path} must be a plain object, not ${describe(details)}`);
    return null;
  }
  const before = problems.length;
  jsonProblems(details, path, [], problems);
  if (problems.length > before) return null;
  const json = JSON.stringify(details);
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes > MAX_DETAILS_BYTES) {
    problems.push(
      `${path} is ${bytes} bytes of JSON, at most ${MAX_DETAILS_BYTES}: record which fields, counts and filters, never the data itself`,
    );
    return null;
  }
  return json;
}

function actorProblems(actor: unknown, path: string, problems: string[]): void {
  if (!isPlainObject(actor)) {
    problems.push(`${path} must be an object { subject, username, roles }, not ${describe(actor)}`);
    return;
  }
  for (const key of unknownKeys(actor, ACTOR_KEYS))
    problems.push(`${path}.${key} is not a field of an actor`);
  const subject = textProblem(actor.subject, MAX_TEXT);
  if (subject) problems.push(`${path}.subject (the token's sub) ${subject}`);
  const username = textProblem(actor.username, MAX_TEXT);
  if (username) problems.push(`${path}.username ${username}`);
  if (!Array.isArray(actor.roles)) {
    problems.push(
      `${path}.roles must be an array of role names (possibly empty), not ${describe(actor.roles)}`,
    );
  } else {
    if (actor.roles.length > MAX_ROLES)
      problems.push(`${path}.roles has ${actor.roles.length} roles, at most ${MAX_ROLES}`);
    actor.roles.forEach((role, index) => {
      const problem = textProblem(role, MAX_ROLE);
      if (problem) problems.push(`${path}.roles[${index}] ${problem}`);
    });
  }
}

/**
 * The rows that `entries` stand for, one per entity id; `defaultCorrelationId` where an entry
 * gives none. Throws an `AuditValidationError` listing every problem, so nothing gets written.
 */
export function toAuditRows(entries: AuditRecord | AuditRecord[], defaultCorrelationId?: string): AuditRow[] {
  const list: unknown[] = Array.isArray(entries) ? entries : [entries];
  const single = !Array.isArray(entries);
  const problems: string[] = [];
  const rows: AuditRow[] = [];

  list.forEach((entry, index) => {
    const path = single ? 'record' : `entries[${index}]`;
    if (!isPlainObject(entry)) {
      problems.push(`${path} must be an object, not ${describe(entry)}`);
      return;
    }
    const before = problems.length;
    for (const key of unknownKeys(entry, RECORD_KEYS))
      problems.push(`${path}.${key} is not a field of an audit record`);
    actorProblems(entry.actor, `${path}.actor`, problems);
    if (!AUDIT_ACTIONS.includes(entry.action as AuditAction)) {
      problems.push(
        `${path}.action must be one of ${AUDIT_ACTIONS.join(', ')}, not ${describe(entry.action)}`,
      );
    }
    if (typeof entry.entity !== 'string' || !ENTITY_NAME.test(entry.entity)) {
      problems.push(
        `${path}.entity must be a snake_case name matching ${ENTITY_NAME.source} (e.g. citizen_request), not ${describe(entry.entity)}`,
      );
    }

    let ids: Array<string | null> = [null];
    if (present(entry.entityId) && present(entry.entityIds)) {
      problems.push(`${path} gives both entityId and entityIds: give one of them`);
    } else if (present(entry.entityId)) {
      const problem = textProblem(entry.entityId, MAX_TEXT);
      if (problem) problems.push(`${path}.entityId ${problem}`);
      else ids = [entry.entityId as string];
    } else if (present(entry.entityIds)) {
      if (!Array.isArray(entry.entityIds)) {
        problems.push(`${path}.entityIds must be an array of ids, not ${describe(entry.entityIds)}`);
      } else {
        const idProblems: string[] = [];
        entry.entityIds.forEach((id, i) => {
          const problem = textProblem(id, MAX_TEXT);
          if (problem) idProblems.push(`${path}.entityIds[${i}] ${problem}`);
        });
        // A flood of bad ids would bury the message: the first few say enough.
        problems.push(...idProblems.slice(0, 5));
        if (idProblems.length > 5)
          problems.push(`${path}.entityIds: ${idProblems.length - 5} more invalid ids`);
        if (!idProblems.length && entry.entityIds.length > 0) ids = [...new Set(entry.entityIds as string[])];
      }
    }

    if (present(entry.purpose)) {
      const problem = textProblem(entry.purpose, MAX_PURPOSE);
      if (problem) problems.push(`${path}.purpose ${problem}`);
    }
    if (
      present(entry.correlationId) &&
      (typeof entry.correlationId !== 'string' || !CORRELATION_ID.test(entry.correlationId))
    ) {
      problems.push(
        `${path}.correlationId must match ${CORRELATION_ID.source}, not ${describe(entry.correlationId)}`,
      );
    }
    const details = detailsJson(entry.details ?? undefined, `${path}.details`, problems);
    if (problems.length > before || details === null) return;

    const record = entry as unknown as AuditRecord;
    for (const entityId of ids) {
      rows.push({
        actorSubject: record.actor.subject,
        actorUsername: record.actor.username,
        actorRoles: [...record.actor.roles],
        action: record.action,
        entity: record.entity,
        entityId,
        purpose: record.purpose ?? null,
        correlationId: record.correlationId ?? defaultCorrelationId ?? null,
        details,
      });
    }
  });

  if (!problems.length && rows.length > MAX_AUDIT_ROWS_PER_CALL) {
    problems.push(
      `${rows.length} rows in one call, at most ${MAX_AUDIT_ROWS_PER_CALL}: split the entity ids into batches of at most ${MAX_AUDIT_ROWS_PER_CALL}`,
    );
  }
  if (problems.length) throw new AuditValidationError(problems, 'invalid audit record');
  return rows;
}

/** A search filter whose every field has been checked; absent and null fields are left out. */
export type CheckedAuditFilter = AuditFilter;

export function checkFilter(filter: unknown): CheckedAuditFilter {
  if (filter === undefined || filter === null) return {};
  const problems: string[] = [];
  if (!isPlainObject(filter))
    throw new AuditValidationError(
      [`filter must be an object, not ${describe(filter)}`],
      'invalid audit search',
    );
  const checked: CheckedAuditFilter = {};
  for (const key of unknownKeys(filter, FILTER_KEYS))
    problems.push(`filter.${key} is not a filter of the audit log (${[...FILTER_KEYS].join(', ')})`);
  for (const key of ['actorSubject', 'actorUsername', 'entityId'] as const) {
    const value = filter[key];
    if (value === undefined || value === null) continue;
    const problem = textProblem(value, MAX_TEXT);
    if (problem) problems.push(`filter.${key} ${problem}`);
    else checked[key] = value as string;
  }
  if (filter.entity !== undefined && filter.entity !== null) {
    if (typeof filter.entity !== 'string' || !ENTITY_NAME.test(filter.entity)) {
      problems.push(`filter.entity must match ${ENTITY_NAME.source}, not ${describe(filter.entity)}`);
    } else checked.entity = filter.entity;
  }
  if (filter.action !== undefined && filter.action !== null) {
    if (!AUDIT_ACTIONS.includes(filter.action as AuditAction)) {
      problems.push(
        `filter.action must be one of ${AUDIT_ACTIONS.join(', ')}, not ${describe(filter.action)}`,
      );
    } else checked.action = filter.action as AuditAction;
  }
  for (const key of ['from', 'to'] as const) {
    const value = filter[key];
    if (value === undefined || value === null) continue;
    if (!(value instanceof Date)) problems.push(`filter.${key} must be a Date, not ${describe(value)}`);
    else if (Number.isNaN(value.getTime())) problems.push(`filter.${key} is an invalid Date`);
    else checked[key] = value;
  }
  if (checked.from && checked.to && checked.from.getTime() > checked.to.getTime()) {
    problems.push(
      `filter.from (${checked.from.toISOString()}) is after filter.to (${checked.to.toISOString()})`,
    );
  }
  if (problems.length) throw new AuditValidationError(problems, 'invalid audit search');
  return checked;
}

export interface CheckedPage {
  first: number;
  after: AuditPosition | null;
}

export function checkPage(page: unknown): CheckedPage {
  if (page === undefined || page === null) return { first: DEFAULT_PAGE_SIZE, after: null };
  if (!isPlainObject(page))
    throw new AuditValidationError(
      [`page must be an object { first?, after? }, not ${describe(page)}`],
      'invalid audit search',
    );
  const problems: string[] = [];
  for (const key of unknownKeys(page, PAGE_KEYS))
    problems.push(`page.${key} is not a paging field (first, after)`);
  let first = DEFAULT_PAGE_SIZE;
  if (page.first !== undefined && page.first !== null) {
    if (
      typeof page.first !== 'number' ||
      !Number.isInteger(page.first) ||
      page.first < 1 ||
      page.first > MAX_PAGE_SIZE
    ) {
      problems.push(`first must be an integer from 1 to ${MAX_PAGE_SIZE}, not ${describe(page.first)}`);
    } else first = page.first;
  }
  let after: AuditPosition | null = null;
  if (page.after !== undefined && page.after !== null) {
    try {
      after = decodeCursor(page.after);
    } catch (error) {
      if (!(error instanceof AuditValidationError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length) throw new AuditValidationError(problems, 'invalid audit search');
  return { first, after };
}

/**
 * The SQL of the audit log, as text and parameters: one multi-row INSERT, and a keyset page of a
 * filtered search, newest first, ordered by (occurred_at, id) like the index that serves it.
 */
import { encodeCursor, type AuditPosition } from './cursor';
import type { AuditAction, AuditEntryView } from './types';
import type { AuditRow, CheckedAuditFilter, CheckedPage } from './validation';

export interface SqlQuery {
  sql: string;
  params: unknown[];
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** `"<schema>"."audit_log"`, for a schema name that needs no escaping. */
export function auditTable(schema: string): string {
  if (!SCHEMA_NAME.test(schema)) throw new Error(`invalid schema name "${schema}"`);
  return `"${schema}"."audit_log"`;
}

const INSERT_COLUMNS = [
  'actor_subject',
  'actor_username',
  'actor_roles',
  'action',
  'entity',
  'entity_id',
  'purpose',
  'correlation_id',
  'details',
] as const;

/** One INSERT for every row; `id` and `occurred_at` come from their defaults. */
export function buildInsert(schema: string, rows: AuditRow[]): SqlQuery {
  if (!rows.length) throw new Error('buildInsert needs at least one row');
  const params: unknown[] = [];
  const tuples = rows.map((row) => {
    const values = [
      row.actorSubject,
      row.actorUsername,
      row.actorRoles,
      row.action,
      row.entity,
      row.entityId,
      row.purpose,
      row.correlationId,
      row.details,
    ];
    const placeholders = values.map((value, i) => {
      params.push(value);
      const column = INSERT_COLUMNS[i];
      const cast = column === 'actor_roles' ? '::text[]' : column === 'details' ? '::jsonb' : '';
      return `$${params.length}${cast}`;
    });
    return `(${placeholders.join(', ')})`;
  });
  return {
    sql: `INSERT INTO ${auditTable(schema)} (${INSERT_COLUMNS.map((c) => `"${c}"`).join(', ')}) VALUES ${tuples.join(', ')}`,
    params,
  };
}

/** `occurred_at` as UTC text with PostgreSQL's microseconds, the time of a cursor. */
const POSITION_TIME = `to_char("occurred_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * One page of a search: `first + 1` rows (the extra one only says whether a next page exists),
 * after the cursor's position when there is one. Keyset, never OFFSET: rows written meanwhile are
 * newer than the cursor and never shift the pages still to come.
 */
export function buildSearch(schema: string, filter: CheckedAuditFilter, page: CheckedPage): SqlQuery {
  const params: unknown[] = [];
  const where: string[] = [];
  const param = (value: unknown, cast = ''): string => {
    params.push(value);
    return `$${params.length}${cast}`;
  };
  if (filter.actorSubject !== undefined) where.push(`"actor_subject" = ${param(filter.actorSubject)}`);
  if (filter.actorUsername !== undefined) where.push(`"actor_username" = ${param(filter.actorUsername)}`);
  if (filter.entity !== undefined) where.push(`"entity" = ${param(filter.entity)}`);
  if (filter.entityId !== undefined) where.push(`"entity_id" = ${param(filter.entityId)}`);
  if (filter.action !== undefined) where.push(`"action" = ${param(filter.action)}`);
  if (filter.from !== undefined)
    where.push(`"occurred_at" >= ${param(filter.from.toISOString(), '::timestamptz')}`);
  if (filter.to !== undefined)
    where.push(`"occurred_at" < ${param(filter.to.toISOString(), '::timestamptz')}`);
  if (page.after) {
    where.push(
      `("occurred_at", "id") < (${param(page.after.time, '::timestamptz')}, ${param(page.after.id, '::uuid')})`,
    );
  }
  const sql = [
    `SELECT "id", "occurred_at", ${POSITION_TIME} AS "position_time", "actor_subject", "actor_username", "actor_roles",`,
    `       "action", "entity", "entity_id", "purpose", "correlation_id", "details"`,
    `FROM ${auditTable(schema)}`,
    where.length ? `WHERE ${where.join(' AND ')}` : '',
    `ORDER BY "occurred_at" DESC, "id" DESC`,
    `LIMIT ${param(page.first + 1, '::int')}`,
  ]
    .filter(Boolean)
    .join('\n');
  return { sql, params };
}

/** A row of `buildSearch` as node-postgres returns it. */
export interface AuditSearchRow {
  id: string;
  occurred_at: Date;
  position_time: string;
  actor_subject: string;
  actor_username: string;
  actor_roles: string[];
  action: string;
  entity: string;
  entity_id: string | null;
  purpose: string | null;
  correlation_id: string | null;
  details: Record<string, unknown>;
}

export function toEntryView(row: AuditSearchRow): AuditEntryView {
  const position: AuditPosition = { time: row.position_time, id: row.id };
  return {
    id: row.id,
    occurredAt: new Date(row.occurred_at).toISOString(),
    actor: { subject: row.actor_subject, username: row.actor_username, roles: [...row.actor_roles] },
    action: row.action as AuditAction,
    entity: row.entity,
    entityId: row.entity_id,
    purpose: row.purpose,
    correlationId: row.correlation_id,
    details: row.details,
    cursor: encodeCursor(position),
  };
}

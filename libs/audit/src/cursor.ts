/**
 * Opaque page cursors of the audit log: the keyset position (occurred_at, id) of an entry, as
 * base64url JSON. The time keeps PostgreSQL's microseconds: with milliseconds, entries written in
 * the same millisecond could be skipped or repeated between pages.
 */
import { AuditValidationError } from './types';

export interface AuditPosition {
  /** `occurred_at` in UTC with microseconds: `2025-11-22T09:15:03.123456Z`. */
  time: string;
  /** The entry's uuid. */
  id: string;
}

const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const MAX_CURSOR_LENGTH = 200;

export function isAuditPosition(value: unknown): value is AuditPosition {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { time, id, ...rest } = value as Record<string, unknown>;
  return (
    Object.keys(rest).length === 0 &&
    typeof time === 'string' &&
    TIME.test(time) &&
    !Number.isNaN(Date.parse(time)) &&
    typeof id === 'string' &&
    UUID.test(id)
  );
}

export function encodeCursor(position: AuditPosition): string {
  if (!isAuditPosition(position)) throw new Error(`not an audit position: ${JSON.stringify(position)}`);
  return Buffer.from(JSON.stringify({ t: position.time, i: position.id }), 'utf8').toString('base64url');
}

/** The position of a cursor made by `encodeCursor`; anything else is an `AuditValidationError`. */
export function decodeCursor(cursor: unknown): AuditPosition {
  const refuse = (why: string): never => {
    throw new AuditValidationError(
      [
        `after: malformed cursor (${why}); pass the endCursor or an entry cursor of a previous page unchanged`,
      ],
      'invalid audit search',
    );
  };
  if (typeof cursor !== 'string')
    return refuse(`a ${cursor === null ? 'null' : typeof cursor}, not a string`);
  if (cursor.length === 0 || cursor.length > MAX_CURSOR_LENGTH) return refuse(`length ${cursor.length}`);
  if (!BASE64URL.test(cursor)) return refuse('not base64url');
  const bytes = Buffer.from(cursor, 'base64url');
  // Node decodes leniently; only the canonical encoding of the bytes is a cursor we made.
  if (bytes.toString('base64url') !== cursor) return refuse('not base64url');
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch {
    return refuse('not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return refuse('not an object');
  const { t, i, ...rest } = parsed as Record<string, unknown>;
  const position = { time: t, id: i };
  if (Object.keys(rest).length > 0 || !isAuditPosition(position)) return refuse('no valid position');
  return position;
}

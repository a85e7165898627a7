/**
 * Opaque cursors for keyset pagination: base64url of a JSON tuple (e.g. `[time, id]`). A cursor
 * that does not decode to the expected shape is a client error, never a server crash.
 */
export function encodeCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): (string | number)[] {
  let values: unknown;
  try {
    if (!/^[A-Za-z0-9_-]{1,512}$/.test(cursor)) throw new Error('not base64url');
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError(cursor);
  }
  if (!Array.isArray(values) || values.length !== arity || !values.every((v) => typeof v === 'string' || typeof v === 'number')) {
    throw new InvalidCursorError(cursor);
  }
  return values as (string | number)[];
}

export class InvalidCursorError extends Error {
  constructor(cursor: string) {
    super(`invalid cursor "${cursor.slice(0, 40)}": pass an endCursor returned by an earlier page`);
    this.name = 'InvalidCursorError';
  }
}

/** Page size from a `first` argument: default, and a hard maximum. */
export function pageSize(first: number | null | undefined, defaultSize = 20, max = 100): number {
  if (first === null || first === undefined) return defaultSize;
  if (!Number.isInteger(first) || first < 1 || first > max) throw new RangeError(`first must be an integer from 1 to ${max}`);
  return first;
}

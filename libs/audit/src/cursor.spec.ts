import { decodeCursor, encodeCursor, type AuditPosition } from './cursor';
import { AuditValidationError } from './types';

const position: AuditPosition = {
  time: '2025-11-22T09:15:03.123456Z',
  id: '0b7c2f7e-3c1a-4d2b-9a61-5f0e8e2d4c11',
};

describe('audit cursors', () => {
  it('round-trips a position, microseconds included, as opaque base64url', () => {
    const cursor = encodeCursor(position);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(cursor).not.toContain(position.id);
    expect(decodeCursor(cursor)).toEqual(position);
  });

  it('orders nothing by itself: different positions give different cursors', () => {
    expect(encodeCursor({ ...position, time: '2025-11-22T09:15:03.123457Z' })).not.toBe(
      encodeCursor(position),
    );
  });

  it('refuses to encode a position it could not decode', () => {
    expect(() => encodeCursor({ time: '2025-11-22T09:15:03.123Z', id: position.id })).toThrow(
      'not an audit position',
    );
    expect(() => encodeCursor({ time: position.time, id: 'not-a-uuid' })).toThrow('not an audit position');
  });

  const json = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

  it.each([
    ['an empty string', ''],
    ['a number', 42],
    ['null', null],
    ['standard base64 characters', `${encodeCursor(position)}+/`],
    ['padding', `${encodeCursor(position)}=`],
    [
      'a non-canonical encoding',
      `${encodeCursor(position).slice(0, -1)}${encodeCursor(position).endsWith('A') ? 'B' : 'A'}`,
    ],
    ['not JSON', Buffer.from('hello world').toString('base64url')],
    ['a JSON array', json([position.time, position.id])],
    ['a missing id', json({ t: position.time })],
    ['an extra field', json({ t: position.time, i: position.id, x: 1 })],
    ['a time without microseconds', json({ t: '2025-11-22T09:15:03.123Z', i: position.id })],
    ['an impossible time', json({ t: '2025-13-45T09:15:03.123456Z', i: position.id })],
    ['an SQL fragment as id', json({ t: position.time, i: "x' OR 1=1 --" })],
    ['an upper-case uuid', json({ t: position.time, i: position.id.toUpperCase() })],
    ['something far too long', 'A'.repeat(500)],
  ])('rejects %s with a clear message', (_label, cursor) => {
    let error: unknown;
    try {
      decodeCursor(cursor);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AuditValidationError);
    expect((error as Error).message).toMatch(
      /^invalid audit search: after: malformed cursor \(.+\); pass the endCursor/,
    );
  });
});

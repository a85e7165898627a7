import { decodeCursor, encodeCursor, InvalidCursorError, pageSize } from './cursor';

describe('cursors and page sizes', () => {
  it('round-trips a keyset tuple', () => {
    const cursor = encodeCursor(['2026-11-22T10:00:00.000Z', 'b0c5']);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, 2)).toEqual(['2026-11-22T10:00:00.000Z', 'b0c5']);
  });

  it('rejects foreign or malformed cursors as client errors', () => {
    expect(() => decodeCursor('not a cursor!', 2)).toThrow(InvalidCursorError);
    expect(() => decodeCursor(encodeCursor(['a']), 2)).toThrow('invalid cursor');
    expect(() => decodeCursor(Buffer.from('{"a":1}').toString('base64url'), 1)).toThrow(InvalidCursorError);
  });

  it('bounds page sizes', () => {
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize(5)).toBe(5);
    expect(() => pageSize(0)).toThrow('from 1 to 100');
    expect(() => pageSize(101)).toThrow(RangeError);
    expect(() => pageSize(2.5)).toThrow(RangeError);
  });
});

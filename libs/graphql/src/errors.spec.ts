import { GraphQLError } from 'graphql';
import { decodeCursor } from './cursor';
import { pageArgs, withCursorErrors } from './errors';

describe('paging arguments', () => {
  it('turns first and after into a page request', () => {
    expect(pageArgs(undefined, null)).toEqual({ size: 20, after: undefined });
    expect(pageArgs(5, 'abc')).toEqual({ size: 5, after: 'abc' });
  });

  it('reports a bad first or a foreign cursor as field-level input errors', async () => {
    const bad = (() => {
      try {
        pageArgs(500, undefined);
      } catch (error) {
        return error as GraphQLError;
      }
    })();
    expect(bad?.extensions).toEqual({ code: 'BAD_USER_INPUT', errors: [{ field: 'first', message: 'first must be an integer from 1 to 100' }] });
    await expect(withCursorErrors(async () => decodeCursor('bad cursor!', 2))).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', errors: [{ field: 'after', message: expect.stringContaining('invalid cursor') }] },
    });
    await expect(withCursorErrors(async () => Promise.reject(new Error('database down')))).rejects.toThrow('database down');
  });
});

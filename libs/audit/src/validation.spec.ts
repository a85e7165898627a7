import { encodeCursor } from './cursor';
import { AuditValidationError, type AuditRecord } from './types';
import { checkFilter, checkPage, MAX_AUDIT_ROWS_PER_CALL, toAuditRows } from './validation';

const actor = { subject: 'f3a1c2d4-sub', username: 'inspector.aliev', roles: ['district_inspector'] };
const base: AuditRecord = { actor, action: 'read', entity: 'citizen_request' };

/** The problems of a call that must throw an AuditValidationError. */
function problemsOf(work: () => unknown): string[] {
  try {
    work();
  } catch (error) {
    if (error instanceof AuditValidationError) return error.problems;
    throw error;
  }
  throw new Error('expected an AuditValidationError');
}

describe('toAuditRows', () => {
  it('makes one row of a record without ids, defaults filled in', () => {
    expect(toAuditRows(base)).toEqual([
      {
        actorSubject: actor.subject,
        actorUsername: actor.username,
        actorRoles: actor.roles,
        action: 'read',
        entity: 'citizen_request',
        entityId: null,
        purpose: null,
        correlationId: null,
        details: '{}',
      },
    ]);
  });

  it('makes one row per distinct id, and one list-level row for an empty id list', () => {
    const rows = toAuditRows({
      ...base,
      entityIds: ['a', 'b', 'a', 'c'],
      purpose: 'graphql:citizenRequests',
    });
    expect(rows.map((r) => r.entityId)).toEqual(['a', 'b', 'c']);
    expect(new Set(rows.map((r) => r.purpose))).toEqual(new Set(['graphql:citizenRequests']));
    expect(toAuditRows({ ...base, entityIds: [] }).map((r) => r.entityId)).toEqual([null]);
    expect(toAuditRows({ ...base, entityId: 'x' }).map((r) => r.entityId)).toEqual(['x']);
  });

  it('takes the default correlation id unless the record gives one', () => {
    expect(toAuditRows(base, 'ctx-1')[0].correlationId).toBe('ctx-1');
    expect(toAuditRows({ ...base, correlationId: 'own-1' }, 'ctx-1')[0].correlationId).toBe('own-1');
  });

  it('copies the roles, so a later change of the caller array does not alter the row', () => {
    const roles = ['a'];
    const [row] = toAuditRows({ ...base, actor: { ...actor, roles } });
    roles.push('b');
    expect(row.actorRoles).toEqual(['a']);
  });

  it('serialises details, Dates as ISO strings, leaving undefined properties out', () => {
    const [row] = toAuditRows({
      ...base,
      details: {
        fields: ['description'],
        count: 2,
        since: new Date('2025-01-01T00:00:00Z'),
        none: undefined,
      },
    });
    expect(JSON.parse(row.details)).toEqual({
      fields: ['description'],
      count: 2,
      since: '2025-01-01T00:00:00.000Z',
    });
  });

  it('accepts an empty list (nothing to write)', () => {
    expect(toAuditRows([])).toEqual([]);
  });

  it.each<[string, unknown, RegExp]>([
    [
      'an entity that is not snake_case',
      { ...base, entity: 'CitizenRequest' },
      /^record\.entity must be a snake_case name matching/,
    ],
    ['a one-letter entity', { ...base, entity: 'c' }, /^record\.entity must be/],
    [
      'an unknown action',
      { ...base, action: 'peek' },
      /^record\.action must be one of read, create, update, delete, export, denied, not "peek"$/,
    ],
    [
      'a missing actor',
      { ...base, actor: undefined },
      /^record\.actor must be an object \{ subject, username, roles \}/,
    ],
    [
      'roles that are not an array',
      { ...base, actor: { ...actor, roles: 'district_inspector' } },
      /^record\.actor\.roles must be an array of role names/,
    ],
    [
      'a role that is not a string',
      { ...base, actor: { ...actor, roles: ['ok', 7] } },
      /^record\.actor\.roles\[1\] must be a string, not number 7$/,
    ],
    [
      'an empty subject',
      { ...base, actor: { ...actor, subject: '' } },
      /^record\.actor\.subject \(the token's sub\) must not be empty$/,
    ],
    [
      'both entityId and entityIds',
      { ...base, entityId: 'a', entityIds: ['b'] },
      /^record gives both entityId and entityIds/,
    ],
    [
      'entityIds that are not an array',
      { ...base, entityIds: 'a,b' },
      /^record\.entityIds must be an array of ids/,
    ],
    ['an empty id', { ...base, entityIds: ['a', ''] }, /^record\.entityIds\[1\] must not be empty$/],
    ['a NUL in an id', { ...base, entityId: 'a\u0000b' }, /^record\.entityId contains a NUL character/],
    [
      'a typo in a field name',
      { ...base, entityID: 'a' },
      /^record\.entityID is not a field of an audit record$/,
    ],
    [
      'details that are an array',
      { ...base, details: ['a'] },
      /^record\.details must be a plain object, not an array$/,
    ],
    [
      'details with a bigint',
      { ...base, details: { n: 1n } },
      /^record\.details\.n is a bigint 1, not JSON data$/,
    ],
    [
      'details with a function',
      { ...base, details: { f: () => 1 } },
      /^record\.details\.f is function .*not JSON data$/s,
    ],
    ['details with NaN', { ...base, details: { n: NaN } }, /^record\.details\.n is NaN, not a JSON number$/],
    [
      'details with a Map',
      { ...base, details: { m: new Map() } },
      /^record\.details\.m is a Map object, not JSON data$/,
    ],
    [
      'details over 8 KB',
      { ...base, details: { blob: 'x'.repeat(9000) } },
      /^record\.details is \d+ bytes of JSON, at most 8192: record which fields/,
    ],
    [
      'a malformed correlation id',
      { ...base, correlationId: 'bad id\n' },
      /^record\.correlationId must match/,
    ],
    [
      'a purpose that is too long',
      { ...base, purpose: 'p'.repeat(201) },
      /^record\.purpose must be at most 200 characters \(has 201\)$/,
    ],
  ])('rejects %s', (_label, record, message) => {
    const problems = problemsOf(() => toAuditRows(record as AuditRecord));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it('rejects cyclic details', () => {
    const details: Record<string, unknown> = { a: 1 };
    details.self = details;
    expect(problemsOf(() => toAuditRows({ ...base, details }))).toEqual([
      'record.details.self refers back to itself (a cycle)',
    ]);
  });

  it('lists every problem of every entry, by index, in one error with a clear message', () => {
    let error: unknown;
    try {
      toAuditRows([
        base,
        { ...base, entity: 'Bad' },
        { ...base, action: 'nope' as never, actor: { ...actor, username: '' } },
      ]);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AuditValidationError);
    const { problems, message } = error as AuditValidationError;
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^entries\[1\]\.entity /);
    expect(problems.slice(1).every((p) => p.startsWith('entries[2].'))).toBe(true);
    expect(message).toMatch(/^invalid audit record: entries\[1\]\.entity/);
  });

  it('reports only the first few bad ids of a long list', () => {
    const problems = problemsOf(() =>
      toAuditRows({ ...base, entityIds: Array.from({ length: 50 }, () => '') }),
    );
    expect(problems).toHaveLength(6);
    expect(problems[5]).toBe('record.entityIds: 45 more invalid ids');
  });

  it('accepts exactly the row limit in one call and refuses one more, asking for batches', () => {
    const ids = Array.from({ length: MAX_AUDIT_ROWS_PER_CALL }, (_, i) => `id-${i}`);
    expect(toAuditRows({ ...base, entityIds: ids })).toHaveLength(MAX_AUDIT_ROWS_PER_CALL);
    expect(problemsOf(() => toAuditRows([{ ...base, entityIds: ids }, base]))).toEqual([
      '1001 rows in one call, at most 1000: split the entity ids into batches of at most 1000',
    ]);
  });
});

describe('checkFilter', () => {
  it('keeps the given fields, treats null and undefined as absent', () => {
    const from = new Date('2025-01-01T00:00:00Z');
    expect(checkFilter(undefined)).toEqual({});
    expect(checkFilter({ entity: 'citizen_request', entityId: null, action: 'read', from })).toEqual({
      entity: 'citizen_request',
      action: 'read',
      from,
    });
  });

  it('rejects every bad field at once', () => {
    const problems = problemsOf(() =>
      checkFilter({
        entity: 'Bad',
        action: 'peek',
        from: '2025-01-01',
        to: new Date('nope'),
        actorSubject: '',
        subject: 'x',
      }),
    );
    expect(problems).toEqual([
      'filter.subject is not a filter of the audit log (actorSubject, actorUsername, entity, entityId, action, from, to)',
      'filter.actorSubject must not be empty',
      expect.stringMatching(/^filter\.entity must match/),
      expect.stringMatching(/^filter\.action must be one of/),
      'filter.from must be a Date, not "2025-01-01"',
      'filter.to is an invalid Date',
    ]);
  });

  it('rejects a time range that ends before it starts', () => {
    expect(
      problemsOf(() => checkFilter({ from: new Date('2025-02-01Z'), to: new Date('2025-01-01Z') }))[0],
    ).toMatch(/^filter\.from .* is after filter\.to/);
  });
});

describe('checkPage', () => {
  it('defaults to 50 from the start', () => {
    expect(checkPage(undefined)).toEqual({ first: 50, after: null });
    expect(checkPage({ first: null, after: null })).toEqual({ first: 50, after: null });
  });

  it('accepts 1 to 200 and a cursor of a previous page', () => {
    const cursor = encodeCursor({
      time: '2025-01-01T00:00:00.000001Z',
      id: '0b7c2f7e-3c1a-4d2b-9a61-5f0e8e2d4c11',
    });
    expect(checkPage({ first: 200, after: cursor })).toEqual({
      first: 200,
      after: { time: '2025-01-01T00:00:00.000001Z', id: '0b7c2f7e-3c1a-4d2b-9a61-5f0e8e2d4c11' },
    });
    expect(checkPage({ first: 1 }).first).toBe(1);
  });

  it.each([0, 201, 1.5, -1, '10'])('rejects first = %p', (first) => {
    expect(problemsOf(() => checkPage({ first }))).toEqual([
      expect.stringMatching(/^first must be an integer from 1 to 200, not /),
    ]);
  });

  it('rejects a malformed cursor together with a bad size', () => {
    const problems = problemsOf(() => checkPage({ first: 0, after: 'garbage!' }));
    expect(problems).toHaveLength(2);
    expect(problems[1]).toMatch(/^after: malformed cursor/);
  });
});

/**
 * libs/audit against the real PostgreSQL, in a fresh database: the migration, writing in and out
 * of the caller's transaction, correlation ids, every search filter, keyset pages, the
 * append-only trigger and the refusal of bad input (with nothing written).
 */
import { Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  createServiceDataSource,
  pendingMigrations,
  runMigrations,
  serviceDataSourceOptions,
} from '@seriktes/persistence';
import { createTestDatabase, type TestDatabase } from '@seriktes/persistence/testing';
import { runInContext } from '@seriktes/observability';
import {
  AuditEntryEntity,
  AuditLog,
  auditMigrations,
  AuditModule,
  AuditValidationError,
  encodeCursor,
  type AuditAction,
  type AuditEntryView,
  type AuditFilter,
  type AuditRecord,
} from '../src';

const SCHEMA = 'audit_test';
const TABLE = `"${SCHEMA}"."audit_log"`;

let db: TestDatabase;
let dataSource: DataSource;
let audit: AuditLog;

const inspector = {
  subject: '6f1d1c1e-sub-inspector',
  username: 'inspector.aliev',
  roles: ['district_inspector'],
};
const read: AuditRecord = { actor: inspector, action: 'read', entity: 'citizen_request' };

beforeAll(async () => {
  db = await createTestDatabase('audit');
  dataSource = createServiceDataSource({
    url: db.url,
    schema: SCHEMA,
    entities: [AuditEntryEntity],
    migrations: auditMigrations,
    poolSize: 4,
  });
  await dataSource.initialize();
  expect(await runMigrations(dataSource)).toEqual(['AuditLogTable1763773000000']);
  audit = new AuditLog(dataSource);
});

afterAll(async () => {
  if (dataSource?.isInitialized) await dataSource.destroy();
  await db?.drop();
});

/** Empties the log the only way the trigger allows: the documented retention procedure. */
beforeEach(async () => {
  await dataSource.transaction(async (em) => {
    await em.query(`ALTER TABLE ${TABLE} DISABLE TRIGGER "audit_log_append_only"`);
    await em.query(`TRUNCATE ${TABLE}`);
    await em.query(`ALTER TABLE ${TABLE} ENABLE TRIGGER "audit_log_append_only"`);
  });
});

async function count(): Promise<number> {
  const [{ n }] = (await dataSource.query(`SELECT count(*)::int AS n FROM ${TABLE}`)) as Array<{ n: number }>;
  return n;
}

/** Every row of the search, page after page of `first`. */
async function searchAll(filter: AuditFilter, first = 200): Promise<AuditEntryView[]> {
  const entries: AuditEntryView[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await audit.search(filter, { first, after });
    entries.push(...page.entries);
    if (!page.hasNextPage) return entries;
    after = page.endCursor!;
  }
}

/** Ids in the order the log defines, straight from SQL. */
async function idsInOrder(where = 'TRUE', params: unknown[] = []): Promise<string[]> {
  const rows = (await dataSource.query(
    `SELECT id FROM ${TABLE} WHERE ${where} ORDER BY occurred_at DESC, id DESC`,
    params,
  )) as Array<{ id: string }>;
  return rows.map((r) => r.id);
}

async function rejection(work: Promise<unknown>): Promise<Error> {
  try {
    await work;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

describe('the audit_log migration', () => {
  it('creates the append-only table in the service schema, and down() removes table and trigger function', async () => {
    const [table] = (await dataSource.query(
      `SELECT obj_description(to_regclass($1), 'pg_class') AS comment,
              (SELECT count(*)::int FROM pg_trigger WHERE tgrelid = to_regclass($1) AND NOT tgisinternal) AS triggers,
              (SELECT array_agg(indexname::text ORDER BY indexname) FROM pg_indexes WHERE schemaname = $2 AND tablename = 'audit_log') AS indexes`,
      [TABLE, SCHEMA],
    )) as Array<{ comment: string; triggers: number; indexes: string[] }>;
    expect(table.comment).toMatch(/append-only.*Retention/s);
    expect(table.triggers).toBe(1);
    expect(table.indexes).toEqual([
      'audit_log_actor_idx',
      'audit_log_entity_idx',
      'audit_log_occurred_at_idx',
      'audit_log_pkey',
    ]);

    const other = createServiceDataSource({
      url: db.url,
      schema: 'audit_down_test',
      entities: [],
      migrations: auditMigrations,
      poolSize: 1,
    });
    await other.initialize();
    try {
      await runMigrations(other);
      const exists = async (): Promise<{ table: boolean; fn: boolean }> => {
        const [row] = (await other.query(
          `SELECT to_regclass('"audit_down_test"."audit_log"') IS NOT NULL AS "table",
                  to_regprocedure('"audit_down_test"."audit_log_append_only"()') IS NOT NULL AS "fn"`,
        )) as Array<{ table: boolean; fn: boolean }>;
        return row;
      };
      expect(await exists()).toEqual({ table: true, fn: true });
      await other.undoLastMigration({ transaction: 'each' });
      expect(await exists()).toEqual({ table: false, fn: false });
      expect(await pendingMigrations(other)).toEqual(['AuditLogTable1763773000000']);
    } finally {
      await other.destroy();
    }
  });
});

describe('AuditLog.record', () => {
  it('writes a row with every field, readable through the entity', async () => {
    await audit.record({
      ...read,
      entityId: 'req-1',
      purpose: 'graphql:citizenRequest',
      details: { fields: ['description', 'applicant'] },
    });
    const rows = await dataSource.getRepository(AuditEntryEntity).find();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      occurredAt: expect.any(Date),
      actorSubject: inspector.subject,
      actorUsername: inspector.username,
      actorRoles: ['district_inspector'],
      action: 'read',
      entity: 'citizen_request',
      entityId: 'req-1',
      purpose: 'graphql:citizenRequest',
      correlationId: null,
      details: { fields: ['description', 'applicant'] },
    });
    expect(Math.abs(rows[0].occurredAt.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it('writes one row per id, and several records, in one statement', async () => {
    await audit.record([
      {
        ...read,
        entityIds: ['req-1', 'req-2', 'req-3'],
        purpose: 'graphql:citizenRequests',
        details: { count: 3 },
      },
      {
        actor: { ...inspector, roles: [] },
        action: 'denied',
        entity: 'inspector',
        details: { reason: 'missing role' },
      },
    ]);
    const rows = (await dataSource.query(
      `SELECT entity, entity_id, action, actor_roles, details, occurred_at FROM ${TABLE} ORDER BY entity, entity_id`,
    )) as Array<{
      entity: string;
      entity_id: string | null;
      action: string;
      actor_roles: string[];
      details: unknown;
      occurred_at: Date;
    }>;
    expect(rows.map((r) => [r.entity, r.entity_id, r.action])).toEqual([
      ['citizen_request', 'req-1', 'read'],
      ['citizen_request', 'req-2', 'read'],
      ['citizen_request', 'req-3', 'read'],
      ['inspector', null, 'denied'],
    ]);
    expect(rows[3].actor_roles).toEqual([]);
    expect(rows[0].details).toEqual({ count: 3 });
    expect(new Set(rows.map((r) => r.occurred_at.getTime())).size).toBe(1);
  });

  it('writes up to 1000 rows in one call', async () => {
    await audit.record({ ...read, entityIds: Array.from({ length: 1000 }, (_, i) => `req-${i}`) });
    expect(await count()).toBe(1000);
  });

  it('writes inside the caller transaction: invisible until commit, gone with a rollback', async () => {
    let seenBeforeCommit = -1;
    await dataSource.transaction(async (em) => {
      await audit.record({ ...read, action: 'update', entityId: 'req-1' }, em);
      seenBeforeCommit = await count();
    });
    expect(seenBeforeCommit).toBe(0);
    expect(await count()).toBe(1);

    const failure = new Error('business change failed');
    await expect(
      dataSource.transaction(async (em) => {
        await audit.record({ ...read, action: 'update', entityIds: ['req-2', 'req-3'] }, em);
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await count()).toBe(1);
    expect(await idsInOrder(`entity_id <> 'req-1'`)).toEqual([]);
  });

  it('refuses an EntityManager without an open transaction', async () => {
    const error = await rejection(audit.record(read, dataSource.manager));
    expect(error.message).toMatch(/needs the EntityManager of an open transaction/);
    expect(await count()).toBe(0);
  });

  it('takes the correlation id of the work context unless the record gives one', async () => {
    await runInContext({ correlationId: 'corr-from-context' }, () =>
      audit.record([
        { ...read, entityId: 'ctx' },
        { ...read, entityId: 'own', correlationId: 'corr-own' },
      ]),
    );
    await runInContext({ correlationId: 'corr-tx' }, () =>
      dataSource.transaction((em) => audit.record({ ...read, entityId: 'tx' }, em)),
    );
    await audit.record({ ...read, entityId: 'none' });
    const rows = (await dataSource.query(
      `SELECT entity_id, correlation_id FROM ${TABLE} ORDER BY entity_id`,
    )) as Array<{
      entity_id: string;
      correlation_id: string | null;
    }>;
    expect(rows).toEqual([
      { entity_id: 'ctx', correlation_id: 'corr-from-context' },
      { entity_id: 'none', correlation_id: null },
      { entity_id: 'own', correlation_id: 'corr-own' },
      { entity_id: 'tx', correlation_id: 'corr-tx' },
    ]);
  });

  it('rejects invalid input with clear messages and writes nothing, not even the valid entries', async () => {
    const cases: Array<[unknown, RegExp]> = [
      [
        [read, { ...read, entity: 'Citizen-Request' }],
        /^invalid audit record: entries\[1\]\.entity must be a snake_case name/,
      ],
      [
        { ...read, actor: { subject: 's', username: 'u' } },
        /record\.actor\.roles must be an array of role names/,
      ],
      [
        { ...read, action: 'peek' },
        /record\.action must be one of read, create, update, delete, export, denied/,
      ],
      [
        { ...read, details: { blob: 'x'.repeat(10_000) } },
        /record\.details is \d+ bytes of JSON, at most 8192/,
      ],
      [{ ...read, details: { n: 10n } }, /record\.details\.n is a bigint 10, not JSON data/],
      [
        [read, { ...read, entityIds: Array.from({ length: 1000 }, (_, i) => `id-${i}`) }],
        /1001 rows in one call, at most 1000: split the entity ids into batches/,
      ],
      [{ ...read, entityId: 'a\u0000b' }, /record\.entityId contains a NUL character/],
    ];
    for (const [input, message] of cases) {
      const error = await rejection(audit.record(input as AuditRecord));
      expect(error).toBeInstanceOf(AuditValidationError);
      expect(error.message).toMatch(message);
    }
    expect(await count()).toBe(0);
  });

  it('does nothing for an empty list', async () => {
    await audit.record([]);
    expect(await count()).toBe(0);
  });
});

describe('the append-only trigger', () => {
  it('refuses UPDATE, DELETE and TRUNCATE, by SQL or through the entity, and leaves the rows as they were', async () => {
    await audit.record({ ...read, entityIds: ['req-1', 'req-2'] });
    const before = (await dataSource.query(`SELECT * FROM ${TABLE} ORDER BY id`)) as unknown[];
    const attempts: Array<[string, () => Promise<unknown>]> = [
      ['UPDATE', () => dataSource.query(`UPDATE ${TABLE} SET actor_username = 'someone.else'`)],
      [
        'UPDATE',
        () =>
          dataSource.getRepository(AuditEntryEntity).update({ entityId: 'req-1' }, { purpose: 'covered up' }),
      ],
      ['DELETE', () => dataSource.query(`DELETE FROM ${TABLE} WHERE entity_id = 'req-1'`)],
      ['DELETE', () => dataSource.getRepository(AuditEntryEntity).delete({ entityId: 'req-2' })],
      ['TRUNCATE', () => dataSource.query(`TRUNCATE ${TABLE}`)],
    ];
    for (const [operation, attempt] of attempts) {
      const error = await rejection(attempt());
      expect(error.message).toBe(`audit_log is append-only: ${operation} is not allowed`);
      expect(
        (error as { driverError?: { code?: string } }).driverError?.code ?? (error as { code?: string }).code,
      ).toBe('42501');
    }
    expect(await dataSource.query(`SELECT * FROM ${TABLE} ORDER BY id`)).toEqual(before);
  });
});

describe('AuditLog.search', () => {
  interface FixtureRow {
    id: string;
    time: string;
    subject: string;
    username: string;
    action: AuditAction;
    entity: string;
    entityId: string | null;
  }

  const BASE = Date.parse('2024-03-01T00:00:00.000Z');
  /** `minutes` after BASE, as an ISO string with microseconds. */
  const at = (minutes: number, micros = 0): string =>
    `${new Date(BASE + minutes * 60_000).toISOString().slice(0, -1)}${String(micros).padStart(3, '0')}Z`;
  const asMicros = (date: Date): string => `${date.toISOString().slice(0, -1)}000Z`;

  const actors = [
    { subject: 'sub-a', username: 'inspector.aliev' },
    { subject: 'sub-b', username: 'analyst.bekova' },
    // Another account with the same username: the username filter must not be the subject filter.
    { subject: 'sub-c', username: 'inspector.aliev' },
  ];
  const entities = ['citizen_request', 'inspector', 'commission_task'];
  const actions: AuditAction[] = ['read', 'update', 'export', 'denied'];

  /** 36 rows over 18 minutes, two at each minute (ties broken by id), some a microsecond later. */
  async function seed(): Promise<FixtureRow[]> {
    const fixture = Array.from({ length: 36 }, (_, i) => {
      const action = actions[i % 4];
      return {
        time: at(Math.floor(i / 2), i % 3 === 0 ? 1 : 0),
        subject: actors[i % 3].subject,
        username: actors[i % 3].username,
        action,
        entity: entities[Math.floor(i / 3) % 3],
        entityId: action === 'denied' ? null : `id-${i % 5}`,
      };
    });
    const params: unknown[] = [];
    const values = fixture.map((row) => {
      params.push(row.time, row.subject, row.username, row.action, row.entity, row.entityId);
      const n = params.length;
      return `($${n - 5}::timestamptz, $${n - 4}, $${n - 3}, '{auditor}', $${n - 2}, $${n - 1}, $${n}, 'fixture')`;
    });
    const inserted = (await dataSource.query(
      `INSERT INTO ${TABLE} (occurred_at, actor_subject, actor_username, actor_roles, action, entity, entity_id, purpose)
       VALUES ${values.join(', ')}
       RETURNING id, to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS time, actor_subject`,
      params,
    )) as Array<{ id: string; time: string }>;
    return fixture.map((row, i) => {
      expect(inserted[i].time).toBe(row.time);
      return { ...row, id: inserted[i].id };
    });
  }

  const newestFirst = (a: FixtureRow, b: FixtureRow): number =>
    a.time !== b.time ? (a.time < b.time ? 1 : -1) : a.id < b.id ? 1 : -1;

  it('filters by every field and their combinations, newest first', async () => {
    const fixture = await seed();
    const filters: Array<[AuditFilter, (row: FixtureRow) => boolean]> = [
      [{}, () => true],
      [{ actorSubject: 'sub-a' }, (r) => r.subject === 'sub-a'],
      [{ actorUsername: 'inspector.aliev' }, (r) => r.username === 'inspector.aliev'],
      [{ entity: 'inspector' }, (r) => r.entity === 'inspector'],
      [{ entityId: 'id-2' }, (r) => r.entityId === 'id-2'],
      [
        { entity: 'citizen_request', entityId: 'id-1' },
        (r) => r.entity === 'citizen_request' && r.entityId === 'id-1',
      ],
      [{ action: 'denied' }, (r) => r.action === 'denied'],
      [{ from: new Date(BASE + 10 * 60_000) }, (r) => r.time >= at(10)],
      [{ to: new Date(BASE + 10 * 60_000) }, (r) => r.time < at(10)],
      [
        { from: new Date(BASE + 5 * 60_000), to: new Date(BASE + 12 * 60_000) },
        (r) => r.time >= at(5) && r.time < at(12),
      ],
      [
        { actorSubject: 'sub-b', action: 'update', from: new Date(BASE + 3 * 60_000) },
        (r) => r.subject === 'sub-b' && r.action === 'update' && r.time >= at(3),
      ],
      [{ actorSubject: 'nobody' }, () => false],
    ];
    for (const [filter, predicate] of filters) {
      const expected = fixture
        .filter(predicate)
        .sort(newestFirst)
        .map((r) => r.id);
      const page = await audit.search(filter, { first: 200 });
      expect({ filter, ids: page.entries.map((e) => e.id) }).toEqual({ filter, ids: expected });
      expect(page.hasNextPage).toBe(false);
      expect(page.endCursor).toBe(expected.length ? page.entries[page.entries.length - 1].cursor : null);
    }
    // A sanity check of the fixture itself: the filters above did select different things.
    expect(new Set(filters.map(([, p]) => fixture.filter(p).length)).size).toBeGreaterThan(6);
  });

  it('includes `from` and excludes `to` exactly at a row time, to the microsecond', async () => {
    const fixture = await seed();
    const boundary = new Date(BASE + 4 * 60_000);
    const onBoundary = fixture.filter((r) => r.time === asMicros(boundary)).map((r) => r.id);
    expect(onBoundary.length).toBeGreaterThan(0);
    const from = (await audit.search({ from: boundary }, { first: 200 })).entries.map((e) => e.id);
    const to = (await audit.search({ to: boundary }, { first: 200 })).entries.map((e) => e.id);
    expect(onBoundary.every((id) => from.includes(id))).toBe(true);
    expect(onBoundary.some((id) => to.includes(id))).toBe(false);
    expect(from.length + to.length).toBe(fixture.length);
  });

  it('views entries as plain data', async () => {
    await runInContext({ correlationId: 'corr-view' }, () =>
      audit.record({
        ...read,
        entityId: 'req-9',
        purpose: 'graphql:citizenRequest',
        details: { fields: ['description'] },
      }),
    );
    const { entries } = await audit.search({ entityId: 'req-9' }, {});
    expect(entries).toEqual([
      {
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        occurredAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
        actor: inspector,
        action: 'read',
        entity: 'citizen_request',
        entityId: 'req-9',
        purpose: 'graphql:citizenRequest',
        correlationId: 'corr-view',
        details: { fields: ['description'] },
        cursor: expect.any(String),
      },
    ]);
    expect(JSON.parse(JSON.stringify(entries))).toEqual(entries);
  });

  it('pages through 120 rows without gaps or duplicates, stable while new rows arrive', async () => {
    // Twelve calls of ten ids: ten rows share each statement's time, so ties are broken by id.
    for (let call = 0; call < 12; call++) {
      await audit.record({
        ...read,
        entity: 'page_probe',
        entityIds: Array.from({ length: 10 }, (_, i) => `p-${call}-${i}`),
      });
    }
    const expected = await idsInOrder(`entity = 'page_probe'`);
    expect(expected).toHaveLength(120);

    const seen: string[] = [];
    const shape: Array<[number, boolean]> = [];
    const endCursors: string[] = [];
    let after: string | undefined;
    let page = await audit.search({ entity: 'page_probe' }, { first: 50 });
    for (;;) {
      seen.push(...page.entries.map((e) => e.id));
      shape.push([page.entries.length, page.hasNextPage]);
      endCursors.push(page.endCursor!);
      if (!page.hasNextPage) break;
      // Rows written between two pages are newer than any cursor: they never shift what follows.
      await audit.record({
        ...read,
        entity: 'page_probe',
        entityIds: [`late-${seen.length}-a`, `late-${seen.length}-b`],
      });
      after = page.endCursor!;
      page = await audit.search({ entity: 'page_probe' }, { first: 50, after });
    }
    expect(shape).toEqual([
      [50, true],
      [50, true],
      [20, false],
    ]);
    expect(seen).toEqual(expected);
    expect(new Set(seen).size).toBe(120);

    // Exactly as many rows left as asked for: no next page.
    const exact = await audit.search({ entity: 'page_probe' }, { first: 20, after: endCursors[1] });
    expect([exact.entries.length, exact.hasNextPage]).toEqual([20, false]);
    expect(exact.endCursor).toBe(page.endCursor);
    const beyond = await audit.search({ entity: 'page_probe' }, { first: 50, after: page.endCursor! });
    expect(beyond).toEqual({ entries: [], endCursor: null, hasNextPage: false });
    // A new search starts with the rows written meanwhile.
    const fresh = await audit.search({ entity: 'page_probe' }, { first: 4 });
    expect(fresh.entries.every((e) => e.entityId!.startsWith('late-'))).toBe(true);
    // Default page size 50; any entry cursor continues right after that entry.
    const first = await audit.search({ entity: 'page_probe' }, {});
    expect(first.entries).toHaveLength(50);
    const fromTenth = await audit.search(
      { entity: 'page_probe' },
      { first: 5, after: first.entries[9].cursor },
    );
    expect(fromTenth.entries.map((e) => e.id)).toEqual(first.entries.slice(10, 15).map((e) => e.id));
  });

  it('tells apart rows within one millisecond, one at a time', async () => {
    // Microseconds apart and exact ties: a millisecond cursor would skip or repeat these.
    const times = ['000001', '000002', '000002', '000002', '000999', '001000', '001001'].map(
      (us) => `2024-05-01T10:00:00.${us}Z`,
    );
    const params: unknown[] = [];
    const values = times.map((time) => {
      params.push(time);
      return `($${params.length}::timestamptz, 's', 'u', '{}', 'read', 'micro_probe')`;
    });
    await dataSource.query(
      `INSERT INTO ${TABLE} (occurred_at, actor_subject, actor_username, actor_roles, action, entity) VALUES ${values.join(', ')}`,
      params,
    );
    const expected = await idsInOrder(`entity = 'micro_probe'`);
    expect(expected).toHaveLength(7);
    expect((await searchAll({ entity: 'micro_probe' }, 1)).map((e) => e.id)).toEqual(expected);
    expect((await searchAll({ entity: 'micro_probe' }, 2)).map((e) => e.id)).toEqual(expected);
  });

  it('rejects bad filters, sizes and cursors with clear messages', async () => {
    const cases: Array<[unknown, unknown, RegExp]> = [
      [{ entity: 'Citizen' }, {}, /^invalid audit search: filter\.entity must match/],
      [{ action: 'peek' }, {}, /filter\.action must be one of read, create/],
      [{ from: '2024-01-01' }, {}, /filter\.from must be a Date, not "2024-01-01"/],
      [
        { from: new Date('2024-02-01Z'), to: new Date('2024-01-01Z') },
        {},
        /filter\.from \(2024-02-01T00:00:00\.000Z\) is after filter\.to/,
      ],
      [{ subject: 'x' }, {}, /filter\.subject is not a filter of the audit log/],
      [{}, { first: 201 }, /first must be an integer from 1 to 200, not number 201/],
      [{}, { first: 0 }, /first must be an integer from 1 to 200/],
      [{}, { after: 'bm90LWEtY3Vyc29y' }, /after: malformed cursor \(not JSON\); pass the endCursor/],
      [
        {},
        {
          after: encodeCursor({
            time: '2024-01-01T00:00:00.000000Z',
            id: '0b7c2f7e-3c1a-4d2b-9a61-5f0e8e2d4c11',
          }).slice(1),
        },
        /after: malformed cursor/,
      ],
      [{}, { after: "'; DROP TABLE audit_log; --" }, /after: malformed cursor \(not base64url\)/],
    ];
    for (const [filter, page, message] of cases) {
      const error = await rejection(
        audit.search(filter as AuditFilter, page as { first?: number; after?: string }),
      );
      expect(error).toBeInstanceOf(AuditValidationError);
      expect(error.message).toMatch(message);
    }
  });
});

describe('AuditModule', () => {
  it('gives AuditLog, on the app TypeORM DataSource, to any module of the app', async () => {
    @Injectable()
    class RequestReader {
      constructor(readonly audit: AuditLog) {}
    }
    @Module({ providers: [RequestReader] })
    class FeatureModule {}
    @Module({
      imports: [
        TypeOrmModule.forRoot(
          serviceDataSourceOptions({
            url: db.url,
            schema: SCHEMA,
            entities: [AuditEntryEntity],
            migrations: auditMigrations,
            poolSize: 1,
          }),
        ),
        AuditModule,
        FeatureModule,
      ],
    })
    class AppModule {}

    const app = await NestFactory.createApplicationContext(AppModule, { logger: false, abortOnError: false });
    try {
      const reader = app.get(RequestReader);
      expect(reader.audit).toBeInstanceOf(AuditLog);
      await reader.audit.record({ ...read, entityId: 'via-nest' });
      expect((await audit.search({ entityId: 'via-nest' }, {})).entries).toHaveLength(1);
    } finally {
      await app.close();
    }
  });
});

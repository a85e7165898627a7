import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createServiceDataSource, serviceDataSourceOptions } from '../src/data-source';
import { assertMigrated, pendingMigrations, runMigrations } from '../src/migrations';
import { createTestDatabase, type TestDatabase } from '../src/testing';

class CreateThing1700000000001 implements MigrationInterface {
  name = 'CreateThing1700000000001';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "persistence_test"."thing" ("id" uuid PRIMARY KEY DEFAULT gen_random_uuid(), "name" text NOT NULL)`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "persistence_test"."thing"`);
  }
}

class AddLabel1700000000002 implements MigrationInterface {
  name = 'AddLabel1700000000002';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "persistence_test"."thing" ADD "label" text`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "persistence_test"."thing" DROP COLUMN "label"`);
  }
}

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase('persistence');
});

afterAll(async () => {
  await db?.drop();
});

describe('service data sources and migrations', () => {
  it('never synchronizes nor migrates at boot, and generates uuids without extensions', () => {
    const options = serviceDataSourceOptions({ url: db.url, schema: 'persistence_test', entities: [], migrations: [] });
    expect(options).toMatchObject({ synchronize: false, migrationsRun: false, uuidExtension: 'pgcrypto', schema: 'persistence_test' });
    expect(() => serviceDataSourceOptions({ url: db.url, schema: 'Bad-Name', entities: [], migrations: [] })).toThrow('invalid schema');
  });

  it('runs pending migrations into the service schema, and refuses to serve before that', async () => {
    const first = createServiceDataSource({ url: db.url, schema: 'persistence_test', entities: [], migrations: [CreateThing1700000000001] });
    await first.initialize();
    try {
      expect(await pendingMigrations(first)).toEqual(['CreateThing1700000000001']);
      await expect(assertMigrated(first, 'demo')).rejects.toThrow('run `npx nx run demo:migrate`');
      expect(await runMigrations(first)).toEqual(['CreateThing1700000000001']);
      await expect(assertMigrated(first, 'demo')).resolves.toBeUndefined();
      expect(await runMigrations(first)).toEqual([]);
      const [row] = (await first.query(`INSERT INTO persistence_test.thing (name) VALUES ('x') RETURNING id`)) as Array<{ id: string }>;
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      await first.destroy();
    }

    const second = createServiceDataSource({
      url: db.url,
      schema: 'persistence_test',
      entities: [],
      migrations: [CreateThing1700000000001, AddLabel1700000000002],
    });
    await second.initialize();
    try {
      expect(await pendingMigrations(second)).toEqual(['AddLabel1700000000002']);
      expect(await runMigrations(second)).toEqual(['AddLabel1700000000002']);
    } finally {
      await second.destroy();
    }
  });

  it('gives every test database its own rows', async () => {
    const other = await createTestDatabase('persistence');
    try {
      expect(other.name).not.toBe(db.name);
      const probe = createServiceDataSource({ url: other.url, schema: 'persistence_test', entities: [], migrations: [] });
      await probe.initialize();
      const [{ exists }] = (await probe.query(`SELECT to_regclass('persistence_test.thing') IS NOT NULL AS "exists"`)) as Array<{ exists: boolean }>;
      await probe.destroy();
      expect(exists).toBe(false);
    } finally {
      await other.drop();
    }
  });
});

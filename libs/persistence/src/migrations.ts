import type { DataSource, QueryRunner } from 'typeorm';
import { assertSchemaName } from './data-source';

/** Migrations of a schema that have not run yet, by name. */
/**
 * The schema a migration runs in: the service's own (the DataSource's `schema` option). Shared
 * libraries' migrations (outbox/inbox, audit log) use it to create their tables in each service.
 */
export function migrationSchema(queryRunner: QueryRunner): string {
  return String((queryRunner.connection.options as { schema?: string }).schema ?? 'public');
}

export async function pendingMigrations(dataSource: DataSource): Promise<string[]> {
  const schema = String((dataSource.options as { schema?: string }).schema ?? 'public');
  const exists = (await dataSource.query(
    `SELECT to_regclass($1) IS NOT NULL AS "exists"`,
    [`"${schema}"."migrations"`],
  )) as Array<{ exists: boolean }>;
  const ran = new Set<string>();
  if (exists[0]?.exists) {
    const rows = (await dataSource.query(`SELECT name FROM "${schema}"."migrations"`)) as Array<{ name: string }>;
    for (const row of rows) ran.add(row.name);
  }
  return dataSource.migrations.map((m) => m.name ?? m.constructor.name).filter((name) => !ran.has(name));
}

/**
 * Runs the pending migrations of a service schema, each in its own transaction, creating the
 * schema first (TypeORM keeps its migrations table inside it). Returns the names that ran.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const schema = String((dataSource.options as { schema?: string }).schema ?? 'public');
  assertSchemaName(schema);
  await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  const done = await dataSource.runMigrations({ transaction: 'each' });
  return done.map((m) => m.name);
}

/** Refuses to serve on an outdated schema: migrations run as their own step, never at boot. */
export async function assertMigrated(dataSource: DataSource, service: string): Promise<void> {
  const pending = await pendingMigrations(dataSource);
  if (pending.length) {
    throw new Error(
      `${service}: ${pending.length} migration(s) not applied (${pending.join(', ')}); run \`npx nx run ${service}:migrate\``,
    );
  }
}

/** Entry point of `nx run <app>:migrate`: runs the migrations and reports what ran. */
export async function migrateCommand(dataSource: DataSource, service: string): Promise<void> {
  try {
    try {
      await dataSource.initialize();
    } catch (error) {
      if ((error as { code?: string }).code === '3D000') {
        const url = (dataSource.options as { url?: string }).url ?? '';
        throw new Error(`${service}: ${(error as Error).message}; create it (createdb ${new URL(url).pathname.slice(1)}) or run \`npm start\`, which does`);
      }
      throw error;
    }
    const ran = await runMigrations(dataSource);
    console.log(ran.length ? `${service}: applied ${ran.join(', ')}` : `${service}: schema is up to date`);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
  }
}

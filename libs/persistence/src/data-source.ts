import { DataSource, type DataSourceOptions, type MixedList, type EntitySchema } from 'typeorm';

export interface ServiceDatabaseOptions {
  /** PostgreSQL URL; the database is shared, the schema is the service's own. */
  url: string;
  /** The service's schema, e.g. `citizen_requests`. */
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type for entity classes
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type for migration classes
  migrations: MixedList<Function | string>;
  /** Connection pool size (default 10). */
  poolSize?: number;
  /** Shown in pg_stat_activity. */
  applicationName?: string;
}

export const MIGRATIONS_TABLE = 'migrations';
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function assertSchemaName(schema: string): void {
  if (!SCHEMA_NAME.test(schema)) throw new Error(`invalid schema name "${schema}"`);
}

/**
 * TypeORM options for one service schema on PostgreSQL. Never `synchronize`, never migrations at
 * boot: the schema changes only through committed migrations run by `nx run <app>:migrate`.
 * `gen_random_uuid()` (pgcrypto, core since PostgreSQL 13) generates uuids, so no superuser
 * extension is needed.
 */
export function serviceDataSourceOptions(options: ServiceDatabaseOptions): DataSourceOptions {
  assertSchemaName(options.schema);
  return {
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsTransactionMode: 'each',
    migrationsRun: false,
    synchronize: false,
    uuidExtension: 'pgcrypto',
    applicationName: options.applicationName ?? options.schema,
    poolSize: options.poolSize ?? 10,
    extra: { max: options.poolSize ?? 10, connectionTimeoutMillis: 5000 },
  };
}

export function createServiceDataSource(options: ServiceDatabaseOptions): DataSource {
  return new DataSource(serviceDataSourceOptions(options));
}

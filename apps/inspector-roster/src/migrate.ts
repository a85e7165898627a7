// `nx run inspector-roster:migrate`: applies the committed migrations of the inspector_roster schema.
import 'reflect-metadata';
import { createServiceDataSource, migrateCommand } from '@seriktes/persistence';
import { databaseOptions } from '@seriktes/runtime';
import { env } from './config';
import { inspectorRosterService } from './service';

migrateCommand(createServiceDataSource(databaseOptions(inspectorRosterService, env.load())), 'inspector-roster').catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

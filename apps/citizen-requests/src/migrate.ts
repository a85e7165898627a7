// `nx run citizen-requests:migrate`: applies the committed migrations of the citizen_requests schema.
import 'reflect-metadata';
import { createServiceDataSource, migrateCommand } from '@seriktes/persistence';
import { databaseOptions } from '@seriktes/runtime';
import { env } from './config';
import { citizenRequestsService } from './service';

migrateCommand(createServiceDataSource(databaseOptions(citizenRequestsService, env.load())), 'citizen-requests').catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

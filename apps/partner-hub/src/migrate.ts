// `nx run partner-hub:migrate`: applies the committed migrations of the partner_hub schema.
import 'reflect-metadata';
import { createServiceDataSource, migrateCommand } from '@seriktes/persistence';
import { databaseOptions } from '@seriktes/runtime';
import { env } from './config';
import { partnerHubService } from './service';

migrateCommand(createServiceDataSource(databaseOptions(partnerHubService, env.load())), 'partner-hub').catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

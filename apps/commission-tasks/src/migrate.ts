// `nx run commission-tasks:migrate`: applies the committed migrations of the commission_tasks schema.
import 'reflect-metadata';
import { createServiceDataSource, migrateCommand } from '@seriktes/persistence';
import { databaseOptions } from '@seriktes/runtime';
import { env } from './config';
import { commissionTasksService } from './service';

migrateCommand(createServiceDataSource(databaseOptions(commissionTasksService, env.load())), 'commission-tasks').catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

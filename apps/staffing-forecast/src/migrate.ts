// `nx run staffing-forecast:migrate`: applies the committed migrations of the staffing_forecast schema.
import 'reflect-metadata';
import { createServiceDataSource, migrateCommand } from '@seriktes/persistence';
import { databaseOptions } from '@seriktes/runtime';
import { env } from './config';
import { staffingForecastService } from './service';

migrateCommand(createServiceDataSource(databaseOptions(staffingForecastService, env.load())), 'staffing-forecast').catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

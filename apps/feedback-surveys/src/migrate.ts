// `nx run feedback-surveys:migrate`: applies the committed migrations of the commission_tasks schema.
import 'reflect-metadata';
import { createServiceDataSource, migrateCommand } from '@seriktes/persistence';
import { databaseOptions } from '@seriktes/runtime';
import { env } from './config';
import { feedbackSurveysService } from './service';

migrateCommand(createServiceDataSource(databaseOptions(feedbackSurveysService, env.load())), 'feedback-surveys').catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

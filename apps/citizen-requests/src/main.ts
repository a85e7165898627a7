import 'reflect-metadata';
import { createLogger } from '@seriktes/observability';
import { runService, startServiceApp } from '@seriktes/runtime';
import { AppModule } from './app.module';
import { env } from './config';

runService('citizen-requests', async () => {
  const config = env.load();
  const logger = createLogger({ service: 'citizen-requests', level: config.LOG_LEVEL });
  return startServiceApp({ service: 'citizen-requests', module: AppModule.forRoot(config, logger), port: config.PORT, logger });
});

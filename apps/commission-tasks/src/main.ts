import 'reflect-metadata';
import { createLogger } from '@seriktes/observability';
import { runService, startServiceApp } from '@seriktes/runtime';
import { AppModule } from './app.module';
import { env } from './config';

runService('commission-tasks', async () => {
  const config = env.load();
  const logger = createLogger({ service: 'commission-tasks', level: config.LOG_LEVEL });
  return startServiceApp({ service: 'commission-tasks', module: AppModule.forRoot(config, logger), port: config.PORT, logger });
});

import 'reflect-metadata';
import { createLogger } from '@seriktes/observability';
import { runService, startServiceApp } from '@seriktes/runtime';
import { AppModule } from './app.module';
import { env } from './config';

runService('staffing-forecast', async () => {
  const config = env.load();
  const logger = createLogger({ service: 'staffing-forecast', level: config.LOG_LEVEL });
  return startServiceApp({ service: 'staffing-forecast', module: AppModule.forRoot(config, logger), port: config.PORT, logger });
});

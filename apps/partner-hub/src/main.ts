import 'reflect-metadata';
import { createLogger } from '@seriktes/observability';
import { runService, startServiceApp } from '@seriktes/runtime';
import { AppModule } from './app.module';
import { env } from './config';

runService('partner-hub', async () => {
  const config = env.load();
  const logger = createLogger({ service: 'partner-hub', level: config.LOG_LEVEL });
  return startServiceApp({ service: 'partner-hub', module: AppModule.forRoot(config, logger), port: config.PORT, logger });
});

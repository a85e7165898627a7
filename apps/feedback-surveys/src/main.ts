import 'reflect-metadata';
import { createLogger } from '@seriktes/observability';
import { runService, startServiceApp } from '@seriktes/runtime';
import { AppModule } from './app.module';
import { env } from './config';

runService('feedback-surveys', async () => {
  const config = env.load();
  const logger = createLogger({ service: 'feedback-surveys', level: config.LOG_LEVEL });
  return startServiceApp({ service: 'feedback-surveys', module: AppModule.forRoot(config, logger), port: config.PORT, logger });
});

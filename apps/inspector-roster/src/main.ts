import 'reflect-metadata';
import { createLogger } from '@seriktes/observability';
import { runService, startServiceApp } from '@seriktes/runtime';
import { AppModule } from './app.module';
import { env } from './config';

runService('inspector-roster', async () => {
  const config = env.load();
  const logger = createLogger({ service: 'inspector-roster', level: config.LOG_LEVEL });
  return startServiceApp({ service: 'inspector-roster', module: AppModule.forRoot(config, logger), port: config.PORT, logger });
});

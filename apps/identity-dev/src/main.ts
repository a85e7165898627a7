import 'reflect-metadata';
import { createLogger } from '@seriktes/observability';
import { runService, startServiceApp } from '@seriktes/runtime';
import { AppModule } from './app.module';
import { env } from './config';
import { createIdentityProvider } from './identity';

runService('identity-dev', async () => {
  const config = env.load();
  const logger = createLogger({ service: 'identity-dev', level: config.LOG_LEVEL });
  const provider = createIdentityProvider(config, logger);
  return startServiceApp({
    service: 'identity-dev',
    module: AppModule.forRoot(config, logger, provider),
    port: config.PORT,
    logger,
  });
});

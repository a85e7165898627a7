import 'reflect-metadata';
import { createLogger } from '@seriktes/observability';
import { runService, startServiceApp } from '@seriktes/runtime';
import { env } from './config';
import { GatewayModule } from './gateway.module';

runService('gateway', async () => {
  const config = env.load();
  const logger = createLogger({ service: 'gateway', level: config.LOG_LEVEL });
  return startServiceApp({ service: 'gateway', module: GatewayModule.forRoot(config, logger), port: config.PORT, logger });
});

/** In-process identity-dev for this app's own tests (other projects start it with @seriktes/testing). */
import { createLogger } from '@seriktes/observability';
import { startServiceApp, type ServiceApp } from '@seriktes/runtime';
import { AppModule } from './app.module';
import { env } from './config';
import { createIdentityProvider } from './identity';
import type { IdentityProvider } from './oidc';

export interface InProcessIdentity {
  app: ServiceApp;
  provider: IdentityProvider;
  url: string;
  issuer: string;
  close(): Promise<void>;
}

/** Starts identity-dev on a free port in this process; `clock` lets a test mint tokens at another time. */
export async function startInProcess(
  options: { env?: Record<string, string>; clock?: () => number } = {},
): Promise<InProcessIdentity> {
  const variables = { ...process.env, ...options.env, PORT: '0' };
  const config = env.load(variables);
  const logger = createLogger({ service: 'identity-dev', level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const provider = createIdentityProvider(config, logger, { env: variables, clock: options.clock });
  const app = await startServiceApp({
    service: 'identity-dev',
    module: AppModule.forRoot(config, logger, provider),
    port: 0,
    logger,
  });
  const base = config.IDENTITY_DEV_PUBLIC_URL || app.url;
  return { app, provider, url: app.url, issuer: provider.issuer(base), close: () => app.close() };
}

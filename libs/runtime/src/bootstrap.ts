import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createLogger, NestJsonLogger, type Logger } from '@seriktes/observability';

export interface ServiceApp {
  app: INestApplication;
  logger: Logger;
  url: string;
  close(): Promise<void>;
}

/**
 * Creates a service's Nest application with JSON logs and graceful shutdown, and listens on `port`
 * (0 picks a free one). Used by every app's main.ts and by tests that run an app in-process.
 */
export async function startServiceApp(options: {
  service: string;
  module: unknown;
  port: number;
  logger: Logger;
  host?: string;
}): Promise<ServiceApp> {
  const app = await NestFactory.create(options.module as never, {
    logger: new NestJsonLogger(options.logger.child({ component: 'nest' })),
    bufferLogs: false,
    abortOnError: false,
  });
  app.getHttpAdapter().getInstance().disable?.('x-powered-by');
  await app.listen(options.port, options.host ?? '0.0.0.0');
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  options.logger.info({ url }, `${options.service} listening`);
  return { app, logger: options.logger, url, close: () => app.close() };
}

/**
 * main.ts of a service: start it; on SIGTERM or SIGINT close it gracefully (stop consuming, flush
 * the outbox, close connections) and exit 0; exit 1 with a clear message if it cannot start or stop.
 */
export function runService(service: string, start: () => Promise<ServiceApp>): void {
  const started = start();
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    void started
      .then(async ({ logger, close }) => {
        logger.info({ signal }, `${service} shutting down`);
        await close();
        logger.info(`${service} stopped`);
        process.exit(0);
      })
      .catch((error: unknown) => {
        createLogger({ service }).fatal({ err: error }, `${service} failed to stop cleanly`);
        process.exit(1);
      });
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
  started.catch((error: unknown) => {
    createLogger({ service }).fatal({ err: error }, `${service} failed to start`);
    process.exit(1);
  });
}

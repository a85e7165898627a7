import type { LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';
import { currentContext } from './context';

export type { Logger } from 'pino';

export interface LoggerOptions {
  service: string;
  level?: string;
  /** Where to write; standard output by default. Tests pass a stream to read the lines back. */
  destination?: pino.DestinationStream;
}

/** A JSON logger (pino) that stamps every line with the service and the current correlation id. */
export function createLogger(options: LoggerOptions): Logger {
  return pino(
    {
      level: options.level ?? process.env.LOG_LEVEL ?? 'info',
      base: { service: options.service },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin() {
        const context = currentContext();
        return context
          ? { correlationId: context.correlationId, ...(context.causationId ? { causationId: context.causationId } : {}) }
          : {};
      },
    },
    // Synchronous writes: the lines just before a crash or a signal are the ones that matter most.
    options.destination ?? pino.destination({ sync: true }),
  );
}

/** Nest's logger interface over pino, so framework messages are JSON lines too. */
export class NestJsonLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  /** Nest messages are strings, or objects of fields with an optional `msg`. */
  private write(level: 'info' | 'error' | 'warn' | 'debug' | 'trace', message: unknown, fields: Record<string, unknown>): void {
    if (typeof message === 'object' && message !== null && !(message instanceof Error)) {
      const { msg, ...rest } = message as Record<string, unknown>;
      this.logger[level]({ ...fields, ...rest }, typeof msg === 'string' ? msg : '');
      return;
    }
    this.logger[level](fields, String(message));
  }

  log(message: unknown, context?: string): void {
    this.write('info', message, { context });
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.write('error', message, { context, trace });
  }
  warn(message: unknown, context?: string): void {
    this.write('warn', message, { context });
  }
  debug(message: unknown, context?: string): void {
    this.write('debug', message, { context });
  }
  verbose(message: unknown, context?: string): void {
    this.write('trace', message, { context });
  }
}

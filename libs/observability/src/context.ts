import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/**
 * What follows one piece of work through the code: the correlation id shared by everything one
 * original action caused, and the id of the event or request that directly caused this work.
 * HTTP requests start a context (from `x-correlation-id` or a new id); the event consumer starts
 * one per event; the outbox copies it into every event written inside it; logs print it.
 */
export interface WorkContext {
  correlationId: string;
  causationId?: string;
}

const storage = new AsyncLocalStorage<WorkContext>();

export function runInContext<T>(context: WorkContext, work: () => T): T {
  return storage.run(context, work);
}

export function currentContext(): WorkContext | undefined {
  return storage.getStore();
}

export function newCorrelationId(): string {
  return randomUUID();
}

/** Accepts a caller-supplied correlation id only if it is a sane token (no log injection). */
export function sanitizeCorrelationId(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  return /^[A-Za-z0-9._:-]{1,128}$/.test(value) ? value : undefined;
}

import type { Logger } from '@nestjs/common';

/**
 * A background job run every `intervalMs` (0: never; tests call `run` themselves), one run at a
 * time per process: a run asked for while one is going shares it. Failures are logged, and the
 * next tick tries again.
 */
export class PeriodicJob<T> {
  private timer?: NodeJS.Timeout;
  private running?: Promise<T>;

  constructor(
    private readonly what: string,
    private readonly work: (now: Date) => Promise<T>,
    private readonly logger: Logger,
  ) {}

  start(intervalMs: number): void {
    if (intervalMs <= 0 || this.timer) return;
    this.timer = setInterval(() => void this.run().catch((e: unknown) => this.logger.error(`${this.what} failed: ${String(e)}`)), intervalMs);
    this.timer.unref();
  }

  run(now = new Date()): Promise<T> {
    this.running ??= this.work(now).finally(() => (this.running = undefined));
    return this.running;
  }

  /** Stops the timer and waits for a run in progress. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }
}

/** A sleep that `stop()` cuts short, so shutdown never waits out a backoff. */
export class Stopper {
  private stopped = false;
  private readonly waiters = new Set<() => void>();

  get isStopped(): boolean {
    return this.stopped;
  }

  stop(): void {
    this.stopped = true;
    for (const wake of this.waiters) wake();
    this.waiters.clear();
  }

  reset(): void {
    this.stopped = false;
  }

  /** Waits `ms`, or less if stopped or if `interrupt` registers a wake-up and it fires. */
  sleep(ms: number, interrupt?: (wake: () => void) => () => void): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const hooks: { release?: () => void } = {};
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        hooks.release?.();
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.waiters.add(done);
      hooks.release = interrupt?.(done);
    });
  }
}

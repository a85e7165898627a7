/** A dependency check: resolves with optional details when healthy, throws when not. */
export type HealthCheck = () => Promise<Record<string, unknown> | void>;

export interface HealthReport {
  /**
   * `ok`: every check passes; `degraded`: a non-critical dependency fails (e.g. Kafka: writes still
   * succeed through the outbox), answered with 200; `error`: a critical one fails, answered with 503.
   */
  status: 'ok' | 'degraded' | 'error';
  service: string;
  uptimeSeconds: number;
  checks: Record<string, { status: 'ok' | 'error'; critical: boolean; error?: string; [detail: string]: unknown }>;
}

/** Collects the dependency checks of an app (database, Kafka, ...) and runs them for `GET /health`. */
export class HealthRegistry {
  private readonly checks = new Map<string, { check: HealthCheck; critical: boolean }>();
  private readonly started = Date.now();

  constructor(
    readonly service: string,
    private readonly timeoutMs = 2000,
  ) {}

  register(name: string, check: HealthCheck, options: { critical?: boolean } = {}): void {
    this.checks.set(name, { check, critical: options.critical ?? true });
  }

  async report(): Promise<HealthReport> {
    const entries = await Promise.all(
      [...this.checks.entries()].map(async ([name, { check, critical }]) => {
        let timer: NodeJS.Timeout | undefined;
        try {
          const details = await Promise.race([
            check(),
            new Promise<never>((_, reject) => {
              timer = setTimeout(() => reject(new Error(`timed out after ${this.timeoutMs} ms`)), this.timeoutMs);
            }),
          ]);
          return [name, { status: 'ok' as const, critical, ...(details ?? {}) }] as const;
        } catch (error) {
          return [name, { status: 'error' as const, critical, error: (error as Error).message }] as const;
        } finally {
          if (timer) clearTimeout(timer);
        }
      }),
    );
    const checks = Object.fromEntries(entries);
    return {
      status: entries.some(([, r]) => r.status === 'error' && r.critical)
        ? 'error'
        : entries.some(([, r]) => r.status === 'error')
          ? 'degraded'
          : 'ok',
      service: this.service,
      uptimeSeconds: Math.round((Date.now() - this.started) / 1000),
      checks,
    };
  }
}

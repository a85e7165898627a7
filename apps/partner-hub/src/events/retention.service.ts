import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PeriodicJob } from '@seriktes/runtime';
import type { DataSource } from 'typeorm';

export const RETENTION_DAYS = Symbol('RETENTION_DAYS');
const HOURLY = 3_600_000;

/**
 * Events are kept for the feed and replay for EVENT_RETENTION_DAYS, then deleted with their
 * deliveries and attempts (a partner replays within that window). Hourly, in batches.
 */
@Injectable()
export class EventRetention implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('EventRetention');
  private readonly job = new PeriodicJob('event retention', (now) => this.purge(now), this.logger);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(RETENTION_DAYS) private readonly days: number,
  ) {}

  onApplicationBootstrap(): void {
    this.job.start(HOURLY);
  }

  onModuleDestroy(): Promise<void> {
    return this.job.stop();
  }

  /** Deletes events older than the retention; the number deleted. */
  async purge(now = new Date()): Promise<number> {
    const before = new Date(now.getTime() - this.days * 86_400_000);
    let deleted = 0;
    for (;;) {
      const [, count] = (await this.dataSource.query(
        `DELETE FROM partner_hub.event WHERE seq IN (SELECT seq FROM partner_hub.event WHERE time < $1 ORDER BY seq LIMIT 5000)`,
        [before],
      )) as [unknown, number];
      deleted += count;
      if (count < 5000) break;
    }
    if (deleted) this.logger.log(`deleted ${deleted} events older than ${this.days} days`);
    return deleted;
  }
}

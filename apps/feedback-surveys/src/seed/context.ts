/**
 * What the seed (and the ingestion benchmark) runs on: the service's own classes in a Nest
 * application context with only what they need (the database, the audit log, the outbox writer).
 * No Kafka, no relay, no consumer, no HTTP, no invitation or wave jobs: the events the ingestion
 * writes wait in the outbox, and the service's relay publishes them once it starts. The batch job
 * does not run on a timer here (interval 0); the caller drives `ResponseIngestion.tick()`.
 * Bootstrapping the context runs `InstrumentService.onApplicationBootstrap`, which publishes
 * version 1 of each shipped instrument where it is missing.
 */
import { Module, type DynamicModule, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AuditLog } from '@seriktes/audit';
import { EventPublisher } from '@seriktes/messaging';
import { assertMigrated, createServiceDataSource } from '@seriktes/persistence';
import { databaseOptions } from '@seriktes/runtime';
import { env, type FeedbackSurveysConfig } from '../config';
import { IndexService } from '../indices/index.service';
import { InstrumentService } from '../instruments/instrument.service';
import { MIN_CELL_N, RESPONSE_BATCH, ResponseIngestion } from '../responses/ingestion.service';
import { feedbackSurveysService } from '../service';

@Module({})
class SeedModule {
  static forRoot(dataSource: DataSource, config: FeedbackSurveysConfig): DynamicModule {
    return {
      module: SeedModule,
      providers: [
        { provide: DataSource, useValue: dataSource },
        AuditLog,
        // The outbox writer only, as MessagingModule builds it (the relay and consumer stay out).
        { provide: EventPublisher, useValue: new EventPublisher(feedbackSurveysService.service, feedbackSurveysService.schema, config.KAFKA_TOPIC_PREFIX) },
        { provide: MIN_CELL_N, useValue: config.SURVEY_MIN_CELL_N },
        // 0: no timer; the caller calls tick() itself. The batch size is the service's (RESPONSE_BATCH_SIZE).
        { provide: RESPONSE_BATCH, useValue: { intervalMs: 0, size: config.RESPONSE_BATCH_SIZE } },
        InstrumentService,
        ResponseIngestion,
        IndexService,
      ],
    };
  }
}

export interface SeedContext {
  config: FeedbackSurveysConfig;
  dataSource: DataSource;
  instruments: InstrumentService;
  ingestion: ResponseIngestion;
  indices: IndexService;
  close(): Promise<void>;
}

/** Opens the database of DATABASE_URL (migrated already) and the services on it. */
export async function openSeedContext(options: { environment?: NodeJS.ProcessEnv; applicationName?: string; poolSize?: number } = {}): Promise<SeedContext> {
  const config = env.load(options.environment ?? process.env);
  const dataSource = createServiceDataSource({
    ...databaseOptions(feedbackSurveysService, config),
    poolSize: options.poolSize ?? 2,
    applicationName: options.applicationName ?? 'feedback-surveys:seed',
  });
  await dataSource.initialize();
  let app: INestApplicationContext | undefined;
  try {
    await assertMigrated(dataSource, feedbackSurveysService.service);
    app = await NestFactory.createApplicationContext(SeedModule.forRoot(dataSource, config), { logger: ['error', 'warn'], abortOnError: false });
    const nest = app;
    return {
      config,
      dataSource,
      instruments: nest.get(InstrumentService),
      ingestion: nest.get(ResponseIngestion),
      indices: nest.get(IndexService),
      async close() {
        await nest.close();
        await dataSource.destroy();
      },
    };
  } catch (error) {
    await app?.close();
    await dataSource.destroy();
    throw error;
  }
}

/**
 * What the seed runs on: the service's own classes in a Nest application context with only what
 * they need (the database, the audit log, the outbox writer, the calendar). No Kafka, no relay,
 * no consumer, no HTTP: the events the seed writes wait in the outbox, and the service's relay
 * publishes them once it starts. The deadline scan does not run on a timer here; the seed drives it.
 */
import { Module, type DynamicModule, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AuditLog } from '@seriktes/audit';
import { WorkingCalendar } from '@seriktes/calendar';
import { EventPublisher } from '@seriktes/messaging';
import { assertMigrated, createServiceDataSource } from '@seriktes/persistence';
import { databaseOptions } from '@seriktes/runtime';
import { CommissionService } from '../commissions/commission.service';
import { env } from '../config';
import { DEADLINE_SCAN_INTERVAL, DeadlineScheduler } from '../deadlines/deadline.scheduler';
import { DecisionService } from '../decisions/decision.service';
import { MeetingService } from '../meetings/meeting.service';
import { OrganisationService } from '../organisations/organisation.service';
import { commissionTasksService } from '../service';
import { TaskService } from '../tasks/task.service';

@Module({})
class SeedModule {
  static forRoot(dataSource: DataSource, topicPrefix: string): DynamicModule {
    return {
      module: SeedModule,
      providers: [
        { provide: DataSource, useValue: dataSource },
        AuditLog,
        // The outbox writer only, as MessagingModule builds it (the relay and consumer stay out).
        { provide: EventPublisher, useValue: new EventPublisher(commissionTasksService.service, commissionTasksService.schema, topicPrefix) },
        { provide: WorkingCalendar, useFactory: () => WorkingCalendar.kazakhstan() },
        // 0: no timer; the seed calls tick(now) itself.
        { provide: DEADLINE_SCAN_INTERVAL, useValue: 0 },
        OrganisationService,
        CommissionService,
        MeetingService,
        DecisionService,
        TaskService,
        DeadlineScheduler,
      ],
    };
  }
}

export interface SeedContext {
  dataSource: DataSource;
  calendar: WorkingCalendar;
  organisations: OrganisationService;
  commissions: CommissionService;
  meetings: MeetingService;
  decisions: DecisionService;
  tasks: TaskService;
  deadlines: DeadlineScheduler;
  close(): Promise<void>;
}

/** Opens the database of DATABASE_URL (migrated already) and the services on it. */
export async function openSeedContext(): Promise<SeedContext> {
  const config = env.load();
  const dataSource = createServiceDataSource({ ...databaseOptions(commissionTasksService, config), poolSize: 2, applicationName: 'commission-tasks:seed' });
  await dataSource.initialize();
  let app: INestApplicationContext | undefined;
  try {
    await assertMigrated(dataSource, commissionTasksService.service);
    app = await NestFactory.createApplicationContext(SeedModule.forRoot(dataSource, config.KAFKA_TOPIC_PREFIX), { logger: ['error', 'warn'], abortOnError: false });
    const nest = app;
    return {
      dataSource,
      calendar: nest.get(WorkingCalendar),
      organisations: nest.get(OrganisationService),
      commissions: nest.get(CommissionService),
      meetings: nest.get(MeetingService),
      decisions: nest.get(DecisionService),
      tasks: nest.get(TaskService),
      deadlines: nest.get(DeadlineScheduler),
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

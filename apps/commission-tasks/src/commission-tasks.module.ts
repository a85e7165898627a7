import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { WorkingCalendar } from '@seriktes/calendar';
import { RequestErrorFilter } from '@seriktes/runtime';
import { AccountabilityService } from './accountability/accountability.service';
import { CommissionResolver } from './commissions/commission.resolver';
import { CommissionService } from './commissions/commission.service';
import type { CommissionTasksConfig } from './config';
import { DEADLINE_SCAN_INTERVAL, DeadlineScheduler } from './deadlines/deadline.scheduler';
import { DecisionResolver } from './decisions/decision.resolver';
import { DecisionService } from './decisions/decision.service';
import { MeetingResolver } from './meetings/meeting.resolver';
import { MeetingService } from './meetings/meeting.service';
import { OrganisationResolver } from './organisations/organisation.resolver';
import { OrganisationService } from './organisations/organisation.service';
import { KnownRequestsConsumer } from './requests/known-requests.consumer';
import { StatsResolver } from './stats/stats.resolver';
import { StatsService } from './stats/stats.service';
import { TaskQueries } from './tasks/task.queries';
import { PrecinctTasksResolver, TaskResolver } from './tasks/task.resolver';
import { TaskService } from './tasks/task.service';

/** Everything of commission tasks: organisations, commissions, meetings, decisions, tasks, deadlines, dashboards. */
@Module({})
export class CommissionTasksModule {
  static forRoot(config: CommissionTasksConfig): DynamicModule {
    return {
      module: CommissionTasksModule,
      providers: [
        { provide: APP_FILTER, useClass: RequestErrorFilter },
        { provide: WorkingCalendar, useFactory: () => WorkingCalendar.kazakhstan() },
        { provide: DEADLINE_SCAN_INTERVAL, useValue: config.DEADLINE_SCAN_INTERVAL_MS },
        OrganisationService,
        CommissionService,
        MeetingService,
        DecisionService,
        TaskService,
        TaskQueries,
        StatsService,
        AccountabilityService,
        DeadlineScheduler,
        KnownRequestsConsumer,
        OrganisationResolver,
        CommissionResolver,
        MeetingResolver,
        DecisionResolver,
        TaskResolver,
        PrecinctTasksResolver,
        StatsResolver,
      ],
      exports: [OrganisationService, CommissionService, MeetingService, DecisionService, TaskService, DeadlineScheduler],
    };
  }
}

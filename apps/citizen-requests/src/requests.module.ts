import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { WorkingCalendar } from '@seriktes/calendar';
import { PersonalDataSealer } from './applicants/sealer';
import { CategoryResolver } from './categories/category.resolver';
import { CategoryService } from './categories/category.service';
import type { CitizenRequestsConfig } from './config';
import { DEADLINE_SCAN_INTERVAL, DeadlineScheduler } from './deadlines/deadline.scheduler';
import { RequestErrorFilter } from '@seriktes/runtime';
import { IntakeController } from './intake/intake.controller';
import { CitizenRequestResolver, PrecinctRequestsResolver } from './intake/intake.resolver';
import { IntakeService } from './intake/intake.service';
import { EMAIL_SENDER, LoggingSender, SMS_SENDER } from './notifications/channels';
import { NOTIFICATION_INTERVAL, NotificationService } from './notifications/notification.service';
import { Open311Clients, Open311Controller } from './open311/open311.controller';
import { ROSTER_GRAPHQL_URL, RosterClient } from './routing/roster.client';
import { ProblemTasksConsumer } from './problems/problem-tasks.consumer';
import { ProblemsResolver } from './problems/problems.resolver';
import { ProblemsService } from './problems/problems.service';
import { StatsResolver } from './stats/stats.resolver';
import { SurveyInvitationResolver } from './surveys/survey-invitation.resolver';
import { SurveyInvitationService } from './surveys/survey-invitation.service';
import { StatsService } from './stats/stats.service';
import { RequestJournal } from './workflow/journal';
import { LinkService } from './workflow/link.service';
import { WorkflowResolver } from './workflow/workflow.resolver';
import { WorkflowService } from './workflow/workflow.service';

/** Everything of citizen requests: intake, the workflow and its clock, routing, notifications (and survey invitations), statistics. */
@Module({})
export class RequestsModule {
  static forRoot(config: CitizenRequestsConfig) {
    if (process.env.NODE_ENV === 'production' && config.PERSONAL_DATA_KEYS.startsWith('dev1:')) {
      throw new Error('PERSONAL_DATA_KEYS is the public development key: set the production key ring');
    }
    return {
      module: RequestsModule,
      controllers: [IntakeController, Open311Controller],
      providers: [
        { provide: APP_FILTER, useClass: RequestErrorFilter },
        { provide: WorkingCalendar, useFactory: () => WorkingCalendar.kazakhstan() },
        { provide: PersonalDataSealer, useFactory: () => new PersonalDataSealer(config.PERSONAL_DATA_KEYS) },
        { provide: ROSTER_GRAPHQL_URL, useValue: config.ROSTER_GRAPHQL_URL },
        { provide: DEADLINE_SCAN_INTERVAL, useValue: config.DEADLINE_SCAN_INTERVAL_MS },
        { provide: NOTIFICATION_INTERVAL, useValue: config.NOTIFICATION_INTERVAL_MS },
        { provide: SMS_SENDER, useFactory: () => new LoggingSender('sms') },
        { provide: EMAIL_SENDER, useFactory: () => new LoggingSender('email') },
        RosterClient,
        Open311Clients,
        CategoryService,
        RequestJournal,
        NotificationService,
        IntakeService,
        WorkflowService,
        LinkService,
        SurveyInvitationService,
        DeadlineScheduler,
        StatsService,
        ProblemsService,
        ProblemTasksConsumer,
        ProblemsResolver,
        CitizenRequestResolver,
        PrecinctRequestsResolver,
        WorkflowResolver,
        CategoryResolver,
        StatsResolver,
        SurveyInvitationResolver,
      ],
      exports: [IntakeService, WorkflowService, DeadlineScheduler, NotificationService, CategoryService, SMS_SENDER],
    };
  }
}

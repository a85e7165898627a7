import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { EMAIL_SENDER, LoggingSender, RequestErrorFilter, SMS_SENDER } from '@seriktes/runtime';
import type { FeedbackSurveysConfig } from './config';
import { IndexResolver, PrecinctTrustResolver } from './indices/index.resolver';
import { IndexService } from './indices/index.service';
import { InstrumentResolver } from './instruments/instrument.resolver';
import { InstrumentService } from './instruments/instrument.service';
import { INVITATION_SETTINGS, InvitationService } from './invitations/invitation.service';
import { SURVEY_SECRET } from './invitations/tokens';
import { MIN_CELL_N, RESPONSE_BATCH, ResponseIngestion } from './responses/ingestion.service';
import { ResponseResolver } from './responses/response.resolver';
import { SubmissionService } from './responses/submission.service';
import { WaveResolver } from './waves/wave.resolver';
import { WaveService } from './waves/wave.service';

/** Everything of feedback and trust: instruments, invitations, anonymous responses, indices, waves and pulses. */
@Module({})
export class FeedbackSurveysModule {
  static forRoot(config: FeedbackSurveysConfig): DynamicModule {
    if (process.env.NODE_ENV === 'production' && config.SURVEY_SECRET.startsWith('dev-')) {
      throw new Error('SURVEY_SECRET is the development secret: set a real one in production');
    }
    return {
      module: FeedbackSurveysModule,
      providers: [
        { provide: APP_FILTER, useClass: RequestErrorFilter },
        { provide: SURVEY_SECRET, useValue: config.SURVEY_SECRET },
        { provide: MIN_CELL_N, useValue: config.SURVEY_MIN_CELL_N },
        { provide: RESPONSE_BATCH, useValue: { intervalMs: config.RESPONSE_BATCH_INTERVAL_MS, size: config.RESPONSE_BATCH_SIZE } },
        {
          provide: INVITATION_SETTINGS,
          useValue: { intervalMs: config.INVITATION_INTERVAL_MS, ttlDays: config.INVITATION_TTL_DAYS, publicUrl: config.SURVEY_PUBLIC_URL, citizenRequestsUrl: config.CITIZEN_REQUESTS_GRAPHQL_URL },
        },
        { provide: SMS_SENDER, useValue: new LoggingSender('sms') },
        { provide: EMAIL_SENDER, useValue: new LoggingSender('email') },
        InstrumentService,
        ResponseIngestion,
        SubmissionService,
        InvitationService,
        WaveService,
        IndexService,
        InstrumentResolver,
        ResponseResolver,
        IndexResolver,
        PrecinctTrustResolver,
        WaveResolver,
      ],
      exports: [InstrumentService, ResponseIngestion, SubmissionService, InvitationService, WaveService, IndexService, SMS_SENDER, EMAIL_SENDER],
    };
  }
}

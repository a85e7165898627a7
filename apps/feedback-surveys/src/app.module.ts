import { Module, type DynamicModule } from '@nestjs/common';
import { AuditLogResolver } from '@seriktes/audit/graphql';
import type { Logger } from '@seriktes/observability';
import { platformModules } from '@seriktes/runtime';
import type { FeedbackSurveysConfig } from './config';
import { FeedbackSurveysModule } from './feedback-surveys.module';
import { feedbackSurveysService } from './service';

/** `feedbackSurveysAuditLog`: who defined instruments, ran waves or read comments (oversight only). */
@Module({ providers: [AuditLogResolver('feedbackSurveysAuditLog', 'feedback-surveys')] })
class AuditQueryModule {}

@Module({})
export class AppModule {
  static forRoot(config: FeedbackSurveysConfig, logger?: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [...platformModules(feedbackSurveysService, config, logger), FeedbackSurveysModule.forRoot(config), AuditQueryModule],
    };
  }
}

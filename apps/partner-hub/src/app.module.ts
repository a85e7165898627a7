import { Module, type DynamicModule } from '@nestjs/common';
import { AuditLogResolver } from '@seriktes/audit/graphql';
import type { Logger } from '@seriktes/observability';
import { platformModules } from '@seriktes/runtime';
import type { PartnerHubConfig } from './config';
import { partnerHubService } from './service';
import { PartnerHubModule } from './partner-hub.module';

/** `partnerHubAuditLog`: who read or changed subscriptions and deliveries (oversight only). */
@Module({ providers: [AuditLogResolver('partnerHubAuditLog', 'partner-hub')] })
class AuditQueryModule {}

@Module({})
export class AppModule {
  static forRoot(config: PartnerHubConfig, logger?: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [...platformModules(partnerHubService, config, logger), PartnerHubModule.forRoot(config), AuditQueryModule],
    };
  }
}

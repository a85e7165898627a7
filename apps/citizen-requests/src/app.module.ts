import { Module, type DynamicModule } from '@nestjs/common';
import { platformModules } from '@seriktes/runtime';
import { AuditQueryModule } from './audit/audit.module';
import type { Logger } from '@seriktes/observability';
import type { CitizenRequestsConfig } from './config';
import { RequestsModule } from './requests.module';
import { citizenRequestsService } from './service';

@Module({})
export class AppModule {
  static forRoot(config: CitizenRequestsConfig, logger?: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [...platformModules(citizenRequestsService, config, logger), RequestsModule.forRoot(config), AuditQueryModule],
    };
  }
}

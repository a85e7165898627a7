import { Module, type DynamicModule } from '@nestjs/common';
import { AuditLogResolver } from '@seriktes/audit/graphql';
import type { Logger } from '@seriktes/observability';
import { platformModules } from '@seriktes/runtime';
import { CommissionTasksModule } from './commission-tasks.module';
import type { CommissionTasksConfig } from './config';
import { commissionTasksService } from './service';

/** `commissionTasksAuditLog`: who read or changed commission records (oversight only). */
@Module({ providers: [AuditLogResolver('commissionTasksAuditLog', 'commission-tasks')] })
class AuditQueryModule {}

@Module({})
export class AppModule {
  static forRoot(config: CommissionTasksConfig, logger?: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [...platformModules(commissionTasksService, config, logger), CommissionTasksModule.forRoot(config), AuditQueryModule],
    };
  }
}

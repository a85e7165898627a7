import { Module, type DynamicModule } from '@nestjs/common';
import { AuditLogResolver } from '@seriktes/audit/graphql';
import type { Logger } from '@seriktes/observability';
import { platformModules } from '@seriktes/runtime';
import type { StaffingForecastConfig } from './config';
import { staffingForecastService } from './service';
import { StaffingForecastModule } from './staffing-forecast.module';

/** `staffingForecastAuditLog`: who read or changed staffing records (oversight only). */
@Module({ providers: [AuditLogResolver('staffingForecastAuditLog', 'staffing-forecast')] })
class AuditQueryModule {}

@Module({})
export class AppModule {
  static forRoot(config: StaffingForecastConfig, logger?: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [...platformModules(staffingForecastService, config, logger), StaffingForecastModule.forRoot(config), AuditQueryModule],
    };
  }
}

import { Module, type DynamicModule } from '@nestjs/common';
import { platformModules } from '@seriktes/runtime';
import { AccountabilityModule } from './accountability/accountability.module';
import { AuditQueryModule } from './audit/audit.module';
import type { Logger } from '@seriktes/observability';
import { CaseloadModule } from './caseload/caseload.module';
import { DutyModule } from './duty/duty.module';
import { InspectorsModule } from './inspectors/inspectors.module';
import { TerritoryModule } from './territory/territory.module';
import { WorkforceModule } from './workforce/workforce.module';
import type { InspectorRosterConfig } from './config';
import { inspectorRosterService } from './service';

@Module({})
export class AppModule {
  static forRoot(config: InspectorRosterConfig, logger?: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [...platformModules(inspectorRosterService, config, logger), TerritoryModule, InspectorsModule, DutyModule, CaseloadModule, AccountabilityModule, WorkforceModule, AuditQueryModule],
    };
  }
}

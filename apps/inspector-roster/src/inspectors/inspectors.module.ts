import { Module } from '@nestjs/common';
import { CaseloadModule } from '../caseload/caseload.module';
import { DutyModule } from '../duty/duty.module';
import { TerritoryModule } from '../territory/territory.module';
import { AssignmentService } from './assignment.service';
import { InspectorResolver } from './inspector.resolver';

@Module({ imports: [TerritoryModule, CaseloadModule, DutyModule], providers: [AssignmentService, InspectorResolver], exports: [AssignmentService] })
export class InspectorsModule {}

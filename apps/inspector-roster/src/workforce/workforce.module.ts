import { Module } from '@nestjs/common';
import { DutyModule } from '../duty/duty.module';
import { WorkforceResolver } from './workforce.resolver';
import { WorkforceService } from './workforce.service';

/** Precinct workforce (officers and their yearly hours) for the staffing forecast. */
@Module({ imports: [DutyModule], providers: [WorkforceService, WorkforceResolver] })
export class WorkforceModule {}

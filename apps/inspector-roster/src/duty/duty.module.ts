import { Module } from '@nestjs/common';
import { DutyResolver } from './duty.resolver';
import { DutyService } from './duty.service';

@Module({ providers: [DutyService, DutyResolver], exports: [DutyService] })
export class DutyModule {}

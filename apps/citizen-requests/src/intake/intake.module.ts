import { Module } from '@nestjs/common';
import { IntakeController } from './intake.controller';
import { CitizenRequestResolver, PrecinctRequestsResolver } from './intake.resolver';
import { IntakeService } from './intake.service';

@Module({ controllers: [IntakeController], providers: [IntakeService, CitizenRequestResolver, PrecinctRequestsResolver], exports: [IntakeService] })
export class IntakeModule {}

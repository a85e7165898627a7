import { Module } from '@nestjs/common';
import { CaseloadController } from './caseload.controller';
import { PrecinctResolver } from './caseload.resolver';
import { CaseloadService } from './caseload.service';

@Module({ controllers: [CaseloadController], providers: [CaseloadService, PrecinctResolver] })
export class CaseloadModule {}

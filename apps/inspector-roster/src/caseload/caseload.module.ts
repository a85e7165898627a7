import { Module } from '@nestjs/common';
import { CaseloadController } from './caseload.controller';
import { CaseloadService } from './caseload.service';

@Module({ controllers: [CaseloadController], providers: [CaseloadService], exports: [CaseloadService] })
export class CaseloadModule {}

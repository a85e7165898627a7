import { Controller, Get, Param } from '@nestjs/common';
import { CaseloadService, type CaseloadView } from './caseload.service';

/** First slice over plain HTTP; the roster's GraphQL subgraph comes with its own issue. */
@Controller('precincts')
export class CaseloadController {
  constructor(private readonly caseload: CaseloadService) {}

  @Get(':code/caseload')
  get(@Param('code') code: string): Promise<CaseloadView> {
    return this.caseload.caseload(code);
  }
}

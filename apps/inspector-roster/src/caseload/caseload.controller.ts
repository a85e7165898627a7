import { Controller, Get, Param } from '@nestjs/common';
import { CurrentUser, Roles, type AuthenticatedUser } from '@seriktes/auth';
import { CASELOAD_READ_ROLES } from './access';
import { CaseloadService, type CaseloadView } from './caseload.service';

/** Caseload over plain HTTP (bearer token, within the caller's jurisdiction); also in GraphQL. */
@Controller('precincts')
export class CaseloadController {
  constructor(private readonly caseload: CaseloadService) {}

  @Get(':code/caseload')
  @Roles(...CASELOAD_READ_ROLES)
  get(@Param('code') code: string, @CurrentUser() user: AuthenticatedUser): Promise<CaseloadView> {
    this.caseload.precinct(code, user);
    return this.caseload.caseload(code);
  }
}

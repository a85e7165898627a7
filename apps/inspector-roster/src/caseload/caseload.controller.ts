import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { coversPrecinct, CurrentUser, describeJurisdiction, forbidden, Roles, type AuthenticatedUser } from '@seriktes/auth';
import { parsePrecinctCode } from '@seriktes/contracts';
import { CASELOAD_READ_ROLES } from './access';
import { CaseloadService, type CaseloadView } from './caseload.service';

/** Caseload over plain HTTP (bearer token, within the caller's jurisdiction); also in GraphQL. */
@Controller('precincts')
export class CaseloadController {
  constructor(private readonly caseload: CaseloadService) {}

  @Get(':code/caseload')
  @Roles(...CASELOAD_READ_ROLES)
  async get(@Param('code') code: string, @CurrentUser() user: AuthenticatedUser): Promise<CaseloadView & { precinctCode: string }> {
    if (!parsePrecinctCode(code)) throw new NotFoundException(`precinct ${code} not found`);
    if (!coversPrecinct(user.jurisdiction, code)) throw forbidden(`precinct ${code} is outside your jurisdiction (${describeJurisdiction(user.jurisdiction)})`);
    return { precinctCode: code, ...(await this.caseload.ofPrecinct(code)) };
  }
}

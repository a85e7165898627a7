import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { CurrentUser, Roles, type AuthenticatedUser } from '@seriktes/auth';
import { inputValidator } from '@seriktes/runtime';
import { READ_ROLES, REGISTER_ROLES } from './access';
import { registerRequestSchema, type RegistrationCoupon } from './dto';
import { IntakeService } from './intake.service';

const validateRegistration = inputValidator(registerRequestSchema);

/**
 * Intake over plain HTTP (a bearer token is required; Open311 comes with the citizen-requests
 * issue). The same data is readable through GraphQL, see intake.resolver.ts.
 */
@Controller('requests')
export class IntakeController {
  constructor(private readonly intake: IntakeService) {}

  @Post()
  @HttpCode(201)
  @Roles(...REGISTER_ROLES)
  register(@Body() body: unknown, @CurrentUser() user: AuthenticatedUser): Promise<RegistrationCoupon> {
    return this.intake.register(validateRegistration(body), user);
  }

  @Get(':id')
  @Roles(...READ_ROLES)
  async get(@Param('id') id: string, @CurrentUser() user: AuthenticatedUser) {
    const request = await this.intake.get(id, user);
    return {
      id: request.id,
      registrationNumber: request.registrationNumber,
      kind: request.kind,
      category: request.category,
      channel: request.channel,
      precinctCode: request.precinctCode,
      receivedAt: request.receivedAt.toISOString(),
      registeredAt: request.registeredAt.toISOString(),
    };
  }
}

import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { CurrentUser, Roles, type AuthenticatedUser } from '@seriktes/auth';
import { inputValidator } from '@seriktes/runtime';
import { READ_ROLES, REGISTER_ROLES } from './access';
import { registerRequestSchema, type RegistrationCoupon } from './dto';
import { toNode } from './graphql.types';
import { IntakeService } from './intake.service';

const validateRegistration = inputValidator(registerRequestSchema);

/**
 * Intake over plain HTTP with a bearer token (the same rules as GraphQL's registerCitizenRequest;
 * partner apps use Open311 at /open311/v2 instead).
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
    const { description: _description, ...rest } = toNode(await this.intake.get(id, user));
    return rest;
  }
}

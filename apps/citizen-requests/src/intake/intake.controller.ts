import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { inputValidator } from '@seriktes/runtime';
import { registerRequestSchema, type RegistrationCoupon } from './dto';
import { IntakeService } from './intake.service';

const validateRegistration = inputValidator(registerRequestSchema);

/**
 * The first slice of intake over plain HTTP. The GraphQL API and Open311 come with the
 * citizen-requests issue; authentication comes with the identity issue.
 */
@Controller('requests')
export class IntakeController {
  constructor(private readonly intake: IntakeService) {}

  @Post()
  @HttpCode(201)
  register(@Body() body: unknown): Promise<RegistrationCoupon> {
    return this.intake.register(validateRegistration(body));
  }

  @Get(':id')
  async get(@Param('id') id: string) {
    const request = await this.intake.get(id);
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

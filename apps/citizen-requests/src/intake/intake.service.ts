import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { CitizenRequestRegistered } from '@seriktes/contracts';
import { EventPublisher } from '@seriktes/messaging';
import { CitizenRequestEntity } from './citizen-request.entity';
import type { RegisterRequestInput, RegistrationCoupon } from './dto';
import { regionOfPrecinct, registrationNumber, yearInKazakhstan } from './registration';

@Injectable()
export class IntakeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventPublisher,
  ) {}

  /** Registers a request and its event in one transaction, and returns the coupon. */
  register(input: RegisterRequestInput, now = new Date()): Promise<RegistrationCoupon> {
    return this.dataSource.transaction((em) => this.registerIn(em, input, now));
  }

  /** The same, inside a caller's transaction (the caller commits or rolls back both). */
  async registerIn(em: EntityManager, input: RegisterRequestInput, now = new Date()): Promise<RegistrationCoupon> {
    const receivedAt = input.receivedAt ? new Date(input.receivedAt) : now;
    if (receivedAt.getTime() > now.getTime() + 60_000) {
      throw new BadRequestException({ statusCode: 400, message: 'invalid input', errors: [{ field: '/receivedAt', message: 'is in the future' }] });
    }
    const regionCode = regionOfPrecinct(input.precinctCode);
    const year = yearInKazakhstan(now);
    const [{ last_value: sequence }] = (await em.query(
      `INSERT INTO "citizen_requests"."registration_counter" ("region_code", "year", "last_value") VALUES ($1, $2, 1)
       ON CONFLICT ("region_code", "year") DO UPDATE SET "last_value" = "registration_counter"."last_value" + 1
       RETURNING "last_value"`,
      [regionCode, year],
    )) as Array<{ last_value: number }>;
    const request = em.create(CitizenRequestEntity, {
      registrationNumber: registrationNumber(regionCode, year, sequence),
      kind: input.kind,
      category: input.category,
      channel: input.channel,
      regionCode,
      precinctCode: input.precinctCode,
      description: input.description,
      receivedAt,
      registeredAt: now,
    });
    await em.save(request);
    await this.events.publish(
      em,
      CitizenRequestRegistered,
      {
        requestId: request.id,
        registrationNumber: request.registrationNumber,
        kind: request.kind,
        category: request.category,
        channel: request.channel,
        regionCode,
        precinctCode: request.precinctCode,
        receivedAt: receivedAt.toISOString(),
        registeredAt: now.toISOString(),
      },
      { subject: request.id, time: now },
    );
    return {
      id: request.id,
      registrationNumber: request.registrationNumber,
      registeredAt: now.toISOString(),
      receivedAt: receivedAt.toISOString(),
      acceptedBy: `channel:${request.channel}`,
    };
  }

  async get(id: string): Promise<CitizenRequestEntity> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw new NotFoundException(`request ${id} not found`);
    const found = await this.dataSource.getRepository(CitizenRequestEntity).findOneBy({ id });
    if (!found) throw new NotFoundException(`request ${id} not found`);
    return found;
  }
}

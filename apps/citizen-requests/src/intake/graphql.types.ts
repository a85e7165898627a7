import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@seriktes/graphql';
import type { CitizenRequestEntity } from './citizen-request.entity';

/** The precinct, owned by inspector-roster; this subgraph adds the precinct's requests. */
@ObjectType('Precinct', { description: 'An administrative precinct (әкімшілік учаске / административный участок) served by a district inspector.' })
@Directive('@key(fields: "id")')
export class PrecinctRef {
  @Field(() => ID, { description: 'Precinct code, e.g. AST-ESL-01 (region-district-number).' })
  id!: string;
}

@ObjectType('CitizenRequest', { description: 'A registered citizen request (өтініш / обращение): an application, complaint, proposal, inquiry, feedback or tip.' })
export class CitizenRequestNode {
  @Field(() => ID, { description: 'Stable id of the request.' })
  id!: string;

  @Field({ description: 'Registration number on the coupon handed to the applicant, unique per region and year, e.g. AST-2026-000123.' })
  registrationNumber!: string;

  @Field({ description: 'Kind: proposal, application, complaint, feedback, inquiry or tip.' })
  kind!: string;

  @Field({ description: 'Category code of the classifier, e.g. public-order-noise.' })
  category!: string;

  @Field({ description: 'How it arrived: web, open311, walk-in, letter, line-102 or telegram.' })
  channel!: string;

  @Field({ description: 'Region code, e.g. AST.' })
  regionCode!: string;

  @Field(() => PrecinctRef, { description: 'The precinct it concerns.' })
  precinct!: PrecinctRef;

  @Field({ description: 'What the applicant wrote. Personal data: every read is audit-logged.' })
  description!: string;

  @Field({ description: 'When it was received (ISO 8601); starts the legal clock.' })
  receivedAt!: string;

  @Field({ description: 'When it was registered (ISO 8601).' })
  registeredAt!: string;
}

export const CitizenRequestConnection = ConnectionType(CitizenRequestNode, 'CitizenRequest', 'A page of citizen requests, newest first.');

export function toNode(row: CitizenRequestEntity): CitizenRequestNode {
  return {
    id: row.id,
    registrationNumber: row.registrationNumber,
    kind: row.kind,
    category: row.category,
    channel: row.channel,
    regionCode: row.regionCode,
    precinct: { id: row.precinctCode },
    description: row.description,
    receivedAt: row.receivedAt.toISOString(),
    registeredAt: row.registeredAt.toISOString(),
  };
}

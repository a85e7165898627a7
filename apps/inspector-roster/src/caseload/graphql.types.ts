import { Directive, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@seriktes/graphql';

@ObjectType('PrecinctCaseload', { description: 'How many citizen requests a precinct has received (an aggregate: no personal data).' })
export class PrecinctCaseloadNode {
  @Field(() => Int, { description: 'Requests registered for the precinct so far.' })
  registeredRequests!: number;

  @Field(() => String, { nullable: true, description: 'When the latest request was registered (ISO 8601), if any.' })
  lastRequestAt!: string | null;
}

@ObjectType('Precinct', { description: 'An administrative precinct (әкімшілік учаске / административный участок) served by a district inspector.' })
@Directive('@key(fields: "id")')
export class PrecinctNode {
  @Field(() => ID, { description: 'Precinct code, e.g. AST-ESL-01 (region-district-number).' })
  id!: string;

  @Field({ description: 'Region (Police Department) code, e.g. AST.' })
  regionCode!: string;

  @Field({ description: 'District police body code, e.g. AST-ESL.' })
  districtCode!: string;
}

export const PrecinctConnection = ConnectionType(PrecinctNode, 'Precinct', 'A page of precincts, ordered by code.');

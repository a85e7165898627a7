import { Directive, Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { AssignmentRow, InspectorRow } from './inspector.repository';

export enum InspectorPositionEnum {
  district_inspector = 'district_inspector',
  senior_district_inspector = 'senior_district_inspector',
  juvenile_inspector = 'juvenile_inspector',
  assistant = 'assistant',
}
registerEnumType(InspectorPositionEnum, {
  name: 'InspectorPosition',
  description: 'Position of a precinct officer.',
  valuesMap: {
    district_inspector: { description: 'District inspector (учаскелік полиция инспекторы / участковый инспектор полиции).' },
    senior_district_inspector: { description: 'Senior district inspector.' },
    juvenile_inspector: { description: 'Juvenile affairs inspector (кәмелетке толмағандардың істері жөніндегі инспектор).' },
    assistant: { description: "District inspector's assistant." },
  },
});

@ObjectType('Inspector', { description: 'A precinct officer: district inspector, senior district inspector, juvenile inspector or assistant.' })
@Directive('@key(fields: "id")')
export class InspectorNode {
  @Field(() => ID, { description: 'Roster id.' })
  id!: string;

  @Field({ description: 'Full name: surname, given name, patronymic.' })
  fullName!: string;

  @Field({ description: 'Surname.' })
  lastName!: string;

  @Field({ description: 'Given name.' })
  firstName!: string;

  @Field(() => String, { nullable: true, description: 'Patronymic, if any.' })
  patronymic!: string | null;

  @Field({ description: 'Special rank code, e.g. police_captain.' })
  rankCode!: string;

  @Field(() => InspectorPositionEnum, { description: 'Position.' })
  position!: InspectorPositionEnum;

  @Field({ description: 'Code of the district police body the inspector serves in, e.g. AST-ESL.' })
  unitCode!: string;

  @Field(() => String, { nullable: true, description: 'Work phone at the precinct point (public contact).' })
  phone!: string | null;

  /** Not a GraphQL field: used for "read your own record". */
  username!: string | null;

  /** Not a GraphQL field: personnel data, behind `personalNumber`/`serviceStart` resolvers. */
  personalNumber!: string;
  serviceStart!: string | null;
}

@ObjectType('Assignment', { description: 'One period of one officer at one precinct; the history is kept.' })
export class AssignmentNode {
  @Field(() => ID, { description: 'Assignment id.' })
  id!: string;

  @Field(() => ID, { description: 'Roster id of the officer.' })
  inspectorId!: string;

  @Field({ description: 'Precinct code.' })
  precinctCode!: string;

  @Field(() => InspectorPositionEnum, { description: 'Position held at the precinct.' })
  position!: InspectorPositionEnum;

  @Field({ description: 'First day (local date YYYY-MM-DD).' })
  validFrom!: string;

  @Field(() => String, { nullable: true, description: 'Last day, or null while it lasts.' })
  validTo!: string | null;

  @Field(() => String, { nullable: true, description: 'Why it began or ended.' })
  reason!: string | null;

  @Field({ description: 'Username of who made the assignment.' })
  assignedBy!: string;

  @Field(() => String, { nullable: true, description: 'Username of who ended it.' })
  endedBy!: string | null;
}

@InputType('AssignInspectorInput', { description: 'Assign an officer to a precinct. A new holder of the inspector post replaces the current one from the day given.' })
export class AssignInspectorInput {
  @Field(() => ID, { description: 'Roster id of the officer.' })
  inspectorId!: string;

  @Field({ description: 'Precinct code, e.g. AST-ESL-01.' })
  precinctCode!: string;

  @Field(() => InspectorPositionEnum, { nullable: true, description: "Position at the precinct (the officer's own by default)." })
  position?: InspectorPositionEnum | null;

  @Field(() => String, { nullable: true, description: 'First day (YYYY-MM-DD), today by default.' })
  validFrom?: string | null;

  @Field(() => String, { nullable: true, description: 'Why, e.g. "appointed after community meeting" (at most 500 characters).' })
  reason?: string | null;
}

export const toInspectorNode = (i: InspectorRow): InspectorNode => ({
  id: i.id,
  fullName: [i.lastName, i.firstName, i.patronymic].filter(Boolean).join(' '),
  lastName: i.lastName,
  firstName: i.firstName,
  patronymic: i.patronymic,
  rankCode: i.rank,
  position: i.position as InspectorPositionEnum,
  unitCode: i.unitCode,
  phone: i.phone,
  username: i.username,
  personalNumber: i.personalNumber,
  serviceStart: i.serviceStart,
});

export const toAssignmentNode = (a: AssignmentRow): AssignmentNode => ({ ...a, position: a.position as InspectorPositionEnum });

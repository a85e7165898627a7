import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('Caseload', { description: 'Open, overdue and recently closed citizen requests and police commission tasks (counts only: no personal data).' })
export class CaseloadNode {
  @Field(() => Int, { description: 'Requests and tasks not yet closed.' })
  open!: number;

  @Field(() => Int, { description: 'Open items past their legal or set due time.' })
  overdue!: number;

  @Field(() => Int, { description: 'Items closed in the last 30 days.' })
  closedLast30Days!: number;

  @Field(() => Int, { description: 'Open citizen requests.' })
  openRequests!: number;

  @Field(() => Int, { description: 'Open interagency commission tasks led by the police.' })
  openTasks!: number;
}

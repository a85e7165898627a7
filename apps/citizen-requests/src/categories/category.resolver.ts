import { Args, Field, InputType, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditLog } from '@seriktes/audit';
import { CurrentUser, Public, Role, Roles, type AuthenticatedUser } from '@seriktes/auth';
import { LocalizedTextNode } from '@seriktes/graphql';
import { invalidInput, notFound, type FieldError } from '@seriktes/runtime';
import { actorOf } from '../workflow/journal';
import type { CategoryDefinition, TermRule } from './catalogue';
import { CategoryService } from './category.service';

@ObjectType('RequestTermRule', { description: 'The legal clock of a category: all parameters are data, so a change in law is a data change.' })
export class TermRuleNode {
  @Field({ description: 'statutory (the Administrative Procedural Code) or internal (tips: a target only).' })
  clock!: string;

  @Field(() => Int, { description: 'Working days for the answer, counted from the working day after receipt.' })
  answerWorkingDays!: number;

  @Field(() => Int, { description: 'Longest total term after extensions, in months from receipt.' })
  maxExtensionMonths!: number;

  @Field(() => Int, { description: 'Working days to notify the applicant of an extension.' })
  extensionNoticeWorkingDays!: number;

  @Field(() => Int, { description: 'Working days from receipt to redirect a request outside police competence.' })
  redirectWorkingDays!: number;

  @Field(() => Int, { description: 'Working days before a due day when the deadline-approaching warning goes out.' })
  approachingWorkingDays!: number;

  @Field(() => Int, { nullable: true, description: 'Internal target in hours (tips).' })
  internalTargetHours?: number;
}

@ObjectType('RequestAttributeValue', { description: 'One allowed value of a list attribute.' })
export class AttributeValueNode {
  @Field({ description: 'The value sent.' })
  key!: string;

  @Field(() => LocalizedTextNode, { description: 'Its name.' })
  name!: LocalizedTextNode;
}

@ObjectType('RequestAttribute', { description: 'A structured field a category asks for (an Open311 service-definition attribute).' })
export class AttributeNode {
  @Field({ description: 'Code, the key in attributesJson.' })
  code!: string;

  @Field({ description: 'Open311 datatype: string, number, datetime, text, singlevaluelist, multivaluelist.' })
  datatype!: string;

  @Field(() => String, { nullable: true, description: 'Stricter format of a string: phone, card, account, url, messenger-handle, amount, plate, document-number.' })
  format?: string;

  @Field({ description: 'Several values allowed.' })
  multiple!: boolean;

  @Field({ description: 'Must be given.' })
  required!: boolean;

  @Field(() => Int, { description: 'Order on the form.' })
  order!: number;

  @Field(() => LocalizedTextNode, { description: 'The question shown to the applicant.' })
  description!: LocalizedTextNode;

  @Field(() => [AttributeValueNode], { nullable: true, description: 'Allowed values of a list.' })
  values?: AttributeValueNode[];

  @Field({ description: 'Third parties’ identifiers: never leave the service in events.' })
  personal!: boolean;
}

@ObjectType('RequestCategory', { description: 'A category of citizen requests, with its rules.' })
export class CategoryNode {
  @Field({ description: 'Code, e.g. internet-fraud.' })
  code!: string;

  @Field(() => LocalizedTextNode, { description: 'Name in Kazakh, Russian and English.' })
  name!: LocalizedTextNode;

  @Field(() => LocalizedTextNode, { description: 'What belongs here.' })
  description!: LocalizedTextNode;

  @Field(() => LocalizedTextNode, { description: 'Group (Open311 group).' })
  group!: LocalizedTextNode;

  @Field(() => [String], { description: 'Kinds it accepts: proposal, application, complaint, feedback, inquiry, tip.' })
  kinds!: string[];

  @Field(() => TermRuleNode, { description: 'Its legal clock.' })
  term!: TermRuleNode;

  @Field({ description: 'Priority: low, normal, high or critical.' })
  priority!: string;

  @Field({ description: 'Always urgent: call 102; handed to the duty unit at once.' })
  urgent!: boolean;

  @Field(() => String, { nullable: true, description: 'Urgent when this attribute has the value urgentWhenEquals.' })
  urgentWhenAttribute?: string;

  @Field(() => String, { nullable: true, description: 'The value of urgentWhenAttribute that makes it urgent.' })
  urgentWhenEquals?: string;

  @Field({ description: 'Where it goes: precinct-inspector, desk:<fraud|juvenile|migration|traffic> or unit-head.' })
  routing!: string;

  @Field({ description: 'Special category (minors, victims): stricter access.' })
  sensitive!: boolean;

  @Field(() => [AttributeNode], { description: 'Structured fields it asks for.' })
  attributes!: AttributeNode[];

  @Field({ description: 'Accepting new requests.' })
  active!: boolean;
}

@InputType('RequestTermRuleInput', { description: 'A new legal clock for a category.' })
export class TermRuleInput {
  @Field({ description: 'statutory or internal.' })
  clock!: string;

  @Field(() => Int, { description: 'Working days for the answer (1-60).' })
  answerWorkingDays!: number;

  @Field(() => Int, { description: 'Longest total term in months from receipt (1-6).' })
  maxExtensionMonths!: number;

  @Field(() => Int, { description: 'Working days to notify an extension (1-10).' })
  extensionNoticeWorkingDays!: number;

  @Field(() => Int, { description: 'Working days to redirect (1-10).' })
  redirectWorkingDays!: number;

  @Field(() => Int, { description: 'Working days of warning before a due day (0-10).' })
  approachingWorkingDays!: number;

  @Field(() => Int, { nullable: true, description: 'Internal target in hours (internal clocks, 1-720).' })
  internalTargetHours?: number;
}

export function toCategoryNode(c: CategoryDefinition): CategoryNode {
  return {
    code: c.code,
    name: c.name,
    description: c.description,
    group: c.group,
    kinds: [...c.kinds],
    term: { ...c.term },
    priority: c.priority,
    urgent: c.urgent,
    urgentWhenAttribute: c.urgentWhen?.attribute,
    urgentWhenEquals: c.urgentWhen?.equals,
    routing: c.routing.target === 'desk' ? `desk:${c.routing.desk}` : c.routing.target,
    sensitive: c.sensitive,
    attributes: c.attributes.map((a) => ({ ...a, multiple: a.multiple === true, personal: a.personal === true, values: a.values?.map((v) => ({ key: v.key, name: v.name })) })),
    active: c.active,
  };
}

function checkTerm(t: TermRuleInput): FieldError[] {
  const errors: FieldError[] = [];
  const range = (field: keyof TermRuleInput, min: number, max: number) => {
    const v = t[field] as number | undefined;
    if (v === undefined || v === null) return;
    if (!Number.isInteger(v) || v < min || v > max) errors.push({ field: `term.${field}`, message: `must be a whole number from ${min} to ${max}` });
  };
  if (t.clock !== 'statutory' && t.clock !== 'internal') errors.push({ field: 'term.clock', message: 'must be statutory or internal' });
  range('answerWorkingDays', 1, 60);
  range('maxExtensionMonths', 1, 6);
  range('extensionNoticeWorkingDays', 1, 10);
  range('redirectWorkingDays', 1, 10);
  range('approachingWorkingDays', 0, 10);
  range('internalTargetHours', 1, 720);
  if (t.clock === 'internal' && !t.internalTargetHours) errors.push({ field: 'term.internalTargetHours', message: 'is required for an internal clock' });
  return errors;
}

@Resolver(() => CategoryNode)
export class CategoryResolver {
  constructor(
    private readonly categories: CategoryService,
    private readonly audit: AuditLog,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Query(() => [CategoryNode], { description: 'Categories of citizen requests with their rules and structured fields (public: the intake form is built from them).' })
  @Public()
  async requestCategories(@Args('includeInactive', { type: () => Boolean, nullable: true, description: 'Also those no longer accepting requests.' }) includeInactive?: boolean): Promise<CategoryNode[]> {
    return (includeInactive ? await this.categories.all() : await this.categories.active()).map(toCategoryNode);
  }

  @Mutation(() => CategoryNode, { description: 'Changes the legal clock of a category after a change in law (HQ or platform administrators); applies to requests registered from then on.' })
  @Roles(Role.ministryHq, Role.platformAdmin)
  async updateCategoryTerm(
    @CurrentUser() user: AuthenticatedUser,
    @Args('code', { description: 'Category code.' }) code: string,
    @Args('term', { type: () => TermRuleInput, description: 'The new clock.' }) term: TermRuleInput,
  ): Promise<CategoryNode> {
    const errors = checkTerm(term);
    if (errors.length) throw invalidInput(errors);
    const updated = await this.dataSource.transaction(async (em) => {
      const c = await this.categories.updateTerm(em, code, { ...term, clock: term.clock as TermRule['clock'], internalTargetHours: term.internalTargetHours ?? undefined }, user.username ?? user.subject);
      if (c) await this.audit.record({ actor: actorOf(user).audit, action: 'update', entity: 'category', entityId: code, purpose: 'updateCategoryTerm', details: { term } }, em);
      return c;
    });
    if (!updated) throw notFound(`category ${code} not found`);
    return toCategoryNode(updated);
  }
}

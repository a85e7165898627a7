import { Args, Context, Field, ID, InputType, Int, Mutation, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { CurrentUser, Roles, type AuthenticatedUser } from '@seriktes/auth';
import { parsePrecinctCode } from '@seriktes/contracts';
import { badUserInput, pageArgs, toConnection, withCursorErrors, type Connection } from '@seriktes/graphql';
import { inputValidator } from '@seriktes/runtime';
import { READ_ROLES, REGISTER_ROLES, STAFF_READ_ROLES } from './access';
import { registerRequestSchema, type RegisterRequestInput } from './dto';
import {
  CitizenRequestConnection,
  CitizenRequestNode,
  DuplicateSuggestionNode,
  PrecinctRef,
  RegisterCitizenRequestInput,
  RequestKindEnum,
  RequestStatusEnum,
  toNode,
} from './graphql.types';
import { IntakeService, requestCursor, type RequestFilter } from './intake.service';

const validateRegistration = inputValidator(registerRequestSchema);

@InputType('CitizenRequestFilter', { description: 'Which requests (all conditions together); a territory outside your jurisdiction is FORBIDDEN.' })
export class CitizenRequestFilterInput {
  @Field(() => String, { nullable: true, description: 'Precinct code, e.g. AST-ESL-01.' })
  precinctCode?: string | null;

  @Field(() => String, { nullable: true, description: 'District code, e.g. AST-ESL.' })
  districtCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Region code, e.g. AST.' })
  regionCode?: string | null;

  @Field(() => [RequestStatusEnum], { nullable: true, description: 'Any of these statuses.' })
  status?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Category code.' })
  categoryCode?: string | null;

  @Field(() => RequestKindEnum, { nullable: true, description: 'Kind.' })
  kind?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only unanswered past their due time; false: only the others.' })
  overdue?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only those the roster could not place yet.' })
  routingPending?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Only those waiting in this queue (AST-ESL, AST-ESL:fraud, AST-ESL:head).' })
  queue?: string | null;

  @Field(() => String, { nullable: true, description: 'Received at or after (ISO 8601).' })
  receivedFrom?: string | null;

  @Field(() => String, { nullable: true, description: 'Received before (ISO 8601).' })
  receivedTo?: string | null;
}

function toFilter(input: CitizenRequestFilterInput | null | undefined, precinctId?: string | null): RequestFilter {
  const errors: Array<{ field: string; message: string }> = [];
  const f = input ?? {};
  const precinctCode = f.precinctCode ?? precinctId ?? undefined;
  if (precinctCode !== undefined && !parsePrecinctCode(precinctCode)) errors.push({ field: 'filter.precinctCode', message: 'must be a precinct code like AST-ESL-01' });
  if (f.districtCode && !/^[A-Z]{3}-[A-Z]{3}$/.test(f.districtCode)) errors.push({ field: 'filter.districtCode', message: 'must be a district code like AST-ESL' });
  if (f.regionCode && !/^[A-Z]{3}$/.test(f.regionCode)) errors.push({ field: 'filter.regionCode', message: 'must be a region code like AST' });
  const date = (value: string | null | undefined, field: string) => {
    if (!value) return undefined;
    const d = new Date(value);
    if (Number.isNaN(d.getTime())) errors.push({ field, message: 'must be an ISO 8601 date-time' });
    return d;
  };
  const from = date(f.receivedFrom, 'filter.receivedFrom');
  const to = date(f.receivedTo, 'filter.receivedTo');
  if (errors.length) throw badUserInput(errors);
  return {
    precinctCode,
    districtCode: f.districtCode ?? undefined,
    regionCode: f.regionCode ?? undefined,
    status: f.status ?? undefined,
    categoryCode: f.categoryCode ?? undefined,
    kind: f.kind ?? undefined,
    overdue: f.overdue ?? undefined,
    routingPending: f.routingPending ?? undefined,
    queue: f.queue ?? undefined,
    from,
    to,
  };
}

/** GraphQL input → the HTTP body shape, so one validator checks both. */
function toRegisterInput(input: RegisterCitizenRequestInput): unknown {
  let attributes: unknown = undefined;
  if (input.attributesJson) {
    try {
      attributes = JSON.parse(input.attributesJson);
    } catch {
      throw badUserInput([{ field: 'attributesJson', message: 'is not valid JSON' }]);
    }
  }
  const body: Record<string, unknown> = { ...input, channel: input.channel ?? 'web', attributes };
  delete body.attributesJson;
  for (const key of Object.keys(body)) if (body[key] === undefined || body[key] === null) delete body[key];
  if (body.location) body.location = { ...(body.location as object) };
  if (body.applicant) body.applicant = Object.fromEntries(Object.entries(body.applicant as object).filter(([, v]) => v !== null && v !== undefined));
  return body;
}

function validate(body: unknown): RegisterRequestInput {
  try {
    return validateRegistration(body);
  } catch (error) {
    const errors = (error as { response?: { errors?: Array<{ field: string; message: string }> } }).response?.errors;
    if (errors) throw badUserInput(errors.map((e) => ({ field: e.field.replace(/^\//, '').replace(/\//g, '.') || 'input', message: e.message })));
    throw error;
  }
}

@Resolver(() => CitizenRequestNode)
export class CitizenRequestResolver {
  constructor(private readonly intake: IntakeService) {}

  @Mutation(() => CitizenRequestNode, {
    description:
      'Registers a citizen request and returns it with its registration coupon. Never refused for a valid request; an urgent one goes to the duty unit at once (and the applicant is told to call 102). A retried submit with the same idempotencyKey returns the first registration.',
  })
  @Roles(...REGISTER_ROLES)
  async registerCitizenRequest(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input', { type: () => RegisterCitizenRequestInput, description: 'The request.' }) input: RegisterCitizenRequestInput,
    @Context() context: { possibleDuplicates?: Map<string, DuplicateSuggestionNode[]> },
  ): Promise<CitizenRequestNode> {
    const coupon = await this.intake.register(validate(toRegisterInput(input)), user);
    const row = await this.intake.get(coupon.id, user, 'graphql:Mutation.registerCitizenRequest');
    (context.possibleDuplicates ??= new Map()).set(coupon.id, coupon.possibleDuplicates);
    return toNode(row, new Date(), coupon.replayed);
  }

  @Query(() => CitizenRequestConnection, {
    description:
      'Citizen requests within your jurisdiction (a district inspector sees their precinct, a unit head their district, a department head their region, HQ all, a citizen their own), newest first.',
  })
  @Roles(...READ_ROLES)
  async citizenRequests(
    @CurrentUser() user: AuthenticatedUser,
    @Args('filter', { type: () => CitizenRequestFilterInput, nullable: true, description: 'Which requests.' }) filter?: CitizenRequestFilterInput,
    @Args('precinctId', { type: () => ID, nullable: true, description: 'Only this precinct (deprecated: use filter.precinctCode).', deprecationReason: 'Use filter.precinctCode.' }) precinctId?: string,
    @Args('first', { type: () => Int, nullable: true, description: 'Page size, 1 to 100 (default 20).' }) first?: number,
    @Args('after', { nullable: true, description: 'endCursor of the previous page.' }) after?: string,
  ): Promise<Connection<CitizenRequestNode>> {
    const page = pageArgs(first, after);
    const result = await withCursorErrors(() => this.intake.list(user, toFilter(filter, precinctId), page, 'graphql:Query.citizenRequests'));
    return toConnection(result.rows, result.size, (row) => toNode(row), requestCursor, result.totalCount);
  }

  @Query(() => CitizenRequestNode, { nullable: true, description: 'One citizen request by id; null if none exists, FORBIDDEN if outside your jurisdiction.' })
  @Roles(...READ_ROLES)
  async citizenRequest(@CurrentUser() user: AuthenticatedUser, @Args('id', { type: () => ID, description: 'Id of the request.' }) id: string): Promise<CitizenRequestNode | null> {
    const found = await this.intake.find(id, user, 'graphql:Query.citizenRequest');
    return found ? toNode(found) : null;
  }

  @ResolveField(() => [DuplicateSuggestionNode], {
    nullable: true,
    description: 'Possible duplicates: same category, within 50 m, open or closed in the last 30 days, nearest first (police staff; null with FORBIDDEN for others).',
  })
  @Roles(...STAFF_READ_ROLES)
  async possibleDuplicates(@Parent() request: CitizenRequestNode, @Context() context: { possibleDuplicates?: Map<string, DuplicateSuggestionNode[]> }): Promise<DuplicateSuggestionNode[]> {
    return context.possibleDuplicates?.get(request.id) ?? this.intake.duplicatesOf(request.id);
  }
}

@Resolver(() => PrecinctRef)
export class PrecinctRequestsResolver {
  constructor(private readonly intake: IntakeService) {}

  @ResolveReference()
  resolveReference(@Parent() reference: { __typename: string; id: string }): PrecinctRef {
    return { id: reference.id };
  }

  @ResolveField(() => CitizenRequestConnection, {
    nullable: true,
    description: 'Requests of this precinct, newest first (police roles, within their jurisdiction); null with a FORBIDDEN error for other roles.',
  })
  @Roles(...STAFF_READ_ROLES)
  async requests(
    @Parent() precinct: PrecinctRef,
    @CurrentUser() user: AuthenticatedUser,
    @Args('first', { type: () => Int, nullable: true, description: 'Page size, 1 to 100 (default 20).' }) first?: number,
    @Args('after', { nullable: true, description: 'endCursor of the previous page.' }) after?: string,
  ): Promise<Connection<CitizenRequestNode>> {
    const page = pageArgs(first, after);
    const result = await withCursorErrors(() => this.intake.list(user, { precinctCode: precinct.id }, page, 'graphql:Precinct.requests'));
    return toConnection(result.rows, result.size, (row) => toNode(row), requestCursor, result.totalCount);
  }
}

import { Args, Field, ID, InputType, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditLog } from '@seriktes/audit';
import { CurrentUser, Roles, type AuthenticatedUser } from '@seriktes/auth';
import { PersonalDataSealer } from '../applicants/sealer';
import { STAFF_READ_ROLES } from '../intake/access';
import { AnswerNode, ApplicantNode, CitizenRequestNode, DeadlineNode, LinkNode, TransitionNode, toNode } from '../intake/graphql.types';
import { actorOf, APPLICANT_AUDIT_ENTITY } from './journal';
import { LinkService } from './link.service';
import type { WorkflowAction } from './rules';
import { WorkflowService, type StepInput } from './workflow.service';

const WORKFLOW_ROLES = [...STAFF_READ_ROLES, 'platform_service'] as const;

@InputType('ResolutionInput', { description: 'The resolution criteria (000:L10663-10671).' })
export class ResolutionInput {
  @Field({ description: 'Every issue raised was considered.' })
  allIssuesConsidered!: boolean;

  @Field({ description: 'Measures were taken.' })
  measuresTaken!: boolean;

  @Field(() => String, { nullable: true, description: 'Which measures.' })
  measures?: string | null;
}

const ID_ARG = { type: () => ID, description: 'Id of the request.' } as const;
const REASON_ARG = { type: () => String, description: 'The reason (a reasoned decision).' } as const;

@Resolver(() => CitizenRequestNode)
export class WorkflowResolver {
  constructor(
    private readonly workflow: WorkflowService,
    private readonly links: LinkService,
    private readonly sealer: PersonalDataSealer,
    private readonly audit: AuditLog,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  private async run(id: string, action: WorkflowAction, input: StepInput, user: AuthenticatedUser): Promise<CitizenRequestNode> {
    return toNode(await this.workflow.step(id, action, input, user));
  }

  @Mutation(() => CitizenRequestNode, { description: 'Re-routes a request (unit head, with a reason): to another precinct of your territory and/or a named inspector; without either, asks the roster again.' })
  @Roles(...WORKFLOW_ROLES)
  routeCitizenRequest(
    @CurrentUser() user: AuthenticatedUser,
    @Args('id', ID_ARG) id: string,
    @Args('reason', REASON_ARG) reason: string,
    @Args('precinctCode', { type: () => String, nullable: true, description: 'Another precinct.' }) precinctCode?: string,
    @Args('inspectorId', { type: () => ID, nullable: true, description: 'A named inspector (roster id).' }) inspectorId?: string,
  ) {
    return this.run(id, 'route', { reason, precinctCode, inspectorId }, user);
  }

  @Mutation(() => CitizenRequestNode, { description: 'The inspector starts work on an assigned (or reopened) request.' })
  @Roles(...WORKFLOW_ROLES)
  startCitizenRequest(@CurrentUser() user: AuthenticatedUser, @Args('id', ID_ARG) id: string) {
    return this.run(id, 'start', {}, user);
  }

  @Mutation(() => CitizenRequestNode, {
    description: 'Extends the term by a reasoned decision of the unit head, up to 2 months from receipt in total; the applicant must be notified within 3 working days (tracked as its own deadline).',
  })
  @Roles(...WORKFLOW_ROLES)
  extendCitizenRequest(
    @CurrentUser() user: AuthenticatedUser,
    @Args('id', ID_ARG) id: string,
    @Args('newDueDate', { description: 'The new due date (YYYY-MM-DD, a working day); due at its end, 23:59:59 Asia/Almaty.' }) newDueDate: string,
    @Args('reason', REASON_ARG) reason: string,
  ) {
    return this.run(id, 'extend', { newDueDate, reason }, user);
  }

  @Mutation(() => CitizenRequestNode, { description: 'Redirects a request outside police competence to the competent body (due within 3 working days of receipt); the applicant is notified.' })
  @Roles(...WORKFLOW_ROLES)
  redirectCitizenRequest(
    @CurrentUser() user: AuthenticatedUser,
    @Args('id', ID_ARG) id: string,
    @Args('toBody', { description: 'The competent body (an organisation).' }) toBody: string,
    @Args('reason', REASON_ARG) reason: string,
  ) {
    return this.run(id, 'redirect', { toBody, reason }, user);
  }

  @Mutation(() => CitizenRequestNode, { description: 'Records the answer sent to the applicant; stops the legal clock.' })
  @Roles(...WORKFLOW_ROLES)
  answerCitizenRequest(
    @CurrentUser() user: AuthenticatedUser,
    @Args('id', ID_ARG) id: string,
    @Args('text', { description: 'The text of the answer.' }) text: string,
    @Args('measures', { type: () => String, nullable: true, description: 'Measures taken.' }) measures?: string,
  ) {
    return this.run(id, 'answer', { text, measures }, user);
  }

  @Mutation(() => CitizenRequestNode, { description: 'Puts an answered request whose fix takes long under additional control of the unit head.' })
  @Roles(...WORKFLOW_ROLES)
  controlCitizenRequest(@CurrentUser() user: AuthenticatedUser, @Args('id', ID_ARG) id: string, @Args('reason', REASON_ARG) reason: string) {
    return this.run(id, 'control', { reason }, user);
  }

  @Mutation(() => CitizenRequestNode, { description: 'The inspector reports the resolution criteria met; the unit head then closes.' })
  @Roles(...WORKFLOW_ROLES)
  resolveCitizenRequest(@CurrentUser() user: AuthenticatedUser, @Args('id', ID_ARG) id: string, @Args('resolution', { type: () => ResolutionInput, description: 'The criteria.' }) resolution: ResolutionInput) {
    return this.run(id, 'resolve', { resolution: { ...resolution, measures: resolution.measures ?? undefined } }, user);
  }

  @Mutation(() => CitizenRequestNode, { description: 'Closes a request: the unit head or deputy confirms the resolution criteria (every issue considered, measures taken, answer sent).' })
  @Roles(...WORKFLOW_ROLES)
  closeCitizenRequest(@CurrentUser() user: AuthenticatedUser, @Args('id', ID_ARG) id: string, @Args('resolution', { type: () => ResolutionInput, description: 'The criteria.' }) resolution: ResolutionInput) {
    return this.run(id, 'close', { resolution: { ...resolution, measures: resolution.measures ?? undefined } }, user);
  }

  @Mutation(() => CitizenRequestNode, { description: 'Reopens a closed request with a new term (unit head, with a reason).' })
  @Roles(...WORKFLOW_ROLES)
  reopenCitizenRequest(@CurrentUser() user: AuthenticatedUser, @Args('id', ID_ARG) id: string, @Args('reason', REASON_ARG) reason: string) {
    return this.run(id, 'reopen', { reason }, user);
  }

  @Mutation(() => CitizenRequestNode, {
    description: 'Links a request to another: DUPLICATE (the same matter), REPEAT (the same applicant again with no new arguments: linked, not re-checked) or RELATED.',
  })
  @Roles(...STAFF_READ_ROLES)
  async linkCitizenRequests(
    @CurrentUser() user: AuthenticatedUser,
    @Args('id', ID_ARG) id: string,
    @Args('linkedId', { type: () => ID, description: 'The other (earlier) request.' }) linkedId: string,
    @Args('kind', { description: 'duplicate, repeat or related.' }) kind: string,
  ) {
    return toNode(await this.links.link(id, linkedId, kind, user));
  }

  @ResolveField(() => [TransitionNode], { nullable: true, description: 'Every step of its life, oldest first (police staff).' })
  @Roles(...STAFF_READ_ROLES)
  async history(@Parent() request: CitizenRequestNode): Promise<TransitionNode[]> {
    const rows = (await this.dataSource.query(
      `SELECT action, from_status, to_status, actor_name, actor_role, reason, at FROM citizen_requests.transition WHERE request_id = $1 ORDER BY id`,
      [request.id],
    )) as Array<{ action: string; from_status: string | null; to_status: string; actor_name: string | null; actor_role: string | null; reason: string | null; at: Date }>;
    return rows.map((r) => ({ action: r.action, from: r.from_status, to: r.to_status, actor: r.actor_name, actorRole: r.actor_role, reason: r.reason, at: r.at.toISOString() }));
  }

  @ResolveField(() => [DeadlineNode], { nullable: true, description: 'The deadlines of its legal clock, current and past (police staff).' })
  @Roles(...STAFF_READ_ROLES)
  async deadlines(@Parent() request: CitizenRequestNode): Promise<DeadlineNode[]> {
    const rows = (await this.dataSource.query(
      `SELECT kind, due_at, met_at, cancelled_at, warned_at, overdue_emitted_at FROM citizen_requests.deadline WHERE request_id = $1 ORDER BY id`,
      [request.id],
    )) as Array<{ kind: string; due_at: Date; met_at: Date | null; cancelled_at: Date | null; warned_at: Date | null; overdue_emitted_at: Date | null }>;
    return rows.map((r) => ({ kind: r.kind, dueAt: r.due_at.toISOString(), metAt: r.met_at?.toISOString() ?? null, cancelled: r.cancelled_at !== null, warned: r.warned_at !== null, overdue: r.overdue_emitted_at !== null }));
  }

  @ResolveField(() => [AnswerNode], { description: 'Answers sent to the applicant (the applicant sees their own).' })
  async answers(@Parent() request: CitizenRequestNode): Promise<AnswerNode[]> {
    const rows = (await this.dataSource.query(`SELECT text, measures, author_name, sent_at FROM citizen_requests.answer WHERE request_id = $1 ORDER BY sent_at`, [request.id])) as Array<{
      text: string;
      measures: string | null;
      author_name: string | null;
      sent_at: Date;
    }>;
    return rows.map((r) => ({ text: r.text, measures: r.measures, author: r.author_name, sentAt: r.sent_at.toISOString() }));
  }

  @ResolveField('links', () => [LinkNode], { nullable: true, description: 'Links to other requests (police staff).' })
  @Roles(...STAFF_READ_ROLES)
  async requestLinks(@Parent() request: CitizenRequestNode): Promise<LinkNode[]> {
    return this.links.linksOf(request.id);
  }

  @ResolveField(() => ApplicantNode, {
    nullable: true,
    description: 'The applicant (police staff of the territory; null for a tip). Personal data: each read is audit-logged with who, when and why.',
  })
  @Roles(...STAFF_READ_ROLES)
  async applicant(@Parent() request: CitizenRequestNode, @CurrentUser() user: AuthenticatedUser): Promise<ApplicantNode | null> {
    const [row] = (await this.dataSource.query(`SELECT key_id, sealed FROM citizen_requests.applicant WHERE request_id = $1`, [request.id])) as Array<{ key_id: string; sealed: Buffer }>;
    if (!row) return null;
    await this.audit.record({ actor: actorOf(user).audit, action: 'read', entity: APPLICANT_AUDIT_ENTITY, entityId: request.id, purpose: 'graphql:CitizenRequest.applicant' });
    const identity = this.sealer.open(row.key_id, row.sealed);
    return { fullName: identity.fullName, phone: identity.phone ?? null, iin: identity.iin ?? null, email: identity.email ?? null, address: identity.address ?? null };
  }
}

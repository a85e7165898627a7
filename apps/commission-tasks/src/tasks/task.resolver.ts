import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { CurrentUser, Roles, type AuthenticatedUser } from '@seriktes/auth';
import { pageArgs, toConnection, withCursorErrors, type Connection } from '@seriktes/graphql';
import { invalidInput } from '@seriktes/runtime';
import { MANAGE_ROLES, organisationOf, READ_ROLES, STAFF_READ_ROLES } from '../access';
import {
  AssignTaskInputType,
  AttachmentInputType,
  DueInputType,
  EscalationNode,
  PrecinctRef,
  ReportNode,
  ReviewNode,
  TaskConnection,
  TaskFilterInput,
  TaskNode,
  TemplateNode,
} from '../graphql.types';
import { taskNode } from '../mappers';
import { OrganisationService } from '../organisations/organisation.service';
import { TASK_TEMPLATES } from '../protocols/templates';
import { TaskQueries } from './task.queries';
import { TaskService, type TaskRow } from './task.service';

const EXECUTE_ROLES = [...READ_ROLES] as const;

@Resolver(() => TaskNode)
export class TaskResolver {
  constructor(
    private readonly tasks: TaskService,
    private readonly queries: TaskQueries,
    private readonly organisations: OrganisationService,
  ) {}

  /** Request ids are shown to partners only under a linked_requests agreement. */
  private async node(user: AuthenticatedUser, t: TaskRow): Promise<TaskNode> {
    const org = organisationOf(user);
    const requests = org === null || (await this.organisations.scopesOf(org)).includes('linked_requests');
    return taskNode(t, { requests });
  }

  @Query(() => TaskConnection, { description: 'Tasks the caller may read (staff: their territory; partners: their organisation’s), soonest due first, with filters.' })
  @Roles(...READ_ROLES)
  async commissionTasks(
    @CurrentUser() user: AuthenticatedUser,
    @Args('filter', { type: () => TaskFilterInput, nullable: true, description: 'Filters.' }) filter: TaskFilterInput | null,
    @Args('first', { type: () => Int, nullable: true, description: 'Page size (20 by default, at most 100).' }) first: number | null,
    @Args('after', { type: () => String, nullable: true, description: 'Cursor of the last task of the previous page.' }) after: string | null,
  ): Promise<Connection<TaskNode>> {
    const { size, after: cursor } = pageArgs(first, after);
    return withCursorErrors(async () => {
      const { rows, total } = await this.queries.list(user, filter ?? {}, size, cursor);
      const nodes = await Promise.all(rows.map((r) => this.node(user, r)));
      const byId = new Map(nodes.map((n) => [n.id, n]));
      return toConnection(rows, size, (r) => byId.get(r.id)!, (r) => this.queries.cursorOf(r), total);
    });
  }

  @Query(() => TaskNode, { description: 'One task (FORBIDDEN outside the caller’s organisation or territory).' })
  @Roles(...READ_ROLES)
  async commissionTask(@CurrentUser() user: AuthenticatedUser, @Args('id', { type: () => ID, description: 'Task id.' }) id: string): Promise<TaskNode> {
    return this.node(user, await this.tasks.readable(user, id));
  }

  @Query(() => [TaskNode], { description: 'Open tasks of the caller’s organisation (lead or co-executor; police staff: police-led tasks of their territory), soonest due first.' })
  @Roles(...READ_ROLES)
  async myTasks(@CurrentUser() user: AuthenticatedUser): Promise<TaskNode[]> {
    return Promise.all((await this.queries.mine(user)).map((t) => this.node(user, t)));
  }

  @Query(() => [TemplateNode], { description: 'Protocol task templates with hard SLAs from the law.' })
  @Roles(...READ_ROLES)
  taskTemplates(): TemplateNode[] {
    return TASK_TEMPLATES.map((t) => ({ code: t.code, title: t.title, description: t.description, workingDays: t.workingDays, leadKinds: [...t.leadKinds], source: t.source }));
  }

  @ResolveField(() => [ReportNode], { description: 'Reports, oldest first.' })
  reports(@Parent() task: TaskNode): Promise<ReportNode[]> {
    return this.queries.reports(task.id);
  }

  @ResolveField(() => [EscalationNode], { description: 'Escalation steps taken, in order (immutable log).' })
  escalations(@Parent() task: TaskNode): Promise<EscalationNode[]> {
    return this.queries.escalations(task.id);
  }

  @ResolveField(() => [ReviewNode], { description: 'Reviews at meetings, in order.' })
  reviews(@Parent() task: TaskNode): Promise<ReviewNode[]> {
    return this.queries.reviews(task.id);
  }

  @Mutation(() => TaskNode, { description: 'Assigns a task of a decision (or a protocol template) to a lead organisation and co-executors (the commission secretary).' })
  @Roles(...MANAGE_ROLES)
  async assignTask(@CurrentUser() user: AuthenticatedUser, @Args('input', { description: 'The task.' }) input: AssignTaskInputType): Promise<TaskNode> {
    return this.node(user, await this.tasks.assign(user, input));
  }

  @Mutation(() => TaskNode, { description: 'The lead organisation accepts its task.' })
  @Roles(...EXECUTE_ROLES)
  async acceptTask(@CurrentUser() user: AuthenticatedUser, @Args('id', { type: () => ID, description: 'Task id.' }) id: string): Promise<TaskNode> {
    return this.node(user, await this.tasks.accept(user, id));
  }

  @Mutation(() => TaskNode, { description: 'The lead organisation starts work on its task.' })
  @Roles(...EXECUTE_ROLES)
  async startTask(@CurrentUser() user: AuthenticatedUser, @Args('id', { type: () => ID, description: 'Task id.' }) id: string): Promise<TaskNode> {
    return this.node(user, await this.tasks.start(user, id));
  }

  @Mutation(() => ID, { description: 'Submits a progress or final report (lead or co-executor; a final report only by the lead). Returns the report id.' })
  @Roles(...EXECUTE_ROLES)
  async submitTaskReport(
    @CurrentUser() user: AuthenticatedUser,
    @Args('taskId', { type: () => ID, description: 'Task id.' }) taskId: string,
    @Args('text', { description: 'What was done.' }) text: string,
    @Args('progressPercent', { type: () => Int, description: 'Progress, 0-100 (100 for a final report).' }) progressPercent: number,
    @Args('final', { description: 'Asks the secretary to accept the task as done.' }) final: boolean,
    @Args('attachments', { type: () => [AttachmentInputType], nullable: true, description: 'Attachment metadata.' }) attachments: AttachmentInputType[] | null,
  ): Promise<string> {
    return (await this.tasks.report(user, taskId, { text, progressPercent, final, attachments })).reportId;
  }

  @Mutation(() => TaskNode, { description: 'The secretary accepts a report; an accepted final report makes the task done.' })
  @Roles(...MANAGE_ROLES)
  async acceptTaskReport(@CurrentUser() user: AuthenticatedUser, @Args('reportId', { type: () => ID, description: 'Report id.' }) reportId: string): Promise<TaskNode> {
    return this.node(user, await this.tasks.reviewReport(user, reportId, 'accepted', null));
  }

  @Mutation(() => TaskNode, { description: 'The secretary returns a report with a reason; a returned final report puts the task back in progress.' })
  @Roles(...MANAGE_ROLES)
  async returnTaskReport(
    @CurrentUser() user: AuthenticatedUser,
    @Args('reportId', { type: () => ID, description: 'Report id.' }) reportId: string,
    @Args('reason', { description: 'Why it is returned.' }) reason: string,
  ): Promise<TaskNode> {
    return this.node(user, await this.tasks.reviewReport(user, reportId, 'returned', reason));
  }

  @Mutation(() => TaskNode, { description: 'The secretary closes an open task as not_done or cancelled, with a reason.' })
  @Roles(...MANAGE_ROLES)
  async closeTask(
    @CurrentUser() user: AuthenticatedUser,
    @Args('id', { type: () => ID, description: 'Task id.' }) id: string,
    @Args('status', { description: 'not_done or cancelled.' }) status: string,
    @Args('reason', { description: 'Why.' }) reason: string,
  ): Promise<TaskNode> {
    if (status !== 'not_done' && status !== 'cancelled') throw invalidInput([{ field: 'status', message: 'must be not_done or cancelled' }]);
    return this.node(user, await this.tasks.close(user, id, status, reason));
  }

  @Mutation(() => TaskNode, { description: 'Reviews an unfinished task at a held meeting: reason code, then carried over with a new due date, or closed.' })
  @Roles(...MANAGE_ROLES)
  async reviewTaskAtMeeting(
    @CurrentUser() user: AuthenticatedUser,
    @Args('id', { type: () => ID, description: 'Task id.' }) id: string,
    @Args('meetingId', { type: () => ID, description: 'The held meeting.' }) meetingId: string,
    @Args('reasonCode', { description: 'circumstances_changed or not_done_by_agency.' }) reasonCode: string,
    @Args('outcome', { description: 'carry_over or close.' }) outcome: string,
    @Args('due', { type: () => DueInputType, nullable: true, description: 'New due date or timeframe (carry_over).' }) due: DueInputType | null,
    @Args('note', { type: () => String, nullable: true, description: 'Note for the minutes.' }) note: string | null,
  ): Promise<TaskNode> {
    return this.node(user, await this.tasks.reviewAtMeeting(user, id, { meetingId, reasonCode, outcome, due, note }));
  }
}

@Resolver(() => PrecinctRef)
export class PrecinctTasksResolver {
  constructor(private readonly queries: TaskQueries) {}

  @ResolveReference()
  resolveReference(@Parent() reference: { __typename: string; id: string }): PrecinctRef {
    return { id: reference.id };
  }

  @ResolveField(() => [TaskNode], {
    nullable: true,
    description: 'Open commission tasks of this precinct, soonest due first (staff of its territory); null with a FORBIDDEN error for other roles.',
  })
  @Roles(...STAFF_READ_ROLES)
  async commissionTasks(@Parent() precinct: PrecinctRef, @CurrentUser() user: AuthenticatedUser): Promise<TaskNode[]> {
    const { rows } = await this.queries.list(user, { precinctCode: precinct.id, status: ['assigned', 'accepted', 'in_progress', 'reported'] }, 100, undefined);
    return rows.map((t) => taskNode(t, { requests: true }));
  }
}

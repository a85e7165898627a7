import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CurrentUser, Roles, type AuthenticatedUser } from '@seriktes/auth';
import { LANGUAGE_ARG, Language } from '@seriktes/graphql';
import { ROSTER_MANAGE_ROLES, ROSTER_READ_ROLES, TERRITORY_READ_ROLES } from '../access';
import { CaseloadService } from '../caseload/caseload.service';
import { CaseloadNode } from '../caseload/graphql.types';
import { DutyService } from '../duty/duty.service';
import { AvailableHoursNode, DutyScheduleNode, LeaveNode } from '../duty/graphql.types';
import { LEAVE_KINDS, localDateOf } from '../duty/rules';
import { TerritoryService } from '../territory/territory.service';
import { DistrictNode, PrecinctNode, toDistrictNode, toPrecinctNode } from '../territory/graphql.types';
import { AssignmentService } from './assignment.service';
import { AssignInspectorInput, AssignmentNode, InspectorNode, toAssignmentNode, toInspectorNode } from './graphql.types';
import { assignmentHistory, inspectorByUsername, inspectorsById, isUuid } from './inspector.repository';
import { POSITIONS, rankByCode } from './ranks';

/**
 * Inspectors. Name, rank, position, unit and the precinct point's phone are public (they hang on
 * the stand of every precinct point); the personnel record (personal number, service start,
 * assignment history, schedules, leave, hours, caseload) is read by police management and planners
 * within their territory and by the inspector themself, and every such read is audited.
 */
@Resolver(() => InspectorNode)
@Roles(...TERRITORY_READ_ROLES)
export class InspectorResolver {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly assignmentService: AssignmentService,
    private readonly duty: DutyService,
    private readonly caseloads: CaseloadService,
    private readonly territory: TerritoryService,
  ) {}

  @Query(() => InspectorNode, { nullable: true, description: 'An inspector by roster id; null if there is none.' })
  async inspector(@Args('id', { type: () => ID, description: 'Roster id.' }) id: string): Promise<InspectorNode | null> {
    if (!isUuid(id)) return null;
    const [found] = await inspectorsById(this.dataSource.manager, [id]);
    return found ? toInspectorNode(found) : null;
  }

  @Query(() => InspectorNode, { nullable: true, description: 'Your own roster record, if you are an inspector; null otherwise.' })
  async myInspectorRecord(@CurrentUser() user: AuthenticatedUser): Promise<InspectorNode | null> {
    const found = await inspectorByUsername(this.dataSource.manager, user.username);
    return found ? toInspectorNode(found) : null;
  }

  @ResolveReference()
  async resolveReference(@Parent() reference: { __typename: string; id: string }): Promise<InspectorNode | null> {
    return this.inspector(reference.id);
  }

  @ResolveField(() => String, { description: 'Special rank in the language asked for, e.g. «полиция капитаны».' })
  rank(@Parent() inspector: InspectorNode, @Args(LANGUAGE_ARG) lang: Language): string {
    return rankByCode(inspector.rankCode)?.name[lang] ?? inspector.rankCode;
  }

  @ResolveField(() => String, { description: 'Position in the language asked for.' })
  positionName(@Parent() inspector: InspectorNode, @Args(LANGUAGE_ARG) lang: Language): string {
    return POSITIONS.find((p) => p.code === inspector.position)?.name[lang] ?? inspector.position;
  }

  @ResolveField(() => DistrictNode, { description: 'The district police body the inspector serves in.' })
  async unit(@Parent() inspector: InspectorNode): Promise<DistrictNode> {
    return toDistrictNode(await this.territory.districtOf(inspector.unitCode));
  }

  @ResolveField(() => [PrecinctNode], { description: 'Precincts the inspector serves today.' })
  async precincts(@Parent() inspector: InspectorNode): Promise<PrecinctNode[]> {
    const today = localDateOf(new Date());
    const current = (await assignmentHistory(this.dataSource.manager, { inspectorId: inspector.id })).filter((a) => a.validFrom <= today && (a.validTo === null || a.validTo >= today));
    return (await this.territory.precincts(current.map((a) => a.precinctCode))).map(toPrecinctNode);
  }

  @ResolveField(() => String, { nullable: true, description: 'Personal number (personnel record).' })
  @Roles(...ROSTER_READ_ROLES)
  async personalNumber(@Parent() inspector: InspectorNode, @CurrentUser() user: AuthenticatedUser): Promise<string> {
    await this.duty.readableInspector(inspector.id, user, 'graphql:Inspector.personalNumber');
    return inspector.personalNumber;
  }

  @ResolveField(() => String, { nullable: true, description: 'First day of service (personnel record), which sets the extra leave for seniority.' })
  @Roles(...ROSTER_READ_ROLES)
  async serviceStart(@Parent() inspector: InspectorNode, @CurrentUser() user: AuthenticatedUser): Promise<string | null> {
    await this.duty.readableInspector(inspector.id, user, 'graphql:Inspector.serviceStart');
    return inspector.serviceStart;
  }

  @ResolveField(() => [AssignmentNode], { nullable: true, description: 'Every precinct assignment of the inspector, newest first (personnel record).' })
  @Roles(...ROSTER_READ_ROLES)
  async assignments(@Parent() inspector: InspectorNode, @CurrentUser() user: AuthenticatedUser): Promise<AssignmentNode[]> {
    await this.duty.readableInspector(inspector.id, user, 'graphql:Inspector.assignments');
    return (await assignmentHistory(this.dataSource.manager, { inspectorId: inspector.id })).map(toAssignmentNode);
  }

  @ResolveField(() => [DutyScheduleNode], { nullable: true, description: 'Duty schedules, oldest first (personnel record).' })
  @Roles(...ROSTER_READ_ROLES)
  async schedules(@Parent() inspector: InspectorNode, @CurrentUser() user: AuthenticatedUser): Promise<DutyScheduleNode[]> {
    await this.duty.readableInspector(inspector.id, user, 'graphql:Inspector.schedules');
    return (await this.duty.schedulesOf(this.dataSource.manager, [inspector.id])).get(inspector.id) ?? [];
  }

  @ResolveField(() => [LeaveNode], { nullable: true, description: 'Leave in force, by start date (personnel record).' })
  @Roles(...ROSTER_READ_ROLES)
  async leave(@Parent() inspector: InspectorNode, @CurrentUser() user: AuthenticatedUser): Promise<LeaveNode[]> {
    await this.duty.readableInspector(inspector.id, user, 'graphql:Inspector.leave');
    return (await this.duty.leavesOf(this.dataSource.manager, [inspector.id])).get(inspector.id) ?? [];
  }

  @ResolveField(() => AvailableHoursNode, { nullable: true, description: 'Hours available in a year after leave and holidays (personnel record; the staffing forecast reads it).' })
  @Roles(...ROSTER_READ_ROLES)
  async availableHours(
    @Parent() inspector: InspectorNode,
    @CurrentUser() user: AuthenticatedUser,
    @Args('year', { type: () => Int, description: 'Calendar year.' }) year: number,
  ): Promise<AvailableHoursNode> {
    await this.duty.readableInspector(inspector.id, user, 'graphql:Inspector.availableHours');
    const hours = await this.duty.availableHours(inspector.id, year);
    return { ...hours, leaveHours: LEAVE_KINDS.map(({ kind }) => ({ kind, hours: hours.leaveHours[kind] ?? 0 })).filter((l) => l.hours > 0) };
  }

  @ResolveField(() => CaseloadNode, { nullable: true, description: 'Open, overdue and recently closed items routed to the inspector (personnel record).' })
  @Roles(...ROSTER_READ_ROLES)
  async caseload(@Parent() inspector: InspectorNode, @CurrentUser() user: AuthenticatedUser): Promise<CaseloadNode> {
    await this.duty.readableInspector(inspector.id, user, 'graphql:Inspector.caseload');
    return this.caseloads.ofInspector(inspector.id);
  }

  @Mutation(() => AssignmentNode, { description: 'Assigns an officer to a precinct (unit head: their district; department head: their region; HQ: anywhere). Emits assignment-changed.' })
  @Roles(...ROSTER_MANAGE_ROLES)
  async assignInspector(@Args('input', { type: () => AssignInspectorInput, description: 'Who, where, from when.' }) input: AssignInspectorInput, @CurrentUser() user: AuthenticatedUser): Promise<AssignmentNode> {
    const row = await this.assignmentService.assign(
      { inspectorId: input.inspectorId, precinctCode: input.precinctCode, position: input.position ?? undefined, validFrom: input.validFrom ?? undefined, reason: input.reason ?? undefined },
      user,
    );
    return toAssignmentNode(row);
  }

  @Mutation(() => AssignmentNode, { description: 'Ends an assignment on a day (today by default). Emits assignment-changed.' })
  @Roles(...ROSTER_MANAGE_ROLES)
  async endAssignment(
    @Args('assignmentId', { type: () => ID, description: 'The assignment.' }) assignmentId: string,
    @CurrentUser() user: AuthenticatedUser,
    @Args('validTo', { nullable: true, description: 'Last day (YYYY-MM-DD), today by default.' }) validTo?: string,
    @Args('reason', { nullable: true, description: 'Why, e.g. "transfer", "retirement".' }) reason?: string,
  ): Promise<AssignmentNode> {
    return toAssignmentNode(await this.assignmentService.end(assignmentId, validTo ?? undefined, reason ?? undefined, user));
  }
}

import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, forbidden, Roles, type AuthenticatedUser } from '@seriktes/auth';
import { MANAGE_ROLES, mayManage, mayReadDecisions, READ_ROLES } from '../access';
import { CommissionService } from '../commissions/commission.service';
import { AgendaItemInputType, AttendanceInputType, MeetingNode } from '../graphql.types';
import { meetingNode } from '../mappers';
import { MeetingService, type MeetingRow } from './meeting.service';

@Resolver(() => MeetingNode)
export class MeetingResolver {
  constructor(
    private readonly meetings: MeetingService,
    private readonly commissions: CommissionService,
  ) {}

  private async node(user: AuthenticatedUser, m: MeetingRow, territoryCode: string): Promise<MeetingNode> {
    return meetingNode(m, this.meetings.state(m), await this.meetings.agenda(m.id), await this.meetings.attendance(m.id), mayManage(user, territoryCode));
  }

  @Query(() => [MeetingNode], { description: 'Meetings of a commission, newest first (minutes drafts only for the secretariat).' })
  @Roles(...READ_ROLES)
  async commissionMeetings(@CurrentUser() user: AuthenticatedUser, @Args('commissionId', { type: () => ID, description: 'Commission.' }) commissionId: string): Promise<MeetingNode[]> {
    const c = await this.commissions.get(commissionId);
    if (!c || !mayReadDecisions(user, c.territory_code)) throw forbidden('meetings of this commission are not in your scope');
    return Promise.all((await this.meetings.list(commissionId)).map((m) => this.node(user, m, c.territory_code)));
  }

  @Mutation(() => MeetingNode, { description: 'Schedules a meeting with its agenda; unfinished tasks due before it are added for review.' })
  @Roles(...MANAGE_ROLES)
  async scheduleMeeting(
    @CurrentUser() user: AuthenticatedUser,
    @Args('commissionId', { type: () => ID, description: 'Commission.' }) commissionId: string,
    @Args('scheduledAt', { description: 'When (ISO 8601).' }) scheduledAt: string,
    @Args('venue', { description: 'Where.' }) venue: string,
    @Args('agenda', { type: () => [AgendaItemInputType], nullable: true, description: 'Agenda items.' }) agenda: AgendaItemInputType[] | null,
  ): Promise<MeetingNode> {
    const m = await this.meetings.schedule(user, { commissionId, scheduledAt, venue, agenda });
    return this.node(user, m, (await this.commissions.get(commissionId))!.territory_code);
  }

  @Mutation(() => Boolean, { description: 'Records attendance and apologies of member organisations.' })
  @Roles(...MANAGE_ROLES)
  async recordAttendance(
    @CurrentUser() user: AuthenticatedUser,
    @Args('meetingId', { type: () => ID, description: 'Meeting.' }) meetingId: string,
    @Args('attendance', { type: () => [AttendanceInputType], description: 'Attendance.' }) attendance: AttendanceInputType[],
  ): Promise<boolean> {
    await this.meetings.recordAttendance(user, meetingId, attendance);
    return true;
  }

  @Mutation(() => MeetingNode, { description: 'Marks a meeting held; its minutes are due on the 3rd working day after.' })
  @Roles(...MANAGE_ROLES)
  async holdMeeting(
    @CurrentUser() user: AuthenticatedUser,
    @Args('meetingId', { type: () => ID, description: 'Meeting.' }) meetingId: string,
    @Args('heldAt', { type: () => String, nullable: true, description: 'When it was held (now by default).' }) heldAt: string | null,
  ): Promise<MeetingNode> {
    const m = await this.meetings.hold(user, meetingId, heldAt ? new Date(heldAt) : new Date());
    return this.node(user, m, (await this.commissions.get(m.commission_id))!.territory_code);
  }

  @Mutation(() => MeetingNode, { description: 'Saves the draft minutes of a held meeting.' })
  @Roles(...MANAGE_ROLES)
  async draftMinutes(
    @CurrentUser() user: AuthenticatedUser,
    @Args('meetingId', { type: () => ID, description: 'Meeting.' }) meetingId: string,
    @Args('text', { description: 'The minutes.' }) text: string,
  ): Promise<MeetingNode> {
    const m = await this.meetings.draftMinutes(user, meetingId, text);
    return this.node(user, m, (await this.commissions.get(m.commission_id))!.territory_code);
  }

  @Mutation(() => MeetingNode, { description: 'Publishes the minutes to the members (flagged late after the due day).' })
  @Roles(...MANAGE_ROLES)
  async publishMinutes(@CurrentUser() user: AuthenticatedUser, @Args('meetingId', { type: () => ID, description: 'Meeting.' }) meetingId: string): Promise<MeetingNode> {
    const m = await this.meetings.publishMinutes(user, meetingId);
    return this.node(user, m, (await this.commissions.get(m.commission_id))!.territory_code);
  }
}

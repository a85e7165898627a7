import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, Role, Roles, type AuthenticatedUser } from '@seriktes/auth';
import { pageArgs } from '@seriktes/graphql';
import { ROSTER_MANAGE_ROLES, TERRITORY_READ_ROLES } from '../access';
import { InspectorNode, toInspectorNode } from '../inspectors/graphql.types';
import { inspectorsById } from '../inspectors/inspector.repository';
import { DistrictNode, PrecinctNode, toDistrictNode } from '../territory/graphql.types';
import { AccountabilityService } from './accountability.service';
import {
  CandidacyNode,
  CommunityMeetingNode,
  DecideCandidacyInput,
  ProposeCandidateInput,
  RecordCommunityMeetingInput,
  ScheduleCommunityMeetingInput,
  toCandidacyNode,
  toMeetingNode,
} from './graphql.types';

/** Who reads the minutes of a community meeting: police management (within their territory) and the platform's administrators. */
export const MINUTES_READ_ROLES = [...ROSTER_MANAGE_ROLES, Role.platformAdmin];

/**
 * Appointment after public discussion and reports to residents (Law on IAB Art. 10(3)(2), 14(33)).
 * Candidacies and meetings are public information, like the precinct's inspector on the stand of
 * its point; changes are for the precinct's managers (unit head: their district; department
 * head: their region; HQ: everywhere).
 */
@Resolver()
@Roles(...TERRITORY_READ_ROLES)
export class AccountabilityResolver {
  constructor(private readonly accountability: AccountabilityService) {}

  @Query(() => CandidacyNode, { nullable: true, description: 'A candidacy by id; null if there is none.' })
  async candidacy(@Args('id', { type: () => ID, description: 'Candidacy id.' }) id: string): Promise<CandidacyNode | null> {
    const found = await this.accountability.candidacy(id);
    return found ? toCandidacyNode(found) : null;
  }

  @Query(() => CommunityMeetingNode, { nullable: true, description: 'A community meeting by id; null if there is none.' })
  async communityMeeting(@Args('id', { type: () => ID, description: 'Meeting id.' }) id: string): Promise<CommunityMeetingNode | null> {
    const found = await this.accountability.meeting(id);
    return found ? toMeetingNode(found) : null;
  }

  @Mutation(() => CandidacyNode, { description: 'Puts a candidate inspector for a precinct to public discussion with its residents (one open candidacy per precinct). Emits candidate-proposed.' })
  @Roles(...ROSTER_MANAGE_ROLES)
  async proposeCandidate(@Args('input', { type: () => ProposeCandidateInput, description: 'Precinct, candidate, end of the discussion.' }) input: ProposeCandidateInput, @CurrentUser() user: AuthenticatedUser): Promise<CandidacyNode> {
    return toCandidacyNode(
      await this.accountability.proposeCandidate({ precinctCode: input.precinctCode, inspectorId: input.inspectorId, position: input.position ?? null, discussionUntil: input.discussionUntil }, user),
    );
  }

  @Mutation(() => CommunityMeetingNode, { description: "Schedules a community meeting: a candidate discussion (with the district akimat) or an inspector's report. Emits community-meeting-scheduled." })
  @Roles(...ROSTER_MANAGE_ROLES)
  async scheduleCommunityMeeting(
    @Args('input', { type: () => ScheduleCommunityMeetingInput, description: 'Precinct, purpose, time and place.' }) input: ScheduleCommunityMeetingInput,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<CommunityMeetingNode> {
    return toMeetingNode(
      await this.accountability.scheduleMeeting(
        {
          precinctCode: input.precinctCode,
          purpose: input.purpose,
          candidacyId: input.candidacyId ?? null,
          inspectorId: input.inspectorId ?? null,
          scheduledAt: input.scheduledAt,
          place: input.place,
          organisedWith: input.organisedWith ?? null,
        },
        user,
      ),
    );
  }

  @Mutation(() => CommunityMeetingNode, { description: "Records that a scheduled meeting was held: attendance and the residents' opinion. Emits community-meeting-held." })
  @Roles(...ROSTER_MANAGE_ROLES)
  async recordCommunityMeeting(
    @Args('input', { type: () => RecordCommunityMeetingInput, description: 'The meeting, when it was held, the counts.' }) input: RecordCommunityMeetingInput,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<CommunityMeetingNode> {
    return toMeetingNode(
      await this.accountability.recordMeeting(
        {
          meetingId: input.meetingId,
          heldAt: input.heldAt,
          attendance: input.attendance,
          inFavour: input.inFavour ?? null,
          against: input.against ?? null,
          abstained: input.abstained ?? null,
          opinionSummary: input.opinionSummary ?? null,
          minutes: input.minutes ?? null,
        },
        user,
      ),
    );
  }

  @Mutation(() => DistrictNode, { description: "Sets how often each inspector of a district reports to residents (1 to 24 months; a unit head for their district, a department head for their region, HQ anywhere)." })
  @Roles(...ROSTER_MANAGE_ROLES)
  async setReportInterval(
    @Args('districtCode', { description: 'District code, e.g. AST-ESL.' }) districtCode: string,
    @Args('months', { type: () => Int, description: 'Months between reports, 1 to 24.' }) months: number,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<DistrictNode> {
    return toDistrictNode(await this.accountability.setReportInterval(districtCode, months, user));
  }

  @Mutation(() => CommunityMeetingNode, { description: 'Cancels a scheduled meeting with a public reason (kept, marked cancelled). Emits community-meeting-cancelled.' })
  @Roles(...ROSTER_MANAGE_ROLES)
  async cancelCommunityMeeting(
    @Args('meetingId', { type: () => ID, description: 'The scheduled meeting.' }) meetingId: string,
    @Args('reason', { description: 'Why it is called off (1 to 500 characters).' }) reason: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<CommunityMeetingNode> {
    return toMeetingNode(await this.accountability.cancelMeeting(meetingId, reason, user));
  }

  @Mutation(() => CandidacyNode, {
    description: 'Decides a candidacy. Appointing needs a held candidate discussion and assigns the candidate to the precinct in the same step. Emits candidate-decided (and assignment-changed when appointed).',
  })
  @Roles(...ROSTER_MANAGE_ROLES)
  async decideCandidacy(@Args('input', { type: () => DecideCandidacyInput, description: 'The candidacy and the decision.' }) input: DecideCandidacyInput, @CurrentUser() user: AuthenticatedUser): Promise<CandidacyNode> {
    return toCandidacyNode(await this.accountability.decide({ candidacyId: input.candidacyId, decision: input.decision, validFrom: input.validFrom ?? null, reason: input.reason ?? null }, user));
  }
}

/** The precinct's candidacies, community meetings and report schedule (public information). */
@Resolver(() => PrecinctNode)
@Roles(...TERRITORY_READ_ROLES)
export class PrecinctAccountabilityResolver {
  constructor(private readonly accountability: AccountabilityService) {}

  @ResolveField(() => [CandidacyNode], { description: 'Candidates for the precinct discussed with its residents: the open one first, then the past ones, newest first.' })
  async candidacies(@Parent() precinct: PrecinctNode): Promise<CandidacyNode[]> {
    return (await this.accountability.candidacies(precinct.code)).map(toCandidacyNode);
  }

  @ResolveField(() => [CommunityMeetingNode], { description: 'Community meetings with the residents (candidate discussions and inspector reports), newest first.' })
  async communityMeetings(
    @Parent() precinct: PrecinctNode,
    @Args('first', { type: () => Int, nullable: true, description: 'How many, 1 to 100 (default 20).' }) first?: number,
  ): Promise<CommunityMeetingNode[]> {
    const { size } = pageArgs(first, null);
    return (await this.accountability.meetings({ precinctCode: precinct.code }, size)).map(toMeetingNode);
  }

  @ResolveField(() => String, {
    nullable: true,
    description: "Last day (local date) by which the holder of the precinct's inspector post should next report to residents: the district's interval after their latest report, or after taking up the post; null for a vacant precinct.",
  })
  async nextReportDue(@Parent() precinct: PrecinctNode): Promise<string | null> {
    return (await this.accountability.reportSchedule(precinct.code))?.due ?? null;
  }

  @ResolveField(() => Boolean, { nullable: true, description: "Whether the holder's report to residents is overdue (nextReportDue has passed); null for a vacant precinct." })
  async reportOverdue(@Parent() precinct: PrecinctNode): Promise<boolean | null> {
    return (await this.accountability.reportSchedule(precinct.code))?.overdue ?? null;
  }
}

/** The candidate and the meetings of a candidacy. */
@Resolver(() => CandidacyNode)
@Roles(...TERRITORY_READ_ROLES)
export class CandidacyResolver {
  constructor(private readonly accountability: AccountabilityService) {}

  @ResolveField(() => InspectorNode, { description: 'The candidate.' })
  async candidate(@Parent() candidacy: CandidacyNode): Promise<InspectorNode> {
    const [inspector] = await inspectorsById(this.accountability.manager, [candidacy.inspectorId]);
    return toInspectorNode(inspector);
  }

  @ResolveField(() => [CommunityMeetingNode], { description: 'Community meetings on the candidacy, newest first.' })
  async meetings(@Parent() candidacy: CandidacyNode): Promise<CommunityMeetingNode[]> {
    return (await this.accountability.meetings({ candidacyId: candidacy.id }, 100)).map(toMeetingNode);
  }
}

/** The inspector of a meeting, and its minutes (restricted). */
@Resolver(() => CommunityMeetingNode)
@Roles(...TERRITORY_READ_ROLES)
export class CommunityMeetingResolver {
  constructor(private readonly accountability: AccountabilityService) {}

  @ResolveField(() => InspectorNode, { nullable: true, description: 'The candidate discussed, or the reporting inspector.' })
  async inspector(@Parent() meeting: CommunityMeetingNode): Promise<InspectorNode | null> {
    if (!meeting.inspectorId) return null;
    const [inspector] = await inspectorsById(this.accountability.manager, [meeting.inspectorId]);
    return inspector ? toInspectorNode(inspector) : null;
  }

  @ResolveField(() => String, { nullable: true, description: 'Minutes of the meeting (police management within their territory, and platform administrators; reads are audited); null if none were recorded.' })
  @Roles(...MINUTES_READ_ROLES)
  async minutes(@Parent() meeting: CommunityMeetingNode, @CurrentUser() user: AuthenticatedUser): Promise<string | null> {
    return this.accountability.minutes(meeting, user);
  }
}

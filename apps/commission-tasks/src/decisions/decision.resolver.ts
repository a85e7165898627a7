import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, Roles, type AuthenticatedUser } from '@seriktes/auth';
import { MANAGE_ROLES, organisationOf, READ_ROLES } from '../access';
import { DecisionNode, EvidenceInput, PackageNode, StageChangeNode } from '../graphql.types';
import { decisionNode, packageNode } from '../mappers';
import { OrganisationService } from '../organisations/organisation.service';
import { DecisionService, type DecisionRow } from './decision.service';

@Resolver(() => DecisionNode)
export class DecisionResolver {
  constructor(
    private readonly decisions: DecisionService,
    private readonly organisations: OrganisationService,
  ) {}

  private async node(user: AuthenticatedUser, d: DecisionRow): Promise<DecisionNode> {
    const org = organisationOf(user);
    const scopes = org ? await this.organisations.scopesOf(org) : [];
    return decisionNode(d, this.decisions.mayReadReasons(user, d, scopes));
  }

  @Query(() => [DecisionNode], { description: 'Decisions that concern the caller’s territory, newest first (reasons and evidence for partners only under an agreement).' })
  @Roles(...READ_ROLES)
  async commissionDecisions(
    @CurrentUser() user: AuthenticatedUser,
    @Args('commissionId', { type: () => ID, nullable: true, description: 'Only of this commission.' }) commissionId: string | null,
    @Args('stage', { type: () => String, nullable: true, description: 'Only at this stage.' }) stage: string | null,
  ): Promise<DecisionNode[]> {
    return Promise.all((await this.decisions.list(user, { commissionId, stage })).map((d) => this.node(user, d)));
  }

  @Query(() => DecisionNode, { description: 'One decision.' })
  @Roles(...READ_ROLES)
  async commissionDecision(@CurrentUser() user: AuthenticatedUser, @Args('id', { type: () => ID, description: 'Decision id.' }) id: string): Promise<DecisionNode> {
    return this.node(user, await this.decisions.readable(user, id));
  }

  @ResolveField(() => [StageChangeNode], { description: 'Its path through the six-stage cycle.' })
  async history(@Parent() decision: DecisionNode): Promise<StageChangeNode[]> {
    return (await this.decisions.history(decision.id)).map((h) => ({ from: h.from_stage, to: h.to_stage, note: h.note, changedAt: h.changed_at.toISOString() }));
  }

  @Query(() => [PackageNode], { description: 'Recommendation packages of a commission (staff only).' })
  @Roles(...READ_ROLES)
  async recommendationPackages(@CurrentUser() user: AuthenticatedUser, @Args('commissionId', { type: () => ID, description: 'Commission.' }) commissionId: string): Promise<PackageNode[]> {
    return (await this.decisions.packages(user, commissionId)).map(packageNode);
  }

  @Mutation(() => DecisionNode, { description: 'Records a decision: what, why, on which evidence (at a held meeting or between meetings).' })
  @Roles(...MANAGE_ROLES)
  async recordDecision(
    @CurrentUser() user: AuthenticatedUser,
    @Args('commissionId', { type: () => ID, description: 'Commission.' }) commissionId: string,
    @Args('title', { description: 'Title.' }) title: string,
    @Args('what', { description: 'What was decided.' }) what: string,
    @Args('why', { description: 'Why.' }) why: string,
    @Args('meetingId', { type: () => ID, nullable: true, description: 'The held meeting that took it.' }) meetingId: string | null,
    @Args('evidence', { type: () => [EvidenceInput], nullable: true, description: 'Evidence.' }) evidence: EvidenceInput[] | null,
    @Args('territoryCode', { type: () => String, nullable: true, description: 'Territory it concerns (the commission’s by default).' }) territoryCode: string | null,
    @Args('stage', { type: () => String, nullable: true, description: 'Stage: diagnose, collect, alternatives or decide (default).' }) stage: string | null,
    @Args('packageId', { type: () => ID, nullable: true, description: 'Recommendation package it follows from.' }) packageId: string | null,
  ): Promise<DecisionNode> {
    return this.node(user, await this.decisions.record(user, { commissionId, title, what, why, meetingId, evidence, territoryCode, stage, packageId }));
  }

  @Mutation(() => DecisionNode, { description: 'Moves a decision to another stage of the six-stage cycle (one forward, or back); evaluate needs every task closed and a note of what was learned.' })
  @Roles(...MANAGE_ROLES)
  async advanceDecision(
    @CurrentUser() user: AuthenticatedUser,
    @Args('id', { type: () => ID, description: 'Decision id.' }) id: string,
    @Args('stage', { description: 'The new stage.' }) stage: string,
    @Args('note', { type: () => String, nullable: true, description: 'Note (the evaluation at the last stage).' }) note: string | null,
  ): Promise<DecisionNode> {
    return this.node(user, await this.decisions.advance(user, id, stage, note));
  }

  @Mutation(() => PackageNode, { description: 'Drafts a recommendation package to the akim.' })
  @Roles(...MANAGE_ROLES)
  async draftRecommendationPackage(
    @CurrentUser() user: AuthenticatedUser,
    @Args('commissionId', { type: () => ID, description: 'Commission.' }) commissionId: string,
    @Args('title', { description: 'Title.' }) title: string,
    @Args('analysis', { description: 'The analysis it rests on.' }) analysis: string,
    @Args('recommendations', { type: () => [String], description: 'Recommendations.' }) recommendations: string[],
    @Args('addressee', { description: 'The akim (position).' }) addressee: string,
  ): Promise<PackageNode> {
    return packageNode(await this.decisions.draftPackage(user, { commissionId, title, analysis, recommendations, addressee }));
  }

  @Mutation(() => PackageNode, { description: 'Submits a drafted package to the akim.' })
  @Roles(...MANAGE_ROLES)
  async submitRecommendationPackage(@CurrentUser() user: AuthenticatedUser, @Args('id', { type: () => ID, description: 'Package id.' }) id: string): Promise<PackageNode> {
    return packageNode(await this.decisions.submitPackage(user, id));
  }

  @Mutation(() => PackageNode, { description: 'Records the akim’s answer: the accepted recommendations by position (from 0).' })
  @Roles(...MANAGE_ROLES)
  async answerRecommendationPackage(
    @CurrentUser() user: AuthenticatedUser,
    @Args('id', { type: () => ID, description: 'Package id.' }) id: string,
    @Args('answer', { description: 'The answer.' }) answer: string,
    @Args('accepted', { type: () => [Int], description: 'Positions of accepted recommendations.' }) accepted: number[],
  ): Promise<PackageNode> {
    return packageNode(await this.decisions.answerPackage(user, id, answer, accepted));
  }
}

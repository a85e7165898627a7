import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, forbidden, Public, Roles, type AuthenticatedUser } from '@seriktes/auth';
import { notFound } from '@seriktes/runtime';
import { MANAGE_ROLES, mayReadDecisions, READ_ROLES } from '../access';
import { AccountabilityService } from '../accountability/accountability.service';
import { AccountabilityNode, CommissionInputType, CommissionNode } from '../graphql.types';
import { commissionNode } from '../mappers';
import { CommissionService } from './commission.service';

@Resolver(() => CommissionNode)
export class CommissionResolver {
  constructor(
    private readonly service: CommissionService,
    private readonly accountability: AccountabilityService,
  ) {}

  @Query(() => [CommissionNode], { description: 'Commissions whose territory concerns the caller.' })
  @Roles(...READ_ROLES)
  async commissions(@CurrentUser() user: AuthenticatedUser): Promise<CommissionNode[]> {
    return (await this.service.list(user)).map(commissionNode);
  }

  @Query(() => CommissionNode, { description: 'One commission by code, e.g. AST-IAC.' })
  @Roles(...READ_ROLES)
  async commission(@CurrentUser() user: AuthenticatedUser, @Args('code', { description: 'Commission code.' }) code: string): Promise<CommissionNode> {
    const row = await this.service.byCode(code);
    if (!row) throw notFound(`commission ${code} not found`);
    if (!mayReadDecisions(user, row.territory_code)) throw forbidden(`commission ${code} does not concern your territory`);
    return commissionNode(row);
  }

  @ResolveField(() => [String], { description: 'Member organisations.' })
  async memberIds(@Parent() commission: CommissionNode): Promise<string[]> {
    return (await this.service.members(commission.id)).map((m) => m.organisation_id);
  }

  @Query(() => AccountabilityNode, { description: 'The public accountability view of a commission, once published: decisions, progress, dates; no personal data. No token needed.' })
  @Public()
  async commissionAccountability(@Args('code', { description: 'Commission code.' }) code: string): Promise<AccountabilityNode> {
    const v = await this.accountability.view(code);
    return {
      code: v.code,
      name: { kk: v.nameKk, ru: v.nameRu, en: v.nameEn },
      territoryCode: v.territoryCode,
      publishedAt: v.publishedAt.toISOString(),
      meetingsHeld: v.meetingsHeld,
      lastMeetingAt: v.lastMeetingAt?.toISOString() ?? null,
      progressPercent: v.progressPercent,
      decisions: v.decisions.map((d) => ({ ...d, recordedAt: d.recordedAt.toISOString() })),
    };
  }

  @Mutation(() => CommissionNode, { description: 'Sets up a commission with its host akimat, chair and members (the secretariat of its territory).' })
  @Roles(...MANAGE_ROLES)
  async createCommission(@CurrentUser() user: AuthenticatedUser, @Args('input', { description: 'The commission.' }) input: CommissionInputType): Promise<CommissionNode> {
    return commissionNode(await this.service.create(user, input));
  }

  @Mutation(() => Boolean, { description: 'Adds a member organisation to a commission.' })
  @Roles(...MANAGE_ROLES)
  async addCommissionMember(
    @CurrentUser() user: AuthenticatedUser,
    @Args('commissionId', { type: () => ID, description: 'Commission.' }) commissionId: string,
    @Args('organisationId', { description: 'Organisation.' }) organisationId: string,
  ): Promise<boolean> {
    await this.service.addMember(user, commissionId, organisationId);
    return true;
  }

  @Mutation(() => CommissionNode, { description: 'Publishes (true) or withdraws (false) the commission’s public accountability view.' })
  @Roles(...MANAGE_ROLES)
  async publishCommissionAccountability(
    @CurrentUser() user: AuthenticatedUser,
    @Args('commissionId', { type: () => ID, description: 'Commission.' }) commissionId: string,
    @Args('published', { description: 'Publish or withdraw.' }) published: boolean,
  ): Promise<CommissionNode> {
    return commissionNode(await this.service.setPublished(user, commissionId, published));
  }
}

import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, Roles, type AuthenticatedUser } from '@seriktes/auth';
import { localDateOf } from '@seriktes/calendar';
import { forbidden } from '@seriktes/auth';
import { MANAGE_ROLES, mayManage, organisationOf, READ_ROLES } from '../access';
import { AgreementNode, OrganisationInputType, OrganisationNode } from '../graphql.types';
import { agreementNode, organisationNode } from '../mappers';
import { OrganisationService } from './organisation.service';

@Resolver(() => OrganisationNode)
export class OrganisationResolver {
  constructor(private readonly service: OrganisationService) {}

  @Query(() => [OrganisationNode], { description: 'Agencies and partners of the caller’s region; contacts only where the caller may see them (audit-logged).' })
  @Roles(...READ_ROLES)
  async organisations(
    @CurrentUser() user: AuthenticatedUser,
    @Args('kind', { type: () => String, nullable: true, description: 'Only this kind.' }) kind: string | null,
    @Args('territoryCode', { type: () => String, nullable: true, description: 'Only within this territory.' }) territoryCode: string | null,
  ): Promise<OrganisationNode[]> {
    const rows = await this.service.list(user, { kind, territoryCode });
    const nodes = [];
    for (const o of rows) {
      const contacts = this.service.mayReadContacts(user, o);
      if (contacts) await this.service.recordContactRead(user, o.id);
      nodes.push(organisationNode(o, contacts));
    }
    return nodes;
  }

  @Query(() => [AgreementNode], { description: 'Information-sharing agreements of an organisation, newest first (its secretariat and the organisation itself).' })
  @Roles(...READ_ROLES)
  async sharingAgreements(@CurrentUser() user: AuthenticatedUser, @Args('organisationId', { description: 'Organisation.' }) organisationId: string): Promise<AgreementNode[]> {
    const org = await this.service.get(organisationId);
    if (!org || (organisationOf(user) !== org.id && !mayManage(user, org.territory_code))) throw forbidden(`agreements of ${organisationId} are for it and its secretariat`);
    const today = localDateOf(new Date());
    return (await this.service.agreements(organisationId)).map((a) => agreementNode(a, today));
  }

  @Mutation(() => OrganisationNode, { description: 'Registers an agency or partner organisation with its point of contact (the secretariat of its region).' })
  @Roles(...MANAGE_ROLES)
  async registerOrganisation(@CurrentUser() user: AuthenticatedUser, @Args('input', { description: 'The organisation.' }) input: OrganisationInputType): Promise<OrganisationNode> {
    return organisationNode(await this.service.register(user, input), true);
  }

  @Mutation(() => AgreementNode, { description: 'Signs (or renews) an information-sharing agreement with a partner; it replaces the one in force.' })
  @Roles(...MANAGE_ROLES)
  async signSharingAgreement(
    @CurrentUser() user: AuthenticatedUser,
    @Args('organisationId', { description: 'Partner organisation.' }) organisationId: string,
    @Args('scopes', { type: () => [String], description: 'decisions, task_details, linked_requests, sensitive_tasks.' }) scopes: string[],
    @Args('territoryCode', { description: 'Territory covered.' }) territoryCode: string,
    @Args('signedOn', { description: 'Signed on, YYYY-MM-DD.' }) signedOn: string,
    @Args('reviewOn', { description: 'To be reviewed by, YYYY-MM-DD.' }) reviewOn: string,
  ): Promise<AgreementNode> {
    const row = await this.service.signAgreement(user, { organisationId, scopes, territoryCode, signedOn, reviewOn });
    return agreementNode(row, localDateOf(new Date()));
  }

  @Mutation(() => AgreementNode, { description: 'Revokes an information-sharing agreement.' })
  @Roles(...MANAGE_ROLES)
  async revokeSharingAgreement(@CurrentUser() user: AuthenticatedUser, @Args('id', { type: () => ID, description: 'Agreement id.' }) id: string): Promise<AgreementNode> {
    return agreementNode(await this.service.revokeAgreement(user, id), localDateOf(new Date()));
  }
}

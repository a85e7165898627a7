import { Args, Field, GraphQLISODateTime, ID, InputType, Int, Mutation, ObjectType, Resolver } from '@nestjs/graphql';
import { AuditLog, auditActor } from '@seriktes/audit';
import { CurrentUser, forbidden, Role, Roles, type AuthenticatedUser } from '@seriktes/auth';
import { SURVEY_CLIENT_ID } from './survey-invitation';
import { SurveyInvitationService } from './survey-invitation.service';

const RESOURCE = 'graphql:Mutation.sendSurveyInvitation';

@InputType('SendSurveyInvitationInput', { description: 'A personal post-contact survey link of feedback-surveys, to deliver to the applicant of a request.' })
export class SendSurveyInvitationInput {
  @Field(() => ID, { description: 'Id of the request whose applicant is invited (the requestId of its citizen-request.closed event).' })
  requestId!: string;

  @Field({
    description:
      'The personal survey link: an absolute http or https URL of at most 500 characters. It is a secret (it carries a single-use token): ' +
      'citizen-requests never logs it, never puts it in an event, the request history or the audit log, and removes it from the stored ' +
      'notification once the message is sent (or given up).',
  })
  url!: string;

  @Field(() => GraphQLISODateTime, { description: 'When the link stops working; must be in the future. The message shows its date in Kazakhstan time (DD.MM.YYYY).' })
  expiresAt!: Date;
}

@ObjectType('SurveyInvitationDelivery', { description: 'What became of an invitation to a post-contact survey.' })
export class SurveyInvitationDeliveryNode {
  @Field(() => Int, {
    description:
      'Notifications this call queued, one per channel. 0 when the applicant cannot be invited (a tip, an applicant who opted out or gave ' +
      'no phone and no e-mail) and on every repeated call for the same request.',
  })
  queued!: number;

  @Field(() => [String], {
    description: 'Channels the invitation of this request is queued on (email, sms; sorted), whether by this call or an earlier one; empty when the applicant cannot be invited.',
  })
  channels!: string[];
}

@Resolver()
export class SurveyInvitationResolver {
  constructor(
    private readonly invitations: SurveyInvitationService,
    private readonly audit: AuditLog,
  ) {}

  @Mutation(() => SurveyInvitationDeliveryNode, {
    description:
      'Sends the applicant of a request an invitation to an anonymous post-contact survey (for the service account of feedback-surveys only; ' +
      'anyone else gets FORBIDDEN). The survey-invitation notification goes in the request’s language to every channel the applicant gave ' +
      '(SMS to the phone, e-mail), through the notification queue: nothing for a tip or an applicant who opted out. Idempotent per request: ' +
      'a repeated call queues nothing more and returns queued 0 with the channels of the first invitation, whose link stands. Invalid input ' +
      'is refused with field-level errors (requestId, url, expiresAt) and writes nothing.',
  })
  @Roles(Role.platformService)
  async sendSurveyInvitation(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input', { type: () => SendSurveyInvitationInput, description: 'The request, the personal survey link and when it expires.' }) input: SendSurveyInvitationInput,
  ): Promise<SurveyInvitationDeliveryNode> {
    // Every service account holds platform_service; only feedback-surveys' may send invitations.
    if (user.clientId !== SURVEY_CLIENT_ID) {
      await this.audit.record({ actor: auditActor(user), action: 'denied', entity: 'endpoint', entityId: RESOURCE, purpose: RESOURCE, details: { required: [`client:${SURVEY_CLIENT_ID}`], reason: 'another client' } });
      throw forbidden(`forbidden: sendSurveyInvitation is for the service account of ${SURVEY_CLIENT_ID} only`);
    }
    return this.invitations.invite({ requestId: input.requestId, url: input.url, expiresAt: input.expiresAt }, user);
  }
}

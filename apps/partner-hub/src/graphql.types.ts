import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '@seriktes/graphql';

export enum SubscriptionStateEnum {
  active = 'active',
  paused = 'paused',
  disabled = 'disabled',
}
registerEnumType(SubscriptionStateEnum, {
  name: 'WebhookSubscriptionState',
  description: 'Whether events are delivered.',
  valuesMap: {
    active: { description: 'Events are delivered.' },
    paused: { description: 'Paused by the partner: events are queued and delivered on resume.' },
    disabled: { description: 'Disabled by the hub (410 Gone, or too many failures in a row): events are queued; resume once fixed.' },
  },
});

@InputType('CreateWebhookSubscriptionInput', { description: 'A webhook endpoint and what to send to it.' })
export class CreateWebhookSubscriptionInput {
  @Field({ description: 'Endpoint URL: https (http to loopback only in development); public addresses only.' })
  url!: string;

  @Field(() => [String], { description: 'Event types: full (kz.seriktes.citizen-request.registered.v1), per aggregate (kz.seriktes.citizen-request.* or citizen-request.*), or * for all.' })
  eventTypes!: string[];

  @Field(() => [String], { nullable: true, description: 'Only events of these territories (within your own); all of your territory when left out.' })
  territories?: string[] | null;

  @Field(() => String, { nullable: true, description: 'What the endpoint is for.' })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'Who to tell when the endpoint is disabled.' })
  contactEmail?: string | null;

  @Field(() => String, { nullable: true, description: 'Platform administrators only: the partner organisation, e.g. ast-akimat.' })
  partnerOrgId?: string | null;

  @Field(() => String, { nullable: true, description: 'Platform administrators only: the partner’s region, e.g. AST.' })
  regionCode?: string | null;
}

@InputType('UpdateWebhookSubscriptionInput', { description: 'Changes to a subscription; what is left out stays.' })
export class UpdateWebhookSubscriptionInput {
  @Field(() => String, { nullable: true, description: 'New endpoint URL.' })
  url?: string | null;

  @Field(() => [String], { nullable: true, description: 'New event type patterns.' })
  eventTypes?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'New territory filter (empty: all of your territory).' })
  territories?: string[] | null;

  @Field(() => String, { nullable: true, description: 'New description.' })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'New contact e-mail.' })
  contactEmail?: string | null;
}

@ObjectType('WebhookSubscription', { description: 'A partner’s webhook endpoint and what it receives.' })
export class SubscriptionNode {
  @Field(() => ID, { description: 'Subscription id.' })
  id!: string;

  @Field({ description: 'Partner organisation.' })
  partnerOrgId!: string;

  @Field({ description: 'Endpoint URL.' })
  url!: string;

  @Field(() => [String], { description: 'Event type patterns.' })
  eventTypes!: string[];

  @Field(() => [String], { description: 'Territory filter (empty: the partner’s whole territory).' })
  territories!: string[];

  @Field(() => SubscriptionStateEnum, { description: 'State.' })
  state!: SubscriptionStateEnum;

  @Field(() => String, { nullable: true, description: 'Why it was disabled.' })
  disabledReason!: string | null;

  @Field(() => Int, { description: 'Failed attempts in a row (reset by a success).' })
  consecutiveFailures!: number;

  @Field(() => String, { nullable: true, description: 'What it is for.' })
  description!: string | null;

  @Field(() => String, { nullable: true, description: 'Who is told when it is disabled.' })
  contactEmail!: string | null;

  @Field({ description: 'When it was created.' })
  createdAt!: string;
}

@ObjectType('CreatedWebhookSubscription', { description: 'A new subscription and its signing secret, shown this once.' })
export class CreatedSubscriptionNode {
  @Field(() => ID, { description: 'Subscription id.' })
  id!: string;

  @Field({ description: 'Signing secret in the Standard Webhooks form whsec_<base64>: store it now, it is not shown again.' })
  secret!: string;

  @Field(() => SubscriptionNode, { description: 'The subscription.' })
  subscription!: SubscriptionNode;
}

@ObjectType('RotatedWebhookSecret', { description: 'A new signing secret, shown this once.' })
export class RotatedSecretNode {
  @Field({ description: 'The new secret (whsec_<base64>).' })
  secret!: string;

  @Field({ description: 'Until when the previous secrets stay valid (deliveries are signed with both until then).' })
  previousValidUntil!: string;
}

@ObjectType('WebhookAttempt', { description: 'One attempt to deliver.' })
export class AttemptNode {
  @Field({ description: 'When.' })
  attemptedAt!: string;

  @Field(() => Int, { nullable: true, description: 'HTTP status; null when no answer came (network error, timeout, refused address).' })
  statusCode!: number | null;

  @Field(() => Int, { description: 'Milliseconds from sending to the answer (or the failure).' })
  latencyMs!: number;

  @Field(() => String, { nullable: true, description: 'Why it failed without an HTTP status.' })
  error!: string | null;
}

@ObjectType('WebhookDelivery', { description: 'One event to one endpoint, with every attempt.' })
export class DeliveryNode {
  @Field(() => ID, { description: 'Delivery id.' })
  id!: string;

  @Field({ description: 'The webhook-id header: the event id, the same on every attempt and replay.' })
  webhookId!: string;

  @Field({ description: 'Event type.' })
  eventType!: string;

  @Field({ description: 'When the event happened.' })
  eventTime!: string;

  @Field({ description: 'Whether a replay queued it.' })
  replay!: boolean;

  @Field({ description: 'pending, delivering, delivered or failed (given up or 410).' })
  status!: string;

  @Field(() => Int, { description: 'Attempts so far.' })
  attempts!: number;

  @Field(() => String, { nullable: true, description: 'Next attempt, while pending.' })
  nextAttemptAt!: string | null;

  @Field(() => [String], { description: 'Fields the redaction withheld from this partner.' })
  withheld!: string[];

  @Field(() => [String], { description: 'Agreement scopes that granted more than the default.' })
  grantedBy!: string[];

  @Field(() => String, { nullable: true, description: 'When it was delivered.' })
  deliveredAt!: string | null;

  @Field(() => [AttemptNode], { description: 'Every attempt, oldest first.' })
  attemptLog!: AttemptNode[];
}

export const DeliveryConnection = ConnectionType(DeliveryNode, 'WebhookDelivery', 'A page of deliveries, newest first.');

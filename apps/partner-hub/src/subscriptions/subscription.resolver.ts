import { Args, Float, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, Roles, type AuthenticatedUser } from '@seriktes/auth';
import { toConnection, type Connection } from '@seriktes/graphql';
import { invalidInput, isUuid } from '@seriktes/runtime';
import { MANAGE_ROLES } from '../access';
import {
  CreatedSubscriptionNode,
  CreateWebhookSubscriptionInput,
  DeliveryConnection,
  type DeliveryNode,
  RotatedSecretNode,
  SubscriptionNode,
  SubscriptionStateEnum,
  UpdateWebhookSubscriptionInput,
} from '../graphql.types';
import { DeliveryLog } from './delivery-log.service';
import { SubscriptionService, type SubscriptionRow } from './subscription.service';

export function subscriptionNode(r: SubscriptionRow): SubscriptionNode {
  return {
    id: r.id,
    partnerOrgId: r.partner_org_id,
    url: r.url,
    eventTypes: r.event_types,
    territories: r.territories,
    state: r.state as SubscriptionStateEnum,
    disabledReason: r.disabled_reason,
    consecutiveFailures: r.consecutive_failures,
    description: r.description,
    contactEmail: r.contact_email,
    createdAt: r.created_at.toISOString(),
  };
}

const id = (value: string) => {
  if (!isUuid(value)) throw invalidInput([{ field: 'id', message: 'must be a subscription id (UUID)' }]);
  return value;
};

@Resolver()
export class SubscriptionResolver {
  constructor(
    private readonly subscriptions: SubscriptionService,
    private readonly log: DeliveryLog,
  ) {}

  @Mutation(() => CreatedSubscriptionNode, { description: 'Subscribes an endpoint to events of your territory; the signing secret is in the answer, shown once.' })
  @Roles(...MANAGE_ROLES)
  async createWebhookSubscription(@CurrentUser() user: AuthenticatedUser, @Args('input', { type: () => CreateWebhookSubscriptionInput, description: 'Endpoint, event types, territories.' }) input: CreateWebhookSubscriptionInput): Promise<CreatedSubscriptionNode> {
    const { row, secret } = await this.subscriptions.create(user, input);
    return { id: row.id, secret, subscription: subscriptionNode(row) };
  }

  @Mutation(() => SubscriptionNode, { description: 'Changes a subscription’s endpoint, event types, territories, description or contact.' })
  @Roles(...MANAGE_ROLES)
  async updateWebhookSubscription(
    @CurrentUser() user: AuthenticatedUser,
    @Args('id', { type: () => ID, description: 'The subscription.' }) subscriptionId: string,
    @Args('input', { type: () => UpdateWebhookSubscriptionInput, description: 'What changes.' }) input: UpdateWebhookSubscriptionInput,
  ): Promise<SubscriptionNode> {
    return subscriptionNode(await this.subscriptions.update(user, id(subscriptionId), input));
  }

  @Mutation(() => SubscriptionNode, { description: 'Pauses deliveries; events are queued meanwhile.' })
  @Roles(...MANAGE_ROLES)
  async pauseWebhookSubscription(@CurrentUser() user: AuthenticatedUser, @Args('id', { type: () => ID, description: 'The subscription.' }) subscriptionId: string): Promise<SubscriptionNode> {
    return subscriptionNode(await this.subscriptions.setState(user, id(subscriptionId), 'paused'));
  }

  @Mutation(() => SubscriptionNode, { description: 'Resumes a paused or disabled subscription; queued events go out.' })
  @Roles(...MANAGE_ROLES)
  async resumeWebhookSubscription(@CurrentUser() user: AuthenticatedUser, @Args('id', { type: () => ID, description: 'The subscription.' }) subscriptionId: string): Promise<SubscriptionNode> {
    return subscriptionNode(await this.subscriptions.setState(user, id(subscriptionId), 'active'));
  }

  @Mutation(() => Boolean, { description: 'Deletes a subscription and its delivery log.' })
  @Roles(...MANAGE_ROLES)
  async deleteWebhookSubscription(@CurrentUser() user: AuthenticatedUser, @Args('id', { type: () => ID, description: 'The subscription.' }) subscriptionId: string): Promise<boolean> {
    await this.subscriptions.remove(user, id(subscriptionId));
    return true;
  }

  @Mutation(() => RotatedSecretNode, { description: 'A new signing secret; the previous ones stay valid for the overlap, deliveries signed with both meanwhile.' })
  @Roles(...MANAGE_ROLES)
  async rotateWebhookSecret(
    @CurrentUser() user: AuthenticatedUser,
    @Args('id', { type: () => ID, description: 'The subscription.' }) subscriptionId: string,
    @Args('overlapHours', { type: () => Float, nullable: true, description: 'How long the previous secrets stay valid (default 24, at most 168).' }) overlapHours: number | null,
  ): Promise<RotatedSecretNode> {
    const r = await this.subscriptions.rotateSecret(user, id(subscriptionId), overlapHours ?? 24);
    return { secret: r.secret, previousValidUntil: r.previousValidUntil.toISOString() };
  }

  @Mutation(() => Int, { description: 'Delivers the events of a time window again (at most 31 days), with their original ids; the number queued.' })
  @Roles(...MANAGE_ROLES)
  async replayWebhookEvents(
    @CurrentUser() user: AuthenticatedUser,
    @Args('id', { type: () => ID, description: 'The subscription.' }) subscriptionId: string,
    @Args('from', { description: 'Start of the window (ISO 8601, inclusive).' }) from: string,
    @Args('to', { description: 'End of the window (ISO 8601, exclusive).' }) to: string,
  ): Promise<number> {
    return this.subscriptions.replay(user, id(subscriptionId), new Date(from), new Date(to));
  }

  @Query(() => [SubscriptionNode], { description: 'Your organisation’s webhook subscriptions (administrators: all, or one organisation’s).' })
  @Roles(...MANAGE_ROLES)
  async webhookSubscriptions(
    @CurrentUser() user: AuthenticatedUser,
    @Args('partnerOrgId', { type: () => String, nullable: true, description: 'Administrators: only this organisation.' }) partnerOrgId: string | null,
  ): Promise<SubscriptionNode[]> {
    return (await this.subscriptions.list(user, partnerOrgId ?? null)).map(subscriptionNode);
  }

  @Query(() => DeliveryConnection, { description: 'The delivery log of a subscription, newest first, with every attempt.' })
  @Roles(...MANAGE_ROLES)
  async webhookDeliveries(
    @CurrentUser() user: AuthenticatedUser,
    @Args('subscriptionId', { type: () => ID, description: 'The subscription.' }) subscriptionId: string,
    @Args('status', { type: () => String, nullable: true, description: 'Only pending, delivering, delivered or failed.' }) status: string | null,
    @Args('first', { type: () => Int, nullable: true, description: 'Page size (default 50, at most 500).' }) first: number | null,
    @Args('after', { type: () => String, nullable: true, description: 'Cursor from the previous page.' }) after: string | null,
  ): Promise<Connection<DeliveryNode>> {
    await this.subscriptions.get(user, id(subscriptionId));
    const size = first ?? 50;
    const errors = [];
    if (size < 1 || size > 500) errors.push({ field: 'first', message: 'must be from 1 to 500' });
    if (status && !['pending', 'delivering', 'delivered', 'failed'].includes(status)) errors.push({ field: 'status', message: 'must be pending, delivering, delivered or failed' });
    if (after && !/^\d{1,18}$/.test(after)) errors.push({ field: 'after', message: 'must be a cursor from a previous page' });
    if (errors.length) throw invalidInput(errors);
    const rows = await this.log.deliveries(subscriptionId, status ?? null, size, after ?? null);
    const attempts = await this.log.attempts(rows.slice(0, size).map((r) => String(r.id)));
    return toConnection(
      rows,
      size,
      (r) => ({
        id: String(r.id),
        webhookId: r.webhook_id,
        eventType: r.event_type,
        eventTime: r.event_time.toISOString(),
        replay: r.replay,
        status: r.status,
        attempts: r.attempts,
        nextAttemptAt: r.status === 'pending' ? r.next_attempt_at.toISOString() : null,
        withheld: r.withheld,
        grantedBy: r.granted_by,
        deliveredAt: r.delivered_at?.toISOString() ?? null,
        attemptLog: (attempts.get(String(r.id)) ?? []).map((a) => ({ attemptedAt: a.attempted_at.toISOString(), statusCode: a.status_code, latencyMs: a.latency_ms, error: a.error })),
      }),
      (r) => String(r.id),
    );
  }
}

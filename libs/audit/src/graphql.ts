import type { Type } from '@nestjs/common';
import { Args, Directive, Field, ID, InputType, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { AUDIT_READER_ROLES, CurrentUser, Roles, type AuthenticatedUser } from '@seriktes/auth';
import { badUserInput, ConnectionType, type Connection } from '@seriktes/graphql';
import { AuditLog } from './audit-log';
import { AUDIT_ACTIONS, AuditValidationError, auditActor, type AuditAction, type AuditEntryView } from './types';

@ObjectType('AuditEntry', { description: 'One audited action on personal data: who, what, when, why. Append-only.' })
@Directive('@shareable')
export class AuditEntryNode {
  @Field(() => ID, { description: 'Id of the entry.' })
  id!: string;

  @Field({ description: 'When it happened (ISO 8601, UTC).' })
  occurredAt!: string;

  @Field({ description: 'The actor’s token subject (`sub`).' })
  actorSubject!: string;

  @Field({ description: 'The actor’s username.' })
  actorUsername!: string;

  @Field(() => [String], { description: 'The realm roles the actor had at the time.' })
  actorRoles!: string[];

  @Field({ description: 'read, create, update, delete, export or denied.' })
  action!: string;

  @Field({ description: 'Kind of record, e.g. citizen_request.' })
  entity!: string;

  @Field(() => String, { nullable: true, description: 'Id of the record; null for list-level or denied actions.' })
  entityId!: string | null;

  @Field(() => String, { nullable: true, description: 'Why: the operation that did it, e.g. graphql:Query.citizenRequests.' })
  purpose!: string | null;

  @Field(() => String, { nullable: true, description: 'Correlation id of the request, to follow it through logs and events.' })
  correlationId!: string | null;

  @Field({ description: 'Details as JSON: fields, counts, filters (never personal-data values).' })
  details!: string;
}

@InputType('AuditFilter', { description: "Filters of the audit log; every given field must match." })
export class AuditFilterInput {
  @Field({ nullable: true, description: 'Only this actor (token subject).' })
  actorSubject?: string;

  @Field({ nullable: true, description: 'Only this actor (username).' })
  actorUsername?: string;

  @Field({ nullable: true, description: 'Only this kind of record, e.g. citizen_request.' })
  entity?: string;

  @Field({ nullable: true, description: 'Only this record id.' })
  entityId?: string;

  @Field({ nullable: true, description: 'Only this action: read, create, update, delete, export or denied.' })
  action?: string;

  @Field({ nullable: true, description: 'From this instant (ISO 8601, inclusive).' })
  from?: string;

  @Field({ nullable: true, description: 'Until this instant (ISO 8601, exclusive).' })
  to?: string;
}

export const AuditEntryConnection = ConnectionType(AuditEntryNode, 'AuditEntry', 'A page of the audit log, newest first.', { shareable: true });

const toNode = (entry: AuditEntryView): AuditEntryNode => ({
  id: entry.id,
  occurredAt: entry.occurredAt,
  actorSubject: entry.actor.subject,
  actorUsername: entry.actor.username,
  actorRoles: entry.actor.roles,
  action: entry.action,
  entity: entry.entity,
  entityId: entry.entityId,
  purpose: entry.purpose,
  correlationId: entry.correlationId,
  details: JSON.stringify(entry.details),
});

function instant(field: string, value: string | undefined, problems: { field: string; message: string }[]): Date | undefined {
  if (value === undefined || value === null) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime()) || !/^\d{4}-\d{2}-\d{2}T/.test(value)) problems.push({ field: `filter.${field}`, message: 'must be an ISO 8601 date-time' });
  return date;
}

/**
 * The audit-log query of one service, e.g. `citizenRequestsAuditLog`: each service keeps its audit
 * in its own schema, so each subgraph answers for its own. Read-only, for prosecutor_oversight and
 * platform_admin; reading the audit log is itself audited.
 */
export function AuditLogResolver(queryName: string, service: string): Type<unknown> {
  @Resolver()
  class ServiceAuditLogResolver {
    constructor(private readonly audit: AuditLog) {}

    @Query(() => AuditEntryConnection, { name: queryName, description: `The audit log of ${service}: who read or changed personal data, newest first (prosecutor_oversight, platform_admin).` })
    @Roles(...AUDIT_READER_ROLES)
    async auditLog(
      @CurrentUser() user: AuthenticatedUser,
      @Args('filter', { type: () => AuditFilterInput, nullable: true, description: 'What to look for.' }) filter?: AuditFilterInput,
      @Args('first', { type: () => Int, nullable: true, description: 'Page size, 1 to 200 (default 50).' }) first?: number,
      @Args('after', { nullable: true, description: 'endCursor of the previous page.' }) after?: string,
    ): Promise<Connection<AuditEntryNode>> {
      const problems: { field: string; message: string }[] = [];
      const from = instant('from', filter?.from, problems);
      const to = instant('to', filter?.to, problems);
      if (filter?.action && !(AUDIT_ACTIONS as readonly string[]).includes(filter.action)) {
        problems.push({ field: 'filter.action', message: `must be one of ${AUDIT_ACTIONS.join(', ')}` });
      }
      if (problems.length) throw badUserInput(problems);
      const criteria = {
        actorSubject: filter?.actorSubject ?? undefined,
        actorUsername: filter?.actorUsername ?? undefined,
        entity: filter?.entity ?? undefined,
        entityId: filter?.entityId ?? undefined,
        action: (filter?.action ?? undefined) as AuditAction | undefined,
        from,
        to,
      };
      let page;
      try {
        page = await this.audit.search(criteria, { first: first ?? undefined, after: after ?? undefined });
      } catch (error) {
        if (error instanceof AuditValidationError) throw badUserInput(error.problems.map((message) => ({ field: 'filter', message })));
        throw error;
      }
      await this.audit.record({
        actor: auditActor(user),
        action: 'read',
        entity: 'audit_log',
        purpose: `graphql:Query.${queryName}`,
        details: { filter: Object.fromEntries(Object.entries(filter ?? {}).filter(([, v]) => v !== undefined && v !== null)), returned: page.entries.length },
      });
      return {
        edges: page.entries.map((entry) => ({ cursor: entry.cursor, node: toNode(entry) })),
        pageInfo: { endCursor: page.endCursor, hasNextPage: page.hasNextPage },
      };
    }
  }
  return ServiceAuditLogResolver;
}

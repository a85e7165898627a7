import { Injectable, Logger } from '@nestjs/common';
import type { AccessDeniedListener, AuthenticatedUser } from '@seriktes/auth';
import { AuditLog } from './audit-log';
import { auditActor } from './types';

/**
 * Records every request the auth guard refuses for a missing role, as a `denied` entry on the
 * entity `endpoint` whose id is the resource (`graphql:Query.citizenRequests`, `http:GET /…`).
 * A failure to record is logged and never turns the 403 into something else.
 */
@Injectable()
export class AuditAccessDenied implements AccessDeniedListener {
  private readonly logger = new Logger('audit');

  constructor(private readonly audit: AuditLog) {}

  async denied(user: AuthenticatedUser, details: { resource: string; required: string[]; reason: string }): Promise<void> {
    try {
      await this.audit.record({
        actor: auditActor(user),
        action: 'denied',
        entity: 'endpoint',
        entityId: details.resource,
        purpose: details.resource,
        details: { required: details.required, reason: details.reason },
      });
    } catch (error) {
      this.logger.error({ msg: 'could not record a denied access', resource: details.resource, err: (error as Error).message });
    }
  }
}

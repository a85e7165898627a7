import { Module } from '@nestjs/common';
import { AuditLogResolver } from '@seriktes/audit/graphql';

/** `citizenRequestsAuditLog`: who read or changed citizen requests (oversight only). */
@Module({ providers: [AuditLogResolver('citizenRequestsAuditLog', 'citizen-requests')] })
export class AuditQueryModule {}

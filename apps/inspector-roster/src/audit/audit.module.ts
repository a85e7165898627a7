import { Module } from '@nestjs/common';
import { AuditLogResolver } from '@seriktes/audit/graphql';

/** `inspectorRosterAuditLog`: who read or changed roster data (oversight only). */
@Module({ providers: [AuditLogResolver('inspectorRosterAuditLog', 'inspector-roster')] })
export class AuditQueryModule {}

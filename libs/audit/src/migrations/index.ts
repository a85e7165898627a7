import { AuditLogTable1763773000000 } from './1763773000000-audit-log';

/** The audit log's migrations, in order; every service that keeps an audit log adds them to its own list. */
export const auditMigrations = [AuditLogTable1763773000000];

export { AuditLogTable1763773000000 };

import { Global, Module } from '@nestjs/common';
import { AuditLog } from './audit-log';

/**
 * Provides `AuditLog` everywhere in the app. The app configures TypeORM (`PersistenceModule.forRoot`)
 * with `AuditEntryEntity` among its entities and `auditMigrations` among its migrations.
 */
@Global()
@Module({
  providers: [AuditLog],
  exports: [AuditLog],
})
export class AuditModule {}

import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AuditAction } from './types';

/**
 * A row of `audit_log`, in the schema of the DataSource that lists it (services add it to their
 * entities). Reading only: the table is append-only and `AuditLog.record` writes it.
 */
@Entity({ name: 'audit_log' })
export class AuditEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz', default: () => 'now()' })
  occurredAt!: Date;

  /** The token's `sub`. */
  @Column({ name: 'actor_subject', type: 'text' })
  actorSubject!: string;

  @Column({ name: 'actor_username', type: 'text' })
  actorUsername!: string;

  @Column({ name: 'actor_roles', type: 'text', array: true })
  actorRoles!: string[];

  @Column({ type: 'text' })
  action!: AuditAction;

  @Column({ type: 'text' })
  entity!: string;

  @Column({ name: 'entity_id', type: 'text', nullable: true })
  entityId!: string | null;

  @Column({ type: 'text', nullable: true })
  purpose!: string | null;

  @Column({ name: 'correlation_id', type: 'text', nullable: true })
  correlationId!: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  details!: Record<string, unknown>;
}

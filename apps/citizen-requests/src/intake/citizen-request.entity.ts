import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

import type { RequestStatus } from '@seriktes/contracts';

export type RequestKind = 'proposal' | 'application' | 'complaint' | 'feedback' | 'inquiry' | 'tip';
export type RequestChannel = 'web' | 'open311' | 'walk-in' | 'letter' | 'line-102' | 'telegram' | 'partner';
export const REQUEST_CHANNELS: readonly RequestChannel[] = ['web', 'open311', 'walk-in', 'letter', 'line-102', 'telegram', 'partner'];
/** Channels where staff register what they received (and say when): walk-in, letter, the 102 hand-over. */
export const STAFF_CHANNELS: readonly RequestChannel[] = ['walk-in', 'letter', 'line-102'];

@Entity({ name: 'citizen_request' })
export class CitizenRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'registration_number', type: 'text', unique: true })
  registrationNumber!: string;

  @Column({ type: 'text' })
  kind!: RequestKind;

  @Column({ type: 'text' })
  category!: string;

  @Column({ type: 'text' })
  channel!: RequestChannel;

  @Column({ name: 'region_code', type: 'text' })
  regionCode!: string;

  /** Null only while routing is pending (the roster could not place it yet). */
  @Column({ name: 'precinct_code', type: 'text', nullable: true })
  precinctCode!: string | null;

  @Column({ name: 'district_code', type: 'text', nullable: true })
  districtCode!: string | null;

  @Column({ type: 'text' })
  description!: string;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;

  @Column({ name: 'registered_at', type: 'timestamptz' })
  registeredAt!: Date;

  /** Token subject of whoever registered it (the citizen, or the officer at a walk-in); null before auth existed. */
  @Column({ name: 'registered_by_subject', type: 'text', nullable: true })
  registeredBySubject!: string | null;

  /** The role under which it was registered (`citizen`, `district_inspector`, ...). */
  @Column({ name: 'registered_by_role', type: 'text', nullable: true })
  registeredByRole!: string | null;

  @Column({ type: 'text' })
  status!: RequestStatus;

  @Column({ type: 'double precision', nullable: true })
  lat!: number | null;

  @Column({ type: 'double precision', nullable: true })
  lon!: number | null;

  /** Where it happened in words (street, landmark); not the applicant's address. */
  @Column({ type: 'text', nullable: true })
  place!: string | null;

  /** The category's structured fields (validated); some may be third parties' identifiers. */
  @Column({ type: 'jsonb' })
  attributes!: Record<string, string | number | string[]>;

  @Column({ type: 'text' })
  priority!: string;

  @Column({ type: 'boolean' })
  urgent!: boolean;

  @Column({ type: 'boolean' })
  sensitive!: boolean;

  @Column({ name: 'routing_pending', type: 'boolean' })
  routingPending!: boolean;

  @Column({ name: 'assignee_id', type: 'uuid', nullable: true })
  assigneeId!: string | null;

  @Column({ name: 'assignee_name', type: 'text', nullable: true })
  assigneeName!: string | null;

  @Column({ type: 'text', nullable: true })
  queue!: string | null;

  @Column({ name: 'counted_from', type: 'date', nullable: true })
  countedFrom!: string | null;

  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt!: Date | null;

  @Column({ name: 'original_due_at', type: 'timestamptz', nullable: true })
  originalDueAt!: Date | null;

  @Column({ name: 'max_due_at', type: 'timestamptz', nullable: true })
  maxDueAt!: Date | null;

  @Column({ name: 'redirect_due_at', type: 'timestamptz', nullable: true })
  redirectDueAt!: Date | null;

  @Column({ name: 'under_control', type: 'boolean' })
  underControl!: boolean;

  @Column({ name: 'repeat_of', type: 'uuid', nullable: true })
  repeatOf!: string | null;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  outcome!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  resolution!: Record<string, unknown> | null;

  @Column({ name: 'redirected_to', type: 'text', nullable: true })
  redirectedTo!: string | null;

  @Column({ type: 'text' })
  language!: 'kk' | 'ru' | 'en';

  /** The partner client (Open311, Telegram bot) it came through. */
  @Column({ name: 'client_id', type: 'text', nullable: true })
  clientId!: string | null;

  /** Who or which channel accepted it, as printed on the coupon. */
  @Column({ name: 'accepted_by', type: 'text', nullable: true })
  acceptedBy!: string | null;

  @Column({ name: 'idempotency_key', type: 'text', nullable: true })
  idempotencyKey!: string | null;

  @Column({ name: 'idempotency_fingerprint', type: 'text', nullable: true })
  idempotencyFingerprint!: string | null;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** Last coupon number issued per region and year. */
@Entity({ name: 'registration_counter' })
export class RegistrationCounterEntity {
  @PrimaryColumn({ name: 'region_code', type: 'text' })
  regionCode!: string;

  @PrimaryColumn({ type: 'integer' })
  year!: number;

  @Column({ name: 'last_value', type: 'integer' })
  lastValue!: number;
}

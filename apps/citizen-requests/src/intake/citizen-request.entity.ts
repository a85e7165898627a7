import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export type RequestKind = 'proposal' | 'application' | 'complaint' | 'feedback' | 'inquiry' | 'tip';
export type RequestChannel = 'web' | 'open311' | 'walk-in' | 'letter' | 'line-102' | 'telegram';

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

  @Column({ name: 'precinct_code', type: 'text' })
  precinctCode!: string;

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

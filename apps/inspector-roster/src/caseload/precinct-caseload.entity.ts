import { Column, Entity, PrimaryColumn } from 'typeorm';

/** How many citizen requests each precinct has received, fed by citizen-requests' events. */
@Entity({ name: 'precinct_caseload' })
export class PrecinctCaseloadEntity {
  @PrimaryColumn({ name: 'precinct_code', type: 'text' })
  precinctCode!: string;

  @Column({ name: 'registered_requests', type: 'integer' })
  registeredRequests!: number;

  @Column({ name: 'last_request_at', type: 'timestamptz' })
  lastRequestAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

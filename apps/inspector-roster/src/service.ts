import type { ServiceDefinition } from '@seriktes/runtime';
import { PrecinctCaseloadEntity } from './caseload/precinct-caseload.entity';
import { Caseload1763772000000 } from './migrations/1763772000000-caseload';

export const inspectorRosterService: ServiceDefinition = {
  service: 'inspector-roster',
  schema: 'inspector_roster',
  entities: [PrecinctCaseloadEntity],
  migrations: [Caseload1763772000000],
  graphql: true,
};

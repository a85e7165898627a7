import type { ServiceDefinition } from '@seriktes/runtime';
import { Caseload1763772000000 } from './migrations/1763772000000-caseload';
import { TerritoryAndRoster1763780000000 } from './migrations/1763780000000-territory-and-roster';

export const inspectorRosterService: ServiceDefinition = {
  service: 'inspector-roster',
  schema: 'inspector_roster',
  entities: [],
  migrations: [Caseload1763772000000, TerritoryAndRoster1763780000000],
  graphql: true,
};

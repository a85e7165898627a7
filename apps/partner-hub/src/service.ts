import type { ServiceDefinition } from '@seriktes/runtime';
import { PartnerHub1764100000000 } from './migrations/1764100000000-partner-hub';

export const partnerHubService: ServiceDefinition = {
  service: 'partner-hub',
  schema: 'partner_hub',
  entities: [],
  migrations: [PartnerHub1764100000000],
  graphql: true,
};

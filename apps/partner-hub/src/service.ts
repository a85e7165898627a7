import type { ServiceDefinition } from '@seriktes/runtime';
import { PartnerHub1764100000000 } from './migrations/1764100000000-partner-hub';
import { DeliveryOpenIndex1764100001000 } from './migrations/1764100001000-delivery-open-index';

export const partnerHubService: ServiceDefinition = {
  service: 'partner-hub',
  schema: 'partner_hub',
  entities: [],
  migrations: [PartnerHub1764100000000, DeliveryOpenIndex1764100001000],
  graphql: true,
};

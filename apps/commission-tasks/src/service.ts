import type { ServiceDefinition } from '@seriktes/runtime';
import { Commissions1763900000000 } from './migrations/1763900000000-commissions';

export const commissionTasksService: ServiceDefinition = {
  service: 'commission-tasks',
  schema: 'commission_tasks',
  entities: [],
  migrations: [Commissions1763900000000],
  graphql: true,
};

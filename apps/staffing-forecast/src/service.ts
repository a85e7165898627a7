import type { ServiceDefinition } from '@seriktes/runtime';
import { Staffing1764000000000 } from './migrations/1764000000000-staffing';

export const staffingForecastService: ServiceDefinition = {
  service: 'staffing-forecast',
  schema: 'staffing_forecast',
  entities: [],
  migrations: [Staffing1764000000000],
  graphql: true,
};

import { defineEnv, serviceEnv, type Config } from '@seriktes/runtime';

/** Every variable staffing-forecast reads, with its local default (checked against deploy/ by a test). */
export const env = defineEnv({
  ...serviceEnv(4104, 'staffing-forecast'),
  ROSTER_GRAPHQL_URL: {
    kind: 'url',
    default: 'http://127.0.0.1:4102/graphql',
    description: "GraphQL endpoint of inspector-roster: precincts' population, area and settlement type, officers serving them and their available hours from shifts and leave.",
  },
  ROSTER_SYNC_MAX_AGE_MINUTES: {
    kind: 'int',
    min: 0,
    default: '60',
    description: 'Roster figures older than this are fetched again before a forecast run or a what-if calculation (0: always).',
  },
  FORECAST_JOB_INTERVAL_MS: {
    kind: 'int',
    min: 0,
    default: '2000',
    description: 'How often queued forecast runs are picked up (0: never, for tests that drive it); a run asked for through GraphQL also starts at once.',
  },
});

export type StaffingForecastConfig = Config<typeof env.spec>;

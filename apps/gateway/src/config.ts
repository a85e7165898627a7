import { defineEnv, identityEnv, type Config } from '@seriktes/runtime';

/** The subgraphs the gateway routes to, by their name in the supergraph, with their URL variable. */
export const subgraphs = {
  'citizen-requests': 'CITIZEN_REQUESTS_URL',
  'inspector-roster': 'INSPECTOR_ROSTER_URL',
  'commission-tasks': 'COMMISSION_TASKS_URL',
  'feedback-surveys': 'FEEDBACK_SURVEYS_URL',
  'staffing-forecast': 'STAFFING_FORECAST_URL',
  'partner-hub': 'PARTNER_HUB_URL',
} as const;

/** Every variable the gateway reads, with its local default (checked against deploy/ by a test). */
export const env = defineEnv({
  PORT: { kind: 'port', default: '4000', description: 'HTTP port (GraphQL at /graphql, /health, /metrics).' },
  ...identityEnv('gateway'),
  CITIZEN_REQUESTS_URL: { kind: 'url', default: 'http://127.0.0.1:4101/graphql', description: 'GraphQL endpoint of the citizen-requests subgraph.' },
  INSPECTOR_ROSTER_URL: { kind: 'url', default: 'http://127.0.0.1:4102/graphql', description: 'GraphQL endpoint of the inspector-roster subgraph.' },
  COMMISSION_TASKS_URL: { kind: 'url', default: 'http://127.0.0.1:4103/graphql', description: 'GraphQL endpoint of the commission-tasks subgraph.' },
  FEEDBACK_SURVEYS_URL: { kind: 'url', default: 'http://127.0.0.1:4105/graphql', description: 'GraphQL endpoint of the feedback-surveys subgraph.' },
  STAFFING_FORECAST_URL: { kind: 'url', default: 'http://127.0.0.1:4104/graphql', description: 'GraphQL endpoint of the staffing-forecast subgraph.' },
  PARTNER_HUB_URL: { kind: 'url', default: 'http://127.0.0.1:4106/graphql', description: 'GraphQL endpoint of the partner-hub subgraph.' },
  SUPERGRAPH_FILE: {
    kind: 'string',
    default: 'apps/gateway/supergraph.graphql',
    description: 'The composed supergraph (`npm run supergraph`), relative to the working directory.',
  },
  GRAPHQL_MAX_DEPTH: { kind: 'int', min: 1, default: '10', description: 'Deepest query accepted (nested field levels).' },
  GRAPHQL_MAX_COST: { kind: 'int', min: 1, default: '5000', description: 'Most fields a query may resolve, counting page sizes.' },
  LOG_LEVEL: {
    kind: 'enum',
    default: 'info',
    values: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
    description: 'Lowest log level written.',
  },
});

export type GatewayConfig = Config<typeof env.spec>;

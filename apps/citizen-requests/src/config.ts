import { defineEnv, serviceEnv, type Config } from '@seriktes/runtime';

/**
 * The development key ring for applicants' personal data (a fixed, public key: fine for demo data,
 * refused when NODE_ENV=production). Production gives its own through the Secret
 * `citizen-requests-personal-data`.
 */
export const DEVELOPMENT_PERSONAL_DATA_KEYS = 'dev1:c2VyaWt0ZXMtZGV2ZWxvcG1lbnQta2V5LTMyYnl0ZXM=';

/** Every variable citizen-requests reads, with its local default (checked against deploy/ by a test). */
export const env = defineEnv({
  ...serviceEnv(4101, 'citizen-requests'),
  ROSTER_GRAPHQL_URL: {
    kind: 'url',
    default: 'http://127.0.0.1:4102/graphql',
    description: 'GraphQL endpoint of inspector-roster: where a location becomes a precinct and who is on duty there.',
  },
  PERSONAL_DATA_KEYS: {
    kind: 'string',
    default: DEVELOPMENT_PERSONAL_DATA_KEYS,
    description: 'Keys sealing applicants’ personal data (AES-256-GCM): `id:base64(32 bytes)`, comma-separated, the first one seals; keep old ones to read old records.',
  },
  DEADLINE_SCAN_INTERVAL_MS: {
    kind: 'int',
    min: 0,
    default: '30000',
    description: 'How often the legal-clock scheduler looks for approaching and passed deadlines and retries pending routing (0: never, for tests that drive it).',
  },
  NOTIFICATION_INTERVAL_MS: {
    kind: 'int',
    min: 0,
    default: '5000',
    description: 'How often pending notifications to applicants are sent (0: never, for tests that drive it).',
  },
  PUBLIC_STATUS_URL: {
    kind: 'url',
    default: 'http://127.0.0.1:4000/requests',
    description: 'Where applicants look up their request; the registration number is appended to it in notifications.',
  },
});

export type CitizenRequestsConfig = Config<typeof env.spec>;

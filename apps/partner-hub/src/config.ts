import { defineEnv, serviceEnv, type Config } from '@seriktes/runtime';

/**
 * The development key for signing secrets at rest (public: fine for demo data, refused when
 * NODE_ENV=production). Production gives its own through the Secret `partner-hub-secrets`.
 */
export const DEVELOPMENT_HUB_KEY = 'dev-partner-hub-key-not-for-production';

/** Every variable partner-hub reads, with its local default (checked against deploy/ by a test). */
export const env = defineEnv({
  ...serviceEnv(4106, 'partner-hub'),
  HUB_SECRET_KEY: {
    kind: 'string',
    default: DEVELOPMENT_HUB_KEY,
    description: "Key that encrypts partners' webhook signing secrets at rest (AES-256-GCM; the secrets themselves are shown to the partner once).",
  },
  ENDPOINT_POLICY: {
    kind: 'enum',
    values: ['production', 'development'],
    default: 'development',
    description: '`production`: endpoints must be https and resolve to public addresses only; `development` (what `npm start` runs) also allows http to loopback, so a partner system can be tried locally. Private, link-local and metadata addresses are refused in both.',
  },
  DISPATCH_CONCURRENCY: {
    kind: 'int',
    min: 1,
    default: '32',
    description: 'Deliveries in flight at once in this replica (one at a time per endpoint, so a slow endpoint holds only its own queue).',
  },
  DISPATCH_INTERVAL_MS: {
    kind: 'int',
    min: 0,
    default: '250',
    description: 'How often due deliveries are looked for when nothing woke the dispatcher (0: never, for tests that drive it).',
  },
  DELIVERY_TIMEOUT_MS: {
    kind: 'int',
    min: 100,
    default: '10000',
    description: 'How long one delivery attempt may take (connect to response) before it counts as failed.',
  },
  EVENT_RETENTION_DAYS: {
    kind: 'int',
    min: 1,
    default: '30',
    description: 'How long events are kept for the feed and replay.',
  },
  PUBLIC_GRAPHQL_URL: {
    kind: 'url',
    default: 'http://127.0.0.1:4000/graphql',
    description: 'The platform GraphQL endpoint (the gateway), linked from the event catalogue page.',
  },
  PUBLIC_OPEN311_URL: {
    kind: 'url',
    default: 'http://127.0.0.1:4101/open311/v2',
    description: 'The Open311 GeoReport v2 endpoint of citizen-requests, linked from the event catalogue page.',
  },
});

export type PartnerHubConfig = Config<typeof env.spec>;

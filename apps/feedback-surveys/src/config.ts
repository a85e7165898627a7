import { defineEnv, serviceEnv, type Config } from '@seriktes/runtime';

/**
 * The development secret for invitation keys and staff-pulse participation hashes (public: fine for
 * demo data, refused when NODE_ENV=production). Production gives its own through the Secret
 * `feedback-surveys-secrets`.
 */
export const DEVELOPMENT_SURVEY_SECRET = 'dev-survey-secret-not-for-production';

/** Every variable feedback-surveys reads, with its local default (checked against deploy/ by a test). */
export const env = defineEnv({
  ...serviceEnv(4105, 'feedback-surveys'),
  SURVEY_SECRET: {
    kind: 'string',
    default: DEVELOPMENT_SURVEY_SECRET,
    description: 'Secret of the HMAC that turns a request id into the invitation key and a staff member into a pulse participation hash (neither is stored in clear).',
  },
  SURVEY_MIN_CELL_N: {
    kind: 'int',
    min: 1,
    default: '30',
    description: 'Smallest number of responses behind a published figure; below it values are suppressed so no small group can be identified.',
  },
  SURVEY_PUBLIC_URL: {
    kind: 'url',
    default: 'http://127.0.0.1:4105/s',
    description: 'Where respondents open an invitation; the single-use token is appended to it.',
  },
  INVITATION_TTL_DAYS: {
    kind: 'int',
    min: 1,
    default: '14',
    description: 'How long a post-contact invitation stays valid.',
  },
  INVITATION_INTERVAL_MS: {
    kind: 'int',
    min: 0,
    default: '5000',
    description: 'How often pending invitations are sent and expired ones closed (0: never, for tests that drive it).',
  },
  RESPONSE_BATCH_INTERVAL_MS: {
    kind: 'int',
    min: 0,
    default: '5000',
    description: 'How often submitted responses move from the inbox into the anonymous store and the indices, in shuffled batches (0: never, for tests that drive it).',
  },
  RESPONSE_BATCH_SIZE: {
    kind: 'int',
    min: 1,
    default: '2000',
    description: 'Responses moved per batch.',
  },
  CITIZEN_REQUESTS_GRAPHQL_URL: {
    kind: 'url',
    default: 'http://127.0.0.1:4101/graphql',
    description: 'GraphQL endpoint of citizen-requests, which delivers post-contact invitations to applicants (it alone holds their contacts).',
  },
});

export type FeedbackSurveysConfig = Config<typeof env.spec>;

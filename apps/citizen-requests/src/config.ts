import { defineEnv, serviceEnv, type Config } from '@seriktes/runtime';

/** Every variable citizen-requests reads, with its local default (checked against deploy/ by a test). */
export const env = defineEnv({
  ...serviceEnv(4101, 'citizen-requests'),
});

export type CitizenRequestsConfig = Config<typeof env.spec>;

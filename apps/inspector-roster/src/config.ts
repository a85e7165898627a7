import { defineEnv, serviceEnv, type Config } from '@seriktes/runtime';

/** Every variable inspector-roster reads, with its local default (checked against deploy/ by a test). */
export const env = defineEnv({
  ...serviceEnv(4102, 'inspector-roster'),
});

export type InspectorRosterConfig = Config<typeof env.spec>;

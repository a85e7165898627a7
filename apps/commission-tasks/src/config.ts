import { defineEnv, serviceEnv, type Config } from '@seriktes/runtime';

/** Every variable commission-tasks reads, with its local default (checked against deploy/ by a test). */
export const env = defineEnv({
  ...serviceEnv(4103, 'commission-tasks'),
  DEADLINE_SCAN_INTERVAL_MS: {
    kind: 'int',
    min: 0,
    default: '60000',
    description: 'How often task deadlines are scanned for reminders, overdue tasks and escalation steps (0: never, for tests that drive it).',
  },
});

export type CommissionTasksConfig = Config<typeof env.spec>;

/**
 * One start-up for the commission-tasks suites (the shared harness of libs/runtime/testing), with the
 * deadline scan driven by the test.
 */
import { startServiceHarness, type ServiceHarness } from '@seriktes/runtime/testing';
import { AppModule } from '../src/app.module';
import { env } from '../src/config';

export type { GqlResult } from '@seriktes/runtime/testing';
export const USERS = ['ast.commission', 'ast.akimat', 'ast.school.54', 'ast.health', 'council.ast', 'hq', 'ast.head', 'ast.esil.01', 'citizen.demo'] as const;
export type DemoUser = (typeof USERS)[number];
export type TasksHarness = ServiceHarness<DemoUser>;

export function startTasksHarness(name: string): Promise<TasksHarness> {
  return startServiceHarness({
    service: 'commission-tasks',
    database: name,
    users: USERS,
    env: { DEADLINE_SCAN_INTERVAL_MS: '0' },
    module: (variables, logger) => AppModule.forRoot(env.load(variables), logger),
  });
}

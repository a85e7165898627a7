/**
 * One start-up for the feedback-surveys suites (the shared harness of libs/runtime/testing), with the
 * invitation, wave and batch jobs driven by the test. citizen-requests is not running, so
 * post-contact delivery stays pending (the gateway suite covers it end to end).
 */
import { startServiceHarness, type ServiceHarness } from '@seriktes/runtime/testing';
import { AppModule } from '../src/app.module';
import { env } from '../src/config';

export type { GqlResult } from '@seriktes/runtime/testing';
export const USERS = ['hq', 'ast.head', 'ast.analyst', 'ast.esil.head', 'ast.esil.01', 'ast.esil.02', 'council.ast', 'ast.akimat', 'citizen.demo'] as const;
export type DemoUser = (typeof USERS)[number];
export type SurveysHarness = ServiceHarness<DemoUser>;

export function startSurveysHarness(name: string): Promise<SurveysHarness> {
  return startServiceHarness({
    service: 'feedback-surveys',
    database: name,
    users: USERS,
    env: { INVITATION_INTERVAL_MS: '0', RESPONSE_BATCH_INTERVAL_MS: '0', CITIZEN_REQUESTS_GRAPHQL_URL: 'http://127.0.0.1:9/graphql' },
    module: (variables, logger) => AppModule.forRoot(env.load(variables), logger),
  });
}

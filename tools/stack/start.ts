/**
 * `npm start`: the whole platform on this machine, with demo data, until Ctrl-C.
 * PostgreSQL from DATABASE_URL or 127.0.0.1:5432 (installed and started where permitted);
 * Kafka from KAFKA_BROKERS or librdkafka's mock broker; identity-dev (the Keycloak stand-in, realm
 * `seriktes`) on 8080; migrations as their own step; then every service as a child process on its
 * default port, and the GraphQL gateway on 4000 once its subgraphs are up.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  ensureDatabase,
  ensureKafka,
  ensurePostgres,
  getJson,
  migrateService,
  runServiceCommand,
  postJson,
  startService,
  WORKSPACE_ROOT,
  type KafkaHandle,
  type PostgresHandle,
  type ServiceProcess,
} from '@seriktes/testing';
import { serviceApps, type AppInfo } from './apps';
import { fetchToken, tokenRequest } from './token';

const log = (line: string) => console.log(`[seriktes] ${line}`);

async function portFree(port: number): Promise<boolean> {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '0.0.0.0', () => server.close(() => resolve(true)));
  });
}

const demoToken = (username: string, keycloakUrl: string) => fetchToken(tokenRequest([username], { KEYCLOAK_URL: keycloakUrl }));

/** A few requests, filed by the demo citizen, so the roster has caseload to show on a fresh database. */
async function seedDemoData(citizenRequestsUrl: string, rosterUrl: string, keycloakUrl: string): Promise<void> {
  const hq = { authorization: `Bearer ${await demoToken('hq', keycloakUrl)}` };
  const citizen = { authorization: `Bearer ${await demoToken('citizen.demo', keycloakUrl)}` };
  const unitHead = { authorization: `Bearer ${await demoToken('ast.esil.head', keycloakUrl)}` };
  // Requests only: commission tasks of the precinct (seeded by commission-tasks) count in the caseload too.
  const { body } = await getJson<{ openRequests: number; closedLast30Days: number }>(`${rosterUrl}/precincts/AST-ESL-01/caseload`, hq);
  if (body.openRequests > 0) return;
  const applicant = { fullName: 'Айгерім Сапарова', phone: '+77012345678' };
  // A citizen files on the web at a point; the unit head registers a walk-in and a letter at precinct points.
  const demo: Array<[Record<string, unknown>, Record<string, string>]> = [
    [{ kind: 'application', categoryCode: 'public-order-noise', channel: 'web', location: { lat: 51.146, lon: 71.388 }, description: 'Түнде көршілер шулайды / Шум у соседей ночью / Neighbours are noisy at night', applicant }, citizen],
    [{ kind: 'complaint', categoryCode: 'traffic-parking', channel: 'walk-in', precinctCode: 'AST-ESL-01', description: 'Cars parked on the pavement by school No. 54', attributes: { violation: 'parking' }, applicant }, unitHead],
    [{ kind: 'proposal', categoryCode: 'precinct-proposal', channel: 'letter', precinctCode: 'AST-ESL-02', description: 'Please light the path through the park', applicant }, unitHead],
  ];
  for (const [request, auth] of demo) {
    const { status, body: answer } = await postJson(`${citizenRequestsUrl}/requests`, request, auth);
    if (status !== 201) throw new Error(`demo request answered ${status}: ${JSON.stringify(answer)}`);
  }
  log(`demo data: ${demo.length} requests registered`);
}

export async function main(): Promise<void> {
  const started: ServiceProcess[] = [];
  let kafka: KafkaHandle | undefined;
  let postgres: PostgresHandle | undefined;
  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log('stopping…');
    await Promise.all(started.map((s) => s.stop()));
    await kafka?.stop();
    if (postgres?.started) postgres.stop();
    log('stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  try {
    postgres = await ensurePostgres(process.env, log);
    const databaseUrl = postgres.url;
    await ensureDatabase(databaseUrl);
    log(`PostgreSQL   ${new URL(databaseUrl).host}${new URL(databaseUrl).pathname}${postgres.started ? ' (started by npm start)' : ''}`);

    kafka = await ensureKafka(process.env);
    log(`Kafka        ${kafka.brokers.join(',')}${kafka.mock ? ' (librdkafka mock broker; in memory, gone at Ctrl-C)' : ''}`);

    const apps = serviceApps();
    for (const app of apps) {
      if (!(await portFree(app.port))) throw new Error(`port ${app.port} of ${app.name} is in use: is another npm start running?`);
    }
    const logDir = join(WORKSPACE_ROOT, '.seriktes', 'logs');
    mkdirSync(logDir, { recursive: true });
    const start = (app: AppInfo, env: Record<string, string>) =>
      startService({ name: app.name, port: app.port, env, logFile: join(logDir, `${app.name}.log`), ready: (health) => health.status !== 'error' });

    // The identity provider first: every service verifies tokens against its keys. Its signing key
    // is kept in .seriktes/ so tokens stay valid across restarts of npm start.
    const identityApps = apps.filter((a) => a.developmentOnly);
    const identity = await Promise.all(
      identityApps.map((app) => start(app, { IDENTITY_DEV_SIGNING_KEY_FILE: join(WORKSPACE_ROOT, '.seriktes', 'identity-dev', 'signing-key.json') })),
    );
    started.push(...identity);
    const keycloakUrl = identity[0]?.url ?? process.env.KEYCLOAK_URL ?? 'http://127.0.0.1:8080';
    log(`identity     ${keycloakUrl}/realms/seriktes (identity-dev; production uses Keycloak)`);

    const env: Record<string, string> = { ...kafka.env, DATABASE_URL: databaseUrl, KEYCLOAK_URL: keycloakUrl, GRAPHQL_DEBUG: 'true' };
    const backends = apps.filter((a) => a.database && !a.developmentOnly);
    for (const app of backends) {
      log(await migrateService(app.name, env));
      // A service's demo and reference data (e.g. the roster's territory), where it has a seed command.
      if (existsSync(join(WORKSPACE_ROOT, 'apps', app.name, 'src', 'seed', 'main.ts'))) log(await runServiceCommand(app.name, 'seed/main.ts', env));
    }
    started.push(...(await Promise.all(backends.map((app) => start(app, env)))));
    // Then what sits in front of the services (the gateway composes their subgraphs).
    const fronts = apps.filter((a) => !a.database && !a.developmentOnly);
    started.push(...(await Promise.all(fronts.map((app) => start(app, { KEYCLOAK_URL: keycloakUrl, GRAPHQL_DEBUG: 'true' })))));
    const services = started;
    for (const service of services) {
      service.child.once('exit', (code) => {
        if (!stopping) {
          log(`${service.name} exited unexpectedly (${code}); last lines of ${service.logFile}:\n${service.logTail(15)}`);
          void stopAll(1);
        }
      });
    }
    const byName = new Map(services.map((s) => [s.name, s]));
    const citizenRequests = byName.get('citizen-requests');
    const roster = byName.get('inspector-roster');
    if (citizenRequests && roster) await seedDemoData(citizenRequests.url, roster.url, keycloakUrl);
    const gateway = byName.get('gateway');

    console.log('');
    console.log('  service              url                        logs');
    for (const service of services) {
      console.log(`  ${service.name.padEnd(20)} ${service.url.padEnd(26)} ${service.logFile.replace(WORKSPACE_ROOT + '/', '')}`);
    }
    console.log('');
    console.log('  every app: GET /health, GET /health/live, GET /metrics (no token needed)');
    console.log('  demo users (development only, password "demo"): hq, ast.head, ast.esil.head, ast.esil.01, ast.esil.02,');
    console.log('    ast.analyst, ast.hr, ast.commission, ast.akimat, ast.school.54, ast.health, council.ast, citizen.demo, audit.prosecutor, admin');
    if (gateway) {
      console.log('');
      console.log(`  GraphQL gateway: ${gateway.url}/graphql`);
      console.log('  try, in a second terminal:');
      console.log('    TOKEN=$(npm run -s token -- ast.esil.01)');
      console.log(
        `    curl -s ${gateway.url}/graphql -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' \\\n` +
          `      -d '{"query":"{ precinct(code: \\"AST-ESL-01\\") { name district { name } inspectors { fullName rank } caseload { open overdue } requests(first: 5) { edges { node { registrationNumber categoryCode status dueAt } } } } }"}'`,
      );
    }
    if (citizenRequests) {
      console.log(
        `    curl -s -X POST ${citizenRequests.url}/requests -H "authorization: Bearer $(npm run -s token -- citizen.demo)" -H 'content-type: application/json' \\\n` +
          `      -d '{"kind":"application","categoryCode":"public-order-noise","channel":"web","location":{"lat":51.146,"lon":71.388},"description":"Loud music after 23:00 every night","applicant":{"fullName":"Aigerim Saparova","phone":"+77012345678"}}'`,
      );
    }
    console.log('');
    log('running; Ctrl-C stops everything started here');
  } catch (error) {
    console.error(`[seriktes] ${(error as Error).message}`);
    await stopAll(1);
  }
}

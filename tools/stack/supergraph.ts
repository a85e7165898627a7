/**
 * The supergraph, composed statically (no introspection at gateway start): every subgraph prints
 * its SDL with `printSubgraphSchema` (served as `_service { sdl }`), `@apollo/composition` composes
 * them, and the result is committed as apps/gateway/supergraph.graphql. The gateway end-to-end test
 * composes again from the running subgraphs and fails if the committed file is stale.
 *
 * `npm run supergraph` starts what the subgraphs need (PostgreSQL, a mock Kafka broker, a scratch
 * database), runs each subgraph as its own process, composes and writes the file.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeSupergraph, fetchSubgraphSdl } from '@seriktes/graphql';
import {
  createTestDatabase,
  ensurePostgres,
  migrateService,
  startMockKafka,
  startService,
  WORKSPACE_ROOT,
  type ServiceProcess,
} from '@seriktes/testing';

export const SUPERGRAPH_FILE = join(WORKSPACE_ROOT, 'apps', 'gateway', 'supergraph.graphql');

export interface SubgraphInfo {
  /** App folder and subgraph name, e.g. `citizen-requests`. */
  name: string;
  /** The URL variable of the gateway and its default, baked into the supergraph. */
  variable: string;
  defaultUrl: string;
}

/** The gateway's subgraphs, read from apps/gateway/src/config.ts as data. */
export function gatewaySubgraphs(): SubgraphInfo[] {
  // The tools read the gateway's declaration; they do not run its code.
  const config = require(join(WORKSPACE_ROOT, 'apps', 'gateway', 'src', 'config.ts')) as {
    subgraphs: Record<string, string>;
    env: { spec: Record<string, { default?: string }> };
  };
  return Object.entries(config.subgraphs).map(([name, variable]) => ({
    name,
    variable,
    defaultUrl: config.env.spec[variable]?.default ?? '',
  }));
}

/** Composes from running subgraphs (`urls`: name → its /graphql URL), baking in the default URLs. */
export async function composeFromRunning(urls: Map<string, string>): Promise<string> {
  const parts = [];
  for (const subgraph of gatewaySubgraphs()) {
    const url = urls.get(subgraph.name);
    if (!url) throw new Error(`subgraph ${subgraph.name} is not running`);
    parts.push({ name: subgraph.name, url: subgraph.defaultUrl, sdl: await fetchSubgraphSdl(url) });
  }
  return composeSupergraph(parts);
}

async function main(): Promise<void> {
  const log = (line: string) => console.log(`[supergraph] ${line}`);
  const postgres = await ensurePostgres(process.env, log);
  const db = await createTestDatabase('supergraph', postgres.url);
  const kafka = await startMockKafka();
  const started: ServiceProcess[] = [];
  try {
    const env = { ...kafka.env, DATABASE_URL: db.url, LOG_LEVEL: 'warn' };
    const subgraphs = gatewaySubgraphs();
    for (const subgraph of subgraphs) await migrateService(subgraph.name, env);
    started.push(
      ...(await Promise.all(subgraphs.map((s) => startService({ name: s.name, env, ready: (health) => health.status !== 'error' })))),
    );
    const supergraph = await composeFromRunning(new Map(started.map((s) => [s.name, `${s.url}/graphql`])));
    writeFileSync(SUPERGRAPH_FILE, supergraph);
    log(`wrote ${SUPERGRAPH_FILE.replace(`${WORKSPACE_ROOT}/`, '')} from ${subgraphs.map((s) => s.name).join(', ')}`);
  } finally {
    await Promise.all(started.map((s) => s.stop()));
    await kafka.stop();
    await db.drop();
    if (postgres.started) postgres.stop();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(`[supergraph] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}

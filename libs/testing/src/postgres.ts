import { execFileSync } from 'node:child_process';
import { Client } from 'pg';
import { aptInstall, commandExists, mayInstallPackages } from './system';
import { waitFor } from './wait';

export const DEFAULT_DATABASE_URL = 'postgres://postgres:postgres@127.0.0.1:5432/seriktes';

export interface PostgresHandle {
  /** URL of the server as given (DATABASE_URL) or the local default. */
  url: string;
  /** Whether this call started the server (and so should stop it). */
  started: boolean;
  stop(): void;
}

function serverUrl(url: string): string {
  const parsed = new URL(url);
  parsed.pathname = '/postgres';
  return parsed.toString();
}

async function reachable(url: string): Promise<Error | undefined> {
  const client = new Client({ connectionString: serverUrl(url), connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (error) {
    return error as Error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function debianCluster(): { version: string; name: string } | undefined {
  if (!commandExists('pg_lsclusters')) return undefined;
  const line = execFileSync('pg_lsclusters', ['-h'], { encoding: 'utf8' }).trim().split('\n')[0];
  if (!line) return undefined;
  const [version, name] = line.split(/\s+/);
  return { version, name };
}

/**
 * Makes sure a PostgreSQL server answers: `DATABASE_URL` if set, else 127.0.0.1:5432. If none
 * answers and packages may be installed, installs Debian's `postgresql`, starts its cluster, sets
 * the `postgres` password to the local default, and waits for it. Otherwise stops with a message
 * that says what to run.
 */
export async function ensurePostgres(
  env: NodeJS.ProcessEnv = process.env,
  log: (line: string) => void = console.error,
): Promise<PostgresHandle> {
  const url = env.DATABASE_URL || DEFAULT_DATABASE_URL;
  const first = await reachable(url);
  if (!first) return { url, started: false, stop: () => undefined };
  if (env.DATABASE_URL) {
    throw new Error(`PostgreSQL at DATABASE_URL is not reachable: ${first.message}`);
  }
  if (!mayInstallPackages(env) && !debianCluster()) {
    throw new Error(
      `PostgreSQL is not reachable at 127.0.0.1:5432 (${first.message}).\n` +
        'Start one, or set DATABASE_URL, or let the harness install it: as root run\n' +
        '  apt-get update && apt-get install -y postgresql && pg_ctlcluster --skip-systemctl-redirect 15 main start',
    );
  }
  if (!commandExists('pg_ctlcluster')) aptInstall(['postgresql'], log);
  const cluster = debianCluster();
  if (!cluster) throw new Error('postgresql is installed but has no cluster (pg_lsclusters lists none)');
  log(`starting PostgreSQL ${cluster.version}/${cluster.name}`);
  execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', cluster.version, cluster.name, 'start'], { stdio: 'inherit' });
  const password = new URL(url).password || 'postgres';
  await waitFor(
    () => {
      try {
        execFileSync('runuser', ['-u', 'postgres', '--', 'psql', '-q', '-c', `ALTER USER postgres PASSWORD '${password.replace(/'/g, "''")}'`], {
          stdio: 'ignore',
        });
        return true;
      } catch {
        return false;
      }
    },
    { timeoutMs: 30_000, intervalMs: 200, description: 'the PostgreSQL cluster to accept connections' },
  );
  const second = await reachable(url);
  if (second) throw new Error(`PostgreSQL started but is not reachable at ${url}: ${second.message}`);
  return {
    url,
    started: true,
    stop: () => {
      execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', cluster.version, cluster.name, 'stop'], { stdio: 'ignore' });
    },
  };
}

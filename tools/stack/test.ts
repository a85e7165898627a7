/**
 * `npm test`: lint, typecheck, unit and integration tests of every project, through Nx.
 * Brings up what the tests need the same way `npm start` does (PostgreSQL; kcat for the mock
 * brokers the suites start themselves) and stops what it started. Extra arguments go to Nx
 * (e.g. `npm test -- --projects=messaging`).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureKcat, ensurePostgres, WORKSPACE_ROOT } from '@seriktes/testing';

const log = (line: string) => console.log(`[seriktes] ${line}`);

interface JestSummary {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTotalTestSuites: number;
}

function summarize(dir: string): JestSummary | undefined {
  if (!existsSync(dir)) return undefined;
  const total: JestSummary = { numPassedTests: 0, numFailedTests: 0, numPendingTests: 0, numTotalTestSuites: 0 };
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const result = JSON.parse(readFileSync(join(dir, file), 'utf8')) as JestSummary;
    total.numPassedTests += result.numPassedTests;
    total.numFailedTests += result.numFailedTests;
    total.numPendingTests += result.numPendingTests;
    total.numTotalTestSuites += result.numTotalTestSuites;
  }
  return total;
}

export async function main(args: string[]): Promise<number> {
  const started = Date.now();
  const postgres = await ensurePostgres(process.env, log);
  log(`PostgreSQL at ${new URL(postgres.url).host}${postgres.started ? ' (started for this run)' : ''}`);
  if (!process.env.KAFKA_BROKERS) ensureKcat(log);
  log(process.env.KAFKA_BROKERS ? `Kafka at ${process.env.KAFKA_BROKERS}` : 'Kafka: each suite starts its own mock broker (kcat)');

  const results = join(WORKSPACE_ROOT, 'tmp', 'test-results');
  rmSync(results, { recursive: true, force: true });
  mkdirSync(results, { recursive: true });

  const code = await new Promise<number>((resolve) => {
    const child = spawn(
      process.execPath,
      [
        join(WORKSPACE_ROOT, 'node_modules', 'nx', 'dist', 'bin', 'nx.js'),
        'run-many',
        '-t',
        'lint',
        'typecheck',
        'test',
        '--outputStyle=stream',
        ...args,
      ],
      {
        cwd: WORKSPACE_ROOT,
        stdio: 'inherit',
        env: { ...process.env, DATABASE_URL: postgres.url, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', SERIKTES_TEST_RESULTS: results },
      },
    );
    child.once('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)));
  });

  if (postgres.started) postgres.stop();
  const summary = summarize(results);
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  if (summary) {
    log(`${summary.numTotalTestSuites} suites in ${minutes} min; lint and typecheck ${code === 0 ? 'clean' : 'see above'}`);
    console.log(`tests: ${summary.numPassedTests} passed, ${summary.numFailedTests} failed, ${summary.numPendingTests} skipped`);
  }
  return code;
}

import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { waitFor } from './wait';

/** The repository root (this file is libs/testing/src/services.ts). */
export const WORKSPACE_ROOT = resolve(__dirname, '..', '..', '..');

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface HealthBody {
  status: string;
  checks: Record<string, { status: string; [detail: string]: unknown }>;
}

export interface ServiceProcess {
  name: string;
  port: number;
  url: string;
  logFile: string;
  child: ChildProcess;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves with the exit code. */
  stop(graceMs?: number): Promise<number | null>;
  /** The last lines of the service's log, for error messages. */
  logTail(lines?: number): string;
}

export interface StartServiceOptions {
  /** App folder under apps/. */
  name: string;
  env?: Record<string, string>;
  port?: number;
  /** Where the JSON log goes (default tmp/logs/<name>-<port>.log). */
  logFile?: string;
  /** Extra readiness condition on the `GET /health` body (default: every check ok). */
  ready?: (health: HealthBody) => boolean;
  timeoutMs?: number;
}

/**
 * Starts `apps/<name>/src/main.ts` as a child process (TypeScript through tools/register.js) and
 * waits until `GET /health` answers and `ready` holds. A child that exits early fails the start
 * with the tail of its log.
 */
export async function startService(options: StartServiceOptions): Promise<ServiceProcess> {
  const port = options.port ?? (await freePort());
  const logFile = options.logFile ?? join(WORKSPACE_ROOT, 'tmp', 'logs', `${options.name}-${port}.log`);
  mkdirSync(resolve(logFile, '..'), { recursive: true });
  const fd = openSync(logFile, 'a');
  const child = spawn(
    process.execPath,
    ['-r', join(WORKSPACE_ROOT, 'tools', 'register.js'), join(WORKSPACE_ROOT, 'apps', options.name, 'src', 'main.ts')],
    {
      cwd: WORKSPACE_ROOT,
      env: { ...process.env, ...options.env, PORT: String(port) },
      stdio: ['ignore', fd, fd],
    },
  );
  closeSync(fd);
  const url = `http://127.0.0.1:${port}`;
  const logTail = (lines = 30) => {
    try {
      return readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    } catch {
      return '';
    }
  };
  let exited: number | null | undefined;
  const exit = new Promise<number | null>((resolveExit) =>
    child.once('exit', (code) => {
      exited = code;
      resolveExit(code);
    }),
  );
  const service: ServiceProcess = {
    name: options.name,
    port,
    url,
    logFile,
    child,
    logTail,
    async stop(graceMs = 15_000) {
      if (exited !== undefined) return exited;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const code = await exit;
      clearTimeout(timer);
      return code;
    },
  };
  const ready = options.ready ?? ((health: HealthBody) => health.status === 'ok');
  try {
    await waitFor(
      async () => {
        if (exited !== undefined) throw new Error(`${options.name} exited with ${exited}:\n${logTail()}`);
        const response = await fetch(`${url}/health`);
        const body = (await response.json()) as HealthBody;
        return ready(body) ? true : undefined;
      },
      { timeoutMs: options.timeoutMs ?? 60_000, intervalMs: 100, description: `${options.name} to be healthy on ${url}` },
    );
  } catch (error) {
    await service.stop(2000);
    throw new Error(`${(error as Error).message}\n--- ${logFile} ---\n${logTail()}`);
  }
  return service;
}

/** Runs `apps/<name>/src/migrate.ts` in a child process, as `nx run <name>:migrate` does. */
export function migrateService(name: string, env: Record<string, string> = {}): Promise<string> {
  return runServiceCommand(name, 'migrate.ts', env);
}

/**
 * Runs one of a service's commands (`apps/<name>/src/<script>`, e.g. `migrate.ts` or
 * `seed/main.ts`) in a child process, as its nx target does; its output, or an error with it.
 */
export async function runServiceCommand(name: string, script: string, env: Record<string, string> = {}, args: string[] = []): Promise<string> {
  const child = spawn(process.execPath, ['-r', join(WORKSPACE_ROOT, 'tools', 'register.js'), join(WORKSPACE_ROOT, 'apps', name, 'src', script), ...args], {
    cwd: WORKSPACE_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolveExit) => child.once('exit', resolveExit));
  if (code !== 0) throw new Error(`${name} ${script} failed (exit ${code}):\n${output}`);
  return output.trim();
}

import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { aptInstall, commandExists, mayInstallPackages } from './system';

/**
 * Consumer settings for librdkafka's mock broker (stack-spike.md, P13/P14): it holds every empty
 * fetch for the full wait and makes first group joins wait, so short timings keep events flowing.
 */
export const MOCK_BROKER_ENV = {
  KAFKA_CONSUMER_MAX_WAIT_MS: '100',
  KAFKA_SESSION_TIMEOUT_MS: '3000',
  KAFKA_HEARTBEAT_INTERVAL_MS: '300',
  KAFKA_REQUEST_TIMEOUT_MS: '3000',
  KAFKAJS_NO_PARTITIONER_WARNING: '1',
} as const;

export interface KafkaHandle {
  brokers: string[];
  /** Environment for apps using this broker: KAFKA_BROKERS plus, for the mock, its consumer tuning. */
  env: Record<string, string>;
  /** True when this is the local mock broker (which can be paused). */
  mock: boolean;
  pid?: number;
  /** Freezes the broker (SIGSTOP): connections stay open, nothing answers. Mock only. */
  pause(): void;
  /** Lets a paused broker go on (SIGCONT). */
  resume(): void;
  stop(): Promise<void>;
}

export function ensureKcat(log: (line: string) => void = console.error): void {
  if (commandExists('kcat')) return;
  if (!mayInstallPackages()) {
    throw new Error(
      'kcat (librdkafka mock broker) is not installed and packages may not be installed here.\n' +
        'Install it (as root: apt-get update && apt-get install -y kcat) or set KAFKA_BROKERS to a running Kafka.',
    );
  }
  aptInstall(['kcat'], log);
}

/**
 * Starts librdkafka's mock cluster through `kcat -P` with standard input as a pipe, so the broker
 * dies with this process even if it is killed. Reads the address from kcat's notice line.
 */
export async function startMockKafka(options: { brokers?: number; log?: (line: string) => void } = {}): Promise<KafkaHandle> {
  ensureKcat(options.log);
  const child: ChildProcessWithoutNullStreams = spawn(
    'kcat',
    ['-b', 'localhost:1', '-X', `test.mock.num.brokers=${options.brokers ?? 1}`, '-P', '-t', '__seriktes_keepalive', '-q'],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const brokers = await new Promise<string[]>((resolve, reject) => {
    let stderr = '';
    const timer = setTimeout(() => reject(new Error(`kcat did not announce its mock broker: ${stderr}`)), 10_000);
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      const match = /replaced with ([0-9.:,]+)/.exec(stderr);
      if (match) {
        clearTimeout(timer);
        resolve(match[1].split(',').filter(Boolean));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`kcat exited with ${code} before announcing its broker: ${stderr}`));
    });
  });
  child.stderr.resume();
  child.stdout.resume();
  child.unref();
  (child.stdin as unknown as { unref?: () => void }).unref?.();
  (child.stderr as unknown as { unref?: () => void }).unref?.();
  (child.stdout as unknown as { unref?: () => void }).unref?.();
  let paused = false;
  return {
    brokers,
    env: { KAFKA_BROKERS: brokers.join(','), ...MOCK_BROKER_ENV },
    mock: true,
    pid: child.pid,
    pause() {
      paused = true;
      child.kill('SIGSTOP');
    },
    resume() {
      paused = false;
      child.kill('SIGCONT');
    },
    async stop() {
      if (child.exitCode !== null) return;
      if (paused) child.kill('SIGCONT');
      child.ref();
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.stdin.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      timer.unref();
      await exited;
      clearTimeout(timer);
    },
  };
}

/** `KAFKA_BROKERS` if set (a real cluster), else a fresh mock broker. */
export async function ensureKafka(env: NodeJS.ProcessEnv = process.env): Promise<KafkaHandle> {
  if (env.KAFKA_BROKERS) {
    const brokers = env.KAFKA_BROKERS.split(',').map((b) => b.trim()).filter(Boolean);
    const unsupported = () => {
      throw new Error('pausing is only possible with the local mock broker (unset KAFKA_BROKERS)');
    };
    return { brokers, env: { KAFKA_BROKERS: brokers.join(',') }, mock: false, pause: unsupported, resume: unsupported, stop: async () => undefined };
  }
  return startMockKafka();
}

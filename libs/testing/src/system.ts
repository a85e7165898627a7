import { execFileSync, spawnSync } from 'node:child_process';

/** Whether the harness may install Debian packages: root, apt present, and not forbidden by SERIKTES_NO_INSTALL. */
export function mayInstallPackages(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.SERIKTES_NO_INSTALL === '1' || env.SERIKTES_NO_INSTALL === 'true') return false;
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return false;
  return commandExists('apt-get');
}

export function commandExists(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

let aptUpdated = false;

/** Installs Debian packages (non-interactive), running `apt-get update` once per process. */
export function aptInstall(packages: string[], log: (line: string) => void = console.error): void {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    log(`apt-get update (to install ${packages.join(', ')})`);
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    aptUpdated = true;
  }
  log(`apt-get install ${packages.join(' ')}`);
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { stdio: 'inherit', env });
}

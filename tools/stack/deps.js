'use strict';
// Installs the npm dependencies when they are missing or older than package.json / the lockfile.
// Plain Node only: this runs before anything is installed.
const { spawnSync } = require('node:child_process');
const { existsSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..', '..');

function stale() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(marker)) return 'node_modules is missing';
  const installed = statSync(marker).mtimeMs;
  for (const file of ['package.json', 'package-lock.json']) {
    const path = join(root, file);
    if (existsSync(path) && statSync(path).mtimeMs > installed + 1000) return `${file} changed since the last install`;
  }
  for (const probe of ['nx/package.json', '@swc/core/package.json', 'kafkajs/package.json', 'typeorm/package.json']) {
    if (!existsSync(join(root, 'node_modules', probe))) return `${probe.split('/package.json')[0]} is not installed`;
  }
  return undefined;
}

function ensureDependencies() {
  const reason = stale();
  if (!reason) return;
  console.error(`[seriktes] ${reason}: npm install`);
  // `npm install`, not `npm ci`: lockfiles written here lack other platforms' optional binaries.
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('[seriktes] npm install failed');
    process.exit(result.status || 1);
  }
}

module.exports = { ensureDependencies, root };

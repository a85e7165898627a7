'use strict';
// Runs this workspace's TypeScript in plain Node, without a build step:
//  - `.ts` files are transpiled on require by swc (same options as the tests, see .swcrc.json),
//    including decorator metadata, which Nest's dependency injection needs;
//  - `@seriktes/<lib>` and `@seriktes/<lib>/<entry>` resolve to `libs/<lib>/src/index` and
//    `libs/<lib>/src/<entry>` of the nearest enclosing tree that has them, so the same hook serves
//    the sources (`libs/x/src/index.ts`) and a tsc build (`dist/apps/<app>/libs/x/src/index.js`).
// Type checking is not done here: `nx run-many -t typecheck` runs tsc.
// Usage: `node -r ./tools/register.js file.ts` or `node tools/register.js file.ts [args...]`.
const Module = require('node:module');
const path = require('node:path');
const fs = require('node:fs');

const root = path.resolve(__dirname, '..');
process.setSourceMapsEnabled(true);

const libCache = new Map();
function findLib(fromDir, lib, entry) {
  const cacheKey = `${fromDir}\0${lib}\0${entry}`;
  if (libCache.has(cacheKey)) return libCache.get(cacheKey);
  let dir = fromDir;
  for (;;) {
    for (const ext of ['.ts', '.js']) {
      const candidate = path.join(dir, 'libs', lib, 'src', entry + ext);
      if (fs.existsSync(candidate)) {
        libCache.set(cacheKey, candidate);
        return candidate;
      }
    }
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  libCache.set(cacheKey, undefined);
  return undefined;
}

const originalResolve = Module._resolveFilename;
Module._resolveFilename = function resolveWorkspaceAlias(request, parent, ...rest) {
  const match = /^@seriktes\/([a-z0-9-]+)(?:\/([a-z0-9-]+))?$/.exec(request);
  if (match) {
    const fromDir = parent && parent.filename ? path.dirname(parent.filename) : root;
    const found = findLib(fromDir, match[1], match[2] || 'index') || findLib(root, match[1], match[2] || 'index');
    if (found) return found;
  }
  return originalResolve.call(this, request, parent, ...rest);
};

let swc;
let swcOptions;
require.extensions['.ts'] = function compileTypeScript(module, filename) {
  if (!swc) {
    swc = require('@swc/core');
    swcOptions = JSON.parse(fs.readFileSync(path.join(root, '.swcrc.json'), 'utf8'));
    delete swcOptions.$schema;
  }
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = swc.transformSync(source, { ...swcOptions, filename, swcrc: false, configFile: false });
  module._compile(code, filename);
};

if (require.main === module) {
  const script = process.argv[2];
  if (!script) {
    console.error('usage: node tools/register.js <file.ts> [args...]');
    process.exit(2);
  }
  process.argv.splice(1, 1);
  process.argv[1] = path.resolve(script);
  // Load it as the main module, so `require.main === module` holds in the script.
  Module.runMain();
}

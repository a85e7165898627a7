'use strict';
// Shared Jest settings: swc transpiles TypeScript (types are checked by `nx typecheck`), and the
// `@seriktes/*` aliases of tsconfig.base.json resolve to the libraries' sources.
const path = require('node:path');
const fs = require('node:fs');

const swcOptions = JSON.parse(fs.readFileSync(path.join(__dirname, '.swcrc.json'), 'utf8'));
delete swcOptions.$schema;
const { paths } = JSON.parse(fs.readFileSync(path.join(__dirname, 'tsconfig.base.json'), 'utf8')).compilerOptions;
const moduleNameMapper = {};
for (const [alias, [target]] of Object.entries(paths)) {
  moduleNameMapper[`^${alias.replace(/[/]/g, '\\/')}$`] = path.join(__dirname, target);
}

module.exports = {
  testEnvironment: 'node',
  // jose 6 is ESM-only: swc turns it into CommonJS for Jest (Node itself loads it with require(esm)).
  transform: { '^.+\\.(ts|js|mjs)$': ['@swc/jest', { ...swcOptions, swcrc: false }] },
  transformIgnorePatterns: ['/node_modules/(?!(jose)/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper,
  globalSetup: path.join(__dirname, 'tools/jest/global-setup.js'),
  testTimeout: 60_000,
};

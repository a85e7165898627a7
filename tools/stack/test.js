#!/usr/bin/env node
'use strict';
// `npm test`: install what is missing, make sure PostgreSQL and kcat are there, run lint,
// typecheck and every test of every project, then stop what this run started.
require('./deps').ensureDependencies();
require('../register');
require('./test.ts')
  .main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((error) => {
    console.error(`[seriktes] ${error instanceof Error ? error.stack : error}`);
    process.exit(1);
  });

#!/usr/bin/env node
'use strict';
// `npm start`: install what is missing, bring up PostgreSQL and Kafka, migrate, start every app.
require('./deps').ensureDependencies();
require('../register');
require('./start.ts')
  .main()
  .catch((error) => {
    console.error(`[seriktes] ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  });

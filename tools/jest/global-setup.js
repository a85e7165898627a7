'use strict';
// Jest global setup of every project: make sure PostgreSQL answers (installing and starting it
// where permitted) and hand its URL to the test workers. Kafka is started per suite by the tests
// themselves (a mock broker costs milliseconds), so suites never share topics.
require('../register');

module.exports = async function globalSetup() {
  const { ensurePostgres } = require('../../libs/testing/src/postgres.ts');
  const handle = await ensurePostgres(process.env);
  process.env.DATABASE_URL = handle.url;
  process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
  process.env.LOG_LEVEL = process.env.LOG_LEVEL || 'warn';
};

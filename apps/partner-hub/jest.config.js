'use strict';
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'partner-hub',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts', '<rootDir>/test/**/*.int-spec.ts'],
};

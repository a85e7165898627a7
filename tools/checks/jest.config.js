'use strict';
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'workspace-tools',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.spec.ts'],
};

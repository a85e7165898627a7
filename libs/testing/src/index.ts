export * from './wait';
export * from './system';
export * from './postgres';
export * from './kafka';
export * from './services';
export * from './http';
export * from './identity';
export { createTestDatabase, ensureDatabase, type TestDatabase } from '@seriktes/persistence/testing';

export * from './env';
export * from './bootstrap';
export * from './platform';
export * from './validation';

export * from './env';
export * from './bootstrap';
export * from './platform';
export * from './validation';
export * from './periodic';
export * from './service-errors';
export * from './notify';

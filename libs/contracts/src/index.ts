export * from './naming';
export * from './envelope';
export * from './registry';
export * from './events';
export * from './territory';

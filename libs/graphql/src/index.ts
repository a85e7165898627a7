export * from './cursor';
export * from './limits';
export * from './errors';
export * from './connection';
export * from './subgraph';
export * from './composition';
export * from './localized';

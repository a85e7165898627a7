export * from './data-source';
export * from './migrations';
export * from './persistence.module';

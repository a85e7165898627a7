export * from './types';
export * from './cursor';
export * from './validation';
export * from './query';
export * from './audit-entry.entity';
export * from './audit-log';
export * from './audit.module';
export * from './migrations';

export * from './claims';
export * from './errors';
export * from './keys';
export * from './placeholders';
export * from './provider';
export * from './realm';

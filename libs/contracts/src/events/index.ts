// Every event module of the catalogue; importing this file registers them all.
export * from './citizen-request';
export * from './commission';
export * from './commission-task';
export * from './precinct';
export * from './survey';
export * from './forecast';

// Every event module of the catalogue; importing this file registers them all.
export * from './citizen-request';

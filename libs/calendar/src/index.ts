export * from './local-date';
export * from './calendar-data';
export * from './working-calendar';

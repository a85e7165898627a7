/** Pure duty-roster rules: shift patterns, schedules, leave, who is on duty, available hours. */
export * from './time';
export * from './patterns';
export * from './schedule';
export * from './leave';
export * from './on-duty';
export * from './available-hours';

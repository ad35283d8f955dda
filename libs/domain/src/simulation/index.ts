export * from './accuracy';
export * from './day-profiles';
export * from './erlang-c';
export * from './random';
export * from './simulate-day';
export * from './staffing';

export * from './data/hall-api';
export * from './live/hall-state';
export * from './live/live-hall.controller';

export * from './data/api-client';
export { HallApi } from './data/hall-api';
export * from './data/kiosk-api';
export * from './i18n/locale';
export * from './i18n/speech';
export * from './live/hall-state';
export * from './live/live-hall.controller';
export * from './live/live-ticket.controller';

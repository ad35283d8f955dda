export * from './customers';
export * from './enums';
export * from './errors';
export * from './events';
export * from './referrals';
export * from './i18n';
export * from './identification';
export * from './views';

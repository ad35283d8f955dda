export * from './hall-kpis';
export * from './kpi';
export * from './local-time';
export * from './visits';

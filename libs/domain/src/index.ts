export * from './call-policy';
export * from './diversion';
export * from './errors';
export * from './numbering';
export * from './queue-order';
export * from './rules';
export * from './ticket-lifecycle';
export * from './wait-estimate';

/**
 * Who may call what (issue #8): every HTTP route of the API against every principal. The README's
 * Security section shows the same table. A route missing here fails the coverage test, so a new route
 * cannot ship without deciding who may call it.
 */

/** The principals of the demo branch; every one of them also exists in a second branch (`east`). */
export const PRINCIPALS = [
  'anonymous',
  'kiosk',
  'display',
  'rating-pad',
  'ticket',
  'teller',
  'lobby-manager',
  'rm',
  'admin',
] as const;
export type Principal = (typeof PRINCIPALS)[number];

export interface RouteRule {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** As in the OpenAPI document; `:name` parameters are filled with the demo branch's own resources. */
  path: string;
  /** `public`: anyone, even without a token. Otherwise the principals the role gate lets through. */
  allow: 'public' | readonly Principal[];
  /** A route that changes the caller's own session is run after all others (sign-out). */
  last?: boolean;
}

const STAFF = ['teller', 'lobby-manager', 'rm', 'admin'] as const;
const SCREENS_AND_STAFF = ['kiosk', 'display', 'teller', 'lobby-manager', 'rm', 'admin'] as const;
const LOBBY = ['lobby-manager', 'admin'] as const;
const ADMIN_READ = ['admin', 'lobby-manager'] as const;
const ADMIN = ['admin'] as const;
const AT_COUNTER = ['teller', 'rm'] as const;
const ANY_STAFF_ON_TICKET = ['teller', 'rm', 'lobby-manager', 'admin'] as const;

export const ROUTES: readonly RouteRule[] = [
  { method: 'get', path: '/api/health', allow: 'public' },
  // Public to the role gate: METRICS_TOKEN, when set, is checked by the route itself (required in production).
  { method: 'get', path: '/metrics', allow: 'public' },
  { method: 'post', path: '/api/auth/login', allow: 'public' },
  { method: 'get', path: '/api/auth/me', allow: ['kiosk', 'display', 'ticket', ...STAFF] },
  { method: 'post', path: '/api/auth/logout', allow: STAFF, last: true },

  { method: 'get', path: '/api/branches/:branchId/services', allow: SCREENS_AND_STAFF },
  { method: 'get', path: '/api/branches/:branchId/settings', allow: STAFF },
  { method: 'get', path: '/api/branches/:branchId/queue', allow: SCREENS_AND_STAFF },
  { method: 'get', path: '/api/branches/:branchId/events', allow: ['kiosk', 'display', 'ticket', ...STAFF] },
  { method: 'get', path: '/api/branches/:branchId/staffing-hints', allow: LOBBY },
  { method: 'post', path: '/api/branches/:branchId/triage', allow: ['kiosk', 'lobby-manager', 'teller', 'admin'] },
  { method: 'post', path: '/api/branches/:branchId/diversions', allow: ['kiosk', 'lobby-manager'] },
  { method: 'post', path: '/api/branches/:branchId/tickets', allow: ['kiosk', 'lobby-manager', 'admin'] },
  { method: 'get', path: '/api/tickets/by-token/:token', allow: 'public' },

  { method: 'post', path: '/api/counters/:counterId/call-next', allow: AT_COUNTER },
  { method: 'post', path: '/api/counters/:counterId/pause', allow: ['teller', 'rm', 'lobby-manager'] },
  { method: 'post', path: '/api/counters/:counterId/resume', allow: ['teller', 'rm', 'lobby-manager'] },
  { method: 'post', path: '/api/tickets/:id/call', allow: AT_COUNTER },
  { method: 'post', path: '/api/tickets/:id/recall', allow: AT_COUNTER },
  { method: 'post', path: '/api/tickets/:id/start', allow: AT_COUNTER },
  { method: 'post', path: '/api/tickets/:id/finish', allow: AT_COUNTER },
  { method: 'post', path: '/api/tickets/:id/no-show', allow: AT_COUNTER },
  { method: 'post', path: '/api/tickets/:id/return', allow: ANY_STAFF_ON_TICKET },
  { method: 'post', path: '/api/tickets/:id/transfer', allow: ANY_STAFF_ON_TICKET },
  { method: 'post', path: '/api/tickets/:id/park', allow: ANY_STAFF_ON_TICKET },
  { method: 'post', path: '/api/tickets/:id/flag', allow: ANY_STAFF_ON_TICKET },
  { method: 'post', path: '/api/tickets/:id/cancel', allow: LOBBY },
  { method: 'post', path: '/api/tickets/:id/self-service', allow: LOBBY },
  { method: 'post', path: '/api/tickets/:id/rating-request', allow: AT_COUNTER },
  // The customer's side of the counter only: a teller who could press would rate themselves.
  { method: 'post', path: '/api/tickets/:id/rating', allow: ['rating-pad', 'ticket'] },
  { method: 'get', path: '/api/rating-pad', allow: ['rating-pad'] },

  { method: 'post', path: '/api/tickets/:id/callover', allow: ['teller', 'lobby-manager', 'admin'] },
  { method: 'post', path: '/api/referrals', allow: LOBBY },
  { method: 'get', path: '/api/referrals', allow: ['rm', ...LOBBY] },
  { method: 'post', path: '/api/referrals/:id/respond', allow: ['rm'] },
  { method: 'post', path: '/api/referrals/:id/meet', allow: ['rm'] },
  { method: 'post', path: '/api/referrals/:id/outcome', allow: ['rm'] },
  { method: 'post', path: '/api/referrals/:id/contacts', allow: ['rm'] },
  { method: 'get', path: '/api/follow-ups', allow: ['rm', ...LOBBY] },
  { method: 'get', path: '/api/rms', allow: STAFF },
  { method: 'put', path: '/api/rms/me/presence', allow: ['rm'] },

  { method: 'post', path: '/api/branches/:branchId/customers/import', allow: ADMIN },
  { method: 'get', path: '/api/customers/:id', allow: STAFF },
  { method: 'get', path: '/api/branches/:branchId/audit', allow: ADMIN },
  { method: 'get', path: '/api/branches/:branchId/rules/identification', allow: ADMIN_READ },
  { method: 'put', path: '/api/branches/:branchId/rules/identification', allow: ADMIN },
  { method: 'get', path: '/api/branches/:branchId/rules/ladders', allow: ADMIN_READ },
  { method: 'put', path: '/api/branches/:branchId/rules/ladders/:code', allow: ADMIN },
  { method: 'get', path: '/api/branches/:branchId/reports/kpis', allow: LOBBY },
  { method: 'get', path: '/api/branches/:branchId/reports/kpis.csv', allow: LOBBY },

  { method: 'get', path: '/api/branches/:branchId/devices', allow: ADMIN },
  { method: 'post', path: '/api/branches/:branchId/devices', allow: ADMIN },
  { method: 'delete', path: '/api/branches/:branchId/devices/:deviceId', allow: ADMIN },
  { method: 'get', path: '/api/branches/:branchId/admin/settings', allow: ADMIN_READ },
  { method: 'patch', path: '/api/branches/:branchId/admin/settings', allow: ADMIN },
  { method: 'get', path: '/api/branches/:branchId/admin/business-types', allow: ADMIN_READ },
  { method: 'post', path: '/api/branches/:branchId/admin/business-types', allow: ADMIN },
  { method: 'patch', path: '/api/branches/:branchId/admin/business-types/:code', allow: ADMIN },
  { method: 'get', path: '/api/branches/:branchId/admin/queues', allow: ADMIN_READ },
  { method: 'post', path: '/api/branches/:branchId/admin/queues', allow: ADMIN },
  { method: 'patch', path: '/api/branches/:branchId/admin/queues/:code', allow: ADMIN },
  { method: 'delete', path: '/api/branches/:branchId/admin/queues/:code', allow: ADMIN },
  { method: 'get', path: '/api/branches/:branchId/admin/counters', allow: ADMIN_READ },
  { method: 'post', path: '/api/branches/:branchId/admin/counters', allow: ADMIN },
  { method: 'patch', path: '/api/branches/:branchId/admin/counters/:counterId', allow: ADMIN },
  { method: 'post', path: '/api/branches/:branchId/admin/counters/:counterId/close', allow: ADMIN },
  { method: 'post', path: '/api/branches/:branchId/admin/counters/:counterId/open', allow: ADMIN },
  { method: 'get', path: '/api/branches/:branchId/admin/staff', allow: ADMIN },
  { method: 'post', path: '/api/branches/:branchId/admin/staff', allow: ADMIN },
  { method: 'patch', path: '/api/branches/:branchId/admin/staff/:userId', allow: ADMIN },
  { method: 'post', path: '/api/branches/:branchId/admin/staff/:userId/deactivate', allow: ADMIN },
  { method: 'post', path: '/api/branches/:branchId/admin/staff/:userId/reactivate', allow: ADMIN },
  { method: 'post', path: '/api/branches/:branchId/admin/staff/:userId/password', allow: ADMIN },
];

import type { DeviceKind, StaffRole } from '@lobbyflow/contracts';

/** Who is calling, resolved from the bearer token by the AuthGuard. */
export type Principal = StaffPrincipal | DevicePrincipal | TicketPrincipal;

export interface StaffPrincipal {
  kind: 'staff';
  userId: string;
  role: StaffRole;
  /** Branch code. */
  branch: string;
  counterId: string | null;
  /** The sign-in session (the JWT's `sid`): a counter seat belongs to one session. */
  sessionId: string;
  /** When the access token expires (the JWT's `exp`): an RM's presence lasts no longer. */
  sessionEndsAt: Date;
}

export interface DevicePrincipal {
  kind: 'device';
  deviceId: string;
  deviceKind: DeviceKind;
  branch: string;
  /** The counter a rating pad stands on (null for kiosks and displays). */
  counterId: string | null;
}

export interface TicketPrincipal {
  kind: 'ticket';
  ticketId: string;
  branch: string;
}

/** Names used in `@Allow(...)`: a staff role, a device kind, or the holder of a ticket token. */
export type Audience = StaffRole | DeviceKind | 'ticket';

export function audienceOf(principal: Principal): Audience {
  switch (principal.kind) {
    case 'staff':
      return principal.role;
    case 'device':
      return principal.deviceKind;
    case 'ticket':
      return 'ticket';
  }
}

export function isStaff(principal: Principal): principal is StaffPrincipal {
  return principal.kind === 'staff';
}

/**
 * The caller as a stable id, never a name: `staff:<id>`, `device:<id>` or `ticket:<id>`. Log lines carry
 * it, and an Idempotency-Key is only ever replayed to the caller it came from.
 */
export function principalKey(principal: Principal): string {
  switch (principal.kind) {
    case 'staff':
      return `staff:${principal.userId}`;
    case 'device':
      return `device:${principal.deviceId}`;
    case 'ticket':
      return `ticket:${principal.ticketId}`;
  }
}

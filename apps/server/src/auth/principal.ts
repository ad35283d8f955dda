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

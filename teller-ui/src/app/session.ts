import type { LoginResult, StaffRole, StaffUserView } from '@lobbyflow/contracts';

/** A signed-in staff member: the token, when it expires, who it is. Kept for this browser tab only. */
export interface StaffSession {
  token: string;
  /** Epoch ms at which the token expires. */
  expiresAt: number;
  user: StaffUserView;
}

const SESSION_KEY = 'lobbyflow.staff.session';
const COUNTER_KEY = 'lobbyflow.staff.counter';

/**
 * The session of this tab (sessionStorage: a reload keeps it, another tab or a closed browser does not),
 * or null when there is none or it has expired.
 */
export function loadSession(now = Date.now()): StaffSession | null {
  try {
    const session = JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null') as StaffSession | null;
    return session && session.expiresAt > now ? session : null;
  } catch {
    return null;
  }
}

export function sessionFrom(result: LoginResult, now = Date.now()): StaffSession {
  return { token: result.accessToken, expiresAt: now + result.expiresIn * 1000, user: result.user };
}

export function saveSession(session: StaffSession): void {
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
}

export function clearSession(): void {
  sessionStorage.removeItem(SESSION_KEY);
}

/**
 * The counter a user last worked at in this tab (a code such as "3"), so that signing in again after the
 * session expired puts the teller back at the same counter, not at their default one.
 */
export function rememberedCounter(username: string): string | null {
  try {
    const remembered = JSON.parse(sessionStorage.getItem(COUNTER_KEY) ?? 'null') as {
      username: string;
      counter: string;
    } | null;
    return remembered?.username === username ? remembered.counter : null;
  } catch {
    return null;
  }
}

export function rememberCounter(username: string, counter: string): void {
  sessionStorage.setItem(COUNTER_KEY, JSON.stringify({ username, counter }));
}

/** The console's views, as `#/<route>` in the address bar. */
export const ROUTES = ['counter', 'lobby', 'rm', 'admin', 'reports'] as const;
export type Route = (typeof ROUTES)[number];

/**
 * Which views each role may open, its own first. The server refuses what a role may not do whatever the
 * screen shows; the console does not offer it in the first place.
 */
export const ROUTES_BY_ROLE: Record<StaffRole, readonly Route[]> = {
  teller: ['counter'],
  'lobby-manager': ['lobby', 'reports'],
  rm: ['rm'],
  admin: ['admin', 'lobby', 'reports'],
};

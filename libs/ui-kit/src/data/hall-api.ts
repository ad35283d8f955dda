import type { ErrorBody, EventsPage, TicketTokenView, WhoAmI } from '@lobbyflow/contracts';
import type { HallState } from '../live/hall-state';

/** An API refusal, with the server's stable code. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * The HTTP calls the live screens make (Home Assistant's `data/` layer: components never fetch).
 * `baseUrl` is '' in a browser served by LobbyFlow itself.
 */
export class HallApi {
  constructor(
    private readonly baseUrl: string,
    private readonly token: () => string | null,
    private readonly fetchImpl: typeof fetch = (input, init) => fetch(input, init),
  ) {}

  whoAmI(): Promise<WhoAmI> {
    return this.get('/api/auth/me');
  }

  snapshot(branchId: string): Promise<HallState> {
    return this.get(`/api/branches/${encodeURIComponent(branchId)}/queue`);
  }

  eventsAfter(branchId: string, seq: number): Promise<EventsPage> {
    return this.get(`/api/branches/${encodeURIComponent(branchId)}/events?after=${seq}`);
  }

  ticketByToken(token: string): Promise<TicketTokenView> {
    return this.get(`/api/tickets/by-token/${encodeURIComponent(token)}`);
  }

  private async get<T>(path: string): Promise<T> {
    const token = this.token();
    const response = await this.fetchImpl(`${this.baseUrl}${path}`, {
      headers: token ? { Authorization: `Bearer ${token}` } : {},
    });
    const body: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const error = (body ?? {}) as Partial<ErrorBody>;
      throw new ApiError(response.status, error.code ?? 'NETWORK', error.message ?? `HTTP ${response.status}`);
    }
    return body as T;
  }
}

import type { EventsPage, TicketTokenView, WhoAmI } from '@lobbyflow/contracts';
import type { HallState } from '../live/hall-state';
import { ApiClient } from './api-client';

export { ApiError } from './api-client';

/** What every live screen reads: who it is, the hall snapshot, the log, one ticket. */
export class HallApi extends ApiClient {
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
}

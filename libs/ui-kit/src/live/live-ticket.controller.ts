import type { PublicRatingView, RatingGrade, ServerShutdownEvent, TicketTokenView } from '@lobbyflow/contracts';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { io, type Socket } from 'socket.io-client';
import { ApiError, HallApi } from '../data/hall-api';
import { RatingApi } from '../data/rating-api';
import type { LiveStatus } from './live-hall.controller';
import { RestartWindow } from './restart-window';

/** A moment worth telling the customer about (the page may vibrate). */
export type TicketMoment = 'next' | 'called';

/**
 * Follows one ticket for the phone page: reads it by its token, then listens on the ticket's own room.
 * Position updates carry the `seq` that caused them, so an older update never overwrites a newer one;
 * after a reconnect the ticket is read afresh (the room has no log to replay).
 */
export class LiveTicketController implements ReactiveController {
  ticket: TicketTokenView | null = null;
  status: LiveStatus = 'connecting';
  /** Set when nobody is ahead any more (cleared once the ticket is called). */
  youAreNext = false;
  error: { code: string; message: string } | null = null;

  private socket: Socket | null = null;
  private lastSeq = 0;
  private readonly api: HallApi;
  private readonly restart = new RestartWindow();
  private readonly ratings: RatingApi;
  private readonly momentListeners = new Set<(moment: TicketMoment) => void>();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: { baseUrl: string; token: string },
  ) {
    this.api = new HallApi(options.baseUrl, () => null);
    this.ratings = new RatingApi(options.baseUrl, () => options.token);
    host.addController(this);
  }

  onMoment(listener: (moment: TicketMoment) => void): () => void {
    this.momentListeners.add(listener);
    return () => this.momentListeners.delete(listener);
  }

  hostConnected(): void {
    void this.refresh();
    const socket = io(this.options.baseUrl || undefined, {
      path: '/socket.io',
      transports: ['websocket'],
      auth: { token: this.options.token },
    });
    socket.on('connect', () => void this.refresh());
    socket.on('disconnect', () => this.setStatus(this.restart.lostStatus()));
    // An announced restart: no alarm while socket.io reconnects (the ticket is read afresh on connect).
    socket.on('server.shutdown', (event: ServerShutdownEvent) => this.restart.announced(event));
    socket.on('connect_error', (error: Error & { data?: { code?: string } }) => {
      // An old ticket's link is refused by the socket but still readable: the page shows how it ended.
      if (error.data?.code) {
        socket.disconnect();
        this.setStatus('live');
      } else {
        this.setStatus(this.restart.lostStatus());
      }
    });
    socket.onAny((name: string, payload: { seq?: number; ticket?: TicketTokenView; rating?: PublicRatingView }) => {
      if (!payload.ticket || (payload.seq ?? 0) < this.lastSeq) return;
      this.lastSeq = payload.seq ?? this.lastSeq;
      const wasCalled = this.ticket?.status === 'called';
      this.ticket = { ...(this.ticket as TicketTokenView), ...payload.ticket };
      // A rating event carries the request as the customer may see it (open until when, answered or not).
      if (payload.rating) this.ticket.rating = payload.rating;
      if (name === 'ticket.next' && !this.youAreNext) {
        this.youAreNext = true;
        this.emit('next');
      }
      if (this.ticket.status === 'called' && (!wasCalled || name === 'ticket.recalled')) {
        this.youAreNext = false;
        this.emit('called');
      }
      if (this.ticket.status !== 'waiting') this.youAreNext = false;
      this.host.requestUpdate();
    });
    this.socket = socket;
  }

  hostDisconnected(): void {
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = null;
  }

  /** The customer rates the visit from this page (the ticket's own token is the credential). */
  async rate(grade: RatingGrade): Promise<void> {
    const ticket = this.ticket;
    if (!ticket) return;
    ticket.rating = await this.ratings.rate(ticket.id, grade);
    this.host.requestUpdate();
  }

  private async refresh(): Promise<void> {
    try {
      this.ticket = await this.api.ticketByToken(this.options.token);
      this.youAreNext = this.ticket.status === 'waiting' && this.ticket.ahead === 0;
      this.error = null;
      this.setStatus(this.socket?.connected === false ? 'offline' : 'live');
    } catch (error) {
      this.error =
        error instanceof ApiError
          ? { code: error.code, message: error.message }
          : { code: 'NETWORK', message: String(error) };
      this.setStatus(error instanceof ApiError && error.status === 404 ? 'refused' : 'offline');
    }
    this.host.requestUpdate();
  }

  private emit(moment: TicketMoment): void {
    this.momentListeners.forEach((listener) => listener(moment));
  }

  private setStatus(status: LiveStatus): void {
    this.status = status;
    this.host.requestUpdate();
  }
}

import type { PublicRatingView, RatingGrade, RatingPadView } from '@lobbyflow/contracts';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { io, type Socket } from 'socket.io-client';
import { ApiError } from '../data/api-client';
import { RatingApi } from '../data/rating-api';
import type { LiveStatus } from './live-hall.controller';

/** What a pad shows: nothing asked (idle), the buttons (asking), or its thanks after an answer. */
export type PadMode = 'idle' | 'asking' | 'thanks';

/** How long the pad thanks the customer before it goes back to idle. */
const THANKS_MS = 5_000;

/** A rating event as the pad's counter room receives it (public projection). */
interface PadEvent {
  at: string;
  ticket: { id: string; counter: string | null };
  rating?: PublicRatingView;
}

/**
 * Follows one counter's rating pad: reads what the pad should show (`GET /api/rating-pad`), then listens
 * on the counter's own room. A request opens the buttons until its window closes; an answer (from this
 * pad or the customer's phone) or the next customer's call closes them. The window is counted on the
 * pad's own clock from the server's `at`, so a pad whose clock is wrong still closes on time. After a
 * reconnect the state is read afresh (the room has no log to replay).
 */
export class RatingPadController implements ReactiveController {
  view: RatingPadView | null = null;
  request: PublicRatingView | null = null;
  /** How long the open request had left when the pad learnt of it (its countdown). */
  openForMs = 0;
  mode: PadMode = 'idle';
  status: LiveStatus = 'connecting';
  error: { code: string; message: string } | null = null;

  private socket: Socket | null = null;
  private closeTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly api: RatingApi;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: { baseUrl: string; key: string },
  ) {
    this.api = new RatingApi(options.baseUrl, () => options.key);
    host.addController(this);
  }

  hostConnected(): void {
    const socket = io(this.options.baseUrl || undefined, {
      path: '/socket.io',
      transports: ['websocket'],
      auth: { token: this.options.key },
    });
    socket.on('connect', () => void this.refresh());
    socket.on('disconnect', () => this.setStatus('offline'));
    socket.on('connect_error', (error: Error & { data?: { code?: string } }) => {
      this.error = { code: error.data?.code ?? 'NETWORK', message: error.message };
      this.setStatus(error.data?.code ? 'refused' : 'offline');
    });
    socket.on('ticket.rating.requested', (event: PadEvent) => {
      if (event.rating && !event.rating.rated) this.open(event.rating, event.at);
    });
    socket.on('ticket.rated', (event: PadEvent) => {
      if (event.rating?.ticketId === this.request?.ticketId) this.thank();
    });
    socket.on('ticket.called', (event: PadEvent) => {
      if (event.ticket.id !== this.request?.ticketId) this.close();
    });
    this.socket = socket;
  }

  hostDisconnected(): void {
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = null;
    this.clearTimer();
  }

  /** The customer pressed a button: one answer, then thanks (also when the window closed meanwhile). */
  async rate(grade: RatingGrade): Promise<void> {
    const request = this.request;
    if (!request) return;
    try {
      await this.api.rate(request.ticketId, grade);
      this.thank();
    } catch (error) {
      // Answered already, or too late: the customer has nothing to fix, so the pad simply says thank you.
      if (error instanceof ApiError && error.status === 409) this.thank();
      else this.fail(error);
    }
  }

  private async refresh(): Promise<void> {
    try {
      this.view = await this.api.padView();
      this.error = null;
      this.setStatus('live');
      if (this.view.request) this.open(this.view.request, this.view.at);
      else if (this.mode === 'asking') this.close();
    } catch (error) {
      this.fail(error);
    }
  }

  private open(request: PublicRatingView, serverNow: string): void {
    this.request = request;
    this.mode = 'asking';
    this.clearTimer();
    this.openForMs = Math.max(0, Date.parse(request.expiresAt) - Date.parse(serverNow));
    this.closeTimer = setTimeout(() => this.close(), this.openForMs);
    this.host.requestUpdate();
  }

  private thank(): void {
    this.request = null;
    this.mode = 'thanks';
    this.clearTimer();
    this.closeTimer = setTimeout(() => this.close(), THANKS_MS);
    this.host.requestUpdate();
  }

  private close(): void {
    this.request = null;
    this.mode = 'idle';
    this.clearTimer();
    this.host.requestUpdate();
  }

  private clearTimer(): void {
    if (this.closeTimer) clearTimeout(this.closeTimer);
    this.closeTimer = null;
  }

  private fail(error: unknown): void {
    this.error =
      error instanceof ApiError
        ? { code: error.code, message: error.message }
        : { code: 'NETWORK', message: String(error) };
    this.setStatus(error instanceof ApiError && error.status === 401 ? 'refused' : 'offline');
  }

  private setStatus(status: LiveStatus): void {
    this.status = status;
    this.host.requestUpdate();
  }
}

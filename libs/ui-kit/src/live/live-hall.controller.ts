import type { ServerShutdownEvent, SessionEndedEvent, SessionReplacedEvent } from '@lobbyflow/contracts';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { io, type Socket } from 'socket.io-client';
import { ApiError, HallApi } from '../data/hall-api';
import { applyHallEvent, changesTheHall, HALL_EVENT_TYPES, type HallEvent, type HallState } from './hall-state';
import { RestartWindow } from './restart-window';

export type LiveStatus = 'connecting' | 'syncing' | 'live' | 'offline' | 'refused';

export interface LiveHallOptions {
  /** Origin of the LobbyFlow server; '' when the page is served by it. */
  baseUrl: string;
  branchId: string;
  /** The current credential (staff JWT or device key); read at every (re)connect. */
  token: () => string | null;
  /** Behind by more than this many events, a client takes a fresh snapshot instead of replaying. */
  maxReplay?: number;
  /** Seconds between retries of a failed catch-up while the socket is up. */
  retrySeconds?: number;
}

/**
 * Holds a screen's live hall: a snapshot and the last `seq`, kept current by socket events, never lost.
 *
 * The catch-up protocol: on every (re)connect, and whenever an event arrives with a `seq` beyond the next
 * one, the controller fetches the events after its `seq` (or a fresh snapshot when it has none or is more
 * than `maxReplay` behind) while buffering what the socket delivers; it then applies the buffer in order,
 * skipping what it already has. Events at or below its `seq` are duplicates and ignored. A client that
 * dropped therefore ends where a client that never dropped is.
 *
 * A Lit ReactiveController: it opens the socket when its host connects, closes it when the host
 * disconnects, and asks the host to render after each change.
 */
export class LiveHallController implements ReactiveController {
  state: HallState | null = null;
  status: LiveStatus = 'connecting';
  /** Why the server refused the socket (`refused`), or why the last catch-up failed. */
  error: { code: string; message: string } | null = null;
  /** Set when another sign-in took this staff session's counter over (the server then closes the socket). */
  replaced: SessionReplacedEvent | null = null;
  /** Set when an admin ended this person's sessions (deactivated, role changed, password reset). */
  ended: SessionEndedEvent | null = null;

  private socket: Socket | null = null;
  private readonly api: HallApi;
  private buffer: HallEvent[] = [];
  private syncing = false;
  /**
   * An admin changed what the hall shows (`branch.configured`): a queue may have come or gone, which no
   * delta carries, so the next catch-up reads a fresh snapshot.
   */
  private snapshotDue = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly listeners = new Set<(state: HallState) => void>();
  private readonly eventListeners = new Set<(event: HallEvent) => void>();
  private readonly snapshotListeners = new Set<(state: HallState) => void>();
  private readonly restart = new RestartWindow();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: LiveHallOptions,
  ) {
    this.api = new HallApi(options.baseUrl, options.token);
    host.addController(this);
  }

  hostConnected(): void {
    this.open();
  }

  hostDisconnected(): void {
    this.close();
  }

  /** Called with the new state after every applied change (for code outside a Lit render). */
  onChange(listener: (state: HallState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Called with every event applied, in `seq` order, whether it arrived live or in a catch-up (a display
   * announces calls from here). Events folded into a fresh snapshot are not replayed, except the live ones
   * that arrived while a snapshot after `branch.configured` was loading.
   */
  onEvent(listener: (event: HallEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  /**
   * Called after a fresh snapshot replaced the state (the first one, one after falling far behind, one
   * after an admin's change): whatever the events in between said is folded into it, so a screen that
   * keeps something of its own (settings, an offer) reads it again.
   */
  onSnapshot(listener: (state: HallState) => void): () => void {
    this.snapshotListeners.add(listener);
    return () => this.snapshotListeners.delete(listener);
  }

  private open(): void {
    if (this.socket) return;
    const socket = io(this.options.baseUrl || undefined, {
      path: '/socket.io',
      transports: ['websocket'],
      auth: (send) => send({ token: this.options.token(), branchId: this.options.branchId }),
    });
    socket.on('connect', () => void this.sync());
    socket.on('disconnect', () => {
      // A session the server ended is over, not offline: the screen asks to sign in again.
      if (this.status !== 'refused') this.setStatus(this.restart.lostStatus());
    });
    // An announced restart: the socket closes next and socket.io reconnects; the catch-up fills the gap.
    socket.on('server.shutdown', (event: ServerShutdownEvent) => this.restart.announced(event));
    socket.on('session.replaced', (event: SessionReplacedEvent) => {
      this.replaced = event;
      this.refuse('SESSION_REPLACED', `Counter ${event.counter} was taken over by ${event.by}.`);
    });
    socket.on('session.ended', (event: SessionEndedEvent) => {
      this.ended = event;
      this.refuse('SESSION_ENDED', `An admin ended this session (${event.reason}).`);
    });
    socket.on('connect_error', (error: Error & { data?: { code?: string } }) => {
      // A refusal by the server (bad or revoked credential) is final until the host reconnects us;
      // a network failure is retried by socket.io itself.
      if (error.data?.code) {
        this.error = { code: error.data.code, message: error.message };
        this.setStatus('refused');
      } else {
        this.setStatus(this.restart.lostStatus());
      }
    });
    socket.onAny((name: string, event: HallEvent) => {
      if (HALL_EVENT_TYPES.has(name)) this.receive(event);
    });
    this.socket = socket;
  }

  private close(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = null;
    this.buffer = [];
    this.setStatus('offline');
  }

  private receive(event: HallEvent): void {
    if (this.syncing || !this.state) {
      this.buffer.push(event);
      return;
    }
    if (event.seq <= this.state.seq) return;
    if (event.seq === this.state.seq + 1) {
      this.commit(this.apply(this.state, event));
      if (this.snapshotDue) void this.sync();
      return;
    }
    this.buffer.push(event);
    void this.sync();
  }

  /** Brings the state up to the server's, then drains the buffer; repeats while a gap remains. */
  private async sync(): Promise<void> {
    if (this.syncing) return;
    this.syncing = true;
    this.setStatus('syncing');
    try {
      for (;;) {
        await this.fetchMissing();
        if (this.drainBuffer() && !this.snapshotDue) break;
      }
      this.error = null;
      this.syncing = false;
      this.setStatus(this.socket?.connected ? 'live' : 'offline');
    } catch (error) {
      this.syncing = false;
      this.error =
        error instanceof ApiError
          ? { code: error.code, message: error.message }
          : { code: 'NETWORK', message: String(error) };
      this.setStatus('offline');
      this.scheduleRetry();
    }
  }

  private async fetchMissing(): Promise<void> {
    const { branchId, maxReplay = 2000 } = this.options;
    if (!this.state) {
      await this.takeSnapshot();
      return;
    }
    if (this.snapshotDue) {
      const held = this.state.seq;
      const fresh = await this.takeSnapshot();
      // Live events that came in while it loaded are in it already; their listeners still hear them
      // (a display announces a call made meanwhile).
      const covered = this.buffer.filter((event) => event.seq > held && event.seq <= fresh.seq);
      for (const event of covered.sort((a, b) => a.seq - b.seq)) this.notify(event);
      return;
    }
    let page = await this.api.eventsAfter(branchId, this.state.seq);
    if (page.lastSeq - this.state.seq > maxReplay) {
      await this.takeSnapshot();
      return;
    }
    let state = this.state;
    for (;;) {
      for (const event of page.events) state = this.apply(state, event);
      if (!page.hasMore) break;
      page = await this.api.eventsAfter(branchId, state.seq);
    }
    this.commit(state);
  }

  /** Replaces the state with a fresh snapshot; the snapshot an admin's change asked for is taken only once it is held. */
  private async takeSnapshot(): Promise<HallState> {
    const fresh = await this.api.snapshot(this.options.branchId);
    this.snapshotDue = false;
    this.commit(fresh);
    for (const listener of this.snapshotListeners) listener(fresh);
    return fresh;
  }

  /** Applies buffered events in order; false when a gap remains (another fetch is needed). */
  private drainBuffer(): boolean {
    const pending = this.buffer.sort((a, b) => a.seq - b.seq);
    this.buffer = [];
    let state = this.state as HallState;
    for (const event of pending) {
      if (event.seq <= state.seq) continue;
      if (event.seq !== state.seq + 1) {
        this.buffer = pending.filter((candidate) => candidate.seq > state.seq);
        this.commit(state);
        return false;
      }
      state = this.apply(state, event);
    }
    this.commit(state);
    return true;
  }

  private apply(state: HallState, event: HallEvent): HallState {
    if (event.seq !== state.seq + 1) return state;
    const next = applyHallEvent(state, event);
    if (changesTheHall(event)) this.snapshotDue = true;
    this.notify(event);
    return next;
  }

  private notify(event: HallEvent): void {
    for (const listener of this.eventListeners) listener(event);
  }

  private scheduleRetry(): void {
    if (this.retryTimer || !this.socket) return;
    this.retryTimer = setTimeout(
      () => {
        this.retryTimer = null;
        if (this.socket?.connected) void this.sync();
      },
      (this.options.retrySeconds ?? 2) * 1000,
    );
  }

  private commit(state: HallState): void {
    if (state === this.state) return;
    this.state = state;
    for (const listener of this.listeners) listener(state);
    this.host.requestUpdate();
  }

  /** The server ended this session: final until the host connects the controller again. */
  private refuse(code: string, message: string): void {
    this.error = { code, message };
    this.setStatus('refused');
  }

  private setStatus(status: LiveStatus): void {
    if (status === this.status) return;
    this.status = status;
    this.host.requestUpdate();
  }
}

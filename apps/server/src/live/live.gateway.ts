import { Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { type OnGatewayConnection, type OnGatewayInit, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import { type BranchEvent, type ClientEventMap, rooms } from '@lobbyflow/contracts';
import { isDomainError } from '@lobbyflow/domain';
import type { Subscription } from 'rxjs';
import type { Server, Socket } from 'socket.io';
import { AuthService } from '../auth/auth.service';
import type { Principal } from '../auth/principal';
import { ClusterLink } from '../cluster/cluster-link';
import { BranchCommands } from '../commands/branch-commands';
import { SocketObserver } from '../observability/socket-observer';
import { type CommittedBatch, EventBus, type RoomNotice } from '../commands/event-bus';
import { eventsBetween, lastSeqs } from '../commands/event-log';
import { envelopeOf, publicEvent } from '../hall/projections';
import { BranchSequencer } from './branch-sequencer';
import { TicketPositions } from './ticket-positions';

/** The inter-instance message carrying one committed batch (socket.io `serverSideEmit`). */
const RELAYED_BATCH = 'lobbyflow:batch';

/**
 * How often a clustered instance compares what it delivered with each branch's last `seq` in the
 * database: a batch lost on the way (Redis restarting) reaches this instance's sockets within this time
 * even if no later batch comes to reveal the gap.
 */
export const RELAY_SWEEP_MS = 5_000;

/** Events between instances: each committed batch, sent by the instance that committed it. */
interface InterServerEvents {
  [RELAYED_BATCH]: (batch: CommittedBatch) => void;
}

/** What a socket carries after the handshake. */
interface LiveSocketData {
  principal: Principal;
}
type LiveSocket = Socket<Record<string, never>, ClientEventMap, InterServerEvents, LiveSocketData>;
type LiveServer = Server<Record<string, never>, ClientEventMap, InterServerEvents, LiveSocketData>;

/** This instance's phone pages of a branch: a local room, so that positions are computed only where needed. */
const phonesOf = (branchId: string) => `branch:${branchId}:phones`;

/**
 * The live hall over socket.io (design.md §2.4-2.5). Sockets push, HTTP commands: clients send nothing.
 * The handshake authenticates (`auth: {token}`: staff JWT, device key or ticket token) and a refused
 * socket never connects; an accepted one joins only the rooms its token allows. Committed batches go
 * out in `seq` order, projected per audience, through the one typed `emit` below.
 *
 * With several instances (REDIS_URL, issue #9) every instance hears every committed batch: the one that
 * committed it sends it to the others (`serverSideEmit` through the socket.io Redis adapter) and each
 * instance delivers to its own sockets only, through a BranchSequencer that keeps each branch in `seq`
 * order and reads anything lost on the way from the event log. Each instance computes the phone pages'
 * positions for its own phones. A single instance takes the same path without Redis.
 */
@WebSocketGateway({ path: '/socket.io', serveClient: false })
export class LiveGateway implements OnGatewayInit, OnGatewayConnection, OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('LiveGateway');
  private subscription?: Subscription;
  private stopListeningForLink?: () => void;
  private sweepTimer: NodeJS.Timeout | null = null;
  private closing = false;
  private readonly sequencer: BranchSequencer;

  @WebSocketServer()
  private server!: LiveServer;

  constructor(
    private readonly auth: AuthService,
    private readonly bus: EventBus,
    private readonly positions: TicketPositions,
    private readonly commands: BranchCommands,
    private readonly link: ClusterLink,
    private readonly observer: SocketObserver,
  ) {
    this.sequencer = new BranchSequencer(
      (branchId, after, upTo) => this.commands.read((manager) => eventsBetween(manager, branchId, after, upTo)),
      (branchId, events) => this.deliver(branchId, events),
      (message) => {
        if (!this.closing) this.logger.warn(message);
      },
    );
  }

  afterInit(server: LiveServer): void {
    server.on(RELAYED_BATCH, (batch) => this.receive(batch));
    server.use((socket, next) => {
      const token: unknown = socket.handshake.auth?.token;
      if (typeof token !== 'string' || token.length === 0 || token.length > 4096) {
        next(refusal('UNAUTHENTICATED', 'Connect with auth: {token}: a staff token, a device key or a ticket token.'));
        return;
      }
      // A client may name the branch it means to follow; a credential of another branch is refused.
      const branchId: unknown = socket.handshake.auth?.branchId;
      this.auth.resolve(token).then(
        (principal) => {
          if (branchId !== undefined && branchId !== principal.branch) {
            next(
              refusal(
                'WRONG_BRANCH',
                `These credentials are for branch "${principal.branch}", not "${String(branchId)}".`,
              ),
            );
            return;
          }
          socket.data.principal = principal;
          next();
        },
        (error: unknown) =>
          next(
            isDomainError(error)
              ? refusal(error.code, error.message)
              : refusal('UNAUTHENTICATED', 'The token could not be checked.'),
          ),
      );
    });
  }

  async handleConnection(socket: LiveSocket): Promise<void> {
    const principal = socket.data.principal;
    this.observer.connected(socket, principal);
    switch (principal.kind) {
      case 'staff': {
        // The lobby manager and admins see every call-over: they sit in their own room.
        const lobby = principal.role === 'lobby-manager' || principal.role === 'admin';
        await socket.join([
          lobby ? rooms.lobby(principal.branch) : rooms.staff(principal.branch),
          rooms.user(principal.userId),
          rooms.session(principal.sessionId),
        ]);
        break;
      }
      case 'device':
        // A rating pad follows only its own counter: the requests made there and the calls that close them.
        await socket.join(
          principal.deviceKind === 'rating-pad' && principal.counterId
            ? rooms.counter(principal.counterId)
            : rooms.public(principal.branch),
        );
        break;
      case 'ticket':
        await socket.join([rooms.ticket(principal.ticketId), phonesOf(principal.branch)]);
        break;
    }
  }

  onModuleInit(): void {
    // An application context without HTTP (the customer import CLI) has no socket server: nobody to tell.
    if (!this.server) return;
    this.subscription = this.bus.batches$.subscribe((batch) => this.committedHere(batch));
    if (this.link.enabled) {
      this.stopListeningForLink = this.link.onRestored(() => void this.sweep());
      this.sweepTimer = setInterval(() => void this.sweep(), RELAY_SWEEP_MS);
      this.sweepTimer.unref();
      // Where each branch stands now: from here on, nothing committed by another instance is missed.
      void this.sweep();
    }
  }

  onModuleDestroy(): void {
    this.closing = true;
    this.subscription?.unsubscribe();
    this.stopListeningForLink?.();
    if (this.sweepTimer) clearInterval(this.sweepTimer);
  }

  /**
   * This instance is stopping (its HTTP requests are answered, their events delivered): every socket is
   * told `server.shutdown`, then its connection is closed once what it was sent is written. Closed by the
   * server's transport rather than by a socket.io disconnect, so that clients reconnect by themselves.
   */
  async announceShutdown(reconnectAfterMs: number): Promise<void> {
    if (!this.server) return;
    this.server.local.emit('server.shutdown', {
      type: 'server.shutdown',
      at: new Date().toISOString(),
      reconnectAfterMs,
    });
    const connections = [...this.server.sockets.sockets.values()].map((socket) => socket.conn);
    await Promise.all(
      connections.map(
        (connection) =>
          new Promise<void>((resolve) => {
            if (connection.readyState === 'closed') return resolve();
            connection.once('close', () => resolve());
            connection.close();
          }),
      ),
    );
  }

  /** A batch this instance committed: to the other instances, and to this one's sockets. */
  private committedHere(batch: CommittedBatch): void {
    if (this.link.enabled) this.server.serverSideEmit(RELAYED_BATCH, batch);
    this.receive(batch);
  }

  /** A committed batch, from this instance or another: notices at once, events in `seq` order. */
  private receive(batch: CommittedBatch): void {
    for (const notice of batch.notices) this.sendNotice(notice);
    void this.sequencer.accept(batch.branchId, batch.events);
  }

  /** Reads from the log whatever this instance missed while the link between instances was down. */
  private async sweep(): Promise<void> {
    try {
      const latest = await this.commands.read((manager) => lastSeqs(manager));
      const delivered = this.sequencer.lastDelivered();
      for (const [branchId, lastSeq] of latest) {
        if (lastSeq !== delivered.get(branchId)) await this.sequencer.catchUp(branchId, lastSeq);
      }
    } catch (error) {
      if (!this.closing) this.logger.warn(`Checking for missed events failed: ${String(error)}`);
    }
  }

  /** One branch's events, in `seq` order, to this instance's sockets; then its phones' positions. */
  private deliver(branchId: string, events: BranchEvent[]): void {
    for (const event of events) this.publishEvent(event);
    if (!this.server.sockets.adapter.rooms.has(phonesOf(branchId))) return;
    this.positions.afterBatch(branchId, events).then(
      (updates) => updates.forEach((update) => this.emit(rooms.ticket(update.ticket.id), update.type, update)),
      (error: unknown) => {
        if (!this.closing) this.logger.error(`Ticket positions of ${branchId} failed: ${String(error)}`);
      },
    );
  }

  private sendNotice(notice: RoomNotice): void {
    this.server.local.to(notice.room).emit(notice.event as keyof ClientEventMap, notice.payload as never);
    if (notice.disconnect) this.server.local.in(notice.room).disconnectSockets(true);
  }

  private publishEvent(event: BranchEvent): void {
    const staff = rooms.staff(event.branchId);
    const lobby = rooms.lobby(event.branchId);
    if (event.type === 'rm.callover' || event.type === 'referral.updated') {
      // A referral is for the RM it addresses (and the lobby manager); other staff get its envelope.
      const rm = rooms.user(event.referral.rm.id);
      this.server.local.to([lobby, rm]).emit(event.type, event as never);
      this.server.local
        .to(staff)
        .except(rm)
        .emit(event.type, envelopeOf(event) as never);
    } else {
      const audience = this.occupied([staff, lobby]);
      if (audience.length > 0) this.server.local.to(audience).emit(event.type, event as never);
    }
    const projected = publicEvent(event);
    this.emit(rooms.public(event.branchId), event.type, projected as never);
    if ('ticket' in projected) this.emit(rooms.ticket(projected.ticket.id), event.type, projected as never);
    const pad = padCounterOf(event);
    if (pad) this.emit(rooms.counter(pad), event.type, projected as never);
  }

  /**
   * The rooms among `names` with sockets on this instance. socket.io serialises a packet before it looks
   * for recipients, so an event sent to a room nobody is in still costs its JSON: with many branches most
   * staff, ticket and counter rooms are empty on any one instance.
   */
  private occupied(names: string[]): string[] {
    const local = this.server.sockets.adapter.rooms;
    return names.filter((name) => local.has(name));
  }

  /** The one way out: a typed event to one room, on this instance (every instance delivers its own). */
  private emit<K extends keyof ClientEventMap>(
    room: string,
    event: K,
    payload: Parameters<ClientEventMap[K]>[0],
  ): void {
    if (this.occupied([room]).length === 0) return;
    (this.server.local.to(room).emit as (event: K, payload: Parameters<ClientEventMap[K]>[0]) => boolean)(
      event,
      payload,
    );
  }
}

/**
 * The counter whose rating pad an event concerns: a rating request or answer made there, or a call there
 * (the next customer is coming, so the last visit's request closes).
 */
function padCounterOf(event: BranchEvent): string | null {
  if (event.type === 'ticket.rating.requested' || event.type === 'ticket.rated') {
    return event.ticket.rating?.counterId ?? null;
  }
  return event.type === 'ticket.called' ? event.ticket.counterId : null;
}

/** A handshake refusal: the client's `connect_error` carries the message and `data.code`. */
function refusal(code: string, message: string): Error & { data: { code: string } } {
  return Object.assign(new Error(message), { data: { code } });
}

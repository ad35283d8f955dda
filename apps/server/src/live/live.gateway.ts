import { Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { type OnGatewayConnection, type OnGatewayInit, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import { type BranchEvent, type ClientEventMap, rooms } from '@lobbyflow/contracts';
import { isDomainError } from '@lobbyflow/domain';
import type { Subscription } from 'rxjs';
import type { Server, Socket } from 'socket.io';
import { AuthService } from '../auth/auth.service';
import type { Principal } from '../auth/principal';
import { type CommittedBatch, EventBus } from '../commands/event-bus';
import { envelopeOf, publicEvent } from '../hall/projections';
import { TicketPositions } from './ticket-positions';

/** What a socket carries after the handshake. */
interface LiveSocketData {
  principal: Principal;
}
type LiveSocket = Socket<Record<string, never>, ClientEventMap, Record<string, never>, LiveSocketData>;
type LiveServer = Server<Record<string, never>, ClientEventMap, Record<string, never>, LiveSocketData>;

/**
 * The live hall over socket.io (design.md §2.4-2.5). Sockets push, HTTP commands: clients send nothing.
 * The handshake authenticates (`auth: {token}`: staff JWT, device key or ticket token) and a refused
 * socket never connects; an accepted one joins only the rooms its token allows. Committed batches from
 * the EventBus go out in `seq` order, projected per audience, through the one typed `emit` below.
 */
@WebSocketGateway({ path: '/socket.io', serveClient: false })
export class LiveGateway implements OnGatewayInit, OnGatewayConnection, OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('LiveGateway');
  private subscription?: Subscription;
  private closing = false;

  @WebSocketServer()
  private server!: LiveServer;

  constructor(
    private readonly auth: AuthService,
    private readonly bus: EventBus,
    private readonly positions: TicketPositions,
  ) {}

  afterInit(server: LiveServer): void {
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
        await socket.join(rooms.public(principal.branch));
        break;
      case 'ticket':
        await socket.join(rooms.ticket(principal.ticketId));
        break;
    }
  }

  onModuleInit(): void {
    this.subscription = this.bus.batches$.subscribe((batch) => this.publish(batch));
  }

  onModuleDestroy(): void {
    this.closing = true;
    this.subscription?.unsubscribe();
  }

  /** Whether a phone page follows any ticket through this server (no phone, no position queries). */
  private phonesConnected(): boolean {
    for (const room of this.server.sockets.adapter.rooms.keys()) if (room.startsWith('ticket:')) return true;
    return false;
  }

  private publish(batch: CommittedBatch): void {
    for (const event of batch.events) this.publishEvent(event);
    for (const notice of batch.notices) {
      this.server.to(notice.room).emit(notice.event as keyof ClientEventMap, notice.payload as never);
      if (notice.disconnect) this.server.in(notice.room).disconnectSockets(true);
    }
    if (batch.events.length > 0 && this.phonesConnected()) {
      this.positions.afterBatch(batch.branchId, batch.events).then(
        (updates) => updates.forEach((update) => this.emit(rooms.ticket(update.ticket.id), update.type, update)),
        (error: unknown) => {
          if (!this.closing) this.logger.error(`Ticket positions of ${batch.branchId} failed: ${String(error)}`);
        },
      );
    }
  }

  private publishEvent(event: BranchEvent): void {
    const staff = rooms.staff(event.branchId);
    const lobby = rooms.lobby(event.branchId);
    if (event.type === 'rm.callover' || event.type === 'referral.updated') {
      // A referral is for the RM it addresses (and the lobby manager); other staff get its envelope.
      const rm = rooms.user(event.referral.rm.id);
      this.server.to([lobby, rm]).emit(event.type, event as never);
      this.server
        .to(staff)
        .except(rm)
        .emit(event.type, envelopeOf(event) as never);
    } else {
      this.server.to([staff, lobby]).emit(event.type, event as never);
    }
    const projected = publicEvent(event);
    this.emit(rooms.public(event.branchId), event.type, projected as never);
    if ('ticket' in projected) this.emit(rooms.ticket(projected.ticket.id), event.type, projected as never);
  }

  /** The one way out: a typed event to one room. */
  private emit<K extends keyof ClientEventMap>(
    room: string,
    event: K,
    payload: Parameters<ClientEventMap[K]>[0],
  ): void {
    (this.server.to(room).emit as (event: K, payload: Parameters<ClientEventMap[K]>[0]) => boolean)(event, payload);
  }
}

/** A handshake refusal: the client's `connect_error` carries the message and `data.code`. */
function refusal(code: string, message: string): Error & { data: { code: string } } {
  return Object.assign(new Error(message), { data: { code } });
}

import { Injectable, Logger } from '@nestjs/common';
import type { Socket } from 'socket.io';
import { principalKey, type Principal } from '../auth/principal';
import { Metrics } from './metrics';
import { requestIdFrom } from './request-context';

/**
 * Counts and logs the live sockets: one line when a screen connects and one when it leaves, with an id of
 * the connection's own (the handshake's `X-Request-Id` when sane), the branch and the caller, and the
 * `lobbyflow_sockets_connected` gauge by kind. Screens connect a few times a day, so info level is cheap.
 */
@Injectable()
export class SocketObserver {
  private readonly logger = new Logger('LiveGateway');

  constructor(private readonly metrics: Metrics) {}

  /** A socket passed the handshake: counted and logged until it disconnects. */
  connected(socket: Socket, principal: Principal): void {
    const fields = {
      requestId: requestIdFrom(socket.handshake.headers['x-request-id']),
      branch: principal.branch,
      user: principalKey(principal),
      kind: principal.kind,
    };
    const since = performance.now();
    this.metrics.socketOpened(principal.kind);
    this.logger.log({ msg: 'socket connected', ...fields });
    socket.once('disconnect', (reason) => {
      this.metrics.socketClosed(principal.kind);
      this.logger.log({
        msg: 'socket disconnected',
        ...fields,
        reason,
        connectedSeconds: Math.round((performance.now() - since) / 1000),
      });
    });
  }
}

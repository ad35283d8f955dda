import type { IncomingMessage } from 'node:http';
import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { Server, ServerOptions } from 'socket.io';
import { originAllowed } from '../common/cors';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { ClusterLink } from './cluster-link';

/**
 * Nest's socket.io adapter, with the Redis adapter plugged in when the instance runs in a cluster
 * (NestJS's documented recipe for several instances). Without REDIS_URL it is plain IoAdapter.
 *
 * Browsers apply no CORS to WebSockets, so the handshake itself checks the page's origin: the server's
 * own and `CORS_ORIGINS` are accepted, any other site is refused before the socket opens (403).
 *
 * LobbyFlow's sockets carry no messages from the screens (commands go over HTTP), so no message handlers
 * are bound per socket: Nest's adapter would still keep a disconnect observable for each one, about 0.6 KB
 * of heap per screen for nothing (issue #10, memory per socket).
 */
export class ClusterIoAdapter extends IoAdapter {
  private readonly allowedOrigins: readonly string[];

  constructor(
    app: INestApplicationContext,
    private readonly link: ClusterLink,
  ) {
    super(app);
    this.allowedOrigins = app.get<AppConfig>(APP_CONFIG).corsOrigins;
  }

  override bindMessageHandlers(...binding: Parameters<IoAdapter['bindMessageHandlers']>): void {
    const [, handlers] = binding;
    if (handlers.length > 0) super.bindMessageHandlers(...binding);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const allowed = this.allowedOrigins;
    const server = super.createIOServer(port, {
      ...options,
      cors: { origin: allowed.length > 0 ? [...allowed] : false },
      allowRequest: (request: IncomingMessage, callback: (error: string | null, success: boolean) => void) =>
        callback(null, originAllowed(request.headers.origin, request.headers.host, allowed)),
    }) as Server;
    if (this.link.enabled) server.adapter(this.link.adapter());
    return server;
  }
}

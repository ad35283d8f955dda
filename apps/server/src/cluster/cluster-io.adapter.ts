import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { Server, ServerOptions } from 'socket.io';
import type { ClusterLink } from './cluster-link';

/**
 * Nest's socket.io adapter, with the Redis adapter plugged in when the instance runs in a cluster
 * (NestJS's documented recipe for several instances). Without REDIS_URL it is plain IoAdapter.
 */
export class ClusterIoAdapter extends IoAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly link: ClusterLink,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, options) as Server;
    if (this.link.enabled) server.adapter(this.link.adapter());
    return server;
  }
}

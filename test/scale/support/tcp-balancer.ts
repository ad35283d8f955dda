import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP load balancer in front of the server instances, as nginx or a cloud balancer would stand (HTTP
 * and the WebSocket upgrade pass through untouched). Each new connection goes to the first backend, in
 * `order`, that accepts it: the test decides where new clients land, and a dead backend is skipped as a
 * balancer's health check would.
 */
export class TcpBalancer {
  private readonly connections = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
    /** Backend ports, most preferred first. */
    public order: number[],
  ) {}

  static async start(order: number[]): Promise<TcpBalancer> {
    let balancer: TcpBalancer | null = null;
    const server = createServer((client) => balancer?.forward(client));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    balancer = new TcpBalancer(server, (server.address() as { port: number }).port, order);
    return balancer;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    for (const socket of this.connections) socket.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private forward(client: Socket, tried = 0): void {
    if (tried >= this.order.length) {
      client.destroy();
      return;
    }
    client.pause();
    let connected = false;
    const backend = connect(this.order[tried], '127.0.0.1');
    backend.once('connect', () => {
      connected = true;
      this.track(client);
      this.track(backend);
      client.pipe(backend).pipe(client);
      client.resume();
      // Either side closing closes the other: a killed instance drops its clients' connections.
      client.on('close', () => backend.destroy());
      backend.on('close', () => client.destroy());
      client.on('error', () => backend.destroy());
    });
    backend.on('error', () => {
      // Refused: the next backend. Failing later: the client's connection ends with it.
      if (!connected) this.forward(client, tried + 1);
      else client.destroy();
    });
  }

  private track(socket: Socket): void {
    this.connections.add(socket);
    socket.once('close', () => this.connections.delete(socket));
  }
}

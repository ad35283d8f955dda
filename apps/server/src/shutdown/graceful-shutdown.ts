import type { Server } from 'node:http';
import { type INestApplication, Logger } from '@nestjs/common';
import { LiveGateway } from '../live/live.gateway';
import { RequestDrain } from './request-drain';

/** The reconnect hint sockets get: about how long a restarted instance takes to answer again. */
export const RECONNECT_AFTER_MS = 3_000;

/**
 * Stops a server without losing or half-doing anything (issue #8). On SIGTERM (an orchestrator, systemd,
 * `docker stop`) or SIGINT (Ctrl-C):
 *
 * 1. the HTTP server stops accepting connections, and requests arriving on kept-alive ones get
 *    `503 SHUTTING_DOWN` before anything is read;
 * 2. the requests in flight are answered, so every branch command they started commits (or rolls back)
 *    and its caller hears which, and its events reach the sockets;
 * 3. every socket is told `server.shutdown` and closed, so screens reconnect quietly elsewhere or later;
 * 4. the application closes: scheduled jobs finish their run, the Redis link and the database close;
 * 5. the process exits 0. Past `timeoutMs` it exits 1 whatever is still running.
 */
export class GracefulShutdown {
  private readonly logger = new Logger('Shutdown');
  private stopping: Promise<number> | null = null;

  constructor(
    private readonly app: INestApplication,
    private readonly timeoutMs: number,
  ) {}

  /** Stops on the first SIGTERM or SIGINT, then exits with the stop's code. */
  listen(): void {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.on(signal, () => void this.stop(signal).then((code) => process.exit(code)));
    }
  }

  /** Resolves with the exit code: 0 once everything closed, 1 after a failure or the timeout. */
  stop(reason: string): Promise<number> {
    this.stopping ??= Promise.race([this.drainAndClose(reason), this.deadline()]);
    return this.stopping;
  }

  private async drainAndClose(reason: string): Promise<number> {
    const started = performance.now();
    this.logger.log({ msg: 'stopping', reason, timeoutMs: this.timeoutMs });
    try {
      const http = this.app.getHttpServer() as Server;
      http.close();
      http.closeIdleConnections();
      await this.app.get(RequestDrain).drain();
      http.closeIdleConnections();
      await this.app.get(LiveGateway).announceShutdown(RECONNECT_AFTER_MS);
      await this.app.close();
      this.logger.log({ msg: 'stopped', durationMs: Math.round(performance.now() - started) });
      return 0;
    } catch (error) {
      this.logger.error({ msg: 'stopping failed', error: String(error) });
      return 1;
    }
  }

  private deadline(): Promise<number> {
    return new Promise((resolve) => {
      setTimeout(() => {
        this.logger.error({ msg: 'stopping timed out; exiting with work unfinished', timeoutMs: this.timeoutMs });
        resolve(1);
      }, this.timeoutMs).unref();
    });
  }
}

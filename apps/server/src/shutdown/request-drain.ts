import { Injectable } from '@nestjs/common';
import type { ErrorBody } from '@lobbyflow/contracts';
import type { NextFunction, Request, Response } from 'express';

/** What a client should wait before trying again: another instance, or this one restarted, answers by then. */
const RETRY_AFTER_SECONDS = 2;

/**
 * Counts the HTTP requests in flight and, once the server is stopping, refuses new ones: a request that
 * arrives on a kept-alive connection after SIGTERM gets `503 SHUTTING_DOWN` (with `Connection: close`)
 * before anything is read or written, so it is either answered in full or not started at all.
 */
@Injectable()
export class RequestDrain {
  private inFlight = 0;
  private draining = false;
  private idleListeners: (() => void)[] = [];

  /** The middleware; mounted right after the request context, before any body is parsed. */
  readonly middleware = (_request: Request, response: Response, next: NextFunction): void => {
    if (this.draining) {
      refuse(response);
      return;
    }
    this.inFlight += 1;
    response.once('close', () => {
      this.inFlight -= 1;
      if (this.inFlight === 0) this.notifyIdle();
    });
    next();
  };

  /** From now on new requests are refused; resolves when every request in flight has been answered. */
  drain(): Promise<void> {
    this.draining = true;
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleListeners.push(resolve));
  }

  private notifyIdle(): void {
    if (!this.draining) return;
    const listeners = this.idleListeners;
    this.idleListeners = [];
    for (const listener of listeners) listener();
  }
}

function refuse(response: Response): void {
  const body: ErrorBody = {
    statusCode: 503,
    code: 'SHUTTING_DOWN',
    message: 'This server is restarting; please try again in a moment.',
  };
  response.setHeader('Connection', 'close');
  response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
  response.status(503).json(body);
}

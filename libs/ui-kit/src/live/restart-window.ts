import type { ServerShutdownEvent } from '@lobbyflow/contracts';

/** How long beyond the server's hint a screen keeps waiting quietly before it admits it is offline. */
export const RESTART_GRACE_MS = 15_000;

/**
 * Remembers a restart the server announced (`server.shutdown`, sent before a deploy or a restart closes the
 * socket). Until the window passes, a lost connection is expected: the screen shows "connecting", not an
 * offline alarm, while socket.io reconnects by itself (to another instance, or to this one once it is back).
 */
export class RestartWindow {
  private until = 0;

  constructor(private readonly now: () => number = Date.now) {}

  announced(event: ServerShutdownEvent): void {
    this.until = this.now() + event.reconnectAfterMs + RESTART_GRACE_MS;
  }

  /** The status a lost or refused-by-network connection shows now. */
  lostStatus(): 'connecting' | 'offline' {
    return this.now() < this.until ? 'connecting' : 'offline';
  }
}

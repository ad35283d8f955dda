import type { StaffingHint } from '@lobbyflow/contracts';
import type { LiveHallController, StaffApi } from '@lobbyflow/ui-kit';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A burst of hall events (a kiosk rush, a counter calling) reads the hints once, this long after the last. */
const DEBOUNCE_MS = 1500;
/**
 * Read again at least this often: a queue becomes quiet (a counter could pause) with time alone, when no
 * event comes to say so.
 */
const REFRESH_MS = 60_000;

/**
 * The lobby's staffing hints (`GET /api/branches/:branchId/staffing-hints`: open a counter when a queue
 * breaks the service level, pause one when its queues are quiet), read when the lobby opens, again after
 * hall changes (debounced) and once a minute. A failed read keeps the last hints: they are advice.
 */
export class StaffingHintsController implements ReactiveController {
  hints: StaffingHint[] = [];

  private unsubscribe: (() => void) | null = null;
  private debounce?: ReturnType<typeof setTimeout>;
  private refresh?: ReturnType<typeof setInterval>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly api: StaffApi,
    private readonly branchId: string,
    private readonly live: LiveHallController,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.unsubscribe ??= this.live.onChange(() => this.schedule());
    this.refresh ??= setInterval(() => void this.read(), REFRESH_MS);
    void this.read();
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    clearTimeout(this.debounce);
    clearInterval(this.refresh);
    this.refresh = undefined;
  }

  private schedule(): void {
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => void this.read(), DEBOUNCE_MS);
  }

  private async read(): Promise<void> {
    try {
      this.hints = await this.api.staffingHints(this.branchId);
      this.host.requestUpdate();
    } catch {
      // Advice only: the lobby keeps the last hints and reads again after the next change.
    }
  }
}

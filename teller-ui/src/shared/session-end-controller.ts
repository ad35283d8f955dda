import type { LiveHallController } from '@lobbyflow/ui-kit';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SessionEndedDetail } from '../app/staff-app';

/** Refusals of the live connection that mean the session is over (expired, counter taken over, ended by an admin). */
const ENDED = new Set(['UNAUTHENTICATED', 'SESSION_REPLACED', 'SESSION_ENDED']);

/**
 * Tells the console (`lf-session-ended`, once) when the server refuses a screen's live connection because
 * its session is over, so that the sign-in comes back over the screen. HTTP refusals reach the console
 * through StaffApi; this covers a screen that is only listening when it happens.
 */
export class SessionEndController implements ReactiveController {
  private reported = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly live: () => LiveHallController | null,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const live = this.live();
    const code = live?.error?.code;
    if (this.reported || !live || !code || !ENDED.has(code)) return;
    this.reported = true;
    const detail: SessionEndedDetail = {
      code,
      ...(live.replaced ? { replaced: live.replaced } : {}),
      ...(live.ended ? { endedBecause: live.ended.reason } : {}),
    };
    this.host.dispatchEvent(new CustomEvent('lf-session-ended', { detail, bubbles: true, composed: true }));
  }
}

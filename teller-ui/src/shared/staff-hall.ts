import { LiveHallController, type ServerClock } from '@lobbyflow/ui-kit';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { StaffSession } from '../app/session';

/**
 * The live hall of a signed-in staff screen (teller, lobby manager, RM): one socket with the session's
 * token, the server clock kept in step with every change, and `onHall` run on each change.
 */
export function openStaffHall(
  host: ReactiveControllerHost,
  session: StaffSession,
  clock: ServerClock,
  onHall: () => void = () => {},
): LiveHallController {
  const live = new LiveHallController(host, {
    baseUrl: '',
    branchId: session.user.branchId,
    token: () => session.token,
  });
  live.onChange((hall) => {
    clock.observe(hall.at);
    onHall();
  });
  return live;
}

/** Re-renders its host every second while it is on the page: countdowns and "waiting for" times move. */
export class SecondTicker implements ReactiveController {
  private timer?: ReturnType<typeof setInterval>;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.timer = setInterval(() => this.host.requestUpdate(), 1000);
  }

  hostDisconnected(): void {
    clearInterval(this.timer);
  }
}

import type { BranchSettingsView, ServiceView } from '@lobbyflow/contracts';
import type { LiveHallController, StaffApi } from '@lobbyflow/ui-kit';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * A staff view's copy of the branch's settings and business types: read once the hall is live (and
 * again after a reconnect if that failed), and again whenever an admin changes the branch
 * (`branch.configured`), so that a new service level or pause reason shows without a reload.
 */
export class BranchConfig implements ReactiveController {
  settings: BranchSettingsView | null = null;
  services: ServiceView[] = [];
  /** Only the latest read is kept: an older answer arriving late never replaces a newer one. */
  private reads = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly api: StaffApi,
    private readonly branchId: string,
  ) {
    host.addController(this);
  }

  /** Follows the hall: the first change reads the configuration, an admin's change reads it again. */
  follow(live: LiveHallController): void {
    live.onChange(() => {
      if (!this.settings) void this.load();
    });
    live.onEvent((event) => {
      if (event.type === 'branch.configured') void this.load();
    });
  }

  private async load(): Promise<void> {
    const read = ++this.reads;
    const [settings, services] = await Promise.all([
      this.api.settings(this.branchId).catch(() => null),
      this.api.services(this.branchId).catch(() => null),
    ]);
    if (read !== this.reads) return;
    // A failed read keeps what the screen had (a reconnect reads again while nothing is held).
    this.settings = settings ?? this.settings;
    this.services = services ?? this.services;
    this.host.requestUpdate();
  }

  hostConnected(): void {}
}

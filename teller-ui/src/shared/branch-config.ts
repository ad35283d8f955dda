import type { BranchSettingsView, ConfigArea, ServiceView } from '@lobbyflow/contracts';
import { configures, type LiveHallController, type StaffApi } from '@lobbyflow/ui-kit';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What an admin changes that these views show: the settings (with the identification signals) and the business types. */
const SHOWN: ReadonlySet<ConfigArea> = new Set<ConfigArea>(['settings', 'business-types', 'rules']);

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
  private loading = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly api: StaffApi,
    private readonly branchId: string,
  ) {
    host.addController(this);
  }

  /**
   * Follows the hall: every fresh snapshot (the first, one after a long outage) reads the configuration,
   * as does an admin's change of what these views show; a failed read is tried again on the next change.
   */
  follow(live: LiveHallController): void {
    live.onSnapshot(() => void this.load());
    live.onEvent((event) => {
      if (configures(event, SHOWN)) void this.load();
    });
    live.onChange(() => {
      if (!this.settings && !this.loading) void this.load();
    });
  }

  private async load(): Promise<void> {
    const read = ++this.reads;
    this.loading = true;
    const [settings, services] = await Promise.all([
      this.api.settings(this.branchId).catch(() => null),
      this.api.services(this.branchId).catch(() => null),
    ]);
    if (read !== this.reads) return;
    this.loading = false;
    // A failed read keeps what the screen had (with nothing held, the next change of the hall reads again).
    this.settings = settings ?? this.settings;
    this.services = services ?? this.services;
    this.host.requestUpdate();
  }

  hostConnected(): void {}
}

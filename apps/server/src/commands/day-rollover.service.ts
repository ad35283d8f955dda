import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { businessDayOf } from '@lobbyflow/domain';
import { BranchEntity } from '../branches/branch.entity';
import { Clock } from '../common/clock';
import { BranchCommands } from './branch-commands';

/** How often the server looks for branches whose business day has ended. */
export const ROLLOVER_CHECK_MS = 15_000;

/**
 * Closes a branch's business day soon after its local day boundary even when nobody issues or calls a
 * ticket: an empty command runs the day-start handlers (expiring yesterday's tickets), so screens stop
 * showing yesterday's queue. Any command after the boundary does the same first, so this is only for
 * quiet branches.
 */
@Injectable()
export class DayRolloverService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DayRollover');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly commands: BranchCommands,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.rollOverDueBranches(), ROLLOVER_CHECK_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Runs the day start for every branch whose stored business day is behind its local date. */
  async rollOverDueBranches(): Promise<string[]> {
    const branches = await this.commands.read((manager) =>
      manager.find(BranchEntity, {
        select: { id: true, code: true, timeZone: true, dayStartsAt: true, businessDay: true },
      }),
    );
    const now = this.clock.now();
    const due = branches.filter(
      (branch) => businessDayOf(now, branch.timeZone, branch.dayStartsAt) > branch.businessDay,
    );
    for (const branch of due) {
      try {
        await this.commands.run(branch.code, async () => undefined);
      } catch (error) {
        this.logger.error(`Day rollover of branch ${branch.code} failed: ${String(error)}`);
      }
    }
    return due.map((branch) => branch.code);
  }
}

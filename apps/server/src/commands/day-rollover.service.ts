import { Injectable, Logger } from '@nestjs/common';
import { businessDayOf } from '@lobbyflow/domain';
import { BranchEntity } from '../branches/branch.entity';
import { ScheduledJobs } from '../cluster/scheduled-jobs';
import { Clock } from '../common/clock';
import { BranchCommands } from './branch-commands';

/** How often the servers (one of them, whichever claims the turn) look for branches whose day has ended. */
export const ROLLOVER_CHECK_MS = 15_000;

/**
 * Closes a branch's business day soon after its local day boundary even when nobody issues or calls a
 * ticket: an empty command runs the day-start handlers (expiring yesterday's tickets), so screens stop
 * showing yesterday's queue. Any command after the boundary does the same first, so this is only for
 * quiet branches. With several instances the check runs on one of them at a time (ScheduledJobs).
 */
@Injectable()
export class DayRolloverService {
  private readonly logger = new Logger('DayRollover');

  constructor(
    private readonly commands: BranchCommands,
    private readonly clock: Clock,
    jobs: ScheduledJobs,
  ) {
    jobs.every('day-rollover', ROLLOVER_CHECK_MS, () => this.rollOverDueBranches());
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

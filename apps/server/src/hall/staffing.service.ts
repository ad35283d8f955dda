import { Injectable } from '@nestjs/common';
import type { StaffingHint } from '@lobbyflow/contracts';
import { QUIET_MINUTES_BEFORE_PAUSE, staffingHints } from '@lobbyflow/domain';
import { branchByCode } from '../branches/branch-by-code';
import { BranchConfig } from '../branches/branch-config';
import { BranchCommands } from '../commands/branch-commands';
import { Clock } from '../common/clock';
import { isSeatHeld } from '../counters/seats';
import { TicketEntity } from '../tickets/ticket.entity';
import { HallFigures } from './hall-figures';

/** Staffing suggestions for the lobby manager, from the predicted waits and how quiet each queue is. */
@Injectable()
export class StaffingService {
  constructor(
    private readonly commands: BranchCommands,
    private readonly clock: Clock,
  ) {}

  async hints(branchCode: string): Promise<StaffingHint[]> {
    return this.commands.read(async (manager) => {
      const branch = await branchByCode(manager, branchCode);
      const config = await BranchConfig.load(manager, branch);
      const now = this.clock.now();
      const figures = await HallFigures.asOfLastChange(manager, config, now);
      const today = await manager.find(TicketEntity, {
        where: { branchId: branch.id, businessDay: branch.businessDay },
        select: { id: true, queue: true, queuedAt: true, status: true, counterId: true },
      });
      const lastJoined = (queue: string) =>
        today
          .filter((ticket) => ticket.queue === queue)
          .reduce((last, ticket) => Math.max(last, ticket.queuedAt.getTime()), -Infinity);
      const busy = new Set(
        today
          .filter((ticket) => ticket.status === 'called' || ticket.status === 'serving')
          .map((ticket) => ticket.counterId),
      );
      return staffingHints(
        figures.allQueueViews().map((queue) => {
          const last = lastJoined(queue.code);
          return {
            code: queue.code,
            name: queue.name,
            waiting: queue.waiting,
            estimatedWaitMinutes: queue.estimatedWaitMinutes,
            quietMinutes: Number.isFinite(last) ? Math.floor((now.getTime() - last) / 60_000) : null,
          };
        }),
        config.counters.map((counter) => ({
          code: counter.code,
          name: counter.name,
          status: counter.status,
          staffed: isSeatHeld(counter, now),
          busy: busy.has(counter.id),
          queues: counter.queues,
        })),
        {
          serviceLevelMinutes: branch.settings.serviceLevelMinutes,
          quietMinutesBeforePause: QUIET_MINUTES_BEFORE_PAUSE,
        },
      );
    });
  }
}

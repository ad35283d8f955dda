import { Injectable } from '@nestjs/common';
import type { BranchSettingsView } from '@lobbyflow/contracts';
import { DEFAULT_FOLLOW_UP } from '@lobbyflow/domain';
import { branchByCode } from '../branches/branch-by-code';
import { BranchCommands } from '../commands/branch-commands';

/**
 * The branch rules staff screens follow (recall delay, pause reasons, service level, identification, the
 * follow-up cadence the RM grades by).
 */
@Injectable()
export class BranchSettingsService {
  constructor(private readonly commands: BranchCommands) {}

  async settings(branchCode: string): Promise<BranchSettingsView> {
    return this.commands.read(async (manager) => {
      const branch = await branchByCode(manager, branchCode);
      const { lifecycle, serviceLevelMinutes, pauseReasons, callover, identification, tierLadders, followUp } =
        branch.settings;
      return {
        branchId: branch.code,
        serviceLevelMinutes,
        lifecycle: {
          recallDelaySeconds: lifecycle.recallDelaySeconds,
          noShowAfterRecalls: lifecycle.noShowAfterRecalls,
          returnHoldSeconds: lifecycle.returnHoldSeconds,
        },
        pauseReasons: pauseReasons.map(({ code, name }) => ({ code, name })),
        calloverAnswerSeconds: callover.answerSeconds,
        identification,
        tierLadders,
        followUp: followUp ?? DEFAULT_FOLLOW_UP,
      };
    });
  }
}

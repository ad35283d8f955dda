import { Injectable } from '@nestjs/common';
import type { AdminSettingsPatch, AdminSettingsView, RuleProblem } from '@lobbyflow/contracts';
import { dayBoundaryChangeRefusal, thresholdUses, validateBranchIdentity, validateHallRules } from '@lobbyflow/domain';
import type { StaffPrincipal } from '../auth/principal';
import { BranchEntity } from '../branches/branch.entity';
import { branchByCode } from '../branches/branch-by-code';
import { BranchConfig } from '../branches/branch-config';
import { BranchCommands } from '../commands/branch-commands';
import { TicketEntity } from '../tickets/ticket.entity';
import { recordAdminChange } from './admin-audit';
import { adminSettingsView } from './admin-views';
import { refuseIfAny } from './refusals';

type EditableSettings = Omit<AdminSettingsView, 'branchId' | 'businessDay'>;

/**
 * The branch-wide settings: name, time zone and day start, diversion thresholds, service level,
 * lifecycle, call policy, pause reasons, call-over answer time, follow-up cadence and rating window. The hall reads them
 * inside every command, so a change applies to the very next triage, call or recall.
 */
@Injectable()
export class AdminSettingsService {
  constructor(private readonly commands: BranchCommands) {}

  async settings(branchCode: string): Promise<AdminSettingsView> {
    return this.commands.read(async (manager) => {
      const branch = await branchByCode(manager, branchCode);
      return adminSettingsView(branch);
    });
  }

  /**
   * Applies the fields sent, each replacing that setting whole, after checking the result whole: the
   * settings themselves (CONFIG_INVALID), a threshold a diversion table still names or a pause reason a
   * paused counter gives (CONFIG_IN_USE), and a new time zone or day start that would end today's
   * business day mid-day (DAY_BOUNDARY_CONFLICT, see `dayBoundaryChangeRefusal`).
   */
  async update(branchCode: string, actor: StaffPrincipal, patch: AdminSettingsPatch): Promise<AdminSettingsView> {
    return this.commands.run(branchCode, async (tx) => {
      const { manager, branch } = tx;
      const before = adminSettingsView(branch);
      const next: EditableSettings = { ...editable(before), ...sentFields(patch) };

      refuseIfAny('CONFIG_INVALID', [...validateBranchIdentity(next), ...validateHallRules(next)]);
      const config = await BranchConfig.load(manager, branch);
      refuseIfAny('CONFIG_IN_USE', [...thresholdsStillUsed(config, next), ...pauseReasonsStillUsed(config, next)]);
      if (next.timeZone !== branch.timeZone || next.dayStartsAt !== branch.dayStartsAt) {
        const ticketsToday = await manager.count(TicketEntity, {
          where: { branchId: branch.id, businessDay: branch.businessDay },
        });
        const refusal = dayBoundaryChangeRefusal(tx.now, branch.businessDay, next, ticketsToday);
        if (refusal) {
          const changed = (['timeZone', 'dayStartsAt'] as const).filter((field) => next[field] !== before[field]);
          refuseIfAny(
            'DAY_BOUNDARY_CONFLICT',
            changed.map((path) => ({ path, message: refusal })),
          );
        }
      }

      branch.name = next.name;
      branch.timeZone = next.timeZone;
      branch.dayStartsAt = next.dayStartsAt;
      branch.settings = {
        ...branch.settings,
        thresholds: next.thresholds,
        serviceLevelMinutes: next.serviceLevelMinutes,
        lifecycle: next.lifecycle,
        callPolicy: next.callPolicy,
        pauseReasons: next.pauseReasons,
        callover: { ...branch.settings.callover, answerSeconds: next.callover.answerSeconds },
        followUp: next.followUp,
        rating: next.rating,
      };
      const after = adminSettingsView(branch);
      if (JSON.stringify(after) === JSON.stringify(before)) return after;
      await manager.update(
        BranchEntity,
        { id: branch.id },
        { name: branch.name, timeZone: branch.timeZone, dayStartsAt: branch.dayStartsAt, settings: branch.settings },
      );
      await recordAdminChange(tx, actor, {
        action: 'settings.update',
        subjectId: branch.id,
        subject: `branch ${branch.code}`,
        before: editable(before),
        after: editable(after),
      });
      return after;
    });
  }
}

function editable(view: AdminSettingsView): EditableSettings {
  const { branchId: _branchId, businessDay: _businessDay, ...settings } = view;
  return settings;
}

/** The fields a PATCH carries, copied as plain data (the DTO's nested class instances become objects). */
function sentFields(patch: AdminSettingsPatch): Partial<EditableSettings> {
  const sent = Object.entries(patch).filter(([, value]) => value !== undefined);
  return JSON.parse(JSON.stringify(Object.fromEntries(sent))) as Partial<EditableSettings>;
}

/** A threshold the diversion table of an active business type names may not disappear. */
function thresholdsStillUsed(config: BranchConfig, next: EditableSettings): RuleProblem[] {
  const active = config.businessTypes.filter((type) => type.active);
  return thresholdUses(active)
    .filter((use) => !(use.threshold in next.thresholds))
    .map((use) => ({
      path: `thresholds.${use.threshold}`,
      message: `is used by business type "${use.businessType}" (${use.path}); change its diversion table first`,
    }));
}

/** A counter paused for a reason keeps that reason until it resumes. */
function pauseReasonsStillUsed(config: BranchConfig, next: EditableSettings): RuleProblem[] {
  const codes = new Set(next.pauseReasons.map((reason) => reason.code));
  return config.counters
    .filter((counter) => counter.status === 'paused' && counter.pauseReason && !codes.has(counter.pauseReason))
    .map((counter) => ({
      path: 'pauseReasons',
      message: `counter ${counter.code} is paused for "${counter.pauseReason}"; keep that reason until it resumes`,
    }));
}

import { Injectable } from '@nestjs/common';
import type {
  IdentificationRules,
  RuleProblem,
  TierCondition,
  TierLadder,
  TierLaddersView,
} from '@lobbyflow/contracts';
import { DomainError, missingSignals, validateIdentificationRules, validateLadder } from '@lobbyflow/domain';
import { recordAdminChange } from '../admin/admin-audit';
import type { StaffPrincipal } from '../auth/principal';
import { BranchEntity } from '../branches/branch.entity';
import { branchByCode } from '../branches/branch-by-code';
import { BusinessTypeEntity } from '../branches/business-type.entity';
import { BranchCommands } from '../commands/branch-commands';
import type { IdentificationRulesDto } from './dto/identification-rules.dto';
import type { TierConditionDto, TierLadderDto } from './dto/tier-ladder.dto';

/** Branch rules an admin edits through the API (design.md §2.2: rules are data). */
@Injectable()
export class RulesService {
  constructor(private readonly commands: BranchCommands) {}

  async identification(branchCode: string): Promise<IdentificationRules> {
    return this.commands.read(async (manager) => {
      const branch = await branchByCode(manager, branchCode);
      return branch.settings.identification;
    });
  }

  /**
   * Replaces the identification rules with a new version (the old version + 1). Refused whole, with
   * every problem listed, when the rules are inconsistent or leave a signal of the diversion table
   * undefined; the next evaluation uses the new version and records it.
   */
  async replaceIdentification(
    branchCode: string,
    actor: StaffPrincipal,
    dto: IdentificationRulesDto,
  ): Promise<IdentificationRules> {
    return this.commands.run(branchCode, async (tx) => {
      const { manager, branch } = tx;
      refuseIfMovedOn(branch.settings.identification.version, dto.basedOnVersion);
      const rules: IdentificationRules = {
        version: branch.settings.identification.version + 1,
        potentialVipScore: dto.potentialVipScore,
        vipTiers: dto.vipTiers,
        signals: dto.signals.map(({ code, stage, weight, group, reason }) => ({
          code,
          stage,
          weight,
          ...(group ? { group } : {}),
          reason: { zh: reason.zh, en: reason.en },
        })),
      };
      const businessTypes = await manager.find(BusinessTypeEntity, { where: { branchId: branch.id } });
      const problems = [
        ...validateIdentificationRules(rules),
        ...missingSignals(rules, businessTypes).map((code) => ({
          path: 'signals',
          message: `no rule for the signal "${code}" that a business type raises`,
        })),
      ];
      if (problems.length > 0) {
        throw new DomainError(
          'RULES_INVALID',
          `The rules were not changed: ${problems.map((problem) => `${problem.path}: ${problem.message}`).join('; ')}.`,
          { problems },
        );
      }
      const before = branch.settings.identification;
      // Saving the rules in force changes nothing: no new version, nothing to audit or announce.
      if (JSON.stringify({ ...before, version: 0 }) === JSON.stringify({ ...rules, version: 0 })) return before;
      branch.settings = { ...branch.settings, identification: rules };
      await manager.update(BranchEntity, { id: branch.id }, { settings: branch.settings });
      await recordAdminChange(tx, actor, {
        action: 'rules.identification',
        subjectId: branch.id,
        subject: `identification rules v${before.version} → v${rules.version}`,
        before: { ...before, version: undefined },
        after: { ...rules, version: undefined },
      });
      return rules;
    });
  }

  async ladders(branchCode: string): Promise<TierLaddersView> {
    return this.commands.read(async (manager) => {
      const branch = await branchByCode(manager, branchCode);
      return { version: branch.settings.identification.version, ladders: branch.settings.tierLadders };
    });
  }

  /**
   * Replaces one tier ladder (or adds it under a new code). A ladder decides who is a VIP, so an edit is
   * a rule change: refused whole when the ladder is inconsistent, when a rung code is used by another
   * ladder, or when a VIP tier of the identification rules would no longer exist; else the rules'
   * version goes up and the next evaluation records it.
   */
  async replaceLadder(
    branchCode: string,
    actor: StaffPrincipal,
    code: string,
    dto: TierLadderDto,
  ): Promise<TierLaddersView> {
    return this.commands.run(branchCode, async (tx) => {
      const { manager, branch } = tx;
      refuseIfMovedOn(branch.settings.identification.version, dto.basedOnVersion);
      const ladder: TierLadder = {
        code,
        name: { zh: dto.name.zh, en: dto.name.en },
        rungs: dto.rungs.map((rung) => ({
          code: rung.code,
          name: { zh: rung.name.zh, en: rung.name.en },
          anyOf: rung.anyOf.map(conditionOf),
        })),
      };
      const others = branch.settings.tierLadders.filter((existing) => existing.code !== code);
      const ladders = branch.settings.tierLadders.some((existing) => existing.code === code)
        ? branch.settings.tierLadders.map((existing) => (existing.code === code ? ladder : existing))
        : [...branch.settings.tierLadders, ladder];
      const problems: RuleProblem[] = [...validateLadder(ladder)];
      const taken = new Set(others.flatMap((other) => other.rungs.map((rung) => rung.code)));
      ladder.rungs.forEach((rung, index) => {
        if (taken.has(rung.code)) {
          problems.push({ path: `rungs[${index}].code`, message: `tier "${rung.code}" is a rung of another ladder` });
        }
      });
      const tiers = new Set(ladders.flatMap((each) => each.rungs.map((rung) => rung.code)));
      for (const vipTier of branch.settings.identification.vipTiers) {
        if (!tiers.has(vipTier)) {
          problems.push({
            path: 'rungs',
            message: `the VIP tier "${vipTier}" of the identification rules would be gone`,
          });
        }
      }
      if (problems.length > 0) {
        throw new DomainError(
          'RULES_INVALID',
          `The ladder was not changed: ${problems.map((problem) => `${problem.path}: ${problem.message}`).join('; ')}.`,
          { problems },
        );
      }
      const before = branch.settings.tierLadders.find((existing) => existing.code === code) ?? null;
      if (before && JSON.stringify(before) === JSON.stringify(ladder)) {
        return { version: branch.settings.identification.version, ladders: branch.settings.tierLadders };
      }
      const identification = { ...branch.settings.identification, version: branch.settings.identification.version + 1 };
      branch.settings = { ...branch.settings, tierLadders: ladders, identification };
      await manager.update(BranchEntity, { id: branch.id }, { settings: branch.settings });
      await recordAdminChange(tx, actor, {
        action: 'rules.ladder',
        subjectId: branch.id,
        subject: `tier ladder ${code} (rules v${identification.version})`,
        before,
        after: ladder,
      });
      return { version: identification.version, ladders };
    });
  }
}

/** An edit made on an older version of the rules would undo a change its author never saw: refused. */
function refuseIfMovedOn(current: number, basedOn: number | undefined): void {
  if (basedOn === undefined || basedOn === current) return;
  throw new DomainError(
    'RULES_CHANGED',
    `The rules are at version ${current} now, not ${basedOn} as when you opened them; reload and make your change again.`,
    { version: current },
  );
}

/** A submitted line with only the bounds it states (the DTO leaves absent ones undefined). */
function conditionOf(condition: TierConditionDto): TierCondition {
  if (condition.metric === 'cardLevel') return { metric: 'cardLevel', oneOf: condition.oneOf ?? [] };
  const { metric, atLeast, above, below } = condition;
  return {
    metric,
    ...(atLeast !== undefined ? { atLeast } : {}),
    ...(above !== undefined ? { above } : {}),
    ...(below !== undefined ? { below } : {}),
  } as TierCondition;
}

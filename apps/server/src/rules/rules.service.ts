import { Injectable } from '@nestjs/common';
import type { IdentificationRules } from '@lobbyflow/contracts';
import { DomainError, validateIdentificationRules } from '@lobbyflow/domain';
import { BranchEntity } from '../branches/branch.entity';
import { BusinessTypeEntity } from '../branches/business-type.entity';
import { BranchCommands } from '../commands/branch-commands';
import { missingSignals } from '../seed/seed-file';
import type { IdentificationRulesDto } from './dto/identification-rules.dto';

/** Branch rules an admin edits through the API (design.md §2.2: rules are data). */
@Injectable()
export class RulesService {
  constructor(private readonly commands: BranchCommands) {}

  async identification(branchCode: string): Promise<IdentificationRules> {
    return this.commands.read(async (manager) => {
      const branch = await manager.findOne(BranchEntity, { where: { code: branchCode } });
      if (!branch) throw new DomainError('BRANCH_NOT_FOUND', `There is no branch with code "${branchCode}".`);
      return branch.settings.identification;
    });
  }

  /**
   * Replaces the identification rules with a new version (the old version + 1). Refused whole, with
   * every problem listed, when the rules are inconsistent or leave a signal of the diversion table
   * undefined; the next evaluation uses the new version and records it.
   */
  async replaceIdentification(branchCode: string, dto: IdentificationRulesDto): Promise<IdentificationRules> {
    return this.commands.run(branchCode, async ({ manager, branch }) => {
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
      branch.settings = { ...branch.settings, identification: rules };
      await manager.update(BranchEntity, { id: branch.id }, { settings: branch.settings });
      return rules;
    });
  }
}

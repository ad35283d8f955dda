import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { IdentificationRules, TierLaddersView } from '@lobbyflow/contracts';
import { Allow, CurrentPrincipal } from '../auth/allow.decorator';
import type { StaffPrincipal } from '../auth/principal';
import { codeParam } from '../common/params';
import { IdentificationRulesDto } from './dto/identification-rules.dto';
import { TierLadderDto } from './dto/tier-ladder.dto';
import { RulesService } from './rules.service';

@ApiTags('rules')
@Controller('branches/:branchId/rules')
export class RulesController {
  constructor(private readonly rules: RulesService) {}

  /** The identification rules in force, with their version. */
  @Get('identification')
  @Allow('admin', 'lobby-manager')
  identification(@Param('branchId') branchId: string): Promise<IdentificationRules> {
    return this.rules.identification(branchId);
  }

  /** Replaces the identification rules: weights, the potential-VIP score, VIP tiers; the version goes up. */
  @Put('identification')
  @Allow('admin')
  replaceIdentification(
    @Param('branchId') branchId: string,
    @Body() body: IdentificationRulesDto,
    @CurrentPrincipal() principal: StaffPrincipal,
  ): Promise<IdentificationRules> {
    return this.rules.replaceIdentification(branchId, principal, body);
  }

  /** The tier ladders (assets, card level, star points...) with the rule version they belong to. */
  @Get('ladders')
  @Allow('admin', 'lobby-manager')
  ladders(@Param('branchId') branchId: string): Promise<TierLaddersView> {
    return this.rules.ladders(branchId);
  }

  /** Replaces or adds one tier ladder; the identification rules' version goes up. */
  @Put('ladders/:code')
  @Allow('admin')
  replaceLadder(
    @Param('branchId') branchId: string,
    @Param('code', codeParam('code')) code: string,
    @Body() body: TierLadderDto,
    @CurrentPrincipal() principal: StaffPrincipal,
  ): Promise<TierLaddersView> {
    return this.rules.replaceLadder(branchId, principal, code, body);
  }
}

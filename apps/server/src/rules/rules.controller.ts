import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { IdentificationRules } from '@lobbyflow/contracts';
import { Allow } from '../auth/allow.decorator';
import { IdentificationRulesDto } from './dto/identification-rules.dto';
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
  ): Promise<IdentificationRules> {
    return this.rules.replaceIdentification(branchId, body);
  }
}

import { Body, Controller, Get, Param, Patch } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AdminSettingsView } from '@lobbyflow/contracts';
import { Allow, CurrentPrincipal } from '../auth/allow.decorator';
import type { StaffPrincipal } from '../auth/principal';
import { AdminSettingsService } from './admin-settings.service';
import { UpdateSettingsDto } from './dto/settings.dto';

@ApiTags('admin')
@Controller('branches/:branchId/admin/settings')
export class AdminSettingsController {
  constructor(private readonly settings: AdminSettingsService) {}

  /** Name, time zone, day start, thresholds, service level, lifecycle, call policy, pause reasons, follow-up. */
  @Get()
  @Allow('admin', 'lobby-manager')
  get(@Param('branchId') branchId: string): Promise<AdminSettingsView> {
    return this.settings.settings(branchId);
  }

  /**
   * Changes any of the settings; each field sent replaces that setting whole. Refused whole with
   * `details.problems` (CONFIG_INVALID, CONFIG_IN_USE, DAY_BOUNDARY_CONFLICT); applies to the next command.
   */
  @Patch()
  @Allow('admin')
  update(
    @Param('branchId') branchId: string,
    @Body() body: UpdateSettingsDto,
    @CurrentPrincipal() principal: StaffPrincipal,
  ): Promise<AdminSettingsView> {
    return this.settings.update(branchId, principal, body);
  }
}

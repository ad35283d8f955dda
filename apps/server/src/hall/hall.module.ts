import { Module } from '@nestjs/common';
import { BranchSettingsService } from './branch-settings.service';
import { HallController } from './hall.controller';
import { HallService } from './hall.service';
import { StaffingService } from './staffing.service';

@Module({
  controllers: [HallController],
  providers: [HallService, BranchSettingsService, StaffingService],
  exports: [HallService],
})
export class HallModule {}

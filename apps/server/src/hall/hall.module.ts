import { Module } from '@nestjs/common';
import { BranchSettingsService } from './branch-settings.service';
import { HallController } from './hall.controller';
import { HallService } from './hall.service';

@Module({ controllers: [HallController], providers: [HallService, BranchSettingsService], exports: [HallService] })
export class HallModule {}

import { Module } from '@nestjs/common';
import { AdminBusinessTypesController } from './admin-business-types.controller';
import { AdminBusinessTypesService } from './admin-business-types.service';
import { AdminCountersController } from './admin-counters.controller';
import { AdminCountersService } from './admin-counters.service';
import { AdminQueuesController } from './admin-queues.controller';
import { AdminQueuesService } from './admin-queues.service';
import { AdminSettingsController } from './admin-settings.controller';
import { AdminSettingsService } from './admin-settings.service';
import { AdminStaffController } from './admin-staff.controller';
import { AdminStaffService } from './admin-staff.service';

/**
 * The branch head's configuration job over HTTP (`/api/branches/:branchId/admin/...`): settings, business
 * types and their diversion tables, queues, counters, staff. Each change is checked whole, runs as one
 * branch command and is written to the audit log.
 */
@Module({
  controllers: [
    AdminSettingsController,
    AdminBusinessTypesController,
    AdminQueuesController,
    AdminCountersController,
    AdminStaffController,
  ],
  providers: [
    AdminSettingsService,
    AdminBusinessTypesService,
    AdminQueuesService,
    AdminCountersService,
    AdminStaffService,
  ],
})
export class AdminModule {}

import { Module } from '@nestjs/common';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/** KPIs from the branch's own event log (issue #7). */
@Module({ controllers: [ReportsController], providers: [ReportsService] })
export class ReportsModule {}

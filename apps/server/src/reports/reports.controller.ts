import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { KpiReport } from '@lobbyflow/contracts';
import { Allow } from '../auth/allow.decorator';
import { ReportQueryDto } from './dto/report-query.dto';
import { kpiCsv } from './kpi-csv';
import { ReportsService } from './reports.service';

@ApiTags('reports')
@Controller('branches/:branchId/reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  /** KPIs of business days `from`..`to` (inclusive; today by default), by queue, business, counter, staff, hour. */
  @Get('kpis')
  @Allow('lobby-manager', 'admin')
  kpis(@Param('branchId') branchId: string, @Query() query: ReportQueryDto): Promise<KpiReport> {
    return this.reports.kpis(branchId, query.from, query.to);
  }

  /** The same figures as CSV, one row per group. */
  @Get('kpis.csv')
  @Allow('lobby-manager', 'admin')
  @ApiProduces('text/csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  async kpisCsv(@Param('branchId') branchId: string, @Query() query: ReportQueryDto): Promise<string> {
    return kpiCsv(await this.reports.kpis(branchId, query.from, query.to));
  }
}

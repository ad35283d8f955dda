import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
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
  async kpisCsv(
    @Param('branchId') branchId: string,
    @Query() query: ReportQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const report = await this.reports.kpis(branchId, query.from, query.to);
    // Set only once the report exists: a refusal stays a JSON error body.
    response.type('text/csv; charset=utf-8');
    response.setHeader(
      'Content-Disposition',
      `attachment; filename="lobbyflow-${branchId}-${report.from}-${report.to}.csv"`,
    );
    return kpiCsv(report);
  }
}

import { Body, Controller, Get, Headers, Param, Post, Query } from '@nestjs/common';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { AuditEntryView, CustomerProfileView, ImportReport } from '@lobbyflow/contracts';
import { DomainError } from '@lobbyflow/domain';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { AUDIT_PAGE_MAX } from '../audit/audit-log';
import { Allow, CurrentPrincipal } from '../auth/allow.decorator';
import type { StaffPrincipal } from '../auth/principal';
import { uuidParam } from '../common/params';
import { CustomersService } from './customers.service';

export class ViewReasonQuery {
  /** Why the profile is opened (kept in the audit log), e.g. "value panel, ticket A023". */
  @IsString()
  @Length(3, 200)
  reason!: string;
}

/** A page of the audit log: the entries older than `before` (an entry's id), `limit` of them. */
export class AuditQuery {
  /** The id of the oldest entry the caller holds: the page starts just after it. */
  @IsOptional()
  @IsUUID()
  before?: string;

  /** How many entries, newest first (default 200). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(AUDIT_PAGE_MAX)
  limit?: number;
}

@ApiTags('customers')
@Controller()
export class CustomersController {
  constructor(private readonly customers: CustomersService) {}

  /** Imports customers from CSV (`Content-Type: text/csv`); all rows or none, with a report. */
  @Post('branches/:branchId/customers/import')
  @Allow('admin')
  @ApiConsumes('text/csv')
  importCsv(
    @Param('branchId') branchId: string,
    @Body() csv: unknown,
    @Headers('content-type') contentType: string | undefined,
    @CurrentPrincipal() principal: StaffPrincipal,
  ): Promise<ImportReport> {
    if (typeof csv !== 'string' || !/^text\/csv\b/i.test(contentType ?? '')) {
      throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Send the customer file as text/csv (UTF-8).');
    }
    return this.customers.importCsv(branchId, csv, principal);
  }

  /**
   * One customer's profile with assets; the view and its reason go to the audit log. A teller sees only
   * the customer being served at their own counter.
   */
  @Get('customers/:id')
  @Allow('teller', 'rm', 'lobby-manager', 'admin')
  view(
    @Param('id', uuidParam('id')) id: string,
    @Query() query: ViewReasonQuery,
    @CurrentPrincipal() principal: StaffPrincipal,
  ): Promise<CustomerProfileView> {
    return this.customers.view(id, principal, query.reason);
  }

  /** Who viewed customer data or changed the branch, newest first, a page at a time. */
  @Get('branches/:branchId/audit')
  @Allow('admin')
  audit(@Param('branchId') branchId: string, @Query() query: AuditQuery): Promise<AuditEntryView[]> {
    return this.customers.auditLog(branchId, query);
  }
}

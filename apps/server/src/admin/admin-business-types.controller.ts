import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AdminBusinessTypeView } from '@lobbyflow/contracts';
import { Allow, CurrentPrincipal } from '../auth/allow.decorator';
import type { StaffPrincipal } from '../auth/principal';
import { AdminBusinessTypesService } from './admin-business-types.service';
import { CreateBusinessTypeDto, UpdateBusinessTypeDto } from './dto/business-type.dto';

@ApiTags('admin')
@Controller('branches/:branchId/admin/business-types')
export class AdminBusinessTypesController {
  constructor(private readonly businessTypes: AdminBusinessTypesService) {}

  /** Every business type with its diversion table, retired ones included. */
  @Get()
  @Allow('admin', 'lobby-manager')
  list(@Param('branchId') branchId: string): Promise<AdminBusinessTypeView[]> {
    return this.businessTypes.list(branchId);
  }

  /** Adds a business type the kiosk offers at once; its table must name existing queues and thresholds. */
  @Post()
  @Allow('admin')
  create(
    @Param('branchId') branchId: string,
    @Body() body: CreateBusinessTypeDto,
    @CurrentPrincipal() principal: StaffPrincipal,
  ): Promise<AdminBusinessTypeView> {
    return this.businessTypes.create(branchId, principal, body);
  }

  /** Changes a business type; `active: false` retires it (types are never deleted: tickets name them). */
  @Patch(':code')
  @Allow('admin')
  update(
    @Param('branchId') branchId: string,
    @Param('code') code: string,
    @Body() body: UpdateBusinessTypeDto,
    @CurrentPrincipal() principal: StaffPrincipal,
  ): Promise<AdminBusinessTypeView> {
    return this.businessTypes.update(branchId, principal, code, body);
  }
}

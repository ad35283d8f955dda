import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AdminStaffView } from '@lobbyflow/contracts';
import { Allow, CurrentPrincipal } from '../auth/allow.decorator';
import type { StaffPrincipal } from '../auth/principal';
import { NoBody, uuidParam } from '../common/params';
import { AdminStaffService } from './admin-staff.service';
import { CreateStaffDto, ResetPasswordDto, UpdateStaffDto } from './dto/staff.dto';

@ApiTags('admin')
@Controller('branches/:branchId/admin/staff')
export class AdminStaffController {
  constructor(private readonly staff: AdminStaffService) {}

  /** Every account of the branch, deactivated ones included; never a password or its hash. */
  @Get()
  @Allow('admin')
  list(@Param('branchId') branchId: string): Promise<AdminStaffView[]> {
    return this.staff.list(branchId);
  }

  @Post()
  @Allow('admin')
  create(
    @Param('branchId') branchId: string,
    @Body() body: CreateStaffDto,
    @CurrentPrincipal() principal: StaffPrincipal,
  ): Promise<AdminStaffView> {
    return this.staff.create(branchId, principal, body);
  }

  /** Display name, role, counter, specialties; a role change ends the person's sessions. */
  @Patch(':userId')
  @Allow('admin')
  update(
    @Param('branchId') branchId: string,
    @Param('userId', uuidParam('userId')) userId: string,
    @Body() body: UpdateStaffDto,
    @CurrentPrincipal() principal: StaffPrincipal,
  ): Promise<AdminStaffView> {
    return this.staff.update(branchId, principal, userId, body);
  }

  /** The account's tokens stop working at once; refused for yourself and for the last admin. */
  @Post(':userId/deactivate')
  @HttpCode(200)
  @Allow('admin')
  deactivate(
    @Param('branchId') branchId: string,
    @Param('userId', uuidParam('userId')) userId: string,
    @NoBody() _body: object,
    @CurrentPrincipal() principal: StaffPrincipal,
  ): Promise<AdminStaffView> {
    return this.staff.deactivate(branchId, principal, userId);
  }

  @Post(':userId/reactivate')
  @HttpCode(200)
  @Allow('admin')
  reactivate(
    @Param('branchId') branchId: string,
    @Param('userId', uuidParam('userId')) userId: string,
    @NoBody() _body: object,
    @CurrentPrincipal() principal: StaffPrincipal,
  ): Promise<AdminStaffView> {
    return this.staff.reactivate(branchId, principal, userId);
  }

  /** Sets a new password (8-128 characters); 204, the password is never echoed. */
  @Post(':userId/password')
  @HttpCode(204)
  @Allow('admin')
  resetPassword(
    @Param('branchId') branchId: string,
    @Param('userId', uuidParam('userId')) userId: string,
    @Body() body: ResetPasswordDto,
    @CurrentPrincipal() principal: StaffPrincipal,
  ): Promise<void> {
    return this.staff.resetPassword(branchId, principal, userId, body.password);
  }
}

import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { DeviceRegistered, DeviceView } from '@lobbyflow/contracts';
import { uuidParam } from '../common/params';
import { Allow, CurrentPrincipal } from '../auth/allow.decorator';
import type { StaffPrincipal } from '../auth/principal';
import { DevicesService } from './devices.service';
import { RegisterDeviceDto } from './dto/register-device.dto';

@ApiTags('devices')
@Controller('branches/:branchId/devices')
export class DevicesController {
  constructor(private readonly devices: DevicesService) {}

  /** Registers a kiosk or display; the key in the answer is shown once. */
  @Post()
  @Allow('admin')
  register(
    @Param('branchId') branchId: string,
    @Body() body: RegisterDeviceDto,
    @CurrentPrincipal() principal: StaffPrincipal,
  ): Promise<DeviceRegistered> {
    return this.devices.register(branchId, principal, body);
  }

  @Get()
  @Allow('admin')
  list(@Param('branchId') branchId: string): Promise<DeviceView[]> {
    return this.devices.list(branchId);
  }

  /** Revokes a device key at once. */
  @Delete(':deviceId')
  @HttpCode(204)
  @Allow('admin')
  revoke(
    @Param('branchId') branchId: string,
    @Param('deviceId', uuidParam('deviceId')) deviceId: string,
    @CurrentPrincipal() principal: StaffPrincipal,
  ): Promise<void> {
    return this.devices.revoke(branchId, principal, deviceId);
  }
}

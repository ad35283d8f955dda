import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AdminCounterView } from '@lobbyflow/contracts';
import { Allow, CurrentPrincipal } from '../auth/allow.decorator';
import type { StaffPrincipal } from '../auth/principal';
import { NoBody, uuidParam } from '../common/params';
import { AdminCountersService } from './admin-counters.service';
import { CreateCounterDto, UpdateCounterDto } from './dto/counter.dto';

@ApiTags('admin')
@Controller('branches/:branchId/admin/counters')
export class AdminCountersController {
  constructor(private readonly counters: AdminCountersService) {}

  @Get()
  @Allow('admin', 'lobby-manager')
  list(@Param('branchId') branchId: string): Promise<AdminCounterView[]> {
    return this.counters.list(branchId);
  }

  /** Adds a counter or RM desk serving existing queues with weights; screens get `counter.updated`. */
  @Post()
  @Allow('admin')
  create(
    @Param('branchId') branchId: string,
    @Body() body: CreateCounterDto,
    @CurrentPrincipal() principal: StaffPrincipal,
  ): Promise<AdminCounterView> {
    return this.counters.create(branchId, principal, body);
  }

  /** Name, kind, or the queues served with their weights: the next call-next uses them. */
  @Patch(':counterId')
  @Allow('admin')
  update(
    @Param('branchId') branchId: string,
    @Param('counterId', uuidParam('counterId')) counterId: string,
    @Body() body: UpdateCounterDto,
    @CurrentPrincipal() principal: StaffPrincipal,
  ): Promise<AdminCounterView> {
    return this.counters.update(branchId, principal, counterId, body);
  }

  /** Takes a counter out of service (it cannot call) until it is opened again. */
  @Post(':counterId/close')
  @HttpCode(200)
  @Allow('admin')
  close(
    @Param('branchId') branchId: string,
    @Param('counterId', uuidParam('counterId')) counterId: string,
    @NoBody() _body: object,
    @CurrentPrincipal() principal: StaffPrincipal,
  ): Promise<AdminCounterView> {
    return this.counters.close(branchId, principal, counterId);
  }

  @Post(':counterId/open')
  @HttpCode(200)
  @Allow('admin')
  open(
    @Param('branchId') branchId: string,
    @Param('counterId', uuidParam('counterId')) counterId: string,
    @NoBody() _body: object,
    @CurrentPrincipal() principal: StaffPrincipal,
  ): Promise<AdminCounterView> {
    return this.counters.open(branchId, principal, counterId);
  }
}

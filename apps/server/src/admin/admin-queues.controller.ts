import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AdminQueueView } from '@lobbyflow/contracts';
import { Allow, CurrentPrincipal } from '../auth/allow.decorator';
import type { StaffPrincipal } from '../auth/principal';
import { AdminQueuesService } from './admin-queues.service';
import { CreateQueueDto, UpdateQueueDto } from './dto/queue.dto';

@ApiTags('admin')
@Controller('branches/:branchId/admin/queues')
export class AdminQueuesController {
  constructor(private readonly queues: AdminQueuesService) {}

  @Get()
  @Allow('admin', 'lobby-manager')
  list(@Param('branchId') branchId: string): Promise<AdminQueueView[]> {
    return this.queues.list(branchId);
  }

  /** Adds a queue; its code and prefix must be free (ALREADY_EXISTS names the field). */
  @Post()
  @Allow('admin')
  create(
    @Param('branchId') branchId: string,
    @Body() body: CreateQueueDto,
    @CurrentPrincipal() principal: StaffPrincipal,
  ): Promise<AdminQueueView> {
    return this.queues.create(branchId, principal, body);
  }

  /** Name, prefix (numbers carry on: A007, then Q008) or destination. */
  @Patch(':code')
  @Allow('admin')
  update(
    @Param('branchId') branchId: string,
    @Param('code') code: string,
    @Body() body: UpdateQueueDto,
    @CurrentPrincipal() principal: StaffPrincipal,
  ): Promise<AdminQueueView> {
    return this.queues.update(branchId, principal, code, body);
  }

  /** Removes a queue nothing uses; CONFIG_IN_USE lists the counters, business types or open tickets that do. */
  @Delete(':code')
  @HttpCode(204)
  @Allow('admin')
  remove(
    @Param('branchId') branchId: string,
    @Param('code') code: string,
    @CurrentPrincipal() principal: StaffPrincipal,
  ): Promise<void> {
    return this.queues.remove(branchId, principal, code);
  }
}

import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { EventsPage, QueueSnapshot, ServiceView } from '@lobbyflow/contracts';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { Allow, CurrentPrincipal } from '../auth/allow.decorator';
import type { Principal } from '../auth/principal';
import { HallService } from './hall.service';

export class EventsQuery {
  /** Return events with a `seq` greater than this (the last one the client holds). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  after?: number;
}

@ApiTags('hall')
@Controller('branches/:branchId')
export class HallController {
  constructor(private readonly hall: HallService) {}

  /** Business types the kiosk offers, with their category. */
  @Get('services')
  @Allow('kiosk', 'display', 'teller', 'lobby-manager', 'rm', 'admin')
  services(@Param('branchId') branchId: string): Promise<ServiceView[]> {
    return this.hall.services(branchId);
  }

  /** The live hall: queues, waiting tickets, counters, now serving, and the `seq` it reflects. */
  @Get('queue')
  @Allow('kiosk', 'display', 'teller', 'lobby-manager', 'rm', 'admin')
  queue(@Param('branchId') branchId: string, @CurrentPrincipal() principal: Principal): Promise<QueueSnapshot> {
    return this.hall.snapshot(branchId, principal);
  }

  /** The branch's events after a `seq`, projected for the caller. */
  @Get('events')
  @Allow('kiosk', 'display', 'ticket', 'teller', 'lobby-manager', 'rm', 'admin')
  events(
    @Param('branchId') branchId: string,
    @Query() query: EventsQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<EventsPage> {
    return this.hall.eventsAfter(branchId, query.after ?? 0, principal);
  }
}

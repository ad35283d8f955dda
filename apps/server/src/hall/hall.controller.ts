import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { BranchSettingsView, EventsPage, QueueSnapshot, ServiceView, StaffingHint } from '@lobbyflow/contracts';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { Allow, CurrentPrincipal } from '../auth/allow.decorator';
import type { Principal } from '../auth/principal';
import { BranchSettingsService } from './branch-settings.service';
import { HallService } from './hall.service';
import { StaffingService } from './staffing.service';

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
  constructor(
    private readonly hall: HallService,
    private readonly branchSettings: BranchSettingsService,
    private readonly staffing: StaffingService,
  ) {}

  /** Business types the kiosk offers, with their category. */
  @Get('services')
  @Allow('kiosk', 'display', 'teller', 'lobby-manager', 'rm', 'admin')
  services(@Param('branchId') branchId: string): Promise<ServiceView[]> {
    return this.hall.services(branchId);
  }

  /**
   * The rules staff screens follow: recall delay, pause reasons, service level, call-over answer time and
   * the identification rules (the signals a teller or lobby manager ticks). Read-only; admins edit them.
   */
  @Get('settings')
  @Allow('teller', 'lobby-manager', 'rm', 'admin')
  settings(@Param('branchId') branchId: string): Promise<BranchSettingsView> {
    return this.branchSettings.settings(branchId);
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

  /** What the lobby manager could do about staffing now: open a counter, or pause one. */
  @Get('staffing-hints')
  @Allow('lobby-manager', 'admin')
  staffingHints(@Param('branchId') branchId: string): Promise<StaffingHint[]> {
    return this.staffing.hints(branchId);
  }
}

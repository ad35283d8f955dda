import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CounterView, StaffTicketView } from '@lobbyflow/contracts';
import type { Response } from 'express';
import { NoBody, uuidParam } from '../common/params';
import { Allow, CurrentPrincipal } from '../auth/allow.decorator';
import type { StaffPrincipal } from '../auth/principal';
import { TicketsService } from '../tickets/tickets.service';
import { CountersService } from './counters.service';
import { PauseCounterDto } from './dto/pause-counter.dto';
import { Idempotent } from '../idempotency/idempotency.guard';

@ApiTags('counters')
@Controller('counters')
export class CountersController {
  constructor(
    private readonly tickets: TicketsService,
    private readonly counters: CountersService,
  ) {}

  /** Calls the ticket the call policy picks for this counter: 200 with the ticket, 204 when nobody waits. */
  @Post(':counterId/call-next')
  @Allow('teller', 'rm')
  @Idempotent()
  async callNext(
    @Param('counterId', uuidParam('counterId')) counterId: string,
    @CurrentPrincipal() principal: StaffPrincipal,
    @NoBody() _body: object,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StaffTicketView | undefined> {
    const ticket = await this.tickets.callNext(counterId, principal);
    response.status(ticket ? 200 : 204);
    return ticket ?? undefined;
  }

  @Post(':counterId/pause')
  @HttpCode(200)
  @Allow('teller', 'rm', 'lobby-manager')
  @Idempotent()
  pause(
    @Param('counterId', uuidParam('counterId')) counterId: string,
    @CurrentPrincipal() principal: StaffPrincipal,
    @Body() body: PauseCounterDto,
  ): Promise<CounterView> {
    return this.counters.pause(counterId, principal, body.reason);
  }

  @Post(':counterId/resume')
  @HttpCode(200)
  @Allow('teller', 'rm', 'lobby-manager')
  @Idempotent()
  resume(
    @Param('counterId', uuidParam('counterId')) counterId: string,
    @CurrentPrincipal() principal: StaffPrincipal,
    @NoBody() _body: object,
  ): Promise<CounterView> {
    return this.counters.resume(counterId, principal);
  }
}

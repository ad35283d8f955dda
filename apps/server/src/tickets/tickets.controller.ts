import { Body, Controller, Get, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import type { IssuedTicket, StaffTicketView, TicketTokenView, TriageResult } from '@lobbyflow/contracts';
import type { Response } from 'express';
import { NoBody, uuidParam } from '../common/params';
import { Allow, CurrentPrincipal, Public } from '../auth/allow.decorator';
import type { Principal, StaffPrincipal } from '../auth/principal';
import { AcceptAdviceDto, IssueTicketDto, TriageDto } from './dto/issue-ticket.dto';
import {
  FinishTicketDto,
  FlagTicketDto,
  ParkTicketDto,
  RedirectTicketDto,
  TransferTicketDto,
} from './dto/ticket-commands.dto';
import { TicketsService } from './tickets.service';
import { Idempotent } from '../idempotency/idempotency.guard';

@ApiTags('tickets')
@Controller()
export class TicketsController {
  constructor(private readonly tickets: TicketsService) {}

  /** Advice only: where a business would go and why. Nothing is written. */
  @Post('branches/:branchId/triage')
  @HttpCode(200)
  @Allow('kiosk', 'lobby-manager', 'teller', 'admin')
  triage(@Param('branchId') branchId: string, @Body() body: TriageDto): Promise<TriageResult> {
    return this.tickets.triage(branchId, body);
  }

  /** The customer took the self-service advice: counted in the diversion rate, no ticket issued. */
  @Post('branches/:branchId/diversions')
  @HttpCode(201)
  @Allow('kiosk', 'lobby-manager')
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'One key per customer choice: a retry counts once.',
  })
  acceptAdvice(
    @Param('branchId') branchId: string,
    @Body() body: AcceptAdviceDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
  ): Promise<TriageResult> {
    return this.tickets.acceptAdvice(branchId, body, idempotencyKey);
  }

  /** Issues a ticket. A retry with the same Idempotency-Key returns the same ticket, never a second one. */
  @Post('branches/:branchId/tickets')
  @Allow('kiosk', 'lobby-manager', 'admin')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A unique key per ticket request (UUID).' })
  async issue(
    @Param('branchId') branchId: string,
    @CurrentPrincipal() principal: Principal,
    @Body() body: IssueTicketDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<IssuedTicket> {
    const outcome = await this.tickets.issue(branchId, principal, body, idempotencyKey);
    response.status(201);
    if (outcome.replayed) response.setHeader('Idempotent-Replayed', 'true');
    return outcome.ticket;
  }

  /** The phone page: one ticket's own public view; the unguessable token in the link is the key. */
  @Get('tickets/by-token/:token')
  @Public()
  byToken(@Param('token') token: string): Promise<TicketTokenView> {
    return this.tickets.byToken(token);
  }

  @Post('tickets/:id/call')
  @HttpCode(200)
  @Allow('teller', 'rm')
  @Idempotent()
  call(
    @Param('id', uuidParam('id')) id: string,
    @CurrentPrincipal() principal: StaffPrincipal,
    @NoBody() _body: object,
  ): Promise<StaffTicketView> {
    return this.tickets.call(id, principal);
  }

  @Post('tickets/:id/recall')
  @HttpCode(200)
  @Allow('teller', 'rm')
  @Idempotent()
  recall(
    @Param('id', uuidParam('id')) id: string,
    @CurrentPrincipal() principal: StaffPrincipal,
    @NoBody() _body: object,
  ) {
    return this.tickets.act(id, principal, { action: 'recall' });
  }

  @Post('tickets/:id/start')
  @HttpCode(200)
  @Allow('teller', 'rm')
  @Idempotent()
  start(
    @Param('id', uuidParam('id')) id: string,
    @CurrentPrincipal() principal: StaffPrincipal,
    @NoBody() _body: object,
  ) {
    return this.tickets.act(id, principal, { action: 'start' });
  }

  @Post('tickets/:id/finish')
  @HttpCode(200)
  @Allow('teller', 'rm')
  @Idempotent()
  finish(
    @Param('id', uuidParam('id')) id: string,
    @CurrentPrincipal() principal: StaffPrincipal,
    @Body() body: FinishTicketDto,
  ) {
    return this.tickets.act(id, principal, { action: 'finish', businessDone: [...(body.businessDone ?? [])] });
  }

  @Post('tickets/:id/no-show')
  @HttpCode(200)
  @Allow('teller', 'rm')
  @Idempotent()
  noShow(
    @Param('id', uuidParam('id')) id: string,
    @CurrentPrincipal() principal: StaffPrincipal,
    @NoBody() _body: object,
  ) {
    return this.tickets.act(id, principal, { action: 'no-show' });
  }

  /** The customer stepped away (called) or the parked ticket goes back to its queue, keeping its place. */
  @Post('tickets/:id/return')
  @HttpCode(200)
  @Allow('teller', 'rm', 'lobby-manager', 'admin')
  @Idempotent()
  returnToQueue(
    @Param('id', uuidParam('id')) id: string,
    @CurrentPrincipal() principal: StaffPrincipal,
    @NoBody() _body: object,
  ) {
    return this.tickets.act(id, principal, { action: 'return' });
  }

  /** Moves a ticket to another queue or counter; the original issue time keeps its place fair. */
  @Post('tickets/:id/transfer')
  @HttpCode(200)
  @Allow('teller', 'rm', 'lobby-manager', 'admin')
  @Idempotent()
  transfer(
    @Param('id', uuidParam('id')) id: string,
    @CurrentPrincipal() principal: StaffPrincipal,
    @Body() body: TransferTicketDto,
  ) {
    return this.tickets.act(id, principal, { action: 'transfer', queue: body.queue, counterId: body.counterId });
  }

  /** Parks a ticket for a staff member (an RM, say), who calls it when ready. */
  @Post('tickets/:id/park')
  @HttpCode(200)
  @Allow('teller', 'rm', 'lobby-manager', 'admin')
  @Idempotent()
  park(
    @Param('id', uuidParam('id')) id: string,
    @CurrentPrincipal() principal: StaffPrincipal,
    @Body() body: ParkTicketDto,
  ) {
    return this.tickets.act(id, principal, { action: 'park', staffId: body.staffId });
  }

  /** Adds observed identification signals (teller at the ticket's counter, lobby manager anywhere). */
  @Post('tickets/:id/flag')
  @HttpCode(200)
  @Allow('teller', 'rm', 'lobby-manager', 'admin')
  @Idempotent()
  flag(
    @Param('id', uuidParam('id')) id: string,
    @CurrentPrincipal() principal: StaffPrincipal,
    @Body() body: FlagTicketDto,
  ): Promise<StaffTicketView> {
    return this.tickets.flag(id, principal, body.signals, body.note);
  }

  @Post('tickets/:id/cancel')
  @HttpCode(200)
  @Allow('lobby-manager', 'admin')
  @Idempotent()
  cancel(
    @Param('id', uuidParam('id')) id: string,
    @CurrentPrincipal() principal: StaffPrincipal,
    @NoBody() _body: object,
  ) {
    return this.tickets.act(id, principal, { action: 'cancel' });
  }

  /** The lobby manager re-diverts a waiting customer to self-service: the ticket ends, the diversion counts. */
  @Post('tickets/:id/self-service')
  @HttpCode(200)
  @Allow('lobby-manager', 'admin')
  @Idempotent()
  redirect(
    @Param('id', uuidParam('id')) id: string,
    @CurrentPrincipal() principal: StaffPrincipal,
    @Body() body: RedirectTicketDto,
  ): Promise<StaffTicketView> {
    return this.tickets.redirectToSelfService(id, principal, body.reason);
  }
}

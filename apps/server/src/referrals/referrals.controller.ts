import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ReferralView, RmPresenceView } from '@lobbyflow/contracts';
import { Allow, CurrentPrincipal } from '../auth/allow.decorator';
import type { StaffPrincipal } from '../auth/principal';
import { NoBody, uuidParam } from '../common/params';
import {
  CalloverDto,
  CalloverResponseDto,
  FollowUpContactDto,
  FollowUpsQuery,
  PresenceDto,
  ReferralOutcomeDto,
  WalkInReferralDto,
} from './dto/referral.dto';
import { FollowUpsService } from './follow-ups.service';
import { ReferralsService } from './referrals.service';
import { Idempotent } from '../idempotency/idempotency.guard';

@ApiTags('referrals')
@Controller()
export class ReferralsController {
  constructor(
    private readonly referrals: ReferralsService,
    private readonly followUps: FollowUpsService,
  ) {}

  /** Hands the ticket's customer to the right RM: a call-over now, or a follow-up when they have no time. */
  @Post('tickets/:id/callover')
  @Allow('teller', 'lobby-manager', 'admin')
  @Idempotent()
  callover(
    @Param('id', uuidParam('id')) id: string,
    @CurrentPrincipal() principal: StaffPrincipal,
    @Body() body: CalloverDto,
  ): Promise<ReferralView> {
    return this.referrals.callover(id, principal, body);
  }

  /** Refers a walk-in without a ticket, from what the lobby manager observed. */
  @Post('referrals')
  @Allow('lobby-manager', 'admin')
  @Idempotent()
  walkIn(@CurrentPrincipal() principal: StaffPrincipal, @Body() body: WalkInReferralDto): Promise<ReferralView> {
    return this.referrals.walkIn(principal, body);
  }

  /** The RM's answer: coming, defer N minutes, or decline with a reason (passes it to the next RM). */
  @Post('referrals/:id/respond')
  @HttpCode(200)
  @Allow('rm')
  @Idempotent()
  respond(
    @Param('id', uuidParam('id')) id: string,
    @CurrentPrincipal() principal: StaffPrincipal,
    @Body() body: CalloverResponseDto,
  ): Promise<ReferralView> {
    return this.referrals.respond(id, principal, body.response, body.minutes, body.reason);
  }

  /** The RM is with the customer. */
  @Post('referrals/:id/meet')
  @HttpCode(200)
  @Allow('rm')
  @Idempotent()
  meet(
    @Param('id', uuidParam('id')) id: string,
    @CurrentPrincipal() principal: StaffPrincipal,
    @NoBody() _body: object,
  ): Promise<ReferralView> {
    return this.followUps.meet(id, principal);
  }

  /** What came of the meeting, and the follow-up grade A-E that sets the next contact day. */
  @Post('referrals/:id/outcome')
  @HttpCode(200)
  @Allow('rm')
  @Idempotent()
  outcome(
    @Param('id', uuidParam('id')) id: string,
    @CurrentPrincipal() principal: StaffPrincipal,
    @Body() body: ReferralOutcomeDto,
  ): Promise<ReferralView> {
    return this.followUps.outcome(id, principal, body);
  }

  /** A follow-up contact: regrades the customer and moves the next contact day. */
  @Post('referrals/:id/contacts')
  @HttpCode(200)
  @Allow('rm')
  @Idempotent()
  contact(
    @Param('id', uuidParam('id')) id: string,
    @CurrentPrincipal() principal: StaffPrincipal,
    @Body() body: FollowUpContactDto,
  ): Promise<ReferralView> {
    return this.followUps.contact(id, principal, body);
  }

  /** An RM's own referrals; the lobby manager's and admin's: the branch's. */
  @Get('referrals')
  @Allow('rm', 'lobby-manager', 'admin')
  list(@CurrentPrincipal() principal: StaffPrincipal): Promise<ReferralView[]> {
    return this.referrals.list(principal);
  }

  /** Follow-ups ordered by the day they are due (overdue first). */
  @Get('follow-ups')
  @Allow('rm', 'lobby-manager', 'admin')
  followUpList(@CurrentPrincipal() principal: StaffPrincipal, @Query() query: FollowUpsQuery): Promise<ReferralView[]> {
    return this.followUps.followUps(principal, query.rm);
  }

  /** The branch's RMs and where they are. */
  @Get('rms')
  @Allow('teller', 'rm', 'lobby-manager', 'admin')
  presences(@CurrentPrincipal() principal: StaffPrincipal): Promise<RmPresenceView[]> {
    return this.followUps.presences(principal);
  }

  /** An RM says where they are: available, with a customer, or away (for the rest of the session). */
  @Put('rms/me/presence')
  @Allow('rm')
  setPresence(@CurrentPrincipal() principal: StaffPrincipal, @Body() body: PresenceDto): Promise<RmPresenceView> {
    return this.followUps.setPresence(principal, body.presence);
  }
}

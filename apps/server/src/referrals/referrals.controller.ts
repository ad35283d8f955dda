import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ReferralView } from '@lobbyflow/contracts';
import { Allow, CurrentPrincipal } from '../auth/allow.decorator';
import type { StaffPrincipal } from '../auth/principal';
import { uuidParam } from '../common/params';
import { CalloverDto, CalloverResponseDto } from './dto/referral.dto';
import { ReferralsService } from './referrals.service';

@ApiTags('referrals')
@Controller()
export class ReferralsController {
  constructor(private readonly referrals: ReferralsService) {}

  /** Hands the ticket's customer to the right RM: a call-over now, or a follow-up when they have no time. */
  @Post('tickets/:id/callover')
  @Allow('teller', 'lobby-manager', 'admin')
  callover(
    @Param('id', uuidParam('id')) id: string,
    @CurrentPrincipal() principal: StaffPrincipal,
    @Body() body: CalloverDto,
  ): Promise<ReferralView> {
    return this.referrals.callover(id, principal, body.customerHasTime, body.note);
  }

  /** The RM's answer: coming, defer N minutes, or decline with a reason (passes it to the next RM). */
  @Post('referrals/:id/respond')
  @HttpCode(200)
  @Allow('rm')
  respond(
    @Param('id', uuidParam('id')) id: string,
    @CurrentPrincipal() principal: StaffPrincipal,
    @Body() body: CalloverResponseDto,
  ): Promise<ReferralView> {
    return this.referrals.respond(id, principal, body.response, body.minutes, body.reason);
  }

  /** An RM's own referrals; the lobby manager's and admin's: the branch's. */
  @Get('referrals')
  @Allow('rm', 'lobby-manager', 'admin')
  list(@CurrentPrincipal() principal: StaffPrincipal): Promise<ReferralView[]> {
    return this.referrals.list(principal);
  }
}

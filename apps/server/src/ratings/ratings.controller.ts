import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { PublicRatingView, RatingPadView, StaffTicketView } from '@lobbyflow/contracts';
import { NoBody, uuidParam } from '../common/params';
import { Allow, CurrentPrincipal } from '../auth/allow.decorator';
import { Idempotent } from '../idempotency/idempotency.guard';
import type { DevicePrincipal, StaffPrincipal, TicketPrincipal } from '../auth/principal';
import { RateVisitDto } from './dto/rate-visit.dto';
import { RatingsService } from './ratings.service';

@ApiTags('ratings')
@Controller()
export class RatingsController {
  constructor(private readonly ratings: RatingsService) {}

  /** The teller serving a visit asks the customer to rate it (once per visit, open for a short window). */
  @Post('tickets/:id/rating-request')
  @HttpCode(200)
  @Idempotent()
  @Allow('teller', 'rm')
  request(
    @Param('id', uuidParam('id')) id: string,
    @CurrentPrincipal() principal: StaffPrincipal,
    @NoBody() _body: object,
  ): Promise<StaffTicketView> {
    return this.ratings.request(id, principal);
  }

  /**
   * The customer's answer: from the rating pad of the counter that asked, or from the customer's own phone
   * page. Never from staff: a teller who can press the pad would rate themselves.
   */
  @Post('tickets/:id/rating')
  @HttpCode(200)
  @Idempotent()
  @Allow('rating-pad', 'ticket')
  rate(
    @Param('id', uuidParam('id')) id: string,
    @CurrentPrincipal() principal: DevicePrincipal | TicketPrincipal,
    @Body() body: RateVisitDto,
  ): Promise<PublicRatingView> {
    return this.ratings.rate(id, principal, body.grade);
  }

  /** What a rating pad shows now: its counter and the open request of the visit there, if any. */
  @Get('rating-pad')
  @Allow('rating-pad')
  pad(@CurrentPrincipal() principal: DevicePrincipal): Promise<RatingPadView> {
    return this.ratings.padView(principal);
  }
}

import { Module } from '@nestjs/common';
import { FollowUpsService } from './follow-ups.service';
import { ReferralsController } from './referrals.controller';
import { ReferralsService } from './referrals.service';

/** Referrals to relationship managers: the call-over, the meeting, follow-ups, and RM presence. */
@Module({
  controllers: [ReferralsController],
  providers: [ReferralsService, FollowUpsService],
  exports: [ReferralsService],
})
export class ReferralsModule {}

import { Module } from '@nestjs/common';
import { CountersController } from '../counters/counters.controller';
import { CountersService } from '../counters/counters.service';
import { TicketsController } from './tickets.controller';
import { TicketsService } from './tickets.service';

/** Ticket issue and lifecycle, and the counters that call tickets. */
@Module({
  controllers: [TicketsController, CountersController],
  providers: [TicketsService, CountersService],
  exports: [TicketsService],
})
export class TicketsModule {}

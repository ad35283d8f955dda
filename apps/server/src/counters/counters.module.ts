import { Module } from '@nestjs/common';
import { TicketsModule } from '../tickets/tickets.module';
import { CountersController } from './counters.controller';
import { CountersService } from './counters.service';

/** Counters: calling the next ticket, pausing and resuming. */
@Module({
  imports: [TicketsModule],
  controllers: [CountersController],
  providers: [CountersService],
})
export class CountersModule {}

import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { LiveGateway } from './live.gateway';
import { TicketPositions } from './ticket-positions';

/** Live queue state over socket.io. */
@Module({
  imports: [AuthModule],
  providers: [LiveGateway, TicketPositions],
})
export class LiveModule {}

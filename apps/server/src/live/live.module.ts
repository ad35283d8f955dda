import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { ClusterLink } from '../cluster/cluster-link';
import { LiveGateway } from './live.gateway';
import { TicketPositions } from './ticket-positions';

/** Live queue state over socket.io, shared between instances through Redis when REDIS_URL is set. */
@Module({
  imports: [AuthModule],
  providers: [LiveGateway, TicketPositions, ClusterLink],
  // The health check pings Redis over the same link.
  exports: [ClusterLink],
})
export class LiveModule {}

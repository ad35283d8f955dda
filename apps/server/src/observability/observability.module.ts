import { Global, Module } from '@nestjs/common';
import { Metrics } from './metrics';
import { MetricsController } from './metrics.controller';
import { SocketObserver } from './socket-observer';

/** Metrics for Prometheus and the request context every log line reads (logs: see bootstrap.ts). */
@Global()
@Module({
  controllers: [MetricsController],
  providers: [Metrics, SocketObserver],
  exports: [Metrics, SocketObserver],
})
export class ObservabilityModule {}

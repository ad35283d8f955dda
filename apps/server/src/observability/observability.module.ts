import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { Metrics } from './metrics';
import { MetricsController } from './metrics.controller';
import { RequestContextInterceptor } from './request-context.interceptor';
import { SocketObserver } from './socket-observer';

/** Metrics for Prometheus and the request context every log line reads (logs: see bootstrap.ts). */
@Global()
@Module({
  controllers: [MetricsController],
  providers: [Metrics, SocketObserver, { provide: APP_INTERCEPTOR, useClass: RequestContextInterceptor }],
  exports: [Metrics, SocketObserver],
})
export class ObservabilityModule {}

import { createHash, timingSafeEqual } from 'node:crypto';
import { Controller, Get, Header, Headers, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@lobbyflow/domain';
import { Public } from '../auth/allow.decorator';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Metrics } from './metrics';

/**
 * `GET /metrics` for Prometheus, beside the API rather than under `/api` (where scrapers look). Not a
 * role-gated route: with METRICS_TOKEN set it wants `Authorization: Bearer <that token>`, without it
 * anyone who reaches the port may read it (a development server, or a private network by the operator's
 * choice: production refuses to start without a token unless METRICS_PUBLIC=true).
 */
@ApiTags('operations')
@ApiBearerAuth()
@Controller('metrics')
export class MetricsController {
  private readonly tokenDigest: Buffer | null;

  constructor(
    private readonly metrics: Metrics,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.tokenDigest = config.metricsToken === null ? null : digest(config.metricsToken);
  }

  @Public()
  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'The Prometheus text exposition format.' })
  async scrape(@Headers('authorization') authorization?: string): Promise<string> {
    this.assertMayScrape(authorization);
    return this.metrics.exposition();
  }

  /** Compares digests in constant time, so the answer's timing tells nothing about the token. */
  private assertMayScrape(authorization: string | undefined): void {
    if (this.tokenDigest === null) return;
    const presented = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
    if (presented === undefined || !timingSafeEqual(digest(presented), this.tokenDigest)) {
      throw new DomainError('UNAUTHENTICATED', 'Metrics need "Authorization: Bearer <METRICS_TOKEN>".');
    }
  }
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

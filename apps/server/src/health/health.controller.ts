import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { HealthView } from '@lobbyflow/contracts';
import type { Response } from 'express';
import { Public } from '../auth/allow.decorator';
import { HealthService } from './health.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** 200 when the database (and Redis, with REDIS_URL) answer; 503 naming the part that does not. */
  @Public()
  @Get()
  @ApiOkResponse({ description: 'Every part answers.' })
  @ApiServiceUnavailableResponse({ description: 'A part is down: `db` or `redis` is "down".' })
  async check(@Res({ passthrough: true }) response: Response): Promise<HealthView> {
    const view = await this.health.check();
    if (view.status !== 'ok') response.status(503);
    return view;
  }
}

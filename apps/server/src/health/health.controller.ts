import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { HealthView } from '@lobbyflow/contracts';
import { DataSource } from 'typeorm';
import { Public } from '../auth/allow.decorator';
import { APP_VERSION } from '../common/version';

@ApiTags('health')
@Controller('health')
export class HealthController {
  private readonly startedAt = Date.now();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Public()
  @Get()
  async health(): Promise<HealthView> {
    const db = await this.dataSource
      .query('SELECT 1')
      .then(() => 'ok' as const)
      .catch(() => 'down' as const);
    return {
      status: db === 'ok' ? 'ok' : 'degraded',
      db,
      version: APP_VERSION,
      uptimeSeconds: Math.round((Date.now() - this.startedAt) / 1000),
    };
  }
}

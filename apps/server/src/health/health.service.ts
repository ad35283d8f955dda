import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { HealthView } from '@lobbyflow/contracts';
import { DataSource } from 'typeorm';
import { ClusterLink } from '../cluster/cluster-link';
import { APP_VERSION } from '../common/version';

/**
 * A load balancer polls health every few seconds: each part gets this long to answer, so a hung database
 * or Redis makes the instance "down" promptly instead of hanging the check.
 */
export const PART_TIMEOUT_MS = 1_500;

/** The parts an instance needs to serve: its database, and Redis when it runs with others (REDIS_URL). */
@Injectable()
export class HealthService {
  private readonly startedAt = Date.now();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly link: ClusterLink,
  ) {}

  async check(): Promise<HealthView> {
    const [db, redis] = await Promise.all([
      this.databaseAnswers(),
      this.link.enabled ? this.link.reachable(PART_TIMEOUT_MS) : null,
    ]);
    const parts = { db: state(db), ...(redis === null ? {} : { redis: state(redis) }) };
    return {
      status: db && redis !== false ? 'ok' : 'degraded',
      ...parts,
      version: APP_VERSION,
      uptimeSeconds: Math.round((Date.now() - this.startedAt) / 1000),
    };
  }

  private async databaseAnswers(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), PART_TIMEOUT_MS);
    });
    const query = this.dataSource.query('SELECT 1').then(
      () => true,
      () => false,
    );
    try {
      return await Promise.race([query, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}

function state(up: boolean): 'ok' | 'down' {
  return up ? 'ok' : 'down';
}

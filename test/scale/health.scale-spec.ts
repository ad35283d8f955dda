import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HealthView } from '@lobbyflow/contracts';
import { freePort, removeLogs, ServerProcess, TestRedis, until } from './support/processes';

/**
 * The health check a load balancer polls (issue #8) names Redis when an instance runs with REDIS_URL: a
 * Redis that stops turns it 503 naming redis, and once Redis is back (and the link reconnected) it is 200.
 */
describe('health of an instance linked to Redis', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lobbyflow-health-'));
  let redis: TestRedis;
  let server: ServerProcess;

  beforeAll(async () => {
    redis = await TestRedis.start();
    server = new ServerProcess('health', await freePort(), {
      NODE_ENV: 'test',
      JWT_SECRET: 'health-test-secret-0123456789abcdef-0123456789',
      DATABASE_PATH: join(dir, 'lobbyflow.sqlite'),
      REDIS_URL: redis.url,
    });
    await server.start();
  }, 90_000);
  afterAll(async () => {
    await server.stop();
    await redis.down();
    rmSync(dir, { recursive: true, force: true });
    removeLogs();
  });

  const health = async () => {
    const response = await fetch(`${server.url}/api/health`);
    return { status: response.status, body: (await response.json()) as HealthView };
  };

  it('answers 503 naming redis while Redis is down, and 200 once it is back', async () => {
    expect(await health()).toMatchObject({ status: 200, body: { status: 'ok', db: 'ok', redis: 'ok' } });

    await redis.down();
    await until('health to report redis down', async () => (await health()).status === 503);
    expect(await health()).toMatchObject({ status: 503, body: { status: 'degraded', db: 'ok', redis: 'down' } });

    await redis.up();
    await until('health to report redis back', async () => (await health()).status === 200);
    expect(await health()).toMatchObject({ status: 200, body: { status: 'ok', db: 'ok', redis: 'ok' } });
  }, 90_000);
});

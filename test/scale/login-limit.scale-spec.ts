import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { TestHall } from '../e2e/support/test-app';
import { removeLogs, TestRedis } from './support/processes';

/**
 * The sign-in limit across instances (issue #8): with REDIS_URL both instances count the same attempts,
 * so a guesser gains nothing by spreading them over the balancer.
 */
describe('sign-in limit on two instances sharing Redis', () => {
  const LIMIT = 4;
  let redis: TestRedis;
  let hall: TestHall;
  let other: INestApplication;

  beforeAll(async () => {
    redis = await TestRedis.start();
    hall = await TestHall.start(undefined, { REDIS_URL: redis.url, LOGIN_RATE_LIMIT: `${LIMIT}/60` });
    other = await hall.anotherInstance();
  });
  afterAll(async () => {
    await other?.close();
    await hall?.stop();
    await redis?.down();
    removeLogs();
  });

  const login = (app: INestApplication, username: string, password = 'demo1234') =>
    request(app.getHttpServer()).post('/api/auth/login').send({ username, password });

  it('blocks a username after the limit counted over both instances', async () => {
    for (let attempt = 0; attempt < LIMIT; attempt++) {
      const app = attempt % 2 === 0 ? hall.app : other;
      expect((await login(app, 'lobby', 'wrong-password')).status).toBe(401);
    }
    const onA = await login(hall.app, 'lobby');
    const onB = await login(other, 'lobby');
    expect([onA.status, onB.status]).toEqual([429, 429]);
    expect(onB.body.code).toBe('TOO_MANY_ATTEMPTS');
    expect((await login(other, 'admin')).status).toBe(200);
  });
});

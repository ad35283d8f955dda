import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { TestHall } from './support/test-app';

const CASH = { businessType: 'cash-withdrawal', amount: 30000, hasCard: true };

/**
 * The hall cache (apps/server/src/hall/hall-cache.ts) keeps a branch's configuration and open tickets
 * between commands. What it holds must never hide a write it did not make: another instance's commands,
 * or a change made with plain SQL. (Every e2e server also checks each use against a full read.)
 */
describe('the hall cache', () => {
  let hall: TestHall;

  beforeAll(async () => {
    hall = await TestHall.start();
  });
  afterAll(() => hall.stop());

  const issueOn = async (app: INestApplication) =>
    (
      await request(app.getHttpServer())
        .post('/api/branches/demo/tickets')
        .set('Authorization', hall.kioskAuth())
        .set('Idempotency-Key', randomUUID())
        .send(CASH)
        .expect(201)
    ).body as { id: string; number: string; ahead: number };

  const waitingInA = async () => {
    const response = await hall.http.get('/api/branches/demo/queue').set('Authorization', hall.displayAuth());
    return (response.body as { queues: { code: string; waiting: number }[] }).queues.find((queue) => queue.code === 'A')
      ?.waiting;
  };

  it("counts the tickets another instance issued since this one's last command", async () => {
    const first = await hall.issue(CASH);
    expect(first.ahead).toBe(0);
    const other = await hall.anotherInstance();
    try {
      await issueOn(other);
      await issueOn(other);
    } finally {
      await other.close();
    }
    const fourth = await hall.issue(CASH);
    expect(fourth.ahead).toBe(3);
    expect(fourth.number).toBe('A004');
    expect(await waitingInA()).toBe(4);
  });

  it('sees a ticket changed with plain SQL, outside any command', async () => {
    const before = (await waitingInA()) as number;
    const ticket = await hall.issue(CASH);
    expect(await waitingInA()).toBe(before + 1);
    await hall.app.get(DataSource).query(`UPDATE "ticket" SET "status" = 'cancelled' WHERE "id" = '${ticket.id}'`);
    expect(await waitingInA()).toBe(before);
    const next = await hall.issue(CASH);
    expect(next.ahead).toBe(before);
  });

  it('sees configuration changed with plain SQL: a retired business type is refused at once', async () => {
    await hall.issue({ businessType: 'account-opening' });
    await hall.app
      .get(DataSource)
      .query(`UPDATE "business_type" SET "active" = false WHERE "code" = 'account-opening'`);
    const refused = await hall.http
      .post('/api/branches/demo/tickets')
      .set('Authorization', hall.kioskAuth())
      .set('Idempotency-Key', randomUUID())
      .send({ businessType: 'account-opening' });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('UNKNOWN_BUSINESS_TYPE');
    await hall.app.get(DataSource).query(`UPDATE "business_type" SET "active" = true WHERE "code" = 'account-opening'`);
    await hall.issue({ businessType: 'account-opening' });
  });
});

import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { TEST_ENGINE } from './support/test-database';
import { TestHall } from './support/test-app';

const CASH = { businessType: 'cash-withdrawal', amount: 30000, hasCard: true };

/**
 * Commands that wait together for SQLite's one connection share one commit, each in its own savepoint
 * (commands/sqlite-write-queue.ts). Mixed with commands that fail halfway, the hall must look exactly as if
 * they had run one transaction each: the failures leave nothing, the others keep their numbers and events.
 * On PostgreSQL the same requests run as one transaction each; the outcome must be the same.
 */
describe('commands committed together', () => {
  let hall: TestHall;

  beforeAll(async () => {
    hall = await TestHall.start();
  });
  afterAll(() => hall.stop());

  const post = (body: object, key: string) =>
    request(hall.app.getHttpServer())
      .post('/api/branches/demo/tickets')
      .set('Authorization', hall.kioskAuth())
      .set('Idempotency-Key', key)
      .send(body);

  const groupedCommands = async () => {
    const metrics = (await hall.http.get('/metrics').expect(200)).text;
    const sum = /^lobbyflow_sqlite_commit_group_commands_sum (\d+)/m.exec(metrics);
    const count = /^lobbyflow_sqlite_commit_group_commands_count (\d+)/m.exec(metrics);
    return { commands: Number(sum?.[1] ?? 0), commits: Number(count?.[1] ?? 0) };
  };

  it('keeps every good ticket and nothing of the failed commands between them', async () => {
    const seqBefore = (await hall.events()).at(-1)?.seq ?? 0;
    const before = await groupedCommands();
    const reusedKey = randomUUID();
    await post(CASH, reusedKey).expect(201);

    // Good issues, interleaved with commands that fail inside the transaction: a key reused for another
    // request (after the key lookup) and a business type the branch does not offer.
    const kinds = Array.from({ length: 30 }, (_, index) => (['good', 'good', 'reused', 'unknown'] as const)[index % 4]);
    const responses = await Promise.all(
      kinds.map((kind) =>
        kind === 'good'
          ? post(CASH, randomUUID())
          : kind === 'reused'
            ? post({ ...CASH, amount: 100 }, reusedKey)
            : post({ ...CASH, businessType: 'no-such-business' }, randomUUID()),
      ),
    );
    const outcome = responses.map(
      (response, index) => `${kinds[index]} ${response.status} ${response.body.code ?? ''}`,
    );
    expect(outcome).toEqual(
      kinds.map((kind) =>
        kind === 'good'
          ? 'good 201 '
          : kind === 'reused'
            ? 'reused 422 IDEMPOTENCY_KEY_REUSED'
            : expect.stringMatching(/^unknown 4\d\d /),
      ),
    );

    const issued = responses.filter((_, index) => kinds[index] === 'good').map((response) => response.body);
    const numbers = issued.map((ticket: { number: string }) => ticket.number).sort();
    // The first ticket took A001; the 16 good ones after it are numbered without a gap.
    expect(numbers).toEqual(Array.from({ length: 16 }, (_, index) => `A${String(index + 2).padStart(3, '0')}`));
    expect([...issued.map((ticket: { ahead: number }) => ticket.ahead)].sort((a, b) => a - b)).toEqual(
      Array.from({ length: 16 }, (_, index) => index + 1),
    );

    // The log holds exactly the 17 issues, gap-free, and the snapshot counts them.
    const events = (await hall.events(seqBefore)).filter((event) => event.type === 'ticket.issued');
    expect(events).toHaveLength(17);
    expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => seqBefore + 1 + index));
    const snapshot = await hall.http.get('/api/branches/demo/queue').set('Authorization', hall.displayAuth());
    const queueA = (snapshot.body as { queues: { code: string; waiting: number }[] }).queues.find(
      (queue) => queue.code === 'A',
    );
    expect(queueA?.waiting).toBe(17);

    const after = await groupedCommands();
    if (TEST_ENGINE === 'sqlite') {
      // Some commits carried several of the 31 commands: the group commit was exercised, not bypassed.
      expect(after.commands - before.commands).toBe(31);
      expect(after.commits - before.commits).toBeLessThan(31);
    } else {
      expect(after.commands).toBe(0);
    }
  });
});

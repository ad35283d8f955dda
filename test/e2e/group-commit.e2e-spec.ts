import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DomainError } from '@lobbyflow/domain';
import { DataSource } from 'typeorm';
import { BranchEntity } from '../../apps/server/src/branches/branch.entity';
import { BranchCommands } from '../../apps/server/src/commands/branch-commands';
import { TEST_ENGINE } from './support/test-database';
import { TestHall } from './support/test-app';

const CASH = { businessType: 'cash-withdrawal', amount: 30000, hasCard: true };
const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Commands that wait together for SQLite's one connection share one commit, each in its own savepoint
 * (commands/sqlite-write-queue.ts). Mixed with commands that fail halfway, the hall must look exactly as if
 * they had run one transaction each: the failures leave nothing, the others keep their numbers and events.
 * Grouped commands run without savepoints; one that fails after writing sends the others through again,
 * each in its savepoint. On PostgreSQL the same requests run as one transaction each; the outcome must be
 * the same.
 */
describe('commands committed together', () => {
  let hall: TestHall;

  beforeAll(async () => {
    hall = await TestHall.start();
    // The day rolls over when the test's first command of the new day says so, not on a timer.
    hall.runJobsByHand();
  });
  afterAll(() => hall.stop());

  const post = (body: object, key: string) =>
    request(hall.app.getHttpServer())
      .post('/api/branches/demo/tickets')
      .set('Authorization', hall.kioskAuth())
      .set('Idempotency-Key', key)
      .send(body);

  /** A teller's call-next with an Idempotency-Key, as the staff console sends it. */
  const keyedCallNext = (teller: Awaited<ReturnType<TestHall['login']>>, key: string) =>
    request(hall.app.getHttpServer())
      .post(`/api/counters/${teller.user.counterId}/call-next`)
      .set('Authorization', `Bearer ${teller.accessToken}`)
      .set('Idempotency-Key', key)
      .send({});

  /**
   * Sends a keyed ticket issue, then the teller's keyed call-next, each given time to reach the branch's
   * queue before the next; `callNext` sends the call again with its key.
   */
  const issueThenCall = async (teller: Awaited<ReturnType<TestHall['login']>>) => {
    const issueKey = randomUUID();
    const issued = post(CASH, issueKey).then((response) => response);
    await pause(150);
    const callKey = randomUUID();
    const callNext = () => keyedCallNext(teller, callKey);
    const called = callNext().then((response) => response);
    await pause(150);
    return { issueKey, callKey, issued, callNext, called };
  };

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

  it("undoes and redoes a new day's clean-up when the day's first command is refused in a group", async () => {
    const yesterday = await hall.issue({ businessType: 'account-opening' });
    const teller = await hall.login('teller2');
    const tellerAuth = `Bearer ${teller.accessToken}`;
    const seqBefore = (await hall.events()).at(-1)?.seq ?? 0;
    // 16 hours later it is past midnight in Shanghai: the next command starts a new business day, which
    // first expires yesterday's waiting tickets and forgets yesterday's idempotency records (writes).
    hall.clock.advance(16 * 3600);

    // Hold the branch's writer so that the three commands below wait together (one group on SQLite).
    let release!: () => void;
    const holding = hall.app.get(BranchCommands).read(() => new Promise<void>((done) => (release = done)));
    const server = hall.app.getHttpServer();
    // First in line, so the first command of the new day: refused after the day's clean-up has written.
    const refused = request(server)
      .post(`/api/tickets/${randomUUID()}/start`)
      .set('Authorization', tellerAuth)
      .send({})
      .then((response) => response);
    await pause(150);
    const { issueKey, issued, callNext, called } = await issueThenCall(teller);
    release();
    await holding;

    expect([(await refused).status, (await refused).body.code]).toEqual([404, 'TICKET_NOT_FOUND']);
    const ticket = (await issued).body as { id: string; number: string };
    expect((await issued).status).toBe(201);
    expect(ticket.number).toBe('A001');
    expect((await called).status).toBe(200);
    expect((await called).body).toMatchObject({ id: ticket.id, status: 'called' });

    // Retries get the first answers: the call was recorded under its key by the run that committed.
    const calledAgain = await callNext().expect(200);
    expect(calledAgain.headers['idempotent-replayed']).toBe('true');
    expect(calledAgain.body.id).toBe(ticket.id);
    const issuedAgain = await post(CASH, issueKey).expect(201);
    expect(issuedAgain.body.id).toBe(ticket.id);

    // The log: yesterday's ticket expired once, the new ticket issued once and called once, gap-free.
    const events = await hall.events(seqBefore);
    expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => seqBefore + 1 + index));
    const about = (type: string, id: string) =>
      events.filter((event) => event.type === type && event.ticket?.id === id).length;
    expect(about('ticket.expired', yesterday.id)).toBe(1);
    expect(about('ticket.issued', ticket.id)).toBe(1);
    expect(about('ticket.called', ticket.id)).toBe(1);
    await hall.serve('teller2', ticket.id);
  });

  it('runs the commands before a failed one again, answering each once and recording each key once', async () => {
    const teller = await hall.login('teller2');
    const seqBefore = (await hall.events()).at(-1)?.seq ?? 0;
    const commands = hall.app.get(BranchCommands);
    const database = hall.app.get(DataSource);
    let release!: () => void;
    const holding = commands.read(() => new Promise<void>((done) => (release = done)));

    // In line, in this order: a keyed ticket issue, a keyed call-next, and a command that writes and then
    // fails (as a constraint or a bug would), which sends the two before it through again.
    const { issueKey, callKey, issued, callNext, called } = await issueThenCall(teller);
    let failingRuns = 0;
    const failing = commands
      .run('demo', async (tx) => {
        failingRuns += 1;
        await tx.manager.update(BranchEntity, { id: tx.branch.id }, { name: tx.branch.name });
        throw new DomainError('CONFIG_INVALID', 'Refused after writing, by the test.');
      })
      .catch((error: unknown) => error);
    await pause(50);
    release();
    await holding;

    expect(await failing).toMatchObject({ code: 'CONFIG_INVALID' });
    expect(failingRuns).toBe(1);
    const ticket = (await issued).body as { id: string; number: string };
    expect((await issued).status).toBe(201);
    expect((await called).status).toBe(200);
    const calledTicket = (await called).body as { id: string };

    // Each key holds the answer its caller got: a retry gets it again and acts no more.
    const calledAgain = await callNext().expect(200);
    expect(calledAgain.headers['idempotent-replayed']).toBe('true');
    expect(calledAgain.body.id).toBe(calledTicket.id);
    expect((await post(CASH, issueKey).expect(201)).body.id).toBe(ticket.id);
    const records = (await database.query(
      `SELECT COUNT(*) AS "n" FROM "idempotent_request" WHERE "idempotencyKey" = '${callKey}'`,
    )) as { n: number | string }[];
    expect(Number(records[0].n)).toBe(1);

    // The log: one issue, one call, nothing of the failed command, gap-free.
    const events = await hall.events(seqBefore);
    expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => seqBefore + 1 + index));
    expect(events.map((event) => event.type)).toEqual(['ticket.issued', 'ticket.called']);
  });
});

import type { Response } from 'supertest';
import { allEvents, callNextRaw, expectError, staffSnapshot } from './support/hall-helpers';
import { TestHall } from './support/test-app';

const CASH = { businessType: 'cash-withdrawal', amount: 30000, hasCard: false }; // queue A
const NON_CASH = { businessType: 'account-opening' }; // queue B
const TELLERS = ['teller1', 'teller2', 'teller3', 'teller4', 'teller5', 'teller6'];

/**
 * Many requests at once: one writer per branch (design.md §2.3) means every ticket is called exactly
 * once, numbers stay unique and gap-free, and the event log has no holes.
 */
describe('concurrent calls and issues', () => {
  let hall: TestHall;

  beforeAll(async () => {
    hall = await TestHall.start();
    // Listen once so that many supertest requests can share the server at the same time.
    await hall.app.listen(0, '127.0.0.1');
  });
  afterAll(() => hall.stop());

  function issueRaw(body: object, idempotencyKey?: string): Promise<Response> {
    const request = hall.http.post('/api/branches/demo/tickets').set('Authorization', hall.kioskAuth());
    if (idempotencyKey !== undefined) request.set('Idempotency-Key', idempotencyKey);
    return request.send(body);
  }

  it('calls each of 20 waiting tickets exactly once when 30 call-next requests race per round', async () => {
    const issued: { id: string; number: string }[] = [];
    for (let index = 0; index < 9; index++) {
      issued.push(await hall.issue(CASH), await hall.issue(NON_CASH));
    }
    issued.push(await hall.issue({ businessType: 'corporate' }));
    const vip = await hall.http
      .post('/api/branches/demo/tickets')
      .set('Authorization', await hall.auth('lobby'))
      .send({ ...CASH, priority: 'vip' })
      .expect(201);
    issued.push(vip.body);
    expect(issued).toHaveLength(20);
    expect(new Set(issued.map((ticket) => ticket.number)).size).toBe(20);
    for (const username of TELLERS) await hall.login(username);

    const calledBy = new Map<string, string>();
    let rounds = 0;
    for (;;) {
      rounds++;
      expect(rounds).toBeLessThanOrEqual(20);
      const attempts = TELLERS.flatMap((username) => Array.from({ length: 5 }, () => username));
      const responses = await Promise.all(attempts.map((username) => callNextRaw(hall, username)));

      const won: { username: string; id: string }[] = [];
      for (const username of TELLERS) {
        const mine = responses.filter((_, index) => attempts[index] === username);
        const statuses = mine.map((response) => response.status).sort();
        // One caller wins the counter and the others find it busy, or nothing waits for this counter at all.
        expect([
          [200, 409, 409, 409, 409],
          [204, 204, 204, 204, 204],
        ]).toContainEqual(statuses);
        for (const response of mine) {
          if (response.status === 409) expectError(response, 409, 'COUNTER_BUSY');
          if (response.status === 204) expect(response.text).toBe('');
          if (response.status === 200) won.push({ username, id: response.body.id });
        }
      }
      if (won.length === 0) break;
      for (const { username, id } of won) {
        expect(calledBy.has(id)).toBe(false);
        calledBy.set(id, username);
        await hall.serve(username, id);
      }
    }

    expect([...calledBy.keys()].sort()).toEqual(issued.map((ticket) => ticket.id).sort());
    // Counter 4 serves only B, counter 2 only A: the calls respected each counter's queues.
    const queueOf = new Map(issued.map((ticket) => [ticket.id, ticket.number[0]]));
    for (const [id, username] of calledBy) {
      if (username === 'teller4') expect(queueOf.get(id)).toBe('B');
      if (username === 'teller2') expect(queueOf.get(id)).toBe('A');
    }

    const { events } = await allEvents(hall);
    for (const ticket of issued) {
      const own = events.filter((event) => event.ticket?.id === ticket.id);
      expect({ number: ticket.number, calls: own.filter((event) => event.type === 'ticket.called').length }).toEqual({
        number: ticket.number,
        calls: 1,
      });
      expect(own.at(-1)).toMatchObject({ type: 'ticket.finished', ticket: { status: 'done' } });
    }
    const snapshot = await staffSnapshot(hall);
    expect(snapshot.waiting).toEqual([]);
    expect(snapshot.nowServing).toEqual([]);
  });

  it('numbers 50 concurrent issues uniquely and without gaps per queue', async () => {
    const bodies = Array.from({ length: 50 }, (_, index) => (index % 2 === 0 ? CASH : NON_CASH));
    const responses = await Promise.all(bodies.map((body) => issueRaw(body)));
    expect(responses.map((response) => response.status)).toEqual(bodies.map(() => 201));

    const numbers = (queue: string) =>
      responses
        .map((response) => response.body as { number: string; queue: string })
        .filter((ticket) => ticket.queue === queue)
        .map((ticket) => ticket.number)
        .sort();
    // The first test drew A001-A009 and B001-B009.
    const expected = (prefix: string) =>
      Array.from({ length: 25 }, (_, index) => `${prefix}${String(index + 10).padStart(3, '0')}`);
    expect(numbers('A')).toEqual(expected('A'));
    expect(numbers('B')).toEqual(expected('B'));
    expect(new Set(responses.map((response) => response.body.id)).size).toBe(50);
    expect(new Set(responses.map((response) => response.body.token)).size).toBe(50);

    const snapshot = await staffSnapshot(hall);
    expect(snapshot.queues.find((queue) => queue.code === 'A')?.waiting).toBe(25);
    expect(snapshot.queues.find((queue) => queue.code === 'B')?.waiting).toBe(25);
  });

  it('answers a repeated Idempotency-Key with the same ticket, sequentially and concurrently', async () => {
    const issuedBefore = (await allEvents(hall)).events.filter((event) => event.type === 'ticket.issued').length;

    const key = `kiosk-${crypto.randomUUID()}`;
    const first = await issueRaw(CASH, key);
    expect(first.status).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const again = await issueRaw(CASH, key);
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const pick = (body: Record<string, unknown>) => ({ id: body.id, number: body.number, token: body.token });
    expect(pick(again.body)).toEqual(pick(first.body));
    // The same request with its fields in another order is the same request.
    const reordered = await issueRaw({ hasCard: false, amount: 30000, businessType: 'cash-withdrawal' }, key);
    expect(pick(reordered.body)).toEqual(pick(first.body));

    const raceKey = `kiosk-${crypto.randomUUID()}`;
    const race = await Promise.all(Array.from({ length: 5 }, () => issueRaw(NON_CASH, raceKey)));
    expect(race.map((response) => response.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(race.map((response) => JSON.stringify(pick(response.body)))).size).toBe(1);
    expect(race.filter((response) => response.headers['idempotent-replayed'] === 'true')).toHaveLength(4);

    const reused = await issueRaw(NON_CASH, key);
    expectError(reused, 422, 'IDEMPOTENCY_KEY_REUSED');
    const tooShort = await issueRaw(CASH, 'abc');
    expectError(tooShort, 400, 'IDEMPOTENCY_KEY_INVALID');
    const badCharacters = await issueRaw(CASH, 'has spaces in it');
    expectError(badCharacters, 400, 'IDEMPOTENCY_KEY_INVALID');

    const issuedAfter = (await allEvents(hall)).events.filter((event) => event.type === 'ticket.issued').length;
    expect(issuedAfter - issuedBefore).toBe(2);
  });

  it('keeps the event log gap-free from 1 to the last seq', async () => {
    const { events, lastSeq } = await allEvents(hall);
    expect(lastSeq).toBeGreaterThan(100);
    expect(events.map((event) => event.seq)).toEqual(Array.from({ length: lastSeq }, (_, index) => index + 1));
    const snapshot = await staffSnapshot(hall);
    expect(snapshot.seq).toBe(lastSeq);
  });
});

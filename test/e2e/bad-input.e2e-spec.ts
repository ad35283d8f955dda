import type { QueueSnapshot, StaffTicketView } from '@lobbyflow/contracts';
import { counterByCode, expectError, lastSeq, post, staffSnapshot } from './support/hall-helpers';
import { TestHall } from './support/test-app';

const CASH = { businessType: 'cash-withdrawal', amount: 30000, hasCard: false }; // queue A
const NON_CASH = { businessType: 'account-opening' }; // queue B
const TICKETS = '/api/branches/demo/tickets';

/**
 * Bad input gets a clear error, never a crash or a half-write (design.md §2.8): every refusal is
 * `{statusCode, code, message}`, and the branch is exactly as it was before the refused requests.
 */
describe('refused requests', () => {
  let hall: TestHall;
  let seqBefore: number;
  let snapshotBefore: QueueSnapshot<StaffTicketView>;
  /** Tickets in each state, by the teller or counter that holds them. */
  const tickets = {} as Record<'called' | 'done' | 'serving' | 'waiting', { id: string; number: string }>;

  beforeAll(async () => {
    hall = await TestHall.start();
    tickets.called = await hall.issue(CASH);
    expect((await hall.callNext('teller2'))?.id).toBe(tickets.called.id);
    tickets.done = await hall.issue(CASH);
    expect((await hall.callNext('teller3'))?.id).toBe(tickets.done.id);
    await hall.serve('teller3', tickets.done.id);
    tickets.serving = await hall.issue(NON_CASH);
    expect((await hall.callNext('teller4'))?.id).toBe(tickets.serving.id);
    await hall.act('teller4', tickets.serving.id, 'start');
    tickets.waiting = await hall.issue(CASH);
    for (const username of ['teller2', 'teller3', 'teller4', 'lobby', 'admin']) await hall.login(username);

    seqBefore = await lastSeq(hall);
    snapshotBefore = await staffSnapshot(hall);
  });
  afterAll(() => hall.stop());

  const ticketPath = (id: string, action: string) => `/api/tickets/${id}/${action}`;

  it.each([
    ['teller2', 'called', 'finish', 'is called; it cannot be finished'],
    ['teller3', 'done', 'start', 'is finished; it cannot be started'],
    ['teller3', 'done', 'recall', 'is finished; it cannot be recalled'],
    ['teller2', 'waiting', 'start', 'is waiting; it cannot be started'],
    ['teller2', 'waiting', 'no-show', 'is waiting; it cannot be marked as a no-show'],
    ['teller4', 'serving', 'recall', 'is being served; it cannot be recalled'],
    ['teller4', 'serving', 'no-show', 'is being served; it cannot be marked as a no-show'],
    ['teller4', 'serving', 'return', 'is being served; it cannot be returned to the queue'],
    ['lobby', 'serving', 'cancel', 'is being served; it cannot be cancelled'],
    ['lobby', 'done', 'transfer', 'is finished; it cannot be transferred'],
  ] as const)('%s: %s ticket, %s -> 409 ILLEGAL_TRANSITION', async (username, state, action, words) => {
    const ticket = tickets[state];
    const body = action === 'transfer' ? { queue: 'B' } : {};
    const response = await post(hall, username, ticketPath(ticket.id, action), body);
    expectError(response, 409, 'ILLEGAL_TRANSITION');
    expect(response.body.message).toBe(`Ticket ${ticket.number} ${words}.`);
  });

  it.each([
    ['amount "abc"', { businessType: 'cash-deposit', amount: 'abc' }, 'amount', 'must be a number'],
    ['amount -1', { businessType: 'cash-deposit', amount: -1 }, 'amount', 'must not be less than 0'],
    ['amount with 3 decimals', { businessType: 'cash-deposit', amount: 20000.001 }, 'amount', 'two decimal places'],
    ['unknown field foo', { businessType: 'cash-deposit', foo: 1 }, 'foo', 'unknown field "foo"'],
    ['missing businessType', { amount: 100 }, 'businessType', 'businessType must be'],
    ['hasCard "yes"', { businessType: 'cash-deposit', hasCard: 'yes' }, 'hasCard', 'hasCard must be a boolean'],
    ['unknown priority', { businessType: 'cash-deposit', priority: 'gold' }, 'priority', 'priority must be one of'],
    ['a JSON array', [1, 2], 'businessType', 'businessType must be'],
  ])('issue with %s -> 400 VALIDATION_FAILED naming the field', async (_label, body, field, words) => {
    const response = await post(hall, hall.kioskAuth(), TICKETS, body);
    expectError(response, 400, 'VALIDATION_FAILED');
    expect(response.body.message).toContain(field);
    expect(response.body.message).toContain(words);
    expect(response.body.details.fields).toContain(field);
  });

  it('validates the bodies of staff commands too, naming the field', async () => {
    const counter2 = await counterByCode(hall, '2');
    const cases: [string, string, object, string][] = [
      ['teller2', ticketPath(tickets.called.id, 'finish'), { businessDone: 'cash-withdrawal' }, 'businessDone'],
      ['teller2', ticketPath(tickets.called.id, 'park'), {}, 'staffId'],
      ['teller2', ticketPath(tickets.called.id, 'transfer'), { counterId: 'counter-3' }, 'counterId'],
      ['teller2', ticketPath(tickets.called.id, 'finish'), { businessDone: [], note: 'hi' }, 'note'],
      ['teller2', ticketPath(tickets.called.id, 'finish'), { businessDone: ['Cash Deposit!'] }, 'businessDone'],
      ['teller2', `/api/counters/${counter2.id}/pause`, { reason: 5 }, 'reason'],
      ['teller2', `/api/counters/${counter2.id}/pause`, {}, 'reason'],
    ];
    for (const [username, path, body, field] of cases) {
      const response = await post(hall, username, path, body);
      expectError(response, 400, 'VALIDATION_FAILED');
      expect({ path, fields: response.body.details?.fields }).toEqual({ path, fields: [field] });
      expect(response.body.message).toContain(field);
    }
    const login = await hall.http.post('/api/auth/login').send({ username: 'teller2' });
    expectError(login, 400, 'VALIDATION_FAILED');
    expect(login.body.message).toContain('password');
  });

  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    for (const raw of ['{"businessType":', '{"businessType": "cash-deposit",}', "{'businessType': 'fx'}", 'null']) {
      const response = await hall.http
        .post(TICKETS)
        .set('Authorization', hall.kioskAuth())
        .set('Content-Type', 'application/json')
        .send(raw);
      expectError(response, 400, 'MALFORMED_JSON');
      expect(response.body.message).toBe('The request body is not valid JSON.');
    }
  });

  it('answers a body over 100 kB with 413 PAYLOAD_TOO_LARGE', async () => {
    const response = await post(hall, hall.kioskAuth(), TICKETS, {
      businessType: 'cash-deposit',
      padding: 'x'.repeat(101 * 1024),
    });
    expectError(response, 413, 'PAYLOAD_TOO_LARGE');
    expect(response.body.message).toContain('100 kB');
  });

  it('answers an unknown business type with 400 UNKNOWN_BUSINESS_TYPE, listing the known ones', async () => {
    for (const path of [TICKETS, '/api/branches/demo/triage', '/api/branches/demo/diversions']) {
      const response = await post(hall, hall.kioskAuth(), path, { businessType: 'mortgage' });
      expectError(response, 400, 'UNKNOWN_BUSINESS_TYPE');
      expect(response.body.message).toContain('"mortgage"');
      expect(response.body.message).toContain('cash-deposit');
    }
  });

  it('answers an unknown route with 404 NOT_FOUND, with or without a token', async () => {
    const responses = [
      await hall.http.get('/api/nope'),
      await hall.http.post('/api/branches/demo/nope').set('Authorization', hall.kioskAuth()).send({}),
      await hall.http.delete(TICKETS).set('Authorization', await hall.auth('admin')),
      await hall.http.get('/api/tickets/').set('Authorization', await hall.auth('lobby')),
    ];
    for (const response of responses) expectError(response, 404, 'NOT_FOUND');
  });

  it('answers a missing or invalid token with 401 UNAUTHENTICATED', async () => {
    const counter2 = await counterByCode(hall, '2');
    const responses = [
      await hall.http.post(`/api/counters/${counter2.id}/call-next`),
      await hall.http.post(TICKETS).send(CASH),
      await hall.http.get('/api/branches/demo/queue').set('Authorization', 'Bearer not-a-token'),
      await hall.http.get('/api/branches/demo/queue').set('Authorization', 'Bearer lfd_revoked-or-made-up'),
      await hall.http.get('/api/branches/demo/queue').set('Authorization', `Basic ${btoa('lobby:demo1234')}`),
      await hall.http.post(TICKETS).set('Authorization', 'Bearer lft_not-a-ticket').send(CASH),
    ];
    for (const response of responses) expectError(response, 401, 'UNAUTHENTICATED');
  });

  it('answers a caller of the wrong kind with 403 FORBIDDEN', async () => {
    const counter2 = await counterByCode(hall, '2');
    expectError(await post(hall, hall.kioskAuth(), `/api/counters/${counter2.id}/call-next`), 403, 'FORBIDDEN');
    expectError(await post(hall, hall.displayAuth(), TICKETS, CASH), 403, 'FORBIDDEN');
    expectError(await post(hall, 'teller2', TICKETS, CASH), 403, 'FORBIDDEN');
    expectError(await post(hall, 'lobby', `/api/counters/${counter2.id}/call-next`), 403, 'FORBIDDEN');
    expectError(await post(hall, 'teller2', ticketPath(tickets.waiting.id, 'cancel')), 403, 'FORBIDDEN');
  });

  it('answers a path in another branch with 403 WRONG_BRANCH', async () => {
    expectError(await post(hall, hall.kioskAuth(), '/api/branches/other/tickets', CASH), 403, 'WRONG_BRANCH');
    const queue = await hall.http.get('/api/branches/other/queue').set('Authorization', await hall.auth('lobby'));
    expectError(queue, 403, 'WRONG_BRANCH');
    expect(queue.body.message).toContain('"demo"');
  });

  it('answers a malformed id with 400 and an unknown id with 404', async () => {
    const notUuid = await post(hall, 'teller2', ticketPath('123', 'start'));
    expectError(notUuid, 400, 'VALIDATION_FAILED');
    expect(notUuid.body).toMatchObject({ message: 'Invalid request: id must be a UUID.', details: { fields: ['id'] } });
    expectError(await post(hall, 'teller2', '/api/counters/counter-2/call-next'), 400, 'VALIDATION_FAILED');

    const unknown = crypto.randomUUID();
    for (const action of ['start', 'finish', 'recall', 'call']) {
      expectError(await post(hall, 'teller2', ticketPath(unknown, action)), 404, 'TICKET_NOT_FOUND');
    }
    expectError(await post(hall, 'lobby', ticketPath(unknown, 'cancel')), 404, 'TICKET_NOT_FOUND');
    expectError(await post(hall, 'teller2', `/api/counters/${unknown}/call-next`), 404, 'COUNTER_NOT_FOUND');
  });

  it('refuses a body on a command that takes none, naming the field', async () => {
    const counter2 = await counterByCode(hall, '2');
    const withNote = await post(hall, 'teller2', `/api/counters/${counter2.id}/call-next`, { note: 'hi' });
    expectError(withNote, 400, 'VALIDATION_FAILED');
    expect(withNote.body.details.fields).toEqual(['note']);
    expect(withNote.body.message).toContain('"note"');
    expectError(
      await post(hall, 'lobby', ticketPath(tickets.waiting.id, 'cancel'), { reason: 'x' }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('answers a body in another charset with 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const response = await hall.http
      .post(TICKETS)
      .set('Authorization', hall.kioskAuth())
      .set('Content-Type', 'application/json; charset=latin1')
      .send(JSON.stringify(CASH));
    expectError(response, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers an unknown or malformed phone-page link with 404, never a 5xx', async () => {
    for (const token of ['lft_doesnotexist0000000000', 'not-a-token', 'x'.repeat(500)]) {
      expectError(await hall.http.get(`/api/tickets/by-token/${token}`), 404, 'TICKET_NOT_FOUND');
    }
  });

  it('wrote nothing for any refused request', async () => {
    expect(await lastSeq(hall)).toBe(seqBefore);
    expect(await staffSnapshot(hall)).toEqual(snapshotBefore);
    // No ticket number was used up by a refused issue.
    const next = await hall.issue(CASH);
    expect(next.number).toBe('A004');
  });
});

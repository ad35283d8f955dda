import type { Response } from 'supertest';
import { allEvents, expectError } from './support/hall-helpers';
import { eventually, RecordingSocket } from './support/live-clients';
import { EAST, seedEastBranch } from './support/second-branch';
import { TestHall } from './support/test-app';

/**
 * Ratings bound to a visit (domain.md §8): the teller serving a visit asks, the customer answers once,
 * inside the window, on the counter's pad or on the phone page; staff never answer, another counter's
 * pad or another branch's credential never reaches the visit. The branch settings give a 60 s window.
 */
describe('customer ratings', () => {
  let hall: TestHall;
  let baseUrl: string;
  const account = { businessType: 'account-opening' }; // queue B: counter 4 (teller4)

  beforeAll(async () => {
    hall = await TestHall.start('2026-11-23T01:00:00Z');
    baseUrl = await hall.listen();
    await hall.login('teller4');
  });
  afterAll(() => hall.stop());

  const pad4 = () => hall.ratingPadKey('4');
  const rate = (ticketId: string, credential: string, grade: string): Promise<Response> =>
    hall.http.post(`/api/tickets/${ticketId}/rating`).set('Authorization', `Bearer ${credential}`).send({ grade });
  const ask = async (ticketId: string, username = 'teller4') =>
    hall.http.post(`/api/tickets/${ticketId}/rating-request`).set('Authorization', await hall.auth(username));
  const padView = async (key: string) =>
    (await hall.http.get('/api/rating-pad').set('Authorization', `Bearer ${key}`).expect(200)).body;

  /** Issues a ticket into queue B and brings it to counter 4, served. */
  async function serving() {
    const ticket = await hall.issue(account);
    expect((await hall.callNext('teller4'))?.id).toBe(ticket.id);
    await hall.act('teller4', ticket.id, 'start');
    return ticket;
  }

  it('opens a request for the visit being served, shows it on the pad, and takes the pad answer once', async () => {
    const pad = new RecordingSocket(baseUrl, { token: pad4() });
    const lobby = new RecordingSocket(baseUrl, { token: await hall.token('lobby') });
    await Promise.all([pad.connected(), lobby.connected()]);
    const ticket = await serving();

    const asked = await ask(ticket.id);
    expect(asked.status).toBe(200);
    expect(asked.body.rating).toMatchObject({ counter: '4', grade: null, expiresAt: '2026-11-23T01:01:00.000Z' });
    expect((await padView(pad4())).request).toEqual({
      ticketId: ticket.id,
      number: ticket.number,
      counter: '4',
      expiresAt: '2026-11-23T01:01:00.000Z',
      rated: false,
    });
    expect((await padView(hall.ratingPadKey('1'))).request).toBeNull();
    await eventually('the pad hears the request', () => pad.named('ticket.rating.requested').length === 1);

    hall.clock.advance(20);
    const answered = await rate(ticket.id, pad4(), 'dissatisfied');
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ ticketId: ticket.id, rated: true });
    expect(answered.body).not.toHaveProperty('grade');
    expectError(await rate(ticket.id, pad4(), 'satisfied'), 409, 'ALREADY_RATED');
    expect((await padView(pad4())).request).toBeNull();

    // The lobby manager hears the dissatisfied answer with the counter; the pad only that it was answered.
    await eventually('the lobby hears the rating', () => lobby.named('ticket.rated').length === 1);
    const [staffEvent] = lobby.named('ticket.rated') as { ticket: { rating: object; servedBy: string } }[];
    expect(staffEvent.ticket.rating).toMatchObject({ counter: '4', grade: 'dissatisfied', source: 'pad' });
    await eventually('the pad hears the answer', () => pad.named('ticket.rated').length === 1);
    expect(JSON.stringify(pad.received)).not.toContain('dissatisfied');
    expect(JSON.stringify(pad.received)).not.toContain('servedBy');
    pad.close();
    lobby.close();

    const { events } = await allEvents(hall);
    expect(events.filter((event) => event.ticket?.id === ticket.id).map((event) => event.type)).toEqual([
      'ticket.issued',
      'ticket.called',
      'ticket.started',
      'ticket.rating.requested',
      'ticket.rated',
    ]);
    await hall.act('teller4', ticket.id, 'finish');
  });

  it('refuses a second request, an answer nobody asked for and one after the window', async () => {
    const ticket = await serving();
    expectError(await rate(ticket.id, pad4(), 'satisfied'), 409, 'RATING_NOT_REQUESTED');
    expect((await ask(ticket.id)).status).toBe(200);
    expectError(await ask(ticket.id), 409, 'RATING_ALREADY_REQUESTED');
    hall.clock.advance(61);
    expectError(await rate(ticket.id, pad4(), 'satisfied'), 409, 'RATING_WINDOW_CLOSED');
    expectError(await rate(ticket.id, ticket.token, 'satisfied'), 409, 'RATING_WINDOW_CLOSED');
    await hall.act('teller4', ticket.id, 'finish');
  });

  it('lets the teller ask right after finishing, not before serving and not long after', async () => {
    const early = await hall.issue(account);
    await hall.callNext('teller4');
    expectError(await ask(early.id), 409, 'ILLEGAL_TRANSITION'); // called, not yet served
    await hall.serve('teller4', early.id);
    hall.clock.advance(61);
    expectError(await ask(early.id), 409, 'ILLEGAL_TRANSITION');

    const ticket = await serving();
    await hall.act('teller4', ticket.id, 'finish');
    hall.clock.advance(30);
    expect((await ask(ticket.id)).status).toBe(200);
    expect((await rate(ticket.id, pad4(), 'basically-satisfied')).status).toBe(200);
  });

  it('never takes an answer from staff, another counter or another teller', async () => {
    const ticket = await serving();
    expectError(await ask(ticket.id, 'teller2'), 403, 'WRONG_COUNTER');
    expect((await ask(ticket.id)).status).toBe(200);
    for (const username of ['teller4', 'lobby', 'admin']) {
      const refused = await rate(ticket.id, await hall.token(username), 'satisfied');
      expectError(refused, 403, 'FORBIDDEN');
    }
    expectError(await rate(ticket.id, hall.ratingPadKey('1'), 'satisfied'), 403, 'WRONG_COUNTER');
    expectError(await rate(ticket.id, hall.kioskKey(), 'satisfied'), 403, 'FORBIDDEN');
    expectError(await rate(ticket.id, pad4(), 'excellent'), 400, 'VALIDATION_FAILED');
    const padAsking = hall.http
      .post(`/api/tickets/${ticket.id}/rating-request`)
      .set('Authorization', `Bearer ${pad4()}`);
    expectError(await padAsking, 403, 'FORBIDDEN');
    expect((await rate(ticket.id, pad4(), 'satisfied')).status).toBe(200);
    await hall.act('teller4', ticket.id, 'finish');
  });

  it("takes the customer's own phone page, not another ticket's", async () => {
    const ticket = await serving();
    const other = await hall.issue(account);
    expect((await ask(ticket.id)).status).toBe(200);
    const phone = await hall.http.get(`/api/tickets/by-token/${ticket.token}`).expect(200);
    expect(phone.body.rating).toMatchObject({ ticketId: ticket.id, rated: false });
    expectError(await rate(ticket.id, other.token, 'satisfied'), 404, 'TICKET_NOT_FOUND');
    expect((await rate(ticket.id, ticket.token, 'satisfied')).status).toBe(200);
    const after = await hall.http.get(`/api/tickets/by-token/${ticket.token}`).expect(200);
    expect(after.body.rating).toMatchObject({ rated: true });
    expect(after.body.rating).not.toHaveProperty('grade');
    await hall.act('teller4', ticket.id, 'finish');
    await hall.act('lobby', other.id, 'cancel');
  });

  it("closes the pad's request when the next customer is called, while the phone may still answer", async () => {
    const ticket = await serving();
    await hall.act('teller4', ticket.id, 'finish');
    expect((await ask(ticket.id)).status).toBe(200);
    const next = await hall.issue(account);
    expect((await hall.callNext('teller4'))?.id).toBe(next.id);
    expect((await padView(pad4())).request).toBeNull();
    expectError(await rate(ticket.id, pad4(), 'satisfied'), 409, 'RATING_WINDOW_CLOSED');
    expect((await rate(ticket.id, ticket.token, 'satisfied')).status).toBe(200);
    await hall.serve('teller4', next.id);
  });

  it("refuses another branch's pad and phone", async () => {
    const east = await seedEastBranch(hall);
    const ticket = await serving();
    expect((await ask(ticket.id)).status).toBe(200);
    expectError(await rate(ticket.id, east.ratingPadKey, 'satisfied'), 404, 'TICKET_NOT_FOUND');
    const eastTicket = await hall.http
      .post(`/api/branches/${EAST}/tickets`)
      .set('Authorization', `Bearer ${east.kioskKey}`)
      .send(account)
      .expect(201);
    expectError(await rate(ticket.id, eastTicket.body.token, 'satisfied'), 404, 'TICKET_NOT_FOUND');
    expect((await rate(ticket.id, pad4(), 'satisfied')).status).toBe(200);
    await hall.act('teller4', ticket.id, 'finish');
  });

  it('replays a request and an answer retried with their Idempotency-Key, recording each once', async () => {
    const ticket = await serving();
    const teller = await hall.auth('teller4');
    const askOnce = () =>
      hall.http
        .post(`/api/tickets/${ticket.id}/rating-request`)
        .set('Authorization', teller)
        .set('Idempotency-Key', 'ask-once-0001');
    const first = await askOnce().expect(200);
    const retried = await askOnce().expect(200);
    expect(retried.headers['idempotent-replayed']).toBe('true');
    expect(retried.body).toEqual(first.body);

    const pressOnce = () =>
      hall.http
        .post(`/api/tickets/${ticket.id}/rating`)
        .set('Authorization', `Bearer ${pad4()}`)
        .set('Idempotency-Key', 'press-once-0001')
        .send({ grade: 'satisfied' });
    expect((await pressOnce()).status).toBe(200);
    const again = await pressOnce();
    expect(again.status).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const { events } = await allEvents(hall);
    const mine = events.filter((event) => event.ticket?.id === ticket.id).map((event) => event.type);
    expect(mine.filter((type) => type === 'ticket.rating.requested')).toHaveLength(1);
    expect(mine.filter((type) => type === 'ticket.rated')).toHaveLength(1);
    await hall.act('teller4', ticket.id, 'finish');
  });

  it('keeps the window in the admin settings, checked like the others', async () => {
    const admin = await hall.auth('admin');
    const settings = await hall.http.get('/api/branches/demo/admin/settings').set('Authorization', admin).expect(200);
    expect(settings.body.rating).toEqual({ windowSeconds: 60 });
    const refused = await hall.http
      .patch('/api/branches/demo/admin/settings')
      .set('Authorization', admin)
      .send({ rating: { windowSeconds: 5 } });
    expectError(refused, 400, 'CONFIG_INVALID');
    expect(refused.body.details.problems).toEqual([
      { path: 'rating.windowSeconds', message: 'must be a whole number from 10 to 600' },
    ]);
    await hall.http
      .patch('/api/branches/demo/admin/settings')
      .set('Authorization', admin)
      .send({ rating: { windowSeconds: 90 } })
      .expect(200);
    const ticket = await serving();
    expect((await ask(ticket.id)).body.rating.expiresAt).toBe(
      new Date(hall.clock.now().getTime() + 90_000).toISOString(),
    );
  });

  it('registers a rating pad on a counter, and only a pad', async () => {
    const admin = await hall.auth('admin');
    const devices = (path = '/api/branches/demo/devices') => hall.http.post(path).set('Authorization', admin);
    const pad = await devices().send({ kind: 'rating-pad', name: 'spare pad', counter: '3' }).expect(201);
    expect(pad.body).toMatchObject({ kind: 'rating-pad', counter: '3' });
    expect((await padView(pad.body.key)).counter.code).toBe('3');
    expectError(await devices().send({ kind: 'rating-pad', name: 'no counter' }), 400, 'VALIDATION_FAILED');
    expectError(await devices().send({ kind: 'rating-pad', name: 'x', counter: '99' }), 404, 'COUNTER_NOT_FOUND');
    expectError(await devices().send({ kind: 'kiosk', name: 'x', counter: '3' }), 400, 'VALIDATION_FAILED');
  });
});

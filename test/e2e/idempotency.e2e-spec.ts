import { expectError, lastSeq } from './support/hall-helpers';
import { TestHall } from './support/test-app';

/**
 * Safe retries (issue #8): a staff command sent again with the same Idempotency-Key (the console retries a
 * lost answer) runs once and gets its first answer again; a new key is a new command; a key reused for
 * another request is refused. Runs on PostgreSQL too (`DB=postgres`).
 */
describe('Idempotency-Key on staff commands', () => {
  let hall: TestHall;

  beforeAll(async () => {
    hall = await TestHall.start();
  });
  afterAll(() => hall.stop());

  async function callNext(username: string, key: string) {
    const user = await hall.login(username);
    return hall.http
      .post(`/api/counters/${user.user.counterId}/call-next`)
      .set('Authorization', `Bearer ${user.accessToken}`)
      .set('Idempotency-Key', key);
  }

  async function command(username: string, path: string, key: string, body: object = {}) {
    return hall.http
      .post(path)
      .set('Authorization', await hall.auth(username))
      .set('Idempotency-Key', key)
      .send(body);
  }

  it('calls one ticket for a call-next repeated with its key, replays the answer, and calls the next for a new key', async () => {
    const first = await hall.issue({ businessType: 'account-opening' });
    const second = await hall.issue({ businessType: 'account-opening' });

    const called = await callNext('teller3', 'press-0001-call-next');
    expect(called.status).toBe(200);
    expect(called.body).toMatchObject({ id: first.id, status: 'called' });
    expect(called.headers).not.toHaveProperty('idempotent-replayed');
    const seqAfterCall = await lastSeq(hall);

    const retried = await callNext('teller3', 'press-0001-call-next');
    expect(retried.status).toBe(200);
    expect(retried.body).toEqual(called.body);
    expect(retried.headers['idempotent-replayed']).toBe('true');
    // Nothing happened the second time: no event, and the second ticket still waits.
    expect(await lastSeq(hall)).toBe(seqAfterCall);

    await hall.serve('teller3', first.id);
    const next = await callNext('teller3', 'press-0002-call-next');
    expect(next.body).toMatchObject({ id: second.id, status: 'called' });
    await hall.serve('teller3', second.id);
  });

  it('runs a repeated key only once when both requests arrive together', async () => {
    const ticket = await hall.issue({ businessType: 'account-opening' });
    await hall.login('teller4');
    const before = await lastSeq(hall);
    const [one, two] = await Promise.all([
      callNext('teller4', 'press-0003-call-next'),
      callNext('teller4', 'press-0003-call-next'),
    ]);
    expect([one.status, two.status]).toEqual([200, 200]);
    expect(one.body).toEqual(two.body);
    expect(one.body).toMatchObject({ id: ticket.id });
    expect([one.headers['idempotent-replayed'], two.headers['idempotent-replayed']].sort()).toEqual([
      'true',
      undefined,
    ]);
    expect(await lastSeq(hall)).toBe(before + 1);
    await hall.serve('teller4', ticket.id);
  });

  it('replays finish, transfer, flag, callover and a walk-in referral', async () => {
    const ticket = await hall.issue({ businessType: 'account-opening' });
    const called = await hall.callNext('teller3');
    expect(called?.id).toBe(ticket.id);
    const path = (action: string) => `/api/tickets/${ticket.id}/${action}`;

    const steps: [string, string, object][] = [
      ['teller3', path('start'), {}],
      ['teller3', path('flag'), { signals: ['asset-query-high'] }],
      ['teller3', path('callover'), { customerHasTime: false }],
      ['teller3', path('transfer'), { queue: 'A' }],
      [
        'lobby',
        '/api/referrals',
        { signals: ['fx-or-nav-browsing'], description: 'by the NAV board', customerHasTime: false },
      ],
    ];
    for (const [index, [username, route, body]] of steps.entries()) {
      const key = `step-${index}-of-a-morning`;
      const first = await command(username, route, key, body);
      expect({ route, status: first.status, code: first.body.code }).toEqual({
        route,
        status: route.endsWith('referrals') || route.endsWith('callover') ? 201 : 200,
        code: undefined,
      });
      const before = await lastSeq(hall);
      const again = await command(username, route, key, body);
      expect({ route, status: again.status, body: again.body }).toEqual({
        route,
        status: first.status,
        body: first.body,
      });
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(await lastSeq(hall)).toBe(before);
    }

    // The transferred ticket waits in queue A: finish it there, retried.
    const recalled = await hall.callNext('teller1');
    expect(recalled?.id).toBe(ticket.id);
    await command('teller1', path('start'), 'finish-0001-start');
    const finished = await command('teller1', path('finish'), 'finish-0001-finish', { businessDone: [] });
    expect(finished.status).toBe(200);
    const finishedAgain = await command('teller1', path('finish'), 'finish-0001-finish', { businessDone: [] });
    expect(finishedAgain.body).toEqual(finished.body);
  });

  it('refuses a key reused for another request, and a malformed key', async () => {
    const user = await hall.login('teller3');
    const paused = await command('teller3', `/api/counters/${user.user.counterId}/pause`, 'pause-0001-key', {
      reason: 'break',
    });
    expect(paused.status).toBe(200);
    const otherBody = await command('teller3', `/api/counters/${user.user.counterId}/pause`, 'pause-0001-key', {
      reason: 'meeting',
    });
    expectError(otherBody, 422, 'IDEMPOTENCY_KEY_REUSED');
    const otherRoute = await command('teller3', `/api/counters/${user.user.counterId}/resume`, 'pause-0001-key');
    expectError(otherRoute, 422, 'IDEMPOTENCY_KEY_REUSED');
    const otherUser = await command('lobby', `/api/counters/${user.user.counterId}/pause`, 'pause-0001-key', {
      reason: 'break',
    });
    expectError(otherUser, 422, 'IDEMPOTENCY_KEY_REUSED');

    expectError(
      await command('teller3', `/api/counters/${user.user.counterId}/resume`, 'short'),
      400,
      'IDEMPOTENCY_KEY_INVALID',
    );
    const resumed = await command('teller3', `/api/counters/${user.user.counterId}/resume`, 'resume-0001-key');
    expect(resumed.status).toBe(200);
  });

  it('forgets the keys of earlier business days', async () => {
    const ticket = await hall.issue({ businessType: 'account-opening' });
    const today = await callNext('teller3', 'press-0004-call-next');
    expect(today.body).toMatchObject({ id: ticket.id });
    hall.clock.advance(24 * 3600);
    await hall.issue({ businessType: 'account-opening' });
    hall.forget('teller3');
    const tomorrow = await callNext('teller3', 'press-0004-call-next');
    expect(tomorrow.status).toBe(200);
    expect(tomorrow.headers).not.toHaveProperty('idempotent-replayed');
    expect(tomorrow.body.id).not.toBe(ticket.id);
  });
  it('gives a retried ticket request its ticket after the business type was retired, and refuses a new one', async () => {
    const body = { businessType: 'fx' };
    const issued = await hall.issue(body, { 'Idempotency-Key': 'kiosk-7-request-0100' });
    const retire = async (active: boolean) =>
      hall.http
        .patch('/api/branches/demo/admin/business-types/fx')
        .set('Authorization', await hall.auth('admin'))
        .send({ active });
    expect((await retire(false)).status).toBe(200);
    try {
      const before = await lastSeq(hall);
      const retried = await hall.http
        .post('/api/branches/demo/tickets')
        .set('Authorization', hall.kioskAuth())
        .set('Idempotency-Key', 'kiosk-7-request-0100')
        .send(body);
      expect(retried.status).toBe(201);
      expect(retried.headers['idempotent-replayed']).toBe('true');
      expect(retried.body).toMatchObject({ id: issued.id, number: issued.number, token: issued.token });
      const fresh = await hall.http
        .post('/api/branches/demo/tickets')
        .set('Authorization', hall.kioskAuth())
        .set('Idempotency-Key', 'kiosk-7-request-0101')
        .send(body);
      expectError(fresh, 400, 'UNKNOWN_BUSINESS_TYPE');
      expect(await lastSeq(hall)).toBe(before);
    } finally {
      expect((await retire(true)).status).toBe(200);
    }
  });
});

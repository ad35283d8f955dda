import { ReferralsService } from '../../apps/server/src/referrals/referrals.service';
import { expectError } from './support/hall-helpers';
import { eventually, RecordingSocket, reportLatency } from './support/live-clients';
import { TestHall } from './support/test-app';

/**
 * After the flag (domain.md §3, §4, §6): walk-ins referred by the lobby manager, the meeting and its
 * outcome, follow-up grades with their cadence, the RM's follow-up list, and RM presence kept live.
 */
describe('the referral after the call-over', () => {
  let hall: TestHall;
  let baseUrl: string;
  const sockets: RecordingSocket[] = [];

  beforeAll(async () => {
    hall = await TestHall.start();
    hall.runJobsByHand();
    baseUrl = await hall.listen();
  });
  afterEach(() => sockets.splice(0).forEach((socket) => socket.close()));
  afterAll(() => hall.stop());

  async function socketOf(username: string): Promise<RecordingSocket> {
    const socket = new RecordingSocket(baseUrl, { token: await hall.token(username) });
    sockets.push(socket);
    await socket.connected();
    return socket;
  }

  const post = async (username: string, path: string, body: object = {}) =>
    hall.http
      .post(`/api/${path}`)
      .set('Authorization', await hall.auth(username))
      .send(body);
  const get = async (username: string, path: string) =>
    hall.http.get(`/api/${path}`).set('Authorization', await hall.auth(username));
  const setPresence = async (username: string, presence: string) =>
    hall.http
      .put('/api/rms/me/presence')
      .set('Authorization', await hall.auth(username))
      .send({ presence })
      .expect(200);
  const userId = async (username: string) => (await hall.login(username)).user.id;
  const businessDay = async () => (await get('lobby', 'branches/demo/queue')).body.businessDay as string;
  const plusDays = (day: string, days: number) =>
    new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

  /** A call-over accepted, met and given an outcome by whichever RM it reached. */
  async function meetingFor(businessType: string, outcome: object) {
    const ticket = await hall.issue({ businessType });
    const referral = (await post('lobby', `tickets/${ticket.id}/callover`, { customerHasTime: true })).body;
    const rm = referral.rm.id === (await userId('rm1')) ? 'rm1' : 'rm2';
    await post(rm, `referrals/${referral.id}/respond`, { response: 'coming' });
    await post(rm, `referrals/${referral.id}/meet`);
    const done = await post(rm, `referrals/${referral.id}/outcome`, outcome);
    expect(done.status).toBe(200);
    return { rm, referral: done.body };
  }

  it('refers a walk-in reading fund NAVs to the FX and funds RM, whose socket hears it at once', async () => {
    await Promise.all([hall.login('rm1'), hall.login('rm2')]);
    const rm2 = await socketOf('rm2');
    const teller = await socketOf('teller1');
    const sentAt = Date.now();
    const response = await post('lobby', 'referrals', {
      signals: ['entry-notable-features', 'waiting-detailed-reading', 'fx-or-nav-browsing'],
      description: 'grey suit, reading the fund NAV board by the wealth corner',
      customerHasTime: true,
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      ticketId: null,
      walkIn: 'grey suit, reading the fund NAV board by the wealth corner',
      classification: 'potential-vip',
      score: 6,
      rulesVersion: 1,
      matchReason: 'specialty',
      rm: { id: await userId('rm2') },
      status: 'alerted',
    });
    expect(response.body.reasons.map((reason: { code: string }) => reason.code)).toEqual([
      'waiting-detailed-reading',
      'entry-notable-features',
      'fx-or-nav-browsing',
    ]);
    await eventually('the call-over on the RM socket', () => rm2.named('rm.callover').length === 1);
    reportLatency('walk-in call-over on the RM socket', sentAt);
    // A teller learns that something happened (its seq), never about whom.
    await eventually('the envelope on the teller socket', () => teller.named('rm.callover').length === 1);
    expect(Object.keys(teller.named('rm.callover')[0]).sort()).toEqual([
      'at',
      'branchId',
      'businessDay',
      'seq',
      'type',
    ]);
  });

  it('refuses a walk-in referral without signals, with an unknown signal, from a teller, or a contact without consent', async () => {
    const walkIn = { signals: ['entry-notable-features'], description: 'by the door', customerHasTime: false };
    expectError(await post('lobby', 'referrals', { ...walkIn, signals: [] }), 400, 'VALIDATION_FAILED');
    expectError(await post('lobby', 'referrals', { ...walkIn, signals: ['tall'] }), 400, 'UNKNOWN_SIGNAL');
    expectError(await post('teller1', 'referrals', walkIn), 403, 'FORBIDDEN');
    const noConsent = await post('lobby', 'referrals', { ...walkIn, contact: { phone: '138 0013 8000' } });
    expectError(noConsent, 400, 'VALIDATION_FAILED');
    expect(noConsent.body.message).toMatch(/consent/);
    const before = (await get('lobby', 'referrals')).body.length;
    expectError(
      await post('lobby', 'referrals', { ...walkIn, contact: { phone: 'call me', consent: true } }),
      400,
      'VALIDATION_FAILED',
    );
    expect((await get('lobby', 'referrals')).body).toHaveLength(before);
  });

  it('records the meeting, its outcome and grade, and regrades after every contact on the cadence', async () => {
    const today = await businessDay();
    const { rm, referral } = await meetingFor('wealth-enquiry', {
      outcome: 'interested',
      grade: 'B',
      products: ['bond fund'],
      note: 'wants to compare with her deposits at another bank',
    });
    expect(referral).toMatchObject({
      status: 'follow-up',
      outcome: 'interested',
      grade: 'B',
      products: ['bond fund'],
      nextContactOn: plusDays(today, 7),
      metAt: expect.any(String),
    });

    const phoned = await post(rm, `referrals/${referral.id}/contacts`, {
      channel: 'phone',
      grade: 'A',
      products: ['fixed-term deposit'],
      note: 'coming in on Friday',
    });
    expect(phoned.body).toMatchObject({
      status: 'follow-up',
      grade: 'A',
      nextContactOn: plusDays(today, 1),
      products: ['bond fund', 'fixed-term deposit'],
      contacts: [{ channel: 'phone', grade: 'A', outcome: null, note: 'coming in on Friday' }],
    });
    const converted = await post(rm, `referrals/${referral.id}/contacts`, {
      channel: 'visit',
      grade: 'C',
      outcome: 'converted',
    });
    expect(converted.body).toMatchObject({ status: 'converted', outcome: 'converted', grade: 'C' });
    expect(converted.body.nextContactOn).toBe(plusDays(today, 15));
    expect(converted.body.contacts).toHaveLength(2);
  });

  it('keeps the order of the lifecycle: no outcome before the meeting, no answer from another RM', async () => {
    const ticket = await hall.issue({ businessType: 'fx' });
    const referral = (await post('lobby', `tickets/${ticket.id}/callover`, { customerHasTime: true })).body;
    const rm = referral.rm.id === (await userId('rm1')) ? 'rm1' : 'rm2';
    const other = rm === 'rm1' ? 'rm2' : 'rm1';
    const outcome = { outcome: 'converted', grade: 'A' };
    expectError(await post(rm, `referrals/${referral.id}/outcome`, outcome), 409, 'ILLEGAL_TRANSITION');
    expectError(
      await post(rm, `referrals/${referral.id}/contacts`, { channel: 'phone', grade: 'A' }),
      409,
      'ILLEGAL_TRANSITION',
    );
    expectError(await post(other, `referrals/${referral.id}/meet`), 403, 'FORBIDDEN');
    expectError(await post(rm, `referrals/${crypto.randomUUID()}/meet`), 404, 'REFERRAL_NOT_FOUND');
    expectError(
      await post(rm, `referrals/${referral.id}/outcome`, { outcome: 'maybe', grade: 'F' }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(await post('lobby', `referrals/${referral.id}/meet`), 403, 'FORBIDDEN');
    await post(rm, `referrals/${referral.id}/respond`, { response: 'coming' });
    expect((await post(rm, `referrals/${referral.id}/meet`)).body.status).toBe('met');
    expectError(await post(rm, `referrals/${referral.id}/meet`), 409, 'ILLEGAL_TRANSITION');
    expect((await post(rm, `referrals/${referral.id}/outcome`, outcome)).body.status).toBe('converted');
  });

  it('hands a customer with no time to an RM for a call back with consent, then meets them when they return', async () => {
    const today = await businessDay();
    const ticket = await hall.issue({ businessType: 'cash-deposit', amount: 80000, hasCard: true });
    const referral = await post('lobby', `tickets/${ticket.id}/callover`, {
      customerHasTime: false,
      note: 'experience card given',
      contact: { name: '刘女士', phone: '138 0013 8000', consent: true },
    });
    expect(referral.body).toMatchObject({
      status: 'follow-up',
      grade: null,
      nextContactOn: plusDays(today, 1),
      contact: { name: '刘女士', phone: '138 0013 8000', consentAt: expect.any(String) },
    });
    const rm = referral.body.rm.id === (await userId('rm1')) ? 'rm1' : 'rm2';
    const called = await post(rm, `referrals/${referral.body.id}/contacts`, { channel: 'phone', grade: 'D' });
    expect(called.body).toMatchObject({ grade: 'D', nextContactOn: plusDays(today, 30) });
    expect((await post(rm, `referrals/${referral.body.id}/meet`)).body.status).toBe('met');
    const outcome = await post(rm, `referrals/${referral.body.id}/outcome`, { outcome: 'not-interested', grade: 'E' });
    expect(outcome.body).toMatchObject({ status: 'follow-up', grade: 'E', nextContactOn: plusDays(today, 365) });
  });

  it("lists an RM's follow-ups by the day they are due, and every RM's for the lobby manager", async () => {
    const mine = (await get('rm1', 'follow-ups')).body as { rm: { id: string }; nextContactOn: string }[];
    const rm1 = await userId('rm1');
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((referral) => referral.rm.id === rm1)).toBe(true);
    const days = mine.map((referral) => referral.nextContactOn);
    expect(days).toEqual([...days].sort());

    const all = (await get('lobby', 'follow-ups')).body as { rm: { id: string }; nextContactOn: string }[];
    expect(all.length).toBeGreaterThanOrEqual(mine.length);
    expect(all.map((referral) => referral.nextContactOn)).toEqual(all.map((r) => r.nextContactOn).sort());
    const only = (await get('lobby', `follow-ups?rm=${rm1}`)).body as unknown[];
    expect(only).toHaveLength(mine.length);
    expectError(await get('lobby', 'follow-ups?rm=someone'), 400, 'VALIDATION_FAILED');
    expectError(await get('teller1', 'follow-ups'), 403, 'FORBIDDEN');
  });

  it('keeps RM presence live: an away RM is not called over, and the lobby manager sees every change', async () => {
    const lobby = await socketOf('lobby');
    const display = new RecordingSocket(baseUrl, { token: hall.displayKey() });
    sockets.push(display);
    await display.connected();
    await setPresence('rm2', 'away');
    await eventually('the lobby manager to see rm2 away', () =>
      lobby.named('rm.presence').some((event) => (event.rm as { presence: string }).presence === 'away'),
    );
    const snapshot = (await get('lobby', 'branches/demo/queue')).body;
    expect(snapshot.rms.map((rm: { presence: string }) => rm.presence).sort()).toEqual(['available', 'away']);
    const publicSnapshot = await hall.http.get('/api/branches/demo/queue').set('Authorization', hall.displayAuth());
    expect(publicSnapshot.body.rms).toEqual([]);

    const fx = await hall.issue({ businessType: 'fx' });
    const referral = (await post('lobby', `tickets/${fx.id}/callover`, { customerHasTime: true })).body;
    expect(referral.rm.id).toBe(await userId('rm1')); // rm2 knows FX but is away
    await eventually('the display to get only envelopes', () => display.named('rm.presence').length >= 1);
    expect(Object.keys(display.named('rm.presence')[0]).sort()).toEqual([
      'at',
      'branchId',
      'businessDay',
      'seq',
      'type',
    ]);
    await setPresence('rm2', 'available');
    expectError(
      await hall.http
        .put('/api/rms/me/presence')
        .set('Authorization', await hall.auth('rm2'))
        .send({ presence: 'gone' }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await hall.http
        .put('/api/rms/me/presence')
        .set('Authorization', await hall.auth('teller1'))
        .send({ presence: 'away' }),
      403,
      'FORBIDDEN',
    );
  });

  it('marks an RM away when their session lapses without a sign-out, and when they sign out', async () => {
    const lobby = await socketOf('lobby');
    const rm2 = await userId('rm2');
    const rms = async () => (await get('lobby', 'rms')).body as { id: string; presence: string }[];
    expect((await rms()).find((rm) => rm.id === rm2)?.presence).toBe('available');

    hall.clock.advance(3601); // past the session's end (JWT_TTL_SECONDS defaults to an hour)
    expect((await rms()).find((rm) => rm.id === rm2)?.presence).toBe('away');
    await hall.app.get(ReferralsService).escalateAll();
    await eventually('the lobby manager to hear the lapse', () =>
      lobby.named('rm.presence').some((event) => (event.rm as { id: string; presence: string }).id === rm2),
    );

    // A fresh sign-in makes the RM available; signing out makes them away at once.
    const login = await hall.http.post('/api/auth/login').send({ username: 'rm2', password: 'demo1234' }).expect(200);
    expect((await rms()).find((rm) => rm.id === rm2)?.presence).toBe('available');
    await hall.http.post('/api/auth/logout').set('Authorization', `Bearer ${login.body.accessToken}`).expect(204);
    expect((await rms()).find((rm) => rm.id === rm2)?.presence).toBe('away');
  });
});

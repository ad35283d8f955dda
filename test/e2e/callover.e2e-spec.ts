import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ReferralsService } from '../../apps/server/src/referrals/referrals.service';
import { expectError } from './support/hall-helpers';
import { eventually, RecordingSocket, reportLatency } from './support/live-clients';
import { TestHall } from './support/test-app';

/** Call-over scenarios from the playbook (domain.md §4), against a real server and real sockets. */
describe('referrals and the RM call-over', () => {
  let hall: TestHall;
  let baseUrl: string;
  const sockets: RecordingSocket[] = [];

  beforeAll(async () => {
    hall = await TestHall.start();
    hall.runJobsByHand();
    baseUrl = await hall.listen();
    await hall.http
      .post('/api/branches/demo/customers/import')
      .set('Authorization', await hall.auth('admin'))
      .set('Content-Type', 'text/csv')
      .send(readFileSync(join(__dirname, '../fixtures/customers.csv'), 'utf8'))
      .expect(201);
  });
  afterEach(() => sockets.splice(0).forEach((socket) => socket.close()));
  afterAll(() => hall.stop());

  async function socketOf(username: string): Promise<RecordingSocket> {
    const socket = new RecordingSocket(baseUrl, { token: await hall.token(username) });
    sockets.push(socket);
    await socket.connected();
    return socket;
  }

  const callover = async (username: string, ticketId: string, body: object) =>
    hall.http
      .post(`/api/tickets/${ticketId}/callover`)
      .set('Authorization', await hall.auth(username))
      .send(body);
  const respond = async (username: string, referralId: string, body: object) =>
    hall.http
      .post(`/api/referrals/${referralId}/respond`)
      .set('Authorization', await hall.auth(username))
      .send(body);

  it('sends a potential VIP depositing 80,000 cash from the teller to a free RM, whose socket hears it', async () => {
    const rm1 = await socketOf('rm1');
    const rm2 = await socketOf('rm2');
    const ticket = await hall.issue({ businessType: 'cash-deposit', amount: 80000, hasCard: true });
    expect((await hall.callNext('teller2'))?.id).toBe(ticket.id);
    await hall.act('teller2', ticket.id, 'start');

    const sentAt = Date.now();
    const response = await callover('teller2', ticket.id, {
      customerHasTime: true,
      note: 'asked about fixed-term products',
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      ticketNumber: ticket.number,
      classification: 'potential-vip',
      status: 'alerted',
      matchReason: 'least-loaded',
      note: 'asked about fixed-term products',
    });
    const target = response.body.rm.id === (await hall.login('rm1')).user.id ? rm1 : rm2;
    await eventually('the call-over on the RM socket', () => target.named('rm.callover').length === 1);
    reportLatency('call-over on the RM socket', sentAt);
    expect(target.named('rm.callover')[0]).toMatchObject({
      referral: { id: response.body.id, reasons: [expect.objectContaining({ code: 'large-cash' })] },
    });
    // The other RM hears that a call-over happened (its seq), not for whom or why.
    const other = (target === rm1 ? rm2 : rm1).named('rm.callover');
    expect(other.map((event) => Object.keys(event).sort())).toEqual([['at', 'branchId', 'businessDay', 'seq', 'type']]);

    const rm = target === rm1 ? 'rm1' : 'rm2';
    const coming = await respond(rm, response.body.id, { response: 'coming' });
    expect(coming.body).toMatchObject({ status: 'accepted' });
    await hall.act('teller2', ticket.id, 'finish');
    // The RM is with the customer until the meeting's outcome is recorded; then free for the next.
    const presence = async () =>
      (await hall.http.get('/api/rms').set('Authorization', await hall.auth('lobby'))).body.find(
        (view: { id: string }) => view.id === response.body.rm.id,
      ).presence;
    expect(await presence()).toBe('with-customer');
    await hall.http
      .post(`/api/referrals/${response.body.id}/meet`)
      .set('Authorization', await hall.auth(rm))
      .expect(200);
    await hall.http
      .post(`/api/referrals/${response.body.id}/outcome`)
      .set('Authorization', await hall.auth(rm))
      .send({ outcome: 'interested', grade: 'B', products: ['fixed-term deposit'] })
      .expect(200);
    expect(await presence()).toBe('available');
  });

  it("calls a known private-banking customer's own RM", async () => {
    const ticket = await hall.issue({
      businessType: 'wealth-enquiry',
      customer: { idKind: 'card', idNumber: '6222021234567890123' },
    });
    const referral = await callover('lobby', ticket.id, { customerHasTime: true });
    expect(referral.body).toMatchObject({
      classification: 'vip',
      matchReason: 'own-rm',
      rm: { displayName: '周经理 (RM)' },
      customer: { masked: '6222 **** **** 0123' },
    });
    expect(referral.body.opening.zh).toMatch(/^您好，我是客户经理周经理/);
  });

  it('passes an unanswered call-over to the next RM and lets the lobby manager see it', async () => {
    const lobby = await socketOf('lobby');
    const ticket = await hall.issue({ businessType: 'fx' });
    const first = (await callover('lobby', ticket.id, { customerHasTime: true })).body;
    expect(first.matchReason).toBe('specialty'); // rm2 knows FX
    hall.clock.advance(61);
    expect(await hall.app.get(ReferralsService).escalateAll()).toBeGreaterThanOrEqual(1);
    const mine = await hall.http.get('/api/referrals').set('Authorization', await hall.auth('lobby'));
    const now = mine.body.find((referral: { id: string }) => referral.id === first.id);
    expect(now).toMatchObject({
      status: 'alerted',
      passedOver: [first.rm.id],
      passedOverNames: [first.rm.displayName],
    });
    expect(now.rm.id).not.toBe(first.rm.id);
    await eventually('the lobby manager to see the pass-over', () =>
      lobby.named('referral.updated').some((event) => (event.referral as { id: string }).id === first.id),
    );
  });

  it('gives a customer with no time a follow-up referral, not a call-over', async () => {
    const ticket = await hall.issue({ businessType: 'wealth-enquiry' });
    const referral = await callover('lobby', ticket.id, { customerHasTime: false });
    expect(referral.body).toMatchObject({ status: 'follow-up', alertedAt: null, customerHasTime: false });
  });

  it('lets an RM defer or decline; a decline goes to the next RM, and only the addressed RM may answer', async () => {
    const ticket = await hall.issue({ businessType: 'wealth-enquiry' });
    const referral = (await callover('lobby', ticket.id, { customerHasTime: true })).body;
    const addressed = referral.rm.displayName.startsWith('周') ? 'rm1' : 'rm2';
    const other = addressed === 'rm1' ? 'rm2' : 'rm1';
    expectError(await respond(other, referral.id, { response: 'coming' }), 403, 'FORBIDDEN');
    expectError(await respond(addressed, referral.id, { response: 'defer' }), 400, 'VALIDATION_FAILED');
    const deferred = await respond(addressed, referral.id, { response: 'defer', minutes: 10 });
    expect(deferred.body).toMatchObject({ status: 'deferred', deferMinutes: 10 });
    const declined = await respond(addressed, referral.id, { response: 'decline', reason: 'with a client until noon' });
    expect(declined.body).toMatchObject({ status: 'alerted', passedOver: [referral.rm.id] });
    expect(declined.body.rm.id).not.toBe(referral.rm.id);
    const lastDecline = await respond(other, referral.id, { response: 'decline', reason: 'out of office' });
    expect(lastDecline.body).toMatchObject({
      status: 'declined',
      passedOver: [referral.rm.id, declined.body.rm.id],
      passedOverNames: [referral.rm.displayName, declined.body.rm.displayName],
    });
  });

  it('keeps call-overs off public screens', async () => {
    const display = new RecordingSocket(baseUrl, { token: hall.displayKey() });
    sockets.push(display);
    await display.connected();
    const ticket = await hall.issue({ businessType: 'wealth-enquiry' });
    await callover('lobby', ticket.id, { customerHasTime: true });
    await eventually('the envelope on the display', () => display.named('rm.callover').length === 1);
    expect(Object.keys(display.named('rm.callover')[0]).sort()).toEqual([
      'at',
      'branchId',
      'businessDay',
      'seq',
      'type',
    ]);
  });
});

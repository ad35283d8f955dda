import { expectError } from './support/hall-helpers';
import { TestHall } from './support/test-app';

/** The lobby manager's second diversion (domain.md §2): a waiting customer sent to the machines. */
describe('re-diverting a waiting customer to self-service', () => {
  let hall: TestHall;

  beforeAll(async () => {
    hall = await TestHall.start();
  });
  afterAll(() => hall.stop());

  const redirect = async (username: string, ticketId: string, body: object) =>
    hall.http
      .post(`/api/tickets/${ticketId}/self-service`)
      .set('Authorization', await hall.auth(username))
      .send(body);

  it('ends the ticket and records the diversion with its reason, in one command', async () => {
    // A customer who declined the machine at the kiosk, and the lobby manager talks them round.
    const ticket = await hall.issue({
      businessType: 'cash-deposit',
      amount: 5000,
      hasCard: true,
      declinedAdvice: true,
    });
    const before = (await hall.events()).length;
    const response = await redirect('lobby', ticket.id, { reason: 'Small amount: the machine can do it' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: ticket.id, status: 'cancelled' });
    const events = (await hall.events()).slice(before);
    expect(events.map((event) => event.type)).toEqual(['ticket.cancelled', 'diversion.recorded']);
    expect(events[1]).toMatchObject({
      outcome: 'redirected',
      ticketId: ticket.id,
      reason: 'Small amount: the machine can do it',
    });
    const report = await hall.http
      .get('/api/branches/demo/reports/kpis')
      .set('Authorization', await hall.auth('lobby'));
    // The kiosk's declined advice stays declined; the re-diversion is counted on its own.
    expect(report.body.diversion).toEqual({ advised: 1, accepted: 0, declined: 1, rate: 0, redirected: 1 });
  });

  it('refuses a called ticket, business no machine does, a teller, and a missing reason, changing nothing', async () => {
    const opening = await hall.issue({ businessType: 'account-opening' });
    expectError(await redirect('lobby', opening.id, { reason: 'machine is free' }), 422, 'NO_ROUTE');
    expectError(await redirect('teller1', opening.id, { reason: 'machine is free' }), 403, 'FORBIDDEN');
    const cash = await hall.issue({ businessType: 'cash-deposit', amount: 5000, hasCard: true, declinedAdvice: true });
    expectError(await redirect('lobby', cash.id, {}), 400, 'VALIDATION_FAILED');
    expect((await hall.callNext('teller2'))?.id).toBe(cash.id);
    expectError(await redirect('lobby', cash.id, { reason: 'machine is free' }), 409, 'ILLEGAL_TRANSITION');
    const snapshot = await hall.http.get('/api/branches/demo/queue').set('Authorization', await hall.auth('lobby'));
    expect(snapshot.body.waiting.map((ticket: { id: string }) => ticket.id)).toEqual([opening.id]);
  });
});

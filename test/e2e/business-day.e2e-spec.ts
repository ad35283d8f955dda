import type { StaffTicketView } from '@lobbyflow/contracts';
import { allEvents, callNextRaw, expectError, post, staffSnapshot } from './support/hall-helpers';
import { TestHall } from './support/test-app';

const CASH = { businessType: 'cash-withdrawal', amount: 30000, hasCard: false }; // queue A
const NON_CASH = { businessType: 'account-opening' }; // queue B

/**
 * The business day ends at local midnight in the branch's time zone (Asia/Shanghai, UTC+8: 16:00Z).
 * The first command of the new day restarts numbering and closes yesterday's open tickets as expired.
 */
describe('the business day boundary', () => {
  let hall: TestHall;
  const yesterday: Record<string, { id: string; number: string; token: string }> = {};

  beforeAll(async () => {
    hall = await TestHall.start('2026-11-23T01:00:00Z'); // Monday 09:00 in Shanghai
  });
  afterAll(() => hall.stop());

  async function callNext(username: string): Promise<StaffTicketView> {
    const ticket = await hall.callNext(username);
    if (!ticket) throw new Error(`${username} found nothing to call`);
    return ticket as unknown as StaffTicketView;
  }

  it('leaves tickets in every open state at the end of the day', async () => {
    yesterday.done = await hall.issue(CASH, { 'Idempotency-Key': 'kiosk-1-request-0001' });
    expect((await callNext('teller1')).id).toBe(yesterday.done.id);
    await hall.serve('teller1', yesterday.done.id);

    yesterday.called = await hall.issue(CASH);
    yesterday.parked = await hall.issue(CASH);
    yesterday.waiting = await hall.issue(CASH);
    yesterday.serving = await hall.issue(NON_CASH);
    expect(Object.values(yesterday).map((ticket) => ticket.number)).toEqual(['A001', 'A002', 'A003', 'A004', 'B001']);

    expect((await callNext('teller2')).id).toBe(yesterday.called.id);
    expect((await callNext('teller4')).id).toBe(yesterday.serving.id);
    await hall.act('teller4', yesterday.serving.id, 'start');
    expect((await callNext('teller3')).id).toBe(yesterday.parked.id);
    await hall.act('teller3', yesterday.parked.id, 'park', { staffId: (await hall.login('rm1')).user.id });

    const snapshot = await staffSnapshot(hall);
    expect(snapshot.businessDay).toBe('2026-11-23');
    expect(snapshot.waiting.map((ticket) => ticket.number)).toEqual(['A004']);
    expect(snapshot.nowServing.map((ticket) => ticket.number).sort()).toEqual(['A002', 'B001']);
  });

  it('continues numbering one second before local midnight (15:59:59Z)', async () => {
    hall.clock.set('2026-11-23T15:59:59Z');
    const late = await hall.issue(CASH);
    expect(late).toMatchObject({ number: 'A005', businessDay: '2026-11-23' });
    yesterday.late = late;
    const { events } = await allEvents(hall);
    expect(events.filter((event) => event.type === 'ticket.expired')).toEqual([]);
  });

  it('restarts numbering at A001 with the first command after local midnight and expires open tickets', async () => {
    const before = (await allEvents(hall)).lastSeq;
    hall.clock.set('2026-11-23T16:00:00Z'); // Tuesday 00:00 in Shanghai

    const first = await hall.issue(CASH);
    expect(first).toMatchObject({ number: 'A001', businessDay: '2026-11-24', ahead: 0 });
    expect(first.id).not.toBe(yesterday.done.id);
    const second = await hall.issue(NON_CASH);
    expect(second).toMatchObject({ number: 'B001', businessDay: '2026-11-24' });

    const { events } = await allEvents(hall, before);
    const expired = events.filter((event) => event.type === 'ticket.expired');
    expect(expired.map((event) => event.ticket?.number).sort()).toEqual(['A002', 'A003', 'A004', 'A005', 'B001']);
    for (const event of expired) {
      expect(event.ticket).toMatchObject({
        status: 'expired',
        businessDay: '2026-11-23',
        finishedAt: '2026-11-23T16:00:00.000Z',
      });
    }
    expect(expired.map((event) => event.ticket?.id)).not.toContain(yesterday.done.id);
    // The day closes before the command of the new day runs: expiries come first in the log.
    const firstIssued = events.find((event) => event.type === 'ticket.issued' && event.ticket?.id === first.id);
    expect(Math.max(...expired.map((event) => event.seq))).toBeLessThan(firstIssued?.seq ?? 0);
  });

  it('scopes an Idempotency-Key to the business day: a kiosk reusing a key today gets a new ticket', async () => {
    const today = await hall.issue(CASH, { 'Idempotency-Key': 'kiosk-1-request-0001' });
    expect(today.id).not.toBe(yesterday.done.id);
    expect(today).toMatchObject({ number: 'A002', businessDay: '2026-11-24' });
    const retry = await hall.issue(CASH, { 'Idempotency-Key': 'kiosk-1-request-0001' });
    expect(retry.id).toBe(today.id);
  });

  it('shows none of yesterday tickets on the new day and frees the counters', async () => {
    const snapshot = await staffSnapshot(hall);
    expect(snapshot.businessDay).toBe('2026-11-24');
    expect(snapshot.waiting.map((ticket) => [ticket.number, ticket.businessDay])).toEqual([
      ['A001', '2026-11-24'],
      ['A002', '2026-11-24'],
      ['B001', '2026-11-24'],
    ]);
    expect(snapshot.nowServing).toEqual([]);
    expect(snapshot.counters.map((counter) => counter.currentTicket)).toEqual(snapshot.counters.map(() => null));
    const queueA = snapshot.queues.find((queue) => queue.code === 'A');
    expect(queueA).toMatchObject({ waiting: 2 });

    // Yesterday's customer sees the ticket closed on the phone page.
    const phone = await hall.http.get(`/api/tickets/by-token/${yesterday.waiting.token}`).expect(200);
    expect(phone.body).toMatchObject({ number: 'A004', status: 'expired', ahead: 0 });

    // Counters that held yesterday's tickets call today's; yesterday's parked ticket cannot be called.
    const atCounter2 = await callNextRaw(hall, 'teller2');
    expect(atCounter2.status).toBe(200);
    expect(atCounter2.body).toMatchObject({ number: 'A001', businessDay: '2026-11-24' });
    const atCounter4 = await callNextRaw(hall, 'teller4');
    expect(atCounter4.body).toMatchObject({ number: 'B001', businessDay: '2026-11-24' });
    expectError(await post(hall, 'rm1', `/api/tickets/${yesterday.parked.id}/call`), 409, 'ILLEGAL_TRANSITION');
  });
});

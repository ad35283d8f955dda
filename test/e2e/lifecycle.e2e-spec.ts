import type { IssuedTicket, StaffTicketView } from '@lobbyflow/contracts';
import {
  allEvents,
  callNextRaw,
  counterByCode,
  expectError,
  lastSeq,
  post,
  staffSnapshot,
} from './support/hall-helpers';
import { TestHall } from './support/test-app';

const CASH = { businessType: 'cash-withdrawal', amount: 30000, hasCard: false }; // queue A
const NON_CASH = { businessType: 'account-opening' }; // queue B

/** One ticket through every turn of its life (design.md §4), as tellers, RMs and the lobby manager act. */
describe('ticket lifecycle at the counters', () => {
  let hall: TestHall;

  beforeAll(async () => {
    hall = await TestHall.start();
  });
  afterAll(() => hall.stop());

  const ticketPath = (id: string, action: string) => `/api/tickets/${id}/${action}`;

  async function issue(body: object): Promise<IssuedTicket> {
    return (await hall.issue(body as Record<string, unknown>)) as IssuedTicket;
  }

  async function callNext(username: string): Promise<StaffTicketView> {
    const ticket = await hall.callNext(username);
    if (!ticket) throw new Error(`${username} found nothing to call`);
    return ticket as unknown as StaffTicketView;
  }

  async function expectNothingToCall(username: string): Promise<void> {
    const response = await callNextRaw(hall, username);
    expect({ username, status: response.status }).toEqual({ username, status: 204 });
  }

  async function eventsOf(ticketId: string) {
    return (await allEvents(hall)).events.filter((event) => event.ticket?.id === ticketId);
  }

  it('recalls only after recallDelaySeconds and records a no-show only after two recalls', async () => {
    const issued = await issue(CASH);
    const called = await callNext('teller2');
    expect(called).toMatchObject({ id: issued.id, status: 'called', counter: '2', recallCount: 0 });

    const tooSoon = await post(hall, 'teller2', ticketPath(issued.id, 'recall'));
    expectError(tooSoon, 409, 'RECALL_TOO_SOON');
    expect(tooSoon.body.details).toEqual({ retryAfterSeconds: 30 });
    expect(tooSoon.body.message).toContain('30 s');

    hall.clock.advance(12);
    const stillTooSoon = await post(hall, 'teller2', ticketPath(issued.id, 'recall'));
    expectError(stillTooSoon, 409, 'RECALL_TOO_SOON');
    expect(stillTooSoon.body.details.retryAfterSeconds).toBe(18);

    const earlyNoShow = await post(hall, 'teller2', ticketPath(issued.id, 'no-show'));
    expectError(earlyNoShow, 409, 'NO_SHOW_TOO_EARLY');
    expect(earlyNoShow.body.details).toEqual({ recallCount: 0, required: 2 });

    hall.clock.advance(18);
    const first = await hall.act('teller2', issued.id, 'recall');
    expect(first).toMatchObject({ status: 'called', recallCount: 1, calledAt: hall.clock.now().toISOString() });

    // The delay counts from the last call, so a recall right after a recall is too soon again.
    expectError(await post(hall, 'teller2', ticketPath(issued.id, 'recall')), 409, 'RECALL_TOO_SOON');
    expectError(await post(hall, 'teller2', ticketPath(issued.id, 'no-show')), 409, 'NO_SHOW_TOO_EARLY');

    hall.clock.advance(30);
    expect(await hall.act('teller2', issued.id, 'recall')).toMatchObject({ recallCount: 2 });
    const noShow = await hall.act('teller2', issued.id, 'no-show');
    expect(noShow).toMatchObject({ status: 'no-show', finishedAt: hall.clock.now().toISOString() });

    expect((await eventsOf(issued.id)).map((event) => event.type)).toEqual([
      'ticket.issued',
      'ticket.called',
      'ticket.recalled',
      'ticket.recalled',
      'ticket.no-show',
    ]);
    await expectNothingToCall('teller2');
  });

  it('returns a called ticket to the queue with its place kept, on hold for a moment', async () => {
    const first = await issue(CASH);
    hall.clock.advance(60);
    const second = await issue(CASH);
    const called = await callNext('teller2');
    expect(called.id).toBe(first.id);

    hall.clock.advance(30);
    const returned = await hall.act('teller2', first.id, 'return');
    expect(returned).toMatchObject({
      status: 'waiting',
      counterId: null,
      counter: null,
      calledAt: null,
      queuedAt: called.queuedAt,
    });
    const snapshot = await staffSnapshot(hall);
    expect(snapshot.waiting.map((ticket) => ticket.number)).toEqual([first.number, second.number]);
    expect(snapshot.nowServing).toEqual([]);

    // The customer stepped away: the next call goes to someone who is there, and once the hold
    // (returnHoldSeconds, 120 s in the demo) is over the returned ticket is called first again.
    expect((await callNext('teller2')).id).toBe(second.id);
    await hall.serve('teller2', second.id);
    await expectNothingToCall('teller2');
    hall.clock.advance(120);
    expect((await callNext('teller2')).id).toBe(first.id);
    await hall.serve('teller2', first.id);
  });

  it('lets the teller holding a ticket transfer it to another queue, keeping its number and issue time', async () => {
    const issued = await issue(CASH);
    hall.clock.advance(120);
    const called = await callNext('teller2');
    expect(called.id).toBe(issued.id);
    hall.clock.advance(60);

    const before = await lastSeq(hall);
    const transferred = await hall.act('teller2', issued.id, 'transfer', { queue: 'B' });
    expect(transferred).toMatchObject({
      number: issued.number,
      status: 'waiting',
      queue: 'B',
      destination: 'open-counter',
      counterId: null,
      issuedAt: issued.issuedAt,
      queuedAt: issued.issuedAt,
    });

    const { events } = await allEvents(hall, before);
    expect(events).toEqual([
      expect.objectContaining({
        type: 'ticket.transferred',
        fromQueue: 'A',
        // The minute at counter 2 stays on record: service time runs from the call to the transfer.
        leg: {
          counter: '2',
          calledAt: called.calledAt,
          startedAt: null,
          endedAt: new Date(Date.parse(called.calledAt as string) + 60_000).toISOString(),
        },
        // Every queue's figures: counters shared between queues make any change move any estimate.
        queues: ['A', 'B', 'V', 'W', 'C'].map((code) =>
          expect.objectContaining({ code, waiting: code === 'B' ? 1 : 0 }),
        ),
        ticket: expect.objectContaining({
          id: issued.id,
          queue: 'B',
          issuedAt: issued.issuedAt,
          queuedAt: issued.issuedAt,
        }),
      }),
    ]);
    const snapshot = await staffSnapshot(hall);
    expect(snapshot.waiting).toEqual([
      expect.objectContaining({ id: issued.id, number: issued.number, queue: 'B', queuedAt: issued.issuedAt }),
    ]);
    expect(snapshot.queues.find((queue) => queue.code === 'B')?.waiting).toBe(1);

    // Counter 2 serves A only; counter 4 (B only) now calls the ticket, still under its old number.
    await expectNothingToCall('teller2');
    const atCounter4 = await callNext('teller4');
    expect(atCounter4).toMatchObject({ id: issued.id, number: issued.number, counter: '4' });
    await hall.serve('teller4', issued.id);
  });

  it('lets the lobby manager transfer a waiting ticket, which keeps its place ahead of newer tickets', async () => {
    const older = await issue(NON_CASH);
    hall.clock.advance(60);
    const newer = await issue(CASH);

    // A teller may not move a ticket that waits for nobody; wrong targets are refused.
    expectError(await post(hall, 'teller4', ticketPath(older.id, 'transfer'), { queue: 'A' }), 403, 'FORBIDDEN');
    expectError(await post(hall, 'lobby', ticketPath(older.id, 'transfer'), {}), 400, 'TRANSFER_TARGET_REQUIRED');
    expectError(
      await post(hall, 'lobby', ticketPath(older.id, 'transfer'), { queue: 'B' }),
      409,
      'TRANSFER_TO_SAME_QUEUE',
    );
    expectError(await post(hall, 'lobby', ticketPath(older.id, 'transfer'), { queue: 'Z' }), 400, 'UNKNOWN_QUEUE');

    const moved = await hall.act('lobby', older.id, 'transfer', { queue: 'A' });
    expect(moved).toMatchObject({
      number: older.number,
      queue: 'A',
      status: 'waiting',
      issuedAt: older.issuedAt,
      queuedAt: older.issuedAt,
    });
    // Same queue, same weight: the transferred ticket entered the hall first, so it goes first.
    expect((await callNext('teller2')).id).toBe(older.id);
    await hall.serve('teller2', older.id);
    expect((await callNext('teller2')).id).toBe(newer.id);
    await hall.serve('teller2', newer.id);
  });

  it('sends a ticket transferred to a counter only to that counter', async () => {
    const counter3 = await counterByCode(hall, '3');
    const first = await issue(CASH);
    const second = await issue(CASH);
    const directed = await hall.act('lobby', second.id, 'transfer', { counterId: counter3.id });
    expect(directed).toMatchObject({
      status: 'waiting',
      queue: 'A',
      number: second.number,
      targetCounterId: counter3.id,
    });

    expect((await callNext('teller2')).id).toBe(first.id);
    await hall.serve('teller2', first.id);
    // Counters 1, 2 and 6 serve queue A too, but the ticket was sent to counter 3.
    for (const username of ['teller2', 'teller1', 'teller6']) await expectNothingToCall(username);
    expectError(await post(hall, 'teller2', ticketPath(second.id, 'call')), 409, 'COUNTER_NOT_SERVING_QUEUE');

    expect(await callNext('teller3')).toMatchObject({ id: second.id, counter: '3' });
    await hall.serve('teller3', second.id);

    // At its counter a directed ticket comes before an older one of the same queue.
    const waitingLonger = await issue(CASH);
    hall.clock.advance(5);
    const sent = await issue(CASH);
    await hall.act('lobby', sent.id, 'transfer', { counterId: counter3.id });
    expect((await callNext('teller3')).id).toBe(sent.id);
    await hall.serve('teller3', sent.id);
    expect((await callNext('teller3')).id).toBe(waitingLonger.id);
    await hall.serve('teller3', waitingLonger.id);
  });

  it('parks a ticket for an RM, who alone calls it by id', async () => {
    const rm1 = await hall.login('rm1');
    const issued = await issue(CASH);
    expect((await callNext('teller2')).id).toBe(issued.id);

    expectError(
      await post(hall, 'teller2', ticketPath(issued.id, 'park'), { staffId: crypto.randomUUID() }),
      404,
      'STAFF_NOT_FOUND',
    );
    // The lobby manager works at no counter and could never call a ticket parked for them.
    const lobby = await hall.login('lobby');
    const forLobby = await post(hall, 'teller2', ticketPath(issued.id, 'park'), { staffId: lobby.user.id });
    expectError(forLobby, 404, 'STAFF_NOT_FOUND');
    expect(forLobby.body.message).toMatch(/park it for a teller or RM/);
    const parked = await hall.act('teller2', issued.id, 'park', { staffId: rm1.user.id });
    expect(parked).toMatchObject({ status: 'parked', parkedFor: rm1.user.id, counterId: null });
    // The lobby manager sees who waits for whom; public screens do not.
    expect((await staffSnapshot(hall)).parked).toEqual([
      expect.objectContaining({ id: issued.id, parkedFor: rm1.user.id }),
    ]);
    const publicView = await hall.http.get('/api/branches/demo/queue').set('Authorization', hall.displayAuth());
    expect(publicView.body.parked).toEqual([]);

    // The teller's counter is free again; nobody else may take the parked ticket.
    await expectNothingToCall('teller2');
    await expectNothingToCall('rm1');
    expectError(await post(hall, 'rm2', ticketPath(issued.id, 'call')), 409, 'TICKET_PARKED_FOR_OTHER');
    expectError(await post(hall, 'teller4', ticketPath(issued.id, 'call')), 409, 'TICKET_PARKED_FOR_OTHER');

    const called = await post(hall, 'rm1', ticketPath(issued.id, 'call'));
    expect(called.status).toBe(200);
    expect(called.body).toMatchObject({ id: issued.id, status: 'called', counter: 'R1', parkedFor: null });
    await hall.serve('rm1', issued.id);
    expect((await eventsOf(issued.id)).map((event) => event.type)).toEqual([
      'ticket.issued',
      'ticket.called',
      'ticket.parked',
      'ticket.called',
      'ticket.started',
      'ticket.finished',
    ]);
  });

  it('lets the lobby manager cancel a ticket, and no teller', async () => {
    const issued = await issue(NON_CASH);
    expectError(await post(hall, 'teller4', ticketPath(issued.id, 'cancel')), 403, 'FORBIDDEN');
    const cancelled = await hall.act('lobby', issued.id, 'cancel');
    expect(cancelled).toMatchObject({ status: 'cancelled', finishedAt: hall.clock.now().toISOString() });
    const snapshot = await staffSnapshot(hall);
    expect(snapshot.waiting.map((ticket) => ticket.id)).not.toContain(issued.id);
    expectError(await post(hall, 'lobby', ticketPath(issued.id, 'cancel')), 409, 'ILLEGAL_TRANSITION');
    await expectNothingToCall('teller4');
  });

  it('refuses a teller acting at another counter and a counter calling while it holds a ticket', async () => {
    const first = await issue(CASH);
    const second = await issue(CASH);
    expect((await callNext('teller2')).id).toBe(first.id);

    for (const action of ['start', 'recall', 'return', 'transfer']) {
      const response = await post(
        hall,
        'teller3',
        ticketPath(first.id, action),
        action === 'transfer' ? { queue: 'B' } : {},
      );
      expectError(response, 403, 'WRONG_COUNTER');
    }
    const busy = await callNextRaw(hall, 'teller2');
    expectError(busy, 409, 'COUNTER_BUSY');
    expect(busy.body.details).toEqual({ ticket: first.number });
    expectError(await post(hall, 'teller2', ticketPath(second.id, 'call')), 409, 'COUNTER_BUSY');

    const counter3 = await counterByCode(hall, '3');
    expectError(await post(hall, 'teller2', `/api/counters/${counter3.id}/call-next`), 403, 'WRONG_COUNTER');

    await hall.serve('teller2', first.id);
    expect((await callNext('teller3')).id).toBe(second.id);
    await hall.serve('teller3', second.id);
  });

  it('pauses a counter with a known reason, refuses calls while paused, and resumes', async () => {
    const counter2 = await counterByCode(hall, '2');
    const counter3 = await counterByCode(hall, '3');
    const pausePath = `/api/counters/${counter2.id}/pause`;
    const seqBefore = (await allEvents(hall)).lastSeq;

    expectError(await post(hall, 'teller2', pausePath, { reason: 'lunch' }), 400, 'UNKNOWN_PAUSE_REASON');
    expectError(
      await post(hall, 'teller2', `/api/counters/${counter3.id}/pause`, { reason: 'break' }),
      403,
      'WRONG_COUNTER',
    );

    const paused = await post(hall, 'teller2', pausePath, { reason: 'break' });
    expect(paused.status).toBe(200);
    expect(paused.body).toMatchObject({ code: '2', status: 'paused', pauseReason: 'break' });
    expect((await counterByCode(hall, '2')).status).toBe('paused');

    const issued = await issue(CASH);
    expectError(await callNextRaw(hall, 'teller2'), 409, 'COUNTER_PAUSED');
    expectError(await post(hall, 'teller2', ticketPath(issued.id, 'call')), 409, 'COUNTER_PAUSED');

    const resumed = await post(hall, 'teller2', `/api/counters/${counter2.id}/resume`);
    expect(resumed.body).toMatchObject({ status: 'open', pauseReason: null });
    expect((await callNext('teller2')).id).toBe(issued.id);

    // A counter holding a ticket cannot go on a break.
    expectError(await post(hall, 'teller2', pausePath, { reason: 'break' }), 409, 'COUNTER_BUSY');
    await hall.serve('teller2', issued.id);

    const counterEvents = (await allEvents(hall, seqBefore)).events.filter((event) => event.type === 'counter.updated');
    expect(counterEvents.map((event) => (event as unknown as { counter: { status: string } }).counter.status)).toEqual([
      'paused',
      'open',
    ]);
  });

  it('records the business done at finish; an unknown business code is refused and changes nothing', async () => {
    const issued = await issue(CASH);
    expect((await callNext('teller2')).id).toBe(issued.id);
    await hall.act('teller2', issued.id, 'start');

    const seq = await lastSeq(hall);
    const snapshot = await staffSnapshot(hall);
    const refused = await post(hall, 'teller2', ticketPath(issued.id, 'finish'), {
      businessDone: ['cash-withdrawal', 'mortgage'],
    });
    expectError(refused, 400, 'UNKNOWN_BUSINESS_TYPE');
    expect(refused.body.message).toContain('mortgage');
    expect(await lastSeq(hall)).toBe(seq);
    expect(await staffSnapshot(hall)).toEqual(snapshot);
    expect(snapshot.nowServing).toEqual([expect.objectContaining({ id: issued.id, status: 'serving' })]);

    const finished = await hall.act('teller2', issued.id, 'finish', {
      businessDone: ['cash-withdrawal', 'card-service'],
    });
    expect(finished).toMatchObject({ status: 'done', businessDone: ['cash-withdrawal', 'card-service'] });

    // Without a list, the business the ticket was issued for is recorded.
    const plain = await issue(NON_CASH);
    expect((await callNext('teller4')).id).toBe(plain.id);
    await hall.act('teller4', plain.id, 'start');
    expect(await hall.act('teller4', plain.id, 'finish')).toMatchObject({
      status: 'done',
      businessDone: ['account-opening'],
    });
  });
});

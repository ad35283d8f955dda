import type { AdminCounterView, AuditEntryView, CounterView } from '@lobbyflow/contracts';
import { allEvents, callNextRaw, counterByCode, expectError, lastSeq, post } from './support/hall-helpers';
import { TestHall } from './support/test-app';

const COUNTERS = '/api/branches/demo/admin/counters';
const CASH = { businessType: 'cash-withdrawal', amount: 30000, hasCard: false };
const NON_CASH = { businessType: 'card-service' };

/**
 * Counters and the queues they serve with their weights: call-next uses a new weight for the very next
 * call, every change reaches the screens as `counter.updated`, and a closed counter cannot call.
 */
describe('admin: counters', () => {
  let hall: TestHall;

  beforeAll(async () => {
    hall = await TestHall.start();
  });
  afterAll(() => hall.stop());

  async function send(method: 'post' | 'patch', path: string, body?: object, username = 'admin') {
    const request = hall.http[method](path).set('Authorization', await hall.auth(username));
    return body === undefined ? request : request.send(body);
  }

  async function counters(): Promise<AdminCounterView[]> {
    const response = await hall.http
      .get(COUNTERS)
      .set('Authorization', await hall.auth('admin'))
      .expect(200);
    return response.body as AdminCounterView[];
  }

  async function counterId(code: string): Promise<string> {
    return (await counterByCode(hall, code)).id;
  }

  it('lists the counters with the queues they serve and their weights', async () => {
    const list = await counters();
    expect(list.map((counter) => counter.code)).toEqual(['1', '2', '3', '4', '5', '6', 'R1', 'R2']);
    expect(list.find((counter) => counter.code === '3')).toMatchObject({
      kind: 'cash',
      status: 'open',
      queues: [
        { queue: 'A', weight: 2 },
        { queue: 'B', weight: 1 },
      ],
    });
    await hall.http
      .get(COUNTERS)
      .set('Authorization', await hall.auth('lobby'))
      .expect(200);
    expectError(await hall.http.get(COUNTERS).set('Authorization', await hall.auth('teller3')), 403, 'FORBIDDEN');
  });

  it('changes the weights of counter 3, and the next call-next serves the queue they favour', async () => {
    // Counter 3 serves cash (weight 2) before non-cash (weight 1): with two tickets issued at once, cash first.
    const cash1 = await hall.issue(CASH);
    const nonCash = await hall.issue(NON_CASH);
    expect((await hall.callNext('teller3'))?.id).toBe(cash1.id);
    await hall.serve('teller3', cash1.id);

    // Another cash ticket, issued at the same instant (the clock stands still), would be called first under
    // the old weights...
    const cash2 = await hall.issue(CASH);
    const id = await counterId('3');
    const seq = await lastSeq(hall);
    const changed = await send('patch', `${COUNTERS}/${id}`, {
      queues: [
        { queue: 'A', weight: 1 },
        { queue: 'B', weight: 5 },
      ],
    });
    expect(changed.status).toBe(200);
    expect(changed.body.queues).toEqual([
      { queue: 'A', weight: 1 },
      { queue: 'B', weight: 5 },
    ]);

    // ...but non-cash now weighs five times as much at counter 3.
    expect((await hall.callNext('teller3'))?.id).toBe(nonCash.id);
    await hall.serve('teller3', nonCash.id);
    expect((await hall.callNext('teller3'))?.id).toBe(cash2.id);
    await hall.serve('teller3', cash2.id);

    // Screens heard of the change: counter.updated with the new weights, right after the change.
    const { events } = await allEvents(hall, seq);
    const update = events[0] as (typeof events)[number] & { counter: CounterView };
    expect(update.type).toBe('counter.updated');
    expect(update.counter).toMatchObject({ code: '3', queues: changed.body.queues });
  });

  it('refuses an unknown queue or a zero weight naming the field, and writes nothing', async () => {
    const before = await counters();
    const id = await counterId('4');
    const response = await send('patch', `${COUNTERS}/${id}`, {
      queues: [
        { queue: 'Z', weight: 1 },
        { queue: 'B', weight: 0 },
      ],
    });
    expectError(response, 400, 'CONFIG_INVALID');
    expect(response.body.details.problems).toEqual([
      { path: 'queues[0].queue', message: 'unknown queue "Z"' },
      { path: 'queues[1].weight', message: 'must be a number > 0' },
    ]);
    const wrongKind = await send('patch', `${COUNTERS}/${id}`, { kind: 'window' });
    expectError(wrongKind, 400, 'VALIDATION_FAILED');
    expect(wrongKind.body.details.fields).toEqual(['kind']);
    expect(await counters()).toEqual(before);
    expectError(
      await send('patch', `${COUNTERS}/00000000-0000-4000-8000-000000000000`, { kind: 'open' }),
      404,
      'COUNTER_NOT_FOUND',
    );
  });

  it('adds a counter: screens get counter.updated, and a taken code is refused', async () => {
    const seq = await lastSeq(hall);
    const body = {
      code: '7',
      name: { zh: '7号窗口', en: 'Counter 7' },
      kind: 'open',
      queues: [{ queue: 'B', weight: 1 }],
    };
    const created = await send('post', COUNTERS, body);
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(String), status: 'open', ...body });
    const { events } = await allEvents(hall, seq);
    // The counter itself, and (like every admin change) that the branch's configuration changed.
    expect(events.map((event) => event.type)).toEqual(['counter.updated', 'branch.configured']);
    expect(events[1]).toMatchObject({ changed: ['counters'] });
    expect((await counterByCode(hall, '7')).queues).toEqual(body.queues);

    const again = await send('post', COUNTERS, body);
    expectError(again, 409, 'ALREADY_EXISTS');
    expect(again.body.details.problems).toEqual([{ path: 'code', message: 'counter "7" exists already' }]);
    expect((await counters()).filter((counter) => counter.code === '7')).toHaveLength(1);
  });

  it('closes a counter: it cannot call, pause or resume until the admin opens it again', async () => {
    const id = await counterId('4');
    // Not while it still handles a ticket.
    const ticket = await hall.issue(NON_CASH);
    expect((await hall.callNext('teller4'))?.id).toBe(ticket.id);
    expectError(await send('post', `${COUNTERS}/${id}/close`), 409, 'COUNTER_BUSY');
    await hall.serve('teller4', ticket.id);

    const closed = await send('post', `${COUNTERS}/${id}/close`);
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
    expect((await counterByCode(hall, '4')).status).toBe('closed');
    await hall.issue(NON_CASH);
    expectError(await callNextRaw(hall, 'teller4'), 409, 'COUNTER_CLOSED');
    expectError(await post(hall, 'teller4', `/api/counters/${id}/resume`), 409, 'COUNTER_CLOSED');
    expectError(await post(hall, 'teller4', `/api/counters/${id}/pause`, { reason: 'break' }), 409, 'COUNTER_CLOSED');

    const opened = await send('post', `${COUNTERS}/${id}/open`);
    expect(opened.body.status).toBe('open');
    const called = await callNextRaw(hall, 'teller4');
    expect(called.status).toBe(200);
    await hall.serve('teller4', called.body.id);
  });

  it('refuses closing a counter a ticket was transferred to: nobody else could call it', async () => {
    const ticket = await hall.issue(NON_CASH);
    const target = await counterId('7');
    await hall.act('lobby', ticket.id, 'transfer', { counterId: target });
    const response = await send('post', `${COUNTERS}/${target}/close`);
    expectError(response, 409, 'CONFIG_IN_USE');
    expect(response.body.details.problems).toEqual([
      {
        path: 'tickets',
        message: `ticket ${ticket.number} was transferred to this counter; call it or transfer it elsewhere first`,
      },
    ]);
    expect((await counterByCode(hall, '7')).status).toBe('open');
    expectError(await send('post', `${COUNTERS}/${target}/close`, {}, 'lobby'), 403, 'FORBIDDEN');
  });

  it('writes each counter change to the audit log', async () => {
    const response = await hall.http
      .get('/api/branches/demo/audit')
      .set('Authorization', await hall.auth('admin'))
      .expect(200);
    const entries = response.body as AuditEntryView[];
    expect(entries.map((entry) => entry.action).sort()).toEqual(
      ['counter.update', 'counter.create', 'counter.close', 'counter.open'].sort(),
    );
    expect(entries.find((entry) => entry.action === 'counter.update')).toMatchObject({
      actor: 'admin',
      reason: 'counter 3: queues[0].weight: 2 → 1; queues[1].weight: 1 → 5',
    });
    expect(entries.find((entry) => entry.action === 'counter.close')?.reason).toBe(
      'counter 4: status: "open" → "closed"',
    );
  });
});

import type { AdminBusinessTypeView, AdminQueueView, AuditEntryView, ServiceView } from '@lobbyflow/contracts';
import { expectError, post } from './support/hall-helpers';
import { TestHall } from './support/test-app';

const TYPES = '/api/branches/demo/admin/business-types';
const QUEUES = '/api/branches/demo/admin/queues';

/** A foreign-currency cash business with its own queue: up to 5,000 at the FX machine, else the FX counter. */
const FX_QUEUE = { code: 'F', prefix: 'F', destination: 'cash-counter', name: { zh: '外币现金', en: 'Foreign cash' } };
const FX_CASH = {
  code: 'fx-cash',
  name: { zh: '外币兑换', en: 'Currency exchange' },
  category: 'cash',
  typicalServiceMinutes: 7,
  routes: [
    {
      when: { hasCard: true, amountAtMost: 'fxMachineLimit' },
      destination: 'self-service',
      advice: { zh: '5000元以下请到外币兑换机办理。', en: 'Up to 5,000 CNY, the exchange machine is quickest.' },
    },
    { destination: 'cash-counter', queue: 'F', advice: { zh: '请到外币柜台。', en: 'Please go to the FX counter.' } },
  ],
  signals: [{ signal: 'large-cash', when: { amountAtLeast: 'largeCashLine' } }],
};

/**
 * Business types with their diversion tables, and queues with their prefixes: created, changed, retired
 * or removed by the admin, refused whole when inconsistent, and offered by the kiosk at once.
 */
describe('admin: business types and queues', () => {
  let hall: TestHall;

  beforeAll(async () => {
    hall = await TestHall.start();
  });
  afterAll(() => hall.stop());

  async function send(method: 'post' | 'patch' | 'delete', path: string, body?: object, username = 'admin') {
    const request = hall.http[method](path).set('Authorization', await hall.auth(username));
    return body === undefined ? request : request.send(body);
  }

  async function list<T>(path: string): Promise<T[]> {
    const response = await hall.http
      .get(path)
      .set('Authorization', await hall.auth('admin'))
      .expect(200);
    return response.body as T[];
  }

  async function kioskServices(): Promise<string[]> {
    const response = await hall.http.get('/api/branches/demo/services').set('Authorization', hall.kioskAuth());
    return (response.body as ServiceView[]).map((service) => service.code);
  }

  describe('queues', () => {
    it('lists the seeded queues to the admin and the lobby manager', async () => {
      const queues = await list<AdminQueueView>(QUEUES);
      expect(queues.map((queue) => `${queue.code}:${queue.prefix}:${queue.destination}`)).toEqual([
        'A:A:cash-counter',
        'B:B:open-counter',
        'V:V:vip-counter',
        'W:W:relationship-manager',
        'C:C:corporate-counter',
      ]);
      await hall.http
        .get(QUEUES)
        .set('Authorization', await hall.auth('lobby'))
        .expect(200);
      expectError(await send('post', QUEUES, FX_QUEUE, 'lobby'), 403, 'FORBIDDEN');
    });

    it('creates a queue, and refuses a taken code or prefix naming the field', async () => {
      const created = await send('post', QUEUES, FX_QUEUE);
      expect(created.status).toBe(201);
      expect(created.body).toEqual({ id: expect.any(String), ...FX_QUEUE });

      const sameCode = await send('post', QUEUES, { ...FX_QUEUE, prefix: 'G' });
      expectError(sameCode, 409, 'ALREADY_EXISTS');
      expect(sameCode.body.details.problems).toEqual([{ path: 'code', message: 'queue "F" exists already' }]);
      const samePrefix = await send('post', QUEUES, { ...FX_QUEUE, code: 'G' });
      expectError(samePrefix, 409, 'ALREADY_EXISTS');
      expect(samePrefix.body.details.problems).toEqual([{ path: 'prefix', message: 'prefix "F" belongs to queue F' }]);
      const badPrefix = await send('post', QUEUES, {
        ...FX_QUEUE,
        code: 'G',
        prefix: 'g1',
        destination: 'self-service',
      });
      expectError(badPrefix, 400, 'CONFIG_INVALID');
      expect(badPrefix.body.details.problems.map((problem: { path: string }) => problem.path)).toEqual([
        'prefix',
        'destination',
      ]);
      expectError(
        await send('post', QUEUES, { ...FX_QUEUE, code: 'G', destination: 'moon' }),
        400,
        'VALIDATION_FAILED',
      );
      expect((await list<AdminQueueView>(QUEUES)).map((queue) => queue.code)).toEqual(['A', 'B', 'V', 'W', 'C', 'F']);
    });
  });

  describe('business types', () => {
    it('refuses a table naming an unknown queue or threshold, and writes nothing', async () => {
      const response = await send('post', TYPES, FX_CASH);
      expectError(response, 400, 'CONFIG_INVALID');
      expect(response.body.details.problems).toEqual([
        { path: 'routes[0].when.amountAtMost', message: 'unknown threshold "fxMachineLimit"' },
      ]);
      const noCounter = await send('post', TYPES, { ...FX_CASH, routes: [{ ...FX_CASH.routes[1], queue: 'Z' }] });
      expectError(noCounter, 400, 'CONFIG_INVALID');
      expect(noCounter.body.details.problems).toEqual([{ path: 'routes[0].queue', message: 'unknown queue "Z"' }]);
      const onlyMachine = await send('post', TYPES, {
        ...FX_CASH,
        routes: [{ ...FX_CASH.routes[0], when: { amountAtMost: 'smallCashLimit' } }],
      });
      expect(onlyMachine.body.details.problems).toEqual([
        { path: 'routes', message: 'must end with an unconditional counter route' },
      ]);
      const badSignal = await send('post', TYPES, { ...FX_CASH, signals: [{ signal: 'big-smile' }] });
      expectError(badSignal, 400, 'VALIDATION_FAILED');
      expect(badSignal.body.details.fields).toEqual(['signals.0.signal']);
      expect((await list<AdminBusinessTypeView>(TYPES)).map((type) => type.code)).not.toContain('fx-cash');
    });

    it('creates a business type once its threshold exists; the kiosk offers it and triage routes it', async () => {
      const settings = await hall.http
        .get('/api/branches/demo/admin/settings')
        .set('Authorization', await hall.auth('admin'));
      const thresholds = { ...settings.body.thresholds, fxMachineLimit: 5000 };
      expect((await send('patch', '/api/branches/demo/admin/settings', { thresholds })).status).toBe(200);

      const created = await send('post', TYPES, FX_CASH);
      expect(created.status).toBe(201);
      expect(created.body).toEqual({
        id: expect.any(String),
        ...FX_CASH,
        icon: 'cash',
        active: true,
        amountBands: [
          { above: null, upTo: 5000, amount: 5000 },
          { above: 5000, upTo: 50000, amount: 27500 },
          { above: 50000, upTo: null, amount: 50000 },
        ],
      });
      expect(await kioskServices()).toContain('fx-cash');
      const small = await post(hall, hall.kioskAuth(), '/api/branches/demo/triage', {
        businessType: 'fx-cash',
        amount: 3000,
        hasCard: true,
      });
      expect(small.body).toMatchObject({ destination: 'self-service', counterQueue: 'F' });
      const ticket = await hall.issue({ businessType: 'fx-cash', amount: 60000, hasCard: true });
      expect(ticket).toMatchObject({ number: 'F001', queue: 'F' });

      expectError(await send('post', TYPES, FX_CASH), 409, 'ALREADY_EXISTS');
    });

    it('changes the advice, minutes and table of a type, checked whole', async () => {
      const advice = { zh: '请到3号外币柜台。', en: 'Please go to counter 3 for foreign cash.' };
      const routes = [FX_CASH.routes[0], { ...FX_CASH.routes[1], advice }];
      const response = await send('patch', `${TYPES}/fx-cash`, { routes, typicalServiceMinutes: 9 });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ typicalServiceMinutes: 9, routes });
      const triage = await post(hall, hall.kioskAuth(), '/api/branches/demo/triage', { businessType: 'fx-cash' });
      expect(triage.body.advice).toEqual(advice);

      const broken = await send('patch', `${TYPES}/fx-cash`, { routes: [{ ...FX_CASH.routes[1], queue: 'Q' }] });
      expectError(broken, 400, 'CONFIG_INVALID');
      const unchanged = (await list<AdminBusinessTypeView>(TYPES)).find((type) => type.code === 'fx-cash');
      expect(unchanged?.routes).toEqual(routes);
      expectError(
        await send('patch', `${TYPES}/no-such-type`, { typicalServiceMinutes: 3 }),
        404,
        'BUSINESS_TYPE_NOT_FOUND',
      );
      expectError(await send('patch', `${TYPES}/fx-cash`, { code: 'renamed' }), 400, 'VALIDATION_FAILED');
    });

    it('refuses removing a queue that counters, business types or open tickets use', async () => {
      const served = await send('delete', `${QUEUES}/A`);
      expectError(served, 409, 'CONFIG_IN_USE');
      expect(served.body.details.usedBy).toEqual({
        counters: ['1', '2', '3', '6'],
        businessTypes: ['cash-deposit', 'cash-withdrawal'],
        vipRouting: false,
        openTickets: 0,
      });
      expectError(await send('delete', `${QUEUES}/V`), 409, 'CONFIG_IN_USE');

      const fx = await send('delete', `${QUEUES}/F`);
      expectError(fx, 409, 'CONFIG_IN_USE');
      expect(fx.body.details.problems).toEqual([
        { path: 'businessTypes', message: 'business type(s) fx-cash route to it' },
        { path: 'tickets', message: '1 open ticket(s) are in it' },
      ]);
      expect((await list<AdminQueueView>(QUEUES)).map((queue) => queue.code)).toContain('F');
    });

    it('retires a type: the kiosk stops offering it, its tickets keep it, and its queue may then go', async () => {
      const retired = await send('patch', `${TYPES}/fx-cash`, { active: false });
      expect(retired.status).toBe(200);
      expect(retired.body.active).toBe(false);
      expect(await kioskServices()).not.toContain('fx-cash');
      const triage = await post(hall, hall.kioskAuth(), '/api/branches/demo/triage', { businessType: 'fx-cash' });
      expectError(triage, 400, 'UNKNOWN_BUSINESS_TYPE');
      // Retired types stay listed for the admin: old tickets name them.
      expect((await list<AdminBusinessTypeView>(TYPES)).find((type) => type.code === 'fx-cash')?.active).toBe(false);

      // The F001 ticket still waits in queue F: the lobby manager moves it before the queue goes.
      const snapshot = await hall.http.get('/api/branches/demo/queue').set('Authorization', await hall.auth('lobby'));
      const waiting = snapshot.body.waiting.find((ticket: { number: string }) => ticket.number === 'F001');
      expect(waiting).toMatchObject({ businessType: 'fx-cash', queue: 'F' });
      await hall.act('lobby', waiting.id, 'transfer', { queue: 'A' });

      expect((await send('delete', `${QUEUES}/F`)).status).toBe(204);
      expect((await list<AdminQueueView>(QUEUES)).map((queue) => queue.code)).not.toContain('F');
      expectError(await send('delete', `${QUEUES}/F`), 404, 'QUEUE_NOT_FOUND');

      // Reactivating the type checks its table again: queue F is gone.
      const revived = await send('patch', `${TYPES}/fx-cash`, { active: true });
      expectError(revived, 400, 'CONFIG_INVALID');
      expect(revived.body.details.problems).toEqual([{ path: 'routes[1].queue', message: 'unknown queue "F"' }]);
      const fixed = await send('patch', `${TYPES}/fx-cash`, {
        active: true,
        routes: [FX_CASH.routes[0], { ...FX_CASH.routes[1], queue: 'A' }],
      });
      expect(fixed.status).toBe(200);
      expect(await kioskServices()).toContain('fx-cash');
    });
  });

  describe('prefixes', () => {
    it('changes a prefix: numbers carry on from the day sequence, never repeating one on paper', async () => {
      const first = await hall.issue({ businessType: 'card-service' });
      expect(first.number).toBe('B001');
      const renamed = await send('patch', `${QUEUES}/B`, { prefix: 'N', name: { zh: '非现金', en: 'Non-cash' } });
      expect(renamed.status).toBe(200);
      expect(renamed.body).toMatchObject({ code: 'B', prefix: 'N' });
      const second = await hall.issue({ businessType: 'card-service' });
      expect(second).toMatchObject({ number: 'N002', queue: 'B' });
    });

    it("refuses a prefix today's tickets of another queue still carry", async () => {
      const taken = await send('post', QUEUES, { ...FX_QUEUE, code: 'D', prefix: 'B' });
      expectError(taken, 409, 'ALREADY_EXISTS');
      expect(taken.body.details.problems).toEqual([
        {
          path: 'prefix',
          message: `today's ticket B001 of queue B carries prefix "B"; use it from tomorrow`,
        },
      ]);
      expect((await send('post', QUEUES, { ...FX_QUEUE, code: 'D', prefix: 'D' })).status).toBe(201);
    });
  });

  it('writes each change to the audit log', async () => {
    const response = await hall.http
      .get('/api/branches/demo/audit')
      .set('Authorization', await hall.auth('admin'))
      .expect(200);
    const actions = (response.body as AuditEntryView[]).map((entry) => entry.action).sort();
    expect(actions).toEqual(
      [
        'business-type.create',
        'business-type.reactivate',
        'business-type.retire',
        'business-type.update',
        'queue.create',
        'queue.create',
        'queue.delete',
        'queue.update',
        'settings.update',
      ].sort(),
    );
    const entries = response.body as AuditEntryView[];
    expect(entries.find((entry) => entry.action === 'queue.update')?.reason).toBe(
      'queue B: prefix: "B" → "N"; name.zh: "非现金业务" → "非现金"',
    );
    expect(entries.find((entry) => entry.action === 'queue.delete')?.reason).toBe('queue F (prefix F) removed');
    expect(entries.every((entry) => entry.actor === 'admin')).toBe(true);
  });
});

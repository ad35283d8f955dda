import { JwtService } from '@nestjs/jwt';
import { TICKET_TRANSITIONS } from '@lobbyflow/domain';
import { applyHallEvent, type HallEvent, type HallState, LiveHallController } from '@lobbyflow/ui-kit';
import type { TicketAction, TicketStatus } from '@lobbyflow/contracts';
import { allEvents, lastSeq } from './support/hall-helpers';
import { eventually, NodeHost, RecordingSocket } from './support/live-clients';
import { TestHall } from './support/test-app';

const CASH = { businessType: 'cash-withdrawal', amount: 30000, hasCard: false }; // A
const NON_CASH = { businessType: 'account-opening' }; // B
const WEALTH = { businessType: 'wealth-enquiry' }; // W
const ELDERLY = { ...CASH, priority: 'priority', priorityReason: 'elderly' };

/** Fields a public socket must never carry, at any depth. */
const PRIVATE_FIELDS = [
  'amount',
  'hasCard',
  'priority',
  'priorityReason',
  'signals',
  'identification',
  'classification',
  'adviceOutcome',
  'businessType',
  'businessDone',
  'parkedFor',
  'servedBy',
  'token',
  'leg',
  'customer',
  'username',
];

function privateFieldsIn(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => privateFieldsIn(item, `${path}[${index}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => [
    ...(PRIVATE_FIELDS.includes(key) ? [`${path}.${key}`] : []),
    ...(key === 'staff' && inner !== null ? [`${path}.staff`] : []),
    ...privateFieldsIn(inner, `${path}.${key}`),
  ]);
}

const withoutAt = (state: HallState | null) => (state ? { ...state, at: undefined } : null);

describe('the live hall over socket.io', () => {
  let hall: TestHall;
  let baseUrl: string;
  /** Everything a test opened, closed even when the test fails, so that the run ends cleanly. */
  const opened: { close(): void }[] = [];

  beforeAll(async () => {
    hall = await TestHall.start();
    baseUrl = await hall.listen();
  });
  afterEach(() => opened.splice(0).forEach((client) => client.close()));
  afterAll(() => hall.stop());

  function recording(auth: Record<string, unknown>): RecordingSocket {
    const socket = new RecordingSocket(baseUrl, auth);
    opened.push(socket);
    return socket;
  }

  async function snapshot(auth: string): Promise<HallState> {
    return (await hall.http.get('/api/branches/demo/queue').set('Authorization', auth).expect(200)).body;
  }

  /** A screen: a real LiveHallController in a Node host, recording the events it applied. */
  function screen(token: string) {
    const host = new NodeHost();
    const controller = new LiveHallController(host, { baseUrl, branchId: 'demo', token: () => token });
    const applied: number[] = [];
    controller.onEvent((event) => applied.push(event.seq));
    host.connect();
    opened.push({ close: () => host.disconnect() });
    return { host, controller, applied };
  }

  async function settled(controllers: LiveHallController[]): Promise<void> {
    const seq = await lastSeq(hall);
    await eventually('every screen to reach the last seq', () =>
      controllers.every((controller) => controller.status === 'live' && controller.state?.seq === seq),
    );
  }

  /** A morning of issues, calls, a recall, a transfer, a park, a pause, finishes and a no-show. */
  async function morning(stage: 'first' | 'second'): Promise<void> {
    const rm1 = await hall.login('rm1');
    if (stage === 'first') {
      await hall.issue(CASH);
      await hall.issue(NON_CASH);
      await hall.issue(ELDERLY);
      await hall.issue(WEALTH);
      const calledA = await hall.callNext('teller1');
      hall.clock.advance(40);
      await hall.act('teller1', calledA!.id, 'recall');
      await hall.act('teller1', calledA!.id, 'start');
      await hall.act('teller1', calledA!.id, 'transfer', { queue: 'B' });
      const calledB = await hall.callNext('teller4');
      expect(calledB?.queue).toBe('B');
      await hall.serve('teller4', calledB!.id);
      hall.clock.advance(30);
    } else {
      await hall.issue(CASH);
      await hall.issue(NON_CASH);
      const next = await hall.callNext('teller4');
      await hall.act('teller4', next!.id, 'park', { staffId: rm1.user.id });
      const counter4 = (await hall.login('teller4')).user.counterId;
      await hall.http
        .post(`/api/counters/${counter4}/pause`)
        .set('Authorization', await hall.auth('teller4'))
        .send({ reason: 'break' })
        .expect(200);
      const atOne = await hall.callNext('teller1');
      hall.clock.advance(31);
      await hall.act('teller1', atOne!.id, 'recall');
      hall.clock.advance(31);
      await hall.act('teller1', atOne!.id, 'recall');
      await hall.act('teller1', atOne!.id, 'no-show');
      await hall.http
        .post(`/api/counters/${counter4}/resume`)
        .set('Authorization', await hall.auth('teller4'))
        .expect(200);
      await hall.act('lobby', (await hall.issue(CASH)).id, 'cancel');
    }
  }

  it('keeps a display, a kiosk, two tellers and the lobby manager equal to a fresh snapshot, and one that dropped too', async () => {
    for (const username of ['teller1', 'teller4', 'lobby', 'rm1']) await hall.login(username);
    const display = screen(hall.displayKey());
    const kiosk = screen(hall.kioskKey());
    const teller1 = screen(await hall.token('teller1'));
    const teller4 = screen(await hall.token('teller4'));
    const lobby = screen(await hall.token('lobby'));
    const dropping = screen(hall.displayKey());
    const everyone = [display, kiosk, teller1, teller4, lobby, dropping].map((client) => client.controller);
    await settled(everyone);
    const startSeq = await lastSeq(hall);

    await morning('first');
    await settled(everyone);
    dropping.host.disconnect();
    await morning('second');
    await eventually('the dropped screen to notice', () => dropping.controller.status === 'offline');
    dropping.host.connect();
    await settled(everyone);

    const publicSnapshot = withoutAt(await snapshot(hall.displayAuth()));
    const staffSnapshot = withoutAt(await snapshot(await hall.auth('lobby')));
    for (const client of [display, kiosk, dropping]) expect(withoutAt(client.controller.state)).toEqual(publicSnapshot);
    for (const client of [teller1, teller4, lobby]) expect(withoutAt(client.controller.state)).toEqual(staffSnapshot);
    expect(publicSnapshot?.waiting.length).toBeGreaterThan(0);
    expect(staffSnapshot?.parked.length).toBe(1);

    // Every screen that never dropped applied each event once, in order; the dropped one caught up on the
    // events it missed, with none missing and none twice.
    const endSeq = await lastSeq(hall);
    const expected = Array.from({ length: endSeq - startSeq }, (_, index) => startSeq + index + 1);
    for (const client of [display, kiosk, teller1, teller4, lobby, dropping]) expect(client.applied).toEqual(expected);

    for (const client of [display, kiosk, teller1, teller4, lobby, dropping]) client.host.disconnect();
  });

  it('sends public sockets no private field, on any event, and events in lifecycle order', async () => {
    const publicSocket = recording({ token: hall.displayKey() });
    const staffSocket = recording({ token: await hall.token('lobby') });
    await Promise.all([publicSocket.connected(), staffSocket.connected()]);
    const before = await lastSeq(hall);
    await morning('first');
    await morning('second');
    const after = await lastSeq(hall);
    await eventually('all events on both sockets', () =>
      [publicSocket, staffSocket].every(
        (socket) => socket.received.filter((entry) => entry.payload.seq === after).length > 0,
      ),
    );

    const logged = (socket: RecordingSocket) =>
      socket.received.filter((entry) => typeof entry.payload.seq === 'number');
    expect(logged(publicSocket).map((entry) => entry.payload.seq)).toEqual(
      Array.from({ length: after - before }, (_, index) => before + index + 1),
    );
    for (const entry of logged(publicSocket)) {
      expect({ event: entry.name, leaks: privateFieldsIn(entry.payload) }).toEqual({ event: entry.name, leaks: [] });
    }
    // Staff see what the role may: amounts, business, priority.
    expect(logged(staffSocket).some((entry) => privateFieldsIn(entry.payload).length > 0)).toBe(true);

    // For any ticket the events arrive in an order its lifecycle allows.
    const actionOf: Record<string, TicketAction> = {
      'ticket.called': 'call',
      'ticket.recalled': 'recall',
      'ticket.started': 'start',
      'ticket.finished': 'finish',
      'ticket.no-show': 'no-show',
      'ticket.returned': 'return',
      'ticket.transferred': 'transfer',
      'ticket.parked': 'park',
      'ticket.cancelled': 'cancel',
      'ticket.expired': 'expire',
    };
    const statusOf = new Map<string, TicketStatus>();
    let checked = 0;
    for (const { name, payload } of logged(staffSocket)) {
      const ticket = payload.ticket as { id: string; status: TicketStatus } | undefined;
      if (!ticket) continue;
      if (name === 'ticket.issued') {
        expect(statusOf.has(ticket.id)).toBe(false);
      } else if (statusOf.has(ticket.id)) {
        checked++;
        const previous = statusOf.get(ticket.id) as TicketStatus;
        expect({ name, from: previous, legal: TICKET_TRANSITIONS[actionOf[name]].from.includes(previous) }).toEqual({
          name,
          from: previous,
          legal: true,
        });
      }
      statusOf.set(ticket.id, ticket.status);
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('refuses a socket with no token, a bad token, an expired JWT or a credential of another branch', async () => {
    const refusal = async (auth: Record<string, unknown>) => {
      const socket = recording(auth);
      try {
        await socket.connected();
        return 'connected';
      } catch (error) {
        return (error as { data?: { code?: string } }).data?.code;
      } finally {
        socket.close();
      }
    };
    expect(await refusal({})).toBe('UNAUTHENTICATED');
    expect(await refusal({ token: 'nonsense' })).toBe('UNAUTHENTICATED');
    expect(await refusal({ token: 'lfd_notakeyofanybranch000000000000000000000' })).toBe('UNAUTHENTICATED');
    const expired = await hall.app
      .get(JwtService)
      .signAsync(
        { sub: (await hall.login('lobby')).user.id, sid: 'x', role: 'lobby-manager', branch: 'demo' },
        { expiresIn: -10 },
      );
    expect(await refusal({ token: expired })).toBe('UNAUTHENTICATED');
    expect(await refusal({ token: hall.displayKey(), branchId: 'other-branch' })).toBe('WRONG_BRANCH');
    expect(await refusal({ token: hall.displayKey(), branchId: 'demo' })).toBe('connected');
  });

  it('tells a phone its place as the queue moves, that it is next, and which counter calls it', async () => {
    // Clear queue W first so that the ticket's place is known.
    for (let ticket = await hall.callNext('rm1'); ticket; ticket = await hall.callNext('rm1'))
      await hall.serve('rm1', ticket.id);
    const first = await hall.issue(WEALTH);
    const second = await hall.issue(WEALTH);
    const mine = await hall.issue(WEALTH);
    const phone = recording({ token: mine.token });
    await phone.connected();

    await hall.serve('rm1', (await hall.callNext('rm1'))!.id);
    await eventually('a position update', () => phone.named('ticket.position').length >= 1);
    expect(phone.named('ticket.position').at(-1)).toMatchObject({ ticket: { id: mine.id, ahead: 1 } });
    expect(phone.named('ticket.next')).toEqual([]);

    await hall.serve('rm1', (await hall.callNext('rm1'))!.id);
    await eventually('"you are next"', () => phone.named('ticket.next').length === 1);
    expect(phone.named('ticket.next')[0]).toMatchObject({ ticket: { id: mine.id, ahead: 0, status: 'waiting' } });

    const called = await hall.callNext('rm1');
    expect(called?.id).toBe(mine.id);
    await eventually('"called to counter R1"', () => phone.named('ticket.called').length === 1);
    expect(phone.named('ticket.called')[0]).toMatchObject({
      ticket: { id: mine.id, status: 'called', counter: 'R1', counterName: { en: 'Wealth room 1' } },
    });
    // The phone hears only its own ticket's events, in the public projection.
    for (const { payload } of phone.received) {
      expect((payload.ticket as { id: string }).id).toBe(mine.id);
      expect(privateFieldsIn(payload)).toEqual([]);
    }
    expect([first.id, second.id]).not.toContain(mine.id);
    phone.close();
  });

  it('tells a session whose counter was taken over, then closes its socket', async () => {
    const old = await hall.http.post('/api/auth/login').send({ username: 'teller6', password: 'demo1234' }).expect(200);
    const socket = recording({ token: old.body.accessToken });
    await socket.connected();
    await hall.http
      .post('/api/auth/login')
      .send({ username: 'teller6', password: 'demo1234', takeOver: true })
      .expect(200);
    await eventually('the take-over notice', () => socket.named('session.replaced').length === 1);
    expect(socket.named('session.replaced')[0]).toMatchObject({ counter: '6', by: '黄柜员 (Teller 6)' });
    await eventually('the socket to close', () => !socket.socket.connected);
  });

  it('replays the log to the same state as the snapshot (reducer against the server)', async () => {
    const { events } = await allEvents(hall);
    const initial = await snapshot(await hall.auth('lobby'));
    // Rebuild from an empty hall by applying every logged event to a state at seq 0.
    const empty: HallState = {
      ...initial,
      seq: 0,
      waiting: [],
      nowServing: [],
      parked: [],
      counters: initial.counters.map((counter) => ({ ...counter, currentTicket: null })),
    };
    const replayed = events.reduce((state, event) => applyHallEvent(state, event as HallEvent), empty);
    expect(withoutAt(replayed)?.waiting).toEqual(withoutAt(initial)?.waiting);
    expect(withoutAt(replayed)?.nowServing).toEqual(withoutAt(initial)?.nowServing);
    expect(withoutAt(replayed)?.parked).toEqual(withoutAt(initial)?.parked);
    expect(replayed.seq).toBe(initial.seq);
  });
});

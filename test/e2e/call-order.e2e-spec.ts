import { callNextRaw, expectError, lastSeq, post, staffSnapshot } from './support/hall-helpers';
import { TestHall } from './support/test-app';

const CASH = { businessType: 'cash-withdrawal', amount: 30000, hasCard: false }; // queue A
const NON_CASH = { businessType: 'account-opening' }; // queue B
const CORPORATE = { businessType: 'corporate' }; // queue C
const ELDERLY = { ...CASH, priority: 'priority', priorityReason: 'elderly' };

/**
 * Who gets called next: counters serve only their own queues, weights decide between them, priority
 * classes go first but at most twice in a row while normal tickets wait, and nobody starves.
 */
describe('call order at the counters', () => {
  let hall: TestHall;

  beforeAll(async () => {
    hall = await TestHall.start();
  });
  afterAll(() => hall.stop());

  /** Calls next at the teller's counter and serves the ticket to the end; null when nothing waits. */
  async function callAndServe(username: string) {
    const ticket = await hall.callNext(username);
    if (ticket) await hall.serve(username, ticket.id);
    return ticket;
  }

  /** The numbers a teller calls, in order, until nothing waits for the counter. */
  async function drain(username: string): Promise<string[]> {
    const numbers: string[] = [];
    for (let ticket = await callAndServe(username); ticket; ticket = await callAndServe(username)) {
      numbers.push(ticket.number);
      if (numbers.length > 50) throw new Error('drain did not end');
    }
    return numbers;
  }

  it('signs every teller and RM in at the counter the seed gives them, and shows who sits where', async () => {
    const seats: Record<string, string> = {
      teller1: '1',
      teller2: '2',
      teller3: '3',
      teller4: '4',
      teller5: '5',
      teller6: '6',
      rm1: 'R1',
      rm2: 'R2',
    };
    for (const username of Object.keys(seats)) await hall.login(username);
    const snapshot = await staffSnapshot(hall);
    for (const [username, code] of Object.entries(seats)) {
      const login = await hall.login(username);
      const counter = snapshot.counters.find((candidate) => candidate.code === code);
      expect({ username, counter: login.user.counterId }).toEqual({ username, counter: counter?.id });
      expect(counter?.staff?.id).toBe(login.user.id);
    }
  });

  it('a counter serving only B never calls an A ticket, and one serving only A never a B ticket', async () => {
    const a1 = await hall.issue(CASH);
    const b1 = await hall.issue(NON_CASH);
    const a2 = await hall.issue(CASH);
    const b2 = await hall.issue(NON_CASH);
    expect([a1, b1, a2, b2].map((ticket) => ticket.number)).toEqual(['A001', 'B001', 'A002', 'B002']);

    // Counter 4 serves B only: both B tickets, then nothing although two A tickets wait.
    expect(await drain('teller4')).toEqual(['B001', 'B002']);
    const afterCounter4 = await staffSnapshot(hall);
    expect(afterCounter4.waiting.map((ticket) => ticket.number)).toEqual(['A001', 'A002']);

    // Counter 2 serves A only: a B ticket issued now is left for someone else.
    const b3 = await hall.issue(NON_CASH);
    expect(await drain('teller2')).toEqual(['A001', 'A002']);
    const afterCounter2 = await staffSnapshot(hall);
    expect(afterCounter2.waiting.map((ticket) => ticket.number)).toEqual([b3.number]);
    expect(await drain('teller4')).toEqual([b3.number]);
  });

  it('counter 6 prefers corporate (weight 3) over a slightly older cash ticket (weight 1)', async () => {
    const cash = await hall.issue(CASH);
    hall.clock.advance(1);
    const corporate = await hall.issue(CORPORATE);
    expect(corporate.number).toBe('C001');
    // Weighted wait: cash (1 s + 1) x 1 = 2 against corporate (0 s + 1) x 3 = 3.
    expect(await drain('teller6')).toEqual([corporate.number, cash.number]);
  });

  it('answers 204 with no body and writes nothing when nothing waits in the counter queues', async () => {
    const cash = await hall.issue(CASH);
    const before = await lastSeq(hall);
    for (const username of ['rm1', 'teller4', 'teller5']) {
      const response = await callNextRaw(hall, username);
      expect({ username, status: response.status }).toEqual({ username, status: 204 });
      expect(response.text).toBe('');
    }
    expect(await lastSeq(hall)).toBe(before);
    expect((await staffSnapshot(hall)).waiting.map((ticket) => ticket.number)).toEqual([cash.number]);
    expect(await drain('teller2')).toEqual([cash.number]);
  });

  it('lets only the lobby manager issue VIP tickets, which go to the VIP queue', async () => {
    const before = await lastSeq(hall);
    const refused = await post(hall, hall.kioskAuth(), '/api/branches/demo/tickets', { ...CASH, priority: 'vip' });
    expectError(refused, 403, 'PRIORITY_NOT_ALLOWED');
    expect(await lastSeq(hall)).toBe(before);

    const vip = await post(hall, 'lobby', '/api/branches/demo/tickets', { ...CASH, priority: 'vip' });
    expect(vip.status).toBe(201);
    expect(vip.body).toMatchObject({ number: 'V001', queue: 'V', destination: 'vip-counter' });

    // Open-counter business of a VIP goes to the VIP queue too; corporate business keeps its own queue.
    const vipNonCash = await post(hall, 'lobby', '/api/branches/demo/tickets', { ...NON_CASH, priority: 'vip' });
    expect(vipNonCash.body).toMatchObject({ number: 'V002', queue: 'V', destination: 'vip-counter' });
    const vipCorporate = await post(hall, 'lobby', '/api/branches/demo/tickets', { ...CORPORATE, priority: 'vip' });
    expect(vipCorporate.body).toMatchObject({ queue: 'C', destination: 'corporate-counter' });

    // Counter 5 (VIP weight 3, B weight 1) serves the second VIP; counter 6 the corporate VIP.
    const atCounter5 = await callAndServe('teller5');
    expect(atCounter5?.number).toBe('V001');
    expect(await drain('teller6')).toEqual([vipCorporate.body.number]);
    // V002 stays for the ratio scenario below, served at counter 1.
  });

  it('calls at most two priority tickets in a row while normal tickets wait (P, P, N, P, P, N)', async () => {
    const normals = [await hall.issue(CASH), await hall.issue(CASH), await hall.issue(CASH)];
    const elderly = [await hall.issue(ELDERLY), await hall.issue(ELDERLY), await hall.issue(ELDERLY)];
    expect(elderly.map((ticket) => ticket.queue)).toEqual(['A', 'A', 'A']);

    // Counter 1 serves A (weight 2) and V (weight 1). The waiting VIP ticket V002 goes first; it passes no
    // normal ticket of its own queue, so only the elderly customers in A count towards the ratio.
    const called: { number: string; priority: string; priorityReason: string | null }[] = [];
    for (let ticket = await hall.callNext('teller1'); ticket; ticket = await hall.callNext('teller1')) {
      const view = ticket as unknown as { number: string; priority: string; priorityReason: string | null };
      called.push({ number: view.number, priority: view.priority, priorityReason: view.priorityReason });
      await hall.serve('teller1', ticket.id);
    }
    expect(called.map((ticket) => ticket.number)).toEqual([
      'V002',
      elderly[0].number,
      elderly[1].number,
      normals[0].number,
      elderly[2].number,
      normals[1].number,
      normals[2].number,
    ]);
    expect(called.map((ticket) => ticket.priority)).toEqual([
      'vip',
      'priority',
      'priority',
      'normal',
      'priority',
      'normal',
      'normal',
    ]);
    expect(called[1].priorityReason).toBe('elderly');
  });

  it('calls priority tickets first when everyone waits briefly, but an aged normal ticket before fresh priority', async () => {
    const old = await hall.issue(CASH);
    hall.clock.advance(39 * 60);
    // After 39 minutes the normal ticket is not starving yet: a fresh priority ticket goes first.
    const early = await hall.issue(ELDERLY);
    expect((await callAndServe('teller2'))?.number).toBe(early.number);

    hall.clock.advance(2 * 60); // the old ticket has now waited 41 minutes, past agingMinutes (40)
    const fresh = [await hall.issue(ELDERLY), await hall.issue(ELDERLY)];
    expect(await drain('teller2')).toEqual([old.number, fresh[0].number, fresh[1].number]);
  });

  it('ends with nothing waiting and one call per issued ticket', async () => {
    const snapshot = await staffSnapshot(hall);
    expect(snapshot.waiting).toEqual([]);
    expect(snapshot.nowServing).toEqual([]);
    const events = (
      await hall.http
        .get('/api/branches/demo/events?after=0')
        .set('Authorization', await hall.auth('lobby'))
        .expect(200)
    ).body.events as { type: string; ticket?: { id: string } }[];
    const issued = events.filter((event) => event.type === 'ticket.issued').map((event) => event.ticket?.id);
    const calledIds = events.filter((event) => event.type === 'ticket.called').map((event) => event.ticket?.id);
    expect(calledIds.slice().sort()).toEqual(issued.slice().sort());
  });
});

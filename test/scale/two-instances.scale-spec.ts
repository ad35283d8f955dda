import type { EventsPage, LoginResult, QueueSnapshot, StaffTicketView } from '@lobbyflow/contracts';
import { HALL_EVENT_TYPES, type HallEvent, type HallState, LiveHallController } from '@lobbyflow/ui-kit';
import { MIGRATIONS } from '../../apps/server/src/database/data-source-options';
import { ESCALATION_CHECK_MS } from '../../apps/server/src/referrals/referrals.service';
import { ROLLOVER_CHECK_MS } from '../../apps/server/src/commands/day-rollover.service';
import { NodeHost, RecordingSocket } from '../e2e/support/live-clients';
import { call, expectCall, report, ScaleCluster, summary } from './support/cluster';
import { until } from './support/processes';

const CASH = { businessType: 'cash-withdrawal', amount: 30000, hasCard: false }; // queue A
const NON_CASH = { businessType: 'account-opening' }; // queue B
const TELLER_PASSWORD = 'scale-teller-0123';

interface Teller {
  username: string;
  token: string;
  counterId: string;
  /** The instance this teller's screen talks to. */
  instance: 'A' | 'B';
  url: string;
}

type LoggedEvent = EventsPage['events'][number] & { ticket?: StaffTicketView };

/**
 * Issue #9: one central deployment, two server processes on PostgreSQL + Redis. Each test builds on the
 * previous one (one deployment, one morning); they run in order (`--runInBand`).
 */
describe('two instances on PostgreSQL and Redis', () => {
  let cluster: ScaleCluster;
  let startedAt: number;
  let lobby: string;
  let admin: string;
  const tellers: Teller[] = [];
  /** The display opened in the burst test, kept for the tests after it (the failover moves it to B). */
  const displays: { first?: ReturnType<typeof display> } = {};
  /** Screens and sockets opened by the tests, closed at the end even when a test fails. */
  const opened: { close(): void }[] = [];

  jest.setTimeout(180_000);

  beforeAll(async () => {
    startedAt = Date.now();
    cluster = await ScaleCluster.start();
    report(`both instances up in ${Date.now() - startedAt} ms (started together, migrating one at a time)`);
    lobby = (await login(cluster.a.url, 'lobby', 'demo1234')).accessToken;
    admin = (await login(cluster.b.url, 'admin', 'demo1234')).accessToken;
  });
  afterAll(async () => {
    opened.splice(0).forEach((client) => client.close());
    await cluster?.stop();
  });

  async function login(url: string, username: string, password: string): Promise<LoginResult> {
    return expectCall<LoginResult>(200, url, 'POST', '/api/auth/login', null, { username, password });
  }

  /** Every logged event of the demo branch, read through instance B. */
  async function allEvents(): Promise<{ events: LoggedEvent[]; lastSeq: number }> {
    const events: LoggedEvent[] = [];
    for (let after = 0; ;) {
      const page = await expectCall<EventsPage>(
        200,
        cluster.b.url,
        'GET',
        `/api/branches/demo/events?after=${after}`,
        lobby,
      );
      events.push(...(page.events as LoggedEvent[]));
      if (!page.hasMore || page.events.length === 0) return { events, lastSeq: page.lastSeq };
      after = page.events[page.events.length - 1].seq;
    }
  }

  async function lastSeq(): Promise<number> {
    return (await allEvents()).lastSeq;
  }

  /** A display board: the real LiveHallController, recording the seqs it applied and when each call arrived. */
  function display(baseUrl: string) {
    const host = new NodeHost();
    const controller = new LiveHallController(host, {
      baseUrl,
      branchId: 'demo',
      token: () => cluster.displayKey(),
      retrySeconds: 0.5,
    });
    const applied: number[] = [];
    const calledAt = new Map<string, number>();
    controller.onEvent((event: HallEvent) => {
      applied.push(event.seq);
      if (event.type === 'ticket.called') calledAt.set(event.ticket.id, Date.now());
    });
    host.connect();
    opened.push({ close: () => host.disconnect() });
    return { controller, applied, calledAt };
  }

  /** A raw socket recording the seqs of the branch events it receives, in arrival order. */
  function rawSocket(baseUrl: string, token: string) {
    const socket = new RecordingSocket(baseUrl, { token });
    opened.push(socket);
    const seqs = () =>
      socket.received.filter((entry) => HALL_EVENT_TYPES.has(entry.name)).map((entry) => entry.payload.seq as number);
    return { socket, seqs };
  }

  async function settledAt(screens: LiveHallController[], seq: number): Promise<void> {
    await until(`screens to reach seq ${seq}`, () =>
      screens.every((screen) => screen.status === 'live' && screen.state?.seq === seq),
    );
  }

  /** The display's state matches a fresh snapshot taken from the other instance. */
  async function expectEqualToSnapshot(state: HallState | null, url: string): Promise<void> {
    const fresh = await expectCall<QueueSnapshot>(200, url, 'GET', '/api/branches/demo/queue', cluster.displayKey());
    expect({ ...state, at: undefined }).toEqual({ ...fresh, at: undefined });
  }

  const consecutive = (seqs: number[]) => seqs.every((seq, index) => index === 0 || seq === seqs[index - 1] + 1);

  async function issue(
    url: string,
    body: object,
  ): Promise<{ id: string; number: string; queue: string; token: string }> {
    return expectCall(201, url, 'POST', '/api/branches/demo/tickets', cluster.kioskKey(), body);
  }

  /** The teller serves a called ticket to the end (start, finish) through the instance at `url`. */
  /** The teller presses "call next" through the instance at `url`; the ticket called. */
  function callNext(url: string, teller: Teller): Promise<StaffTicketView> {
    return expectCall<StaffTicketView>(200, url, 'POST', `/api/counters/${teller.counterId}/call-next`, teller.token);
  }

  async function serve(url: string, teller: Teller, ticketId: string): Promise<void> {
    await expectCall(200, url, 'POST', `/api/tickets/${ticketId}/start`, teller.token);
    await expectCall(200, url, 'POST', `/api/tickets/${ticketId}/finish`, teller.token);
  }

  it('migrates and seeds the database once although both instances started together', async () => {
    const migrations = await cluster.sql('SELECT name FROM migrations ORDER BY id');
    expect(migrations).toEqual(MIGRATIONS.map((Migration) => ({ name: new Migration().name })));
    expect(await cluster.sql('SELECT code FROM branch')).toEqual([{ code: 'demo' }]);
    const [{ admins }] = await cluster.sql<{ admins: string }>(
      "SELECT COUNT(*) AS admins FROM staff_user WHERE username = 'admin'",
    );
    expect(Number(admins)).toBe(1);
  });

  it('numbers tickets issued through both instances uniquely and without gaps per queue', async () => {
    const issued: { number: string; queue: string }[] = [];
    // Six bursts of 20 issues at once, alternating between the instances.
    for (let burst = 0; burst < 6; burst++) {
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, index) =>
          issue(index % 2 === 0 ? cluster.a.url : cluster.b.url, index % 4 < 2 ? CASH : NON_CASH),
        ),
      );
      issued.push(...answers);
    }
    for (const queue of ['A', 'B']) {
      const numbers = issued.filter((ticket) => ticket.queue === queue).map((ticket) => ticket.number);
      expect(numbers.sort()).toEqual(
        Array.from({ length: 60 }, (_, index) => `${queue}${String(index + 1).padStart(3, '0')}`),
      );
    }
    const { events, lastSeq: seq } = await allEvents();
    expect(events.filter((event) => event.type === 'ticket.issued')).toHaveLength(120);
    expect(events.map((event) => event.seq)).toEqual(Array.from({ length: seq }, (_, index) => index + 1));
  });

  it('calls every ticket exactly once when 20 tellers on both instances call next in bursts', async () => {
    // Counters 7-20 and their tellers, made through the admin API: with the six demo tellers, twenty.
    for (let code = 7; code <= 20; code++) {
      const counter = await expectCall<{ id: string }>(
        201,
        cluster.a.url,
        'POST',
        '/api/branches/demo/admin/counters',
        admin,
        {
          code: String(code),
          name: { zh: `${code}号窗口`, en: `Counter ${code}` },
          kind: 'cash',
          queues: [
            { queue: 'A', weight: 1 },
            { queue: 'B', weight: 1 },
          ],
        },
      );
      await expectCall(201, cluster.b.url, 'POST', '/api/branches/demo/admin/staff', admin, {
        username: `teller${code}`,
        displayName: `Teller ${code}`,
        role: 'teller',
        counterId: counter.id,
        password: TELLER_PASSWORD,
      });
    }
    for (let index = 1; index <= 20; index++) {
      const instance = index % 2 === 0 ? 'A' : 'B';
      const url = instance === 'A' ? cluster.a.url : cluster.b.url;
      const signedIn = await login(url, `teller${index}`, index <= 6 ? 'demo1234' : TELLER_PASSWORD);
      tellers.push({
        username: `teller${index}`,
        token: signedIn.accessToken,
        counterId: signedIn.user.counterId as string,
        instance,
        url,
      });
    }

    // A display on instance A (through the balancer, which prefers A) and raw sockets on both instances.
    const board = display(cluster.balancer.url);
    const onA = rawSocket(cluster.a.url, cluster.displayKey());
    const onB = rawSocket(cluster.b.url, cluster.displayKey());
    await Promise.all([onA.socket.connected(), onB.socket.connected()]);
    const seqBefore = await lastSeq();
    await settledAt([board.controller], seqBefore);

    const calledBy = new Map<string, string>();
    /** When each call made on B was pressed and when B answered it (the call had committed by then). */
    const sentOnB = new Map<string, { sent: number; answered: number }>();
    let rounds = 0;
    const burstStarted = Date.now();
    for (;;) {
      rounds++;
      expect(rounds).toBeLessThanOrEqual(60);
      // Every teller presses "next" twice at once: 40 requests per burst, split across the instances.
      const attempts = tellers.flatMap((teller) => [teller, teller]);
      const answers = await Promise.all(
        attempts.map(async (teller) => {
          const sent = Date.now();
          const answer = await call<StaffTicketView>(
            teller.url,
            'POST',
            `/api/counters/${teller.counterId}/call-next`,
            teller.token,
          );
          return { teller, sent, answered: Date.now(), answer };
        }),
      );
      const winners: { teller: Teller; id: string }[] = [];
      for (const teller of tellers) {
        const mine = answers.filter((entry) => entry.teller === teller);
        // One press wins the counter and the other finds it busy, or nothing waits for this counter.
        expect([
          [200, 409],
          [204, 204],
        ]).toContainEqual(mine.map((entry) => entry.answer.status).sort());
        for (const { answer, sent, answered } of mine) {
          if (answer.status === 409) expect(answer.body).toMatchObject({ code: 'COUNTER_BUSY' });
          if (answer.status !== 200) continue;
          expect(calledBy.get(answer.body.id)).toBeUndefined();
          calledBy.set(answer.body.id, teller.username);
          if (teller.instance === 'B') sentOnB.set(answer.body.id, { sent, answered });
          winners.push({ teller, id: answer.body.id });
        }
      }
      if (winners.length === 0) break;
      await Promise.all(winners.map(({ teller, id }) => serve(teller.url, teller, id)));
    }
    const burstMs = Date.now() - burstStarted;

    const { events, lastSeq: seq } = await allEvents();
    const issued = events.filter((event) => event.type === 'ticket.issued').map((event) => event.ticket!.id);
    // None lost, none twice: every issued ticket was called once, by one teller, and finished.
    expect([...calledBy.keys()].sort()).toEqual([...issued].sort());
    for (const id of issued) {
      const own = events.filter((event) => event.ticket?.id === id);
      expect({ id, calls: own.filter((event) => event.type === 'ticket.called').length }).toEqual({ id, calls: 1 });
      expect(own.at(-1)).toMatchObject({ type: 'ticket.finished' });
    }
    expect(events.map((event) => event.seq)).toEqual(Array.from({ length: seq }, (_, index) => index + 1));

    // Each instance's sockets got every event once, in seq order, whichever instance committed it.
    await settledAt([board.controller], seq);
    await until('raw sockets to reach the last seq', () => onA.seqs().at(-1) === seq && onB.seqs().at(-1) === seq);
    for (const raw of [onA, onB]) {
      expect(consecutive(raw.seqs())).toBe(true);
      expect(raw.seqs()[0]).toBe(seqBefore + 1);
    }
    expect(board.applied.slice(board.applied.indexOf(seqBefore + 1))).toEqual(
      Array.from({ length: seq - seqBefore }, (_, index) => seqBefore + 1 + index),
    );
    await expectEqualToSnapshot(board.controller.state, cluster.b.url);

    const shown = (id: string) => board.calledAt.get(id) as number;
    const fromPress = [...sentOnB].map(([id, { sent }]) => shown(id) - sent);
    const fromAnswer = [...sentOnB].map(([id, { answered }]) => shown(id) - answered);
    report(
      `${calledBy.size} tickets called by 20 tellers in ${rounds - 1} bursts of 40 presses (+ start and finish) ` +
        `in ${burstMs} ms; ${seq - seqBefore} events`,
    );
    report(`during the bursts, call pressed on B -> shown by the display on A: ${summary(fromPress)}`);
    report(
      `during the bursts, B answered the press -> shown on A (negative: the board was first): ${summary(fromAnswer)}`,
    );
    onA.socket.close();
    onB.socket.close();
    displays.first = board;
  });

  it('shows a call made on B on the display on A, one at a time', async () => {
    const board = displays.first!;
    const teller = tellers.find((candidate) => candidate.username === 'teller4')!; // counter 4: queue B only
    const latencies: number[] = [];
    for (let index = 0; index < 10; index++) {
      await issue(cluster.a.url, NON_CASH);
      const sent = Date.now();
      const called = await callNext(cluster.b.url, teller);
      await until(`the display on A to show ${called.number}`, () => board.calledAt.has(called.id), 5_000);
      latencies.push((board.calledAt.get(called.id) as number) - sent);
      await serve(cluster.b.url, teller, called.id);
    }
    report(`call pressed on B -> shown by the display on A, one at a time: ${summary(latencies)}`);
    expect(consecutive(board.applied)).toBe(true);
  });

  it('sends positions, "you are next" and the call to a phone on A when tickets move on B', async () => {
    const teller = tellers.find((candidate) => candidate.username === 'teller4')!;
    const first = await issue(cluster.b.url, NON_CASH);
    const second = await issue(cluster.b.url, NON_CASH);
    const phone = rawSocket(cluster.a.url, second.token);
    await phone.socket.connected();

    const called = await callNext(cluster.b.url, teller);
    expect(called.id).toBe(first.id);
    await until('the phone on A to hear it is next', () => phone.socket.named('ticket.next').length > 0, 5_000);
    expect(phone.socket.named('ticket.position').at(-1)).toMatchObject({ ticket: { id: second.id, ahead: 0 } });

    await serve(cluster.b.url, teller, first.id);
    await callNext(cluster.b.url, teller);
    await until('the phone on A to hear its call', () => phone.socket.named('ticket.called').length > 0, 5_000);
    // Once, from its own instance, naming the counter.
    expect(phone.socket.named('ticket.called')).toEqual([
      expect.objectContaining({ ticket: expect.objectContaining({ id: second.id, status: 'called', counter: '4' }) }),
    ]);
    await serve(cluster.b.url, teller, second.id);
    phone.socket.close();
  });

  it('moves the clients of a killed instance to the other one, which they catch up from, missing nothing', async () => {
    const board = displays.first!;
    await settledAt([board.controller], await lastSeq());
    const teller = tellers.find((candidate) => candidate.username === 'teller4')!;

    const killedAt = Date.now();
    await cluster.a.kill();
    // The hall goes on through B while the display finds its way there.
    for (let index = 0; index < 3; index++) await issue(cluster.b.url, NON_CASH);
    const called = await callNext(cluster.b.url, teller);
    await serve(cluster.b.url, teller, called.id);

    const seq = await lastSeq();
    await settledAt([board.controller], seq);
    report(`instance A killed -> its display live on B at the last seq in ${Date.now() - killedAt} ms`);
    expect(consecutive(board.applied)).toBe(true);
    expect(board.applied.at(-1)).toBe(seq);
    await expectEqualToSnapshot(board.controller.state, cluster.b.url);

    await cluster.a.start();
  });

  it('resumes events across instances after Redis restarts, closing the gap on the way', async () => {
    const board = display(cluster.a.url);
    const raw = rawSocket(cluster.a.url, cluster.displayKey());
    await raw.socket.connected();
    await settledAt([board.controller], await lastSeq());
    const teller = tellers.find((candidate) => candidate.username === 'teller4')!;

    await cluster.redis.down();
    const downAt = Date.now();
    for (let index = 0; index < 2; index++) await issue(cluster.b.url, NON_CASH);
    const calledDuring = await callNext(cluster.b.url, teller);
    await serve(cluster.b.url, teller, calledDuring.id);
    // Without Redis, instance A still learns of B's commands: it compares its last seq with the log.
    await settledAt([board.controller], await lastSeq());
    report(`Redis down: B's events reached the display on A from the log in ${Date.now() - downAt} ms`);

    await cluster.redis.up();
    const upAt = Date.now();
    // Both instances are back on the channel they exchange batches on.
    await until('both instances to subscribe again', async () => (await cluster.redis.subscribers()) === 2, 60_000);
    report(`Redis restarted -> both instances subscribed again after ${Date.now() - upAt} ms`);
    await issue(cluster.b.url, NON_CASH);
    const sent = Date.now();
    const calledAfter = await callNext(cluster.b.url, teller);
    await until('the call after the restart on the display on A', () => board.calledAt.has(calledAfter.id), 10_000);
    report(
      `after the restart, call pressed on B -> shown on A in ${(board.calledAt.get(calledAfter.id) as number) - sent} ms`,
    );
    await serve(cluster.b.url, teller, calledAfter.id);

    const seq = await lastSeq();
    await settledAt([board.controller], seq);
    await until('the raw socket on A to reach the last seq', () => raw.seqs().at(-1) === seq);
    expect(consecutive(raw.seqs())).toBe(true);
    expect(consecutive(board.applied)).toBe(true);
    await expectEqualToSnapshot(board.controller.state, cluster.b.url);
  });

  it('ran each timer once per interval across both instances, not once per instance', async () => {
    const elapsedMs = Date.now() - startedAt;
    const rows = await cluster.sql<{ name: string; runs: number; claimedBy: string }>(
      'SELECT name, runs, "claimedBy" FROM scheduled_job ORDER BY name',
    );
    const intervals: Record<string, number> = {
      'callover-escalation': ESCALATION_CHECK_MS,
      'day-rollover': ROLLOVER_CHECK_MS,
    };
    expect(rows.map((row) => row.name)).toEqual(Object.keys(intervals).sort());
    for (const row of rows) {
      // Once per instance would be about twice this; a slow machine only ticks less often.
      const bound = Math.floor(elapsedMs / intervals[row.name]) + 1;
      report(
        `${row.name}: ${row.runs} runs in ${elapsedMs} ms on two instances (at most ${bound} if once each interval)`,
      );
      expect(row.runs).toBeGreaterThanOrEqual(1);
      expect(row.runs).toBeLessThanOrEqual(bound);
    }
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventsPage } from '@lobbyflow/contracts';
import { io } from 'socket.io-client';
import { demoDeviceKey } from '../../apps/server/src/auth/secrets';
import { freePort, removeLogs, ServerProcess, signIn } from './support/processes';

const SECRET = 'crash-test-secret-0123456789abcdef-0123456789';
const KIOSK_KEY = demoDeviceKey(SECRET, 'demo', '大厅取号机 Lobby kiosk');
const DISPLAY_KEY = demoDeviceKey(SECRET, 'demo', '大厅叫号屏 Hall display');

/**
 * Crash safety (issue #8) on the default engine, SQLite in WAL mode: tickets are issued and called under
 * load, the server is killed with SIGKILL mid-stream and started again on the same file. Every ticket a
 * client got a 2xx for is there, numbering resumes without a duplicate or a gap, and a screen catches up
 * through the event log with every seq exactly once.
 */
describe('a server killed mid-morning', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lobbyflow-crash-'));
  let server: ServerProcess;

  beforeAll(async () => {
    server = new ServerProcess('crash', await freePort(), {
      NODE_ENV: 'test',
      JWT_SECRET: SECRET,
      DATABASE_PATH: join(dir, 'lobbyflow.sqlite'),
    });
    await server.start();
  });
  afterAll(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
    removeLogs();
  });

  const api = async (path: string, token: string, body?: object, headers: Record<string, string> = {}) => {
    const response = await fetch(`${server.url}/api${path}`, {
      method: body ? 'POST' : 'GET',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...headers },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
  const login = (username: string) => signIn(server.url, username);

  async function allEvents(token: string, after = 0): Promise<EventsPage['events']> {
    const events: EventsPage['events'] = [];
    let cursor = after;
    for (;;) {
      const page = (await api(`/branches/demo/events?after=${cursor}`, token)).body as EventsPage;
      events.push(...page.events);
      if (!page.hasMore || page.events.length === 0) return events;
      cursor = page.events[page.events.length - 1].seq;
    }
  }

  it('keeps every acknowledged ticket and call, resumes numbering, and lets screens catch up', async () => {
    const issued: { id: string; number: string; queue: string }[] = [];
    const called: string[] = [];
    const seen = new Set<number>();
    const display = io(server.url, { transports: ['websocket'], auth: { token: DISPLAY_KEY }, reconnection: false });
    display.onAny((_name: string, event: { seq?: number }) => {
      if (typeof event?.seq === 'number') seen.add(event.seq);
    });
    const tellers = await Promise.all(['teller1', 'teller2', 'teller4'].map(login));

    let running = true;
    const kiosks = Array.from({ length: 4 }, async (_, kiosk) => {
      for (let index = 0; running; index += 1) {
        const business =
          index % 2 === 0
            ? { businessType: 'account-opening' }
            : { businessType: 'cash-deposit', amount: 60000, hasCard: true };
        const response = await api('/branches/demo/tickets', KIOSK_KEY, business, {
          'Idempotency-Key': `kiosk-${kiosk}-${index}`,
        }).catch(() => null);
        if (response?.status === 201) issued.push(response.body);
      }
    });
    const counters = tellers.map(async (teller) => {
      while (running) {
        const next = await api(`/counters/${teller.user.counterId}/call-next`, teller.accessToken, {}).catch(
          () => null,
        );
        if (next?.status === 200) {
          called.push(next.body.id);
          await api(`/tickets/${next.body.id}/start`, teller.accessToken, {}).catch(() => null);
          await api(`/tickets/${next.body.id}/finish`, teller.accessToken, {}).catch(() => null);
        }
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 3000));
    await server.kill(); // mid-stream: requests are in flight
    running = false;
    await Promise.all([...kiosks, ...counters]);
    display.close();
    process.stdout.write(`  crash: ${issued.length} tickets and ${called.length} calls acknowledged before SIGKILL\n`);
    expect(issued.length).toBeGreaterThan(10);

    await server.start();
    const lobby = (await login('lobby')).accessToken;
    const events = await allEvents(lobby);
    const issuedInLog = new Map(
      events
        .filter((event) => event.type === 'ticket.issued')
        .map((event) => [
          (event as unknown as { ticket: { id: string; number: string; queue: string } }).ticket.id,
          event,
        ]),
    );
    for (const ticket of issued)
      expect({ ticket: ticket.number, kept: issuedInLog.has(ticket.id) }).toEqual({
        ticket: ticket.number,
        kept: true,
      });
    const calledInLog = new Set(
      events
        .filter((event) => event.type === 'ticket.called')
        .map((event) => (event as unknown as { ticket: { id: string } }).ticket.id),
    );
    for (const id of called) expect(calledInLog.has(id)).toBe(true);

    // Numbers per queue: 1..n, no duplicate, no gap; the next one after the restart is n + 1.
    const byQueue = new Map<string, number[]>();
    for (const event of issuedInLog.values()) {
      const { ticket } = event as unknown as { ticket: { number: string; queue: string } };
      byQueue.set(ticket.queue, [...(byQueue.get(ticket.queue) ?? []), Number(ticket.number.replace(/^\D+/, ''))]);
    }
    for (const [queue, numbers] of byQueue) {
      const sorted = [...numbers].sort((a, b) => a - b);
      expect({ queue, numbers: sorted }).toEqual({ queue, numbers: sorted.map((_, index) => index + 1) });
    }
    const after = await api(
      '/branches/demo/tickets',
      KIOSK_KEY,
      { businessType: 'account-opening' },
      { 'Idempotency-Key': 'after-restart' },
    );
    expect(after.status).toBe(201);
    expect(Number(after.body.number.replace(/^\D+/, ''))).toBe((byQueue.get(after.body.queue)?.length ?? 0) + 1);

    // The display reconnects and reads what it missed: every seq exactly once, none beyond the log.
    let held = 0; // the display holds 1..held without a hole
    while (seen.has(held + 1)) held += 1;
    const missed = await allEvents(DISPLAY_KEY, held);
    const union = [...Array.from({ length: held }, (_, index) => index + 1), ...missed.map((event) => event.seq)];
    const lastSeq = events[events.length - 1].seq + 1; // + the ticket issued after the restart
    expect(union).toEqual(Array.from({ length: lastSeq }, (_, index) => index + 1));
  });
});

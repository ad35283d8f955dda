import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { Database, OPEN_READONLY } from 'sqlite3';
import { demoDeviceKey } from '../../apps/server/src/auth/secrets';
import { freePort, removeLogs, ServerProcess, until, signIn } from './support/processes';

const SECRET = 'shutdown-test-secret-0123456789abcdef-0123456';
const KIOSK_KEY = demoDeviceKey(SECRET, 'demo', '大厅取号机 Lobby kiosk');
const DISPLAY_KEY = demoDeviceKey(SECRET, 'demo', '大厅叫号屏 Hall display');

/** How one request ended: answered (status and body), or never answered (the connection failed). */
interface Answer {
  status: number;
  body: { id?: string; code?: string };
}
type Outcome = Answer | { failed: true };
const answered = (outcome: Outcome): outcome is Answer => !('failed' in outcome);

/** Rows of the server's SQLite file, read after it exited. */
function query<T>(file: string, sql: string): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const db = new Database(file, OPEN_READONLY, (error) => {
      if (error) reject(error);
    });
    db.all(sql, (error, rows) => {
      db.close();
      if (error) reject(error);
      else resolve(rows as T[]);
    });
  });
}

/**
 * Graceful shutdown (issue #8): SIGTERM while kiosks issue tickets and tellers call them. Every request
 * either got a 2xx and its change is in the database, or was refused (503 SHUTTING_DOWN) or could not
 * connect, and then wrote nothing; the screens were told `server.shutdown` before their sockets closed;
 * the process exits 0.
 */
describe('a server stopped with SIGTERM mid-morning', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lobbyflow-shutdown-'));
  const databaseFile = join(dir, 'lobbyflow.sqlite');
  let server: ServerProcess;

  beforeAll(async () => {
    server = new ServerProcess('shutdown', await freePort(), {
      NODE_ENV: 'test',
      JWT_SECRET: SECRET,
      DATABASE_PATH: databaseFile,
    });
    await server.start();
  }, 90_000);
  afterAll(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
    removeLogs();
  });

  const post = async (path: string, token: string, headers: Record<string, string> = {}): Promise<Outcome> => {
    try {
      const response = await fetch(`${server.url}/api${path}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify(path.endsWith('/tickets') ? { businessType: 'account-opening' } : {}),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : {} };
    } catch {
      return { failed: true };
    }
  };
  const login = (username: string) => signIn(server.url, username);
  const socket = (token: string): Promise<{ socket: Socket; received: string[] }> =>
    new Promise((resolve, reject) => {
      const client = io(server.url, { transports: ['websocket'], auth: { token }, reconnection: false });
      const received: string[] = [];
      client.onAny((name: string) => received.push(name));
      client.on('disconnect', (reason) => received.push(`disconnect:${reason}`));
      client.once('connect', () => resolve({ socket: client, received }));
      client.once('connect_error', reject);
    });

  it('answers or refuses every request, keeps every answered change, tells the screens and exits 0', async () => {
    const tellers = await Promise.all(['teller3', 'teller4', 'teller5'].map(login));
    const screens = [await socket(DISPLAY_KEY), await socket(tellers[0].accessToken)];
    const issues = new Map<string, Outcome>();
    const calls: { counterId: string; outcome: Outcome }[] = [];
    const stopped = (outcome: Outcome) => !answered(outcome) || outcome.status === 503;

    const kiosks = Array.from({ length: 6 }, async (_, kiosk) => {
      for (let index = 0; ; index += 1) {
        const key = `kiosk-${kiosk}-${index}`;
        const outcome = await post('/branches/demo/tickets', KIOSK_KEY, { 'Idempotency-Key': key });
        issues.set(key, outcome);
        if (stopped(outcome)) return;
      }
    });
    const counters = tellers.map(async (teller) => {
      for (;;) {
        const outcome = await post(`/counters/${teller.user.counterId}/call-next`, teller.accessToken);
        calls.push({ counterId: teller.user.counterId, outcome });
        if (stopped(outcome)) return;
        if (answered(outcome) && outcome.status === 200 && outcome.body.id) {
          for (const step of ['start', 'finish']) {
            if (stopped(await post(`/tickets/${outcome.body.id}/${step}`, teller.accessToken))) return;
          }
        }
      }
    });
    const issuedCount = () => [...issues.values()].filter((o) => answered(o) && o.status === 201).length;
    await until('30 tickets issued', () => issuedCount() >= 30, 60_000);
    const exitCode = await server.terminate(); // mid-stream: requests are in flight
    await Promise.all([...kiosks, ...counters]);

    // The database as the stopped server left it: each ticket's idempotency key and whether it was called.
    const rows = await query<{ id: string; idempotencyKey: string; calledAt: string | null }>(
      databaseFile,
      'SELECT id, "idempotencyKey", "calledAt" FROM ticket',
    );
    const issuedKeys = [...issues].filter(([, o]) => answered(o) && o.status === 201).map(([key]) => key);
    const calledIds = calls.flatMap(({ outcome }) =>
      answered(outcome) && outcome.status === 200 && outcome.body.id ? [outcome.body.id] : [],
    );
    const outcomes = [...issues.values(), ...calls.map((call) => call.outcome)];
    const refusals = outcomes.filter((o) => answered(o) && o.status >= 300);
    process.stdout.write(
      `  shutdown: ${issuedKeys.length} tickets and ${calledIds.length} calls answered; ` +
        `${refusals.length} refused, ${outcomes.filter((o) => !answered(o)).length} not connected\n`,
    );

    expect(exitCode).toBe(0);
    expect(rows.map((row) => row.idempotencyKey).sort()).toEqual(issuedKeys.sort());
    expect(
      rows
        .filter((row) => row.calledAt !== null)
        .map((row) => row.id)
        .sort(),
    ).toEqual(calledIds.sort());
    // Whatever was refused was refused for the shutdown, with the stable code (a 204 is "nobody waiting").
    for (const refusal of refusals) expect(refusal).toMatchObject({ status: 503, body: { code: 'SHUTTING_DOWN' } });
    for (const screen of screens) {
      expect(screen.received.slice(-2)).toEqual(['server.shutdown', 'disconnect:transport close']);
    }
  }, 120_000);
});

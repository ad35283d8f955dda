import { DataSource } from 'typeorm';
import { RecordingSocket } from './support/live-clients';
import { TestHall } from './support/test-app';

const METRICS_TOKEN = 'e2e-metrics-token-0123456789';
const CARD = '6222021234567890123';

/** One sample of the Prometheus text format, by metric name and exact label set; 0 when absent. */
function sample(exposition: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels)
    .map(([label, value]) => `${label}="${value}"`)
    .sort()
    .join(',');
  for (const line of exposition.split('\n')) {
    const match = /^([a-z_:]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = (match[2] ?? '').split(',').filter(Boolean).sort().join(',');
    if (have === wanted) return Number(match[3]);
  }
  return 0;
}

/**
 * Observability (issue #8): one JSON access line per request with its id, branch and caller and never a
 * body; Prometheus metrics that move exactly with the event log; a health check naming the part that is
 * down.
 */
describe('logs and metrics', () => {
  let hall: TestHall;
  let lines: string[] = [];
  let stdout: jest.SpyInstance;

  beforeAll(async () => {
    hall = await TestHall.start('2026-11-23T01:00:00Z', {
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
      METRICS_TOKEN,
    });
  });
  beforeEach(() => {
    lines = [];
    stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      return true;
    });
  });
  afterEach(() => stdout.mockRestore());
  afterAll(() => hall.stop());

  const logged = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);

  it('writes one JSON line per request with its id, branch and caller, and nothing of the body', async () => {
    const response = await hall.http
      .post('/api/branches/demo/tickets')
      .set('Authorization', hall.kioskAuth())
      .set('X-Request-Id', 'kiosk-7f3a-0001')
      .send({ businessType: 'card-service', customer: { idKind: 'card', idNumber: CARD } })
      .expect(201);
    expect(response.headers['x-request-id']).toBe('kiosk-7f3a-0001');

    const mine = logged().filter((entry) => entry.requestId === 'kiosk-7f3a-0001');
    expect(mine).toEqual([
      {
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        level: 'info',
        msg: 'request',
        context: 'Http',
        requestId: 'kiosk-7f3a-0001',
        branch: 'demo',
        user: expect.stringMatching(/^device:[0-9a-f-]{36}$/),
        method: 'POST',
        path: '/api/branches/demo/tickets',
        route: '/api/branches/:branchId/tickets',
        status: 201,
        durationMs: expect.any(Number),
      },
    ]);
    const all = lines.join('\n');
    expect(all).not.toContain(CARD);
    expect(all).not.toContain('card-service');
  });

  it('makes up an id when the caller sends none or a malformed one, and never logs a query string', async () => {
    const response = await hall.http
      .get('/api/branches/demo/events?after=0')
      .set('Authorization', hall.displayAuth())
      .set('X-Request-Id', 'two words {"level":"error"}')
      .expect(200);
    const id = response.headers['x-request-id'];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const [entry] = logged().filter((line) => line.requestId === id);
    expect(entry).toMatchObject({ path: '/api/branches/demo/events', status: 200, branch: 'demo' });
    expect(lines.join('\n')).not.toContain('after=0');
  });

  it('scrapes /metrics with the token only', async () => {
    expect((await hall.http.get('/metrics')).status).toBe(401);
    expect((await hall.http.get('/metrics').set('Authorization', 'Bearer not-the-token-0123456789')).status).toBe(401);
    const response = await hall.http.get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    expect(response.text).toContain('process_resident_memory_bytes');
    expect(response.text).toContain('nodejs_eventloop_lag_seconds');
    expect((await hall.http.get('/api/metrics')).status).toBe(404);
  });

  it('counts tickets, calls, waits, sockets, commands and requests exactly as the event log records them', async () => {
    const scrape = async () =>
      (await hall.http.get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(200)).text;
    const eventCount = async (type: string) => (await hall.events()).filter((event) => event.type === type).length;
    // Counter 4 serves queue B alone: whoever earlier tests left there is served first.
    for (let left = await hall.callNext('teller4'); left; left = await hall.callNext('teller4')) {
      await hall.serve('teller4', left.id);
    }
    const before = await scrape();
    const issuedBefore = await eventCount('ticket.issued');
    const display = new RecordingSocket(await hall.listen(), { token: hall.displayKey() });
    await display.connected();

    // Three account openings (queue B, counter 4), called after 2, 3 and 3 minutes.
    const [first, second, third] = [
      await hall.issue({ businessType: 'account-opening' }),
      await hall.issue({ businessType: 'account-opening' }),
      await hall.issue({ businessType: 'account-opening' }),
    ];
    hall.clock.advance(120);
    expect((await hall.callNext('teller4'))?.id).toBe(first.id);
    hall.clock.advance(60);
    await hall.act('teller4', first.id, 'recall');
    await hall.serve('teller4', first.id);
    await hall.act('teller4', third.id, 'call');
    await hall.serve('teller4', third.id);
    expect((await hall.callNext('teller4'))?.id).toBe(second.id);

    const after = await scrape();
    const moved = (name: string, labels: Record<string, string> = {}) =>
      sample(after, name, labels) - sample(before, name, labels);
    expect({
      issued: moved('lobbyflow_tickets_issued_total', { branch: 'demo', queue: 'B' }),
      issuedInLog: (await eventCount('ticket.issued')) - issuedBefore,
      next: moved('lobbyflow_calls_total', { branch: 'demo', kind: 'next' }),
      specific: moved('lobbyflow_calls_total', { branch: 'demo', kind: 'specific' }),
      recall: moved('lobbyflow_calls_total', { branch: 'demo', kind: 'recall' }),
      waits: moved('lobbyflow_wait_seconds_count', { branch: 'demo', queue: 'B' }),
      waitedSeconds: moved('lobbyflow_wait_seconds_sum', { branch: 'demo', queue: 'B' }),
      waitsWithin2Minutes: moved('lobbyflow_wait_seconds_bucket', { branch: 'demo', queue: 'B', le: '120' }),
      issueCommands: moved('lobbyflow_command_duration_seconds_count', {
        command: 'tickets.issue',
        outcome: 'committed',
      }),
      issueRequests: moved('lobbyflow_http_request_duration_seconds_count', {
        method: 'POST',
        route: '/api/branches/:branchId/tickets',
        status: '201',
      }),
      displays: sample(after, 'lobbyflow_sockets_connected', { kind: 'device' }),
    }).toEqual({
      issued: 3,
      issuedInLog: 3,
      next: 2,
      specific: 1,
      recall: 1,
      waits: 3,
      waitedSeconds: 120 + 180 + 180,
      waitsWithin2Minutes: 1,
      issueCommands: 3,
      issueRequests: 3,
      displays: 1,
    });

    // The gauge follows the socket out (the server hears of the close a moment later).
    display.close();
    const gone = async () => sample(await scrape(), 'lobbyflow_sockets_connected', { kind: 'device' }) === 0;
    for (let attempt = 0; attempt < 100 && !(await gone()); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(await gone()).toBe(true);
  });
});

describe('health', () => {
  let hall: TestHall;

  beforeAll(async () => {
    hall = await TestHall.start();
  });
  afterAll(() => hall.stop());

  it('answers 200 while the database answers, and 503 naming the database when it does not', async () => {
    const up = await hall.http.get('/api/health').expect(200);
    expect(up.body).toMatchObject({ status: 'ok', db: 'ok' });
    expect(up.body).not.toHaveProperty('redis');

    const dataSource = hall.app.get(DataSource);
    await dataSource.destroy();
    try {
      const down = await hall.http.get('/api/health').expect(503);
      expect(down.body).toMatchObject({ status: 'degraded', db: 'down' });
    } finally {
      await dataSource.initialize();
    }
  });
});

import { request as httpRequest } from 'node:http';
import { io } from 'socket.io-client';
import { TestHall } from './support/test-app';

/**
 * Issue #8: the sign-in rate limit, the security headers and CORS, on a real server. The limits are
 * configured small here (the defaults are 10 attempts a minute per username and IP, 300 per IP) so that a
 * few requests reach them; windows end on the server's Clock, which the test moves.
 */
const ALLOWED_ORIGIN = 'https://console.bank.example';
const OTHER_ORIGIN = 'https://evil.example';
const PER_USER = 5;
const PER_IP = 12;

let hall: TestHall;
let baseUrl: string;

beforeAll(async () => {
  hall = await TestHall.start(undefined, {
    LOGIN_RATE_LIMIT: `${PER_USER}/60`,
    LOGIN_IP_RATE_LIMIT: `${PER_IP}/60`,
    CORS_ORIGINS: ALLOWED_ORIGIN,
    // The test's own loopback addresses stand for the load balancer in front.
    TRUST_PROXY: 'loopback',
  });
  baseUrl = await hall.listen();
});
afterAll(() => hall.stop());

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: { code?: string; details?: { retryAfterSeconds?: number }; accessToken?: string };
}

/**
 * Signs in from a chosen loopback address (all of 127.0.0.0/8 reaches the server on Linux), so that one
 * test plays clients on several IPs.
 */
function login(from: string, username: string, password = 'demo1234'): Promise<Answer> {
  const payload = JSON.stringify({ username, password });
  const url = new URL('/api/auth/login', baseUrl);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      url,
      {
        method: 'POST',
        localAddress: from,
        headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Answer['body'],
          }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(payload);
  });
}

describe('sign-in rate limit', () => {
  it('blocks a username on one IP after the limit, even with the right password, until the window ends', async () => {
    for (let attempt = 1; attempt <= PER_USER; attempt++) {
      expect((await login('127.0.0.1', 'lobby', 'wrong-password')).body.code).toBe('INVALID_CREDENTIALS');
    }
    const blocked = await login('127.0.0.1', 'lobby');
    expect(blocked.status).toBe(429);
    expect(blocked.body).toMatchObject({ statusCode: 429, code: 'TOO_MANY_ATTEMPTS' });
    expect(blocked.body).not.toHaveProperty('accessToken');
    // The test's clock stands at the start of a minute: the whole window is left.
    expect(blocked.headers['retry-after']).toBe('60');
    expect(blocked.body.details?.retryAfterSeconds).toBe(60);

    // Another username from the same address, and the same username from another address, are not blocked.
    expect((await login('127.0.0.1', 'admin')).status).toBe(200);
    expect((await login('127.0.0.2', 'lobby')).status).toBe(200);

    hall.clock.advance(60);
    expect((await login('127.0.0.1', 'lobby')).status).toBe(200);
  });

  it('blocks an IP that tries many usernames, and only that IP', async () => {
    for (let attempt = 1; attempt <= PER_IP; attempt++) {
      expect((await login('127.0.0.3', `guess${attempt}`)).body.code).toBe('INVALID_CREDENTIALS');
    }
    const blocked = await login('127.0.0.3', 'admin');
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('TOO_MANY_ATTEMPTS');
    expect((await login('127.0.0.4', 'admin')).status).toBe(200);
  });
});

describe('sign-in rate limit behind a trusted proxy', () => {
  const viaProxy = (clientIp: string, password: string) =>
    hall.http.post('/api/auth/login').set('X-Forwarded-For', clientIp).send({ username: 'rm1', password });

  it("counts each client by the address the proxy forwarded, not by the proxy's", async () => {
    for (let attempt = 1; attempt <= PER_USER; attempt++) {
      expect((await viaProxy('203.0.113.7', 'wrong-password')).status).toBe(401);
    }
    expect((await viaProxy('203.0.113.7', 'demo1234')).status).toBe(429);
    expect((await viaProxy('203.0.113.8', 'demo1234')).status).toBe(200);
  });
});

describe('security headers', () => {
  it('sends a strict Content-Security-Policy and the other helmet headers with the API and the screens', async () => {
    for (const path of ['/api/health', '/kiosk', '/staff', '/api/nothing-here']) {
      const response = await hall.http.get(path);
      const policy = response.headers['content-security-policy'] as string;
      expect(policy.split(';')).toEqual(
        expect.arrayContaining([
          "default-src 'self'",
          "script-src 'self'",
          "style-src 'self'",
          "style-src-attr 'unsafe-inline'",
          "img-src 'self' data:",
          "connect-src 'self'",
          "object-src 'none'",
          "frame-ancestors 'none'",
        ]),
      );
      expect(policy.replace("style-src-attr 'unsafe-inline'", '')).not.toContain('unsafe');
      expect(response.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'SAMEORIGIN',
        'referrer-policy': 'no-referrer',
        'cross-origin-resource-policy': 'same-origin',
      });
      expect(response.headers).not.toHaveProperty('x-powered-by');
    }
  });

  it('lets Swagger UI at /api/docs use its inline styles, and nothing more', async () => {
    const page = await hall.http.get('/api/docs/').expect(200);
    expect(page.text).toContain('swagger-ui');
    const policy = page.headers['content-security-policy'] as string;
    expect(policy).toContain("style-src 'self' 'unsafe-inline'");
    expect(policy).toContain("script-src 'self';");
    await hall.http.get('/api/docs/swagger-ui-init.js').expect(200);
  });
});

describe('CORS', () => {
  const preflight = (origin: string) =>
    hall.http
      .options('/api/auth/login')
      .set('Origin', origin)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'content-type,idempotency-key');

  it('answers a configured origin with the CORS headers', async () => {
    const response = await preflight(ALLOWED_ORIGIN);
    expect(response.status).toBe(204);
    expect(response.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN);
    expect(String(response.headers['access-control-allow-headers']).toLowerCase()).toContain('idempotency-key');
    const read = await hall.http.get('/api/health').set('Origin', ALLOWED_ORIGIN).expect(200);
    expect(read.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN);
  });

  it('refuses a preflight from any other origin, and gives its requests no CORS headers', async () => {
    const response = await preflight(OTHER_ORIGIN);
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
    expect(response.headers).not.toHaveProperty('access-control-allow-origin');
    const read = await hall.http.get('/api/health').set('Origin', OTHER_ORIGIN);
    expect(read.headers).not.toHaveProperty('access-control-allow-origin');
  });

  /** Opens a display's socket as a page of `origin` would; resolves with how the handshake ended. */
  function handshake(origin: string): Promise<'connected' | 'refused'> {
    const socket = io(baseUrl, {
      path: '/socket.io',
      transports: ['websocket'],
      auth: { token: hall.displayKey() },
      extraHeaders: { Origin: origin },
      reconnection: false,
    });
    return new Promise<'connected' | 'refused'>((resolve) => {
      socket.once('connect', () => resolve('connected'));
      socket.once('connect_error', () => resolve('refused'));
    }).finally(() => socket.disconnect());
  }

  it('applies the same origins to the socket.io handshake', async () => {
    expect(await handshake(ALLOWED_ORIGIN)).toBe('connected');
    expect(await handshake(baseUrl)).toBe('connected');
    expect(await handshake(OTHER_ORIGIN)).toBe('refused');
  });
});

import { type Random, seededRandom } from '@lobbyflow/domain';
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { ERROR_CODES } from '@lobbyflow/contracts';
import { type Principal, ROUTES, type RouteRule } from './authorization/route-matrix';
import { RecordingSocket } from './support/live-clients';
import { TestHall } from './support/test-app';

/** Generated requests per route: with ~70 routes, a few thousand in all. */
const CASES_PER_ROUTE = 40;

/**
 * Hostile input (issue #8): generated bodies, query strings and socket handshakes — wrong types, huge
 * strings, deep nesting, prototype-pollution keys, unicode, negative and enormous amounts — sent to every
 * route as a principal the route lets through. Zero 5xx, every refusal a 4xx with a known code, the
 * database unchanged by every refused request, the server alive at the end. Seeded: a failure replays.
 */
describe('hostile input', () => {
  let hall: TestHall;
  let baseUrl: string;
  const tokens = new Map<Principal, string>();
  let resources: Record<string, string>;

  beforeAll(async () => {
    hall = await TestHall.start();
    baseUrl = await hall.listen();
    const ticket = await hall.issue({ businessType: 'account-opening' });
    resources = {
      branchId: 'demo',
      id: ticket.id,
      token: ticket.token,
      counterId: (await hall.login('teller1')).user.counterId as string,
      code: 'A',
      deviceId: crypto.randomUUID(),
      userId: crypto.randomUUID(),
    };
    tokens.set('kiosk', hall.kioskKey()).set('display', hall.displayKey()).set('ticket', ticket.token);
    for (const [principal, username] of [
      ['teller', 'teller1'],
      ['lobby-manager', 'lobby'],
      ['rm', 'rm1'],
      ['admin', 'admin'],
    ] as const) {
      tokens.set(principal, await hall.token(username));
    }
  });
  afterAll(() => hall.stop());

  /**
   * Row counts of every table and the branch's last seq: what a refused request must not change. The
   * scheduler's own bookkeeping (timers claiming their runs) is written in the background: left out.
   */
  async function fingerprint(): Promise<string> {
    const dataSource = hall.app.get(DataSource);
    const background = new Set(['scheduled_job']);
    const counts = await Promise.all(
      dataSource.entityMetadatas
        .filter((entity) => !background.has(entity.tableName))
        .map(async (entity) => {
          const rows = (await dataSource.query(`SELECT count(*) AS n FROM "${entity.tableName}"`)) as { n: number }[];
          return `${entity.tableName}=${Number(rows[0].n)}`;
        }),
    );
    const seq = (await dataSource.query('SELECT "lastSeq" FROM branch')) as { lastSeq: number }[];
    return [...counts, `seq=${seq.map((row) => row.lastSeq).join(',')}`].join(' ');
  }

  const principalFor = (route: RouteRule): Principal | null => {
    if (route.allow === 'public') return null;
    const order: Principal[] = ['admin', 'lobby-manager', 'teller', 'rm', 'kiosk', 'display', 'ticket'];
    return order.find((principal) => (route.allow as readonly Principal[]).includes(principal)) ?? null;
  };

  // Sign-out ends the session the other cases use: it is left out (its input is an empty body, refused
  // with anything else, as the bad-input spec shows).
  const fuzzed = ROUTES.filter((route) => !route.last);

  it.each(fuzzed.map((route) => [`${route.method.toUpperCase()} ${route.path}`, route] as const))(
    'survives generated input on %s',
    async (_, route) => {
      const random = seededRandom(hash(`${route.method} ${route.path}`));
      const principal = principalFor(route);
      for (let index = 0; index < CASES_PER_ROUTE; index += 1) {
        const before = await fingerprint();
        const path = route.path.replace(/:(\w+)/g, (_match, name: string) =>
          random() < 0.25 ? encodeURIComponent(String(hostileScalar(random))) : resources[name],
        );
        const query = route.method === 'get' && random() < 0.6 ? `?${hostileQuery(random)}` : '';
        const call = hall.http[route.method](path + query);
        if (principal) call.set('Authorization', `Bearer ${tokens.get(principal)}`);
        let response: Response;
        let sent = '';
        if (route.method === 'get' || route.method === 'delete') {
          response = await call;
        } else {
          const { body, type } = hostileBody(random);
          sent = ` ${type} ${body.slice(0, 160)}`;
          response = await call.set('Content-Type', type).send(body);
        }
        // What was sent, short enough to read in a failure: the case replays from the seed.
        const context = `${route.method} ${path.slice(0, 120)}${query.slice(0, 80)} case ${index}${sent}`;
        expect({ context, status: response.status }).toMatchObject({ status: expect.any(Number) });
        expect({ context, serverError: response.status >= 500 }).toEqual({ context, serverError: false });
        if (response.status >= 400) {
          expect({ context, code: (ERROR_CODES as readonly string[]).includes(response.body?.code) }).toEqual({
            context,
            code: true,
          });
          expect({ context, fingerprint: await fingerprint() }).toEqual({ context, fingerprint: before });
        }
      }
    },
  );

  it('refuses hostile socket handshakes with a code and stays up', async () => {
    const random = seededRandom(7);
    for (let index = 0; index < 60; index += 1) {
      // socket.io's protocol carries `auth` as an object: everything inside it is the attacker's.
      const auth = {
        token: hostileValue(random, 1),
        branchId: hostileValue(random, 1),
        ...(hostileValue(random, 2) as object),
      };
      const socket = new RecordingSocket(baseUrl, auth as Record<string, unknown>);
      const error = await socket.connected().then(
        () => null,
        (refusal: { data?: { code?: unknown } }) => refusal,
      );
      expect({ index, code: typeof error?.data?.code }).toEqual({ index, code: 'string' });
      socket.close();
    }
    expect((await hall.http.get('/api/health')).status).toBe(200);
    const display = new RecordingSocket(baseUrl, { token: hall.displayKey() });
    await display.connected();
    display.close();
  });
});

/** A stable seed per route, so that a failing case replays. */
function hash(text: string): number {
  let value = 2166136261;
  for (const char of text) value = Math.imul(value ^ char.charCodeAt(0), 16777619);
  return value >>> 0;
}

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];

/** Scalars that break naive code: wrong types, extremes, unicode, injection-looking text. */
function hostileScalar(random: Random): unknown {
  return pick(random, [
    -1,
    0,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER + 2,
    0.1 + 0.2,
    '',
    ' ',
    'NaN',
    'Infinity',
    '-0',
    '1e999',
    '💰💰💰',
    '\u202Eevil\u202C',
    'a\u0000b',
    '𠮷野家',
    "'; DROP TABLE ticket; --",
    '<script>alert(1)</script>',
    '../../etc/passwd',
    '%00',
    'x'.repeat(10_000),
    true,
    false,
    null,
    '2026-02-30',
    '00000000-0000-0000-0000-000000000000',
  ]);
}

/** Any JSON value, nested up to a few levels, with prototype-pollution keys now and then. */
function hostileValue(random: Random, depth: number): unknown {
  const roll = random();
  if (depth > 3 || roll < 0.45) return hostileScalar(random);
  if (roll < 0.65) return Array.from({ length: Math.floor(random() * 4) }, () => hostileValue(random, depth + 1));
  const object: Record<string, unknown> = {};
  const keys = [
    '__proto__',
    'constructor',
    'prototype',
    'businessType',
    'amount',
    'signals',
    'reason',
    'response',
    'x',
  ];
  for (let count = Math.floor(random() * 4); count >= 0; count -= 1) {
    Object.defineProperty(object, pick(random, keys), {
      value: hostileValue(random, depth + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return object;
}

function deeplyNested(levels: number): string {
  return `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
}

/** A request body and its content type: JSON of every shape, broken JSON, deep nesting, other media. */
function hostileBody(random: Random): { body: string; type: string } {
  const roll = random();
  if (roll < 0.6) return { body: JSON.stringify(hostileValue(random, 0)) ?? 'null', type: 'application/json' };
  if (roll < 0.7) return { body: '{"businessType": "cash-deposit", "amount": ', type: 'application/json' };
  if (roll < 0.78) return { body: deeplyNested(5_000), type: 'application/json' };
  if (roll < 0.84) return { body: `{"note": "${'x'.repeat(200_000)}"}`, type: 'application/json' };
  if (roll < 0.9)
    return {
      body: '{"__proto__": {"isAdmin": true}, "constructor": {"prototype": {"x": 1}}}',
      type: 'application/json',
    };
  if (roll < 0.95) return { body: 'id_kind,id_number\ncard,"unterminated', type: 'text/csv' };
  return { body: '<xml>no</xml>', type: 'application/xml' };
}

function hostileQuery(random: Random): string {
  const name = pick(random, ['after', 'from', 'to', 'rm', 'reason', 'after[]', '__proto__[x]', 'after[$gt]']);
  return `${encodeURIComponent(name)}=${encodeURIComponent(String(hostileScalar(random)))}`;
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JwtService } from '@nestjs/jwt';
import type { Response } from 'supertest';
import { expectError } from '../support/hall-helpers';
import { EAST, seedEastBranch } from '../support/second-branch';
import { TEST_SECRET, TestHall } from '../support/test-app';
import { PRINCIPALS, type Principal, ROUTES, type RouteRule } from './route-matrix';

/**
 * The authorization matrix (issue #8): one test per route and principal, for the demo branch's own
 * principals and for those of a second branch. A route's role gate answers 401 without a credential and
 * 403 FORBIDDEN (with `details.allowed`) for a principal it does not let through; a principal of another
 * branch never reaches the demo branch (403 WRONG_BRANCH on a branch path, 403/404 on a demo resource).
 * What an allowed principal gets after the gate (200, 400 for the empty body, 404, 409...) is the route's
 * own business: the matrix checks only that the gate let it through.
 */
describe('authorization matrix', () => {
  let hall: TestHall;
  const demo = new Map<Principal, string | null>();
  const east = new Map<Principal, string | null>();
  const params: Record<string, string> = {};

  beforeAll(async () => {
    hall = await TestHall.start();
    const keys = await seedEastBranch(hall);
    await hall.http
      .post('/api/branches/demo/customers/import')
      .set('Authorization', await hall.auth('admin'))
      .set('Content-Type', 'text/csv')
      .send(readFileSync(join(__dirname, '../../fixtures/customers.csv'), 'utf8'))
      .expect(201);
    const known = await hall.issue({
      businessType: 'card-service',
      customer: { idKind: 'card', idNumber: '6222021234567890123' },
    });
    const ticket = await hall.issue({ businessType: 'account-opening' });
    const eastTicket = await hall.http
      .post(`/api/branches/${EAST}/tickets`)
      .set('Authorization', `Bearer ${keys.kioskKey}`)
      .send({ businessType: 'account-opening' })
      .expect(201);
    const referral = await hall.http
      .post(`/api/tickets/${ticket.id}/callover`)
      .set('Authorization', await hall.auth('lobby'))
      .send({ customerHasTime: false })
      .expect(201);
    Object.assign(params, {
      branchId: 'demo',
      token: ticket.token,
      id: ticket.id,
      counterId: (await hall.login('teller1')).user.counterId as string,
      code: 'boc-assets',
      deviceId: crypto.randomUUID(),
      userId: crypto.randomUUID(),
      customerId: await customerOf(known.id),
    });
    params.referralId = referral.body.id;
    params.rmId = (await hall.login('rm1')).user.id;
    const staff = async (username: string) => (await hall.login(username)).accessToken;
    demo.set('anonymous', null).set('kiosk', hall.kioskKey()).set('display', hall.displayKey());
    demo.set('rating-pad', hall.ratingPadKey('1'));
    demo
      .set('ticket', ticket.token)
      .set('teller', await staff('teller1'))
      .set('lobby-manager', await staff('lobby'));
    demo.set('rm', await staff('rm1')).set('admin', await staff('admin'));
    east.set('kiosk', keys.kioskKey).set('display', keys.displayKey).set('ticket', eastTicket.body.token);
    east.set('rating-pad', keys.ratingPadKey);
    east.set('teller', await staff('east-teller1')).set('lobby-manager', await staff('east-lobby'));
    east.set('rm', await staff('east-rm1')).set('admin', await staff('east-admin'));
    // Seeding a second branch and signing in a dozen people hashes many passwords: a generous limit.
  }, 120_000);
  afterAll(() => hall.stop());

  async function customerOf(ticketId: string): Promise<string> {
    const snapshot = await hall.http.get('/api/branches/demo/queue').set('Authorization', await hall.auth('lobby'));
    return snapshot.body.waiting.find((ticket: { id: string }) => ticket.id === ticketId).customer.id;
  }

  /** The route's path with the demo branch's own resources in it. */
  function pathOf(route: RouteRule): string {
    const referral = route.path.startsWith('/api/referrals/:id') ? params.referralId : undefined;
    const customer = route.path === '/api/customers/:id' ? params.customerId : undefined;
    const queueOrType = route.path.includes('/queues/:code')
      ? 'A'
      : route.path.includes('/business-types/:code')
        ? 'cash-deposit'
        : undefined;
    return route.path.replace(/:(\w+)/g, (_, name: string) => {
      if (name === 'id') return referral ?? customer ?? params.id;
      if (name === 'code') return queueOrType ?? params.code;
      return params[name];
    });
  }

  /**
   * Valid bodies for the commands on one resource, so that a principal of another branch is refused for
   * the resource, not for the body. Other commands get an empty body: the gate decides before the body.
   */
  const bodies: Record<string, () => object> = {
    '/api/counters/:counterId/pause': () => ({ reason: 'break' }),
    '/api/tickets/:id/park': () => ({ staffId: params.rmId }),
    '/api/tickets/:id/flag': () => ({ signals: ['entry-notable-features'] }),
    '/api/tickets/:id/self-service': () => ({ reason: 'the machine is free' }),
    '/api/tickets/:id/callover': () => ({ customerHasTime: false }),
    '/api/tickets/:id/rating': () => ({ grade: 'satisfied' }),
    '/api/referrals/:id/respond': () => ({ response: 'coming' }),
    '/api/referrals/:id/outcome': () => ({ outcome: 'interested', grade: 'B' }),
    '/api/referrals/:id/contacts': () => ({ channel: 'phone', grade: 'B' }),
  };

  function send(route: RouteRule, token: string | null): Promise<Response> {
    const query = route.path === '/api/customers/:id' ? '?reason=authorization%20matrix' : '';
    const call = hall.http[route.method](pathOf(route) + query);
    if (token) call.set('Authorization', `Bearer ${token}`);
    return route.method === 'get' || route.method === 'delete' ? call : call.send(bodies[route.path]?.() ?? {});
  }

  const refusedByRole = (response: Response) =>
    response.status === 401 ||
    (response.status === 403 &&
      (response.body?.details?.allowed !== undefined || response.body?.code === 'WRONG_BRANCH'));

  // Sign-out ends the caller's session: it runs after every other route.
  const ordered = [...ROUTES].sort((a, b) => Number(a.last ?? false) - Number(b.last ?? false));

  describe.each(ordered.map((route) => [`${route.method.toUpperCase()} ${route.path}`, route] as const))(
    '%s',
    (_, route) => {
      it.each([...PRINCIPALS])('as the demo branch %s', async (principal) => {
        const response = await send(route, demo.get(principal) ?? null);
        const allowed = route.allow === 'public' || route.allow.includes(principal);
        if (allowed) {
          expect({ status: response.status, refusedByRole: refusedByRole(response) }).toMatchObject({
            refusedByRole: false,
          });
          expect(response.status).toBeLessThan(500);
        } else if (principal === 'anonymous') {
          expectError(response, 401, 'UNAUTHENTICATED');
        } else {
          expectError(response, 403, 'FORBIDDEN');
          expect([...response.body.details.allowed].sort()).toEqual([...(route.allow as Principal[])].sort());
        }
      });

      const demoResource = route.allow !== 'public' && /:(branchId|id|counterId|token)\b/.test(route.path);
      if (demoResource) {
        it.each(PRINCIPALS.filter((principal) => principal !== 'anonymous'))(
          'as the east branch %s',
          async (principal) => {
            const response = await send(route, east.get(principal) ?? null);
            if (!(route.allow as readonly Principal[]).includes(principal)) {
              expectError(response, 403, 'FORBIDDEN');
            } else if (route.path.includes(':branchId')) {
              expectError(response, 403, 'WRONG_BRANCH');
            } else {
              // A demo ticket, counter or referral does not exist for a principal of another branch.
              expect([403, 404]).toContain(response.status);
            }
          },
        );
      }
    },
  );

  it('covers every route of the OpenAPI document, and only those', async () => {
    const document = (await hall.http.get('/api/docs-json').expect(200)).body as { paths: Record<string, object> };
    const documented = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    expect(ROUTES.map((route) => `${route.method} ${route.path}`).sort()).toEqual(documented.sort());
  });
});

describe('credentials that must not work', () => {
  let hall: TestHall;

  beforeAll(async () => {
    hall = await TestHall.start();
  });
  afterAll(() => hall.stop());

  const queue = (token: string) => hall.http.get('/api/branches/demo/queue').set('Authorization', `Bearer ${token}`);

  it('refuses a JWT signed with another secret, one missing a claim, an unsigned one and an expired one', async () => {
    const admin = (await hall.login('admin')).user;
    const claims = { sub: admin.id, sid: crypto.randomUUID(), role: 'admin', branch: 'demo' };
    const forged = await new JwtService({ secret: 'not-the-server-secret-0123456789abcdef' }).signAsync(claims, {
      issuer: 'lobbyflow',
    });
    expectError(await queue(forged), 401, 'UNAUTHENTICATED');
    const real = new JwtService({ secret: TEST_SECRET });
    const withoutRole = await real.signAsync({ ...claims, role: undefined }, { issuer: 'lobbyflow' });
    expectError(await queue(withoutRole), 401, 'UNAUTHENTICATED');
    const otherRole = await real.signAsync({ ...claims, role: 'teller' }, { issuer: 'lobbyflow' });
    expectError(await queue(otherRole), 401, 'UNAUTHENTICATED');
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const body = Buffer.from(JSON.stringify({ ...claims, iss: 'lobbyflow' })).toString('base64url');
    expectError(await queue(`${header}.${body}.`), 401, 'UNAUTHENTICATED');
    const expired = await real.signAsync(claims, { issuer: 'lobbyflow', expiresIn: -10 });
    expectError(await queue(expired), 401, 'UNAUTHENTICATED');
  });

  it('stops a revoked device key at once', async () => {
    const admin = await hall.auth('admin');
    const created = await hall.http
      .post('/api/branches/demo/devices')
      .set('Authorization', admin)
      .send({ kind: 'kiosk', name: 'spare kiosk' })
      .expect(201);
    expect((await queue(created.body.key)).status).toBe(200);
    await hall.http.delete(`/api/branches/demo/devices/${created.body.id}`).set('Authorization', admin).expect(204);
    expectError(await queue(created.body.key), 401, 'UNAUTHENTICATED');
  });
});

import { ApiError, backoffMs, DEFAULT_RETRY, type RetryPolicy } from './api-client';
import { StaffApi } from './staff-api';

/** A fetch that answers every request with one status and body, and records what it was asked. */
function answering(status: number, body: unknown) {
  const requests: { url: string; init: RequestInit }[] = [];
  const fetchImpl = (async (url: string, init: RequestInit) => {
    requests.push({ url, init });
    return new Response(status === 204 ? null : JSON.stringify(body), { status });
  }) as unknown as typeof fetch;
  return { requests, fetchImpl };
}

const refusal = (statusCode: number, code: string, details?: object) => ({
  statusCode,
  code,
  message: `refused: ${code}`,
  ...(details ? { details } : {}),
});

describe('StaffApi', () => {
  it('reports a refusal that ends the session before throwing it', async () => {
    const { fetchImpl } = answering(401, refusal(401, 'SESSION_REPLACED'));
    const ended: string[] = [];
    const api = new StaffApi('', () => 'token', (error) => ended.push(error.code), fetchImpl);
    await expect(api.start('t1')).rejects.toMatchObject({ status: 401, code: 'SESSION_REPLACED' });
    expect(ended).toEqual(['SESSION_REPLACED']);
  });

  it('does not end the session for wrong credentials at sign-in, or for a refused command', async () => {
    const ended: string[] = [];
    const wrongPassword = answering(401, refusal(401, 'INVALID_CREDENTIALS'));
    const api = new StaffApi('', () => null, (error) => ended.push(error.code), wrongPassword.fetchImpl);
    await expect(api.login({ username: 'teller1', password: 'x' })).rejects.toBeInstanceOf(ApiError);
    const tooSoon = answering(409, refusal(409, 'RECALL_TOO_SOON', { retryAfterSeconds: 12 }));
    const counter = new StaffApi('', () => 'token', (error) => ended.push(error.code), tooSoon.fetchImpl);
    await expect(counter.recall('t1')).rejects.toMatchObject({ code: 'RECALL_TOO_SOON', details: { retryAfterSeconds: 12 } });
    expect(ended).toEqual([]);
  });

  it('sends commands with the token and an empty body, and reads "nobody waiting" as null', async () => {
    const { requests, fetchImpl } = answering(204, null);
    const api = new StaffApi('http://hall', () => 'jwt', undefined, fetchImpl);
    expect(await api.callNext('c1')).toBeNull();
    expect(requests[0].url).toBe('http://hall/api/counters/c1/call-next');
    expect(requests[0].init).toMatchObject({ method: 'POST', body: '{}' });
    expect((requests[0].init.headers as Record<string, string>).Authorization).toBe('Bearer jwt');
  });

  it('asks for a customer profile with its reason in the query (the view is audited)', async () => {
    const { requests, fetchImpl } = answering(200, { id: 'p1' });
    await new StaffApi('', () => 'jwt', undefined, fetchImpl).customer('p1', '柜面价值判定，票号 A001');
    expect(requests[0].url).toBe(`/api/customers/p1?reason=${encodeURIComponent('柜面价值判定，票号 A001')}`);
  });

  it('sends a customer to the machines in one command, with the reason', async () => {
    const { requests, fetchImpl } = answering(200, {});
    await new StaffApi('', () => 'jwt', undefined, fetchImpl).redirectToSelfService('t9', '金额较小，可自助办理');
    expect(requests.map((request) => request.url)).toEqual(['/api/tickets/t9/self-service']);
    expect(JSON.parse(requests[0].init.body as string)).toEqual({ reason: '金额较小，可自助办理' });
  });
  it("sends an RM's presence with PUT, and reports a session ended there too", async () => {
    const { requests, fetchImpl } = answering(200, { presence: 'away' });
    await new StaffApi('', () => 'jwt', undefined, fetchImpl).setPresence('away');
    expect(requests[0].url).toBe('/api/rms/me/presence');
    expect(requests[0].init).toMatchObject({ method: 'PUT', body: '{"presence":"away"}' });

    const expired = answering(401, refusal(401, 'UNAUTHENTICATED'));
    const ended: string[] = [];
    const api = new StaffApi('', () => 'jwt', (error) => ended.push(error.code), expired.fetchImpl);
    await expect(api.setPresence('available')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(ended).toEqual(['UNAUTHENTICATED']);
  });

  it("sends an RM's answers, the meeting, its outcome and later contacts to the referral", async () => {
    const { requests, fetchImpl } = answering(200, {});
    const api = new StaffApi('', () => 'jwt', undefined, fetchImpl);
    await api.answerCallover('r1', { response: 'defer', minutes: 10 });
    await api.answerCallover('r1', { response: 'decline', reason: '正在接待其他客户' });
    await api.meetCustomer('r1');
    await api.recordOutcome('r1', { outcome: 'interested', grade: 'B', products: ['基金定投'] });
    await api.recordContact('r1', { channel: 'phone', grade: 'A' });
    await api.followUps();
    expect(requests.map((request) => `${request.init.method} ${request.url}`)).toEqual([
      'POST /api/referrals/r1/respond',
      'POST /api/referrals/r1/respond',
      'POST /api/referrals/r1/meet',
      'POST /api/referrals/r1/outcome',
      'POST /api/referrals/r1/contacts',
      'GET /api/follow-ups',
    ]);
    expect(requests.map((request) => (request.init.body ? JSON.parse(request.init.body as string) : null))).toEqual([
      { response: 'defer', minutes: 10 },
      { response: 'decline', reason: '正在接待其他客户' },
      {},
      { outcome: 'interested', grade: 'B', products: ['基金定投'] },
      { channel: 'phone', grade: 'A' },
      null,
    ]);
  });

  it("reads the branch's staffing hints", async () => {
    const { requests, fetchImpl } = answering(200, []);
    expect(await new StaffApi('', () => 'jwt', undefined, fetchImpl).staffingHints('demo')).toEqual([]);
    expect(requests[0].url).toBe('/api/branches/demo/staffing-hints');
  });

  it('changes the branch settings with a PATCH of only the fields sent', async () => {
    const { requests, fetchImpl } = answering(200, { branchId: 'demo' });
    await new StaffApi('', () => 'jwt', undefined, fetchImpl).updateAdminSettings('demo', {
      thresholds: { smallCashLimit: 3000 },
    });
    expect(requests[0].url).toBe('/api/branches/demo/admin/settings');
    expect(requests[0].init.method).toBe('PATCH');
    expect(JSON.parse(requests[0].init.body as string)).toEqual({ thresholds: { smallCashLimit: 3000 } });
  });

  it('keeps the problems of an admin refusal for the form to show by field', async () => {
    const problems = [{ path: 'serviceLevelMinutes', message: 'must be a whole number from 1 to 480' }];
    const { fetchImpl } = answering(400, refusal(400, 'CONFIG_INVALID', { problems }));
    const api = new StaffApi('', () => 'jwt', undefined, fetchImpl);
    await expect(api.updateAdminSettings('demo', { serviceLevelMinutes: -5 })).rejects.toMatchObject({
      status: 400,
      code: 'CONFIG_INVALID',
      details: { problems },
    });
  });

  it('posts the customer file as it is, as text/csv', async () => {
    const { requests, fetchImpl } = answering(200, { rows: 1, created: 1, updated: 0 });
    const csv = 'id_kind,id_number\ncard,6222021234567890123\n';
    const report = await new StaffApi('', () => 'jwt', undefined, fetchImpl).importCustomers('demo', csv);
    expect(report).toEqual({ rows: 1, created: 1, updated: 0 });
    expect(requests[0].url).toBe('/api/branches/demo/customers/import');
    expect(requests[0].init.body).toBe(csv);
    expect((requests[0].init.headers as Record<string, string>)['Content-Type']).toBe('text/csv; charset=utf-8');
  });

  it('reads the KPI export as text, for the range asked, with the token', async () => {
    const requests: { url: string; init: RequestInit }[] = [];
    const fetchImpl = (async (url: string, init: RequestInit) => {
      requests.push({ url, init });
      return new Response('dimension,key,issued\ntotal,all,5\n', { status: 200, headers: { 'Content-Type': 'text/csv' } });
    }) as unknown as typeof fetch;
    const csv = await new StaffApi('', () => 'jwt', undefined, fetchImpl).kpisCsv('demo', { from: '2026-11-17', to: '2026-11-23' });
    expect(csv).toBe('dimension,key,issued\ntotal,all,5\n');
    expect(requests[0].url).toBe('/api/branches/demo/reports/kpis.csv?from=2026-11-17&to=2026-11-23');
    expect((requests[0].init.headers as Record<string, string>).Authorization).toBe('Bearer jwt');
  });

  it("asks for today's report without a range, and deletes with DELETE", async () => {
    const { requests, fetchImpl } = answering(204, null);
    const api = new StaffApi('', () => 'jwt', undefined, fetchImpl);
    await api.kpis('demo');
    await api.revokeDevice('demo', 'd1');
    expect(requests.map((request) => `${request.init.method} ${request.url}`)).toEqual([
      'GET /api/branches/demo/reports/kpis',
      'DELETE /api/branches/demo/devices/d1',
    ]);
  });

  describe('retries', () => {
    /** A fetch that gives the scripted answers in turn (a status, or 'down' for no answer at all). */
    function scripted(...answers: (number | 'down' | 'hang')[]) {
      const requests: { url: string; init: RequestInit }[] = [];
      const fetchImpl = ((url: string, init: RequestInit) => {
        requests.push({ url, init });
        const answer = answers[Math.min(requests.length, answers.length) - 1];
        if (answer === 'down') return Promise.reject(new TypeError('Failed to fetch'));
        if (answer === 'hang') {
          return new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(new Error('aborted'))));
        }
        const body = answer < 400 ? { id: 't1' } : refusal(answer, answer === 409 ? 'ILLEGAL_TRANSITION' : 'INTERNAL_ERROR');
        return Promise.resolve(new Response(JSON.stringify(body), { status: answer }));
      }) as unknown as typeof fetch;
      return { requests, fetchImpl };
    }

    /** The policy with its waits recorded instead of slept, and the jitter fixed at half. */
    function policy(overrides: Partial<RetryPolicy> = {}) {
      const waits: number[] = [];
      const retry: RetryPolicy = {
        ...DEFAULT_RETRY,
        sleep: async (ms) => {
          waits.push(ms);
        },
        random: () => 0.5,
        ...overrides,
      };
      return { waits, retry };
    }

    const keyOf = (request: { init: RequestInit }) =>
      (request.init.headers as Record<string, string>)['Idempotency-Key'];

    it('retries a command after no answer and after 502/503/504, with the same Idempotency-Key', async () => {
      const { requests, fetchImpl } = scripted('down', 503, 504, 200);
      const { waits, retry } = policy();
      const api = new StaffApi('', () => 'jwt', undefined, fetchImpl, retry);
      expect(await api.finish('t1', ['deposit'])).toEqual({ id: 't1' });
      expect(requests).toHaveLength(4);
      const keys = requests.map(keyOf);
      expect(keys[0]).toMatch(/^ui-[0-9a-f]{32}$/);
      expect(new Set(keys)).toEqual(new Set([keys[0]]));
      // Full jitter at half of 250, 500, 1000 ms.
      expect(waits).toEqual([125, 250, 500]);
    });

    it('makes a new key for each user action', async () => {
      const { requests, fetchImpl } = scripted(200);
      const api = new StaffApi('', () => 'jwt', undefined, fetchImpl, policy().retry);
      await api.callNext('c1');
      await api.callNext('c1');
      await api.flag('t1', ['asset-query-high']);
      await api.walkInReferral({ signals: ['fx-or-nav-browsing'], description: 'NAV board', customerHasTime: true });
      const keys = requests.map(keyOf);
      expect(keys.every((key) => typeof key === 'string')).toBe(true);
      expect(new Set(keys).size).toBe(4);
    });

    it('never retries an answer of the server: a 4xx or a 500', async () => {
      for (const status of [409, 500]) {
        const { requests, fetchImpl } = scripted(status, 200);
        const { waits, retry } = policy();
        const api = new StaffApi('', () => 'jwt', undefined, fetchImpl, retry);
        await expect(api.start('t1')).rejects.toMatchObject({ status });
        expect({ status, sent: requests.length, waits }).toEqual({ status, sent: 1, waits: [] });
      }
    });

    it('gives up after the configured attempts and reports the last failure', async () => {
      const { requests, fetchImpl } = scripted('down');
      const { waits, retry } = policy({ attempts: 3 });
      const api = new StaffApi('', () => 'jwt', undefined, fetchImpl, retry);
      await expect(api.transfer('t1', { queue: 'A' })).rejects.toMatchObject({ status: 0, code: 'NETWORK' });
      expect(requests).toHaveLength(3);
      expect(waits).toHaveLength(2);
    });

    it('abandons an attempt that gets no answer in time, and retries it', async () => {
      const { requests, fetchImpl } = scripted('hang', 200);
      const api = new StaffApi('', () => 'jwt', undefined, fetchImpl, policy({ timeoutMs: 1 }).retry);
      expect(await api.callover('t1', { customerHasTime: true })).toEqual({ id: 't1' });
      expect(requests).toHaveLength(2);
      expect(keyOf(requests[1])).toBe(keyOf(requests[0]));
    });

    it('retries reads, but sends a sign-in and admin changes once', async () => {
      const reads = scripted(502, 200);
      await new StaffApi('', () => 'jwt', undefined, reads.fetchImpl, policy().retry).settings('demo');
      expect(reads.requests).toHaveLength(2);

      const writes = scripted(503, 200);
      const api = new StaffApi('', () => null, undefined, writes.fetchImpl, policy().retry);
      await expect(api.login({ username: 'teller1', password: 'demo1234' })).rejects.toMatchObject({ status: 503 });
      await expect(api.deactivateStaff('demo', 'u1')).resolves.toEqual({ id: 't1' });
      expect(writes.requests.map((request) => keyOf(request))).toEqual([undefined, undefined]);
    });

    it('caps the backoff and spreads it over the whole interval', () => {
      const at = (random: number, retry: number) => backoffMs(retry, { ...DEFAULT_RETRY, random: () => random });
      expect([1, 2, 3, 4, 5, 6].map((retry) => at(0.999, retry))).toEqual([249, 499, 999, 1998, 1998, 1998]);
      expect(at(0, 6)).toBe(0);
    });
  });
});

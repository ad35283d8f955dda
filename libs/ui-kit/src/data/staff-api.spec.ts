import { ApiError } from './api-client';
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
});

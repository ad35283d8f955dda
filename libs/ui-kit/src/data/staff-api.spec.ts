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
});

import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { DataSource } from 'typeorm';
import { BranchCommands } from '../../apps/server/src/commands/branch-commands';
import { TestHall } from './support/test-app';

const CASH = { businessType: 'cash-withdrawal', amount: 30000, hasCard: true };
const METRICS_TOKEN = 'e2e-metrics-token-0123456789';
const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Under overload a command waits its turn behind the branch's earlier ones. A caller that gives up
 * meanwhile (a kiosk's request timed out) gets nothing done for it; its retry with the same
 * Idempotency-Key then issues the ticket once.
 */
describe('overload', () => {
  let hall: TestHall;
  let baseUrl: string;

  beforeAll(async () => {
    hall = await TestHall.start('2026-11-23T01:00:00Z', { METRICS_TOKEN });
    baseUrl = await hall.listen();
  });
  afterAll(() => hall.stop());

  const ticketsWithKey = async (key: string) => {
    const rows = (await hall.app
      .get(DataSource)
      .query(`SELECT COUNT(*) AS "n" FROM "ticket" WHERE "idempotencyKey" = '${key}'`)) as { n: number | string }[];
    return Number(rows[0].n);
  };

  it('does not run a command whose caller closed the connection while it waited its turn', async () => {
    // A command that holds the branch (the in-process queue on SQLite, the advisory lock on PostgreSQL).
    let release!: () => void;
    const holding = hall.app.get(BranchCommands).run('demo', () => new Promise<void>((done) => (release = done)));
    await pause(50);

    const key = randomUUID();
    const abandoned = httpRequest(`${baseUrl}/api/branches/demo/tickets`, {
      method: 'POST',
      headers: { authorization: hall.kioskAuth(), 'content-type': 'application/json', 'idempotency-key': key },
    });
    abandoned.on('error', () => undefined);
    abandoned.end(JSON.stringify(CASH));
    // The request reaches the branch's queue and waits there; then its caller gives up.
    await pause(300);
    abandoned.destroy();
    await pause(200);
    release();
    await holding;
    await pause(100);
    expect(await ticketsWithKey(key)).toBe(0);

    // The kiosk's retry with the same key is the one that issues the ticket.
    const retry = await hall.issue(CASH, { 'Idempotency-Key': key });
    expect(retry.number).toMatch(/^A\d+$/);
    expect(await ticketsWithKey(key)).toBe(1);
  });

  it('records the abandoned request as a 499 of the ticket route in the access metrics', async () => {
    const metrics = await hall.http.get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(200);
    expect(metrics.text).toMatch(
      /lobbyflow_http_request_duration_seconds_count\{method="POST",route="\/api\/branches\/:branchId\/tickets",status="499"\} 1/,
    );
  });
});

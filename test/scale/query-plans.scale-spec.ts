import type { INestApplication } from '@nestjs/common';
import type { LoginResult } from '@lobbyflow/contracts';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource, type Logger as TypeOrmLogger } from 'typeorm';
import { demoDeviceKey } from '../../apps/server/src/auth/secrets';
import { createApp } from '../../apps/server/src/bootstrap';
import { loadConfig } from '../../apps/server/src/config/app-config';
import { ManualClock, TEST_SECRET } from '../e2e/support/test-app';
import { TestDatabase } from '../e2e/support/test-database';
import { report } from './support/cluster';

/** 09:00 in Shanghai on the day the test runs its commands; the history is the 365 business days before. */
const TODAY = '2026-11-23';
const NOW = '2026-11-23T01:00:00Z';
/** Tickets per queue (A and B) and day: 600 a day at the demo branch, 200 at each of two other branches. */
const DEMO_PER_QUEUE = 300;
const OTHER_PER_QUEUE = 100;
const OTHER_BRANCHES = 2;

interface Recorded {
  query: string;
  parameters: unknown[];
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

/** Every node of a plan, depth first. */
function nodesOf(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(nodesOf)];
}

/**
 * The hot queries stay on indexes when the branch has a year of history (issue #9). The history is
 * generated in SQL (a year of finished tickets and their events at the demo branch and four others),
 * then the real server runs what a busy morning runs (issue, call next, start, finish, the snapshot,
 * the events catch-up, the phone page, a day's report); every SELECT it sends to `ticket` or
 * `branch_event` is explained on the same data, and none may read either table sequentially.
 */
describe('hot queries on PostgreSQL with a year of history', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let dataSource: DataSource;
  const recorded: Recorded[] = [];

  jest.setTimeout(300_000);

  const config = () => loadConfig({ NODE_ENV: 'test', JWT_SECRET: TEST_SECRET, ...database.env });

  beforeAll(async () => {
    database = await TestDatabase.create('postgres');
    // First start: migrations and the demo seed. The history goes in while no server runs.
    await (await createApp(config(), { clock: new ManualClock(new Date(NOW)) })).close();
    const started = Date.now();
    const counts = await generateHistory(database.env.DATABASE_URL);
    report(
      `a year of history: ${counts.tickets} tickets and ${counts.events} events in ${Date.now() - started} ms ` +
        `(demo branch: ${DEMO_PER_QUEUE * 2} tickets a day; ${OTHER_BRANCHES} other branches: ${OTHER_PER_QUEUE * 2})`,
    );
    app = await createApp(config(), { clock: new ManualClock(new Date(NOW)) });
    dataSource = app.get(DataSource);
    const recorder: Pick<TypeOrmLogger, 'logQuery'> = {
      logQuery: (query, parameters) => recorded.push({ query, parameters: parameters ?? [] }),
    };
    // Listen to what the server sends: the real queries of the real services, with their parameters.
    Object.assign(dataSource.logger, recorder);
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('reads ticket and branch_event through indexes only, for every query of a busy morning', async () => {
    const http = () => request(app.getHttpServer());
    const kiosk = `Bearer ${demoDeviceKey(TEST_SECRET, 'demo', '大厅取号机 Lobby kiosk')}`;
    const display = `Bearer ${demoDeviceKey(TEST_SECRET, 'demo', '大厅叫号屏 Hall display')}`;
    const teller = (
      await http().post('/api/auth/login').send({ username: 'teller4', password: 'demo1234' }).expect(200)
    ).body as LoginResult;
    const lobby = (await http().post('/api/auth/login').send({ username: 'lobby', password: 'demo1234' }).expect(200))
      .body as LoginResult;
    const asTeller = `Bearer ${teller.accessToken}`;
    const before = await http().get('/api/branches/demo/queue').set('Authorization', display).expect(200);

    recorded.length = 0;
    const tickets = [];
    for (let index = 0; index < 5; index++) {
      tickets.push(
        (
          await http()
            .post('/api/branches/demo/tickets')
            .set('Authorization', kiosk)
            .send({ businessType: 'account-opening' })
            .expect(201)
        ).body as { id: string; token: string },
      );
    }
    const called = await http()
      .post(`/api/counters/${teller.user.counterId}/call-next`)
      .set('Authorization', asTeller)
      .expect(200);
    await http().post(`/api/tickets/${called.body.id}/start`).set('Authorization', asTeller).expect(200);
    await http().post(`/api/tickets/${called.body.id}/finish`).set('Authorization', asTeller).expect(200);
    await http().get('/api/branches/demo/queue').set('Authorization', display).expect(200);
    await http().get(`/api/branches/demo/events?after=${before.body.seq}`).set('Authorization', display).expect(200);
    await http().get(`/api/tickets/by-token/${tickets[4].token}`).expect(200);
    await http()
      .get(`/api/branches/demo/reports/kpis?from=2026-11-20&to=2026-11-20`)
      .set('Authorization', `Bearer ${lobby.accessToken}`)
      .expect(200);

    const hot = recorded.filter(({ query }) => /^\s*SELECT/i.test(query) && /FROM "(ticket|branch_event)"/.test(query));
    // Distinct statements (the same SELECT runs once per command).
    const distinct = [...new Map(hot.map((entry) => [entry.query, entry])).values()];
    expect(distinct.length).toBeGreaterThanOrEqual(8);
    recorded.length = 0;

    const scans: string[] = [];
    const timings: { ms: number; indexes: string; query: string }[] = [];
    for (const { query, parameters } of distinct) {
      const [{ 'QUERY PLAN': plan }] = (await dataSource.query(
        `EXPLAIN (ANALYZE, FORMAT JSON) ${query}`,
        parameters,
      )) as {
        'QUERY PLAN': { Plan: PlanNode; 'Execution Time': number }[];
      }[];
      const nodes = nodesOf(plan[0].Plan);
      for (const node of nodes) {
        if (node['Node Type'] === 'Seq Scan' && ['ticket', 'branch_event'].includes(node['Relation Name'] ?? '')) {
          scans.push(`${node['Relation Name']}: ${query.slice(0, 300)}`);
        }
      }
      const indexes = [...new Set(nodes.flatMap((node) => (node['Index Name'] ? [node['Index Name']] : [])))];
      timings.push({ ms: plan[0]['Execution Time'], indexes: indexes.join('+'), query });
    }
    for (const { ms, indexes, query } of timings.sort((x, y) => y.ms - x.ms)) {
      const table = /FROM "(ticket|branch_event)"/.exec(query)?.[1];
      report(`${ms.toFixed(2)} ms  ${table} via ${indexes || '(no index)'}`);
    }
    expect(scans).toEqual([]);
  });
});

/** Inserts a year of finished tickets and their events in SQL, then updates the statistics. */
async function generateHistory(url: string): Promise<{ tickets: number; events: number }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const [demo] = (
      await client.query<{ id: string; lastSeq: number }>(`SELECT id, "lastSeq" FROM branch WHERE code = 'demo'`)
    ).rows;
    const counters = (await client.query<{ id: string }>('SELECT id FROM counter WHERE "branchId" = $1', [demo.id]))
      .rows;
    await client.query('BEGIN');
    // Written as a bulk tool would, with the triggers off: the hall revisions (migration HallRevisions)
    // count each ticket write on its branch row, which a year of rows in one transaction would make crawl.
    // Past days only, so no server's hall cache misses them.
    await client.query("SET LOCAL session_replication_role = 'replica'");
    // Branches: the demo branch with its real counters; others with made-up ids (no foreign keys).
    await client.query(
      `INSERT INTO ticket ("id", "branchId", "businessDay", "issueQueue", "sequence", "number", "queue",
         "businessType", "destination", "priority", "signals", "status", "issuedAt", "queuedAt", "calledAt",
         "startedAt", "finishedAt", "recallCount", "counterId", "servedBy", "businessDone", "token")
       SELECT gen_random_uuid()::text, b.id, to_char(date '${TODAY}' - d, 'YYYY-MM-DD'), q.code, s,
         q.code || lpad(s::text, 3, '0'), q.code, 'account-opening', 'open-counter', 'normal', '[]',
         CASE WHEN s % 20 = 0 THEN 'no-show' ELSE 'done' END,
         t.issued, t.issued, t.issued + 300000, t.issued + 360000, t.issued + 900000, 0,
         CASE WHEN b.demo THEN ($2::text[])[1 + s % array_length($2::text[], 1)] ELSE md5(b.id || s % 6)::uuid::text END,
         NULL, '[]', 'lfh_' || replace(gen_random_uuid()::text, '-', '')
       FROM (SELECT $1::text AS id, ${DEMO_PER_QUEUE} AS per_queue, true AS demo
             UNION ALL SELECT gen_random_uuid()::text, ${OTHER_PER_QUEUE}, false FROM generate_series(1, ${OTHER_BRANCHES})) b
       CROSS JOIN generate_series(1, 365) d
       CROSS JOIN (VALUES ('A'), ('B')) q(code)
       CROSS JOIN LATERAL generate_series(1, b.per_queue) s
       CROSS JOIN LATERAL (SELECT (extract(epoch FROM (date '${TODAY}' - d)) * 1000)::bigint + 3600000 + s * 60000 AS issued) t`,
      [demo.id, counters.map((counter) => counter.id)],
    );
    // Three events per ticket (issued, called, finished), numbered per branch without gaps, carrying what
    // the reports read of a ticket.
    await client.query(
      `INSERT INTO branch_event ("branchId", "seq", "type", "at", "data")
       SELECT t."branchId", (t.rn - 1) * 3 + e.i, e.type, t."issuedAt" + (e.i - 1) * 300000,
         json_build_object('businessDay', t."businessDay", 'ticket', json_build_object(
           'id', t.id, 'number', t.number, 'queue', t.queue, 'businessType', t."businessType",
           'priority', t.priority, 'status', e.status, 'counter', '4'))::text
       FROM (SELECT id, number, queue, "businessType", priority, "businessDay", "branchId", "issuedAt",
               row_number() OVER (PARTITION BY "branchId" ORDER BY "issuedAt", id) AS rn
             FROM ticket) t
       CROSS JOIN (VALUES (1, 'ticket.issued', 'waiting'), (2, 'ticket.called', 'called'),
                          (3, 'ticket.finished', 'done')) e(i, type, status)`,
    );
    await client.query(
      `UPDATE branch SET "lastSeq" = (SELECT MAX(seq) FROM branch_event WHERE "branchId" = $1) WHERE id = $1`,
      [demo.id],
    );
    await client.query('COMMIT');
    await client.query('ANALYZE');
    const [{ tickets }] = (await client.query<{ tickets: string }>('SELECT COUNT(*) AS tickets FROM ticket')).rows;
    const [{ events }] = (await client.query<{ events: string }>('SELECT COUNT(*) AS events FROM branch_event')).rows;
    return { tickets: Number(tickets), events: Number(events) };
  } finally {
    await client.end();
  }
}

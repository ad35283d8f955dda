/**
 * Baseline (a) of the issue-ticket benchmark, run as a child process: the raw `sqlite3` driver doing the
 * transaction a ticket issue boils down to, in a loop, one after the other as the branch writer does —
 * BEGIN; insert the ticket; update the branch's event counter; insert the event; COMMIT — on a database
 * the server migrated and seeded (same tables and indexes) with the pragmas TypeORM sets for LobbyFlow.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Database } from 'sqlite3';
import { newLatencyHistogram, recordMs, summarise, type LatencySummary } from '../support/latency';

export interface RawLoopPlan {
  databasePath: string;
  warmupSeconds: number;
  seconds: number;
}

export interface RawLoopReport {
  transactionsPerSecond: number;
  latency: LatencySummary;
  /** The pragmas as the connection reports them after setup. */
  pragmas: Record<string, string | number>;
}

/** What TypeORM's SQLite driver runs on LobbyFlow's connection (enableWAL, busyTimeout 5000, foreign keys). */
export const LOBBYFLOW_PRAGMAS = [
  'PRAGMA journal_mode = WAL',
  'PRAGMA busy_timeout = 5000',
  'PRAGMA foreign_keys = ON',
];

function run(db: Database, sql: string, params: unknown[] = []): Promise<void> {
  return new Promise((done, fail) => db.run(sql, params, (error) => (error ? fail(error) : done())));
}

function get<T>(db: Database, sql: string): Promise<T> {
  return new Promise((done, fail) => db.get(sql, (error, row) => (error ? fail(error) : done(row as T))));
}

/** Queue views as a ticket.issued event carries them: the event row is as large as the server's. */
const QUEUE_VIEWS = ['A', 'B', 'V', 'W', 'C'].map((code) => ({
  code,
  name: { zh: '现金业务', en: 'Cash' },
  waiting: 12,
  estimatedWaitMinutes: 18,
  destination: 'cash-counter',
}));

async function issueOne(db: Database, branchId: string, businessDay: string, sequence: number): Promise<void> {
  const now = Date.now();
  const ticketId = randomUUID();
  await run(db, 'BEGIN');
  await run(
    db,
    `INSERT INTO ticket ("id", "branchId", "businessDay", "issueQueue", "sequence", "number", "queue", "businessType",
       "destination", "amount", "hasCard", "priority", "signals", "status", "issuedAt", "queuedAt", "businessDone",
       "token", "idempotencyKey", "requestHash", "identification")
     VALUES (?, ?, ?, 'A', ?, ?, 'A', 'cash-withdrawal', 'cash-counter', 30000, 1, 'normal', '[]', 'waiting', ?, ?,
       '[]', ?, ?, ?, ?)`,
    [
      ticketId,
      branchId,
      businessDay,
      sequence,
      `A${String(sequence).padStart(3, '0')}`,
      now,
      now,
      `lft_${randomUUID()}`,
      randomUUID(),
      'f'.repeat(64),
      JSON.stringify({ classification: 'normal', score: 0, reasons: [], rulesVersion: 1 }),
    ],
  );
  await run(db, 'UPDATE branch SET "lastSeq" = "lastSeq" + 1 WHERE "id" = ?', [branchId]);
  const data = {
    businessDay,
    ticket: { id: ticketId, number: `A${sequence}`, status: 'waiting' },
    queues: QUEUE_VIEWS,
  };
  await run(
    db,
    `INSERT INTO branch_event ("branchId", "seq", "type", "at", "data")
     VALUES (?, (SELECT "lastSeq" FROM branch WHERE "id" = ?), 'ticket.issued', ?, ?)`,
    [branchId, branchId, now, JSON.stringify(data)],
  );
  await run(db, 'COMMIT');
}

async function runLoop(plan: RawLoopPlan): Promise<RawLoopReport> {
  const db = new Database(plan.databasePath);
  for (const pragma of LOBBYFLOW_PRAGMAS) await run(db, pragma);
  const branch = await get<{ id: string; businessDay: string }>(db, 'SELECT "id", "businessDay" FROM branch LIMIT 1');
  const histogram = newLatencyHistogram();
  let sequence = 0;
  const warmupEnd = performance.now() + plan.warmupSeconds * 1000;
  while (performance.now() < warmupEnd) await issueOne(db, branch.id, branch.businessDay, (sequence += 1));
  const start = performance.now();
  const end = start + plan.seconds * 1000;
  while (performance.now() < end) {
    const began = performance.now();
    await issueOne(db, branch.id, branch.businessDay, (sequence += 1));
    recordMs(histogram, performance.now() - began);
  }
  const elapsed = (performance.now() - start) / 1000;
  const pragmas: Record<string, string | number> = {};
  for (const name of ['journal_mode', 'synchronous', 'busy_timeout', 'foreign_keys']) {
    const row = await get<Record<string, string | number>>(db, `PRAGMA ${name}`);
    pragmas[name] = Object.values(row)[0];
  }
  await new Promise<void>((done) => db.close(() => done()));
  return { transactionsPerSecond: Math.round(histogram.totalCount / elapsed), latency: summarise(histogram), pragmas };
}

if (require.main === module) {
  process.once('message', (plan: RawLoopPlan) => {
    void runLoop(plan).then(
      (report) => process.send?.(report, () => process.exit(0)),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}

import sqlite3 from 'sqlite3';

/**
 * The SQLite connection LobbyFlow hands TypeORM (its `driver` option): sqlite3's own Database, which
 * also keeps the plain statements every command runs (database/plain-sql.ts) prepared between uses.
 * Preparing, running and finalising a statement each time costs about twice what running a prepared one
 * does, on the main thread and on the single connection every command waits for (issue #10). A
 * statement is prepared on its first use and kept for the life of the connection; SQLite prepares it
 * again by itself after a schema change. Closing finalises them first: SQLite refuses to close a
 * connection with statements still open.
 *
 * A text kept once would serve its callers one at a time: sqlite3 runs a Statement's calls in turn, each
 * waiting for the last one's answer on the main thread. Requests read their device key concurrently, and
 * under load hundreds queued on that one statement (10 ms per lookup at 300 requests/s, issue #10). So a
 * text has up to STATEMENTS_PER_TEXT statements, each used by one caller at a time.
 */
export class SqliteConnection extends sqlite3.Database {
  private readonly prepared = new Map<string, StatementPool>();
  private writeCount = 0;

  /**
   * How many statements that may write (anything but a SELECT) have been sent on this connection: a
   * command that read a row and sees the same count later knows nothing has changed that row since, without
   * reading it again (the hall cache's configuration revision, hall/hall-cache.ts).
   */
  get writes(): number {
    return this.writeCount;
  }

  /** Runs `sql` (one statement, `?` placeholders) with a statement kept from earlier runs; its rows. */
  async allPrepared<T>(sql: string, parameters: unknown[]): Promise<T[]> {
    this.note(sql);
    const pool = this.poolFor(sql);
    const statement = await pool.take();
    try {
      return await new Promise<T[]>((resolve, reject) => {
        const done = (error: Error | null, rows: T[]) => (error ? reject(error) : resolve(rows));
        // A statement with placeholders is bound afresh on every run; one without has nothing to bind.
        if (parameters.length > 0) statement.all(parameters, done);
        else statement.all(done);
      });
    } finally {
      pool.giveBack(statement);
    }
  }

  // TypeORM sends its own statements through these (run for INSERT, UPDATE and DELETE, all for the rest).
  override run(sql: string, ...parameters: unknown[]): this {
    this.note(sql);
    return super.run(sql, ...parameters);
  }

  override all(sql: string, ...parameters: unknown[]): this {
    const callback = transactionControl(sql, parameters);
    if (callback) {
      // TypeORM's BEGIN and COMMIT: a kept statement is one trip to the worker thread; sqlite3's `all` with
      // a text prepares, runs and finalises, two trips, each waiting its turn on the main thread. The first
      // command of every transaction waits for them.
      const answer = (error: Error | null, rows: unknown[]) => callback.call({ lastID: 0, changes: 0 }, error, rows);
      this.allPrepared(sql, []).then(
        (rows) => answer(null, rows),
        (error: Error) => answer(error, []),
      );
      return this;
    }
    this.note(sql);
    return super.all(sql, ...parameters);
  }

  override get(sql: string, ...parameters: unknown[]): this {
    this.note(sql);
    return super.get(sql, ...parameters);
  }

  override exec(sql: string, callback?: (this: sqlite3.Statement, error: Error | null) => void): this {
    this.note(sql);
    return super.exec(sql, callback);
  }

  override close(callback?: (error: Error | null) => void): void {
    const pools = [...this.prepared.values()];
    this.prepared.clear();
    void Promise.all(pools.map((pool) => pool.finalize())).then(() => super.close(callback));
  }

  /** Counts a statement that may write; a SELECT (the usual read) does not count. */
  private note(sql: string): void {
    if (!READ.test(sql)) this.writeCount += 1;
  }

  private poolFor(sql: string): StatementPool {
    let pool = this.prepared.get(sql);
    if (!pool) {
      pool = new StatementPool(
        () =>
          new Promise((resolve, reject) => {
            const prepared: sqlite3.Statement = this.prepare(sql, (error: Error | null) =>
              error ? reject(error) : resolve(prepared),
            );
          }),
      );
      this.prepared.set(sql, pool);
    }
    return pool;
  }
}

/**
 * At most this many statements per text: as many as libuv's pool has threads (UV_THREADPOOL_SIZE, 4 by
 * default) can run at once, the connection taking them in turn; a fifth caller waits for a free one.
 */
const STATEMENTS_PER_TEXT = 4;

/** The statements kept for one SQL text, each lent to one caller at a time. */
class StatementPool {
  private readonly idle: sqlite3.Statement[] = [];
  /** Every statement made, or still being prepared. */
  private readonly made: Promise<sqlite3.Statement>[] = [];
  private readonly waiting: Array<(statement: sqlite3.Statement) => void> = [];

  constructor(private readonly prepare: () => Promise<sqlite3.Statement>) {}

  take(): Promise<sqlite3.Statement> {
    const idle = this.idle.pop();
    if (idle) return Promise.resolve(idle);
    if (this.made.length >= STATEMENTS_PER_TEXT) return new Promise((lend) => this.waiting.push(lend));
    const statement = this.prepare();
    this.made.push(statement);
    // A statement that does not prepare (a mistake in its SQL) is not kept: the next use reports it again.
    statement.catch(() => {
      const index = this.made.indexOf(statement);
      if (index >= 0) this.made.splice(index, 1);
    });
    return statement;
  }

  giveBack(statement: sqlite3.Statement): void {
    const next = this.waiting.shift();
    if (next) next(statement);
    else this.idle.push(statement);
  }

  /**
   * Finalises every statement made, once those still being prepared are (SQLite refuses to close a
   * connection with one left; sqlite3 finalises a statement still running after its run).
   */
  async finalize(): Promise<void> {
    const made = this.made.splice(0);
    this.idle.length = 0;
    const settled = await Promise.allSettled(made);
    await Promise.all(
      settled.map((outcome) =>
        outcome.status === 'fulfilled' ? new Promise<void>((done) => outcome.value.finalize(() => done())) : null,
      ),
    );
  }
}

/** TypeORM's transaction statements on SQLite, which it sends through `all` without parameters. */
const TRANSACTION_CONTROL = new Set(['BEGIN TRANSACTION', 'COMMIT', 'ROLLBACK']);

/** What sqlite3 calls back with (`this`: the statement's lastID and changes, which TypeORM reads). */
type StatementCallback = (this: { lastID: number; changes: number }, error: Error | null, rows: unknown[]) => void;

/**
 * The callback of an `all` call that is one of TypeORM's transaction statements, sent as TypeORM sends them
 * (`all(sql, undefined or [], callback)`); null for any other call.
 */
function transactionControl(sql: string, parameters: unknown[]): StatementCallback | null {
  if (!TRANSACTION_CONTROL.has(sql) || parameters.length > 2) return null;
  const [bound, callback] = parameters.length === 2 ? parameters : [undefined, parameters[0]];
  const unbound = bound === undefined || (Array.isArray(bound) && bound.length === 0);
  return unbound && typeof callback === 'function' ? (callback as StatementCallback) : null;
}

/** A statement that only reads: it starts with SELECT (a CTE, a PRAGMA or anything else counts as a write). */
const READ = /^\s*SELECT\s/i;

/**
 * The sqlite3 module as TypeORM's `driver` option: connections are SqliteConnections, and without verbose
 * mode. TypeORM calls `verbose()`, which wraps every statement call to capture a stack trace for error
 * messages: the largest single cost of a branch command in the CPU profile (docs/benchmarks.md). Errors
 * keep SQLite's own message and TypeORM's query text.
 */
export const sqliteDriver: typeof sqlite3 = Object.assign(Object.create(sqlite3) as typeof sqlite3, {
  Database: SqliteConnection,
  verbose: () => sqliteDriver,
});

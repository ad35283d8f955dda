import sqlite3 from 'sqlite3';

/**
 * The SQLite connection LobbyFlow hands TypeORM (its `driver` option): sqlite3's own Database, which
 * also keeps the plain statements every command runs (database/plain-sql.ts) prepared between uses.
 * Preparing, running and finalising a statement each time costs about twice what running a prepared one
 * does, on the main thread and on the single connection every command waits for (issue #10). A
 * statement is prepared on its first use and kept for the life of the connection; SQLite prepares it
 * again by itself after a schema change. Closing finalises them first: SQLite refuses to close a
 * connection with statements still open.
 */
export class SqliteConnection extends sqlite3.Database {
  private readonly prepared = new Map<string, Promise<sqlite3.Statement>>();
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
    const statement = await this.statement(sql);
    return new Promise<T[]>((resolve, reject) => {
      const done = (error: Error | null, rows: T[]) => (error ? reject(error) : resolve(rows));
      // A statement with placeholders is bound afresh on every run; one without has nothing to bind.
      if (parameters.length > 0) statement.all(parameters, done);
      else statement.all(done);
    });
  }

  // TypeORM sends its own statements through these (run for INSERT, UPDATE and DELETE, all for the rest).
  override run(sql: string, ...parameters: unknown[]): this {
    this.note(sql);
    return super.run(sql, ...parameters);
  }

  override all(sql: string, ...parameters: unknown[]): this {
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
    const statements = [...this.prepared.values()];
    this.prepared.clear();
    void Promise.allSettled(statements)
      .then((settled) =>
        Promise.all(
          settled.map((outcome) =>
            outcome.status === 'fulfilled' ? new Promise<void>((done) => outcome.value.finalize(() => done())) : null,
          ),
        ),
      )
      .then(() => super.close(callback));
  }

  /** Counts a statement that may write; a SELECT (the usual read) does not count. */
  private note(sql: string): void {
    if (!READ.test(sql)) this.writeCount += 1;
  }

  private statement(sql: string): Promise<sqlite3.Statement> {
    let statement = this.prepared.get(sql);
    if (!statement) {
      statement = new Promise((resolve, reject) => {
        const prepared: sqlite3.Statement = this.prepare(sql, (error: Error | null) =>
          error ? reject(error) : resolve(prepared),
        );
      });
      this.prepared.set(sql, statement);
      // A statement that does not prepare (a mistake in its SQL) is not kept: the next use reports it again.
      statement.catch(() => this.prepared.delete(sql));
    }
    return statement;
  }
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

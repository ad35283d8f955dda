import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteConnection } from './sqlite-connection';

describe('SqliteConnection', () => {
  let dir: string;
  let connection: SqliteConnection;

  const open = (file: string) =>
    new Promise<SqliteConnection>((resolve, reject) => {
      const opened = new SqliteConnection(file, (error) => (error ? reject(error) : resolve(opened)));
    });
  const close = (db: SqliteConnection) =>
    new Promise<void>((resolve, reject) => db.close((error) => (error ? reject(error) : resolve())));

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lobbyflow-sqlite-'));
    connection = await open(join(dir, 'test.db'));
    await connection.allPrepared('CREATE TABLE "t" ("id" INTEGER PRIMARY KEY, "name" TEXT)', []);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('runs a kept statement again with new parameters each time', async () => {
    const insert = 'INSERT INTO "t" ("id", "name") VALUES (?, ?)';
    await connection.allPrepared(insert, [1, 'one']);
    await connection.allPrepared(insert, [2, 'two']);
    const byId = 'SELECT "name" FROM "t" WHERE "id" = ?';
    expect(await connection.allPrepared(byId, [2])).toEqual([{ name: 'two' }]);
    expect(await connection.allPrepared(byId, [1])).toEqual([{ name: 'one' }]);
    expect(await connection.allPrepared(byId, [3])).toEqual([]);
    expect(await connection.allPrepared('SELECT COUNT(*) AS "n" FROM "t"', [])).toEqual([{ n: 2 }]);
    await close(connection);
  });

  it('reports a statement that does not prepare on every use, without keeping it', async () => {
    await expect(connection.allPrepared('SELECT "id" FROM "missing"', [])).rejects.toThrow(/no such table/);
    await expect(connection.allPrepared('SELECT "id" FROM "missing"', [])).rejects.toThrow(/no such table/);
    await close(connection);
  });

  it('sees a column added after the statement was kept (SQLite prepares it again)', async () => {
    await connection.allPrepared('INSERT INTO "t" ("id", "name") VALUES (?, ?)', [1, 'one']);
    const all = 'SELECT * FROM "t"';
    expect(await connection.allPrepared(all, [])).toEqual([{ id: 1, name: 'one' }]);
    await connection.allPrepared('ALTER TABLE "t" ADD COLUMN "extra" TEXT', []);
    expect(await connection.allPrepared(all, [])).toEqual([{ id: 1, name: 'one', extra: null }]);
    await close(connection);
  });

  it('counts the statements that may write, whichever way they are sent, and not the reads', async () => {
    const callback = (resolve: () => void, reject: (error: Error) => void) => (error: Error | null) =>
      error ? reject(error) : resolve();
    const before = connection.writes;
    await connection.allPrepared('SELECT * FROM "t"', []);
    await new Promise<void>((resolve, reject) => connection.all('  select 1', callback(resolve, reject)));
    await new Promise<void>((resolve, reject) => connection.get('SELECT 2', callback(resolve, reject)));
    expect(connection.writes).toBe(before);
    await connection.allPrepared('INSERT INTO "t" ("id", "name") VALUES (?, ?)', [1, 'one']);
    await new Promise<void>((resolve, reject) =>
      connection.run('UPDATE "t" SET "name" = ? WHERE "id" = ?', ['uno', 1], callback(resolve, reject)),
    );
    await new Promise<void>((resolve, reject) => connection.exec('DELETE FROM "t"', callback(resolve, reject)));
    // Anything but a SELECT counts: a savepoint or a pragma could come before a write, or be one.
    await connection.allPrepared('SAVEPOINT "s"', []);
    expect(connection.writes).toBe(before + 4);
    await close(connection);
  });

  it('serves concurrent callers of one text with statements of their own, four at most', async () => {
    const insert = 'INSERT INTO "t" ("id", "name") VALUES (?, ?)';
    for (let id = 1; id <= 10; id += 1) await connection.allPrepared(insert, [id, `name ${id}`]);
    const prepare = jest.spyOn(connection, 'prepare');
    const byId = 'SELECT "name" FROM "t" WHERE "id" = ?';
    const ids = Array.from({ length: 10 }, (_, index) => index + 1);
    const answers = await Promise.all(ids.map((id) => connection.allPrepared(byId, [id])));
    expect(answers).toEqual(ids.map((id) => [{ name: `name ${id}` }]));
    // Ten callers at once: four statements, each lent to the callers waiting in turn.
    expect(prepare).toHaveBeenCalledTimes(4);
    // One caller at a time: a free statement is reused.
    for (const id of ids) expect(await connection.allPrepared(byId, [id])).toEqual([{ name: `name ${id}` }]);
    expect(prepare).toHaveBeenCalledTimes(4);
    await close(connection);
  });

  it("runs TypeORM's BEGIN, COMMIT and ROLLBACK on kept statements, answering as sqlite3 does", async () => {
    const prepare = jest.spyOn(connection, 'prepare');
    const send = (sql: string, parameters?: unknown[]) =>
      new Promise<{ rows: unknown[]; changes: number }>((resolve, reject) =>
        connection.all(sql, parameters, function (this: { changes: number }, error: Error | null, rows: unknown[]) {
          return error ? reject(error) : resolve({ rows, changes: this.changes });
        }),
      );
    const names = async () => (await connection.allPrepared('SELECT "name" FROM "t"', [])) as unknown[];
    const before = connection.writes;
    await send('BEGIN TRANSACTION');
    await connection.allPrepared('INSERT INTO "t" ("id", "name") VALUES (?, ?)', [1, 'rolled back']);
    expect(await send('ROLLBACK', [])).toEqual({ rows: [], changes: 0 });
    expect(await names()).toEqual([]);
    await send('BEGIN TRANSACTION');
    await connection.allPrepared('INSERT INTO "t" ("id", "name") VALUES (?, ?)', [2, 'committed']);
    await send('COMMIT');
    expect(await names()).toEqual([{ name: 'committed' }]);
    await expect(send('COMMIT')).rejects.toThrow(/no transaction is active/);
    // BEGIN, ROLLBACK, INSERT, SELECT and COMMIT: each prepared once, then kept.
    expect(prepare).toHaveBeenCalledTimes(5);
    expect(connection.writes).toBe(before + 7);
    await close(connection);
  });

  it('closes while statements are still being prepared, finalising them first', async () => {
    const reads = [1, 2, 3].map(() => connection.allPrepared('SELECT COUNT(*) AS "n" FROM "t"', []));
    await close(connection);
    expect(await Promise.all(reads)).toEqual([[{ n: 0 }], [{ n: 0 }], [{ n: 0 }]]);
  });

  it('closes with statements kept, and the file opens again with what was written', async () => {
    await connection.allPrepared('INSERT INTO "t" ("id", "name") VALUES (?, ?)', [7, 'kept']);
    await connection.allPrepared('SELECT "name" FROM "t" WHERE "id" = ?', [7]);
    await close(connection);
    const reopened = await open(join(dir, 'test.db'));
    expect(await reopened.allPrepared('SELECT "name" FROM "t"', [])).toEqual([{ name: 'kept' }]);
    await close(reopened);
  });
});

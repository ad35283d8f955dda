import { mkdtempSync, rmSync } from 'node:fs';
import { AsyncLocalStorage } from 'node:async_hooks';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource, type EntityManager } from 'typeorm';
import { sqliteDriver } from '../database/sqlite-connection';
import { MAX_GROUP, SqliteWriteQueue } from './sqlite-write-queue';

/**
 * The SQLite queue's group commit, on a real database file: commands waiting together share one
 * transaction, a failing one takes only its own writes with it, and nobody hears of success before the
 * shared commit.
 */
describe('SqliteWriteQueue', () => {
  let dir: string;
  let dataSource: DataSource;
  let queue: SqliteWriteQueue;
  let committed: EntityManager[];
  let groups: number[];

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lobbyflow-queue-'));
    dataSource = new DataSource({ type: 'sqlite', database: join(dir, 'queue.db'), driver: sqliteDriver });
    await dataSource.initialize();
    await dataSource.query('PRAGMA foreign_keys = ON');
    await dataSource.query('CREATE TABLE "parent" ("id" INTEGER PRIMARY KEY)');
    await dataSource.query(
      `CREATE TABLE "row" ("id" INTEGER PRIMARY KEY, "parentId" INTEGER
         REFERENCES "parent" ("id") DEFERRABLE INITIALLY DEFERRED)`,
    );
    committed = [];
    groups = [];
    queue = new SqliteWriteQueue(
      dataSource,
      (manager) => committed.push(manager),
      (commands) => groups.push(commands),
    );
  });
  afterEach(async () => {
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const insert =
    (id: number, parentId: number | null = null) =>
    (manager: EntityManager) =>
      manager.query('INSERT INTO "row" ("id", "parentId") VALUES (?, ?)', [id, parentId]).then(() => id);
  const ids = async () =>
    ((await dataSource.query('SELECT "id" FROM "row" ORDER BY "id"')) as { id: number }[]).map((row) => row.id);

  it('runs the commands waiting together in one transaction; a failing one rolls back alone', async () => {
    const outcomes = await Promise.allSettled([
      queue.command(insert(1)),
      queue.command(insert(2)),
      queue.command(async (manager) => {
        await insert(3)(manager);
        throw new Error('refused after writing');
      }),
      queue.command(async (manager) => {
        // Sees the rows of the commands before it in the group.
        const before = (await manager.query('SELECT COUNT(*) AS "n" FROM "row"')) as { n: number }[];
        await insert(4)(manager);
        return before[0].n;
      }),
    ]);
    expect(outcomes.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value : 'rejected'))).toEqual([
      1,
      2,
      'rejected',
      2,
    ]);
    expect(await ids()).toEqual([1, 2, 4]);
    // The first command started the queue alone; the three behind it shared one transaction.
    expect(groups).toEqual([1, 3]);
    expect(committed).toHaveLength(3);
  });

  it("rolls back only a failing command's own writes, wherever it stands in the group", async () => {
    const failing = (first: number) => async (manager: EntityManager) => {
      await insert(first)(manager);
      await insert(first + 1)(manager);
      throw new Error('refused after writing twice');
    };
    const outcomes = await Promise.allSettled([
      queue.command(insert(1)),
      // A group of five: the first failure sends the group to savepoints; then failures in the middle and
      // last, each after savepoints left open before it.
      queue.command(failing(10)),
      queue.command(insert(2)),
      queue.command(failing(20)),
      queue.command(insert(3)),
      queue.command(failing(30)),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
      'rejected',
      'fulfilled',
      'rejected',
    ]);
    expect(await ids()).toEqual([1, 2, 3]);
    expect(groups).toEqual([1, 5]);
  });

  /**
   * The statements the connection is sent from here on, as text, but for TypeORM's reads (its `all`, which
   * hands BEGIN, COMMIT and ROLLBACK on to `allPrepared`, where they are seen).
   */
  const statementsSent = () => {
    const sent: string[] = [];
    const connection = (dataSource.driver as unknown as { databaseConnection: Record<string, unknown> })
      .databaseConnection;
    for (const method of ['run', 'get', 'exec', 'allPrepared']) {
      const original = connection[method] as (...args: unknown[]) => unknown;
      jest.spyOn(connection as never, method as never).mockImplementation(((sql: string, ...rest: unknown[]) => {
        sent.push(sql);
        return original.call(connection, sql, ...rest);
      }) as never);
    }
    return sent;
  };

  it('sends no savepoint while no command fails after writing, and runs each command once', async () => {
    const runs = new Map<number, number>();
    const counted = (id: number) => (manager: EntityManager) => {
      runs.set(id, (runs.get(id) ?? 0) + 1);
      return insert(id)(manager);
    };
    const sent = statementsSent();
    const outcomes = await Promise.allSettled([
      queue.command(counted(1)),
      queue.command(counted(2)),
      // Refused before writing anything: fails alone, nothing to undo.
      queue.command(() => Promise.reject(new Error('refused before writing'))),
      queue.command(counted(3)),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(await ids()).toEqual([1, 2, 3]);
    expect(groups).toEqual([1, 3]);
    expect(sent.filter((sql) => /SAVEPOINT|ROLLBACK/i.test(sql))).toEqual([]);
    expect([...runs.values()]).toEqual([1, 1, 1]);
  });

  it('runs the group again with savepoints after a command fails having written, answering each once', async () => {
    const runs = new Map<number, number>();
    const counted = (id: number) => async (manager: EntityManager) => {
      runs.set(id, (runs.get(id) ?? 0) + 1);
      const seen = (await manager.query('SELECT COUNT(*) AS "n" FROM "row"')) as { n: number }[];
      await insert(id)(manager);
      return seen[0].n;
    };
    const sent = statementsSent();
    const outcomes = await Promise.allSettled([
      queue.command(counted(1)),
      queue.command(counted(2)),
      queue.command(async (manager) => {
        await insert(10)(manager);
        throw new Error('refused after writing');
      }),
      queue.command(counted(3)),
    ]);
    expect(outcomes.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value : 'rejected'))).toEqual([
      0,
      1,
      'rejected',
      // The command after the failed one sees its group's earlier writes, not the failed one's.
      2,
    ]);
    expect(String((outcomes[2] as PromiseRejectedResult).reason)).toMatch(/refused after writing/);
    expect(await ids()).toEqual([1, 2, 3]);
    // The command before the failed one ran twice, the one after it once; only one run of each committed.
    expect(Object.fromEntries(runs)).toEqual({ 1: 1, 2: 2, 3: 1 });
    expect(sent.filter((sql) => /^(SAVEPOINT|ROLLBACK)/i.test(sql))).toEqual([
      'ROLLBACK',
      'SAVEPOINT "lobbyflow_command"',
      'SAVEPOINT "lobbyflow_command"',
    ]);
    // Only the committed runs are handed to afterCommit.
    expect(committed).toHaveLength(3);
  });

  it('fails every command of a group whose commit fails, and keeps none of their writes', async () => {
    const outcomes = await Promise.allSettled([
      queue.command(insert(1)),
      queue.command(insert(2)),
      // Checked only at commit: the deferred foreign key of a missing parent.
      queue.command(insert(3, 99)),
      queue.command(insert(4)),
    ]);
    expect(outcomes[0].status).toBe('fulfilled');
    for (const outcome of outcomes.slice(1)) {
      expect(outcome.status).toBe('rejected');
      expect(String((outcome as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY/);
    }
    expect(await ids()).toEqual([1]);
    expect(groups).toEqual([1, 3]);
    // The connection is usable afterwards: the failed transaction was rolled back.
    await queue.command(insert(5));
    expect(await ids()).toEqual([1, 5]);
  });

  it('runs reads and jobs alone, in order between the commands', async () => {
    const order: string[] = [];
    await Promise.all([
      queue.command(async (manager) => {
        order.push('command 1');
        return insert(1)(manager);
      }),
      queue.alone(async () => {
        order.push(`read sees ${(await ids()).length}`);
      }),
      queue.command(async (manager) => {
        order.push('command 2');
        return insert(2)(manager);
      }),
    ]);
    expect(order).toEqual(['command 1', 'read sees 1', 'command 2']);
    expect(groups).toEqual([1, 1]);
  });

  it("groups at most MAX_GROUP commands, and runs each in its caller's async context", async () => {
    const context = new AsyncLocalStorage<number>();
    const calls = Array.from({ length: MAX_GROUP * 2 + 1 }, (_, index) =>
      context.run(index, () =>
        queue.command(async (manager) => {
          await insert(index + 1)(manager);
          return context.getStore();
        }),
      ),
    );
    expect(await Promise.all(calls)).toEqual(calls.map((_, index) => index));
    expect(groups).toEqual([1, MAX_GROUP, MAX_GROUP]);
    expect(await ids()).toHaveLength(MAX_GROUP * 2 + 1);
  });
});

import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager } from 'typeorm';
import { plainQuery } from '../database/plain-sql';
import { committing } from './committing';

/** At most this many commands share one transaction: a long group would hold back its first caller. */
export const MAX_GROUP = 16;

interface Entry {
  /** A command: runs inside a transaction the queue provides (perhaps shared, in its own savepoint). */
  command?: (manager: EntityManager) => Promise<unknown>;
  /** Anything else: runs alone, with its own transaction or none. */
  alone?: () => Promise<unknown>;
  /** Runs a function in the caller's async context (request id, metrics labels, whether it gave up). */
  inCallerContext: <R>(fn: () => R) => R;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * The SQLite connection's queue (design.md §2.3: TypeORM shares one connection, so every write transaction
 * in the process takes its turn here), with group commit: the branch commands waiting when the connection
 * frees up run one after the other in ONE transaction, each inside its own savepoint, and the transaction
 * commits once for all of them (issue #10: the commit's fsync was the largest part of a ticket issue).
 * - Each command is still atomic: one that fails rolls back to its savepoint, and the others go on.
 * - Nobody hears of success before the shared commit: a caller's promise settles only after it, and a
 *   failed commit fails every command of the group (their writes are gone, their events never published).
 * - Commands still run strictly one at a time, in arrival order; each sees what the earlier ones wrote.
 * A lone command (the usual case below full load) runs in its own transaction, without savepoints.
 * `afterCommit` is told of each committed command's manager (the hall cache holds what it read), and
 * `observeGroup` of each transaction's number of commands.
 */
export class SqliteWriteQueue {
  private readonly entries: Entry[] = [];
  private draining = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly afterCommit: (manager: EntityManager) => void,
    /** Told how many commands each transaction carried (a metric). */
    private readonly observeGroup: (commands: number) => void = () => undefined,
  ) {}

  /** Runs a branch command in a transaction, perhaps shared with the commands queued beside it. */
  command<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.enqueue<T>({ command: work });
  }

  /** Runs `task` when the connection is free, alone: a read that must not see half a command, a job's claim. */
  alone<T>(task: () => Promise<T>): Promise<T> {
    return this.enqueue<T>({ alone: task });
  }

  private enqueue<T>(work: Pick<Entry, 'command' | 'alone'>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.entries.push({
        ...work,
        inCallerContext: AsyncLocalStorage.snapshot(),
        resolve: resolve as (value: unknown) => void,
        reject,
      });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.entries.length > 0) {
        const group: Entry[] = [];
        while (group.length < MAX_GROUP && this.entries[0]?.command) group.push(this.entries.shift() as Entry);
        if (group.length === 0) {
          await this.runAlone(this.entries.shift() as Entry);
          continue;
        }
        this.observeGroup(group.length);
        if (group.length === 1) await this.runLone(group[0]);
        else await this.runGroup(group);
      }
    } finally {
      this.draining = false;
    }
  }

  private async runAlone(entry: Entry): Promise<void> {
    try {
      entry.resolve(await entry.inCallerContext(() => (entry.alone as () => Promise<unknown>)()));
    } catch (error) {
      entry.reject(error);
    }
  }

  private async runLone(entry: Entry): Promise<void> {
    const work = entry.command as (manager: EntityManager) => Promise<unknown>;
    try {
      entry.resolve(
        await committing(
          (watched) => this.dataSource.transaction(watched),
          (manager) => entry.inCallerContext(() => work(manager)),
          this.afterCommit,
        ),
      );
    } catch (error) {
      entry.reject(error);
    }
  }

  private async runGroup(group: Entry[]): Promise<void> {
    const runner = this.dataSource.createQueryRunner();
    const done: { entry: Entry; manager: EntityManager; result: unknown }[] = [];
    const failed: { entry: Entry; error: unknown }[] = [];
    try {
      await runner.startTransaction();
      for (const entry of group) {
        // Each command gets its own manager on the shared transaction: the hall cache stages per manager.
        const manager = this.dataSource.createEntityManager(runner);
        // Savepoints are not released one by one: the commit releases them all, and ROLLBACK TO goes back
        // to the latest one of that name, this command's. One statement (one trip to SQLite's worker
        // thread) less per command, on the one connection every command waits for.
        await plainQuery(manager, 'SAVEPOINT "lobbyflow_command"', []);
        try {
          const work = entry.command as (manager: EntityManager) => Promise<unknown>;
          const result = await entry.inCallerContext(() => work(manager));
          done.push({ entry, manager, result });
        } catch (error) {
          // If even this fails, the transaction is broken: the outer catch fails the whole group.
          await plainQuery(manager, 'ROLLBACK TO "lobbyflow_command"', []);
          failed.push({ entry, error });
        }
      }
      await runner.commitTransaction();
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      await runner.release();
      // A command that had failed by itself keeps its own error; every other one fails with this one.
      const ownErrors = new Map(failed.map(({ entry, error: own }) => [entry, own]));
      for (const entry of group) entry.reject(ownErrors.has(entry) ? ownErrors.get(entry) : error);
      return;
    }
    await runner.release();
    for (const { manager } of done) this.afterCommit(manager);
    for (const { entry, result } of done) entry.resolve(result);
    for (const { entry, error } of failed) entry.reject(error);
  }
}

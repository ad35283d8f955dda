import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager } from 'typeorm';
import { plainQuery, writeMark } from '../database/plain-sql';
import { committing } from './committing';

/** At most this many commands share one transaction: a long group would hold back its first caller. */
export const MAX_GROUP = 16;

interface Entry {
  /** A command: runs inside a transaction the queue provides (perhaps shared with other commands). */
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
 * frees up run one after the other in ONE transaction, and the transaction commits once for all of them
 * (issue #10: the commit's fsync was the largest part of a ticket issue).
 * - Each command is still atomic: one that fails takes its writes with it, and the others go on (see
 *   runGroup: without savepoints while no command fails after writing, which is almost always).
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

  /**
   * Runs a group in one transaction. First without savepoints: a SAVEPOINT is a trip to SQLite's worker
   * thread per command, on the connection every command waits for, and almost no command fails after it
   * has written (refusals come before any write). A command that fails having written nothing fails alone.
   * One that fails after writing spoils the attempt: the transaction rolls back, that command fails with
   * its error, and the others run again, from the start, each in its own savepoint. None of them had
   * been answered, nor its events published; what a command's work does outside its transaction it does
   * again (BranchCommands.run says so).
   */
  private async runGroup(group: Entry[]): Promise<void> {
    // Without LobbyFlow's connection nothing counts the writes: savepoints from the start.
    const writesCounted = writeMark(this.dataSource.manager) !== null;
    const spoiled = await this.attemptGroup(group, !writesCounted);
    if (!spoiled) return;
    spoiled.entry.reject(spoiled.error);
    await this.attemptGroup(
      group.filter((entry) => entry !== spoiled.entry),
      true,
    );
  }

  /**
   * One attempt at a group: settles every command (committed, failed alone, or failed with the commit),
   * except when it stops at a command that failed after writing without a savepoint to go back to. Then
   * it has rolled everything back, settled nothing, and returns that command.
   */
  private async attemptGroup(group: Entry[], savepoints: boolean): Promise<{ entry: Entry; error: unknown } | null> {
    const runner = this.dataSource.createQueryRunner();
    const done: { entry: Entry; manager: EntityManager; result: unknown }[] = [];
    const failed: { entry: Entry; error: unknown }[] = [];
    try {
      await runner.startTransaction();
      for (const entry of group) {
        // Each command gets its own manager on the shared transaction: the hall cache stages per manager.
        const manager = this.dataSource.createEntityManager(runner);
        // Savepoints are not released one by one: the commit releases them all, and ROLLBACK TO goes back
        // to the latest one of that name, this command's. One trip less per command.
        if (savepoints) await plainQuery(manager, 'SAVEPOINT "lobbyflow_command"', []);
        const writesBefore = writeMark(manager);
        try {
          const work = entry.command as (manager: EntityManager) => Promise<unknown>;
          const result = await entry.inCallerContext(() => work(manager));
          done.push({ entry, manager, result });
        } catch (error) {
          if (savepoints) {
            // If even this fails, the transaction is broken: the outer catch fails the whole group.
            await plainQuery(manager, 'ROLLBACK TO "lobbyflow_command"', []);
          } else if (writeMark(manager) !== writesBefore) {
            await runner.rollbackTransaction().catch(() => undefined);
            await runner.release();
            return { entry, error };
          }
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
      return null;
    }
    await runner.release();
    for (const { manager } of done) this.afterCommit(manager);
    for (const { entry, result } of done) entry.resolve(result);
    for (const { entry, error } of failed) entry.reject(error);
    return null;
  }
}

import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { BranchEvent, BranchEventMap, BranchEventType } from '@lobbyflow/contracts';
import { DomainError, businessDayOf } from '@lobbyflow/domain';
import { DataSource, EntityManager } from 'typeorm';
import { BranchEntity } from '../branches/branch.entity';
import { Clock } from '../common/clock';
import { EntityRows } from '../database/entity-rows';
import { keyCheckCommitted, runOnce } from '../idempotency/idempotent-request';
import { BranchEventEntity } from '../events/branch-event.entity';
import { Metrics } from '../observability/metrics';
import { currentContext } from '../observability/request-context';
import { HallCache } from '../hall/hall-cache';
import { EventBus, type RoomNotice } from './event-bus';
import { committing } from './committing';
import { SqliteWriteQueue } from './sqlite-write-queue';
import { toBranchEvent } from './event-log';

/** What a branch command sees: its transaction, the locked branch row, one "now", and the event log. */
export interface BranchTransaction {
  readonly manager: EntityManager;
  readonly branch: BranchEntity;
  readonly now: Date;
  /** Appends an event to the branch log in this transaction; it is published only after commit. */
  emit<K extends BranchEventType>(type: K, data: BranchEventMap[K]): void;
  /** A message for one socket room, outside the log, also sent only after commit. */
  notify(notice: RoomNotice): void;
}

/** Runs inside the first command of a new business day, before the command itself. */
export type DayStartHandler = (tx: BranchTransaction, previousDay: string) => Promise<void>;

/**
 * The one entry point for changing a branch (design.md §2.3-2.4). Each command runs in one database
 * transaction, serialised per branch, and appends its events to the gap-free per-branch log in that
 * same transaction; the events are published after commit, never before and never on rollback.
 *
 * SQLite: TypeORM shares one connection, so every write transaction in the process goes through one
 * in-process queue (SqliteWriteQueue), where commands waiting together share one commit, each in its own
 * savepoint (group commit). PostgreSQL: each transaction takes `pg_advisory_xact_lock` on the branch, so
 * several server instances stay correct.
 */
@Injectable()
export class BranchCommands {
  private readonly logger = new Logger('BranchCommands');
  private readonly dayStartHandlers: DayStartHandler[] = [];
  /** SQLite only: the one connection's queue, with group commit. */
  private readonly sqliteQueue: SqliteWriteQueue | null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly bus: EventBus,
    private readonly metrics: Metrics,
  ) {
    this.sqliteQueue =
      dataSource.options.type === 'postgres'
        ? null
        : new SqliteWriteQueue(dataSource, holdCommitted, (commands) => metrics.commitGroup(commands));
  }

  onDayStart(handler: DayStartHandler): void {
    this.dayStartHandlers.push(handler);
  }

  /**
   * Runs `work` as one command on the branch addressed by `branchCode`. Its writes, events and notices
   * take effect once, at commit; `work` itself may run more than once before that (on SQLite, a command
   * grouped with one that failed after writing runs again: SqliteWriteQueue), so it changes nothing
   * outside its transaction.
   */
  async run<T>(branchCode: string, work: (tx: BranchTransaction) => Promise<T>): Promise<T> {
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    let committed: { result: T; events: BranchEvent[]; notices: RoomNotice[] };
    try {
      committed = this.sqliteQueue
        ? await this.sqliteQueue.command((manager) => this.execute(manager, branchCode, work))
        : await this.postgresTransaction((manager) => this.execute(manager, branchCode, work));
    } catch (error) {
      this.metrics.commandFinished(seconds(), 'rolled-back');
      throw error;
    }
    this.metrics.commandFinished(seconds(), 'committed');
    const { result, events, notices } = committed;
    // The command has committed: whatever happens to the listeners, its caller hears of its success.
    try {
      this.bus.publish({ branchId: branchCode, events, notices });
    } catch (error) {
      this.logger.error(`Publishing events of branch ${branchCode} failed: ${String(error)}`);
    }
    return result;
  }

  /**
   * Runs a read that must see a consistent state (a snapshot together with its `seq`). On SQLite it
   * waits its turn behind writes, so it never sees half of a command.
   */
  async read<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.sqliteQueue) return this.sqliteQueue.alone(() => work(this.dataSource.manager));
    return committing((watched) => this.dataSource.transaction('REPEATABLE READ', watched), work, holdCommitted);
  }

  /**
   * Runs a short write that belongs to no branch (a scheduled job's claim) in its own transaction. On
   * SQLite it waits its turn like a command, since a statement outside the queue would run inside whatever
   * transaction holds the shared connection.
   */
  async runShared<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.sqliteQueue) {
      return this.sqliteQueue.alone(() =>
        committing((watched) => this.dataSource.transaction(watched), work, holdCommitted),
      );
    }
    return this.postgresTransaction(work);
  }

  /** A write transaction on PostgreSQL: READ COMMITTED whatever the server's default (see execute). */
  private postgresTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return committing((watched) => this.dataSource.transaction('READ COMMITTED', watched), work, holdCommitted);
  }

  private async execute<T>(
    manager: EntityManager,
    branchCode: string,
    work: (tx: BranchTransaction) => Promise<T>,
  ): Promise<{ result: T; events: BranchEvent[]; notices: RoomNotice[] }> {
    if (!this.sqliteQueue) {
      // First statement of the transaction, held until commit or rollback. The transaction is READ
      // COMMITTED, so every read below sees what the branch's previous command committed (a snapshot
      // taken before the wait, as under REPEATABLE READ, would miss it and reuse its seq and numbers).
      await manager.query('SELECT pg_advisory_xact_lock($1)', [advisoryKey(branchCode)]);
    }
    // Its turn has come, after the commands queued before it. A caller that has given up meanwhile (a
    // kiosk's request timed out; it retries with the same Idempotency-Key) gets nothing done for it: under
    // overload the server works for callers still waiting instead of a backlog nobody will read.
    if (currentContext()?.callerGone?.()) {
      throw new DomainError('CALLER_GONE', 'The caller closed the connection before the command could run.');
    }
    const branch = await EntityRows.of(manager, BranchEntity).findOne({ code: branchCode });
    if (!branch) {
      throw new DomainError('BRANCH_NOT_FOUND', `There is no branch with code "${branchCode}".`);
    }
    HallCache.of(manager).branchRead(manager, branch);
    const now = this.clock.now();
    const pending: { type: BranchEventType; data: object }[] = [];
    const notices: RoomNotice[] = [];
    const tx: BranchTransaction = {
      manager,
      branch,
      now,
      emit: (type, data) => pending.push({ type, data }),
      notify: (notice) => notices.push(notice),
    };

    // The day only moves forward (ISO dates compare as strings): a clock stepping back across midnight,
    // or a second server a little behind, must not reopen a day whose tickets were already expired.
    const today = businessDayOf(now, branch.timeZone, branch.dayStartsAt);
    const newDay = today > branch.businessDay;
    if (newDay) {
      const previousDay = branch.businessDay;
      branch.businessDay = today;
      for (const handler of this.dayStartHandlers) await handler(tx, previousDay);
    }

    // A retried request with an Idempotency-Key gets its first result instead of a second run.
    const result = await runOnce(tx, work);

    const firstSeq = branch.lastSeq + 1;
    const rows = pending.map((event, index) =>
      manager.create(BranchEventEntity, {
        branchId: branch.id,
        seq: firstSeq + index,
        type: event.type,
        at: now,
        // The business day travels with every event: clients follow the day boundary from the log.
        data: { businessDay: branch.businessDay, ...event.data } as Record<string, unknown>,
      }),
    );
    // Inserting the events moves the branch's lastSeq with them (a trigger: migration EventLogSeq).
    await EntityRows.of(manager, BranchEventEntity).insert(rows);
    if (newDay)
      await EntityRows.of(manager, BranchEntity).update({ id: branch.id }, { businessDay: branch.businessDay });
    const events = rows.map((row) => toBranchEvent(branchCode, row));
    return { result, events, notices };
  }
}

/**
 * After a commit: the hall cache holds what the transaction read (hall/hall-cache.ts), and the request's
 * Idempotency-Key counts as checked (idempotency/idempotent-request.ts).
 */
function holdCommitted(manager: EntityManager): void {
  HallCache.of(manager).committed(manager);
  keyCheckCommitted(manager);
}

/** A stable 63-bit key per branch for PostgreSQL advisory locks. */
function advisoryKey(branchCode: string): string {
  const digest = createHash('sha256').update(`lobbyflow:branch:${branchCode}`).digest();
  return (digest.readBigInt64BE(0) & 0x7fffffffffffffffn).toString();
}

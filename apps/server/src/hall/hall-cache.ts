import type { DataSource, EntityManager } from 'typeorm';
import type { BranchEntity } from '../branches/branch.entity';
import type { BusinessTypeEntity } from '../branches/business-type.entity';
import type { QueueEntity } from '../branches/queue.entity';
import type { CounterEntity } from '../counters/counter.entity';
import { plainQuery, writeMark } from '../database/plain-sql';
import type { TicketEntity } from '../tickets/ticket.entity';
import { TicketSet } from './ticket-set';
import { deepFreeze } from '../common/deep-freeze';

/**
 * What a server keeps of each branch between commands (issue #10): the configuration rows and the open
 * tickets the hall figures read, each valid for one revision that the database counts itself (migration
 * HallRevisions: `branch.configRev`, `branch.ticketRev` and `ticket.rev`, kept by triggers). A command
 * compares the revisions of the branch row it has read with what is held:
 * - the configuration is reused only at the same `configRev`, otherwise read again;
 * - the tickets are brought up to date with the rows written since the held revision (one indexed query,
 *   usually the command's own ticket), or read whole when the day changed or nothing is held.
 * Whatever a transaction reads is held only once it has committed: a rolled-back command leaves nothing
 * behind, and a concurrent reader (PostgreSQL) never sees another transaction's uncommitted rows.
 * With LOBBYFLOW_VERIFY_CACHES=1 (the e2e suites) every use is checked against a full read and a
 * difference throws.
 */

/** Ticket columns the hall figures use (a TypeORM select), plus the revision of the row's last write. */
export const FIGURE_COLUMNS = {
  id: true,
  number: true,
  queue: true,
  priority: true,
  status: true,
  businessType: true,
  queuedAt: true,
  holdUntil: true,
  targetCounterId: true,
  counterId: true,
  calledAt: true,
  finishedAt: true,
  rev: true,
} as const;

export type FigureTicket = Pick<TicketEntity, keyof typeof FIGURE_COLUMNS>;

/** The rows `BranchConfig` is made of. */
export interface ConfigRows {
  queues: QueueEntity[];
  businessTypes: BusinessTypeEntity[];
  counters: CounterEntity[];
}

interface HeldTickets {
  businessDay: string;
  /** Every ticket write of the branch up to this revision is reflected in `tickets`. */
  rev: number;
  /**
   * Open tickets of the day and those finished since `doneSince` (service-time samples; some finished a
   * little earlier may still be there until a sweep, see PRUNE_AFTER_MS), by id.
   */
  tickets: TicketSet;
  doneSince: Date;
  /** When the earliest finished ticket held finished (null: none held); older ones go in a sweep. */
  oldestDoneMs: number | null;
}

interface HeldConfig {
  rev: number;
  rows: ConfigRows;
}

interface HeldBranch {
  tickets?: HeldTickets;
  config?: HeldConfig;
}

const OPEN = new Set<string>(['waiting', 'called', 'serving']);

/** How long finished tickets too old for the figures may stay held before a sweep drops them. */
const PRUNE_AFTER_MS = 10 * 60_000;

/** The earlier of `oldestMs` and the finishing time of `ticket`, if it is finished. */
function earlierDone(oldestMs: number | null, ticket: Pick<FigureTicket, 'status' | 'finishedAt'>): number | null {
  if (ticket.status !== 'done' || ticket.finishedAt === null) return oldestMs;
  const finishedMs = ticket.finishedAt.getTime();
  return oldestMs === null || finishedMs < oldestMs ? finishedMs : oldestMs;
}

/** Whether the figures keep this ticket: open, or finished (a service-time sample until it is too old). */
function keepsTicket(ticket: Pick<FigureTicket, 'status'>): boolean {
  return OPEN.has(ticket.status) || ticket.status === 'done';
}

/** Whether a ticket counts in the figures at a moment: open, or finished since `since` (a recent service). */
export function inFigures(ticket: Pick<FigureTicket, 'status' | 'finishedAt'>, since: Date): boolean {
  return (
    OPEN.has(ticket.status) || (ticket.status === 'done' && ticket.finishedAt !== null && ticket.finishedAt >= since)
  );
}

const verifying = process.env.LOBBYFLOW_VERIFY_CACHES === '1';

/** One cache per data source: a test process runs several servers, each on its own database. */
const caches = new WeakMap<DataSource, HallCache>();

export class HallCache {
  private readonly branches = new Map<string, HeldBranch>();
  /** What open transactions read, held once they commit (`committed`), dropped if they do not. */
  private readonly staged = new WeakMap<EntityManager, Array<() => void>>();
  /** Branch rows read inside a transaction, with the connection's write mark at the read (SQLite). */
  private readonly branchReads = new WeakMap<BranchEntity, number>();

  static of(manager: EntityManager): HallCache {
    let cache = caches.get(manager.connection);
    if (!cache) {
      cache = new HallCache();
      caches.set(manager.connection, cache);
    }
    return cache;
  }

  /** Whether checks against full reads are on (LOBBYFLOW_VERIFY_CACHES=1). */
  get verifying(): boolean {
    return verifying;
  }

  /**
   * Holds what the transaction of `manager` read, now that it has committed. BranchCommands calls it after
   * every transaction it runs; a transaction it does not see commit simply holds nothing.
   */
  committed(manager: EntityManager): void {
    const work = this.staged.get(manager);
    this.staged.delete(manager);
    for (const hold of work ?? []) hold();
  }

  /** Drops everything held: the next command of every branch reads in full. */
  clear(): void {
    this.branches.clear();
  }

  /**
   * A command has just read its branch row in its transaction (BranchCommands): until something is written,
   * the revisions in that row are current.
   */
  branchRead(manager: EntityManager, branch: BranchEntity): void {
    const mark = writeMark(manager);
    if (mark !== null) this.branchReads.set(branch, mark);
  }

  /**
   * The branch's configuration revision as this transaction sees it now, and the held rows of that revision
   * (copies the caller may change), or null rows when they must be read. Inside a write transaction the
   * revision is read again if anything was written since the branch row was read: the transaction may have
   * changed a counter (on SQLite that is known without asking; on PostgreSQL it is read again each time).
   */
  async config(manager: EntityManager, branch: BranchEntity): Promise<{ rev: number | null; rows: ConfigRows | null }> {
    const current = !inTransaction(manager) || this.branchReads.get(branch) === writeMark(manager);
    const rev = current ? (branch.configRev ?? null) : await currentConfigRev(manager, branch.id);
    const held = this.branches.get(branch.id)?.config;
    return { rev, rows: held && rev !== null && held.rev === rev ? copyRows(held.rows) : null };
  }

  /** Holds configuration rows read at revision `rev` (copied: the caller may change its own). */
  keepConfig(manager: EntityManager, branchId: string, rev: number | null, rows: ConfigRows): void {
    if (rev === null) return;
    const held: HeldConfig = { rev, rows: heldRows(rows) };
    this.hold(manager, () => {
      const entry = this.entry(branchId);
      if (!entry.config || entry.config.rev <= held.rev) entry.config = held;
    });
  }

  /**
   * The held tickets of the branch's business day, if they can be brought up to date from the branch row's
   * `ticketRev` and hold every ticket finished since `since`: null when a full read is needed.
   */
  tickets(branch: BranchEntity, since: Date): HeldTickets | null {
    const held = this.branches.get(branch.id)?.tickets;
    if (!held || held.businessDay !== branch.businessDay || since < held.doneSince) return null;
    // Held from a later revision than this transaction's view of the branch (a PostgreSQL snapshot older
    // than another transaction's commit): the delta cannot go backwards, so read in full.
    if (typeof branch.ticketRev !== 'number' || held.rev > branch.ticketRev) return null;
    return held;
  }

  /**
   * Applies `rows`, the tickets written since `base` (or, without a base, a full read of the open tickets
   * and those finished since `doneSince`), and holds the result once the transaction commits. Returns the
   * tickets as of now, in this transaction.
   */
  advance(
    manager: EntityManager,
    branch: BranchEntity,
    base: HeldTickets | null,
    rows: FigureTicket[],
    doneSince: Date,
  ): TicketSet {
    if (base && rows.length === 0) return base.tickets;
    // A branch row read without its revision (a partial select) gives figures but nothing to hold.
    let rev = base ? base.rev : branch.ticketRev;
    const holdable = typeof rev === 'number' && Number.isFinite(rev);
    const keepDoneSince = base && base.doneSince > doneSince ? base.doneSince : doneSince;
    // The held set itself stays as it is until this transaction commits (TicketSet). Tickets finished before
    // `keepDoneSince` go in one sweep once the oldest of them is PRUNE_AFTER_MS past it: the figures skip
    // them anyway, and a sweep goes through every ticket.
    let oldestDoneMs = base?.oldestDoneMs ?? null;
    let tickets: TicketSet;
    if (!base) {
      // A full read: its rows are the set.
      tickets = TicketSet.of(rows.filter(keepsTicket));
    } else {
      tickets = base.tickets;
      if (oldestDoneMs !== null && oldestDoneMs < keepDoneSince.getTime() - PRUNE_AFTER_MS) {
        tickets = tickets.filter((ticket) => inFigures(ticket, keepDoneSince));
        oldestDoneMs = null;
        tickets.forEach((ticket) => (oldestDoneMs = earlierDone(oldestDoneMs, ticket)));
      }
      tickets = tickets.with(rows.map((row) => [row.id, keepsTicket(row) ? row : null]));
    }
    for (const row of rows) {
      if (keepsTicket(row)) oldestDoneMs = earlierDone(oldestDoneMs, row);
      rev = Math.max(rev, row.rev);
    }
    if (holdable) {
      const held: HeldTickets = {
        businessDay: branch.businessDay,
        rev,
        tickets,
        doneSince: keepDoneSince,
        oldestDoneMs,
      };
      this.hold(manager, () => {
        const entry = this.entry(branch.id);
        const current = entry.tickets;
        if (!current || current.businessDay !== held.businessDay || current.rev < held.rev) entry.tickets = held;
      });
    }
    return tickets;
  }

  private entry(branchId: string): HeldBranch {
    let entry = this.branches.get(branchId);
    if (!entry) {
      entry = {};
      this.branches.set(branchId, entry);
    }
    return entry;
  }

  /** Runs `hold` now outside a transaction (what was read is committed), or once the transaction commits. */
  private hold(manager: EntityManager, hold: () => void): void {
    if (!inTransaction(manager)) {
      hold();
      return;
    }
    const work = this.staged.get(manager);
    if (work) work.push(hold);
    else this.staged.set(manager, [hold]);
  }
}

function inTransaction(manager: EntityManager): boolean {
  return manager.queryRunner?.isTransactionActive === true;
}

async function currentConfigRev(manager: EntityManager, branchId: string): Promise<number | null> {
  const rows = await plainQuery<{ rev: number | string }>(
    manager,
    'SELECT "configRev" AS "rev" FROM "branch" WHERE "id" = ?',
    [branchId],
  );
  return rows.length > 0 ? Number(rows[0].rev) : null;
}

/**
 * What a command gets of held rows: its own shallow copy of each (commands change fields of the rows they
 * were given, as the admin commands do before saving them), sharing the nested objects, which are frozen:
 * changing one of those in place would change what every later command sees, so it fails loudly instead.
 */
function copyRows(rows: ConfigRows): ConfigRows {
  return {
    queues: rows.queues.map(copyRow),
    businessTypes: rows.businessTypes.map(copyRow),
    counters: rows.counters.map(copyRow),
  };
}

/** The rows as they are held: copies of what a command read, with every nested object frozen. */
function heldRows(rows: ConfigRows): ConfigRows {
  const hold = <T extends object>(row: T): T => {
    const copy = copyEntity(row);
    for (const field of Object.values(copy)) deepFreeze(field);
    return copy;
  };
  return {
    queues: rows.queues.map(hold),
    businessTypes: rows.businessTypes.map(hold),
    counters: rows.counters.map(hold),
  };
}

/** A copy of an entity row that keeps its class (TypeORM saves by it); nested objects are copied too. */
function copyEntity<T extends object>(row: T): T {
  return Object.assign(Object.create(Object.getPrototypeOf(row) as object) as T, structuredClone({ ...row }));
}

/** A shallow copy of a held row: its own fields may change, its nested (frozen) objects are shared. */
function copyRow<T extends object>(row: T): T {
  return Object.assign(Object.create(Object.getPrototypeOf(row) as object) as T, row);
}

/** Throws when what the cache gave differs from a full read (LOBBYFLOW_VERIFY_CACHES=1). */
export function assertSameAsRead(what: string, branchCode: string, fromCache: unknown, fromRead: unknown): void {
  const [cached, read] = [canonicalJson(fromCache), canonicalJson(fromRead)];
  if (cached !== read) {
    throw new Error(`The hall cache's ${what} of branch ${branchCode} differ from the database: ${cached} != ${read}`);
  }
}

/** JSON with object keys sorted, so that the order rows or fields were added in does not count. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, field: unknown) =>
    field !== null && typeof field === 'object' && !Array.isArray(field)
      ? Object.fromEntries(Object.entries(field).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : field,
  );
}

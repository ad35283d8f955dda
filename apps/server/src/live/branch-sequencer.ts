import type { BranchEvent } from '@lobbyflow/contracts';

/** Reads a branch's committed events with `after < seq <= upTo` from the log, in `seq` order. */
export type LogReader = (branchId: string, after: number, upTo: number) => Promise<BranchEvent[]>;

/** Receives a branch's events, each exactly once, in `seq` order without gaps (after the first). */
export type Delivery = (branchId: string, events: BranchEvent[]) => void;

/**
 * Most events read from the log to close one gap. An instance further behind (a long Redis outage) skips
 * ahead instead, and its clients, seeing the jump, catch up on their own (events page or fresh snapshot).
 */
export const MAX_GAP_FILL = 500;

/**
 * Hands this instance's sockets each branch's events in `seq` order, exactly once, whichever instance
 * committed them (design.md §2.4, issue #9).
 *
 * Batches arrive from this instance's own commands and, through Redis, from the other instances, in the
 * order the network gives: instance A may commit seq 10 and instance B seq 11, and B's message may
 * overtake A's. A batch that starts beyond the next `seq` means an earlier one is late or lost; since
 * `seq` is assigned under the branch lock, the earlier events are committed by then, so the sequencer
 * reads them from the log and delivers them first. The late batch, when it comes, holds only duplicates.
 * `catchUp` does the same without a batch, for a link that was down (nothing may come to reveal the gap).
 *
 * Work is chained per branch, so one branch's log read never holds up another branch.
 */
export class BranchSequencer {
  private readonly delivered = new Map<string, number>();
  private readonly tails = new Map<string, Promise<void>>();

  constructor(
    private readonly readLog: LogReader,
    private readonly deliver: Delivery,
    private readonly warn: (message: string) => void,
  ) {}

  /** Takes a committed batch; resolves once its new events (and any missing before them) are delivered. */
  accept(branchId: string, events: readonly BranchEvent[]): Promise<void> {
    if (events.length === 0) return Promise.resolve();
    // The usual case, nothing of this branch in hand and no gap: delivered now, inside the caller's turn,
    // so that the screens get the event before the command's HTTP answer is written (a later microtask
    // would queue it behind the answer's serialisation).
    if (!this.tails.has(branchId)) {
      const last = this.delivered.get(branchId);
      const fresh = this.notDelivered(branchId, events);
      if (last === undefined || fresh.length === 0 || fresh[0].seq === last + 1) {
        try {
          this.hand(branchId, fresh);
        } catch (error) {
          this.warn(`Branch ${branchId}: delivering events failed: ${String(error)}`);
        }
        return Promise.resolve();
      }
    }
    return this.inTurn(branchId, async () => {
      const last = this.delivered.get(branchId);
      const fresh = this.notDelivered(branchId, events);
      if (fresh.length === 0) return;
      // The first batch seen for a branch sets where this instance starts: its clients catch up on
      // anything earlier with their own snapshot.
      const missing = last === undefined ? [] : await this.missing(branchId, last, fresh[0].seq - 1);
      this.hand(branchId, [...missing, ...fresh]);
    });
  }

  /**
   * Delivers the events up to `lastSeq` (the branch's, from the database) that never arrived here. For a
   * branch this instance has seen nothing of yet, `lastSeq` becomes where it starts: its screens hold
   * snapshots at least that recent, and anything later must come through here.
   */
  catchUp(branchId: string, lastSeq: number): Promise<void> {
    return this.inTurn(branchId, async () => {
      const last = this.delivered.get(branchId);
      if (last === undefined) {
        this.delivered.set(branchId, lastSeq);
        return;
      }
      if (lastSeq <= last) return;
      this.hand(branchId, await this.missing(branchId, last, lastSeq));
    });
  }

  /** The last `seq` delivered per branch, for the branches this instance has seen events of. */
  lastDelivered(): ReadonlyMap<string, number> {
    return this.delivered;
  }

  private async missing(branchId: string, after: number, upTo: number): Promise<BranchEvent[]> {
    if (upTo <= after) return [];
    if (upTo - after > MAX_GAP_FILL) {
      this.warn(`Branch ${branchId}: ${upTo - after} events missed; clients will catch up on their own.`);
      return [];
    }
    try {
      return await this.readLog(branchId, after, upTo);
    } catch (error) {
      this.warn(`Branch ${branchId}: reading missed events ${after + 1}-${upTo} failed: ${String(error)}`);
      return [];
    }
  }

  /** The events of a batch this instance has not delivered yet (all of them for a branch it has not seen). */
  private notDelivered(branchId: string, events: readonly BranchEvent[]): BranchEvent[] {
    const last = this.delivered.get(branchId);
    return last === undefined ? [...events] : events.filter((event) => event.seq > last);
  }

  private hand(branchId: string, events: BranchEvent[]): void {
    if (events.length === 0) return;
    this.delivered.set(branchId, events[events.length - 1].seq);
    this.deliver(branchId, events);
  }

  private inTurn(branchId: string, task: () => Promise<void>): Promise<void> {
    const previous = this.tails.get(branchId) ?? Promise.resolve();
    const next = previous.then(task).catch((error: unknown) => {
      this.warn(`Branch ${branchId}: delivering events failed: ${String(error)}`);
    });
    this.tails.set(branchId, next);
    void next.then(() => {
      if (this.tails.get(branchId) === next) this.tails.delete(branchId);
    });
    return next;
  }
}

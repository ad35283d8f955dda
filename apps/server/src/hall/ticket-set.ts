import type { FigureTicket } from './hall-cache';

/** Changes kept beside the shared base before a new base is made (then every ticket is copied once). */
const MAX_CHANGES = 64;

/**
 * The tickets the hall cache holds for a branch, by id, as a value that never changes once made: a
 * command's view is the held set with its own rows applied (`with`), and until it commits the held set,
 * which other commands and readers may be using, stays as it was. Copying a whole branch's tickets in
 * every command cost as much as the rest of its figures with a queue of thousands (issue #10); here the
 * new set shares the large base map and copies only the changes since that base (at most MAX_CHANGES, then
 * the changes are folded into a new base: every ticket is copied once per MAX_CHANGES changes).
 */
export class TicketSet {
  private constructor(
    private readonly base: ReadonlyMap<string, FigureTicket>,
    /** Tickets changed since `base`: the new row, or null for one no longer held. */
    private readonly changes: ReadonlyMap<string, FigureTicket | null>,
    readonly size: number,
  ) {}

  static of(tickets: Iterable<FigureTicket>): TicketSet {
    const base = new Map<string, FigureTicket>();
    for (const ticket of tickets) base.set(ticket.id, ticket);
    return new TicketSet(base, new Map(), base.size);
  }

  get(id: string): FigureTicket | undefined {
    const changed = this.changes.get(id);
    if (changed !== undefined) return changed ?? undefined;
    return this.base.get(id);
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  /** This set with `rows` held (null: the ticket with that id is dropped); this one stays as it is. */
  with(rows: Iterable<[string, FigureTicket | null]>): TicketSet {
    const changes = new Map(this.changes);
    let size = this.size;
    for (const [id, ticket] of rows) {
      const before = changes.has(id) ? changes.get(id) : this.base.get(id);
      const heldBefore = before !== undefined && before !== null;
      size += (ticket !== null ? 1 : 0) - (heldBefore ? 1 : 0);
      changes.set(id, ticket);
    }
    if (changes.size <= MAX_CHANGES) return new TicketSet(this.base, changes, size);
    return TicketSet.of(new TicketSet(this.base, changes, size).values());
  }

  /** Only the tickets `keep` accepts, as a new set with a base of its own. */
  filter(keep: (ticket: FigureTicket) => boolean): TicketSet {
    const kept: FigureTicket[] = [];
    for (const ticket of this.values()) if (keep(ticket)) kept.push(ticket);
    return TicketSet.of(kept);
  }

  /** Calls `visit` with each ticket (the figures' loop over the hall: no iterator objects). */
  forEach(visit: (ticket: FigureTicket) => void): void {
    for (const [id, ticket] of this.base) if (!this.changes.has(id)) visit(ticket);
    for (const ticket of this.changes.values()) if (ticket !== null) visit(ticket);
  }

  *values(): IterableIterator<FigureTicket> {
    for (const [id, ticket] of this.base) if (!this.changes.has(id)) yield ticket;
    for (const ticket of this.changes.values()) if (ticket !== null) yield ticket;
  }

  *keys(): IterableIterator<string> {
    for (const ticket of this.values()) yield ticket.id;
  }
}

import type { BenchHall } from './hall';

interface EventRow {
  branchId: string;
  seq: number;
  type: string;
  /** JSON text on SQLite, parsed already on PostgreSQL. */
  data: string | { ticket?: { id: string; counterId: string | null } };
}

/** Events after which a called ticket is no longer at a counter: a later call of it is legitimate. */
const RELEASING = new Set([
  'ticket.returned',
  'ticket.transferred',
  'ticket.parked',
  'ticket.finished',
  'ticket.no-show',
  'ticket.cancelled',
  'ticket.expired',
]);

export interface AssignmentAudit {
  /** `ticket.called` events in the log. */
  calls: number;
  /** A ticket called while it was already called and not released (returned, transferred...) in between. */
  doubleCalls: number;
  /** Tickets whose calls name more than one counter without a release between them. */
  ticketsAtTwoCounters: number;
}

/**
 * Reads the whole ticket event log of the hall's database, in each branch's order, and counts double
 * assignments: the database's word, whatever the clients saw.
 */
export async function auditAssignments(hall: BenchHall): Promise<AssignmentAudit> {
  const rows = await hall.query<EventRow>(
    `SELECT "branchId", "seq", "type", "data" FROM branch_event WHERE "type" LIKE 'ticket.%' ORDER BY "branchId", "seq"`,
  );
  const heldBy = new Map<string, string | null>();
  const atTwoCounters = new Set<string>();
  let calls = 0;
  let doubleCalls = 0;
  for (const row of rows) {
    const data = typeof row.data === 'string' ? (JSON.parse(row.data) as Exclude<EventRow['data'], string>) : row.data;
    const ticket = data.ticket;
    if (!ticket) continue;
    if (row.type === 'ticket.called') {
      calls += 1;
      if (heldBy.has(ticket.id)) {
        doubleCalls += 1;
        if (heldBy.get(ticket.id) !== ticket.counterId) atTwoCounters.add(ticket.id);
      }
      heldBy.set(ticket.id, ticket.counterId);
    } else if (RELEASING.has(row.type)) {
      heldBy.delete(ticket.id);
    }
  }
  return { calls, doubleCalls, ticketsAtTwoCounters: atTwoCounters.size };
}

import type { PriorityClass } from '@lobbyflow/contracts';
import { compareQueuePlace, type QueuePlace } from './queue-order';
import { PRIORITY_RANK } from './rules';

/**
 * The order staff lists show waiting tickets in: the call order without counter weights (VIP, then
 * priority customers, then everyone else, each in queue order). Server snapshots and live clients use
 * this same function, so a client that applied every event holds exactly what a fresh snapshot shows.
 */
export function compareCallOrder(
  a: QueuePlace & { priority: PriorityClass },
  b: QueuePlace & { priority: PriorityClass },
): number {
  return PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] || compareQueuePlace(a, b);
}

/** Any ticket view with ISO times, as the APIs send it. */
export interface TicketPlaceView {
  id: string;
  number: string;
  queuedAt: string;
  priority?: PriorityClass;
}

/** Orders ticket views for display: call order when the view carries a priority (staff), else queue order. */
export function sortForDisplay<T extends TicketPlaceView>(tickets: readonly T[]): T[] {
  const place = (ticket: T) => ({ id: ticket.id, number: ticket.number, queuedAt: new Date(ticket.queuedAt) });
  return [...tickets].sort((a, b) =>
    a.priority && b.priority
      ? compareCallOrder({ ...place(a), priority: a.priority }, { ...place(b), priority: b.priority })
      : compareQueuePlace(place(a), place(b)),
  );
}

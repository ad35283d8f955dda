/** What fixes a ticket's place in its queue: the fairness clock, then the number drawn. */
export interface QueuePlace {
  id: string;
  number: string;
  queuedAt: Date;
}

/**
 * Total order of tickets of the same class: earlier queue entry first; tickets entering in the same
 * millisecond go by number (A999 before A1000), then by id so that the order is never ambiguous.
 */
export function compareQueuePlace(a: QueuePlace, b: QueuePlace): number {
  return (
    a.queuedAt.getTime() - b.queuedAt.getTime() ||
    a.number.length - b.number.length ||
    a.number.localeCompare(b.number) ||
    a.id.localeCompare(b.id)
  );
}

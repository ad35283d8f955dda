import type { PriorityClass } from '@lobbyflow/contracts';
import { compareQueuePlace, type QueuePlace } from './queue-order';
import { PRIORITY_RANK } from './rules';

/** A waiting ticket as the wait estimate sees it. */
export interface QueuedTicket extends QueuePlace {
  queue: string;
  priority: PriorityClass;
}

/**
 * Tickets that will most likely be called before `ticket`: in the same queue, of a higher class, or of
 * the same class and earlier in queue order (entry time, then number).
 */
export function ticketsAhead(ticket: QueuedTicket, waiting: readonly QueuedTicket[]): number {
  const rank = PRIORITY_RANK[ticket.priority];
  return waiting.filter((other) => {
    if (other.id === ticket.id || other.queue !== ticket.queue) return false;
    const otherRank = PRIORITY_RANK[other.priority];
    return otherRank < rank || (otherRank === rank && compareQueuePlace(other, ticket) < 0);
  }).length;
}

export interface WaitEstimateInput {
  /** Tickets expected before this one. */
  ahead: number;
  /** Open counters serving the queue (paused and closed counters do not serve). */
  servingCounters: number;
  /** Typical service time for the queue's business, minutes. */
  serviceMinutes: number;
}

/**
 * Estimated minutes until a ticket is called: the simple estimator, people ahead x service time /
 * counters. With no counter open the queue is assumed to get one (an estimate, not infinity).
 */
export function estimateWaitMinutes({ ahead, servingCounters, serviceMinutes }: WaitEstimateInput): number {
  if (ahead <= 0) return 0;
  return Math.ceil((ahead * serviceMinutes) / Math.max(1, servingCounters));
}

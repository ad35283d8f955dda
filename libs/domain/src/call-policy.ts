import type { PriorityClass } from '@lobbyflow/contracts';
import { compareQueuePlace } from './queue-order';
import { PRIORITY_RANK, type CallPolicy } from './rules';

/** A waiting ticket as the call policy sees it. */
export interface CallCandidate {
  id: string;
  number: string;
  queue: string;
  priority: PriorityClass;
  /** Queue entry, kept through transfers: the fairness clock. */
  queuedAt: Date;
  /** Set when a transfer sent the ticket to one counter: only that counter calls it. */
  targetCounterId: string | null;
  /** A returned ticket is not called before this time. */
  holdUntil?: Date | null;
}

/** A counter as the call policy sees it. */
export interface CallingCounter {
  id: string;
  /** Queues this counter serves, each with a weight (>0; higher means served sooner). */
  queues: { queue: string; weight: number }[];
  /** Non-normal calls made in a row while normal tickets were waiting. */
  priorityStreak: number;
}

export type CallReason = 'directed' | 'aging' | 'priority' | 'weighted-wait';

export interface CallDecision {
  ticketId: string;
  reason: CallReason;
  /** The counter's streak after this call, to be stored with the counter. */
  priorityStreak: number;
}

/**
 * Which ticket a counter calls next (design.md §4):
 * 0. a ticket returned to the queue a moment ago is on hold (its customer stepped away);
 * 1. a ticket transferred to this very counter;
 * 2. any ticket waiting longer than the aging bound, oldest first: nobody starves;
 * 3. VIP, then priority customers (elderly, disabled, ...), across the queues the counter serves;
 *    the ratio `maxPriorityInRow` bounds how many of them in a row may pass a normal ticket waiting
 *    in their own queue (a VIP queue with no normal tickets in it is never held back by the ratio);
 * 4. otherwise the highest weighted wait ((seconds waited + 1) x queue weight: the extra second lets a
 *    ticket issued this very second carry its weight), ties to the earlier ticket.
 * Returns null when nothing this counter serves is waiting.
 */
export function chooseNextTicket(
  counter: CallingCounter,
  candidates: readonly CallCandidate[],
  policy: CallPolicy,
  now: Date,
): CallDecision | null {
  const weights = new Map(counter.queues.map((entry) => [entry.queue, entry.weight]));
  // A customer who stepped away keeps their place but is not called again while on hold.
  const present = candidates.filter((ticket) => !ticket.holdUntil || ticket.holdUntil <= now);
  const directed = present.filter((ticket) => ticket.targetCounterId === counter.id);
  if (directed.length > 0) {
    return { ticketId: oldest(directed).id, reason: 'directed', priorityStreak: counter.priorityStreak };
  }
  const eligible = present.filter((ticket) => ticket.targetCounterId === null && weights.has(ticket.queue));
  if (eligible.length === 0) return null;

  const normal = eligible.filter((ticket) => ticket.priority === 'normal');
  const queuesWithNormal = new Set(normal.map((ticket) => ticket.queue));
  // A priority call "passes" somebody only when a normal ticket waits in the same queue.
  const passesNormal = (ticket: CallCandidate) => ticket.priority !== 'normal' && queuesWithNormal.has(ticket.queue);
  const streakAfter = (ticket: CallCandidate) =>
    passesNormal(ticket) ? counter.priorityStreak + 1 : ticket.priority === 'normal' ? 0 : counter.priorityStreak;
  const decide = (ticket: CallCandidate, reason: CallReason): CallDecision => ({
    ticketId: ticket.id,
    reason,
    priorityStreak: streakAfter(ticket),
  });

  const waitSeconds = (ticket: CallCandidate) => (now.getTime() - ticket.queuedAt.getTime()) / 1000;
  const starving = eligible.filter((ticket) => waitSeconds(ticket) >= policy.agingMinutes * 60);
  if (starving.length > 0) return decide(oldest(starving), 'aging');

  const ratioReached = policy.maxPriorityInRow !== null && counter.priorityStreak >= policy.maxPriorityInRow;
  const prioritised = eligible.filter(
    (ticket) => ticket.priority !== 'normal' && !(ratioReached && passesNormal(ticket)),
  );
  if (prioritised.length > 0) {
    const topRank = Math.min(...prioritised.map((ticket) => PRIORITY_RANK[ticket.priority]));
    const top = prioritised.filter((candidate) => PRIORITY_RANK[candidate.priority] === topRank);
    return decide(heaviest(top, weights, now), 'priority');
  }
  return decide(heaviest(normal, weights, now), 'weighted-wait');
}

function oldest(tickets: readonly CallCandidate[]): CallCandidate {
  return [...tickets].sort(compareQueuePlace)[0];
}

function heaviest(tickets: readonly CallCandidate[], weights: Map<string, number>, now: Date): CallCandidate {
  // One second of headroom so that a ticket issued this very second still carries its queue weight.
  const score = (ticket: CallCandidate) =>
    ((now.getTime() - ticket.queuedAt.getTime()) / 1000 + 1) * (weights.get(ticket.queue) ?? 1);
  return [...tickets].sort((a, b) => score(b) - score(a) || compareQueuePlace(a, b))[0];
}

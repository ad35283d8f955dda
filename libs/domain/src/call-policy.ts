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
 * 1. a ticket transferred to this very counter;
 * 2. any ticket waiting longer than the aging bound, oldest first: nobody starves;
 * 3. VIP, then priority customers, while fewer than `maxPriorityInRow` such calls ran in a row with
 *    normal tickets waiting;
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
  const directed = candidates.filter((ticket) => ticket.targetCounterId === counter.id);
  if (directed.length > 0) {
    return { ticketId: oldest(directed).id, reason: 'directed', priorityStreak: counter.priorityStreak };
  }
  const eligible = candidates.filter((ticket) => ticket.targetCounterId === null && weights.has(ticket.queue));
  if (eligible.length === 0) return null;

  const hasNormal = eligible.some((ticket) => ticket.priority === 'normal');
  const waitSeconds = (ticket: CallCandidate) => (now.getTime() - ticket.queuedAt.getTime()) / 1000;
  const streakAfter = (ticket: CallCandidate) =>
    ticket.priority !== 'normal' && hasNormal ? counter.priorityStreak + 1 : 0;

  const starving = eligible.filter((ticket) => waitSeconds(ticket) >= policy.agingMinutes * 60);
  if (starving.length > 0) {
    const ticket = oldest(starving);
    return { ticketId: ticket.id, reason: 'aging', priorityStreak: streakAfter(ticket) };
  }

  const prioritised = eligible.filter((ticket) => ticket.priority !== 'normal');
  const streakAllows = policy.maxPriorityInRow === null || counter.priorityStreak < policy.maxPriorityInRow;
  if (prioritised.length > 0 && (!hasNormal || streakAllows)) {
    const topRank = Math.min(...prioritised.map((ticket) => PRIORITY_RANK[ticket.priority]));
    const ticket = heaviest(
      prioritised.filter((candidate) => PRIORITY_RANK[candidate.priority] === topRank),
      weights,
      now,
    );
    return { ticketId: ticket.id, reason: 'priority', priorityStreak: streakAfter(ticket) };
  }

  const normal = eligible.filter((ticket) => ticket.priority === 'normal');
  return { ticketId: heaviest(normal, weights, now).id, reason: 'weighted-wait', priorityStreak: 0 };
}

const earlier = compareQueuePlace;

function oldest(tickets: readonly CallCandidate[]): CallCandidate {
  return [...tickets].sort(earlier)[0];
}

function heaviest(tickets: readonly CallCandidate[], weights: Map<string, number>, now: Date): CallCandidate {
  // One second of headroom so that a ticket issued this very second still carries its queue weight.
  const score = (ticket: CallCandidate) =>
    ((now.getTime() - ticket.queuedAt.getTime()) / 1000 + 1) * (weights.get(ticket.queue) ?? 1);
  return [...tickets].sort((a, b) => score(b) - score(a) || earlier(a, b))[0];
}

import { type CallCandidate, chooseNextTicket } from './call-policy';
import type { CallPolicy } from './rules';

/**
 * LobbyFlow's wait prediction (issue #7). The simple estimator divides the people ahead by the counters
 * that serve a queue; it ignores that a counter shares its time with other queues by weight, that VIP and
 * priority customers go first, that a counter in the middle of a long service is not free, and how long
 * services take today. This predictor replays the branch's own call policy forward in time over every
 * waiting ticket, with each counter free when its current service is expected to end and each ticket
 * taking the service time observed recently for its business. The result is the minute each waiting
 * ticket is expected to be called.
 */

/** A counter as the prediction sees it: open counters only (paused and closed ones serve nobody). */
export interface PredictionCounter {
  id: string;
  queues: { queue: string; weight: number }[];
  priorityStreak: number;
  /** Minutes until the counter is expected to be free (0 when idle). */
  busyForMinutes: number;
}

/** A waiting ticket and the minutes its service is expected to take. */
export interface PredictionTicket extends CallCandidate {
  expectedServiceMinutes: number;
}

/**
 * Minutes from `now` until each waiting ticket is expected to be called. A ticket no open counter
 * serves is missing from the result: the caller falls back to the simple estimate.
 */
export function predictCallMinutes(
  counters: readonly PredictionCounter[],
  waiting: readonly PredictionTicket[],
  policy: CallPolicy,
  now: Date,
): Map<string, number> {
  const result = new Map<string, number>();
  const remaining = new Map(waiting.map((ticket) => [ticket.id, ticket]));
  const free = counters.map((counter) => ({
    counter: { ...counter },
    at: now.getTime() + Math.max(0, counter.busyForMinutes) * 60_000,
  }));
  // Each step gives the counter that frees first the ticket its policy would call then.
  while (remaining.size > 0 && free.length > 0) {
    free.sort((a, b) => a.at - b.at || a.counter.id.localeCompare(b.counter.id));
    const next = free[0];
    const decision = chooseNextTicket(next.counter, [...remaining.values()], policy, new Date(next.at));
    if (!decision) {
      // Nothing left that this counter serves: it takes no further part.
      free.shift();
      continue;
    }
    const ticket = remaining.get(decision.ticketId) as PredictionTicket;
    remaining.delete(ticket.id);
    result.set(ticket.id, (next.at - now.getTime()) / 60_000);
    next.counter.priorityStreak = decision.priorityStreak;
    next.at += Math.max(0, ticket.expectedServiceMinutes) * 60_000;
  }
  return result;
}

/** A finished service: how long it took, for which business, and when it ended. */
export interface ServiceSample {
  businessType: string;
  minutes: number;
  endedAt: Date;
}

/** How much a business's configured typical time counts, in samples, against today's observations. */
export const TYPICAL_TIME_PRIOR_SAMPLES = 3;
/** Services older than this no longer describe how the hall is working now. */
export const RECENT_SERVICE_WINDOW_MINUTES = 120;

/**
 * Expected service minutes of a business now: the recent services of that business (within the window)
 * averaged with the configured typical time counted as a few samples, so that one quick service does not
 * swing the estimate and a slow morning shows after a handful of customers.
 */
export function expectedServiceMinutes(
  businessType: string,
  typicalMinutes: number,
  samples: readonly ServiceSample[],
  now: Date,
): number {
  const since = now.getTime() - RECENT_SERVICE_WINDOW_MINUTES * 60_000;
  const recent = samples.filter(
    (sample) => sample.businessType === businessType && sample.endedAt.getTime() >= since && sample.minutes >= 0,
  );
  const total = recent.reduce((sum, sample) => sum + sample.minutes, 0);
  return (total + typicalMinutes * TYPICAL_TIME_PRIOR_SAMPLES) / (recent.length + TYPICAL_TIME_PRIOR_SAMPLES);
}

/**
 * Minutes a counter still needs for the customer at it: the expected service time less what has passed,
 * but never less than a quarter of it (a service running late is, on average, not about to end).
 */
export function remainingServiceMinutes(expectedMinutes: number, elapsedMinutes: number): number {
  return Math.max(expectedMinutes - elapsedMinutes, expectedMinutes * 0.25);
}

import type { PriorityClass } from '@lobbyflow/contracts';
import { chooseNextTicket } from '../call-policy';
import type { CallPolicy } from '../rules';
import { ticketsAhead } from '../wait-estimate';
import {
  expectedServiceMinutes,
  predictCallMinutes,
  type PredictionCounter,
  remainingServiceMinutes,
  type ServiceSample,
} from '../wait-prediction';
import { type DayProfile, monthFactor, PRIORITY_SHARE, VIP_SHARE } from './day-profiles';
import { lognormal, pickWeighted, poissonArrivals, type Random, seededRandom } from './random';

/** A business as the simulation draws it: where it queues, its share of arrivals, its service time. */
export interface SimBusiness {
  code: string;
  queue: string;
  share: number;
  /** The configured typical minutes: what the branch believes, and the mean of the simulated times. */
  typicalMinutes: number;
}

export interface SimCounter {
  code: string;
  queues: { queue: string; weight: number }[];
}

/** The branch being simulated: built from its configuration (see the server's simulation adapter). */
export interface SimBranch {
  businesses: SimBusiness[];
  counters: SimCounter[];
  policy: CallPolicy;
  /** Where known VIPs queue instead of their business's queue (the VIP counter), if the branch has one. */
  vipQueue: string | null;
  /** Queues whose VIP customers go to `vipQueue` (the branch's VIP routing). */
  vipFromQueues: string[];
}

export interface SimOptions {
  seed: number;
  /** Day of the month: mid-month days are busier. */
  dayOfMonth?: number;
  /** Spread of service times (lognormal shape); 0.5 makes the slowest tenth about twice the median. */
  serviceSigma?: number;
  /** Scales every arrival rate (what-if runs). */
  arrivalFactor?: number;
}

/** One simulated customer: when they came, when they were called, and what each estimator told them. */
export interface SimTicket {
  id: string;
  queue: string;
  businessType: string;
  priority: PriorityClass;
  arrivedAt: number;
  calledAt: number;
  counter: string;
  serviceMinutes: number;
  /** Minutes each estimator predicted at issue. */
  predicted: { lobbyflow: number; simple: number };
}

export interface SimDay {
  profile: string;
  seed: number;
  tickets: SimTicket[];
}

interface Waiting {
  id: string;
  number: string;
  queue: string;
  businessType: string;
  priority: PriorityClass;
  queuedAt: Date;
  targetCounterId: null;
  arrivedAt: number;
  predicted: SimTicket['predicted'];
}

interface CounterState extends SimCounter {
  id: string;
  priorityStreak: number;
  busyUntil: number | null;
  serving: { businessType: string; startedAt: number } | null;
}

/** Minutes of the simulated day as instants (the call policy works on Dates). */
const DAY_ZERO = Date.UTC(2026, 0, 1);
const instant = (minute: number) => new Date(DAY_ZERO + minute * 60_000);

/**
 * Runs one branch day in virtual time: arrivals from the profile (time-varying Poisson), businesses by
 * share, service times lognormal around each business's typical time, counters calling next with the
 * branch's own call policy (and closing when the profile says), nobody leaving early. At each arrival
 * both estimators predict the wait from what the branch could know then: the simple one (people ahead x
 * typical time / counters serving the queue) and LobbyFlow's (predictCallMinutes).
 */
export function simulateDay(branch: SimBranch, profile: DayProfile, options: SimOptions): SimDay {
  const random = seededRandom(options.seed);
  const sigma = options.serviceSigma ?? 0.5;
  const factor = (options.arrivalFactor ?? 1) * monthFactor(options.dayOfMonth ?? 8);
  const rate = (minute: number) => (profile.arrivalsPerHour(minute) * factor) / 60;
  const peak = maxRate(rate, profile.opensAt, profile.closesAt);
  const arrivals = poissonArrivals(random, rate, profile.opensAt, profile.closesAt, peak);

  const counters: CounterState[] = branch.counters.map((counter) => ({
    ...counter,
    id: counter.code,
    priorityStreak: 0,
    busyUntil: null,
    serving: null,
  }));
  const typical = new Map(branch.businesses.map((business) => [business.code, business.typicalMinutes]));
  const waiting: Waiting[] = [];
  const samples: ServiceSample[] = [];
  const done: SimTicket[] = [];
  const numbers = new Map<string, number>();
  const isOpen = (counter: CounterState, minute: number) =>
    !profile.closures.some(
      (closure) => closure.counter === counter.code && minute >= closure.from && minute < closure.to,
    );

  const dispatch = (minute: number) => {
    for (const counter of counters) {
      if (counter.busyUntil !== null || !isOpen(counter, minute)) continue;
      const decision = chooseNextTicket(counter, waiting, branch.policy, instant(minute));
      if (!decision) continue;
      const index = waiting.findIndex((ticket) => ticket.id === decision.ticketId);
      const [ticket] = waiting.splice(index, 1);
      const serviceMinutes = lognormal(random, typical.get(ticket.businessType) ?? 5, sigma);
      counter.priorityStreak = decision.priorityStreak;
      counter.busyUntil = minute + serviceMinutes;
      counter.serving = { businessType: ticket.businessType, startedAt: minute };
      done.push({
        id: ticket.id,
        queue: ticket.queue,
        businessType: ticket.businessType,
        priority: ticket.priority,
        arrivedAt: ticket.arrivedAt,
        calledAt: minute,
        counter: counter.code,
        serviceMinutes,
        predicted: ticket.predicted,
      });
    }
  };

  const predict = (ticket: Waiting, minute: number): SimTicket['predicted'] => {
    const now = instant(minute);
    const open = counters.filter((counter) => isOpen(counter, minute));
    const expected = (businessType: string) =>
      expectedServiceMinutes(businessType, typical.get(businessType) ?? 5, samples, now);
    const predictionCounters: PredictionCounter[] = open.map((counter) => ({
      id: counter.id,
      queues: counter.queues,
      priorityStreak: counter.priorityStreak,
      busyForMinutes: counter.serving
        ? remainingServiceMinutes(expected(counter.serving.businessType), minute - counter.serving.startedAt)
        : 0,
    }));
    const lobbyflow = predictCallMinutes(
      predictionCounters,
      waiting.map((other) => ({ ...other, expectedServiceMinutes: expected(other.businessType) })),
      branch.policy,
      now,
    ).get(ticket.id);
    const inQueue = waiting.filter((other) => other.queue === ticket.queue);
    const simple = simpleEstimate(
      ticketsAhead(ticket, inQueue),
      open.filter((counter) => counter.queues.some((served) => served.queue === ticket.queue)).length,
      inQueue.reduce((sum, other) => sum + (typical.get(other.businessType) ?? 5), 0) / inQueue.length,
    );
    return { lobbyflow: lobbyflow ?? simple, simple };
  };

  // The day's events in time order: arrivals, service ends, and the moments closed counters reopen.
  let clock = -Infinity;
  let nextArrival = 0;
  for (;;) {
    const candidates = [
      ...(nextArrival < arrivals.length ? [arrivals[nextArrival]] : []),
      ...counters.flatMap((counter) => (counter.busyUntil !== null ? [counter.busyUntil] : [])),
      ...(waiting.length > 0 ? profile.closures.map((closure) => closure.to).filter((minute) => minute > clock) : []),
    ];
    // Done when nothing more can happen (a ticket no open counter serves would wait for ever: left out).
    if (candidates.length === 0) break;
    const minute = Math.min(...candidates);
    clock = minute;
    for (const counter of counters) {
      if (counter.busyUntil === null || counter.busyUntil > minute || !counter.serving) continue;
      samples.push({
        businessType: counter.serving.businessType,
        minutes: counter.busyUntil - counter.serving.startedAt,
        endedAt: instant(counter.busyUntil),
      });
      counter.busyUntil = null;
      counter.serving = null;
    }
    if (nextArrival < arrivals.length && arrivals[nextArrival] === minute) {
      nextArrival += 1;
      const ticket = arrive(random, branch, numbers, minute);
      waiting.push(ticket);
      ticket.predicted = predict(ticket, minute);
    }
    dispatch(minute);
  }
  return { profile: profile.name, seed: options.seed, tickets: done.sort((a, b) => a.arrivedAt - b.arrivedAt) };
}

/** The simple estimator (the baseline to beat): people ahead x typical minutes / counters serving. */
export function simpleEstimate(ahead: number, servingCounters: number, serviceMinutes: number): number {
  if (ahead <= 0) return 0;
  return (ahead * serviceMinutes) / Math.max(1, servingCounters);
}

function arrive(random: Random, branch: SimBranch, numbers: Map<string, number>, minute: number): Waiting {
  const business = pickWeighted(random, branch.businesses, (candidate) => candidate.share);
  const draw = random();
  const priority: PriorityClass = draw < VIP_SHARE ? 'vip' : draw < VIP_SHARE + PRIORITY_SHARE ? 'priority' : 'normal';
  // Known VIPs of counter business go to the VIP counter, as the branch's VIP routing sends them.
  const queue =
    priority === 'vip' && branch.vipQueue && branch.vipFromQueues.includes(business.queue)
      ? branch.vipQueue
      : business.queue;
  const number = (numbers.get(queue) ?? 0) + 1;
  numbers.set(queue, number);
  const label = `${queue}${String(number).padStart(3, '0')}`;
  return {
    id: label,
    number: label,
    queue,
    businessType: business.code,
    priority,
    queuedAt: instant(minute),
    targetCounterId: null,
    arrivedAt: minute,
    predicted: { lobbyflow: 0, simple: 0 },
  };
}

function maxRate(rate: (minute: number) => number, from: number, to: number): number {
  let peak = 0;
  for (let minute = from; minute <= to; minute += 1) peak = Math.max(peak, rate(minute));
  return peak * 1.01;
}

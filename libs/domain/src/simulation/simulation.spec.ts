import { accuracyOf, percentile } from './accuracy';
import { DAY_PROFILES } from './day-profiles';
import { countersForServiceLevel, erlangC, shareWithin } from './erlang-c';
import { lognormal, poissonArrivals, seededRandom } from './random';
import { type SimBranch, simulateDay } from './simulate-day';
import { countersNeeded } from './staffing';

/** A small branch like the demo: cash, non-cash, VIP and corporate queues on shared counters. */
const branch: SimBranch = {
  businesses: [
    { code: 'cash-deposit', queue: 'A', share: 0.4, typicalMinutes: 4 },
    { code: 'transfer', queue: 'B', share: 0.25, typicalMinutes: 6 },
    { code: 'card-service', queue: 'B', share: 0.2, typicalMinutes: 8 },
    { code: 'corporate', queue: 'C', share: 0.15, typicalMinutes: 15 },
  ],
  counters: [
    {
      code: '1',
      queues: [
        { queue: 'A', weight: 2 },
        { queue: 'V', weight: 1 },
      ],
    },
    { code: '2', queues: [{ queue: 'A', weight: 1 }] },
    {
      code: '3',
      queues: [
        { queue: 'A', weight: 2 },
        { queue: 'B', weight: 1 },
      ],
    },
    { code: '4', queues: [{ queue: 'B', weight: 1 }] },
    {
      code: '5',
      queues: [
        { queue: 'V', weight: 3 },
        { queue: 'B', weight: 1 },
      ],
    },
    {
      code: '6',
      queues: [
        { queue: 'C', weight: 3 },
        { queue: 'A', weight: 1 },
      ],
    },
  ],
  policy: { maxPriorityInRow: 2, agingMinutes: 45 },
  vipQueue: 'V',
  vipFromQueues: ['A', 'B'],
};

describe('simulated days', () => {
  it('replays the same day for the same seed and calls every customer exactly once, never before arrival', () => {
    const day = simulateDay(branch, DAY_PROFILES.steady, { seed: 7 });
    expect(simulateDay(branch, DAY_PROFILES.steady, { seed: 7 })).toEqual(day);
    expect(day.tickets.length).toBeGreaterThan(300);
    expect(new Set(day.tickets.map((ticket) => ticket.id)).size).toBe(day.tickets.length);
    for (const ticket of day.tickets) expect(ticket.calledAt).toBeGreaterThanOrEqual(ticket.arrivedAt);
  });

  it('closes the lunch counters: nobody is called at counters 2 and 4 between 12:00 and 13:30', () => {
    const day = simulateDay(branch, DAY_PROFILES.lunch, { seed: 3 });
    const atLunch = day.tickets.filter(
      (ticket) => ['2', '4'].includes(ticket.counter) && ticket.calledAt >= 720 && ticket.calledAt < 810,
    );
    expect(atLunch).toEqual([]);
  });

  it.each(['steady', 'surge', 'lunch'])(
    'predicts the waits of a %s day better than people ahead x time / counters (five seeded days)',
    (profile) => {
      const tickets = [1, 2, 3, 4, 5].flatMap((seed) => simulateDay(branch, DAY_PROFILES[profile], { seed }).tickets);
      const report = accuracyOf(tickets);
      expect(report.lobbyflow.mae).toBeLessThan(report.simple.mae);
      expect(report.lobbyflow.p90).toBeLessThan(report.simple.p90);
    },
  );
});

describe('randomness', () => {
  it('keeps the mean of a lognormal service time and the rate of Poisson arrivals', () => {
    const random = seededRandom(1);
    const draws = Array.from({ length: 20000 }, () => lognormal(random, 4, 0.5));
    expect(draws.reduce((sum, value) => sum + value, 0) / draws.length).toBeCloseTo(4, 1);
    const arrivals = poissonArrivals(seededRandom(2), () => 1, 0, 10000, 1);
    expect(arrivals.length / 10000).toBeCloseTo(1, 1);
  });
});

describe('Erlang C and the staffing what-if', () => {
  it('matches textbook values', () => {
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 10);
    expect(erlangC(1, 0.5)).toBeCloseTo(0.5, 10);
    expect(shareWithin(2, 1, 1, 0)).toBeCloseTo(2 / 3, 10);
    expect(countersForServiceLevel(1, 5, 10, 0.9)).toBeGreaterThanOrEqual(6);
  });

  it('finds the counters that call 90% within 10 minutes, and compares with Erlang C', () => {
    const answer = countersNeeded(DAY_PROFILES.surge, branch.businesses, branch.policy, {
      minutes: 10,
      target: 0.9,
      seeds: [1, 2],
    });
    expect(answer.simulated).toBeGreaterThan(0);
    const reached = answer.shares.find((entry) => entry.counters === answer.simulated);
    expect(reached?.share).toBeGreaterThanOrEqual(0.9);
    // A surge needs more counters than the day's average load suggests.
    expect(answer.simulated).toBeGreaterThan(answer.erlangAtMean);
  });

  it('takes nearest-rank percentiles', () => {
    expect(percentile([5, 1, 3, 2, 4], 90)).toBe(5);
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
    expect(percentile([], 90)).toBe(0);
  });
});

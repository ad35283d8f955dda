import type { CallPolicy } from './rules';
import {
  expectedServiceMinutes,
  predictCallMinutes,
  type PredictionCounter,
  type PredictionTicket,
  remainingServiceMinutes,
} from './wait-prediction';

const policy: CallPolicy = { maxPriorityInRow: 2, agingMinutes: 60 };
const now = new Date('2026-11-23T02:00:00Z');
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

function ticket(id: string, queue: string, waited: number, extra: Partial<PredictionTicket> = {}): PredictionTicket {
  return {
    id,
    number: id,
    queue,
    priority: 'normal',
    queuedAt: minutesAgo(waited),
    targetCounterId: null,
    expectedServiceMinutes: 4,
    ...extra,
  };
}

const counter = (id: string, queues: [string, number][], busyForMinutes = 0): PredictionCounter => ({
  id,
  queues: queues.map(([queue, weight]) => ({ queue, weight })),
  priorityStreak: 0,
  busyForMinutes,
});

describe('predictCallMinutes', () => {
  it('calls a line one service after another at a single counter', () => {
    const predicted = predictCallMinutes(
      [counter('1', [['A', 1]])],
      [ticket('a1', 'A', 3), ticket('a2', 'A', 2), ticket('a3', 'A', 1)],
      policy,
      now,
    );
    expect([...predicted.entries()]).toEqual([
      ['a1', 0],
      ['a2', 4],
      ['a3', 8],
    ]);
  });

  it('waits for a busy counter to finish its current customer', () => {
    const predicted = predictCallMinutes([counter('1', [['A', 1]], 2.5)], [ticket('a1', 'A', 1)], policy, now);
    expect(predicted.get('a1')).toBe(2.5);
  });

  it("lets a VIP go first and shares a counter between queues by the branch's call policy", () => {
    const counters = [
      counter('1', [
        ['A', 2],
        ['V', 1],
      ]),
      counter('2', [['A', 1]], 1),
    ];
    const waiting = [ticket('a1', 'A', 5), ticket('a2', 'A', 4), ticket('v1', 'V', 0, { priority: 'vip' })];
    const predicted = predictCallMinutes(counters, waiting, policy, now);
    expect(predicted.get('v1')).toBe(0); // counter 1 is free and VIPs go first
    expect(predicted.get('a1')).toBe(1); // counter 2 frees in a minute
    expect(predicted.get('a2')).toBe(4); // counter 1 again, after the VIP's 4 minutes
  });

  it('leaves out a ticket no open counter serves, and honours a transfer to one counter', () => {
    const waiting = [ticket('c1', 'C', 10), ticket('a1', 'A', 1, { targetCounterId: '2' })];
    const predicted = predictCallMinutes([counter('1', [['A', 1]]), counter('2', [['B', 1]], 3)], waiting, policy, now);
    expect(predicted.has('c1')).toBe(false);
    expect(predicted.get('a1')).toBe(3);
  });
});

describe('expectedServiceMinutes', () => {
  const sample = (minutes: number, endedMinutesAgo: number, businessType = 'cash-deposit') => ({
    businessType,
    minutes,
    endedAt: minutesAgo(endedMinutesAgo),
  });

  it('starts from the typical time and moves towards what the day shows', () => {
    expect(expectedServiceMinutes('cash-deposit', 4, [], now)).toBe(4);
    expect(expectedServiceMinutes('cash-deposit', 4, [sample(1, 5), sample(1, 10), sample(1, 20)], now)).toBe(2.5);
    expect(expectedServiceMinutes('cash-deposit', 4, [sample(10, 5)], now)).toBe(5.5);
  });

  it('ignores other businesses and services older than two hours', () => {
    expect(expectedServiceMinutes('cash-deposit', 4, [sample(1, 121), sample(1, 5, 'fx')], now)).toBe(4);
  });
});

describe('remainingServiceMinutes', () => {
  it('is what the expected time has left, but at least a quarter of it for a service running late', () => {
    expect(remainingServiceMinutes(4, 1)).toBe(3);
    expect(remainingServiceMinutes(4, 10)).toBe(1);
  });
});

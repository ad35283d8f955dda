import type { PriorityClass } from '@lobbyflow/contracts';
import { chooseNextTicket, type CallCandidate, type CallDecision, type CallingCounter } from './call-policy';
import type { CallPolicy } from './rules';

const t0 = Date.parse('2026-11-24T01:00:00Z');
const now = new Date(t0 + 3600_000);
const secondsAgo = (seconds: number, from: Date = now) => new Date(from.getTime() - seconds * 1000);

const policy: CallPolicy = { maxPriorityInRow: 2, agingMinutes: 30 };

function candidate(
  number: string,
  priority: PriorityClass,
  queuedAt: Date,
  extra: Partial<CallCandidate> = {},
): CallCandidate {
  return { id: number, number, queue: number.charAt(0), priority, queuedAt, targetCounterId: null, ...extra };
}

function counter(queues: Record<string, number>, extra: Partial<CallingCounter> = {}): CallingCounter {
  return {
    id: 'counter-1',
    queues: Object.entries(queues).map(([queue, weight]) => ({ queue, weight })),
    priorityStreak: 0,
    ...extra,
  };
}

/**
 * Runs `calls` call-next decisions at one counter the way the server does: stores the returned streak,
 * removes the called ticket, lets `arrive` add tickets and moves the clock on by `stepSeconds`.
 */
function simulate(options: {
  counter: CallingCounter;
  waiting: CallCandidate[];
  policy: CallPolicy;
  calls: number;
  start?: Date;
  stepSeconds?: number;
  arrive?: (call: number, at: Date) => CallCandidate[];
  onDecision?: (decision: CallDecision, waiting: readonly CallCandidate[], at: Date) => void;
}): CallCandidate[] {
  let streak = options.counter.priorityStreak;
  let waiting = [...options.waiting];
  let at = options.start ?? now;
  const called: CallCandidate[] = [];
  for (let call = 0; call < options.calls; call++) {
    waiting.push(...(options.arrive?.(call, at) ?? []));
    const callAt = at;
    // One call per step; an idle counter (nothing waiting) just lets the clock run on.
    at = new Date(at.getTime() + (options.stepSeconds ?? 60) * 1000);
    const decision = chooseNextTicket({ ...options.counter, priorityStreak: streak }, waiting, options.policy, callAt);
    if (!decision) continue;
    options.onDecision?.(decision, waiting, callAt);
    const ticket = waiting.find((candidate) => candidate.id === decision.ticketId);
    if (!ticket) throw new Error(`decision named ${decision.ticketId}, which is not waiting`);
    called.push(ticket);
    waiting = waiting.filter((candidate) => candidate !== ticket);
    streak = decision.priorityStreak;
  }
  return called;
}

describe('chooseNextTicket: nothing to call', () => {
  it('returns null when nothing waits', () => {
    expect(chooseNextTicket(counter({ A: 1 }), [], policy, now)).toBeNull();
  });

  it('returns null for a counter that serves no queue', () => {
    const waiting = [candidate('A001', 'normal', secondsAgo(600)), candidate('A002', 'vip', secondsAgo(60))];
    expect(chooseNextTicket(counter({}), waiting, policy, now)).toBeNull();
  });

  it('returns null when only queues the counter does not serve have tickets', () => {
    const waiting = [candidate('B001', 'vip', secondsAgo(3000)), candidate('C001', 'normal', secondsAgo(60))];
    expect(chooseNextTicket(counter({ A: 1 }), waiting, policy, now)).toBeNull();
  });
});

describe('chooseNextTicket: queues the counter does not serve', () => {
  it('ignores older, higher-class and aged tickets in other queues', () => {
    const waiting = [
      candidate('B001', 'vip', secondsAgo(60)),
      candidate('C001', 'normal', secondsAgo(7200)),
      candidate('A001', 'normal', secondsAgo(30)),
    ];
    expect(chooseNextTicket(counter({ A: 1 }), waiting, policy, now)).toEqual({
      ticketId: 'A001',
      reason: 'weighted-wait',
      priorityStreak: 0,
    });
  });
});

describe('chooseNextTicket: weighted wait', () => {
  const twoQueues = counter({ A: 1, B: 3 });

  it('prefers a weight-3 queue over an older weight-1 ticket when 3 x wait is larger', () => {
    const waiting = [candidate('A001', 'normal', secondsAgo(250)), candidate('B001', 'normal', secondsAgo(100))];
    expect(chooseNextTicket(twoQueues, waiting, policy, now)).toMatchObject({
      ticketId: 'B001',
      reason: 'weighted-wait',
    });
  });

  it('prefers the older weight-1 ticket when its wait outweighs 3 x the other', () => {
    const waiting = [candidate('A001', 'normal', secondsAgo(400)), candidate('B001', 'normal', secondsAgo(100))];
    expect(chooseNextTicket(twoQueues, waiting, policy, now)?.ticketId).toBe('A001');
  });

  it('breaks a tie in weighted wait towards the earlier ticket', () => {
    // Weighted waits are equal (with the one second of headroom: 3 x 11 = 1 x 33).
    const waiting = [candidate('B001', 'normal', secondsAgo(10)), candidate('A001', 'normal', secondsAgo(32))];
    expect(chooseNextTicket(twoQueues, waiting, policy, now)?.ticketId).toBe('A001');
    expect(chooseNextTicket(twoQueues, [...waiting].reverse(), policy, now)?.ticketId).toBe('A001');
  });

  it('breaks a tie between tickets queued at the same instant by number', () => {
    const same = secondsAgo(120);
    const waiting = [candidate('A002', 'normal', same), candidate('A001', 'normal', same)];
    expect(chooseNextTicket(counter({ A: 1 }), waiting, policy, now)?.ticketId).toBe('A001');
  });

  it('lets a ticket issued this very instant carry its queue weight', () => {
    const waiting = [candidate('A001', 'normal', now), candidate('B001', 'normal', now)];
    expect(chooseNextTicket(twoQueues, waiting, policy, now)?.ticketId).toBe('B001');
  });

  it('calls the oldest ticket first within one queue', () => {
    const waiting = [
      candidate('A003', 'normal', secondsAgo(60)),
      candidate('A001', 'normal', secondsAgo(300)),
      candidate('A002', 'normal', secondsAgo(120)),
    ];
    const order = simulate({ counter: counter({ A: 1 }), waiting, policy, calls: 3, stepSeconds: 0 });
    expect(order.map((ticket) => ticket.number)).toEqual(['A001', 'A002', 'A003']);
  });
});

describe('chooseNextTicket: priority classes', () => {
  it('calls VIP before priority before normal', () => {
    const waiting = [
      candidate('A001', 'normal', secondsAgo(900)),
      candidate('A002', 'priority', secondsAgo(600)),
      candidate('A003', 'vip', secondsAgo(60)),
    ];
    const calls = simulate({
      counter: counter({ A: 1 }),
      waiting,
      policy: { ...policy, maxPriorityInRow: null },
      calls: 3,
    });
    expect(calls.map((ticket) => ticket.priority)).toEqual(['vip', 'priority', 'normal']);
  });

  it('gives the reason priority and counts the streak while normal tickets wait', () => {
    const waiting = [candidate('A001', 'normal', secondsAgo(900)), candidate('A002', 'vip', secondsAgo(60))];
    expect(chooseNextTicket(counter({ A: 1 }, { priorityStreak: 1 }), waiting, policy, now)).toEqual({
      ticketId: 'A002',
      reason: 'priority',
      priorityStreak: 2,
    });
  });

  it('picks the heaviest weighted wait within the top class', () => {
    const waiting = [
      candidate('A001', 'vip', secondsAgo(250)),
      candidate('B001', 'vip', secondsAgo(100)),
      candidate('B002', 'priority', secondsAgo(1000)),
    ];
    expect(chooseNextTicket(counter({ A: 1, B: 3 }), waiting, policy, now)?.ticketId).toBe('B001');
  });

  it('alternates P,P,N,P,P,N with maxPriorityInRow 2 while normal tickets wait', () => {
    let arrivals = 0;
    const calls = simulate({
      counter: counter({ A: 1 }),
      waiting: [
        candidate('A001', 'normal', secondsAgo(300)),
        candidate('A002', 'normal', secondsAgo(240)),
        candidate('A003', 'normal', secondsAgo(180)),
      ],
      policy,
      calls: 6,
      stepSeconds: 30,
      // A stream of priority customers: one new arrival before every call.
      arrive: (_call, at) => [candidate(`A${100 + ++arrivals}`, 'priority', at)],
    });
    expect(calls.map((ticket) => ticket.priority.charAt(0).toUpperCase()).join(',')).toBe('P,P,N,P,P,N');
    expect(calls.filter((ticket) => ticket.priority === 'normal').map((ticket) => ticket.number)).toEqual([
      'A001',
      'A002',
    ]);
  });

  it('returns the streak to store: +1 per priority call, 0 after a normal call', () => {
    const streaks: number[] = [];
    simulate({
      counter: counter({ A: 1 }),
      waiting: [
        candidate('A001', 'normal', secondsAgo(300)),
        candidate('A002', 'normal', secondsAgo(240)),
        candidate('A101', 'priority', secondsAgo(60)),
        candidate('A102', 'priority', secondsAgo(50)),
        candidate('A103', 'priority', secondsAgo(40)),
      ],
      policy,
      calls: 4,
      onDecision: (decision) => streaks.push(decision.priorityStreak),
    });
    expect(streaks).toEqual([1, 2, 0, 1]);
  });

  it('keeps calling priority tickets while no normal ticket waits, leaving the streak as it was', () => {
    const decisions: CallDecision[] = [];
    const calls = simulate({
      counter: counter({ A: 1 }, { priorityStreak: 2 }),
      waiting: ['A101', 'A102', 'A103', 'A104', 'A105'].map((number, index) =>
        candidate(number, index % 2 ? 'vip' : 'priority', secondsAgo(300 - index * 10)),
      ),
      policy,
      calls: 5,
      onDecision: (decision) => decisions.push(decision),
    });
    expect(calls).toHaveLength(5);
    expect(decisions.every((decision) => decision.reason === 'priority' && decision.priorityStreak === 2)).toBe(true);
  });

  it('never holds a VIP queue back for normal tickets of another queue (a VIP counter)', () => {
    const decisions: CallDecision[] = [];
    const calls = simulate({
      counter: counter({ V: 3, B: 1 }, { priorityStreak: 2 }),
      waiting: [
        candidate('B001', 'normal', secondsAgo(600)),
        candidate('V001', 'vip', secondsAgo(60)),
        candidate('V002', 'vip', secondsAgo(50)),
        candidate('V003', 'vip', secondsAgo(40)),
      ],
      policy,
      calls: 4,
      onDecision: (decision) => decisions.push(decision),
    });
    expect(calls.map((ticket) => ticket.number)).toEqual(['V001', 'V002', 'V003', 'B001']);
    expect(decisions.map((decision) => decision.priorityStreak)).toEqual([2, 2, 2, 0]);
  });

  it('calls priority classes always first when maxPriorityInRow is null', () => {
    const priorities = ['A101', 'A102', 'A103', 'A104', 'A105'].map((number, index) =>
      candidate(number, 'priority', secondsAgo(100 - index)),
    );
    const calls = simulate({
      counter: counter({ A: 1 }, { priorityStreak: 50 }),
      waiting: [candidate('A001', 'normal', secondsAgo(600)), ...priorities],
      policy: { ...policy, maxPriorityInRow: null },
      calls: 6,
      stepSeconds: 10,
    });
    expect(calls.map((ticket) => ticket.priority)).toEqual([...Array(5).fill('priority'), 'normal']);
  });

  it('calls a normal ticket first once the streak has reached the limit', () => {
    const waiting = [candidate('A001', 'normal', secondsAgo(60)), candidate('A002', 'vip', secondsAgo(600))];
    expect(chooseNextTicket(counter({ A: 1 }, { priorityStreak: 2 }), waiting, policy, now)).toEqual({
      ticketId: 'A001',
      reason: 'weighted-wait',
      priorityStreak: 0,
    });
  });

  it('never lets priority through with maxPriorityInRow 0 while normal tickets wait', () => {
    const waiting = [candidate('A001', 'normal', secondsAgo(60)), candidate('A002', 'vip', secondsAgo(600))];
    const strict = { ...policy, maxPriorityInRow: 0 };
    expect(chooseNextTicket(counter({ A: 1 }), waiting, strict, now)?.ticketId).toBe('A001');
    expect(chooseNextTicket(counter({ A: 1 }), [waiting[1]], strict, now)?.ticketId).toBe('A002');
  });
});

describe('chooseNextTicket: aging', () => {
  const vips = [candidate('A101', 'vip', secondsAgo(10)), candidate('A102', 'vip', secondsAgo(5))];

  it('calls a normal ticket that has waited agingMinutes before fresh VIPs', () => {
    const waiting = [...vips, candidate('A001', 'normal', secondsAgo(30 * 60))];
    expect(chooseNextTicket(counter({ A: 1 }), waiting, policy, now)).toEqual({
      ticketId: 'A001',
      reason: 'aging',
      priorityStreak: 0,
    });
  });

  it('does not age a ticket one second short of the bound', () => {
    const waiting = [...vips, candidate('A001', 'normal', secondsAgo(30 * 60 - 1))];
    expect(chooseNextTicket(counter({ A: 1 }), waiting, policy, now)).toMatchObject({
      ticketId: 'A101',
      reason: 'priority',
    });
  });

  it('beats queue weight: an aged ticket in a light queue goes before a heavier fresh one', () => {
    const waiting = [
      candidate('A001', 'normal', secondsAgo(31 * 60)),
      candidate('B001', 'normal', secondsAgo(29 * 60)),
    ];
    expect(chooseNextTicket(counter({ A: 1, B: 10 }), waiting, policy, now)).toMatchObject({
      ticketId: 'A001',
      reason: 'aging',
    });
  });

  it('calls the oldest of several aged tickets first', () => {
    const waiting = [
      candidate('B001', 'vip', secondsAgo(40 * 60)),
      candidate('A001', 'normal', secondsAgo(45 * 60)),
      candidate('A002', 'normal', secondsAgo(35 * 60)),
    ];
    expect(chooseNextTicket(counter({ A: 1, B: 5 }), waiting, policy, now)?.ticketId).toBe('A001');
  });

  it('counts an aged VIP call towards the streak while normal tickets wait', () => {
    const waiting = [candidate('A101', 'vip', secondsAgo(40 * 60)), candidate('A001', 'normal', secondsAgo(60))];
    expect(chooseNextTicket(counter({ A: 1 }, { priorityStreak: 1 }), waiting, policy, now)).toEqual({
      ticketId: 'A101',
      reason: 'aging',
      priorityStreak: 2,
    });
  });
});

describe('chooseNextTicket: directed tickets', () => {
  const directed = candidate('X001', 'normal', secondsAgo(30), { targetCounterId: 'counter-1' });

  it('calls a ticket transferred to this counter first, even from a queue it does not serve', () => {
    const waiting = [
      candidate('A001', 'vip', secondsAgo(600)),
      candidate('A002', 'normal', secondsAgo(60 * 60)),
      directed,
    ];
    expect(chooseNextTicket(counter({ A: 1 }, { priorityStreak: 1 }), waiting, policy, now)).toEqual({
      ticketId: 'X001',
      reason: 'directed',
      priorityStreak: 1,
    });
  });

  it('calls a directed ticket at a counter that serves no queue', () => {
    expect(chooseNextTicket(counter({}), [directed], policy, now)?.ticketId).toBe('X001');
  });

  it('calls the oldest directed ticket first', () => {
    const older = candidate('X000', 'normal', secondsAgo(90), { targetCounterId: 'counter-1' });
    expect(chooseNextTicket(counter({}), [directed, older], policy, now)?.ticketId).toBe('X000');
  });

  it('hides a ticket directed to another counter, even in a served queue and aged', () => {
    const elsewhere = candidate('A001', 'vip', secondsAgo(60 * 60), { targetCounterId: 'counter-2' });
    expect(chooseNextTicket(counter({ A: 1, X: 1 }), [elsewhere], policy, now)).toBeNull();
    const other = counter({ A: 1, X: 1 }, { id: 'counter-2' });
    expect(chooseNextTicket(other, [elsewhere], policy, now)).toMatchObject({ ticketId: 'A001', reason: 'directed' });
  });

  it('is invisible to other counters serving its queue', () => {
    const other = counter({ X: 1 }, { id: 'counter-9' });
    const waiting = [directed, candidate('X002', 'normal', secondsAgo(10))];
    expect(chooseNextTicket(other, waiting, policy, now)?.ticketId).toBe('X002');
    expect(chooseNextTicket(other, [directed], policy, now)).toBeNull();
  });
});

describe('chooseNextTicket: nobody starves', () => {
  const busy = (priorityPolicy: CallPolicy, calls: number, stepSeconds: number) => {
    let arrivals = 0;
    return simulate({
      counter: counter({ A: 1 }),
      waiting: [candidate('A001', 'normal', now)],
      policy: priorityPolicy,
      calls,
      stepSeconds,
      // A new priority customer arrives before every call, so priority tickets never run out.
      arrive: (_call, at) => [candidate(`A${100 + ++arrivals}`, 'priority', at)],
    });
  };
  const positionOf = (called: CallCandidate[], number: string) => called.findIndex((t) => t.number === number) + 1;

  it('calls the old normal ticket within maxPriorityInRow + 1 calls', () => {
    const called = busy({ maxPriorityInRow: 2, agingMinutes: 30 }, 20, 60);
    const position = positionOf(called, 'A001');
    expect(position).toBeGreaterThan(0);
    expect(position).toBeLessThanOrEqual(3);
  });

  it('calls the old normal ticket once it ages even when priority always goes first', () => {
    const stepSeconds = 60;
    const agingMinutes = 10;
    const called = busy({ maxPriorityInRow: null, agingMinutes }, 50, stepSeconds);
    const position = positionOf(called, 'A001');
    // The ticket ages after agingMinutes; one call per step, so it is called at the first call after that.
    expect(position).toBeGreaterThan(0);
    expect(position).toBeLessThanOrEqual(Math.ceil((agingMinutes * 60) / stepSeconds) + 1);
  });

  it('keeps its promises in a random busy hall (seeded)', () => {
    // Small deterministic PRNG (mulberry32) so that a failure reproduces.
    let seed = 20261124;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const hallPolicy: CallPolicy = { maxPriorityInRow: 2, agingMinutes: 15 };
    const classes: PriorityClass[] = ['vip', 'priority', 'priority', 'normal', 'normal', 'normal'];
    let issued = 0;
    let nonNormalInRow = 0;
    const waitsAtCall = new Map<string, number>();
    const reasons = new Set<string>();
    const called = simulate({
      counter: counter({ A: 1, B: 3 }),
      waiting: [candidate('A001', 'normal', now)],
      policy: hallPolicy,
      calls: 400,
      stepSeconds: 90,
      arrive: (_call, at) => {
        // Slightly fewer arrivals than calls on average, so the hall is busy but not overflowing.
        const roll = random();
        const count = roll < 0.55 ? 0 : roll < 0.8 ? 1 : roll < 0.95 ? 2 : 5;
        return Array.from({ length: count }, () => {
          const queue = random() < 0.5 ? 'A' : 'B';
          const priority = classes[Math.floor(random() * classes.length)];
          return candidate(`${queue}${1000 + ++issued}`, priority, secondsAgo(Math.floor(random() * 60), at));
        });
      },
      onDecision: (decision, waiting, at) => {
        const ticket = waiting.find((candidate) => candidate.id === decision.ticketId)!;
        const waitSeconds = (at.getTime() - ticket.queuedAt.getTime()) / 1000;
        waitsAtCall.set(ticket.id, waitSeconds);
        reasons.add(decision.reason);
        const oldest = [...waiting].sort((a, b) => a.queuedAt.getTime() - b.queuedAt.getTime())[0];
        const oldestWait = (at.getTime() - oldest.queuedAt.getTime()) / 1000;
        // Whenever a ticket has aged, the oldest ticket is called.
        if (oldestWait >= hallPolicy.agingMinutes * 60) {
          expect(decision.reason).toBe('aging');
          expect(oldest.queuedAt.getTime()).toBe(ticket.queuedAt.getTime());
        }
        // Priority classes never pass more than maxPriorityInRow times in a row over a normal ticket waiting in
        // their own queue; a normal call resets the count, a priority call passing nobody leaves it.
        const passes =
          ticket.priority !== 'normal' &&
          waiting.some((candidate) => candidate.priority === 'normal' && candidate.queue === ticket.queue);
        nonNormalInRow = passes ? nonNormalInRow + 1 : ticket.priority === 'normal' ? 0 : nonNormalInRow;
        if (decision.reason === 'priority') expect(nonNormalInRow).toBeLessThanOrEqual(2);
        expect(decision.priorityStreak).toBe(nonNormalInRow);
      },
    });
    // The hall is busy enough for every rule to fire, so the checks above were not vacuous.
    expect([...reasons].sort()).toEqual(['aging', 'priority', 'weighted-wait']);
    expect(called.length).toBeGreaterThan(issued * 0.9);
    expect(called[0].number).toBe('A001');
    // Nobody waited more than the aging bound plus a few calls' worth of aged backlog.
    const longest = Math.max(...waitsAtCall.values());
    expect(longest).toBeLessThan(hallPolicy.agingMinutes * 60 + 10 * 90);
  });
});

describe('chooseNextTicket: a customer who stepped away', () => {
  const base = new Date('2026-11-24T02:00:00.000Z');
  const ticket = (id: string, queuedSecondsAgo: number, holdUntil: Date | null = null): CallCandidate => ({
    id,
    number: id,
    queue: 'A',
    priority: 'normal',
    queuedAt: new Date(base.getTime() - queuedSecondsAgo * 1000),
    targetCounterId: null,
    holdUntil,
  });
  const counterA = { id: 'c1', queues: [{ queue: 'A', weight: 1 }], priorityStreak: 0 };
  const policy = { maxPriorityInRow: 2, agingMinutes: 40 };

  it('skips a returned ticket while it is on hold, keeping its place for after', () => {
    const returned = ticket('A001', 600, new Date(base.getTime() + 60_000));
    const next = ticket('A002', 300);
    expect(chooseNextTicket(counterA, [returned, next], policy, base)?.ticketId).toBe('A002');
    const later = new Date(base.getTime() + 60_000);
    expect(chooseNextTicket(counterA, [returned, next], policy, later)?.ticketId).toBe('A001');
  });

  it('answers nothing to call when the only ticket is on hold', () => {
    expect(chooseNextTicket(counterA, [ticket('A001', 600, new Date(base.getTime() + 1000))], policy, base)).toBeNull();
  });
});

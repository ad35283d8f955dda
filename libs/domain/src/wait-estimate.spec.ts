import type { PriorityClass } from '@lobbyflow/contracts';
import { estimateWaitMinutes, ticketsAhead, type QueuedTicket } from './wait-estimate';

const base = Date.parse('2026-11-24T01:00:00Z');
const queued = (id: string, queue: string, priority: PriorityClass, minute: number): QueuedTicket => ({
  id,
  queue,
  priority,
  number: `A${id}`,
  queuedAt: new Date(base + minute * 60_000),
});

describe('ticketsAhead', () => {
  const me = queued('me', 'A', 'normal', 10);

  it('is 0 in an empty hall', () => {
    expect(ticketsAhead(me, [])).toBe(0);
  });

  it('ignores the ticket itself', () => {
    expect(ticketsAhead(me, [me])).toBe(0);
  });

  it('counts earlier tickets of the same class in the same queue', () => {
    const waiting = [queued('a', 'A', 'normal', 1), queued('b', 'A', 'normal', 5), me, queued('c', 'A', 'normal', 11)];
    expect(ticketsAhead(me, waiting)).toBe(2);
  });

  it('counts higher classes in the same queue even when they came later', () => {
    const waiting = [me, queued('p', 'A', 'priority', 20), queued('v', 'A', 'vip', 30)];
    expect(ticketsAhead(me, waiting)).toBe(2);
  });

  it('does not count lower classes that came earlier', () => {
    const vip = queued('me-vip', 'A', 'vip', 10);
    const waiting = [queued('n', 'A', 'normal', 0), queued('p', 'A', 'priority', 0), vip];
    expect(ticketsAhead(vip, waiting)).toBe(0);
  });

  it('ranks priority between vip and normal', () => {
    const priority = queued('me-p', 'A', 'priority', 10);
    const waiting = [queued('v', 'A', 'vip', 20), queued('p', 'A', 'priority', 5), queued('n', 'A', 'normal', 0)];
    expect(ticketsAhead(priority, waiting)).toBe(2);
  });

  it('ignores other queues', () => {
    const waiting = [queued('b1', 'B', 'normal', 0), queued('b2', 'B', 'vip', 0), me];
    expect(ticketsAhead(me, waiting)).toBe(0);
  });

  it('orders same-instant tickets by number, so exactly one of two twins is ahead', () => {
    const first = { ...queued('a', 'A', 'normal', 10), number: 'A009' };
    const second = { ...queued('b', 'A', 'normal', 10), number: 'A010' };
    expect(ticketsAhead(second, [first, second])).toBe(1);
    expect(ticketsAhead(first, [first, second])).toBe(0);
  });

  it('puts A999 before A1000 when they entered together', () => {
    const a999 = { ...queued('x', 'A', 'normal', 10), number: 'A999' };
    const a1000 = { ...queued('y', 'A', 'normal', 10), number: 'A1000' };
    expect(ticketsAhead(a1000, [a999, a1000])).toBe(1);
  });
});

describe('estimateWaitMinutes', () => {
  it('is 0 with nobody ahead, whatever the counters', () => {
    expect(estimateWaitMinutes({ ahead: 0, servingCounters: 0, serviceMinutes: 5 })).toBe(0);
    expect(estimateWaitMinutes({ ahead: 0, servingCounters: 3, serviceMinutes: 5 })).toBe(0);
  });

  it('is people ahead x service time / counters', () => {
    expect(estimateWaitMinutes({ ahead: 6, servingCounters: 2, serviceMinutes: 5 })).toBe(15);
  });

  it('rounds up to whole minutes', () => {
    expect(estimateWaitMinutes({ ahead: 1, servingCounters: 2, serviceMinutes: 5 })).toBe(3);
    expect(estimateWaitMinutes({ ahead: 1, servingCounters: 3, serviceMinutes: 1 })).toBe(1);
    expect(estimateWaitMinutes({ ahead: 3, servingCounters: 2, serviceMinutes: 2.5 })).toBe(4);
  });

  it('treats no open counter as one counter rather than an infinite wait', () => {
    expect(estimateWaitMinutes({ ahead: 4, servingCounters: 0, serviceMinutes: 5 })).toBe(20);
    expect(estimateWaitMinutes({ ahead: 4, servingCounters: 0, serviceMinutes: 5 })).toBe(
      estimateWaitMinutes({ ahead: 4, servingCounters: 1, serviceMinutes: 5 }),
    );
  });

  it('grows with the number of people ahead', () => {
    const waits = [1, 2, 3, 4, 5].map((ahead) => estimateWaitMinutes({ ahead, servingCounters: 2, serviceMinutes: 3 }));
    expect(waits).toEqual([2, 3, 5, 6, 8]);
  });
});

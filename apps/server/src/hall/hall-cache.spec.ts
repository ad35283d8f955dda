import type { EntityManager } from 'typeorm';
import type { BranchEntity } from '../branches/branch.entity';
import { type FigureTicket, HallCache } from './hall-cache';

/** Managers as the cache sees them: one data source, in a transaction or not. */
const connection = {};
const outside = { connection } as unknown as EntityManager;
const transaction = () => ({ connection, queryRunner: { isTransactionActive: true } }) as unknown as EntityManager;

const branch = (ticketRev: number) =>
  ({ id: 'b1', code: 'demo', businessDay: '2026-11-24', ticketRev, configRev: 1 }) as BranchEntity;

const ticket = (id: string, rev: number, status = 'waiting'): FigureTicket =>
  ({
    id,
    number: id,
    queue: 'A',
    priority: 'normal',
    status,
    businessType: 'cash-deposit',
    queuedAt: new Date('2026-11-24T01:00:00Z'),
    holdUntil: null,
    targetCounterId: null,
    counterId: null,
    calledAt: null,
    finishedAt: null,
    rev,
  }) as FigureTicket;

const since = new Date('2026-11-24T00:00:00Z');

describe('HallCache', () => {
  it('holds what a read outside a transaction saw, and brings it up to date from later writes', () => {
    const cache = HallCache.of(outside);
    cache.clear();
    cache.advance(outside, branch(2), null, [ticket('t1', 1), ticket('t2', 2)], since);
    const held = cache.tickets(branch(3), since);
    expect(held?.rev).toBe(2);
    const now = cache.advance(outside, branch(3), held, [ticket('t1', 3, 'cancelled')], since);
    expect([...now.keys()]).toEqual(['t2']);
    expect(cache.tickets(branch(3), since)?.rev).toBe(3);
  });

  it("holds a transaction's tickets only once it has committed, and nothing of one rolled back", () => {
    const cache = HallCache.of(outside);
    cache.clear();
    cache.advance(outside, branch(1), null, [ticket('t1', 1)], since);

    const rolledBack = transaction();
    const seen = cache.advance(rolledBack, branch(1), cache.tickets(branch(1), since), [ticket('t2', 2)], since);
    expect([...seen.keys()]).toEqual(['t1', 't2']);
    // Never committed: what it read stays with it.
    expect(cache.tickets(branch(1), since)?.rev).toBe(1);

    const committed = transaction();
    cache.advance(committed, branch(1), cache.tickets(branch(1), since), [ticket('t3', 2)], since);
    expect(cache.tickets(branch(2), since)?.rev).toBe(1);
    cache.committed(committed);
    expect([...(cache.tickets(branch(2), since)?.tickets.keys() ?? [])]).toEqual(['t1', 't3']);
  });

  it('reads in full when the day changed or its view of the branch is older than what is held', () => {
    const cache = HallCache.of(outside);
    cache.clear();
    cache.advance(outside, branch(5), null, [ticket('t1', 5)], since);
    expect(cache.tickets({ ...branch(5), businessDay: '2026-11-25' } as BranchEntity, since)).toBeNull();
    // A PostgreSQL snapshot taken before revision 5 committed cannot be brought forward from 5.
    expect(cache.tickets(branch(4), since)).toBeNull();
    expect(cache.tickets(branch(5), since)).not.toBeNull();
  });

  it('drops finished tickets too old for the figures in one sweep, once the oldest is ten minutes past', () => {
    const cache = HallCache.of(outside);
    cache.clear();
    const finished = (id: string, rev: number, at: string): FigureTicket => ({
      ...ticket(id, rev, 'done'),
      calledAt: new Date('2026-11-24T01:00:00Z'),
      finishedAt: new Date(at),
    });
    const day = new Date('2026-11-24T01:00:00Z');
    cache.advance(
      outside,
      branch(3),
      null,
      [finished('d1', 1, '2026-11-24T01:05:00Z'), finished('d2', 2, '2026-11-24T01:20:00Z'), ticket('w1', 3)],
      day,
    );
    // d1 finished 5 minutes before the window moved on: still held, the figures skip it.
    const fiveLater = new Date('2026-11-24T01:10:00Z');
    let held = cache.advance(outside, branch(3), cache.tickets(branch(3), day), [ticket('w2', 4)], fiveLater);
    expect([...held.keys()].sort()).toEqual(['d1', 'd2', 'w1', 'w2']);
    // Ten minutes past it, the sweep drops d1 and keeps d2, finished after the window's start.
    const later = new Date('2026-11-24T01:16:00Z');
    held = cache.advance(outside, branch(4), cache.tickets(branch(4), fiveLater), [ticket('w3', 5)], later);
    expect([...held.keys()].sort()).toEqual(['d2', 'w1', 'w2', 'w3']);
  });

  it('gives figures but holds nothing for a branch row read without its revision', () => {
    const cache = HallCache.of(outside);
    cache.clear();
    const partial = { ...branch(0), ticketRev: undefined } as unknown as BranchEntity;
    const now = cache.advance(outside, partial, null, [ticket('t1', 1)], since);
    expect([...now.keys()]).toEqual(['t1']);
    expect(cache.tickets(branch(1), since)).toBeNull();
  });
});

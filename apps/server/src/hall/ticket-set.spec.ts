import type { FigureTicket } from './hall-cache';
import { TicketSet } from './ticket-set';

const ticket = (id: string, status = 'waiting'): FigureTicket => ({ id, status }) as FigureTicket;
const ids = (set: TicketSet) => [...set.keys()].sort();

describe('TicketSet', () => {
  it('makes a new set with rows held or dropped, and leaves the one it came from as it was', () => {
    const first = TicketSet.of([ticket('a'), ticket('b')]);
    const second = first.with([
      ['b', null],
      ['c', ticket('c')],
      ['a', ticket('a', 'called')],
    ]);
    expect(ids(first)).toEqual(['a', 'b']);
    expect(first.get('a')?.status).toBe('waiting');
    expect(ids(second)).toEqual(['a', 'c']);
    expect(second.get('a')?.status).toBe('called');
    expect(second.has('b')).toBe(false);
    expect(second.size).toBe(2);
    // A ticket dropped and held again, and one dropped that was never held, count right.
    const third = second.with([
      ['b', ticket('b', 'serving')],
      ['zz', null],
    ]);
    expect(ids(third)).toEqual(['a', 'b', 'c']);
    expect(third.size).toBe(3);
    expect(ids(second)).toEqual(['a', 'c']);
  });

  it('folds many changes into a new base, with the same tickets as before', () => {
    let set = TicketSet.of([]);
    const sets: TicketSet[] = [];
    for (let index = 0; index < 300; index++) {
      set = set.with([[`t${index}`, ticket(`t${index}`)]]);
      if (index % 3 === 0) set = set.with([[`t${index - 1}`, null]]);
      sets.push(set);
    }
    const expected = Array.from({ length: 300 }, (_, index) => `t${index}`).filter(
      (_, index) => (index + 1) % 3 !== 0 || index === 299,
    );
    expect(ids(set)).toEqual(expected.sort());
    expect(set.size).toBe(expected.length);
    // Every earlier set still holds what it held.
    expect(ids(sets[0])).toEqual(['t0']);
    expect(sets[99].size).toBe([...sets[99].values()].length);
    const visited: string[] = [];
    set.forEach((held) => visited.push(held.id));
    expect(visited.sort()).toEqual(ids(set));
  });

  it('filters into a set of its own', () => {
    const set = TicketSet.of([ticket('a'), ticket('b', 'done')]).with([['c', ticket('c', 'done')]]);
    expect(ids(set.filter((held) => held.status !== 'done'))).toEqual(['a']);
    expect(ids(set)).toEqual(['a', 'b', 'c']);
  });
});

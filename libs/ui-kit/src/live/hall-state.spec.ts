import type { BranchEvent, CounterView, QueueView, StaffTicketView } from '@lobbyflow/contracts';
import { applyHallEvent, type HallState } from './hall-state';

const at = '2026-11-23T01:00:00.000Z';

function ticket(overrides: Partial<StaffTicketView>): StaffTicketView {
  return {
    id: 't1',
    number: 'A001',
    queue: 'A',
    status: 'waiting',
    counter: null,
    counterName: null,
    calledAt: null,
    queuedAt: at,
    businessType: 'cash-deposit',
    destination: 'cash-counter',
    amount: 30000,
    hasCard: false,
    priority: 'normal',
    priorityReason: null,
    signals: [],
    customer: null,
    identification: null,
    adviceOutcome: null,
    issuedAt: at,
    startedAt: null,
    finishedAt: null,
    recallCount: 0,
    counterId: null,
    targetCounterId: null,
    parkedFor: null,
    servedBy: null,
    businessDone: [],
    businessDay: '2026-11-23',
    rating: null,
    ...overrides,
  };
}

const queueA = (waiting: number): QueueView => ({
  code: 'A',
  prefix: 'A',
  name: { zh: '现金业务', en: 'Cash' },
  destination: 'cash-counter',
  waiting,
  estimatedWaitMinutes: waiting * 4,
  longestWaitingSince: waiting ? at : null,
});

const counter1: CounterView = {
  id: 'c1',
  code: '1',
  name: { zh: '1号窗口', en: 'Counter 1' },
  kind: 'cash',
  status: 'open',
  pauseReason: null,
  pausedAt: null,
  queues: [{ queue: 'A', weight: 1 }],
  staff: null,
  currentTicket: null,
};

const empty: HallState = {
  branchId: 'demo',
  branchName: { zh: '演示支行', en: 'Demo Branch' },
  timeZone: 'Asia/Shanghai',
  seq: 0,
  businessDay: '2026-11-23',
  at,
  queues: [queueA(0)],
  waiting: [],
  nowServing: [],
  parked: [],
  counters: [counter1],
  rms: [{ id: 'rm1', displayName: '周经理', specialties: ['funds'], presence: 'away', since: null }],
};

function event(seq: number, type: BranchEvent['type'], data: object): BranchEvent {
  return { branchId: 'demo', seq, at, businessDay: '2026-11-23', type, ...data } as BranchEvent;
}

describe('applyHallEvent', () => {
  it('adds an issued ticket to the waiting list and takes the queue figures from the event', () => {
    const state = applyHallEvent(empty, event(1, 'ticket.issued', { ticket: ticket({}), queues: [queueA(1)] }));
    expect(state.seq).toBe(1);
    expect(state.waiting.map((entry) => entry.number)).toEqual(['A001']);
    expect(state.queues).toEqual([queueA(1)]);
  });

  it('keeps staff lists in call order: a priority customer goes before earlier normal ones', () => {
    let state = applyHallEvent(empty, event(1, 'ticket.issued', { ticket: ticket({}), queues: [queueA(1)] }));
    state = applyHallEvent(
      state,
      event(2, 'ticket.issued', {
        ticket: ticket({ id: 't2', number: 'A002', priority: 'priority', queuedAt: '2026-11-23T01:05:00.000Z' }),
        queues: [queueA(2)],
      }),
    );
    expect(state.waiting.map((entry) => entry.number)).toEqual(['A002', 'A001']);
  });

  it('moves a called ticket to now serving and shows it at its counter, then drops it when finished', () => {
    let state = applyHallEvent(empty, event(1, 'ticket.issued', { ticket: ticket({}), queues: [queueA(1)] }));
    const called = ticket({ status: 'called', counter: '1', counterId: 'c1', calledAt: at });
    state = applyHallEvent(state, event(2, 'ticket.called', { ticket: called, queues: [queueA(0)] }));
    expect(state.waiting).toEqual([]);
    expect(state.nowServing.map((entry) => entry.number)).toEqual(['A001']);
    expect(state.counters[0].currentTicket).toBe('A001');
    state = applyHallEvent(
      state,
      event(3, 'ticket.finished', { ticket: { ...called, status: 'done' }, queues: [queueA(0)] }),
    );
    expect(state.nowServing).toEqual([]);
    expect(state.counters[0].currentTicket).toBeNull();
  });

  it('lists parked tickets for staff only', () => {
    const parked = ticket({ status: 'parked', parkedFor: 'rm1' });
    expect(applyHallEvent(empty, event(1, 'ticket.parked', { ticket: parked, queues: [] })).parked).toHaveLength(1);
    const { id, number, queue, status, counter, counterName, calledAt, queuedAt } = parked;
    const publicView = { id, number, queue, status, counter, counterName, calledAt, queuedAt };
    const publicEvent = { ...event(1, 'ticket.parked', { queues: [] }), ticket: publicView } as unknown as BranchEvent;
    expect(applyHallEvent(empty, publicEvent).parked).toEqual([]);
  });

  it('replaces a counter on counter.updated but keeps its current ticket from the lists', () => {
    const paused = { ...counter1, status: 'paused' as const, pauseReason: 'break', pausedAt: at };
    const state = applyHallEvent(empty, event(1, 'counter.updated', { counter: paused, queues: [queueA(0)] }));
    expect(state.counters).toEqual([paused]);
  });

  it('adds a counter it did not know (created by an admin) on counter.updated', () => {
    const counter9 = { ...counter1, id: 'c9', code: '9', name: { zh: '9号窗口', en: 'Counter 9' } };
    const state = applyHallEvent(empty, event(1, 'counter.updated', { counter: counter9, queues: [queueA(0)] }));
    expect(state.counters.map((counter) => counter.id)).toEqual(['c1', 'c9']);
  });

  it('ignores an event it already has and moves seq and business day on an envelope-only event', () => {
    const state = applyHallEvent(empty, event(1, 'ticket.issued', { ticket: ticket({}), queues: [queueA(1)] }));
    expect(applyHallEvent(state, event(1, 'ticket.issued', { ticket: ticket({ id: 'x' }), queues: [] }))).toBe(state);
    const envelope = { branchId: 'demo', seq: 2, at, businessDay: '2026-11-24', type: 'diversion.recorded' };
    const next = applyHallEvent(state, envelope as BranchEvent);
    expect(next).toMatchObject({ seq: 2, businessDay: '2026-11-24', waiting: state.waiting });
  });

  it('keeps RM presence live for staff, and leaves it alone on a public envelope', () => {
    const available = { ...empty.rms[0], presence: 'available' as const, since: at };
    const state = applyHallEvent(empty, event(1, 'rm.presence', { rm: available }));
    expect(state.rms).toEqual([available]);
    const envelope = { branchId: 'demo', seq: 2, at, businessDay: '2026-11-23', type: 'rm.presence' };
    expect(applyHallEvent(state, envelope as BranchEvent).rms).toEqual([available]);
  });
});

import { TICKET_ACTIONS, TICKET_STATUSES, type TicketAction, type TicketStatus } from '@lobbyflow/contracts';
import type { LifecycleSettings } from './rules';
import {
  canTransition,
  TICKET_TRANSITIONS,
  transition,
  type LifecycleTicket,
  type TicketCommand,
} from './ticket-lifecycle';
import { domainErrorOf } from '../testing/domain-error-of';

const settings: LifecycleSettings = { recallDelaySeconds: 30, noShowAfterRecalls: 2, returnHoldSeconds: 120 };
const now = new Date('2026-11-24T02:00:00.000Z');
const secondsBefore = (seconds: number) => new Date(now.getTime() - seconds * 1000);
const queuedAt = secondsBefore(3600);

function ticket(overrides: Partial<LifecycleTicket> = {}): LifecycleTicket {
  return {
    number: 'A042',
    status: 'waiting',
    queue: 'A',
    destination: 'cash-counter',
    counterId: null,
    servedBy: null,
    targetCounterId: null,
    parkedFor: null,
    calledAt: null,
    startedAt: null,
    finishedAt: null,
    recallCount: 0,
    queuedAt,
    holdUntil: null,
    businessDone: [],
    ...overrides,
  };
}

/** A ticket in `status` that passes every guard beyond the status itself (recall delay, no-show count). */
function ticketIn(status: TicketStatus): LifecycleTicket {
  const atCounter = status === 'called' || status === 'serving';
  return ticket({
    status,
    counterId: atCounter ? 'counter-1' : null,
    calledAt: atCounter ? secondsBefore(600) : null,
    startedAt: status === 'serving' ? secondsBefore(300) : null,
    recallCount: status === 'called' ? settings.noShowAfterRecalls : 0,
    parkedFor: status === 'parked' ? 'rm-1' : null,
  });
}

/** A well-formed command for each action. */
const COMMANDS: Record<TicketAction, TicketCommand> = {
  call: { action: 'call', counterId: 'counter-2', staffId: 'teller-1' },
  recall: { action: 'recall' },
  start: { action: 'start' },
  finish: { action: 'finish', businessDone: ['cash-deposit'] },
  'no-show': { action: 'no-show' },
  return: { action: 'return' },
  transfer: { action: 'transfer', queue: 'B', destination: 'open-counter' },
  park: { action: 'park', staffId: 'rm-1' },
  cancel: { action: 'cancel' },
  expire: { action: 'expire' },
};

const pairs = TICKET_STATUSES.flatMap((status) => TICKET_ACTIONS.map((action) => ({ status, action })));
const legal = pairs.filter(({ status, action }) => TICKET_TRANSITIONS[action].from.includes(status));
const illegal = pairs.filter(({ status, action }) => !TICKET_TRANSITIONS[action].from.includes(status));

describe('TICKET_TRANSITIONS', () => {
  it('has a row for every ticket action and only known statuses', () => {
    expect(Object.keys(TICKET_TRANSITIONS).sort()).toEqual([...TICKET_ACTIONS].sort());
    for (const rule of Object.values(TICKET_TRANSITIONS)) {
      expect(TICKET_STATUSES).toContain(rule.to);
      for (const from of rule.from) expect(TICKET_STATUSES).toContain(from);
    }
  });

  it('leaves closed tickets closed: no action starts from done, no-show, cancelled or expired', () => {
    for (const closed of ['done', 'no-show', 'cancelled', 'expired'] as const) {
      expect(TICKET_ACTIONS.filter((action) => canTransition(closed, action))).toEqual([]);
    }
  });

  it('follows the main path waiting -> called -> serving -> done (design.md §4)', () => {
    expect(TICKET_TRANSITIONS.call).toMatchObject({ to: 'called' });
    expect(TICKET_TRANSITIONS.start).toEqual({ from: ['called'], to: 'serving' });
    expect(TICKET_TRANSITIONS.finish).toEqual({ from: ['serving'], to: 'done' });
  });
});

describe('transition: every legal (status, action) pair', () => {
  it.each(legal)('$action from $status leads to the table target', ({ status, action }) => {
    expect(canTransition(status, action)).toBe(true);
    const patch = transition(ticketIn(status), COMMANDS[action], settings, now);
    expect(patch.status).toBe(TICKET_TRANSITIONS[action].to);
  });
});

describe('transition: every illegal (status, action) pair', () => {
  it.each(illegal)('$action from $status throws ILLEGAL_TRANSITION', ({ status, action }) => {
    expect(canTransition(status, action)).toBe(false);
    const error = domainErrorOf(() => transition(ticketIn(status), COMMANDS[action], settings, now));
    expect(error.code).toBe('ILLEGAL_TRANSITION');
    expect(error.message).toContain('A042');
    expect(error.details).toEqual({ status, action });
  });
});

describe('transition: call', () => {
  it('sets the counter and call time and starts the recall count afresh', () => {
    const patch = transition(ticket(), { action: 'call', counterId: 'counter-7', staffId: 'teller-1' }, settings, now);
    expect(patch).toMatchObject({
      status: 'called',
      counterId: 'counter-7',
      servedBy: 'teller-1',
      calledAt: now,
      recallCount: 0,
    });
  });

  it('clears parkedFor when a parked ticket is called', () => {
    const parked = ticket({ status: 'parked', parkedFor: 'rm-1' });
    expect(transition(parked, COMMANDS.call, settings, now)).toMatchObject({ parkedFor: null });
  });

  it('clears targetCounterId once the directed counter calls the ticket', () => {
    const directed = ticket({ targetCounterId: 'counter-2' });
    expect(transition(directed, COMMANDS.call, settings, now)).toMatchObject({ targetCounterId: null });
  });

  it('keeps queuedAt', () => {
    expect(transition(ticket(), COMMANDS.call, settings, now)).not.toHaveProperty('queuedAt');
  });
});

describe('transition: recall', () => {
  const called = (secondsAgo: number, recallCount = 0) =>
    ticket({ status: 'called', counterId: 'counter-1', calledAt: secondsBefore(secondsAgo), recallCount });

  it('refuses a recall before the recall delay with RECALL_TOO_SOON and retryAfterSeconds', () => {
    const error = domainErrorOf(() => transition(called(10), COMMANDS.recall, settings, now));
    expect(error.code).toBe('RECALL_TOO_SOON');
    expect(error.details).toEqual({ retryAfterSeconds: 20 });
    expect(error.message).toContain('A042');
  });

  it('rounds retryAfterSeconds up so that retrying then succeeds', () => {
    const error = domainErrorOf(() => transition(called(29.5), COMMANDS.recall, settings, now));
    expect(error.details).toEqual({ retryAfterSeconds: 1 });
  });

  it('allows a recall exactly at the delay, incrementing recallCount and moving calledAt', () => {
    const patch = transition(called(30, 1), COMMANDS.recall, settings, now);
    expect(patch).toEqual({ status: 'called', calledAt: now, recallCount: 2 });
  });

  it('allows a recall when the call time is unknown', () => {
    const unknownCall = ticket({ status: 'called', counterId: 'counter-1', calledAt: null });
    expect(transition(unknownCall, COMMANDS.recall, settings, now)).toMatchObject({ recallCount: 1 });
  });

  it('measures the delay from the last recall, not the first call', () => {
    const recalled = ticket({ status: 'called', calledAt: secondsBefore(45), recallCount: 1 });
    const patch = transition(recalled, COMMANDS.recall, settings, now);
    expect(patch.calledAt).toBe(now);
    const later = new Date(now.getTime() + 10_000);
    const error = domainErrorOf(() => transition({ ...recalled, ...patch }, COMMANDS.recall, settings, later));
    expect(error.code).toBe('RECALL_TOO_SOON');
  });
});

describe('transition: no-show', () => {
  it('refuses a no-show with fewer recalls than required with NO_SHOW_TOO_EARLY', () => {
    const early = ticket({ status: 'called', calledAt: secondsBefore(600), recallCount: 1 });
    const error = domainErrorOf(() => transition(early, COMMANDS['no-show'], settings, now));
    expect(error.code).toBe('NO_SHOW_TOO_EARLY');
    expect(error.details).toEqual({ recallCount: 1, required: 2 });
    expect(error.message).toContain('A042');
  });

  it('closes the ticket as no-show after enough recalls', () => {
    const recalled = ticket({ status: 'called', calledAt: secondsBefore(600), recallCount: 2 });
    expect(transition(recalled, COMMANDS['no-show'], settings, now)).toEqual({ status: 'no-show', finishedAt: now });
  });

  it('allows a no-show straight after the call when the branch requires no recalls', () => {
    const justCalled = ticket({ status: 'called', calledAt: now, recallCount: 0 });
    const patch = transition(justCalled, COMMANDS['no-show'], { ...settings, noShowAfterRecalls: 0 }, now);
    expect(patch.status).toBe('no-show');
  });
});

describe('transition: transfer', () => {
  const serving = ticket({
    status: 'serving',
    counterId: 'counter-1',
    calledAt: secondsBefore(600),
    startedAt: secondsBefore(300),
    recallCount: 1,
  });

  it('moves the ticket to the new queue, waiting, and keeps queuedAt for fairness', () => {
    const patch = transition(serving, { action: 'transfer', queue: 'B', destination: 'open-counter' }, settings, now);
    expect(patch).toMatchObject({
      status: 'waiting',
      queue: 'B',
      destination: 'open-counter',
      counterId: null,
      targetCounterId: null,
      calledAt: null,
      startedAt: null,
      recallCount: 0,
    });
    expect(patch).not.toHaveProperty('queuedAt');
  });

  it('refuses a transfer to the same queue without a counter with TRANSFER_TO_SAME_QUEUE', () => {
    const error = domainErrorOf(() =>
      transition(serving, { action: 'transfer', queue: 'A', destination: 'cash-counter' }, settings, now),
    );
    expect(error.code).toBe('TRANSFER_TO_SAME_QUEUE');
    expect(error.message).toContain('A042');
  });

  it('treats a null counter like no counter for a same-queue transfer', () => {
    const error = domainErrorOf(() =>
      transition(
        serving,
        { action: 'transfer', queue: 'A', destination: 'cash-counter', counterId: null },
        settings,
        now,
      ),
    );
    expect(error.code).toBe('TRANSFER_TO_SAME_QUEUE');
  });

  it('directs a transfer to a counter, even within the same queue', () => {
    const patch = transition(
      serving,
      { action: 'transfer', queue: 'A', destination: 'cash-counter', counterId: 'counter-3' },
      settings,
      now,
    );
    expect(patch).toMatchObject({ status: 'waiting', queue: 'A', targetCounterId: 'counter-3', counterId: null });
    expect(patch).not.toHaveProperty('queuedAt');
  });

  it('clears parkedFor', () => {
    const patch = transition(ticket(), { action: 'transfer', queue: 'B', destination: 'open-counter' }, settings, now);
    expect(patch.parkedFor).toBeNull();
  });
});

describe('transition: park', () => {
  it('parks the ticket for a staff member and frees the counter', () => {
    const serving = ticket({ status: 'serving', counterId: 'counter-1', calledAt: secondsBefore(60) });
    expect(transition(serving, { action: 'park', staffId: 'rm-9' }, settings, now)).toEqual({
      status: 'parked',
      parkedFor: 'rm-9',
      counterId: null,
      calledAt: null,
      startedAt: null,
    });
  });
});

describe('transition: return', () => {
  it('returns a called ticket to the queue and clears the counter', () => {
    const called = ticket({ status: 'called', counterId: 'counter-1', calledAt: secondsBefore(60), recallCount: 1 });
    const patch = transition(called, COMMANDS.return, settings, now);
    // The customer stepped away: the ticket keeps its place but is on hold for returnHoldSeconds.
    expect(patch).toEqual({
      status: 'waiting',
      counterId: null,
      calledAt: null,
      recallCount: 0,
      parkedFor: null,
      holdUntil: new Date(now.getTime() + settings.returnHoldSeconds * 1000),
    });
  });

  it('returns a parked ticket to the queue and clears parkedFor', () => {
    const parked = ticket({ status: 'parked', parkedFor: 'rm-1' });
    expect(transition(parked, COMMANDS.return, settings, now)).toMatchObject({
      status: 'waiting',
      counterId: null,
      parkedFor: null,
    });
  });
});

describe('transition: closing actions', () => {
  it('records start time on start', () => {
    const called = ticket({ status: 'called', counterId: 'counter-1', calledAt: secondsBefore(60) });
    expect(transition(called, COMMANDS.start, settings, now)).toEqual({ status: 'serving', startedAt: now });
  });

  it('records finish time and the business done on finish', () => {
    const serving = ticket({ status: 'serving', counterId: 'counter-1' });
    expect(transition(serving, { action: 'finish', businessDone: ['transfer', 'fx'] }, settings, now)).toEqual({
      status: 'done',
      finishedAt: now,
      businessDone: ['transfer', 'fx'],
    });
  });

  it.each(['cancel', 'expire'] as const)('%s records the finish time', (action) => {
    const patch = transition(ticket(), COMMANDS[action], settings, now);
    expect(patch.finishedAt).toBe(now);
  });
});

describe('transition purity', () => {
  it('does not mutate the ticket it is given', () => {
    const original = ticketIn('called');
    const snapshot = structuredClone(original);
    transition(original, COMMANDS.recall, settings, now);
    transition(original, COMMANDS.return, settings, now);
    expect(original).toEqual(snapshot);
  });
});

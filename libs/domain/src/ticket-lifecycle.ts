import type { Destination, TicketAction, TicketStatus } from '@lobbyflow/contracts';
import { DomainError } from './errors';
import type { LifecycleSettings } from './rules';

/**
 * The ticket state machine (design.md §4) as data: for each action, the statuses it may start from
 * and the status it leads to. Guards that need more than the status (recall delay, no-show count)
 * live in `transition` below.
 */
export const TICKET_TRANSITIONS: Readonly<Record<TicketAction, { from: readonly TicketStatus[]; to: TicketStatus }>> = {
  call: { from: ['waiting', 'parked'], to: 'called' },
  recall: { from: ['called'], to: 'called' },
  start: { from: ['called'], to: 'serving' },
  finish: { from: ['serving'], to: 'done' },
  'no-show': { from: ['called'], to: 'no-show' },
  return: { from: ['called', 'parked'], to: 'waiting' },
  transfer: { from: ['waiting', 'called', 'serving'], to: 'waiting' },
  park: { from: ['waiting', 'called', 'serving'], to: 'parked' },
  cancel: { from: ['waiting', 'called', 'parked'], to: 'cancelled' },
  expire: { from: ['waiting', 'called', 'serving', 'parked'], to: 'expired' },
};

export function canTransition(status: TicketStatus, action: TicketAction): boolean {
  return TICKET_TRANSITIONS[action].from.includes(status);
}

/** The parts of a ticket the lifecycle reads and changes. */
export interface LifecycleTicket {
  number: string;
  status: TicketStatus;
  queue: string;
  destination: Destination;
  counterId: string | null;
  /** Staff member who last called the ticket. */
  servedBy: string | null;
  /** Counter a transfer directed the ticket to; only that counter may call it next. */
  targetCounterId: string | null;
  parkedFor: string | null;
  /** Last call (a recall counts as a new call: waiting time ends at the last call). */
  calledAt: Date | null;
  startedAt: Date | null;
  finishedAt: Date | null;
  recallCount: number;
  /** When the ticket entered the queue; kept through transfers and returns for fairness. */
  queuedAt: Date;
  /** A returned ticket is not called before this time (the customer stepped away). */
  holdUntil: Date | null;
  businessDone: string[];
}

export type TicketCommand =
  | { action: 'call'; counterId: string; staffId: string }
  | { action: 'recall' }
  | { action: 'start' }
  | { action: 'finish'; businessDone: string[] }
  | { action: 'no-show' }
  | { action: 'return' }
  | { action: 'transfer'; queue: string; destination: Destination; counterId?: string | null }
  | { action: 'park'; staffId: string }
  | { action: 'cancel' }
  | { action: 'expire' };

export type TicketPatch = Partial<Omit<LifecycleTicket, 'number'>> & { status: TicketStatus };

const STATUS_WORDS: Record<TicketStatus, string> = {
  waiting: 'waiting',
  called: 'called',
  serving: 'being served',
  parked: 'parked',
  done: 'finished',
  'no-show': 'closed as a no-show',
  cancelled: 'cancelled',
  expired: 'expired',
};

const ACTION_WORDS: Record<TicketAction, string> = {
  call: 'called',
  recall: 'recalled',
  start: 'started',
  finish: 'finished',
  'no-show': 'marked as a no-show',
  return: 'returned to the queue',
  transfer: 'transferred',
  park: 'parked',
  cancel: 'cancelled',
  expire: 'expired',
};

/**
 * Applies a command to a ticket and returns the fields that change, or throws a DomainError:
 * `ILLEGAL_TRANSITION` when the status does not allow the action, `RECALL_TOO_SOON` and
 * `NO_SHOW_TOO_EARLY` when a guard fails.
 */
export function transition(
  ticket: LifecycleTicket,
  command: TicketCommand,
  settings: LifecycleSettings,
  now: Date,
): TicketPatch {
  const rule = TICKET_TRANSITIONS[command.action];
  if (!rule.from.includes(ticket.status)) {
    throw new DomainError(
      'ILLEGAL_TRANSITION',
      `Ticket ${ticket.number} is ${STATUS_WORDS[ticket.status]}; it cannot be ${ACTION_WORDS[command.action]}.`,
      { status: ticket.status, action: command.action },
    );
  }
  const to = rule.to;
  switch (command.action) {
    case 'call':
      return {
        status: to,
        counterId: command.counterId,
        servedBy: command.staffId,
        calledAt: now,
        recallCount: 0,
        parkedFor: null,
        targetCounterId: null,
        holdUntil: null,
      };
    case 'recall': {
      const waitedSeconds = ticket.calledAt ? (now.getTime() - ticket.calledAt.getTime()) / 1000 : Infinity;
      if (waitedSeconds < settings.recallDelaySeconds) {
        const retryAfterSeconds = Math.ceil(settings.recallDelaySeconds - waitedSeconds);
        throw new DomainError(
          'RECALL_TOO_SOON',
          `Ticket ${ticket.number} was called ${Math.floor(waitedSeconds)} s ago; give the customer ${retryAfterSeconds} s more before recalling.`,
          { retryAfterSeconds },
        );
      }
      return { status: to, calledAt: now, recallCount: ticket.recallCount + 1 };
    }
    case 'start':
      return { status: to, startedAt: now };
    case 'finish':
      return { status: to, finishedAt: now, businessDone: command.businessDone };
    case 'no-show':
      if (ticket.recallCount < settings.noShowAfterRecalls) {
        throw new DomainError(
          'NO_SHOW_TOO_EARLY',
          `Ticket ${ticket.number} has been recalled ${ticket.recallCount} time(s); recall it ${settings.noShowAfterRecalls - ticket.recallCount} more time(s) before marking a no-show.`,
          { recallCount: ticket.recallCount, required: settings.noShowAfterRecalls },
        );
      }
      return { status: to, finishedAt: now };
    case 'return':
      return {
        status: to,
        counterId: null,
        calledAt: null,
        recallCount: 0,
        parkedFor: null,
        holdUntil: new Date(now.getTime() + settings.returnHoldSeconds * 1000),
      };
    case 'transfer':
      if (command.queue === ticket.queue && !command.counterId) {
        throw new DomainError(
          'TRANSFER_TO_SAME_QUEUE',
          `Ticket ${ticket.number} already waits in queue ${ticket.queue}; choose another queue or a counter.`,
        );
      }
      return {
        status: to,
        queue: command.queue,
        destination: command.destination,
        targetCounterId: command.counterId ?? null,
        counterId: null,
        calledAt: null,
        startedAt: null,
        recallCount: 0,
        parkedFor: null,
      };
    case 'park':
      return { status: to, parkedFor: command.staffId, counterId: null, calledAt: null, startedAt: null };
    case 'cancel':
    case 'expire':
      return { status: to, finishedAt: now };
  }
}

import type { PriorityClass, RatingGrade } from '@lobbyflow/contracts';

/** A ticket event as the reports read it from the branch log (a subset of the staff event). */
export interface KpiTicketEvent {
  type: string;
  at: string;
  ticket: {
    id: string;
    number: string;
    queue: string;
    businessType: string;
    priority: PriorityClass;
    counter: string | null;
    servedBy?: string | null;
    /** On rating events: the counter that asked (its code) and the answer. */
    rating?: { counter: string | null; grade: RatingGrade | null } | null;
  };
}

/** How a leg of a visit ended. */
export type LegEnd = 'finished' | 'transferred' | 'parked' | 'no-show' | 'cancelled' | 'expired';

/**
 * One wait-and-service of a visit: waiting in `queue` from `queuedAt`, called (the last call counts after
 * recalls) at a counter, served until the finish or a transfer. A transfer starts a new leg.
 */
export interface VisitLeg {
  queue: string;
  queuedAt: number;
  calledAt: number | null;
  counter: string | null;
  staffId: string | null;
  startedAt: number | null;
  endedAt: number | null;
  end: LegEnd | null;
  recalls: number;
  /** The teller serving this leg asked the customer for a rating. */
  ratingAsked: boolean;
  /** The customer's answer, when they gave one. */
  rating: RatingGrade | null;
}

/** A customer's visit: one ticket from issue to its end. */
export interface Visit {
  ticketId: string;
  number: string;
  businessType: string;
  priority: PriorityClass;
  issuedAt: number;
  legs: VisitLeg[];
  outcome: 'served' | 'no-show' | 'cancelled' | 'expired' | 'open';
}

/** Events that end a visit, with the leg's end and the visit's outcome. */
const ENDS: Readonly<Record<string, { end: LegEnd; outcome: Visit['outcome'] }>> = {
  'ticket.finished': { end: 'finished', outcome: 'served' },
  'ticket.no-show': { end: 'no-show', outcome: 'no-show' },
  'ticket.cancelled': { end: 'cancelled', outcome: 'cancelled' },
  'ticket.expired': { end: 'expired', outcome: 'expired' },
};

/**
 * Rebuilds visits from the branch log in `seq` order (domain.md §8): waiting time is call - queue entry,
 * the last call counting after recalls; service time is call to finish or transfer. A returned ticket
 * waits on (its call is undone); a parked one waits again for the person it was parked for; a transfer
 * ends the service at the first counter and starts a new wait in the next queue. A rating request and
 * its answer belong to the leg served at the counter that asked (the last called leg there: a customer
 * transferred from counter 2 to 4 rates counter 4's service when counter 4 asks). Events of tickets whose
 * issue is not in the log given are ignored.
 */
export function visitsFromEvents(events: readonly KpiTicketEvent[]): Visit[] {
  const visits = new Map<string, Visit>();
  for (const event of events) {
    const at = Date.parse(event.at);
    const { ticket } = event;
    if (event.type === 'ticket.issued') {
      visits.set(ticket.id, {
        ticketId: ticket.id,
        number: ticket.number,
        businessType: ticket.businessType,
        priority: ticket.priority,
        issuedAt: at,
        legs: [newLeg(ticket.queue, at)],
        outcome: 'open',
      });
      continue;
    }
    const visit = visits.get(ticket.id);
    if (!visit) continue;
    const leg = visit.legs[visit.legs.length - 1];
    switch (event.type) {
      case 'ticket.called':
      case 'ticket.recalled':
        Object.assign(leg, { calledAt: at, counter: ticket.counter, staffId: ticket.servedBy ?? leg.staffId });
        if (event.type === 'ticket.recalled') leg.recalls += 1;
        break;
      case 'ticket.started':
        leg.startedAt = at;
        break;
      case 'ticket.returned':
        // The customer stepped away: the call is undone and the wait goes on.
        Object.assign(leg, { calledAt: null, counter: null, staffId: null, startedAt: null });
        break;
      case 'ticket.transferred':
      case 'ticket.parked':
        if (leg.calledAt !== null) {
          Object.assign(leg, { endedAt: at, end: event.type === 'ticket.parked' ? 'parked' : 'transferred' });
          visit.legs.push(newLeg(ticket.queue, at));
        } else {
          // Moved before anyone called it: the same wait, now in the new queue.
          leg.queue = ticket.queue;
        }
        break;
      case 'ticket.rating.requested':
      case 'ticket.rated': {
        const rated = legAtCounter(visit, ticket.rating?.counter ?? null);
        if (!rated) break;
        rated.ratingAsked = true;
        if (event.type === 'ticket.rated') rated.rating = ticket.rating?.grade ?? null;
        break;
      }
      default: {
        const ending = ENDS[event.type];
        if (!ending) break;
        Object.assign(leg, { endedAt: at, end: ending.end });
        visit.outcome = ending.outcome;
      }
    }
  }
  return [...visits.values()];
}

/** The last leg of a visit called at a counter: the service a rating there is about. */
function legAtCounter(visit: Visit, counter: string | null): VisitLeg | undefined {
  return [...visit.legs].reverse().find((leg) => leg.calledAt !== null && leg.counter === counter);
}

function newLeg(queue: string, queuedAt: number): VisitLeg {
  return {
    queue,
    queuedAt,
    calledAt: null,
    counter: null,
    staffId: null,
    startedAt: null,
    endedAt: null,
    end: null,
    recalls: 0,
    ratingAsked: false,
    rating: null,
  };
}

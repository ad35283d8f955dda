import type { PublicRatingView, RatingGrade, RatingSource, TicketRatingView, TicketStatus } from '@lobbyflow/contracts';
import { DomainError } from './errors';

/*
 * Customer ratings bound to a visit (domain.md §5 step 6, §8). Rating pads are gamed when a teller can
 * press them, or can choose whom to ask and when: so a rating exists only as the answer to a request the
 * teller opened for the visit being served, it is accepted once and only inside a short window, and only
 * from the customer's side of the counter (the counter's pad or the customer's own phone page; the
 * server refuses staff credentials outright).
 */

/** How long a customer may answer after the teller asks. */
export interface RatingSettings {
  windowSeconds: number;
}

/** A minute: long enough to press a button while collecting one's papers, too short to come back later. */
export const DEFAULT_RATING: RatingSettings = { windowSeconds: 60 };
export const MIN_RATING_WINDOW_SECONDS = 10;
export const MAX_RATING_WINDOW_SECONDS = 600;

/** The parts of a ticket the rating rules read. */
export interface RatingTicket {
  number: string;
  status: TicketStatus;
  /** The counter handling (or that last handled) the visit; a transfer clears it. */
  counterId: string | null;
  finishedAt: Date | null;
  rating: TicketRatingView | null;
}

/** Who asks: the staff member serving at a counter. */
export interface RatingAsker {
  counterId: string;
  counterCode: string;
  staffId: string;
}

/**
 * The teller asks the customer to rate the visit: while serving it, or at its end (within the window
 * after finishing, while the customer is still at the counter). One request per visit: a second one
 * would let a teller ask again after a bad answer.
 */
export function requestRating(
  ticket: RatingTicket,
  asker: RatingAsker,
  settings: RatingSettings,
  now: Date,
): TicketRatingView {
  if (ticket.rating) {
    throw new DomainError(
      'RATING_ALREADY_REQUESTED',
      `A rating was already asked for on ticket ${ticket.number}; each visit is rated once.`,
    );
  }
  if (ticket.counterId !== asker.counterId) {
    throw new DomainError('WRONG_COUNTER', `Ticket ${ticket.number} is not at your counter.`);
  }
  const justFinished =
    ticket.status === 'done' &&
    ticket.finishedAt !== null &&
    now.getTime() - ticket.finishedAt.getTime() <= settings.windowSeconds * 1000;
  if (ticket.status !== 'serving' && !justFinished) {
    throw new DomainError(
      'ILLEGAL_TRANSITION',
      `Ticket ${ticket.number} is ${ticket.status}; ask for a rating while serving the customer or right after finishing.`,
      { status: ticket.status, action: 'request-rating' },
    );
  }
  return {
    counterId: asker.counterId,
    counter: asker.counterCode,
    staffId: asker.staffId,
    requestedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + settings.windowSeconds * 1000).toISOString(),
    grade: null,
    ratedAt: null,
    source: null,
  };
}

/** Whether a request still takes an answer at `now`: asked, not answered, window open, visit still there. */
export function isRatingOpen(ticket: RatingTicket, now: Date): boolean {
  const rating = ticket.rating;
  return (
    rating !== null &&
    rating.grade === null &&
    now.getTime() <= Date.parse(rating.expiresAt) &&
    ticket.counterId === rating.counterId
  );
}

/**
 * The customer's answer. Refused when nothing was asked (RATING_NOT_REQUESTED), when it was answered
 * already (ALREADY_RATED), and when the window has closed or the visit moved on (RATING_WINDOW_CLOSED):
 * transferred to another counter, or — for a pad — the counter called its next customer.
 */
export function rateVisit(
  ticket: RatingTicket,
  answer: { grade: RatingGrade; source: RatingSource; nextCustomerCalled: boolean },
  now: Date,
): TicketRatingView {
  const rating = ticket.rating;
  if (!rating) {
    throw new DomainError('RATING_NOT_REQUESTED', `Nobody asked for a rating of ticket ${ticket.number}.`);
  }
  if (rating.grade !== null) {
    throw new DomainError('ALREADY_RATED', `Ticket ${ticket.number} has been rated already; thank you.`);
  }
  if (!isRatingOpen(ticket, now) || answer.nextCustomerCalled) {
    throw new DomainError(
      'RATING_WINDOW_CLOSED',
      `The time to rate ticket ${ticket.number} has passed; thank you all the same.`,
    );
  }
  return { ...rating, grade: answer.grade, ratedAt: now.toISOString(), source: answer.source };
}

/** What the customer's screens may know of a request: open until when, answered or not. */
export function publicRatingView(ticket: { id: string; number: string }, rating: TicketRatingView): PublicRatingView {
  return {
    ticketId: ticket.id,
    number: ticket.number,
    counter: rating.counter,
    expiresAt: rating.expiresAt,
    rated: rating.grade !== null,
  };
}

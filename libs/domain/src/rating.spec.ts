import { domainErrorOf } from '../testing/domain-error-of';
import { isRatingOpen, publicRatingView, rateVisit, type RatingTicket, requestRating } from './rating';

const settings = { windowSeconds: 60 };
const now = new Date('2026-11-24T02:00:00.000Z');
const secondsAfter = (seconds: number) => new Date(now.getTime() + seconds * 1000);
const asker = { counterId: 'counter-1', counterCode: '1', staffId: 'teller-1' };

function ticket(overrides: Partial<RatingTicket> = {}): RatingTicket {
  return { number: 'A042', status: 'serving', counterId: 'counter-1', finishedAt: null, rating: null, ...overrides };
}

/** A ticket whose rating the teller asked for at `now`. */
function asked(overrides: Partial<RatingTicket> = {}): RatingTicket {
  const serving = ticket(overrides);
  return { ...serving, rating: requestRating(serving, asker, settings, now) };
}

const answer = { grade: 'satisfied', source: 'pad', nextCustomerCalled: false } as const;

describe('asking for a rating', () => {
  it('opens a request for the window while the teller serves the visit', () => {
    expect(requestRating(ticket(), asker, settings, now)).toEqual({
      counterId: 'counter-1',
      counter: '1',
      staffId: 'teller-1',
      requestedAt: '2026-11-24T02:00:00.000Z',
      expiresAt: '2026-11-24T02:01:00.000Z',
      grade: null,
      ratedAt: null,
      source: null,
    });
  });

  it('allows it right after the finish, within the window, but not later', () => {
    const done = ticket({ status: 'done', finishedAt: new Date(now.getTime() - 30_000) });
    expect(requestRating(done, asker, settings, now).expiresAt).toBe('2026-11-24T02:01:00.000Z');
    const long = ticket({ status: 'done', finishedAt: new Date(now.getTime() - 61_000) });
    expect(domainErrorOf(() => requestRating(long, asker, settings, now)).code).toBe('ILLEGAL_TRANSITION');
  });

  it('refuses a visit not yet served, another counter and a second request', () => {
    expect(domainErrorOf(() => requestRating(ticket({ status: 'called' }), asker, settings, now)).code).toBe(
      'ILLEGAL_TRANSITION',
    );
    expect(domainErrorOf(() => requestRating(ticket({ counterId: 'counter-2' }), asker, settings, now)).code).toBe(
      'WRONG_COUNTER',
    );
    expect(domainErrorOf(() => requestRating(asked(), asker, settings, now)).code).toBe('RATING_ALREADY_REQUESTED');
  });
});

describe('rating a visit', () => {
  it('takes one answer inside the window and records where it came from', () => {
    expect(rateVisit(asked(), { ...answer, source: 'phone' }, secondsAfter(59))).toMatchObject({
      grade: 'satisfied',
      ratedAt: '2026-11-24T02:00:59.000Z',
      source: 'phone',
    });
  });

  it('refuses an answer nobody asked for, a second answer and one after the window', () => {
    expect(domainErrorOf(() => rateVisit(ticket(), answer, now)).code).toBe('RATING_NOT_REQUESTED');
    const once = asked();
    const rated = { ...once, rating: rateVisit(once, answer, secondsAfter(5)) };
    expect(domainErrorOf(() => rateVisit(rated, answer, secondsAfter(6))).code).toBe('ALREADY_RATED');
    expect(domainErrorOf(() => rateVisit(asked(), answer, secondsAfter(61))).code).toBe('RATING_WINDOW_CLOSED');
  });

  it('closes the request when the visit moves on: a transfer, or the next customer called to the pad', () => {
    const transferred = { ...asked(), counterId: null, status: 'waiting' as const };
    expect(isRatingOpen(transferred, secondsAfter(5))).toBe(false);
    expect(domainErrorOf(() => rateVisit(transferred, answer, secondsAfter(5))).code).toBe('RATING_WINDOW_CLOSED');
    expect(domainErrorOf(() => rateVisit(asked(), { ...answer, nextCustomerCalled: true }, secondsAfter(5))).code).toBe(
      'RATING_WINDOW_CLOSED',
    );
  });

  it('shows the customer screens that a request is open, never the grade or who asked', () => {
    const once = asked();
    const view = publicRatingView({ id: 't1', number: 'A042' }, rateVisit(once, answer, secondsAfter(5)));
    expect(view).toEqual({
      ticketId: 't1',
      number: 'A042',
      counter: '1',
      expiresAt: '2026-11-24T02:01:00.000Z',
      rated: true,
    });
  });
});

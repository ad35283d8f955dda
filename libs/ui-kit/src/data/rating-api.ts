import type { PublicRatingView, RatingGrade, RatingPadView } from '@lobbyflow/contracts';
import { ApiClient } from './api-client';

/**
 * The customer's side of a rating: a counter's rating pad (its device key) or the phone page (the ticket's
 * own token). Staff credentials are refused by the server: tellers never press for their customers.
 */
export class RatingApi extends ApiClient {
  /** The pad's counter and the open request of the visit there. */
  padView(): Promise<RatingPadView> {
    return this.get('/api/rating-pad');
  }

  /** One press, sent with an Idempotency-Key so that a retry after a lost answer is not "already rated". */
  rate(ticketId: string, grade: RatingGrade): Promise<PublicRatingView> {
    return this.command(`/api/tickets/${encodeURIComponent(ticketId)}/rating`, { grade });
  }
}

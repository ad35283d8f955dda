import type { BranchEvent, ConfigArea, PublicBranchEvent } from '@lobbyflow/contracts';
import { publicRatingView } from '@lobbyflow/domain';
import { toPublic } from '../tickets/ticket-views';

/**
 * What one staff member may see of an event: everything, except that a referral (its call-over and every
 * change after) is for the RM it addresses and for the lobby manager and admins; other staff get its
 * envelope (their `seq` stays whole).
 */
export function staffEvent(event: BranchEvent, viewer: { role: string; userId: string }): BranchEvent {
  if (event.type !== 'rm.callover' && event.type !== 'referral.updated') return event;
  if (viewer.role === 'lobby-manager' || viewer.role === 'admin' || event.referral.rm.id === viewer.userId)
    return event;
  return envelopeOf(event) as unknown as BranchEvent;
}

/** The numbered frame of an event without its data: what an audience gets of an event not meant for it. */
export function envelopeOf(event: BranchEvent) {
  const { branchId, seq, at, businessDay, type } = event;
  return { branchId, seq, at, businessDay, type };
}

/** The parts of the configuration public screens show: the offer (thresholds, business types), queues, counters. */
const PUBLIC_AREAS: ReadonlySet<ConfigArea> = new Set<ConfigArea>(['settings', 'business-types', 'queues', 'counters']);

/**
 * The public projection of an event (kiosk, display, phone page): a ticket keeps only what a display
 * may show, a counter loses its staff member, a transfer its service leg. Events with no public meaning
 * keep their envelope, so that `seq` stays gap-free for every audience, and lose their data.
 */
export function publicEvent(event: BranchEvent): PublicBranchEvent {
  const { type: _type, ...envelope } = envelopeOf(event);
  switch (event.type) {
    case 'counter.updated':
      return { ...envelope, type: event.type, counter: { ...event.counter, staff: null }, queues: event.queues };
    case 'diversion.recorded':
    case 'vip.flagged':
    case 'rm.callover':
    case 'referral.updated':
    case 'rm.presence':
      // Nothing about identification ever reaches a public screen, not even that it happened.
      return { ...envelope, type: event.type };
    case 'branch.configured':
      // What kind of public thing an admin changed (the kiosk and the display read their offer and queues
      // again); a change of rules, staff or devices is not theirs to know: an empty list.
      return { ...envelope, type: event.type, changed: event.changed.filter((area) => PUBLIC_AREAS.has(area)) };
    case 'ticket.rating.requested':
    case 'ticket.rated':
      // The customer's screens learn that a rating is open and until when; never the grade or who asked.
      return {
        ...envelope,
        type: event.type,
        ticket: toPublic(event.ticket),
        queues: event.queues,
        rating: publicRatingView(event.ticket, event.ticket.rating as NonNullable<typeof event.ticket.rating>),
      };
    default:
      return {
        ...envelope,
        type: event.type,
        ticket: toPublic(event.ticket),
        queues: event.queues,
        ...(event.fromQueue !== undefined ? { fromQueue: event.fromQueue } : {}),
      } as PublicBranchEvent;
  }
}

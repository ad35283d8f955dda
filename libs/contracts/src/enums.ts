/** Where the kiosk sends a business (domain.md §2). */
export const DESTINATIONS = [
  'self-service',
  'open-counter',
  'cash-counter',
  'vip-counter',
  'relationship-manager',
  'corporate-counter',
] as const;
export type Destination = (typeof DESTINATIONS)[number];

/** Life of a ticket (design.md §4). `expired` closes tickets left open at the day boundary. */
export const TICKET_STATUSES = [
  'waiting',
  'called',
  'serving',
  'parked',
  'done',
  'no-show',
  'cancelled',
  'expired',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Statuses in which a ticket still occupies the hall. */
export const OPEN_TICKET_STATUSES: readonly TicketStatus[] = ['waiting', 'called', 'serving', 'parked'];

/** Commands a ticket can receive; the lifecycle table in libs/domain says which are legal when. */
export const TICKET_ACTIONS = [
  'call',
  'recall',
  'start',
  'finish',
  'no-show',
  'return',
  'transfer',
  'park',
  'cancel',
  'expire',
] as const;
export type TicketAction = (typeof TICKET_ACTIONS)[number];

/**
 * Call-order class of a ticket. `vip` comes first, then `priority` (elderly, disabled, pregnant...),
 * then `normal`; the call policy bounds how many non-normal calls run in a row.
 */
export const PRIORITY_CLASSES = ['vip', 'priority', 'normal'] as const;
export type PriorityClass = (typeof PRIORITY_CLASSES)[number];

/** Why a customer was given priority (recorded, shown to staff). */
export const PRIORITY_REASONS = ['elderly', 'disabled', 'pregnant', 'with-infant', 'other'] as const;
export type PriorityReason = (typeof PRIORITY_REASONS)[number];

export const STAFF_ROLES = ['teller', 'lobby-manager', 'rm', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** A `rating-pad` stands on one counter (its customer rates the visit there); kiosks and displays serve the hall. */
export const DEVICE_KINDS = ['kiosk', 'display', 'rating-pad'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

export const COUNTER_KINDS = ['cash', 'open', 'vip', 'corporate', 'rm-desk'] as const;
export type CounterKind = (typeof COUNTER_KINDS)[number];

export const COUNTER_STATUSES = ['open', 'paused', 'closed'] as const;
export type CounterStatus = (typeof COUNTER_STATUSES)[number];

/** How customers think of their business at the kiosk (domain.md §2). */
export const BUSINESS_CATEGORIES = ['cash', 'bill', 'transfer', 'non-cash', 'wealth', 'corporate', 'other'] as const;
export type BusinessCategory = (typeof BUSINESS_CATEGORIES)[number];

/**
 * What happened to the kiosk's self-service advice. `declined`: shown and the customer still wanted a
 * counter ticket; `not-shown`: a self-service route existed but the ticket was issued without showing it
 * (a lobby manager issuing for a customer, say); `accepted`: the customer went to the machine;
 * `redirected`: the lobby manager sent a customer already holding a ticket to self-service (re-divert).
 */
export const ADVICE_OUTCOMES = ['accepted', 'declined', 'not-shown', 'redirected'] as const;
export type AdviceOutcome = (typeof ADVICE_OUTCOMES)[number];

/** Transaction signals raised by diversion, the first layer of identification (domain.md §3). */
export const DIVERSION_SIGNALS = ['large-cash', 'large-transfer', 'wealth-enquiry', 'corporate-enquiry'] as const;
export type DiversionSignal = (typeof DIVERSION_SIGNALS)[number];

/** What a customer answers when asked to rate a visit (domain.md §8), best first. */
export const RATING_GRADES = ['satisfied', 'basically-satisfied', 'dissatisfied'] as const;
export type RatingGrade = (typeof RATING_GRADES)[number];

/** Where a rating was pressed: the counter's rating pad or the customer's own phone page. */
export const RATING_SOURCES = ['pad', 'phone'] as const;
export type RatingSource = (typeof RATING_SOURCES)[number];

import type {
  CounterView,
  PublicRatingView,
  PublicTicketView,
  QueueView,
  StaffTicketView,
  TicketTokenView,
} from './views';
import type { AdviceOutcome, Destination } from './enums';
import type { SessionEndedEvent } from './admin';
import type { ReferralView, RmPresenceView } from './referrals';

/**
 * Every server event: numbered per branch, `seq` gap-free, `at` the time of the command that made it
 * (one instant per command, ISO 8601),
 * `businessDay` the branch's business day after the change.
 */
export interface EventEnvelope<TType extends string = string> {
  branchId: string;
  seq: number;
  at: string;
  businessDay: string;
  type: TType;
}

export interface TicketEventData {
  /** The ticket after the change (public audiences receive a PublicTicketView). */
  ticket: StaffTicketView;
  /** Queue the ticket left, for transfers. */
  fromQueue?: string;
  /** For transfers of a called or served ticket: the service it got before it moved on. */
  leg?: ServiceLeg | null;
  /** The queues whose counts or estimates the change moved, as they are now. */
  queues: QueueView[];
}

/** One counter's part of a visit, ended by a transfer (service time = call to transfer). */
export interface ServiceLeg {
  counter: string | null;
  calledAt: string;
  startedAt: string | null;
  endedAt: string;
}

/** Staff added identification signals to a ticket; staff audiences only (public: envelope). */
export interface VipFlaggedEventData {
  ticket: StaffTicketView;
  /** The signals this flag added. */
  added: string[];
  by: { userId: string; role: string };
  queues: QueueView[];
}

/**
 * A call-over to one RM, or a referral that changed: in full only to the RM it addresses and to the lobby
 * manager and admins (it may carry a consented phone number and the meeting's outcome); other staff get
 * its envelope.
 */
export interface ReferralEventData {
  referral: ReferralView;
}

/** An RM became available, went to a customer or stepped away (staff audiences; public: envelope). */
export interface RmPresenceEventData {
  rm: RmPresenceView;
}

export interface CounterEventData {
  counter: CounterView;
  /** The queues this counter serves: opening or pausing it moves their estimates. */
  queues: QueueView[];
}

export interface DiversionEventData {
  businessType: string;
  destination: Destination;
  outcome: AdviceOutcome;
  ticketId: string | null;
  /** Why the lobby manager re-diverted a ticket holder to self-service (`redirected` only). */
  reason?: string;
}

/** A part of the branch's configuration an admin can change. */
export const CONFIG_AREAS = ['settings', 'business-types', 'queues', 'counters', 'staff', 'devices', 'rules'] as const;
export type ConfigArea = (typeof CONFIG_AREAS)[number];

/**
 * An admin changed the branch's configuration (the change is in the audit log): open screens read again
 * what they show of it — the lobby's service level, the kiosk's offer, the queues on the display. Public
 * screens receive it too; it says only what kind of thing changed.
 */
export interface BranchConfiguredEventData {
  changed: ConfigArea[];
}

/**
 * Event names and their data as stored in the branch log. Audiences receive projections of these
 * (public screens never see identity, amounts or VIP status).
 */
export interface BranchEventMap {
  'ticket.issued': TicketEventData;
  'ticket.called': TicketEventData;
  'ticket.recalled': TicketEventData;
  'ticket.started': TicketEventData;
  'ticket.finished': TicketEventData;
  'ticket.no-show': TicketEventData;
  'ticket.returned': TicketEventData;
  'ticket.transferred': TicketEventData;
  'ticket.parked': TicketEventData;
  'ticket.cancelled': TicketEventData;
  'ticket.expired': TicketEventData;
  /** The teller asked the customer to rate the visit (the ticket's `rating` says until when). */
  'ticket.rating.requested': TicketEventData;
  /** The customer rated the visit; a dissatisfied rating is an alert for the lobby manager. */
  'ticket.rated': TicketEventData;
  'counter.updated': CounterEventData;
  'vip.flagged': VipFlaggedEventData;
  'rm.callover': ReferralEventData;
  'referral.updated': ReferralEventData;
  'rm.presence': RmPresenceEventData;
  'diversion.recorded': DiversionEventData;
  'branch.configured': BranchConfiguredEventData;
}
export type BranchEventType = keyof BranchEventMap;

/** The events of a ticket's lifecycle, each carrying the ticket after the change (reports rebuild visits from them). */
export const TICKET_EVENT_TYPES = [
  'ticket.issued',
  'ticket.called',
  'ticket.recalled',
  'ticket.started',
  'ticket.finished',
  'ticket.no-show',
  'ticket.returned',
  'ticket.transferred',
  'ticket.parked',
  'ticket.cancelled',
  'ticket.expired',
  'ticket.rating.requested',
  'ticket.rated',
] as const satisfies readonly BranchEventType[];

export type BranchEvent<K extends BranchEventType = BranchEventType> = K extends BranchEventType
  ? EventEnvelope<K> & BranchEventMap[K]
  : never;

/** `GET /api/branches/:branchId/events?after=<seq>` */
export interface EventsPage {
  branchId: string;
  after: number;
  events: BranchEvent[];
  /** Highest seq of the branch at read time. */
  lastSeq: number;
  /** True when more events exist than were returned: ask again, or take a fresh snapshot. */
  hasMore: boolean;
}

/** The rating events: the customer's screens (rating pad, phone page) follow them. */
export const RATING_EVENT_TYPES = [
  'ticket.rating.requested',
  'ticket.rated',
] as const satisfies readonly BranchEventType[];
export type RatingEventType = (typeof RATING_EVENT_TYPES)[number];

/**
 * A branch event as a public screen receives it: tickets in their public projection, no service legs,
 * no staff names, and events with no public meaning reduced to their envelope (so `seq` stays gap-free).
 * A rating event carries the request's public view (open until when, answered or not), never the grade.
 */
export type PublicBranchEvent = BranchEvent extends infer E
  ? E extends { type: 'diversion.recorded' | 'vip.flagged' | 'rm.callover' | 'referral.updated' | 'rm.presence' }
    ? EventEnvelope<E['type']>
    : E extends { type: RatingEventType }
      ? Omit<E, 'ticket' | 'leg'> & { ticket: PublicTicketView; rating: PublicRatingView }
      : E extends { ticket: StaffTicketView }
        ? Omit<E, 'ticket' | 'leg'> & { ticket: PublicTicketView }
        : E
  : never;

/** Sent to `ticket:<id>` rooms (the phone page) whenever the ticket's place or estimate may have moved. */
export interface TicketPositionEvent {
  branchId: string;
  /** The branch event that moved it. */
  seq: number;
  at: string;
  type: 'ticket.position';
  ticket: TicketTokenView;
}

/** Sent to a ticket's room when nobody is ahead of it any more. */
export interface TicketNextEvent {
  branchId: string;
  seq: number;
  at: string;
  type: 'ticket.next';
  ticket: TicketTokenView;
}

/** Sent to a staff session whose counter seat another sign-in took over; the socket is closed after. */
export interface SessionReplacedEvent {
  type: 'session.replaced';
  counter: string;
  by: string;
  at: string;
}

/**
 * Sent to every socket of an instance that is stopping (a deploy or a restart). The socket closes right
 * after; the screen reconnects on its own (to another instance, or to this one once it is back) and should
 * show no alarm meanwhile. `reconnectAfterMs` is how long a restart usually takes.
 */
export interface ServerShutdownEvent {
  type: 'server.shutdown';
  at: string;
  reconnectAfterMs: number;
}

/**
 * Everything a socket may receive, by event name (the name is also the payload's `type`).
 * Staff rooms receive BranchEvent, public rooms PublicBranchEvent; a ticket room receives its own ticket's
 * public events plus `ticket.position` and `ticket.next`; a staff session receives `session.replaced`, and
 * all of a person's sockets `session.ended` when an admin ends their sessions.
 */
export type ClientEventMap = {
  [K in BranchEventType]: (event: Extract<BranchEvent, { type: K }> | Extract<PublicBranchEvent, { type: K }>) => void;
} & {
  'ticket.position': (event: TicketPositionEvent) => void;
  'ticket.next': (event: TicketNextEvent) => void;
  'session.replaced': (event: SessionReplacedEvent) => void;
  'session.ended': (event: SessionEndedEvent) => void;
  'server.shutdown': (event: ServerShutdownEvent) => void;
};

/** Names of the socket rooms (design.md §2.5). */
export const rooms = {
  public: (branchId: string) => `branch:${branchId}:public`,
  staff: (branchId: string) => `branch:${branchId}:staff`,
  /** The lobby manager and admins: staff who also see every RM's call-overs. */
  lobby: (branchId: string) => `branch:${branchId}:lobby`,
  user: (userId: string) => `user:${userId}`,
  ticket: (ticketId: string) => `ticket:${ticketId}`,
  /** The rating pad standing on one counter. */
  counter: (counterId: string) => `counter:${counterId}`,
  session: (sessionId: string) => `session:${sessionId}`,
} as const;

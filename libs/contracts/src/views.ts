import type {
  AdviceOutcome,
  BusinessCategory,
  CounterKind,
  CounterStatus,
  Destination,
  DeviceKind,
  DiversionSignal,
  PriorityClass,
  PriorityReason,
  RatingGrade,
  RatingSource,
  StaffRole,
  TicketStatus,
} from './enums';
import type { LocalizedText } from './i18n';
import type { IdentificationResult } from './identification';
import type { RmPresenceView } from './referrals';

/** A business type the kiosk offers (`GET /api/branches/:branchId/services`). */
export interface ServiceView {
  code: string;
  name: LocalizedText;
  category: BusinessCategory;
  icon: string;
  /** Whether an amount changes the route (the kiosk then asks for an amount band). */
  asksAmount: boolean;
  /** Whether having a bank card changes the route (the kiosk then asks). */
  asksCard: boolean;
  /** Typical service time at a counter, for the teller's "this usually takes about N minutes". */
  typicalServiceMinutes: number;
  /**
   * The amount bands the kiosk offers when `asksAmount` (CNY): the branch's own thresholds for this
   * business cut them, and `amount` is what the kiosk sends for a band (it routes like any amount in it).
   */
  amountBands: AmountBand[];
}

export interface AmountBand {
  /** Lower bound, exclusive (null: from zero). */
  above: number | null;
  /** Upper bound, inclusive (null: no limit). */
  upTo: number | null;
  amount: number;
}

/** Answer of triage: advice only, nothing is written. */
export interface TriageResult {
  destination: Destination;
  queue: string | null;
  selfService: boolean;
  advice: LocalizedText;
  /** Where a counter ticket goes if the customer declines self-service advice. */
  counterDestination: Destination;
  counterQueue: string;
  /** What the ticket tells the customer about that counter. */
  counterAdvice: LocalizedText;
  signals: DiversionSignal[];
}

/** What the kiosk gets back when a ticket is issued. */
export interface IssuedTicket {
  id: string;
  number: string;
  queue: string;
  destination: Destination;
  ahead: number;
  estimatedWaitMinutes: number;
  /** The phone page's secret (`/t/<token>`); returned only here. */
  token: string;
  issuedAt: string;
  businessDay: string;
  /** Where to go with this ticket, in one sentence (the counter route's advice). */
  advice: LocalizedText;
}

/** A ticket as public screens may see it: no identity, amount, business detail or VIP status. */
export interface PublicTicketView {
  id: string;
  number: string;
  queue: string;
  status: TicketStatus;
  counter: string | null;
  counterName: LocalizedText | null;
  calledAt: string | null;
  /** Queue entry time: public lists are in queue order (entry time, then number). */
  queuedAt: string;
}

/** The known customer on a ticket, as staff screens show it. */
export interface TicketCustomer {
  id: string;
  masked: string;
  displayName: string | null;
  tier: string | null;
}

/** A ticket as staff see it. */
export interface StaffTicketView extends PublicTicketView {
  businessType: string;
  destination: Destination;
  amount: number | null;
  hasCard: boolean | null;
  priority: PriorityClass;
  priorityReason: PriorityReason | null;
  signals: DiversionSignal[];
  /** The known customer, when identified at the kiosk (no asset figures here: those need an audited view). */
  customer: TicketCustomer | null;
  /** The identification verdict: existing VIP / potential VIP / ordinary, score, reasons, rule version. */
  identification: IdentificationResult | null;
  adviceOutcome: AdviceOutcome | null;
  issuedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  recallCount: number;
  counterId: string | null;
  /** Counter a transfer sent the ticket to: only that counter calls it next. */
  targetCounterId: string | null;
  parkedFor: string | null;
  /** The staff member who last called the ticket (reports attribute waits and services to them). */
  servedBy: string | null;
  businessDone: string[];
  businessDay: string;
  /** The rating the teller asked for on this visit, and the customer's answer (one per visit). */
  rating: TicketRatingView | null;
}

/**
 * A rating request bound to one visit (domain.md §8): opened by the teller serving it, answerable once,
 * from the counter's rating pad or the customer's phone page, until `expiresAt`.
 */
export interface TicketRatingView {
  /** The counter that asked: the visit's leg served there is the one rated. */
  counterId: string;
  counter: string | null;
  /** The staff member who asked (the one serving the visit). */
  staffId: string | null;
  requestedAt: string;
  expiresAt: string;
  grade: RatingGrade | null;
  ratedAt: string | null;
  source: RatingSource | null;
}

/**
 * A rating request as the customer's screens see it (the pad, the phone page): that it is open and until
 * when, never the grade, nor who asked.
 */
export interface PublicRatingView {
  ticketId: string;
  number: string;
  counter: string | null;
  expiresAt: string;
  rated: boolean;
}

/** `GET /api/rating-pad`: what a counter's rating pad shows now. */
export interface RatingPadView {
  branch: { code: string; name: LocalizedText };
  counter: { id: string; code: string; name: LocalizedText };
  /** The open request of the visit at this counter, if any (the pad shows its buttons until `expiresAt`). */
  request: PublicRatingView | null;
  /** Server time of this answer: the pad counts the window down from it. */
  at: string;
}

/** The phone page's view of its own ticket. */
export interface TicketTokenView extends PublicTicketView {
  ahead: number;
  estimatedWaitMinutes: number;
  issuedAt: string;
  branch: { code: string; name: LocalizedText };
  queueName: LocalizedText;
  /** The teller's rating request for this visit, while the customer may answer or after they did. */
  rating: PublicRatingView | null;
}

export interface QueueView {
  code: string;
  prefix: string;
  name: LocalizedText;
  destination: Destination;
  waiting: number;
  estimatedWaitMinutes: number;
  /**
   * When the longest-waiting ticket entered the queue (null when empty); screens count the seconds
   * themselves, so that the figure stays true between events.
   */
  longestWaitingSince: string | null;
}

export interface CounterView {
  id: string;
  code: string;
  name: LocalizedText;
  kind: CounterKind;
  status: CounterStatus;
  pauseReason: string | null;
  /** Since when the counter is paused (null unless paused): the lobby manager sees long pauses. */
  pausedAt: string | null;
  queues: { queue: string; weight: number }[];
  staff: { id: string; displayName: string } | null;
  currentTicket: string | null;
}

/** `GET /api/branches/:branchId/queue`: everything a screen needs, and the `seq` it reflects. */
export interface QueueSnapshot<T extends PublicTicketView = PublicTicketView> {
  branchId: string;
  branchName: LocalizedText;
  /** The branch's time zone: screens show the branch's local time. */
  timeZone: string;
  seq: number;
  businessDay: string;
  at: string;
  queues: QueueView[];
  waiting: T[];
  nowServing: T[];
  /** Tickets parked for a staff member (staff audiences only; empty for public screens). */
  parked: T[];
  counters: CounterView[];
  /** Relationship managers and where they are (staff audiences only; empty for public screens). */
  rms: RmPresenceView[];
}

export interface StaffUserView {
  id: string;
  username: string;
  displayName: string;
  role: StaffRole;
  branchId: string;
  counterId?: string;
}

export interface LoginResult {
  accessToken: string;
  expiresIn: number;
  user: StaffUserView;
}

export interface DeviceRegistered {
  id: string;
  kind: DeviceKind;
  name: string;
  /** The counter a rating pad stands on (code); null for kiosks and displays. */
  counter: string | null;
  /** Shown once: the server stores only a hash. */
  key: string;
}

export interface DeviceView {
  id: string;
  kind: DeviceKind;
  name: string;
  /** The counter a rating pad stands on (code); null for kiosks and displays. */
  counter: string | null;
  keyPrefix: string;
  createdAt: string;
  revokedAt: string | null;
}

/** `GET /api/health`: 200 when every part answers, 503 (same body) when one is down. */
export interface HealthView {
  status: 'ok' | 'degraded';
  db: 'ok' | 'down';
  /** Only on an instance that runs with REDIS_URL (the link between instances). */
  redis?: 'ok' | 'down';
  version: string;
  uptimeSeconds: number;
}

/** `GET /api/auth/me`: who a credential is, and its branch. */
export type WhoAmI =
  | { kind: 'staff'; branchId: string; role: StaffRole; counterId: string | null }
  | { kind: 'device'; branchId: string; deviceKind: DeviceKind }
  | { kind: 'ticket'; branchId: string };

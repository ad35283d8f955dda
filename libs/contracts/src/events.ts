import type { CounterView, StaffTicketView } from './views';
import type { AdviceOutcome, Destination } from './enums';

/** Every server event: numbered per branch, `seq` gap-free, `at` the commit time (ISO 8601). */
export interface EventEnvelope<TType extends string = string> {
  branchId: string;
  seq: number;
  at: string;
  type: TType;
}

export interface TicketEventData {
  ticket: StaffTicketView;
  /** Queue the ticket left, for transfers. */
  fromQueue?: string;
}

export interface CounterEventData {
  counter: CounterView;
}

export interface DiversionEventData {
  businessType: string;
  destination: Destination;
  outcome: AdviceOutcome;
  ticketId: string | null;
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
  'counter.updated': CounterEventData;
  'diversion.recorded': DiversionEventData;
}
export type BranchEventType = keyof BranchEventMap;

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

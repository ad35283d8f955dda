import type {
  BranchEvent,
  ConfigArea,
  CounterView,
  PublicBranchEvent,
  PublicTicketView,
  QueueSnapshot,
  StaffTicketView,
} from '@lobbyflow/contracts';
import { TICKET_EVENT_TYPES } from '@lobbyflow/contracts';
import { sortForDisplay } from '@lobbyflow/domain';

/** What a screen holds: a snapshot (public or staff projection) and the `seq` it reflects. */
export type HallState = QueueSnapshot<PublicTicketView | StaffTicketView>;

/** Any event a hall socket receives from the branch log. */
export type HallEvent = BranchEvent | PublicBranchEvent;

/** Names of the events that come from the branch log (numbered, gap-free). */
export const HALL_EVENT_TYPES: ReadonlySet<string> = new Set<HallEvent['type']>([
  ...TICKET_EVENT_TYPES,
  'counter.updated',
  'diversion.recorded',
  'vip.flagged',
  'rm.callover',
  'referral.updated',
  'rm.presence',
  'branch.configured',
]);

/**
 * The parts of the configuration a snapshot shows (queues and their figures, counters, RMs): an admin's
 * change of one of them (`branch.configured`) is in no delta, so a screen reads a fresh snapshot.
 */
const HALL_AREAS: ReadonlySet<ConfigArea> = new Set<ConfigArea>([
  'settings',
  'business-types',
  'queues',
  'counters',
  'staff',
]);

/** True for an admin's change (`branch.configured`) of any of `areas`: what a screen shows of it is stale. */
export function configures(event: HallEvent, areas: ReadonlySet<ConfigArea>): boolean {
  return event.type === 'branch.configured' && 'changed' in event && event.changed.some((area) => areas.has(area));
}

/** True for an admin's change that moves what the hall snapshot shows. */
export function changesTheHall(event: HallEvent): boolean {
  return configures(event, HALL_AREAS);
}

const isStaffView = (ticket: PublicTicketView | StaffTicketView): ticket is StaffTicketView => 'businessType' in ticket;

/**
 * Applies the next event of the log to a state (pure). The result is exactly what a fresh snapshot of
 * the same audience at that `seq` shows, apart from `at` (lists are kept in the server's display order
 * and queue figures come from the event), except after an admin's change (`changesTheHall`): then it only
 * moves `seq`, and LiveHallController reads a fresh snapshot. An event at or below the state's `seq`
 * changes nothing.
 */
export function applyHallEvent(state: HallState, event: HallEvent): HallState {
  if (event.seq <= state.seq) return state;
  let { waiting, nowServing, parked, queues, counters } = state;

  if ('ticket' in event) {
    const ticket = event.ticket;
    const without = <T extends { id: string }>(list: T[]) => list.filter((entry) => entry.id !== ticket.id);
    waiting = without(waiting);
    nowServing = without(nowServing);
    parked = without(parked);
    if (ticket.status === 'waiting') waiting = sortForDisplay([...waiting, ticket]);
    if (ticket.status === 'called' || ticket.status === 'serving') nowServing = sortForDisplay([...nowServing, ticket]);
    // Public screens never list parked tickets (who waits for whom is staff business).
    if (ticket.status === 'parked' && isStaffView(ticket)) parked = sortForDisplay([...parked, ticket]);
  }
  if (event.type === 'counter.updated') {
    const known = counters.some((counter) => counter.id === event.counter.id);
    // A counter an admin just created joins the list, at the end as the snapshot orders it.
    counters = known
      ? counters.map((counter) => (counter.id === event.counter.id ? event.counter : counter))
      : [...counters, event.counter];
  }
  let rms = state.rms;
  if (event.type === 'rm.presence' && 'rm' in event) {
    rms = rms.map((rm) => (rm.id === event.rm.id ? event.rm : rm));
  }
  if ('queues' in event) {
    const moved = new Map(event.queues.map((queue) => [queue.code, queue]));
    queues = queues.map((queue) => moved.get(queue.code) ?? queue);
  }
  return {
    ...state,
    seq: event.seq,
    at: event.at,
    businessDay: event.businessDay,
    waiting,
    nowServing,
    parked,
    queues,
    counters: withCurrentTickets(counters, nowServing),
    rms,
  };
}

/** A counter's current ticket is the called or served ticket at it. */
function withCurrentTickets(counters: CounterView[], nowServing: PublicTicketView[]): CounterView[] {
  return counters.map((counter) => {
    const current = nowServing.find((ticket) => ticket.counter === counter.code)?.number ?? null;
    return current === counter.currentTicket ? counter : { ...counter, currentTicket: current };
  });
}

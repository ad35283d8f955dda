import type { CounterView, PublicTicketView, StaffTicketView, TicketTokenView } from '@lobbyflow/contracts';
import { publicRatingView } from '@lobbyflow/domain';
import type { BranchConfig } from '../branches/branch-config';
import type { HallFigures } from '../hall/hall-figures';
import type { CounterEntity } from '../counters/counter.entity';
import type { StaffUserEntity } from '../staff/staff-user.entity';
import type { TicketEntity } from './ticket.entity';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function publicTicketView(ticket: TicketEntity, counter?: CounterEntity): PublicTicketView {
  return {
    id: ticket.id,
    number: ticket.number,
    queue: ticket.queue,
    status: ticket.status,
    counter: counter?.code ?? null,
    counterName: counter?.name ?? null,
    calledAt: iso(ticket.calledAt),
    queuedAt: ticket.queuedAt.toISOString(),
  };
}

export function staffTicketView(ticket: TicketEntity, counter?: CounterEntity): StaffTicketView {
  return {
    ...publicTicketView(ticket, counter),
    businessType: ticket.businessType,
    destination: ticket.destination,
    amount: ticket.amount,
    hasCard: ticket.hasCard,
    priority: ticket.priority,
    priorityReason: ticket.priorityReason,
    signals: ticket.signals,
    customer: ticket.customer ?? null,
    identification: ticket.identification,
    adviceOutcome: ticket.adviceOutcome,
    issuedAt: ticket.issuedAt.toISOString(),
    startedAt: iso(ticket.startedAt),
    finishedAt: iso(ticket.finishedAt),
    recallCount: ticket.recallCount,
    counterId: ticket.counterId,
    targetCounterId: ticket.targetCounterId,
    parkedFor: ticket.parkedFor,
    servedBy: ticket.servedBy,
    businessDone: ticket.businessDone,
    businessDay: ticket.businessDay,
    rating: ticket.rating ?? null,
  };
}

/** Reduces a staff view (as stored in the event log) to what public screens may see. */
export function toPublic(view: StaffTicketView): PublicTicketView {
  const { id, number, queue, status, counter, counterName, calledAt, queuedAt } = view;
  return { id, number, queue, status, counter, counterName, calledAt, queuedAt };
}

export function counterView(
  counter: CounterEntity,
  staff: StaffUserEntity | undefined,
  currentTicket: TicketEntity | undefined,
): CounterView {
  return {
    id: counter.id,
    code: counter.code,
    name: counter.name,
    kind: counter.kind,
    status: counter.status,
    pauseReason: counter.pauseReason,
    pausedAt: counter.status === 'paused' ? (counter.pausedAt?.toISOString() ?? null) : null,
    queues: counter.queues,
    staff: staff ? { id: staff.id, displayName: staff.displayName } : null,
    currentTicket: currentTicket?.number ?? null,
  };
}

/** The phone page's view of one ticket: public fields, its place and estimate, where it is. */
export function ticketTokenView(ticket: TicketEntity, config: BranchConfig, figures: HallFigures): TicketTokenView {
  const { ahead, estimatedWaitMinutes } = figures.position(ticket);
  return {
    ...publicTicketView(ticket, config.counterById(ticket.counterId)),
    ahead,
    estimatedWaitMinutes,
    issuedAt: ticket.issuedAt.toISOString(),
    branch: { code: config.branch.code, name: config.branch.name },
    queueName: config.queue(ticket.queue).name,
    rating: ticket.rating ? publicRatingView(ticket, ticket.rating) : null,
  };
}

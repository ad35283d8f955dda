import { Injectable } from '@nestjs/common';
import type { PublicRatingView, RatingGrade, RatingPadView, StaffTicketView } from '@lobbyflow/contracts';
import {
  DEFAULT_RATING,
  DomainError,
  isRatingOpen,
  publicRatingView,
  rateVisit,
  requestRating,
} from '@lobbyflow/domain';
import { In, Not } from 'typeorm';
import type { DevicePrincipal, StaffPrincipal, TicketPrincipal } from '../auth/principal';
import { BranchEntity } from '../branches/branch.entity';
import { BranchConfig } from '../branches/branch-config';
import { BranchCommands } from '../commands/branch-commands';
import { Clock } from '../common/clock';
import { CounterEntity } from '../counters/counter.entity';
import { ticketInBranch } from '../tickets/ticket-access';
import { TicketEntity } from '../tickets/ticket.entity';
import { staffTicketView } from '../tickets/ticket-views';

/**
 * Ratings bound to a visit (domain.md §8), as branch commands: the request and the answer are events in
 * the branch log (`ticket.rating.requested`, `ticket.rated`), so reports rebuild the rating figures from
 * the log like every other KPI. The rules (which states, the window, once per visit) are libs/domain's.
 */
@Injectable()
export class RatingsService {
  constructor(
    private readonly commands: BranchCommands,
    private readonly clock: Clock,
  ) {}

  /** The teller serving a visit asks for its rating; the counter's pad and the customer's phone show the buttons. */
  async request(ticketId: string, principal: StaffPrincipal): Promise<StaffTicketView> {
    const counterId = principal.counterId;
    if (!counterId) throw new DomainError('WRONG_COUNTER', 'Sign in at a counter to ask for a rating.');
    return this.commands.run(principal.branch, async (tx) => {
      const config = await BranchConfig.load(tx.manager, tx.branch);
      const counter = config.counter(counterId);
      const ticket = await ticketInBranch(tx, ticketId);
      const asker = { counterId, counterCode: counter.code, staffId: principal.userId };
      ticket.rating = requestRating(ticket, asker, tx.branch.settings.rating ?? DEFAULT_RATING, tx.now);
      await tx.manager.update(TicketEntity, { id: ticket.id }, { rating: ticket.rating });
      const view = staffTicketView(ticket, counter);
      tx.emit('ticket.rating.requested', { ticket: view, queues: [] });
      return view;
    });
  }

  /**
   * The customer's answer. A pad answers only for its own counter's request, and only while the visit is
   * still the counter's latest (the next customer's call closes it); a phone answers only for its own
   * ticket. Another branch's credential never finds the ticket.
   */
  async rate(
    ticketId: string,
    principal: DevicePrincipal | TicketPrincipal,
    grade: RatingGrade,
  ): Promise<PublicRatingView> {
    return this.commands.run(principal.branch, async (tx) => {
      const ticket = await ticketInBranch(tx, ticketId);
      if (principal.kind === 'ticket' && principal.ticketId !== ticket.id) {
        throw new DomainError('TICKET_NOT_FOUND', 'There is no such ticket in this branch.');
      }
      const pad = principal.kind === 'device' ? principal : null;
      if (pad && ticket.rating && ticket.rating.counterId !== pad.counterId) {
        throw new DomainError('WRONG_COUNTER', `This pad stands at another counter than the one that asked.`);
      }
      const nextCustomerCalled =
        pad !== null &&
        (await tx.manager.exists(TicketEntity, {
          where: { counterId: pad.counterId ?? '', status: In(['called', 'serving']), id: Not(ticket.id) },
        }));
      const source = pad ? 'pad' : 'phone';
      ticket.rating = rateVisit(ticket, { grade, source, nextCustomerCalled }, tx.now);
      await tx.manager.update(TicketEntity, { id: ticket.id }, { rating: ticket.rating });
      const counter = await tx.manager.findOne(CounterEntity, { where: { id: ticket.rating.counterId } });
      tx.emit('ticket.rated', { ticket: staffTicketView(ticket, counter ?? undefined), queues: [] });
      return publicRatingView(ticket, ticket.rating);
    });
  }

  /** The pad's screen: its counter, and the open request of the visit last called there. */
  async padView(principal: DevicePrincipal): Promise<RatingPadView> {
    return this.commands.read(async (manager) => {
      const counter = await manager.findOne(CounterEntity, { where: { id: principal.counterId ?? '' } });
      if (!counter) throw new DomainError('COUNTER_NOT_FOUND', 'This pad is not bound to a counter of the branch.');
      const branch = await manager.findOneOrFail(BranchEntity, { where: { id: counter.branchId } });
      const latest = await manager.findOne(TicketEntity, {
        where: { counterId: counter.id, businessDay: branch.businessDay, status: In(['called', 'serving', 'done']) },
        order: { calledAt: 'DESC' },
      });
      const now = this.clock.now();
      return {
        branch: { code: branch.code, name: branch.name },
        counter: { id: counter.id, code: counter.code, name: counter.name },
        request: latest?.rating && isRatingOpen(latest, now) ? publicRatingView(latest, latest.rating) : null,
        at: now.toISOString(),
      };
    });
  }
}

import type { QueueView } from '@lobbyflow/contracts';
import { estimateWaitMinutes, ticketsAhead } from '@lobbyflow/domain';
import { In, type EntityManager } from 'typeorm';
import type { BranchConfig } from '../branches/branch-config';
import { TicketEntity } from '../tickets/ticket.entity';

/** A waiting ticket's place: people ahead and the estimated wait in minutes. */
export interface Position {
  ahead: number;
  estimatedWaitMinutes: number;
}

/**
 * The figures of a branch's queues as they stand: waiting counts, estimates, positions. Computed from
 * the ticket rows inside the caller's transaction, so that an event carries the figures its change made.
 */
export class HallFigures {
  private constructor(
    private readonly config: BranchConfig,
    private readonly waiting: TicketEntity[],
  ) {}

  /** Loads the waiting tickets of `queueCodes` (all queues when omitted) for the current business day. */
  static async load(manager: EntityManager, config: BranchConfig, queueCodes?: string[]): Promise<HallFigures> {
    const waiting = await manager.find(TicketEntity, {
      where: {
        branchId: config.branch.id,
        businessDay: config.branch.businessDay,
        status: 'waiting',
        ...(queueCodes ? { queue: In(queueCodes) } : {}),
      },
    });
    return new HallFigures(config, waiting);
  }

  get waitingTickets(): readonly TicketEntity[] {
    return this.waiting;
  }

  queueView(code: string): QueueView {
    const queue = this.config.queue(code);
    const inQueue = this.waiting.filter((ticket) => ticket.queue === code);
    const oldest = inQueue.reduce<Date | null>(
      (min, ticket) => (min === null || ticket.queuedAt < min ? ticket.queuedAt : min),
      null,
    );
    return {
      code: queue.code,
      prefix: queue.prefix,
      name: queue.name,
      destination: queue.destination,
      waiting: inQueue.length,
      // What a customer taking a ticket now would wait: everyone in the queue is ahead.
      estimatedWaitMinutes: estimateWaitMinutes({
        ahead: inQueue.length,
        servingCounters: this.config.servingCounters(code),
        serviceMinutes: this.averageServiceMinutes(inQueue),
      }),
      longestWaitingSince: oldest?.toISOString() ?? null,
    };
  }

  queueViews(codes: readonly string[]): QueueView[] {
    return [...new Set(codes)].map((code) => this.queueView(code));
  }

  /** Where a waiting ticket stands; a ticket no longer waiting has nobody ahead and no wait. */
  position(ticket: Pick<TicketEntity, 'id' | 'number' | 'queue' | 'priority' | 'queuedAt' | 'status'>): Position {
    if (ticket.status !== 'waiting') return { ahead: 0, estimatedWaitMinutes: 0 };
    const inQueue = this.waiting.filter((other) => other.queue === ticket.queue);
    const ahead = ticketsAhead(ticket, inQueue);
    return {
      ahead,
      estimatedWaitMinutes: estimateWaitMinutes({
        ahead,
        servingCounters: this.config.servingCounters(ticket.queue),
        serviceMinutes: this.averageServiceMinutes(inQueue),
      }),
    };
  }

  private averageServiceMinutes(tickets: readonly TicketEntity[]): number {
    if (tickets.length === 0) return 0;
    const total = tickets.reduce((sum, ticket) => sum + this.config.typicalMinutes(ticket.businessType), 0);
    return total / tickets.length;
  }
}

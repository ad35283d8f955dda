import type { QueueView } from '@lobbyflow/contracts';
import {
  estimateWaitMinutes,
  expectedServiceMinutes,
  predictCallMinutes,
  type PredictionCounter,
  type PredictionTicket,
  RECENT_SERVICE_WINDOW_MINUTES,
  remainingServiceMinutes,
  type ServiceSample,
  ticketsAhead,
} from '@lobbyflow/domain';
import { type EntityManager, In, MoreThanOrEqual } from 'typeorm';
import type { BranchConfig } from '../branches/branch-config';
import { isSeatHeld } from '../counters/seats';
import { BranchEventEntity } from '../events/branch-event.entity';
import { TicketEntity } from '../tickets/ticket.entity';

/** A waiting ticket's place: people ahead and the estimated wait in minutes. */
export interface Position {
  ahead: number;
  estimatedWaitMinutes: number;
}

/** What the figures read of a ticket: its place in line, its business, and its time at a counter. */
const FIGURE_COLUMNS = {
  id: true,
  number: true,
  queue: true,
  priority: true,
  status: true,
  businessType: true,
  queuedAt: true,
  holdUntil: true,
  targetCounterId: true,
  counterId: true,
  calledAt: true,
  finishedAt: true,
} as const;
type FigureTicket = Pick<TicketEntity, keyof typeof FIGURE_COLUMNS>;

/** The id of the customer who would take a ticket now, in a queue's estimate. */
const NEWCOMER = '(newcomer)';

/**
 * The figures of a branch's queues as they stand at one instant: waiting counts, positions, and wait
 * estimates from LobbyFlow's predictor (libs/domain wait-prediction: the branch's call policy replayed
 * over every waiting ticket, counters free when their current service should end, service times as
 * observed in the last two hours). Loaded inside the caller's transaction, so that an event carries the
 * figures its change made. Estimates couple queues (a counter shares its time), so events carry them all.
 */
export class HallFigures {
  private predicted: Map<string, number> | null = null;
  private readonly newcomers = new Map<string, number>();

  private constructor(
    private readonly config: BranchConfig,
    private readonly waiting: FigureTicket[],
    private readonly atCounters: FigureTicket[],
    private readonly samples: ServiceSample[],
    private readonly now: Date,
  ) {}

  /**
   * Loads the hall of the current business day as it is at `now` (a command's instant). Every command of a
   * branch runs this, and it reads every open ticket of the day: one query, and only the columns the
   * figures use (hydrating whole rows with their JSON columns grew each command's cost with the queue).
   */
  static async load(manager: EntityManager, config: BranchConfig, now: Date): Promise<HallFigures> {
    const today = { branchId: config.branch.id, businessDay: config.branch.businessDay };
    const since = new Date(now.getTime() - RECENT_SERVICE_WINDOW_MINUTES * 60_000);
    const tickets: FigureTicket[] = await manager.find(TicketEntity, {
      where: [
        { ...today, status: In(['waiting', 'called', 'serving']) },
        { ...today, status: 'done', finishedAt: MoreThanOrEqual(since) },
      ],
      select: FIGURE_COLUMNS,
    });
    const waiting = tickets.filter((ticket) => ticket.status === 'waiting');
    const atCounters = tickets.filter((ticket) => ticket.status === 'called' || ticket.status === 'serving');
    // Service time is call to finish (domain.md §8): the counter is busy from the call.
    const samples = tickets.flatMap((ticket) =>
      ticket.status === 'done' && ticket.calledAt && ticket.finishedAt
        ? [
            {
              businessType: ticket.businessType,
              minutes: (ticket.finishedAt.getTime() - ticket.calledAt.getTime()) / 60_000,
              endedAt: ticket.finishedAt,
            },
          ]
        : [],
    );
    return new HallFigures(config, waiting, atCounters, samples, now);
  }

  /**
   * The figures as of the branch's last change (its last event), so that every screen loading a
   * snapshot at the same `seq` sees the same estimates, whatever the minute it loads.
   */
  static async asOfLastChange(manager: EntityManager, config: BranchConfig, fallback: Date): Promise<HallFigures> {
    const last = await manager.findOne(BranchEventEntity, {
      where: { branchId: config.branch.id, seq: config.branch.lastSeq },
      select: { seq: true, at: true },
    });
    return HallFigures.load(manager, config, last?.at ?? fallback);
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
      // What a customer taking an ordinary ticket now would wait.
      estimatedWaitMinutes: this.newcomerEstimate(code),
      longestWaitingSince: oldest?.toISOString() ?? null,
    };
  }

  queueViews(codes: readonly string[]): QueueView[] {
    return [...new Set(codes)].map((code) => this.queueView(code));
  }

  /** Every queue of the branch, in its configured order. */
  allQueueViews(): QueueView[] {
    return this.queueViews(this.config.queues.map((queue) => queue.code));
  }

  /** Where a waiting ticket stands; a ticket no longer waiting has nobody ahead and no wait. */
  position(ticket: Pick<TicketEntity, 'id' | 'number' | 'queue' | 'priority' | 'queuedAt' | 'status'>): Position {
    if (ticket.status !== 'waiting') return { ahead: 0, estimatedWaitMinutes: 0 };
    const inQueue = this.waiting.filter((other) => other.queue === ticket.queue);
    const ahead = ticketsAhead(ticket, inQueue);
    const predicted = this.predictions().get(ticket.id);
    return {
      ahead,
      estimatedWaitMinutes: predicted !== undefined ? Math.round(predicted) : this.simpleEstimate(ticket.queue, ahead),
    };
  }

  private predictions(): Map<string, number> {
    this.predicted ??= this.predict(this.predictionTickets());
    return this.predicted;
  }

  private newcomerEstimate(queue: string): number {
    const known = this.newcomers.get(queue);
    if (known !== undefined) return known;
    const newcomer: PredictionTicket = {
      id: NEWCOMER,
      number: '~',
      queue,
      priority: 'normal',
      queuedAt: this.now,
      targetCounterId: null,
      expectedServiceMinutes: 0,
    };
    const predicted = this.predict([...this.predictionTickets(), newcomer]).get(NEWCOMER);
    const inQueue = this.waiting.filter((ticket) => ticket.queue === queue).length;
    const estimate = predicted !== undefined ? Math.round(predicted) : this.simpleEstimate(queue, inQueue);
    this.newcomers.set(queue, estimate);
    return estimate;
  }

  private predict(tickets: PredictionTicket[]): Map<string, number> {
    return predictCallMinutes(this.predictionCounters(), tickets, this.config.branch.settings.callPolicy, this.now);
  }

  private predictionTickets(): PredictionTicket[] {
    return this.waiting.map((ticket) => ({
      id: ticket.id,
      number: ticket.number,
      queue: ticket.queue,
      priority: ticket.priority,
      queuedAt: ticket.queuedAt,
      targetCounterId: ticket.targetCounterId,
      holdUntil: ticket.holdUntil,
      expectedServiceMinutes: this.expectedMinutes(ticket.businessType),
    }));
  }

  /**
   * Counters that serve now: open, with somebody signed in at them; each free when its current
   * customer's service is expected to end.
   */
  private predictionCounters(): PredictionCounter[] {
    return this.config.counters
      .filter((counter) => counter.status === 'open' && isSeatHeld(counter, this.now))
      .map((counter) => {
        const current = this.atCounters.find((ticket) => ticket.counterId === counter.id);
        const elapsed = current?.calledAt ? (this.now.getTime() - current.calledAt.getTime()) / 60_000 : 0;
        return {
          id: counter.id,
          queues: counter.queues,
          priorityStreak: counter.priorityStreak,
          busyForMinutes: current ? remainingServiceMinutes(this.expectedMinutes(current.businessType), elapsed) : 0,
        };
      });
  }

  private expectedMinutes(businessType: string): number {
    return expectedServiceMinutes(businessType, this.config.typicalMinutes(businessType), this.samples, this.now);
  }

  /** The simple estimate, for a queue no open counter serves (LobbyFlow assumes one will open). */
  private simpleEstimate(queue: string, ahead: number): number {
    const inQueue = this.waiting.filter((ticket) => ticket.queue === queue);
    const serviceMinutes =
      inQueue.length === 0
        ? 0
        : inQueue.reduce((sum, ticket) => sum + this.config.typicalMinutes(ticket.businessType), 0) / inQueue.length;
    return estimateWaitMinutes({ ahead, servingCounters: this.config.servingCounters(queue), serviceMinutes });
  }
}

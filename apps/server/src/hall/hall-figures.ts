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
import type { BranchEntity } from '../branches/branch.entity';
import { BranchEventEntity } from '../events/branch-event.entity';
import { EntityRows } from '../database/entity-rows';
import { plainQuery } from '../database/plain-sql';
import { assertSameAsRead, FIGURE_COLUMNS, type FigureTicket, HallCache, inFigures } from './hall-cache';
import { TicketEntity } from '../tickets/ticket.entity';

/** A waiting ticket's place: people ahead and the estimated wait in minutes. */
export interface Position {
  ahead: number;
  estimatedWaitMinutes: number;
}

/** A queue's waiting tickets, the earliest time one of them queued, and their typical service minutes summed. */
interface QueueWaiting {
  tickets: FigureTicket[];
  oldestMs: number | null;
  typicalMinutes: number;
}

const NOBODY_WAITING: QueueWaiting = Object.freeze({ tickets: [], oldestMs: null, typicalMinutes: 0 });

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
  private forPrediction: PredictionTicket[] | null = null;
  private serving: PredictionCounter[] | null = null;
  /** The waiting tickets by queue, sorted out once per figures (every queue's view and estimate uses them). */
  private byQueue: Map<string, QueueWaiting> | null = null;
  private readonly serviceMinutes = new Map<string, number>();
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
   * branch runs this: the open tickets come from the hall cache, brought up to date with the ticket rows
   * written since it last looked (hall/hall-cache.ts), so a command reads its own ticket rather than the
   * whole queue; the first command of a day, or of a server, reads every open ticket (twelve columns).
   */
  static async load(manager: EntityManager, config: BranchConfig, now: Date): Promise<HallFigures> {
    const { branch } = config;
    const since = new Date(now.getTime() - RECENT_SERVICE_WINDOW_MINUTES * 60_000);
    const cache = HallCache.of(manager);
    const held = cache.tickets(branch, since);
    // A full read keeps finished tickets a while longer than the window, so that a read "as of the last
    // change" (an earlier instant than the last command's) can still use what is held.
    const doneSince = new Date(since.getTime() - RECENT_SERVICE_WINDOW_MINUTES * 60_000);
    const rows = held
      ? await readChangedTickets(manager, branch, held.rev)
      : await readOpenTickets(manager, branch, doneSince);
    const current = cache.advance(manager, branch, held, rows, doneSince);
    if (held && cache.verifying) {
      const full = await readOpenTickets(manager, branch, since);
      assertSameAsRead('open tickets', branch.code, figureState(current.values(), since), figureState(full, since));
    }
    const waiting: FigureTicket[] = [];
    const atCounters: FigureTicket[] = [];
    const samples: ServiceSample[] = [];
    current.forEach((ticket) => {
      if (ticket.status === 'waiting') waiting.push(ticket);
      else if (ticket.status === 'called' || ticket.status === 'serving') atCounters.push(ticket);
      // Service time is call to finish (domain.md §8): the counter is busy from the call.
      else if (ticket.status === 'done' && ticket.calledAt && ticket.finishedAt && ticket.finishedAt >= since) {
        samples.push({
          businessType: ticket.businessType,
          minutes: (ticket.finishedAt.getTime() - ticket.calledAt.getTime()) / 60_000,
          endedAt: ticket.finishedAt,
        });
      }
    });
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
    const { tickets: inQueue, oldestMs } = this.waitingOf(code);
    return {
      code: queue.code,
      prefix: queue.prefix,
      name: queue.name,
      destination: queue.destination,
      waiting: inQueue.length,
      // What a customer taking an ordinary ticket now would wait.
      estimatedWaitMinutes: this.newcomerEstimate(code),
      longestWaitingSince: oldestMs === null ? null : new Date(oldestMs).toISOString(),
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
    const inQueue = this.waitingIn(ticket.queue);
    const ahead = ticketsAhead(ticket, inQueue);
    const predicted = this.predictions().get(ticket.id);
    return {
      ahead,
      estimatedWaitMinutes: predicted !== undefined ? Math.round(predicted) : this.simpleEstimate(ticket.queue, ahead),
    };
  }

  private waitingIn(queue: string): FigureTicket[] {
    return this.waitingOf(queue).tickets;
  }

  /** A queue's waiting tickets and what its view sums up from them, all queues in one pass over the hall. */
  private waitingOf(queue: string): QueueWaiting {
    if (!this.byQueue) {
      this.byQueue = new Map();
      for (const ticket of this.waiting) {
        const queuedMs = ticket.queuedAt.getTime();
        const minutes = this.config.typicalMinutes(ticket.businessType);
        const entry = this.byQueue.get(ticket.queue);
        if (!entry) {
          this.byQueue.set(ticket.queue, { tickets: [ticket], oldestMs: queuedMs, typicalMinutes: minutes });
          continue;
        }
        entry.tickets.push(ticket);
        entry.typicalMinutes += minutes;
        if (queuedMs < (entry.oldestMs as number)) entry.oldestMs = queuedMs;
      }
    }
    return this.byQueue.get(queue) ?? NOBODY_WAITING;
  }

  private predictions(): Map<string, number> {
    this.predicted ??= this.predict(() => this.predictionTickets());
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
    const predicted = this.predict(() => [...this.predictionTickets(), newcomer]).get(NEWCOMER);
    const inQueue = this.waitingIn(queue).length;
    const estimate = predicted !== undefined ? Math.round(predicted) : this.simpleEstimate(queue, inQueue);
    this.newcomers.set(queue, estimate);
    return estimate;
  }

  /** The predictor's replay over `tickets`, made only when somebody serves. */
  private predict(tickets: () => PredictionTicket[]): Map<string, number> {
    const counters = this.predictionCounters();
    // Nobody serving: every estimate falls back to the simple one, without replaying the queue (or making
    // the list of every waiting ticket it would replay).
    if (counters.length === 0) return new Map();
    return predictCallMinutes(counters, tickets(), this.config.branch.settings.callPolicy, this.now);
  }

  /** The waiting tickets as the predictor takes them, made once per figures (each queue's estimate uses them). */
  private predictionTickets(): PredictionTicket[] {
    this.forPrediction ??= this.waiting.map((ticket) => ({
      id: ticket.id,
      number: ticket.number,
      queue: ticket.queue,
      priority: ticket.priority,
      queuedAt: ticket.queuedAt,
      targetCounterId: ticket.targetCounterId,
      holdUntil: ticket.holdUntil,
      expectedServiceMinutes: this.expectedMinutes(ticket.businessType),
    }));
    return this.forPrediction;
  }

  /**
   * Counters that serve now: open, with somebody signed in at them; each free when its current
   * customer's service is expected to end.
   */
  private predictionCounters(): PredictionCounter[] {
    this.serving ??= this.config.counters
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
    return this.serving;
  }

  /** Expected service minutes of a business type, worked out once per figures from the recent samples. */
  private expectedMinutes(businessType: string): number {
    let minutes = this.serviceMinutes.get(businessType);
    if (minutes === undefined) {
      minutes = expectedServiceMinutes(businessType, this.config.typicalMinutes(businessType), this.samples, this.now);
      this.serviceMinutes.set(businessType, minutes);
    }
    return minutes;
  }

  /** The simple estimate, for a queue no open counter serves (LobbyFlow assumes one will open). */
  private simpleEstimate(queue: string, ahead: number): number {
    const { tickets: inQueue, typicalMinutes } = this.waitingOf(queue);
    const serviceMinutes = inQueue.length === 0 ? 0 : typicalMinutes / inQueue.length;
    return estimateWaitMinutes({ ahead, servingCounters: this.config.servingCounters(queue), serviceMinutes });
  }
}

/** Every open ticket of the branch's day and those finished since `since`: the figures of a cold cache. */
async function readOpenTickets(manager: EntityManager, branch: BranchEntity, since: Date): Promise<FigureTicket[]> {
  const today = { branchId: branch.id, businessDay: branch.businessDay };
  return manager.find(TicketEntity, {
    where: [
      { ...today, status: In(['waiting', 'called', 'serving']) },
      { ...today, status: 'done', finishedAt: MoreThanOrEqual(since) },
    ],
    select: FIGURE_COLUMNS,
  });
}

/**
 * The branch's tickets of its day written after revision `rev` (ticket.rev, set by a trigger): every
 * command reads this, so it is plain SQL (the e2e suites compare the result with TypeORM's full read).
 */
async function readChangedTickets(manager: EntityManager, branch: BranchEntity, rev: number): Promise<FigureTicket[]> {
  const rows = await plainQuery<Record<string, unknown>>(
    manager,
    `SELECT ${FIGURE_SQL_COLUMNS} FROM "ticket" WHERE "branchId" = ? AND "businessDay" = ? AND "rev" > ?`,
    [branch.id, branch.businessDay, rev],
  );
  const tickets = EntityRows.of(manager, TicketEntity);
  return rows.map((row) => tickets.hydrate(row));
}

const FIGURE_SQL_COLUMNS = Object.keys(FIGURE_COLUMNS)
  .map((column) => `"${column}"`)
  .join(', ');

/** The figures' view of a set of tickets, for comparing the cache with a full read (revisions aside). */
function figureState(tickets: Iterable<FigureTicket>, since: Date): Record<string, Omit<FigureTicket, 'rev'>> {
  const state: Record<string, Omit<FigureTicket, 'rev'>> = {};
  for (const { rev: _rev, ...ticket } of tickets) {
    if (inFigures(ticket, since)) state[ticket.id] = { ...ticket };
  }
  return state;
}

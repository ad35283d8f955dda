import { createHash } from 'node:crypto';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type {
  AdviceOutcome,
  IssuedTicket,
  PriorityClass,
  StaffTicketView,
  TicketTokenView,
  TriageResult,
} from '@lobbyflow/contracts';
import {
  DomainError,
  chooseNextTicket,
  divert,
  formatTicketNumber,
  identify,
  isDomainError,
  knownTierOf,
  transition,
  type TicketCommand,
} from '@lobbyflow/domain';
import { In, LessThan, type EntityManager } from 'typeorm';
import { isStaff, type Principal, type StaffPrincipal } from '../auth/principal';
import { newTicketToken } from '../auth/secrets';
import { HallFigures } from '../hall/hall-figures';
import { Clock } from '../common/clock';
import { BranchEntity } from '../branches/branch.entity';
import { BranchConfig } from '../branches/branch-config';
import type { QueueEntity } from '../branches/queue.entity';
import { BranchCommands, type BranchTransaction } from '../commands/branch-commands';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { CounterEntity } from '../counters/counter.entity';
import { CustomerProfileEntity } from '../customers/customer-profile.entity';
import { idHash, type IdKind, normalizeIdNumber } from '../customers/identity-number';
import { StaffUserEntity } from '../staff/staff-user.entity';
import { AcceptAdviceDto, IssueTicketDto, TriageDto } from './dto/issue-ticket.dto';
import { assertMayAct, ticketInBranch } from './ticket-access';
import { DiversionRecordEntity } from './diversion-record.entity';
import { TicketEntity } from './ticket.entity';
import { staffTicketView, ticketTokenView } from './ticket-views';
import { IDEMPOTENCY_KEY } from '../idempotency/idempotent-request';
import { plainQuery } from '../database/plain-sql';
import { EntityRows } from '../database/entity-rows';

interface TransferRequest {
  action: 'transfer';
  queue?: string;
  counterId?: string;
}

/** A lifecycle command as an HTTP caller states it (a transfer may name only a counter). */
export type TicketRequest = Exclude<TicketCommand, { action: 'call' | 'expire' | 'transfer' }> | TransferRequest;

const TICKET_TOKEN = /^lft_[A-Za-z0-9_-]{16,60}$/;

/** Where a new ticket goes (TicketsService.placement). */
interface Placement {
  queue: QueueEntity;
  priority: PriorityClass;
  diversion: ReturnType<typeof divert>;
  identification: ReturnType<typeof identify>;
  profile: CustomerProfileEntity | null;
  adviceOutcome: AdviceOutcome | null;
}

export interface IssueOutcome {
  ticket: IssuedTicket;
  /** True when an Idempotency-Key matched an earlier request: nothing new was written. */
  replayed: boolean;
}

/** Issues tickets and moves them through their lifecycle, one branch command at a time. */
@Injectable()
export class TicketsService implements OnModuleInit {
  constructor(
    private readonly commands: BranchCommands,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly appConfig: AppConfig,
  ) {}

  onModuleInit(): void {
    this.commands.onDayStart((tx) => this.expireOpenTickets(tx));
  }

  /** Advice only: where this business would go. Nothing is written. */
  async triage(branchCode: string, dto: TriageDto): Promise<TriageResult> {
    return this.commands.read(async (manager) => {
      const config = await this.branchConfig(manager, branchCode);
      config.businessType(dto.businessType);
      const diversion = divert(dto, config.diversionRules);
      config.queue(diversion.counterQueue);
      return diversion;
    });
  }

  async issue(
    branchCode: string,
    principal: Principal,
    dto: IssueTicketDto,
    idempotencyKey?: string,
  ): Promise<IssueOutcome> {
    assertIdempotencyKey(idempotencyKey);
    if (dto.priority === 'vip' && !(isStaff(principal) && ['lobby-manager', 'admin'].includes(principal.role))) {
      throw new DomainError('PRIORITY_NOT_ALLOWED', 'Only the lobby manager may issue a VIP ticket.');
    }
    if (dto.priorityReason !== undefined && dto.priority !== 'priority') {
      throw new DomainError('VALIDATION_FAILED', 'priorityReason is only given with priority "priority".', {
        fields: ['priorityReason'],
      });
    }
    // A card or phone number is looked up by its keyed hash; it enters neither the database nor the
    // request hash in clear (an unkeyed hash of a card number could be reversed by trying them all).
    const customerHash = dto.customer ? this.customerHash(dto.customer.idKind, dto.customer.idNumber) : null;
    const requestHash = createHash('sha256')
      .update(JSON.stringify(canonical({ ...dto, customer: customerHash })))
      .digest('hex');

    return this.commands.run(branchCode, async (tx) => {
      const { manager, branch, now } = tx;
      const config = await BranchConfig.load(manager, branch);
      // Where the ticket goes, worked out before the replay check, which shares one statement with the
      // ticket's number. A refusal waits for that check: a retried request whose ticket was issued gets
      // its ticket, even if its business type has been retired since.
      let placement: Placement | null = null;
      let refusal: unknown = null;
      try {
        placement = await this.placement(tx, config, dto, customerHash);
      } catch (error) {
        if (!isDomainError(error)) throw error;
        refusal = error;
      }
      // A key lives for the business day: kiosks retry within seconds, and yesterday's ticket is closed.
      // Almost every key is new: the id first, the whole row only for a replay.
      const [{ seen, last }] = await plainQuery<{ seen: string | null; last: number | string | null }>(
        manager,
        `SELECT (SELECT "id" FROM "ticket" WHERE "branchId" = ? AND "businessDay" = ? AND "idempotencyKey" = ?) AS "seen",
           (SELECT MAX("sequence") FROM "ticket" WHERE "branchId" = ? AND "businessDay" = ? AND "issueQueue" = ?) AS "last"`,
        [
          branch.id,
          branch.businessDay,
          idempotencyKey ?? null,
          branch.id,
          branch.businessDay,
          placement?.queue.code ?? null,
        ],
      );
      if (seen !== null) {
        const earlier = await manager.findOneByOrFail(TicketEntity, { id: seen });
        if (earlier.requestHash !== requestHash) {
          throw new DomainError(
            'IDEMPOTENCY_KEY_REUSED',
            'This Idempotency-Key was already used for a different ticket request; use a new key for a new request.',
          );
        }
        const figures = await HallFigures.load(manager, config, now);
        return { ticket: issuedView(earlier, config, figures), replayed: true };
      }
      if (!placement) throw refusal;
      const { queue, priority, diversion, identification, profile, adviceOutcome } = placement;
      const sequence = Number(last ?? 0) + 1;

      const ticket = manager.create(TicketEntity, {
        id: crypto.randomUUID(),
        branchId: branch.id,
        businessDay: branch.businessDay,
        issueQueue: queue.code,
        sequence,
        number: formatTicketNumber(queue.prefix, sequence),
        queue: queue.code,
        businessType: dto.businessType,
        destination: diversion.counterDestination,
        amount: dto.amount ?? null,
        hasCard: dto.hasCard ?? null,
        priority,
        priorityReason: priority === 'priority' ? (dto.priorityReason ?? null) : null,
        customer: profile
          ? { id: profile.id, masked: profile.masked, displayName: profile.displayName, tier: profile.tier }
          : null,
        signals: diversion.signals,
        identification,
        adviceOutcome,
        status: 'waiting',
        issuedAt: now,
        queuedAt: now,
        calledAt: null,
        startedAt: null,
        finishedAt: null,
        recallCount: 0,
        counterId: null,
        targetCounterId: null,
        parkedFor: null,
        servedBy: null,
        businessDone: [],
        rating: null,
        token: newTicketToken(),
        idempotencyKey: idempotencyKey ?? null,
        requestHash: idempotencyKey !== undefined ? requestHash : null,
      });
      await EntityRows.of(manager, TicketEntity).insert([ticket]);
      if (adviceOutcome) {
        await this.recordAdvice(tx, dto.businessType, adviceOutcome, ticket.id);
      }
      const figures = await HallFigures.load(manager, config, tx.now);
      tx.emit('ticket.issued', { ticket: staffTicketView(ticket), queues: figures.allQueueViews() });
      return { ticket: issuedView(ticket, config, figures), replayed: false };
    });
  }

  /** Where a new ticket goes: the customer's profile and identification, its priority, diversion and queue. */
  private async placement(
    tx: BranchTransaction,
    config: BranchConfig,
    dto: IssueTicketDto,
    customerHash: string | null,
  ): Promise<Placement> {
    const { manager, branch } = tx;
    config.businessType(dto.businessType);
    const profile = customerHash
      ? await manager.findOne(CustomerProfileEntity, { where: { branchId: branch.id, idHash: customerHash } })
      : null;
    // Identification starts at the kiosk: a known tier from the card, and the business itself (§3).
    const signals = divert(dto, config.diversionRules).signals;
    const identification = identify(
      {
        signals: signals.map((code) => ({ code })),
        tier: profile
          ? knownTierOf(profile.tier, profile, branch.settings.tierLadders, branch.settings.identification.vipTiers)
          : null,
      },
      branch.settings.identification,
    );
    // An existing VIP gets VIP priority (and the VIP counter where the branch routes VIPs there).
    const priority = identification.classification === 'vip' ? 'vip' : (dto.priority ?? 'normal');
    const diversion = divert({ ...dto, priority }, config.diversionRules);
    const queue = config.queue(diversion.counterQueue);
    const adviceOutcome: AdviceOutcome | null = diversion.selfService
      ? dto.declinedAdvice
        ? 'declined'
        : 'not-shown'
      : null;
    return { queue, priority, diversion, identification, profile, adviceOutcome };
  }

  private customerHash(kind: IdKind, number: string): string {
    try {
      return idHash(this.appConfig.customerKey, kind, normalizeIdNumber(kind, number));
    } catch (error) {
      throw new DomainError('VALIDATION_FAILED', `Invalid request: customer.idNumber: ${(error as Error).message}`, {
        fields: ['customer.idNumber'],
      });
    }
  }

  /** The customer took the self-service advice: counted for the diversion rate, no ticket. */
  async acceptAdvice(branchCode: string, dto: AcceptAdviceDto, idempotencyKey?: string): Promise<TriageResult> {
    assertIdempotencyKey(idempotencyKey);
    return this.commands.run(branchCode, async (tx) => {
      const config = await BranchConfig.load(tx.manager, tx.branch);
      config.businessType(dto.businessType);
      const diversion = divert(dto, config.diversionRules);
      if (!diversion.selfService) {
        throw new DomainError(
          'NO_ROUTE',
          `"${dto.businessType}" with these details is not self-service business; issue a ticket instead.`,
        );
      }
      const replay =
        idempotencyKey !== undefined &&
        (await tx.manager.exists(DiversionRecordEntity, {
          where: { branchId: tx.branch.id, businessDay: tx.branch.businessDay, idempotencyKey },
        }));
      if (!replay) await this.recordAdvice(tx, dto.businessType, 'accepted', null, idempotencyKey);
      return diversion;
    });
  }

  async byToken(token: string): Promise<TicketTokenView> {
    return this.commands.read(async (manager) => {
      const ticket = TICKET_TOKEN.test(token) ? await manager.findOne(TicketEntity, { where: { token } }) : null;
      if (!ticket)
        throw new DomainError('TICKET_NOT_FOUND', 'This ticket link is not valid; please scan the code again.');
      const branch = await manager.findOneOrFail(BranchEntity, { where: { id: ticket.branchId } });
      const config = await BranchConfig.load(manager, branch);
      const figures = await HallFigures.asOfLastChange(manager, config, this.clock.now());
      return ticketTokenView(ticket, config, figures);
    });
  }

  /** The counter's teller calls whoever the call policy picks; null when nothing waits. */
  async callNext(counterId: string, principal: StaffPrincipal): Promise<StaffTicketView | null> {
    return this.commands.run(principal.branch, async (tx) => {
      const { manager, branch, now } = tx;
      const config = await BranchConfig.load(manager, branch);
      const counter = assertSignedInAt(config, counterId, principal);
      await this.assertCounterCanCall(manager, counter);
      const waiting = await manager.find(TicketEntity, {
        where: { branchId: branch.id, businessDay: branch.businessDay, status: 'waiting' },
      });
      const decision = chooseNextTicket(counter, waiting, branch.settings.callPolicy, now);
      if (!decision) return null;
      const ticket = waiting.find((candidate) => candidate.id === decision.ticketId) as TicketEntity;
      counter.priorityStreak = decision.priorityStreak;
      await manager.update(CounterEntity, { id: counter.id }, { priorityStreak: decision.priorityStreak });
      return this.apply(tx, config, ticket, { action: 'call', counterId: counter.id, staffId: principal.userId });
    });
  }

  /** Calls one chosen ticket: a waiting one in a queue this counter serves, or one parked for the caller. */
  async call(ticketId: string, principal: StaffPrincipal): Promise<StaffTicketView> {
    const counterId = principal.counterId;
    if (!counterId) throw new DomainError('WRONG_COUNTER', 'Sign in at a counter to call tickets.');
    return this.commands.run(principal.branch, async (tx) => {
      const config = await BranchConfig.load(tx.manager, tx.branch);
      const counter = assertSignedInAt(config, counterId, principal);
      const ticket = await ticketInBranch(tx, ticketId);
      assertMayAct(principal, ticket, 'call');
      const directedHere = ticket.targetCounterId === counter.id;
      if (ticket.status === 'waiting' && ticket.targetCounterId && !directedHere) {
        throw new DomainError('COUNTER_NOT_SERVING_QUEUE', `Ticket ${ticket.number} was sent to another counter.`);
      }
      if (ticket.status === 'waiting' && !directedHere && !counter.queues.some((q) => q.queue === ticket.queue)) {
        throw new DomainError(
          'COUNTER_NOT_SERVING_QUEUE',
          `Counter ${counter.code} does not serve queue ${ticket.queue}; ask the lobby manager to transfer ticket ${ticket.number}.`,
        );
      }
      await this.assertCounterCanCall(tx.manager, counter);
      return this.apply(tx, config, ticket, { action: 'call', counterId: counter.id, staffId: principal.userId });
    });
  }

  /** Any other lifecycle command on one ticket (recall, start, finish, no-show, return, transfer, park, cancel). */
  async act(ticketId: string, principal: StaffPrincipal, request: TicketRequest): Promise<StaffTicketView> {
    return this.commands.run(principal.branch, async (tx) => {
      const config = await BranchConfig.load(tx.manager, tx.branch);
      const ticket = await ticketInBranch(tx, ticketId);
      assertMayAct(principal, ticket, request.action);
      const command = request.action === 'transfer' ? this.transferCommand(config, ticket, request) : request;
      if (command.action === 'park') {
        const staff = await tx.manager.findOne(StaffUserEntity, {
          where: { id: command.staffId, branchId: tx.branch.id, active: true },
        });
        if (!staff) throw new DomainError('STAFF_NOT_FOUND', 'There is no such active staff member in this branch.');
        // A parked ticket is called from a counter: park it only for someone who works at one.
        if (!staff.counterId) {
          throw new DomainError(
            'STAFF_NOT_FOUND',
            `${staff.displayName} does not work at a counter and could not call the ticket; park it for a teller or RM.`,
          );
        }
      }
      if (command.action === 'finish') {
        for (const code of command.businessDone) config.businessType(code);
        // None named: the ticket's own business, in a list of its own (the caller's request stays as sent,
        // as a command may run again: BranchCommands.run).
        if (command.businessDone.length === 0) {
          return this.apply(tx, config, ticket, { ...command, businessDone: [ticket.businessType] });
        }
      }
      return this.apply(tx, config, ticket, command);
    });
  }

  /**
   * Staff add identification signals to a ticket (a teller while serving, the lobby manager on any open
   * ticket): the verdict is evaluated again under the rules in force and `vip.flagged` goes to staff.
   */
  async flag(ticketId: string, principal: StaffPrincipal, signals: string[], note?: string): Promise<StaffTicketView> {
    return this.commands.run(principal.branch, async (tx) => {
      const ticket = await ticketInBranch(tx, ticketId);
      if (!['waiting', 'called', 'serving', 'parked'].includes(ticket.status)) {
        throw new DomainError('ILLEGAL_TRANSITION', `Ticket ${ticket.number} is closed; it can no longer be flagged.`);
      }
      const lobby = principal.role === 'lobby-manager' || principal.role === 'admin';
      if (!lobby && ticket.counterId !== principal.counterId) {
        throw new DomainError('WRONG_COUNTER', `Ticket ${ticket.number} is not at your counter.`);
      }
      const at = tx.now.toISOString();
      const added = [...new Set(signals)];
      const observations = [
        ...(ticket.observations ?? []),
        ...added.map((code) => ({
          code,
          role: principal.role,
          userId: principal.userId,
          at,
          ...(note ? { note } : {}),
        })),
      ];
      // The tier the kiosk found for a known customer stays part of the verdict: a flag never unmakes a VIP.
      const profile = ticket.customer
        ? await tx.manager.findOne(CustomerProfileEntity, { where: { id: ticket.customer.id, branchId: tx.branch.id } })
        : null;
      const { identification: rules, tierLadders } = tx.branch.settings;
      ticket.identification = identify(
        {
          signals: [
            ...ticket.signals.map((code) => ({ code })),
            ...observations.map((observation) => ({ code: observation.code, note: observation.note })),
          ],
          tier: profile ? knownTierOf(profile.tier, profile, tierLadders, rules.vipTiers) : null,
        },
        rules,
      );
      ticket.observations = observations;
      await tx.manager.save(TicketEntity, ticket);
      const config = await BranchConfig.load(tx.manager, tx.branch);
      const view = staffTicketView(ticket, config.counterById(ticket.counterId));
      tx.emit('vip.flagged', {
        ticket: view,
        added,
        by: { userId: principal.userId, role: principal.role },
        queues: [],
      });
      return view;
    });
  }

  /** A transfer names a queue, a counter, or both; a counter alone keeps the queue if it serves it. */
  private transferCommand(config: BranchConfig, ticket: TicketEntity, request: TransferRequest): TicketCommand {
    if (!request.queue && !request.counterId) {
      throw new DomainError(
        'TRANSFER_TARGET_REQUIRED',
        'Say where to transfer the ticket: a queue, a counter, or both.',
      );
    }
    const target = request.counterId ? config.counter(request.counterId) : undefined;
    const servesTicketQueue = target?.queues.some((served) => served.queue === ticket.queue);
    const queue = request.queue ?? (servesTicketQueue ? ticket.queue : target?.queues[0]?.queue);
    if (!queue) throw new DomainError('COUNTER_NOT_SERVING_QUEUE', `Counter ${target?.code} serves no queue.`);
    config.queue(queue);
    if (target && !target.queues.some((served) => served.queue === queue)) {
      throw new DomainError('COUNTER_NOT_SERVING_QUEUE', `Counter ${target.code} does not serve queue ${queue}.`);
    }
    return { action: 'transfer', queue, counterId: target?.id ?? null, destination: config.queue(queue).destination };
  }

  private async apply(
    tx: BranchTransaction,
    config: BranchConfig,
    ticket: TicketEntity,
    command: TicketCommand,
  ): Promise<StaffTicketView> {
    const before = {
      queue: ticket.queue,
      counterId: ticket.counterId,
      calledAt: ticket.calledAt,
      startedAt: ticket.startedAt,
    };
    Object.assign(ticket, transition(ticket, command, tx.branch.settings.lifecycle, tx.now));
    await tx.manager.save(TicketEntity, ticket);
    const view = staffTicketView(ticket, config.counterById(ticket.counterId));
    const queues = (await HallFigures.load(tx.manager, config, tx.now)).allQueueViews();
    if (command.action === 'transfer') {
      // The ticket's row starts a new wait; the service it got at the first counter stays in the log.
      const leg = before.calledAt
        ? {
            counter: config.counterById(before.counterId)?.code ?? null,
            calledAt: before.calledAt.toISOString(),
            startedAt: before.startedAt?.toISOString() ?? null,
            endedAt: tx.now.toISOString(),
          }
        : null;
      tx.emit('ticket.transferred', { ticket: view, fromQueue: before.queue, queues, leg });
    } else {
      tx.emit(EVENT_OF[command.action], { ticket: view, queues });
    }
    return view;
  }

  private async assertCounterCanCall(manager: EntityManager, counter: CounterEntity): Promise<void> {
    if (counter.status === 'paused') {
      throw new DomainError('COUNTER_PAUSED', `Counter ${counter.code} is paused; resume it before calling.`);
    }
    if (counter.status === 'closed') {
      throw new DomainError('COUNTER_CLOSED', `Counter ${counter.code} is closed; open it before calling.`);
    }
    const current = await manager.findOne(TicketEntity, {
      where: { counterId: counter.id, status: In(['called', 'serving']) },
    });
    if (current) {
      throw new DomainError(
        'COUNTER_BUSY',
        `Counter ${counter.code} is still handling ticket ${current.number}; finish it, mark a no-show or return it first.`,
        { ticket: current.number },
      );
    }
  }

  /**
   * The lobby manager re-diverts a waiting customer to self-service (the amount is small after all, the
   * machine is free): the ticket is cancelled and the diversion recorded as `redirected`, with the reason,
   * in one transaction. Only business the branch lets machines do can be re-diverted.
   */
  async redirectToSelfService(ticketId: string, principal: StaffPrincipal, reason: string): Promise<StaffTicketView> {
    return this.commands.run(principal.branch, async (tx) => {
      const config = await BranchConfig.load(tx.manager, tx.branch);
      const ticket = await ticketInBranch(tx, ticketId);
      if (ticket.status !== 'waiting') {
        throw new DomainError(
          'ILLEGAL_TRANSITION',
          `Ticket ${ticket.number} is ${ticket.status}; only a waiting customer can be sent to self-service.`,
        );
      }
      const type = config.businessType(ticket.businessType);
      if (!type.routes.some((route) => route.destination === 'self-service')) {
        throw new DomainError('NO_ROUTE', `"${ticket.businessType}" cannot be done at the self-service machines here.`);
      }
      const view = await this.apply(tx, config, ticket, { action: 'cancel' });
      await this.recordAdvice(tx, ticket.businessType, 'redirected', ticket.id, undefined, reason);
      return view;
    });
  }

  private async recordAdvice(
    tx: BranchTransaction,
    businessType: string,
    outcome: AdviceOutcome,
    ticketId: string | null,
    idempotencyKey?: string,
    reason?: string,
  ) {
    await tx.manager.insert(DiversionRecordEntity, {
      idempotencyKey: idempotencyKey ?? null,
      id: crypto.randomUUID(),
      branchId: tx.branch.id,
      businessDay: tx.branch.businessDay,
      businessType,
      destination: 'self-service',
      outcome,
      ticketId,
      at: tx.now,
    });
    tx.emit('diversion.recorded', {
      businessType,
      destination: 'self-service',
      outcome,
      ticketId,
      ...(reason ? { reason } : {}),
    });
  }

  /** Day start: tickets still open from an earlier business day are closed as expired. */
  private async expireOpenTickets(tx: BranchTransaction): Promise<void> {
    const stale = await tx.manager.find(TicketEntity, {
      where: {
        branchId: tx.branch.id,
        businessDay: LessThan(tx.branch.businessDay),
        status: In(['waiting', 'called', 'serving', 'parked']),
      },
    });
    if (stale.length === 0) return;
    const config = await BranchConfig.load(tx.manager, tx.branch);
    for (const ticket of stale) await this.apply(tx, config, ticket, { action: 'expire' });
    await tx.manager.update(CounterEntity, { branchId: tx.branch.id }, { priorityStreak: 0 });
  }

  private async branchConfig(manager: EntityManager, branchCode: string): Promise<BranchConfig> {
    const branch = await manager.findOne(BranchEntity, { where: { code: branchCode } });
    if (!branch) throw new DomainError('BRANCH_NOT_FOUND', `There is no branch with code "${branchCode}".`);
    return BranchConfig.load(manager, branch);
  }
}

/** The counter a caller works at, checked against the one in the path. */
function assertSignedInAt(config: BranchConfig, counterId: string, principal: StaffPrincipal): CounterEntity {
  const counter = config.counter(counterId);
  if (principal.counterId !== counterId) {
    throw new DomainError('WRONG_COUNTER', 'You are signed in at another counter; sign in at this one to call here.');
  }
  return counter;
}

function assertIdempotencyKey(key: string | undefined): void {
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
    throw new DomainError(
      'IDEMPOTENCY_KEY_INVALID',
      'Idempotency-Key must be 8 to 128 characters of letters, digits and _ . : - (a UUID is ideal).',
    );
  }
}

const EVENT_OF = {
  call: 'ticket.called',
  recall: 'ticket.recalled',
  start: 'ticket.started',
  finish: 'ticket.finished',
  'no-show': 'ticket.no-show',
  return: 'ticket.returned',
  park: 'ticket.parked',
  cancel: 'ticket.cancelled',
  expire: 'ticket.expired',
} as const;

/** Key order must not change the hash of an otherwise identical request. */
function canonical(dto: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(dto).sort(([a], [b]) => a.localeCompare(b)));
}

/** The ticket as the kiosk shows it: place, estimate, where to go, the phone link. */
function issuedView(ticket: TicketEntity, config: BranchConfig, figures: HallFigures): IssuedTicket {
  const { ahead, estimatedWaitMinutes } = figures.position(ticket);
  // Where this ticket goes, in one sentence: the counter route's advice (never the self-service advice
  // the customer already declined). Recomputed for a replay, from the ticket's own facts, with its business
  // type even if that has been retired since (a kiosk retrying gets the ticket it was issued).
  const { counterAdvice: advice } = divert(
    {
      businessType: ticket.businessType,
      amount: ticket.amount ?? undefined,
      hasCard: ticket.hasCard ?? undefined,
      priority: ticket.priority,
    },
    { ...config.diversionRules, businessTypes: config.businessTypes },
  );
  return {
    id: ticket.id,
    number: ticket.number,
    queue: ticket.queue,
    destination: ticket.destination,
    ahead,
    estimatedWaitMinutes,
    token: ticket.token,
    issuedAt: ticket.issuedAt.toISOString(),
    businessDay: ticket.businessDay,
    advice,
  };
}

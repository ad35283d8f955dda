import { Injectable } from '@nestjs/common';
import type { AdminCounterView, CounterStatus, CreateCounterRequest, UpdateCounterRequest } from '@lobbyflow/contracts';
import { type CounterConfig, DomainError, validateCounter } from '@lobbyflow/domain';
import { In } from 'typeorm';
import type { StaffPrincipal } from '../auth/principal';
import { branchByCode } from '../branches/branch-by-code';
import { BranchConfig } from '../branches/branch-config';
import { BranchCommands, type BranchTransaction } from '../commands/branch-commands';
import { CounterEntity } from '../counters/counter.entity';
import { emitCounterUpdated } from '../counters/counter-events';
import { TicketEntity } from '../tickets/ticket.entity';
import { recordViewChange } from './admin-audit';
import { adminCounterView } from './admin-views';
import { refuseIfAny } from './refusals';

/**
 * Counters and RM desks: the queues each serves with their weights. Call-next reads them inside its own
 * command, so a new weight decides the very next call; every change emits `counter.updated` so that
 * screens follow. A counter is never deleted (its tickets name it): it is closed, and opened again.
 */
@Injectable()
export class AdminCountersService {
  constructor(private readonly commands: BranchCommands) {}

  async list(branchCode: string): Promise<AdminCounterView[]> {
    return this.commands.read(async (manager) => {
      const branch = await branchByCode(manager, branchCode);
      const config = await BranchConfig.load(manager, branch);
      return config.counters.map(adminCounterView);
    });
  }

  async create(branchCode: string, actor: StaffPrincipal, request: CreateCounterRequest): Promise<AdminCounterView> {
    return this.commands.run(branchCode, async (tx) => {
      const config = await BranchConfig.load(tx.manager, tx.branch);
      const counter: CounterConfig = {
        code: request.code,
        name: { zh: request.name.zh, en: request.name.en },
        kind: request.kind,
        queues: request.queues.map(({ queue, weight }) => ({ queue, weight })),
      };
      refuseIfAny(
        'CONFIG_INVALID',
        validateCounter(
          counter,
          config.queues.map((queue) => queue.code),
        ),
      );
      refuseIfAny(
        'ALREADY_EXISTS',
        config.counters.some((existing) => existing.code === counter.code)
          ? [{ path: 'code', message: `counter "${counter.code}" exists already` }]
          : [],
      );
      const entity = tx.manager.create(CounterEntity, {
        id: crypto.randomUUID(),
        branchId: tx.branch.id,
        ...counter,
        status: 'open',
        pauseReason: null,
        pausedAt: null,
        seatSessionId: null,
        seatUserId: null,
        seatSince: null,
        seatExpiresAt: null,
        priorityStreak: 0,
        sortOrder: Math.max(-1, ...config.counters.map((existing) => existing.sortOrder)) + 1,
      });
      await tx.manager.insert(CounterEntity, entity);
      await emitCounterUpdated(tx, entity.id);
      const view = adminCounterView(entity);
      await recordViewChange(tx, actor, {
        action: 'counter.create',
        subject: `counter ${entity.code}`,
        before: null,
        after: view,
      });
      return view;
    });
  }

  /** Name, kind, or the queues served with their weights (the list sent replaces the list). */
  async update(
    branchCode: string,
    actor: StaffPrincipal,
    counterId: string,
    request: UpdateCounterRequest,
  ): Promise<AdminCounterView> {
    return this.commands.run(branchCode, async (tx) => {
      const config = await BranchConfig.load(tx.manager, tx.branch);
      const entity = counterIn(config, counterId);
      const before = adminCounterView(entity);
      const next: CounterConfig = {
        code: entity.code,
        name: request.name ? { zh: request.name.zh, en: request.name.en } : entity.name,
        kind: request.kind ?? entity.kind,
        queues: request.queues ? request.queues.map(({ queue, weight }) => ({ queue, weight })) : entity.queues,
      };
      refuseIfAny(
        'CONFIG_INVALID',
        validateCounter(
          next,
          config.queues.map((queue) => queue.code),
        ),
      );
      Object.assign(entity, next);
      return this.save(tx, actor, entity, before, 'counter.update');
    });
  }

  /**
   * Closes a counter: it cannot call until an admin opens it again. Refused while it still handles a
   * ticket (COUNTER_BUSY) or while tickets transferred to this very counter wait for it (CONFIG_IN_USE):
   * nobody else could call them.
   */
  async close(branchCode: string, actor: StaffPrincipal, counterId: string): Promise<AdminCounterView> {
    return this.commands.run(branchCode, async (tx) => {
      const config = await BranchConfig.load(tx.manager, tx.branch);
      const entity = counterIn(config, counterId);
      if (entity.status === 'closed') return adminCounterView(entity);
      const current = await tx.manager.findOne(TicketEntity, {
        where: { counterId: entity.id, status: In(['called', 'serving']) },
      });
      if (current) {
        throw new DomainError(
          'COUNTER_BUSY',
          `Counter ${entity.code} is still handling ticket ${current.number}; finish, return or transfer it first.`,
          { ticket: current.number },
        );
      }
      const directed = await tx.manager.find(TicketEntity, {
        where: { branchId: tx.branch.id, targetCounterId: entity.id, status: 'waiting' },
      });
      refuseIfAny(
        'CONFIG_IN_USE',
        directed.map((ticket) => ({
          path: 'tickets',
          message: `ticket ${ticket.number} was transferred to this counter; call it or transfer it elsewhere first`,
        })),
      );
      const before = adminCounterView(entity);
      Object.assign(entity, { status: 'closed' as CounterStatus, pauseReason: null, pausedAt: null });
      return this.save(tx, actor, entity, before, 'counter.close');
    });
  }

  async open(branchCode: string, actor: StaffPrincipal, counterId: string): Promise<AdminCounterView> {
    return this.commands.run(branchCode, async (tx) => {
      const config = await BranchConfig.load(tx.manager, tx.branch);
      const entity = counterIn(config, counterId);
      if (entity.status !== 'closed') return adminCounterView(entity);
      const before = adminCounterView(entity);
      entity.status = 'open';
      return this.save(tx, actor, entity, before, 'counter.open');
    });
  }

  private async save(
    tx: BranchTransaction,
    actor: StaffPrincipal,
    entity: CounterEntity,
    before: AdminCounterView,
    action: 'counter.update' | 'counter.close' | 'counter.open',
  ): Promise<AdminCounterView> {
    const after = adminCounterView(entity);
    if (JSON.stringify(after) === JSON.stringify(before)) return after;
    await tx.manager.save(CounterEntity, entity);
    await emitCounterUpdated(tx, entity.id);
    await recordViewChange(tx, actor, { action, subject: `counter ${entity.code}`, before, after });
    return after;
  }
}

function counterIn(config: BranchConfig, counterId: string): CounterEntity {
  const counter = config.counters.find((candidate) => candidate.id === counterId);
  if (!counter) throw new DomainError('COUNTER_NOT_FOUND', 'There is no such counter in this branch.');
  return counter;
}

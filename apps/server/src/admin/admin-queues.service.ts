import { Injectable } from '@nestjs/common';
import {
  OPEN_TICKET_STATUSES,
  type AdminQueueView,
  type CreateQueueRequest,
  type RuleProblem,
  type UpdateQueueRequest,
} from '@lobbyflow/contracts';
import { DomainError, queueUses, type QueueConfig, validateQueue } from '@lobbyflow/domain';
import { In, Not } from 'typeorm';
import type { StaffPrincipal } from '../auth/principal';
import { branchByCode } from '../branches/branch-by-code';
import { BranchConfig } from '../branches/branch-config';
import { QueueEntity } from '../branches/queue.entity';
import { BranchCommands, type BranchTransaction } from '../commands/branch-commands';
import { TicketEntity } from '../tickets/ticket.entity';
import { recordAdminChange, recordViewChange } from './admin-audit';
import { adminQueueView } from './admin-views';
import { refuseIfAny } from './refusals';

/**
 * Queues and their number prefixes. A queue's code is its identity in tickets and events and never
 * changes. A new prefix applies to the next number and the day's sequence carries on (A007, then Q008),
 * so no number already on a customer's paper is handed out again; a prefix is refused while another
 * queue, or today's tickets of another queue, carry it.
 */
@Injectable()
export class AdminQueuesService {
  constructor(private readonly commands: BranchCommands) {}

  async list(branchCode: string): Promise<AdminQueueView[]> {
    return this.commands.read(async (manager) => {
      const branch = await branchByCode(manager, branchCode);
      const queues = await manager.find(QueueEntity, { where: { branchId: branch.id }, order: { sortOrder: 'ASC' } });
      return queues.map(adminQueueView);
    });
  }

  async create(branchCode: string, actor: StaffPrincipal, request: CreateQueueRequest): Promise<AdminQueueView> {
    return this.commands.run(branchCode, async (tx) => {
      const config = await BranchConfig.load(tx.manager, tx.branch);
      const queue: QueueConfig = {
        code: request.code,
        prefix: request.prefix,
        name: { zh: request.name.zh, en: request.name.en },
        destination: request.destination,
      };
      refuseIfAny('CONFIG_INVALID', validateQueue(queue));
      const taken = config.queues.some((existing) => existing.code === queue.code)
        ? [{ path: 'code', message: `queue "${queue.code}" exists already` }]
        : [];
      refuseIfAny('ALREADY_EXISTS', [...taken, ...(await prefixConflicts(tx, config, queue))]);
      const entity = tx.manager.create(QueueEntity, {
        id: crypto.randomUUID(),
        branchId: tx.branch.id,
        ...queue,
        sortOrder: Math.max(-1, ...config.queues.map((existing) => existing.sortOrder)) + 1,
      });
      await tx.manager.insert(QueueEntity, entity);
      const view = adminQueueView(entity);
      await recordViewChange(tx, actor, {
        action: 'queue.create',
        subject: `queue ${entity.code}`,
        before: null,
        after: view,
      });
      return view;
    });
  }

  async update(
    branchCode: string,
    actor: StaffPrincipal,
    code: string,
    request: UpdateQueueRequest,
  ): Promise<AdminQueueView> {
    return this.commands.run(branchCode, async (tx) => {
      const config = await BranchConfig.load(tx.manager, tx.branch);
      const entity = await this.queueIn(tx, code);
      const before = adminQueueView(entity);
      const next: QueueConfig = {
        code: entity.code,
        prefix: request.prefix ?? entity.prefix,
        name: request.name ? { zh: request.name.zh, en: request.name.en } : entity.name,
        destination: request.destination ?? entity.destination,
      };
      refuseIfAny('CONFIG_INVALID', validateQueue(next));
      if (next.prefix !== entity.prefix) refuseIfAny('ALREADY_EXISTS', await prefixConflicts(tx, config, next));
      Object.assign(entity, next);
      const after = adminQueueView(entity);
      if (JSON.stringify(after) === JSON.stringify(before)) return after;
      await tx.manager.save(QueueEntity, entity);
      await recordViewChange(tx, actor, {
        action: 'queue.update',
        subject: `queue ${entity.code}`,
        before,
        after,
      });
      return after;
    });
  }

  /**
   * Removes a queue nothing depends on: no counter serves it, no active business type routes to it, VIPs
   * are not sent to it, and no open ticket waits in it. Otherwise CONFIG_IN_USE says what still does.
   */
  async remove(branchCode: string, actor: StaffPrincipal, code: string): Promise<void> {
    await this.commands.run(branchCode, async (tx) => {
      const config = await BranchConfig.load(tx.manager, tx.branch);
      const entity = await this.queueIn(tx, code);
      const uses = queueUses(code, {
        counters: config.counters,
        businessTypes: config.businessTypes.filter((type) => type.active),
        vipRouting: tx.branch.settings.vipRouting,
      });
      const openTickets = await tx.manager.count(TicketEntity, {
        where: { branchId: tx.branch.id, queue: code, status: In([...OPEN_TICKET_STATUSES]) },
      });
      const problems: RuleProblem[] = [];
      if (uses.counters.length > 0) {
        problems.push({ path: 'counters', message: `counter(s) ${uses.counters.join(', ')} serve it` });
      }
      if (uses.businessTypes.length > 0) {
        problems.push({
          path: 'businessTypes',
          message: `business type(s) ${uses.businessTypes.join(', ')} route to it`,
        });
      }
      if (uses.vipRouting) problems.push({ path: 'vipRouting', message: 'VIP customers are routed to it' });
      if (openTickets > 0) problems.push({ path: 'tickets', message: `${openTickets} open ticket(s) are in it` });
      refuseIfAny('CONFIG_IN_USE', problems, { usedBy: { ...uses, openTickets } });
      await tx.manager.delete(QueueEntity, { id: entity.id });
      await recordAdminChange(tx, actor, {
        action: 'queue.delete',
        subjectId: entity.id,
        subject: `queue ${entity.code} (prefix ${entity.prefix}) removed`,
      });
    });
  }

  private async queueIn(tx: BranchTransaction, code: string): Promise<QueueEntity> {
    const queue = await tx.manager.findOne(QueueEntity, { where: { branchId: tx.branch.id, code } });
    if (!queue) throw new DomainError('QUEUE_NOT_FOUND', `This branch has no queue "${code}".`);
    return queue;
  }
}

/**
 * Two queues must never hand out the same number on one day: a prefix is taken while another queue
 * has it, or while today's tickets drawn from another queue carry it (a prefix given up this morning).
 */
async function prefixConflicts(
  tx: BranchTransaction,
  config: BranchConfig,
  queue: QueueConfig,
): Promise<RuleProblem[]> {
  const holder = config.queues.find((other) => other.code !== queue.code && other.prefix === queue.prefix);
  if (holder) return [{ path: 'prefix', message: `prefix "${queue.prefix}" belongs to queue ${holder.code}` }];
  const today = await tx.manager.find(TicketEntity, {
    where: { branchId: tx.branch.id, businessDay: tx.branch.businessDay, issueQueue: Not(queue.code) },
    select: { id: true, number: true, issueQueue: true },
  });
  const carrier = today.find((ticket) => ticket.number.replace(/\d+$/, '') === queue.prefix);
  return carrier
    ? [
        {
          path: 'prefix',
          message: `today's ticket ${carrier.number} of queue ${carrier.issueQueue} carries prefix "${queue.prefix}"; use it from tomorrow`,
        },
      ]
    : [];
}

import { Injectable } from '@nestjs/common';
import type { CounterView } from '@lobbyflow/contracts';
import { DomainError } from '@lobbyflow/domain';
import { In } from 'typeorm';
import type { StaffPrincipal } from '../auth/principal';
import { BranchCommands, type BranchTransaction } from '../commands/branch-commands';
import { TicketEntity } from '../tickets/ticket.entity';
import { CounterEntity } from './counter.entity';
import { emitCounterUpdated } from './counter-events';

/** Opening, pausing and resuming counters. */
@Injectable()
export class CountersService {
  constructor(private readonly commands: BranchCommands) {}

  async pause(counterId: string, principal: StaffPrincipal, reason: string): Promise<CounterView> {
    return this.change(counterId, principal, async (tx, counter) => {
      const reasons = tx.branch.settings.pauseReasons.map((known) => known.code);
      if (!reasons.includes(reason)) {
        throw new DomainError(
          'UNKNOWN_PAUSE_REASON',
          `Unknown pause reason "${reason}". Reasons: ${reasons.join(', ')}.`,
        );
      }
      const current = await tx.manager.findOne(TicketEntity, {
        where: { counterId: counter.id, status: In(['called', 'serving']) },
      });
      if (current) {
        throw new DomainError('COUNTER_BUSY', `Finish or return ticket ${current.number} before pausing.`);
      }
      Object.assign(counter, { status: 'paused', pauseReason: reason, pausedAt: tx.now });
    });
  }

  async resume(counterId: string, principal: StaffPrincipal): Promise<CounterView> {
    return this.change(counterId, principal, async (_tx, counter) => {
      Object.assign(counter, { status: 'open', pauseReason: null, pausedAt: null });
    });
  }

  private async change(
    counterId: string,
    principal: StaffPrincipal,
    mutate: (tx: BranchTransaction, counter: CounterEntity) => Promise<void>,
  ): Promise<CounterView> {
    const lobby = principal.role === 'lobby-manager' || principal.role === 'admin';
    if (!lobby && principal.counterId !== counterId) {
      throw new DomainError('WRONG_COUNTER', 'You may pause or resume only the counter you are signed in at.');
    }
    return this.commands.run(principal.branch, async (tx) => {
      const counter = await tx.manager.findOne(CounterEntity, { where: { id: counterId, branchId: tx.branch.id } });
      if (!counter) throw new DomainError('COUNTER_NOT_FOUND', 'There is no such counter in this branch.');
      // A counter the admin closed is out of service: pausing or resuming it must not reopen it.
      if (counter.status === 'closed') {
        throw new DomainError('COUNTER_CLOSED', `Counter ${counter.code} is closed; an admin opens it again.`);
      }
      await mutate(tx, counter);
      await tx.manager.save(CounterEntity, counter);
      return emitCounterUpdated(tx, counter.id);
    });
  }
}

import type { CounterView } from '@lobbyflow/contracts';
import { In } from 'typeorm';
import { BranchConfig } from '../branches/branch-config';
import type { BranchTransaction } from '../commands/branch-commands';
import { HallFigures } from '../hall/hall-figures';
import { TicketEntity } from '../tickets/ticket.entity';
import { counterView } from '../tickets/ticket-views';
import { seatHolders } from './seats';

/**
 * Emits `counter.updated` for a counter saved in this transaction, with every queue's figures (opening or
 * pausing a counter moves the estimates of the queues it serves, and through shared counters others).
 */
export async function emitCounterUpdated(tx: BranchTransaction, counterId: string): Promise<CounterView> {
  const config = await BranchConfig.load(tx.manager, tx.branch);
  const counter = config.counter(counterId);
  const holders = await seatHolders(tx.manager, config, tx.now);
  const current = await tx.manager.findOne(TicketEntity, {
    where: { counterId: counter.id, status: In(['called', 'serving']) },
  });
  const view = counterView(counter, holders.get(counter.id), current ?? undefined);
  const queues = (await HallFigures.load(tx.manager, config, tx.now)).allQueueViews();
  tx.emit('counter.updated', { counter: view, queues });
  return view;
}

import { Injectable } from '@nestjs/common';
import type { BranchEvent, TicketNextEvent, TicketPositionEvent } from '@lobbyflow/contracts';
import type { EntityManager } from 'typeorm';
import { BranchEntity } from '../branches/branch.entity';
import { BranchConfig } from '../branches/branch-config';
import { BranchCommands } from '../commands/branch-commands';
import { HallFigures } from '../hall/hall-figures';
import { TicketEntity } from '../tickets/ticket.entity';
import { ticketTokenView } from '../tickets/ticket-views';

/** Events whose ticket may have left a waiting line: everyone behind it may have moved up. */
const MAY_LEAVE_LINE: ReadonlySet<BranchEvent['type']> = new Set([
  'ticket.called',
  'ticket.parked',
  'ticket.cancelled',
  'ticket.expired',
  'ticket.transferred',
]);

/**
 * The phone page's updates: after each committed batch that moved a ticket or a counter, every waiting
 * ticket hears its new place and estimate (`ticket.position`; counters shared between queues make any
 * change move any estimate), and one with nobody ahead any more hears
 * `ticket.next` (idempotent: it may come again if the line moves while the ticket is first). Positions are
 * derived, not logged: a phone that reconnects reads its ticket afresh.
 */
@Injectable()
export class TicketPositions {
  constructor(private readonly commands: BranchCommands) {}

  async afterBatch(
    branchCode: string,
    events: readonly BranchEvent[],
  ): Promise<(TicketPositionEvent | TicketNextEvent)[]> {
    let moved = false;
    const movedUp = new Set<string>();
    for (const event of events) {
      if (event.type === 'counter.updated') moved = true;
      if (!('ticket' in event) || event.type === 'vip.flagged') continue;
      moved = true;
      if (event.fromQueue) movedUp.add(event.fromQueue);
      if (MAY_LEAVE_LINE.has(event.type) && event.ticket.status !== 'waiting') movedUp.add(event.ticket.queue);
    }
    if (!moved) return [];
    const last = events[events.length - 1];
    return this.commands.read((manager) => this.updates(manager, branchCode, movedUp, last));
  }

  private async updates(
    manager: EntityManager,
    branchCode: string,
    movedUp: Set<string>,
    last: BranchEvent,
  ): Promise<(TicketPositionEvent | TicketNextEvent)[]> {
    const branch = await manager.findOneOrFail(BranchEntity, { where: { code: branchCode } });
    const config = await BranchConfig.load(manager, branch);
    const figures = await HallFigures.load(manager, config, new Date(last.at));
    // The figures read only what positions need; the phone's view is built from the whole row.
    const waiting = await manager.find(TicketEntity, {
      where: { branchId: branch.id, businessDay: branch.businessDay, status: 'waiting' },
    });
    const envelope = { branchId: branchCode, seq: last.seq, at: last.at };
    return waiting.flatMap((ticket) => {
      const view = ticketTokenView(ticket, config, figures);
      const position: TicketPositionEvent = { ...envelope, type: 'ticket.position', ticket: view };
      const next: TicketNextEvent[] =
        view.ahead === 0 && movedUp.has(ticket.queue) ? [{ ...envelope, type: 'ticket.next', ticket: view }] : [];
      return [position, ...next];
    });
  }
}

import type { TicketAction } from '@lobbyflow/contracts';
import { DomainError } from '@lobbyflow/domain';
import type { StaffPrincipal } from '../auth/principal';
import type { BranchTransaction } from '../commands/branch-commands';
import { TicketEntity } from './ticket.entity';

/**
 * Who may apply a lifecycle action to a ticket, beyond the route's role check:
 * - the teller (or RM) at the counter holding the ticket acts on it;
 * - the lobby manager re-diverts: return, transfer, park and cancel any ticket of the branch;
 * - a parked ticket is called or returned by the staff member it waits for.
 */
export function assertMayAct(principal: StaffPrincipal, ticket: TicketEntity, action: TicketAction): void {
  const lobby = principal.role === 'lobby-manager' || principal.role === 'admin';
  if (lobby && (action === 'return' || action === 'transfer' || action === 'park' || action === 'cancel')) return;
  if (action === 'cancel') {
    throw new DomainError('FORBIDDEN', 'Only the lobby manager may cancel a ticket.');
  }
  if (ticket.status === 'parked') {
    if (ticket.parkedFor !== principal.userId && !lobby) {
      throw new DomainError('TICKET_PARKED_FOR_OTHER', `Ticket ${ticket.number} is parked for another staff member.`);
    }
    return;
  }
  if (ticket.counterId === null) {
    // Not at any counter: only the lobby manager re-diverts it; the lifecycle refuses the rest.
    if (action === 'transfer' || action === 'park') {
      throw new DomainError('FORBIDDEN', `Ticket ${ticket.number} is waiting; only the lobby manager may move it.`);
    }
    return;
  }
  if (ticket.counterId !== principal.counterId) {
    throw new DomainError('WRONG_COUNTER', `Ticket ${ticket.number} is being handled at another counter.`);
  }
}

/** A ticket of the command's branch by id; another branch's ticket is as unknown as a missing one. */
export async function ticketInBranch(tx: BranchTransaction, ticketId: string): Promise<TicketEntity> {
  const ticket = await tx.manager.findOne(TicketEntity, { where: { id: ticketId, branchId: tx.branch.id } });
  if (!ticket) throw new DomainError('TICKET_NOT_FOUND', 'There is no such ticket in this branch.');
  return ticket;
}

import { Injectable } from '@nestjs/common';
import type { BranchEvent } from '@lobbyflow/contracts';
import { Observable, Subject } from 'rxjs';

/** A message for one socket room that is not part of the branch log (e.g. `session.replaced`). */
export interface RoomNotice {
  room: string;
  event: string;
  payload: object;
  /** Close the room's sockets after the notice (a replaced session). */
  disconnect?: boolean;
}

/** What one committed command published: its events in `seq` order, and its notices. */
export interface CommittedBatch {
  branchId: string;
  events: BranchEvent[];
  notices: RoomNotice[];
}

/**
 * Committed branch events, in `seq` order per branch, for whoever pushes them on (the socket gateway).
 * Only BranchCommands publishes, and only after its transaction committed.
 */
@Injectable()
export class EventBus {
  private readonly subject = new Subject<CommittedBatch>();

  readonly batches$: Observable<CommittedBatch> = this.subject.asObservable();

  publish(batch: CommittedBatch): void {
    if (batch.events.length > 0 || batch.notices.length > 0) this.subject.next(batch);
  }
}

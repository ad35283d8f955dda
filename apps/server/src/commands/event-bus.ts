import { Injectable } from '@nestjs/common';
import type { BranchEvent } from '@lobbyflow/contracts';
import { Observable, Subject } from 'rxjs';

/**
 * Committed branch events, in `seq` order per branch, for whoever pushes them on (the socket gateway).
 * Only BranchCommands publishes, and only after its transaction committed.
 */
@Injectable()
export class EventBus {
  private readonly subject = new Subject<BranchEvent>();

  readonly events$: Observable<BranchEvent> = this.subject.asObservable();

  publish(events: readonly BranchEvent[]): void {
    for (const event of events) this.subject.next(event);
  }
}

import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { BranchEvent } from '@lobbyflow/contracts';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Subscription } from 'rxjs';
import { EventBus } from '../commands/event-bus';
import { currentContext } from './request-context';

/** The kinds of socket the gauge counts: a staff screen, a kiosk or display, a phone page. */
export type SocketKind = 'staff' | 'device' | 'ticket';

/** The handler whose `ticket.called` events are calls of the next customer (any other call names its ticket). */
const CALL_NEXT_COMMAND = 'counters.callNext';

/** Waits from seconds to two hours: a branch's service level is counted in minutes (10 by default). */
const WAIT_BUCKETS = [30, 60, 120, 180, 300, 450, 600, 900, 1200, 1800, 2700, 3600, 5400, 7200];
/** Commands and requests from a millisecond (SQLite, one branch) to seconds (a queue behind a slow disk). */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The server's Prometheus metrics, on a registry of this application's own (tests run several servers in
 * one process). Hall figures are counted from the batches BranchCommands publishes after commit, so they
 * move exactly with the event log: one `ticket.issued` event is one ticket issued. Labels are bounded:
 * branch codes, queue codes, handler names, route patterns and status codes, never a ticket or a person.
 */
@Injectable()
export class Metrics implements OnModuleInit, OnModuleDestroy {
  readonly registry = new Registry();
  private subscription?: Subscription;

  private readonly ticketsIssued = new Counter({
    name: 'lobbyflow_tickets_issued_total',
    help: 'Tickets issued, by branch and queue.',
    labelNames: ['branch', 'queue'] as const,
    registers: [this.registry],
  });

  private readonly calls = new Counter({
    name: 'lobbyflow_calls_total',
    help: 'Customers called to a counter, by branch and kind (next: the call policy chose; specific: staff chose the ticket; recall).',
    labelNames: ['branch', 'kind'] as const,
    registers: [this.registry],
  });

  private readonly waits = new Histogram({
    name: 'lobbyflow_wait_seconds',
    help: 'Seconds from entering a queue to being called, by branch and queue.',
    labelNames: ['branch', 'queue'] as const,
    buckets: WAIT_BUCKETS,
    registers: [this.registry],
  });

  private readonly sockets = new Gauge({
    name: 'lobbyflow_sockets_connected',
    help: 'Live sockets connected to this instance, by kind (staff, device, ticket).',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });

  private readonly commands = new Histogram({
    name: 'lobbyflow_command_duration_seconds',
    help: 'Seconds a branch command took, its turn in the branch queue included, by handler and outcome.',
    labelNames: ['command', 'outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  private readonly commitGroups = new Histogram({
    name: 'lobbyflow_sqlite_commit_group_commands',
    help: 'SQLite only: how many branch commands shared one commit (group commit under load; 1 when idle).',
    buckets: [1, 2, 4, 8, 16],
    registers: [this.registry],
  });

  private readonly requests = new Histogram({
    name: 'lobbyflow_http_request_duration_seconds',
    help: 'Seconds to answer an HTTP request, by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  constructor(private readonly bus: EventBus) {
    collectDefaultMetrics({ register: this.registry });
    for (const kind of ['staff', 'device', 'ticket'] as const) this.sockets.set({ kind }, 0);
  }

  onModuleInit(): void {
    this.subscription = this.bus.batches$.subscribe((batch) => {
      for (const event of batch.events) this.countEvent(event);
    });
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  /** A branch command ended (committed, or refused or failed and rolled back) after `seconds`. */
  commandFinished(seconds: number, outcome: 'committed' | 'rolled-back'): void {
    this.commands.observe({ command: currentContext()?.command ?? 'other', outcome }, seconds);
  }

  /** SQLite: a transaction of `commands` branch commands committed (or failed) as one. */
  commitGroup(commands: number): void {
    this.commitGroups.observe(commands);
  }

  requestFinished(method: string, route: string, status: number, seconds: number): void {
    this.requests.observe({ method, route, status: String(status) }, seconds);
  }

  socketOpened(kind: SocketKind): void {
    this.sockets.inc({ kind });
  }

  socketClosed(kind: SocketKind): void {
    this.sockets.dec({ kind });
  }

  /** The text a Prometheus server scrapes. */
  async exposition(): Promise<string> {
    return this.registry.metrics();
  }

  private countEvent(event: BranchEvent): void {
    switch (event.type) {
      case 'ticket.issued':
        this.ticketsIssued.inc({ branch: event.branchId, queue: event.ticket.queue });
        break;
      case 'ticket.called': {
        // The batch is published in the request that committed it: its context names the handler.
        const kind = currentContext()?.command === CALL_NEXT_COMMAND ? 'next' : 'specific';
        this.calls.inc({ branch: event.branchId, kind });
        const waited = (Date.parse(event.at) - Date.parse(event.ticket.queuedAt)) / 1000;
        this.waits.observe({ branch: event.branchId, queue: event.ticket.queue }, Math.max(0, waited));
        break;
      }
      case 'ticket.recalled':
        this.calls.inc({ branch: event.branchId, kind: 'recall' });
        break;
    }
  }
}

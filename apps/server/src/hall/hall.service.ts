import { Injectable } from '@nestjs/common';
import type {
  BranchEvent,
  EventsPage,
  PublicTicketView,
  QueueSnapshot,
  ServiceView,
  StaffTicketView,
} from '@lobbyflow/contracts';
import { amountBands, routeQuestions, sortForDisplay } from '@lobbyflow/domain';
import { In, MoreThan } from 'typeorm';
import type { Principal } from '../auth/principal';
import { branchByCode } from '../branches/branch-by-code';
import { BranchConfig } from '../branches/branch-config';
import { BranchCommands } from '../commands/branch-commands';
import { Clock } from '../common/clock';
import { rmPresenceViews } from '../staff/rm-presence';
import { BranchEventEntity } from '../events/branch-event.entity';
import { TicketEntity } from '../tickets/ticket.entity';
import { counterView, staffTicketView, toPublic } from '../tickets/ticket-views';
import { publicEvent, staffEvent } from './projections';
import { HallFigures } from './hall-figures';
import { seatHolders } from '../counters/seats';

/** Most events one page returns; a client further behind takes a fresh snapshot. */
export const EVENTS_PAGE_LIMIT = 500;

/** Read side of the hall: services offered, the live queue snapshot, and the event log. */
@Injectable()
export class HallService {
  constructor(
    private readonly commands: BranchCommands,
    private readonly clock: Clock,
  ) {}

  async services(branchCode: string): Promise<ServiceView[]> {
    return this.commands.read(async (manager) => {
      const config = await BranchConfig.load(manager, await branchByCode(manager, branchCode));
      return config.businessTypes
        .filter((type) => type.active)
        .map((type) => ({
          code: type.code,
          name: type.name,
          category: type.category,
          icon: type.icon,
          ...routeQuestions(type),
          typicalServiceMinutes: type.typicalServiceMinutes,
          amountBands: amountBands(type, config.branch.settings.thresholds),
        }));
    });
  }

  /** Everything a screen shows, with the `seq` it reflects; public callers get the public projection. */
  async snapshot(branchCode: string, principal: Principal): Promise<QueueSnapshot<PublicTicketView | StaffTicketView>> {
    const staff = principal.kind === 'staff';
    return this.commands.read(async (manager) => {
      const branch = await branchByCode(manager, branchCode);
      const config = await BranchConfig.load(manager, branch);
      const open = await manager.find(TicketEntity, {
        where: {
          branchId: branch.id,
          businessDay: branch.businessDay,
          status: In(['waiting', 'called', 'serving', 'parked']),
        },
      });
      const figures = await HallFigures.asOfLastChange(manager, config, this.clock.now());
      const seats = await seatHolders(manager, config, this.clock.now());
      const rms = staff ? await rmPresenceViews(manager, branch.id, this.clock.now()) : [];
      const view = (ticket: TicketEntity) => {
        const full = staffTicketView(ticket, config.counterById(ticket.counterId));
        return staff ? full : toPublic(full);
      };
      const list = (...statuses: string[]) =>
        sortForDisplay(open.filter((ticket) => statuses.includes(ticket.status)).map(view));
      const atCounters = open.filter((ticket) => ticket.status === 'called' || ticket.status === 'serving');
      return {
        branchId: branch.code,
        branchName: branch.name,
        timeZone: branch.timeZone,
        seq: branch.lastSeq,
        businessDay: branch.businessDay,
        at: this.clock.now().toISOString(),
        queues: figures.allQueueViews(),
        waiting: list('waiting'),
        nowServing: list('called', 'serving'),
        parked: staff ? list('parked') : [],
        counters: config.counters.map((counter) =>
          counterView(
            counter,
            staff ? seats.get(counter.id) : undefined,
            atCounters.find((ticket) => ticket.counterId === counter.id),
          ),
        ),
        rms,
      };
    });
  }

  /** The events after `after`, for the caller's audience, in `seq` order. */
  async eventsAfter(branchCode: string, after: number, principal: Principal): Promise<EventsPage> {
    return this.commands.read(async (manager) => {
      const branch = await branchByCode(manager, branchCode);
      const rows = await manager.find(BranchEventEntity, {
        // Nothing lies beyond the last seq; clamping also keeps a huge `after` within PostgreSQL's integer.
        where: { branchId: branch.id, seq: MoreThan(Math.min(after, branch.lastSeq)) },
        order: { seq: 'ASC' },
        take: EVENTS_PAGE_LIMIT,
      });
      const events = rows.map(
        (row) =>
          ({
            branchId: branch.code,
            seq: row.seq,
            at: row.at.toISOString(),
            type: row.type,
            ...row.data,
          }) as BranchEvent,
      );
      return {
        branchId: branch.code,
        after,
        events:
          principal.kind === 'staff'
            ? events.map((event) => staffEvent(event, principal))
            : (events.map(publicEvent) as unknown as BranchEvent[]),
        lastSeq: branch.lastSeq,
        hasMore: rows.length > 0 && rows[rows.length - 1].seq < branch.lastSeq,
      };
    });
  }
}

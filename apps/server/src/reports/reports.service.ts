import { Injectable } from '@nestjs/common';
import {
  KPI_DIMENSIONS,
  type KpiDimension,
  type KpiGroup,
  type KpiReport,
  TICKET_EVENT_TYPES,
} from '@lobbyflow/contracts';
import {
  addDays,
  counterKpis,
  diversionKpis,
  DomainError,
  kpiFigures,
  kpisBy,
  type KpiCounterEvent,
  type KpiTicketEvent,
  referralFunnel,
  visitsFromEvents,
} from '@lobbyflow/domain';
import { Between, type EntityManager, In } from 'typeorm';
import { BranchEntity } from '../branches/branch.entity';
import { BranchCommands } from '../commands/branch-commands';
import { Clock } from '../common/clock';
import { BranchEventEntity } from '../events/branch-event.entity';
import { ReferralEntity } from '../referrals/referral.entity';
import { StaffUserEntity } from '../staff/staff-user.entity';
import { DiversionRecordEntity } from '../tickets/diversion-record.entity';

/** The longest range one report covers: a quarter of business days. */
export const MAX_REPORT_DAYS = 92;

/**
 * KPIs of a branch over business days (issue #7), from its own event log and rows: visits rebuilt from
 * the ticket events (libs/domain kpi), counter pauses from `counter.updated`, the diversion rate from
 * the advice records, the referral funnel from the referrals. Nothing is kept in counters that could
 * drift from the log: a report is recomputed each time.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly commands: BranchCommands,
    private readonly clock: Clock,
  ) {}

  async kpis(branchCode: string, from?: string, to?: string): Promise<KpiReport> {
    return this.commands.read(async (manager) => {
      const branch = await manager.findOne(BranchEntity, { where: { code: branchCode } });
      if (!branch) throw new DomainError('BRANCH_NOT_FOUND', `There is no branch with code "${branchCode}".`);
      const first = from ?? to ?? branch.businessDay;
      const last = to ?? (from ? branch.businessDay : first);
      assertRange(first, last);
      const now = this.clock.now();
      const events = await eventsOfDays(manager, branch.id, first, last);
      const ticketEvents = events.filter((event) =>
        (TICKET_EVENT_TYPES as readonly string[]).includes(event.type),
      ) as KpiTicketEvent[];
      const counterEvents = events.filter((event) => event.type === 'counter.updated') as unknown as KpiCounterEvent[];
      const visits = visitsFromEvents(ticketEvents);
      const level = branch.settings.serviceLevelMinutes;
      const names = await staffNames(manager, branch.id);
      const by = Object.fromEntries(
        KPI_DIMENSIONS.map((dimension) => [
          dimension,
          named(kpisBy(visits, dimension, level, branch.timeZone), dimension, names),
        ]),
      ) as Record<KpiDimension, KpiGroup[]>;

      const advice = await manager.find(DiversionRecordEntity, {
        where: { branchId: branch.id, businessDay: Between(first, last) },
        select: { id: true, outcome: true },
      });
      const referrals = (
        await manager.find(ReferralEntity, {
          where: { branchId: branch.id, createdAt: Between(dayWindow(first).from, dayWindow(last).to) },
        })
      ).map((referral) => ({
        rm: names.get(referral.rmUserId) ?? referral.rmUserId,
        source: referral.walkIn !== null ? 'walk-in' : referral.referredByRole,
        alertedAt: referral.alertedAt?.toISOString() ?? null,
        metAt: referral.metAt?.toISOString() ?? null,
        outcome: referral.outcome,
      }));
      return {
        branchId: branch.code,
        from: first,
        to: last,
        timeZone: branch.timeZone,
        generatedAt: now.toISOString(),
        totals: kpiFigures(
          visits,
          visits.flatMap((visit) => visit.legs),
          level,
        ),
        by,
        counters: counterKpis(visits, counterEvents, now.getTime()),
        diversion: diversionKpis(advice),
        referrals: {
          total: referralFunnel(referrals, () => 'all')[0] ?? {
            key: 'all',
            flagged: 0,
            alerted: 0,
            met: 0,
            converted: 0,
          },
          byRm: referralFunnel(referrals, (referral) => referral.rm),
          bySource: referralFunnel(referrals, (referral) => referral.source),
        },
      };
    });
  }
}

function assertRange(from: string, to: string): void {
  if (from > to) {
    throw new DomainError('VALIDATION_FAILED', `Invalid request: from (${from}) is after to (${to}).`, {
      fields: ['from', 'to'],
    });
  }
  if (addDays(from, MAX_REPORT_DAYS - 1) < to) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `Invalid request: a report covers at most ${MAX_REPORT_DAYS} business days; ask for a shorter range.`,
      { fields: ['to'] },
    );
  }
}

/** Instants that surely contain a business day whatever the zone (±14 h) and day start. */
function dayWindow(day: string): { from: Date; to: Date } {
  return {
    from: new Date(Date.parse(`${addDays(day, -1)}T00:00:00Z`)),
    to: new Date(Date.parse(`${addDays(day, 2)}T00:00:00Z`)),
  };
}

/** The branch's events of the business days `from`..`to`, in `seq` order. */
async function eventsOfDays(manager: EntityManager, branchId: string, from: string, to: string) {
  const rows = await manager.find(BranchEventEntity, {
    where: {
      branchId,
      type: In([...TICKET_EVENT_TYPES, 'counter.updated']),
      at: Between(dayWindow(from).from, dayWindow(to).to),
    },
    order: { seq: 'ASC' },
  });
  const inRange = (day: string | undefined) => day !== undefined && day >= from && day <= to;
  // A visit belongs to the day its ticket was issued; what happens to it later (an expiry at the next
  // day's start) still counts for that day, so only issues and counter changes are cut by day.
  return rows
    .map(
      (row) =>
        ({ type: row.type, at: row.at.toISOString(), ...row.data }) as {
          type: string;
          at: string;
          businessDay?: string;
        },
    )
    .filter((event) =>
      event.type === 'ticket.issued' || event.type === 'counter.updated' ? inRange(event.businessDay) : true,
    );
}

async function staffNames(manager: EntityManager, branchId: string): Promise<Map<string, string>> {
  const staff = await manager.find(StaffUserEntity, { where: { branchId }, select: { id: true, displayName: true } });
  return new Map(staff.map((person) => [person.id, person.displayName]));
}

/** Staff groups are keyed by the staff member's name, as a branch head reads them. */
function named(groups: KpiGroup[], dimension: KpiDimension, names: Map<string, string>): KpiGroup[] {
  if (dimension !== 'staff') return groups;
  return groups
    .map((group) => ({ ...group, key: names.get(group.key) ?? group.key }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { LocalizedText, ReferralView } from '@lobbyflow/contracts';
import { DomainError, identify, matchRm, type RmCandidate } from '@lobbyflow/domain';
import { In, LessThan } from 'typeorm';
import type { StaffPrincipal } from '../auth/principal';
import { BranchEntity } from '../branches/branch.entity';
import { BranchCommands, type BranchTransaction } from '../commands/branch-commands';
import { CounterEntity } from '../counters/counter.entity';
import { isSeatHeld } from '../counters/seats';
import { CustomerProfileEntity } from '../customers/customer-profile.entity';
import { StaffUserEntity } from '../staff/staff-user.entity';
import { TicketEntity } from '../tickets/ticket.entity';
import { ReferralEntity } from './referral.entity';

/** How often unanswered call-overs are looked for. */
export const ESCALATION_CHECK_MS = 5_000;
const OPEN_STATUSES = ['alerted', 'accepted', 'deferred'] as const;

/**
 * Referrals and the call-over (domain.md §4): a teller or the lobby manager hands a customer to the
 * right RM; the RM answers coming / defer / decline; an RM who declines or does not answer in time is
 * passed over for the next, in sight of the lobby manager. A customer with no time becomes a follow-up.
 */
@Injectable()
export class ReferralsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Referrals');
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly commands: BranchCommands) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.escalateAll(), ESCALATION_CHECK_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async callover(
    ticketId: string,
    principal: StaffPrincipal,
    customerHasTime: boolean,
    note?: string,
  ): Promise<ReferralView> {
    return this.commands.run(principal.branch, async (tx) => {
      const ticket = await tx.manager.findOne(TicketEntity, { where: { id: ticketId, branchId: tx.branch.id } });
      if (!ticket) throw new DomainError('TICKET_NOT_FOUND', 'There is no such ticket in this branch.');
      if (!['waiting', 'called', 'serving', 'parked'].includes(ticket.status)) {
        throw new DomainError(
          'ILLEGAL_TRANSITION',
          `Ticket ${ticket.number} is closed; refer the customer as a walk-in.`,
        );
      }
      const lobby = principal.role === 'lobby-manager' || principal.role === 'admin';
      if (!lobby && ticket.counterId !== principal.counterId) {
        throw new DomainError('WRONG_COUNTER', `Ticket ${ticket.number} is not at your counter.`);
      }
      const verdict =
        ticket.identification ??
        identify({ signals: ticket.signals.map((code) => ({ code })) }, tx.branch.settings.identification);
      const profile = ticket.customer
        ? await tx.manager.findOne(CustomerProfileEntity, { where: { id: ticket.customer.id } })
        : null;
      const needs = [
        ...(tx.branch.settings.callover.needs[ticket.businessType] ?? []),
        ...(profile?.segment ? [profile.segment] : []),
      ];
      const match = matchRm(await this.candidates(tx), { ownRmId: profile?.rmUserId ?? null, needs });
      if (!match) throw new DomainError('STAFF_NOT_FOUND', 'This branch has no relationship manager to call over.');
      const referral = tx.manager.create(ReferralEntity, {
        id: crypto.randomUUID(),
        branchId: tx.branch.id,
        ticketId: ticket.id,
        ticketNumber: ticket.number,
        customer: ticket.customer ?? null,
        classification: verdict.classification,
        score: verdict.score,
        reasons: verdict.reasons,
        rmUserId: match.rmId,
        matchReason: match.reason,
        status: customerHasTime ? 'alerted' : 'follow-up',
        customerHasTime,
        note: note ?? null,
        referredBy: principal.userId,
        referredByRole: principal.role,
        createdAt: tx.now,
        alertedAt: customerHasTime ? tx.now : null,
        respondedAt: null,
        response: null,
        deferMinutes: null,
        declineReason: null,
        passedOver: [],
      });
      await tx.manager.insert(ReferralEntity, referral);
      const view = await this.view(tx, referral);
      tx.emit(customerHasTime ? 'rm.callover' : 'referral.updated', { referral: view });
      return view;
    });
  }

  /** The RM answers a call-over; a decline passes it to the next RM. */
  async respond(
    referralId: string,
    principal: StaffPrincipal,
    response: 'coming' | 'defer' | 'decline',
    minutes?: number,
    reason?: string,
  ): Promise<ReferralView> {
    return this.commands.run(principal.branch, async (tx) => {
      const referral = await tx.manager.findOne(ReferralEntity, { where: { id: referralId, branchId: tx.branch.id } });
      if (!referral) throw new DomainError('NOT_FOUND', 'There is no such referral in this branch.');
      if (referral.rmUserId !== principal.userId) {
        throw new DomainError('FORBIDDEN', 'This call-over is for another relationship manager.');
      }
      if (referral.status !== 'alerted' && referral.status !== 'deferred') {
        throw new DomainError('ILLEGAL_TRANSITION', `This referral is ${referral.status}; it takes no answer now.`);
      }
      Object.assign(referral, { respondedAt: tx.now, response });
      if (response === 'coming') referral.status = 'accepted';
      if (response === 'defer') Object.assign(referral, { status: 'deferred', deferMinutes: minutes ?? null });
      if (response === 'decline') {
        referral.declineReason = reason ?? null;
        return this.passOn(tx, referral);
      }
      await tx.manager.save(ReferralEntity, referral);
      const view = await this.view(tx, referral);
      tx.emit('referral.updated', { referral: view });
      return view;
    });
  }

  /** Referrals: an RM sees their own, the lobby manager and admin the branch's; newest first. */
  async list(principal: StaffPrincipal): Promise<ReferralView[]> {
    return this.commands.run(principal.branch, async (tx) => {
      const referrals = await tx.manager.find(ReferralEntity, {
        where: { branchId: tx.branch.id, ...(principal.role === 'rm' ? { rmUserId: principal.userId } : {}) },
        order: { createdAt: 'DESC' },
        take: 200,
      });
      return Promise.all(referrals.map((referral) => this.view(tx, referral)));
    });
  }

  /** Passes every call-over that waited longer than the branch's answer time to the next RM. */
  async escalateAll(): Promise<number> {
    let passed = 0;
    try {
      const branches = await this.commands.read((manager) => manager.find(BranchEntity, { select: { code: true } }));
      for (const { code } of branches) {
        passed += await this.commands.run(code, async (tx) => {
          const deadline = new Date(tx.now.getTime() - tx.branch.settings.callover.answerSeconds * 1000);
          const overdue = await tx.manager.find(ReferralEntity, {
            where: { branchId: tx.branch.id, status: 'alerted', alertedAt: LessThan(deadline) },
          });
          for (const referral of overdue) await this.passOn(tx, referral);
          return overdue.length;
        });
      }
    } catch (error) {
      this.logger.error(`Call-over escalation failed: ${String(error)}`);
    }
    return passed;
  }

  /** Alerts the next RM (not one passed over already); with nobody left the referral is declined. */
  private async passOn(tx: BranchTransaction, referral: ReferralEntity): Promise<ReferralView> {
    referral.passedOver = [...referral.passedOver, referral.rmUserId];
    const profile = referral.customer
      ? await tx.manager.findOne(CustomerProfileEntity, { where: { id: referral.customer.id } })
      : null;
    const ticket = referral.ticketId
      ? await tx.manager.findOne(TicketEntity, { where: { id: referral.ticketId } })
      : null;
    const needs = ticket ? (tx.branch.settings.callover.needs[ticket.businessType] ?? []) : [];
    const next = matchRm(await this.candidates(tx), { ownRmId: profile?.rmUserId ?? null, needs }, referral.passedOver);
    if (next) {
      Object.assign(referral, {
        rmUserId: next.rmId,
        matchReason: next.reason,
        status: 'alerted',
        alertedAt: tx.now,
        response: null,
        respondedAt: null,
      });
    } else {
      referral.status = 'declined';
    }
    await tx.manager.save(ReferralEntity, referral);
    const view = await this.view(tx, referral);
    // The lobby manager sees every pass-over in the staff room; the next RM gets the call-over itself.
    tx.emit('referral.updated', { referral: view });
    if (next) tx.emit('rm.callover', { referral: view });
    return view;
  }

  /** RMs of the branch: free when signed in at their desk, open, with nobody at it. */
  private async candidates(tx: BranchTransaction): Promise<RmCandidate[]> {
    const rms = await tx.manager.find(StaffUserEntity, { where: { branchId: tx.branch.id, role: 'rm', active: true } });
    const desks = await tx.manager.find(CounterEntity, { where: { branchId: tx.branch.id } });
    const busy = await tx.manager.find(TicketEntity, {
      where: { branchId: tx.branch.id, status: In(['called', 'serving']) },
      select: { id: true, counterId: true },
    });
    const open = await tx.manager.find(ReferralEntity, {
      where: { branchId: tx.branch.id, status: In([...OPEN_STATUSES]) },
      select: { id: true, rmUserId: true },
    });
    return rms.map((rm) => {
      const desk = desks.find((counter) => counter.seatUserId === rm.id && isSeatHeld(counter, tx.now));
      return {
        id: rm.id,
        specialties: rm.specialties,
        available: !!desk && desk.status === 'open' && !busy.some((ticket) => ticket.counterId === desk.id),
        load: open.filter((referral) => referral.rmUserId === rm.id).length,
      };
    });
  }

  private async view(tx: BranchTransaction, referral: ReferralEntity): Promise<ReferralView> {
    const rm = await tx.manager.findOneOrFail(StaffUserEntity, { where: { id: referral.rmUserId } });
    return {
      id: referral.id,
      ticketId: referral.ticketId,
      ticketNumber: referral.ticketNumber,
      customer: referral.customer,
      classification: referral.classification,
      score: referral.score,
      reasons: referral.reasons,
      rm: { id: rm.id, displayName: rm.displayName },
      matchReason: referral.matchReason,
      status: referral.status,
      customerHasTime: referral.customerHasTime,
      note: referral.note,
      opening: opening(rm.displayName, referral),
      referredBy: { id: referral.referredBy, role: referral.referredByRole },
      createdAt: referral.createdAt.toISOString(),
      alertedAt: referral.alertedAt?.toISOString() ?? null,
      respondedAt: referral.respondedAt?.toISOString() ?? null,
      deferMinutes: referral.deferMinutes,
      declineReason: referral.declineReason,
      passedOver: referral.passedOver,
    };
  }
}

/** A suggested opening for the RM, built on the strongest reason (the RM's own words replace it). */
function opening(rmName: string, referral: ReferralEntity): LocalizedText {
  const name = rmName.replace(/\s*\(.*\)$/, '');
  const top = referral.reasons[0];
  return {
    zh: `您好，我是客户经理${name}，很高兴认识您。${top ? `（客户特征：${top.text.zh}）` : ''}请问今天有什么可以帮您规划的？`,
    en: `Hello, I am ${name}, a relationship manager here. ${top ? `(Noted: ${top.text.en}.) ` : ''}How may I help you plan today?`,
  };
}

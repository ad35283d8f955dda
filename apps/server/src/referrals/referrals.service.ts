import { Injectable, Logger } from '@nestjs/common';
import type { IdentificationResult, ReferralView, TicketCustomer } from '@lobbyflow/contracts';
import {
  addDays,
  assertReferralCan,
  DEFAULT_FOLLOW_UP,
  DomainError,
  identify,
  matchRm,
  type RmCandidate,
} from '@lobbyflow/domain';
import { In, LessThan } from 'typeorm';
import type { StaffPrincipal } from '../auth/principal';
import { BranchEntity } from '../branches/branch.entity';
import { ScheduledJobs } from '../cluster/scheduled-jobs';
import { BranchCommands, type BranchTransaction } from '../commands/branch-commands';
import { CounterEntity } from '../counters/counter.entity';
import { isSeatHeld } from '../counters/seats';
import { CustomerProfileEntity } from '../customers/customer-profile.entity';
import { expireRmPresence, presenceOf, setRmPresence } from '../staff/rm-presence';
import { StaffUserEntity } from '../staff/staff-user.entity';
import { ticketInBranch } from '../tickets/ticket-access';
import { TicketEntity } from '../tickets/ticket.entity';
import type { CalloverDto, ConsentedContactDto, WalkInReferralDto } from './dto/referral.dto';
import { ReferralEntity } from './referral.entity';
import { referralView, referralViews } from './referral-views';

/** How often unanswered call-overs and lapsed RM sessions are looked for. */
export const ESCALATION_CHECK_MS = 5_000;
/** Referrals that hold an RM: the call-over is out, answered, or the meeting is on. */
export const OPEN_STATUSES = ['alerted', 'accepted', 'deferred', 'met'] as const;

/** Who is referred, and what the RM matching should know about them. */
interface ReferralSubject {
  ticket: TicketEntity | null;
  walkIn: string | null;
  customer: TicketCustomer | null;
  verdict: IdentificationResult;
  /** Needs from the business and the signals, matched against RM specialties. */
  needs: string[];
  ownRmId: string | null;
}

/**
 * Referrals and the call-over (domain.md §4): a teller or the lobby manager hands a customer (with a
 * ticket, or a walk-in without one) to the right RM; the RM answers coming / defer / decline; an RM who
 * declines or does not answer in time is passed over for the next, in sight of the lobby manager. A
 * customer with no time becomes a follow-up. What happens after the meeting is FollowUpsService.
 */
@Injectable()
export class ReferralsService {
  private readonly logger = new Logger('Referrals');

  constructor(
    private readonly commands: BranchCommands,
    jobs: ScheduledJobs,
  ) {
    // Once across all instances, not once per instance (issue #9).
    jobs.every('callover-escalation', ESCALATION_CHECK_MS, () => this.escalateAll());
  }

  /** Refers a ticket's customer: the teller serving them or the lobby manager. */
  async callover(ticketId: string, principal: StaffPrincipal, request: CalloverDto): Promise<ReferralView> {
    return this.commands.run(principal.branch, async (tx) => {
      const ticket = await ticketInBranch(tx, ticketId);
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
      const needs = needsOf(tx, [ticket.businessType, ...verdict.reasons.map((reason) => reason.code)]);
      return this.refer(tx, principal, request, {
        ticket,
        walkIn: null,
        customer: ticket.customer ?? null,
        verdict,
        needs: [...needs, ...(profile?.segment ? [profile.segment] : [])],
        ownRmId: profile?.rmUserId ?? null,
      });
    });
  }

  /** Refers a walk-in without a ticket, from what the lobby manager observed (domain.md §3, on entry). */
  async walkIn(principal: StaffPrincipal, request: WalkInReferralDto): Promise<ReferralView> {
    return this.commands.run(principal.branch, async (tx) => {
      const signals = [...new Set(request.signals)];
      const verdict = identify(
        { signals: signals.map((code) => ({ code, note: request.note })) },
        tx.branch.settings.identification,
      );
      return this.refer(tx, principal, request, {
        ticket: null,
        walkIn: request.description,
        customer: null,
        verdict,
        needs: needsOf(tx, signals),
        ownRmId: null,
      });
    });
  }

  /** The RM answers a call-over; a decline passes it to the next RM. "Coming" takes the RM to the customer. */
  async respond(
    referralId: string,
    principal: StaffPrincipal,
    response: 'coming' | 'defer' | 'decline',
    minutes?: number,
    reason?: string,
  ): Promise<ReferralView> {
    return this.commands.run(principal.branch, async (tx) => {
      const referral = await ownReferral(tx, referralId, principal);
      assertReferralCan(referral.status, response === 'coming' ? 'accept' : response === 'defer' ? 'defer' : 'pass-on');
      Object.assign(referral, { respondedAt: tx.now, response });
      if (response === 'decline') {
        referral.declineReason = reason ?? null;
        return this.passOn(tx, referral);
      }
      if (response === 'coming') {
        referral.status = 'accepted';
        await setRmPresence(tx, principal.userId, 'with-customer');
      }
      if (response === 'defer') Object.assign(referral, { status: 'deferred', deferMinutes: minutes ?? null });
      await tx.manager.save(ReferralEntity, referral);
      const view = await referralView(tx.manager, referral);
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
      return referralViews(tx.manager, referrals);
    });
  }

  /**
   * Passes every call-over that waited longer than the branch's answer time to the next RM, and marks
   * RMs whose session ended without a sign-out as away.
   */
  async escalateAll(): Promise<number> {
    let passed = 0;
    try {
      const branches = await this.commands.read((manager) => manager.find(BranchEntity, { select: { code: true } }));
      for (const { code } of branches) {
        passed += await this.commands.run(code, async (tx) => {
          await expireRmPresence(tx);
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

  /** Writes the referral: a call-over to the matched RM now, or a follow-up for a customer with no time. */
  private async refer(
    tx: BranchTransaction,
    principal: StaffPrincipal,
    request: CalloverDto,
    subject: ReferralSubject,
  ): Promise<ReferralView> {
    const match = matchRm(await this.candidates(tx), { ownRmId: subject.ownRmId, needs: subject.needs });
    if (!match) throw new DomainError('STAFF_NOT_FOUND', 'This branch has no relationship manager to call over.');
    const hasTime = request.customerHasTime;
    const referral = tx.manager.create(ReferralEntity, {
      id: crypto.randomUUID(),
      branchId: tx.branch.id,
      ticketId: subject.ticket?.id ?? null,
      ticketNumber: subject.ticket?.number ?? null,
      walkIn: subject.walkIn,
      customer: subject.customer,
      classification: subject.verdict.classification,
      score: subject.verdict.score,
      reasons: subject.verdict.reasons,
      rulesVersion: subject.verdict.ruleVersion,
      rmUserId: match.rmId,
      matchReason: match.reason,
      status: hasTime ? 'alerted' : 'follow-up',
      customerHasTime: hasTime,
      note: request.note ?? null,
      contact: consentedContact(request.contact, tx.now),
      referredBy: principal.userId,
      referredByRole: principal.role,
      createdAt: tx.now,
      alertedAt: hasTime ? tx.now : null,
      respondedAt: null,
      response: null,
      deferMinutes: null,
      declineReason: null,
      passedOver: [],
      metAt: null,
      outcome: null,
      products: [],
      grade: null,
      // A customer with no time today is contacted by the RM after the branch's first-contact delay.
      nextContactOn: hasTime ? null : firstContactDay(tx),
      contacts: [],
    });
    await tx.manager.insert(ReferralEntity, referral);
    const view = await referralView(tx.manager, referral);
    tx.emit(hasTime ? 'rm.callover' : 'referral.updated', { referral: view });
    return view;
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
    const needs = needsOf(tx, [...(ticket ? [ticket.businessType] : []), ...referral.reasons.map((r) => r.code)]);
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
    const view = await referralView(tx.manager, referral);
    // The lobby manager sees every pass-over; the next RM gets the call-over itself.
    tx.emit('referral.updated', { referral: view });
    if (next) tx.emit('rm.callover', { referral: view });
    return view;
  }

  /** RMs of the branch: free when they said they are available and nobody is at their desk. */
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
      const deskBusy = !!desk && busy.some((ticket) => ticket.counterId === desk.id);
      return {
        id: rm.id,
        specialties: rm.specialties,
        available: presenceOf(rm, tx.now) === 'available' && !deskBusy,
        load: open.filter((referral) => referral.rmUserId === rm.id).length,
      };
    });
  }
}

/** A referral addressed to the RM asking, or a refusal that says why not. */
export async function ownReferral(
  tx: BranchTransaction,
  referralId: string,
  principal: StaffPrincipal,
): Promise<ReferralEntity> {
  const referral = await tx.manager.findOne(ReferralEntity, { where: { id: referralId, branchId: tx.branch.id } });
  if (!referral) throw new DomainError('REFERRAL_NOT_FOUND', 'There is no such referral in this branch.');
  if (referral.rmUserId !== principal.userId) {
    throw new DomainError('FORBIDDEN', 'This referral is for another relationship manager.');
  }
  return referral;
}

/** Needs the branch attaches to a business type or a signal (settings.callover.needs), without repeats. */
function needsOf(tx: BranchTransaction, keys: string[]): string[] {
  const table = tx.branch.settings.callover.needs;
  return [...new Set(keys.flatMap((key) => table[key] ?? []))];
}

function consentedContact(contact: ConsentedContactDto | undefined, now: Date) {
  if (!contact) return null;
  return { name: contact.name ?? null, phone: contact.phone, consentAt: now.toISOString() };
}

function firstContactDay(tx: BranchTransaction): string {
  const cadence = tx.branch.settings.followUp ?? DEFAULT_FOLLOW_UP;
  return addDays(tx.branch.businessDay, cadence.firstContactDays);
}

import { Inject, Injectable } from '@nestjs/common';
import type { FollowUpGrade, ReferralContactRecord, ReferralView, RmPresenceView } from '@lobbyflow/contracts';
import { assertReferralCan, DEFAULT_FOLLOW_UP, DomainError, nextContactDay } from '@lobbyflow/domain';
import { In } from 'typeorm';
import type { StaffPrincipal } from '../auth/principal';
import { BranchCommands, type BranchTransaction } from '../commands/branch-commands';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { rmPresenceViews, setRmPresence } from '../staff/rm-presence';
import type { FollowUpContactDto, ReferralOutcomeDto } from './dto/referral.dto';
import { ReferralEntity } from './referral.entity';
import { referralView, referralViews } from './referral-views';
import { ownReferral } from './referrals.service';

/** Referrals an RM keeps following up: graded, with a next contact day. */
const FOLLOW_UP_STATUSES = ['follow-up', 'converted'] as const;

/**
 * After the call-over (domain.md §6): the RM meets the customer, records the outcome and a grade A-E
 * that sets the next contact day; every later contact regrades. The RM's follow-up list is ordered by
 * the day each customer is due. RMs also say where they are (available / with a customer / away).
 */
@Injectable()
export class FollowUpsService {
  constructor(
    private readonly commands: BranchCommands,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The RM is with the customer now. */
  async meet(referralId: string, principal: StaffPrincipal): Promise<ReferralView> {
    return this.commands.run(principal.branch, async (tx) => {
      const referral = await ownReferral(tx, referralId, principal);
      assertReferralCan(referral.status, 'meet');
      Object.assign(referral, { status: 'met', metAt: tx.now });
      await setRmPresence(tx, principal.userId, 'with-customer');
      return this.saved(tx, referral);
    });
  }

  /** The meeting's outcome and grade; the RM is free again. */
  async outcome(referralId: string, principal: StaffPrincipal, request: ReferralOutcomeDto): Promise<ReferralView> {
    return this.commands.run(principal.branch, async (tx) => {
      const referral = await ownReferral(tx, referralId, principal);
      assertReferralCan(referral.status, 'outcome');
      Object.assign(referral, {
        outcome: request.outcome,
        products: request.products ?? [],
        note: request.note ?? referral.note,
        status: request.outcome === 'converted' ? 'converted' : 'follow-up',
      });
      this.grade(tx, referral, request.grade);
      await setRmPresence(tx, principal.userId, 'available');
      return this.saved(tx, referral);
    });
  }

  /** A contact after the visit (a call, a visit, a message): regrades and sets the next contact day. */
  async contact(referralId: string, principal: StaffPrincipal, request: FollowUpContactDto): Promise<ReferralView> {
    return this.commands.run(principal.branch, async (tx) => {
      const referral = await ownReferral(tx, referralId, principal);
      assertReferralCan(referral.status, 'contact');
      const record: ReferralContactRecord = {
        at: tx.now.toISOString(),
        by: principal.userId,
        channel: request.channel,
        outcome: request.outcome ?? null,
        grade: request.grade,
        note: request.note ?? null,
      };
      referral.contacts = [...(referral.contacts ?? []), record];
      if (request.products) referral.products = [...new Set([...(referral.products ?? []), ...request.products])];
      if (request.outcome) referral.outcome = request.outcome;
      if (request.outcome === 'converted') referral.status = 'converted';
      this.grade(tx, referral, request.grade);
      return this.saved(tx, referral);
    });
  }

  /**
   * Follow-ups by the day they are due, earliest (most overdue) first: an RM's own; the lobby manager's
   * and admin's for every RM, or for one.
   */
  async followUps(principal: StaffPrincipal, rmId?: string): Promise<ReferralView[]> {
    return this.commands.run(principal.branch, async (tx) => {
      const rm = principal.role === 'rm' ? principal.userId : rmId;
      const referrals = await tx.manager.find(ReferralEntity, {
        where: { branchId: tx.branch.id, status: In([...FOLLOW_UP_STATUSES]), ...(rm ? { rmUserId: rm } : {}) },
        order: { nextContactOn: 'ASC', createdAt: 'ASC' },
        take: 500,
      });
      return referralViews(tx.manager, referrals);
    });
  }

  /**
   * An RM says where they are; the presence lasts as long as their session (and never longer than one
   * session length from now, whatever the token claims).
   */
  async setPresence(principal: StaffPrincipal, presence: RmPresenceView['presence']): Promise<RmPresenceView> {
    return this.commands.run(principal.branch, async (tx) => {
      const longest = tx.now.getTime() + this.config.jwtTtlSeconds * 1000;
      const until = new Date(Math.min(principal.sessionEndsAt.getTime(), longest));
      const view = await setRmPresence(tx, principal.userId, presence, until);
      if (!view) throw new DomainError('FORBIDDEN', 'Only relationship managers have a presence.');
      return view;
    });
  }

  async presences(principal: StaffPrincipal): Promise<RmPresenceView[]> {
    return this.commands.run(principal.branch, (tx) => rmPresenceViews(tx.manager, tx.branch.id, tx.now));
  }

  private grade(tx: BranchTransaction, referral: ReferralEntity, grade: FollowUpGrade): void {
    referral.grade = grade;
    referral.nextContactOn = nextContactDay(
      tx.branch.businessDay,
      grade,
      tx.branch.settings.followUp ?? DEFAULT_FOLLOW_UP,
    );
  }

  private async saved(tx: BranchTransaction, referral: ReferralEntity): Promise<ReferralView> {
    await tx.manager.save(ReferralEntity, referral);
    const view = await referralView(tx.manager, referral);
    tx.emit('referral.updated', { referral: view });
    return view;
  }
}

import type { ReferralStatus } from '@lobbyflow/contracts';
import { DomainError } from './errors';

/** What can happen to a referral (domain.md §4 call-over, §6 follow-up). */
export type ReferralAction = 'accept' | 'defer' | 'pass-on' | 'meet' | 'outcome' | 'contact';

/**
 * The referral state machine as data: for each action, the statuses it may start from and those it may
 * lead to. `pass-on` is a decline or an unanswered call-over: the next RM is alerted, or with nobody left
 * the referral is declined. An outcome or a contact that converts makes it `converted`, else `follow-up`.
 */
export const REFERRAL_TRANSITIONS: Readonly<
  Record<ReferralAction, { from: readonly ReferralStatus[]; to: readonly ReferralStatus[] }>
> = {
  accept: { from: ['alerted', 'deferred'], to: ['accepted'] },
  defer: { from: ['alerted', 'deferred'], to: ['deferred'] },
  'pass-on': { from: ['alerted', 'deferred'], to: ['alerted', 'declined'] },
  // A customer with no time who comes back for an appointment is met from `follow-up`.
  meet: { from: ['accepted', 'deferred', 'follow-up'], to: ['met'] },
  outcome: { from: ['met'], to: ['follow-up', 'converted'] },
  contact: { from: ['follow-up', 'converted'], to: ['follow-up', 'converted'] },
};

const ACTION_NAMES: Record<ReferralAction, string> = {
  accept: 'accepted',
  defer: 'deferred',
  'pass-on': 'passed on',
  meet: 'marked as met',
  outcome: 'given a meeting outcome',
  contact: 'given a follow-up contact',
};

export function canReferralDo(status: ReferralStatus, action: ReferralAction): boolean {
  return REFERRAL_TRANSITIONS[action].from.includes(status);
}

/** Refuses an action the referral's status does not allow, saying what the referral is now. */
export function assertReferralCan(status: ReferralStatus, action: ReferralAction): void {
  if (!canReferralDo(status, action)) {
    throw new DomainError(
      'ILLEGAL_TRANSITION',
      `This referral is ${status}; it cannot be ${ACTION_NAMES[action]} now.`,
      { status, action },
    );
  }
}

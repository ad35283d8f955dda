import type { FollowUpCadenceSpec } from './admin';
import type { LocalizedText } from './i18n';
import type { IdentificationRules, TierLadder } from './identification';

/** A reason a teller gives for pausing a counter (break, meeting, cash handover...). */
export interface PauseReasonView {
  code: string;
  name: LocalizedText;
}

/**
 * `GET /api/branches/:branchId/settings`: the branch rules the staff screens follow, read-only, for every
 * staff role. Admins change them through the seed or the admin API; screens never carry their own copy.
 */
export interface BranchSettingsView {
  branchId: string;
  /** A customer should be called within this many minutes: a queue waiting longer raises an alert. */
  serviceLevelMinutes: number;
  lifecycle: {
    /** Seconds after a call before the same ticket may be recalled. */
    recallDelaySeconds: number;
    /** Recalls needed before a no-show may be recorded. */
    noShowAfterRecalls: number;
    /** Seconds a ticket returned to the queue is skipped by call-next. */
    returnHoldSeconds: number;
  };
  pauseReasons: PauseReasonView[];
  /** Seconds an RM has to answer a call-over before it passes to the next RM. */
  calloverAnswerSeconds: number;
  /** The identification rules in force: the signals staff can tick, their weights, the threshold. */
  identification: IdentificationRules;
  /** Tier ladders, to name a customer's tier. */
  tierLadders: TierLadder[];
  /** What each follow-up grade A-E means and how many days it sets to the next contact (domain.md §6). */
  followUp: FollowUpCadenceSpec;
}

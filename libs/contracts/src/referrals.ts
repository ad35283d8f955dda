import type { LocalizedText } from './i18n';
import type { CustomerClass, IdentificationReason } from './identification';
import type { TicketCustomer } from './views';

/**
 * Where a referral stands (domain.md §4 and §6): a call-over is `alerted`, then `accepted` ("coming"),
 * `deferred` or passed on (`declined` once no RM is left); the RM `met` the customer; the outcome makes it
 * a `follow-up` (graded A-E) or `converted`. A customer with no time goes straight to `follow-up`.
 */
export const REFERRAL_STATUSES = [
  'alerted',
  'accepted',
  'deferred',
  'declined',
  'met',
  'follow-up',
  'converted',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** The RM's answer to a call-over. */
export const CALLOVER_RESPONSES = ['coming', 'defer', 'decline'] as const;
export type CalloverResponse = (typeof CALLOVER_RESPONSES)[number];

/**
 * Follow-up grades by expected conversion (domain.md §6): A within a month (daily), B within three months
 * (weekly), C within six months (every 15 days), D potential only (monthly), E no chance (yearly).
 */
export const FOLLOW_UP_GRADES = ['A', 'B', 'C', 'D', 'E'] as const;
export type FollowUpGrade = (typeof FOLLOW_UP_GRADES)[number];

/** What came of a meeting or a contact. */
export const REFERRAL_OUTCOMES = ['converted', 'interested', 'not-interested'] as const;
export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number];

/** How an RM reached the customer after the visit. */
export const CONTACT_CHANNELS = ['phone', 'visit', 'message'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/** Where a relationship manager is: only an available RM is called over. */
export const RM_PRESENCES = ['available', 'with-customer', 'away'] as const;
export type RmPresence = (typeof RM_PRESENCES)[number];

/** A customer's contact, captured only with their consent (the experience-card path of domain.md §4). */
export interface ReferralContact {
  name: string | null;
  phone: string;
  consentAt: string;
}

/** One contact after the visit, as the RM recorded it; each regrades the referral. */
export interface ReferralContactRecord {
  at: string;
  by: string;
  channel: ContactChannel;
  outcome: ReferralOutcome | null;
  grade: FollowUpGrade;
  note: string | null;
}

/** The digital 潜在贵宾客户推荐表 / 信息记录表: who was referred to which RM, why, and what came of it. */
export interface ReferralView {
  id: string;
  ticketId: string | null;
  ticketNumber: string | null;
  /** A walk-in without a ticket, as the lobby manager described them (where they are, notable features). */
  walkIn: string | null;
  customer: TicketCustomer | null;
  classification: CustomerClass;
  score: number;
  reasons: IdentificationReason[];
  /** The rule version the verdict came from. */
  rulesVersion: number | null;
  rm: { id: string; displayName: string };
  /** Why this RM: own-rm, specialty, least-loaded, nobody-free. */
  matchReason: string;
  status: ReferralStatus;
  /** The customer has time now (call-over) or not (experience card, follow-up). */
  customerHasTime: boolean;
  note: string | null;
  contact: ReferralContact | null;
  /** A suggested opening line for the RM, in both languages. */
  opening: LocalizedText;
  referredBy: { id: string; role: string };
  createdAt: string;
  alertedAt: string | null;
  respondedAt: string | null;
  deferMinutes: number | null;
  declineReason: string | null;
  /** RMs who declined or did not answer in time, in order (their ids). */
  passedOver: string[];
  /**
   * Their display names, in the same order: named even when an account was deactivated since. Absent
   * from views stored before it existed (in the event log, in kept idempotent answers).
   */
  passedOverNames?: string[];
  metAt: string | null;
  outcome: ReferralOutcome | null;
  /** Products discussed at the meeting or a later contact. */
  products: string[];
  grade: FollowUpGrade | null;
  /** The branch-local day the RM should contact the customer next (YYYY-MM-DD). */
  nextContactOn: string | null;
  contacts: ReferralContactRecord[];
}

/** An RM's place in the hall, kept live for the lobby manager (`rm.presence`). */
export interface RmPresenceView {
  id: string;
  displayName: string;
  specialties: string[];
  presence: RmPresence;
  since: string | null;
}

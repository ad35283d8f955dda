import type { LocalizedText } from './i18n';
import type { CustomerClass, IdentificationReason } from './identification';
import type { TicketCustomer } from './views';

/** Where a referral stands (domain.md §4; follow-up grades come with the referral lifecycle). */
export const REFERRAL_STATUSES = ['alerted', 'accepted', 'deferred', 'declined', 'follow-up'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** The RM's answer to a call-over. */
export const CALLOVER_RESPONSES = ['coming', 'defer', 'decline'] as const;
export type CalloverResponse = (typeof CALLOVER_RESPONSES)[number];

/** The digital 潜在贵宾客户推荐表: who was referred to which RM, why, and what the RM answered. */
export interface ReferralView {
  id: string;
  ticketId: string | null;
  ticketNumber: string | null;
  customer: TicketCustomer | null;
  classification: CustomerClass;
  score: number;
  reasons: IdentificationReason[];
  rm: { id: string; displayName: string };
  /** Why this RM: own-rm, specialty, least-loaded, nobody-free. */
  matchReason: string;
  status: ReferralStatus;
  /** The customer has time now (call-over) or not (experience card, follow-up). */
  customerHasTime: boolean;
  note: string | null;
  /** A suggested opening line for the RM, in both languages. */
  opening: LocalizedText;
  referredBy: { id: string; role: string };
  createdAt: string;
  alertedAt: string | null;
  respondedAt: string | null;
  deferMinutes: number | null;
  declineReason: string | null;
  /** RMs who declined or did not answer in time, in order. */
  passedOver: string[];
}

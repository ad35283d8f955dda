import type { RatingGrade } from './enums';
import type { LocalizedText } from './i18n';

/**
 * Reports a branch head can check (issue #7): computed from the branch's own event log and ticket rows.
 * Definitions are in the README ("Reports"): waiting time = call - queue entry (the last call counts),
 * service time = call to finish or transfer, service level = waits ended by a call within the target.
 */

/** Minutes: how many, mean, median, 90th percentile and maximum (null figures when there is none). */
export interface DurationStats {
  count: number;
  mean: number | null;
  median: number | null;
  p90: number | null;
  max: number | null;
}

/** The figures of a set of visits (a branch day, a queue, a counter, an hour...). */
export interface KpiFigures {
  issued: number;
  served: number;
  noShow: number;
  cancelled: number;
  expired: number;
  /** Still waiting or at a counter when the report was made. */
  open: number;
  /** Call - queue entry, per wait (a transferred customer waits twice); the last call counts. */
  waiting: DurationStats;
  /** Call to finish or transfer, per service. */
  service: DurationStats;
  /** Share of waits ended by a call within the target (null with no call). */
  serviceLevel: { targetMinutes: number; within: number; of: number; share: number | null };
  /** Customers' ratings of the services (each given to the leg served at the counter that asked). */
  ratings: RatingKpis;
}

/**
 * The rating distribution: how often tellers asked, how many customers answered, each grade's count and
 * share of the answers, and answers per served visit (a low figure: tellers ask few customers).
 */
export interface RatingKpis {
  asked: number;
  rated: number;
  counts: Record<RatingGrade, number>;
  /** Each grade's share of the answers (null with no answer). */
  shares: Record<RatingGrade, number | null>;
  /** Answers per served visit (null with no served visit). */
  perServedVisit: number | null;
}

/** What a report can be broken down by. */
export const KPI_DIMENSIONS = ['queue', 'businessType', 'counter', 'staff', 'hour'] as const;
export type KpiDimension = (typeof KPI_DIMENSIONS)[number];

export interface KpiGroup {
  key: string;
  figures: KpiFigures;
}

/** A counter's day: how long it served, how long it was paused and why. */
export interface CounterKpis {
  counter: string;
  busyMinutes: number;
  pausedMinutes: number;
  pausedByReason: Record<string, number>;
  /** Busy share of the time the counter was open between its first call and its last service end. */
  utilisation: number | null;
}

/** Customers who accepted the self-service advice, of those advised at the kiosk. */
export interface DiversionKpis {
  advised: number;
  accepted: number;
  declined: number;
  rate: number | null;
  /** Ticket holders the lobby manager sent to self-service afterwards (not part of the rate). */
  redirected: number;
}

/** The referral funnel: flagged -> alerted -> met -> converted. */
export interface FunnelKpis {
  key: string;
  flagged: number;
  alerted: number;
  met: number;
  converted: number;
}

/** `GET /api/branches/:branchId/reports/kpis?from=&to=` (business days, inclusive). */
export interface KpiReport {
  branchId: string;
  from: string;
  to: string;
  timeZone: string;
  generatedAt: string;
  totals: KpiFigures;
  by: Record<KpiDimension, KpiGroup[]>;
  counters: CounterKpis[];
  diversion: DiversionKpis;
  referrals: { total: FunnelKpis; byRm: FunnelKpis[]; bySource: FunnelKpis[] };
}

/**
 * A staffing suggestion for the lobby manager (`GET /api/branches/:branchId/staffing-hints`): open a
 * counter when a queue's predicted wait breaks the service level, pause one when its queues are quiet.
 */
export interface StaffingHint {
  kind: 'open-counter' | 'pause-counter';
  queue: string;
  /** The counter to open or pause; null when every counter for the queue is already open. */
  counter: string | null;
  estimatedWaitMinutes: number;
  text: LocalizedText;
}

import type {
  BusinessCategory,
  Destination,
  DiversionSignal,
  LocalizedText,
  PriorityClass,
} from '@lobbyflow/contracts';

/**
 * Named amounts a branch configures (CNY), e.g. `smallCashLimit: 20000`. Routes refer to them by name
 * so that a bank changes a figure in one place, never in code.
 */
export type Thresholds = Record<string, number>;

/** When a route or a signal applies. Every stated condition must hold; an empty condition always holds. */
export interface RouteCondition {
  /** The customer holds (or does not hold) a card of this bank. An unknown answer never matches. */
  hasCard?: boolean;
  /** Amount at or below the named threshold. An unknown amount never matches. */
  amountAtMost?: string;
  /** Amount at or above the named threshold. An unknown amount never matches. */
  amountAtLeast?: string;
}

/** One line of the diversion table: first matching route wins. */
export interface Route {
  when?: RouteCondition;
  destination: Destination;
  /** Queue code for a counter destination; absent for self-service. */
  queue?: string;
  /** One friendly sentence for the customer. */
  advice: LocalizedText;
}

export interface SignalRule {
  signal: DiversionSignal;
  when?: RouteCondition;
}

/** A business type and how it is diverted. */
export interface BusinessTypeRules {
  code: string;
  category: BusinessCategory;
  routes: Route[];
  signals: SignalRule[];
}

/**
 * Where VIPs go instead: a ticket of class `vip` whose counter route ends at one of `from` is sent to
 * `queue` (a VIP counter) when the branch has one.
 */
export interface VipRouting {
  from: Destination[];
  destination: Destination;
  queue: string;
  /** What a VIP's ticket says about where to go. */
  advice: LocalizedText;
}

/** The diversion rules of a branch. */
export interface DiversionRules {
  thresholds: Thresholds;
  businessTypes: BusinessTypeRules[];
  vipRouting?: VipRouting;
}

/** Lifecycle settings of a branch (design.md §4). */
export interface LifecycleSettings {
  /** Seconds a teller must wait after a call before recalling the same ticket. */
  recallDelaySeconds: number;
  /** Recalls needed before a called ticket may be marked no-show. */
  noShowAfterRecalls: number;
  /**
   * Seconds a ticket returned to the queue (the customer stepped away) is not called again: it keeps its
   * place, but the next call goes to someone who is there.
   */
  returnHoldSeconds: number;
}

/** Call-next policy of a branch. */
export interface CallPolicy {
  /**
   * At most this many non-normal (VIP or priority) calls in a row at one counter while normal tickets
   * wait; `null` means priority classes always go first.
   */
  maxPriorityInRow: number | null;
  /** A ticket waiting this long is called before any class or weight: nobody starves. */
  agingMinutes: number;
}

export const PRIORITY_RANK: Record<PriorityClass, number> = { vip: 0, priority: 1, normal: 2 };

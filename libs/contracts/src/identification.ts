import type { LocalizedText } from './i18n';

/**
 * Identification (识别, domain.md §3) as data: tier ladders and weighted signals a bank edits, never code.
 * The rules themselves live in libs/domain; these are the shapes the seed file, the admin API and the
 * staff screens share.
 */

/** Customer figures a tier ladder can compare (the columns of a customer profile). */
export const CUSTOMER_METRICS = [
  'monthlyAverageAssets',
  'loanBalance',
  'cardSpend12m',
  'starPoints',
  'cardLevel',
] as const;
export type CustomerMetric = (typeof CUSTOMER_METRICS)[number];

/** Metrics compared as numbers (CNY or points); `cardLevel` is the only categorical metric. */
export type NumericMetric = Exclude<CustomerMetric, 'cardLevel'>;

/**
 * A customer's figures as the bank's systems report them. Absent or `null` means unknown, and an unknown
 * figure never meets a condition: a missing import column must not make anyone a private-banking client.
 */
export interface CustomerFigures {
  /** 月日均金融资产, CNY. */
  monthlyAverageAssets?: number | null;
  /** Personal loan balance (个人贷款余额), CNY. */
  loanBalance?: number | null;
  /**
   * Credit-card spend over the last 12 months, CNY, as the bank counts it for tiers (Bank of China
   * leaves out single purchases of 100,000 or more: the figure arrives already computed).
   */
  cardSpend12m?: number | null;
  /** Star points (e.g. BoCom 星级积分). */
  starPoints?: number | null;
  /** Card level code, e.g. `platinum`. */
  cardLevel?: string | null;
}

/**
 * A numeric line: the figure is at least `atLeast` (inclusive) or above `above` (exclusive, for bands like
 * "more than 0 points"), and below `below` (exclusive) when given. Exactly one lower bound is stated.
 */
export type NumericTierCondition =
  | { metric: NumericMetric; atLeast: number; above?: never; below?: number }
  | { metric: NumericMetric; above: number; atLeast?: never; below?: number };

/** A categorical line: the card level is one of these codes. */
export interface CategoricalTierCondition {
  metric: 'cardLevel';
  oneOf: string[];
}

export type TierCondition = NumericTierCondition | CategoricalTierCondition;

/** One tier of a ladder; met when ANY of its conditions holds (assets, or loans, or card spend...). */
export interface TierRung {
  /** Stored on customer profiles and named in `vipTiers`; unique across a bank's ladders. */
  code: string;
  name: LocalizedText;
  anyOf: TierCondition[];
}

/** A bank's tier ladder, rungs ordered from the highest tier down: the first rung met is the tier. */
export interface TierLadder {
  code: string;
  name: LocalizedText;
  rungs: TierRung[];
}

/** The branch's tier ladders with the identification rule version they belong to (`GET .../rules/ladders`). */
export interface TierLaddersView {
  /** A ladder edit is a rule change: it raises the identification rules' version. */
  version: number;
  ladders: TierLadder[];
}

/** What a ladder made of a customer's figures, with a sentence staff can read back to the customer. */
export interface LadderEvaluation {
  ladder: string;
  /** The highest rung met, or `null` when none is. */
  rung: TierRung | null;
  /** The first condition of that rung that holds. */
  condition: TierCondition | null;
  explanation: LocalizedText;
}

/** One thing wrong with rule data an admin submitted; `path` points into the submitted object. */
export interface RuleProblem {
  path: string;
  message: string;
}

/** Where a signal is observed: the kiosk (card swipe, business, amount), the teller, the lobby manager. */
export const IDENTIFICATION_STAGES = ['kiosk', 'teller', 'lobby'] as const;
export type IdentificationStage = (typeof IDENTIFICATION_STAGES)[number];

/** Customer value classes (贵宾客户 / 潜在贵宾客户 / 普通客户). */
export const CUSTOMER_CLASSES = ['vip', 'potential-vip', 'ordinary'] as const;
export type CustomerClass = (typeof CUSTOMER_CLASSES)[number];

/**
 * The signal raised when a card swipe finds a known customer whose tier is not a VIP tier (a candidate
 * for 贵宾升级). A VIP tier needs no weight: it makes an existing VIP by itself.
 */
export const KNOWN_TIER_SIGNAL = 'known-tier';

/** One signal a bank scores. */
export interface SignalDefinition {
  /** Stable code; the kiosk's diversion signals (large-cash, ...) use the same codes. */
  code: string;
  stage: IdentificationStage;
  /** Contribution to the score, >= 0. */
  weight: number;
  /**
   * Signals of one group are grades of the same observation (glance < returned < detailed reading): only
   * the heaviest observed one counts.
   */
  group?: string;
  /** Shown to staff as the reason for a flag. */
  reason: LocalizedText;
}

/** The identification rules of a bank; every change is a new version, recorded on each evaluation. */
export interface IdentificationRules {
  version: number;
  signals: SignalDefinition[];
  /** A score at or above this makes a potential VIP. */
  potentialVipScore: number;
  /** Tier codes (rung codes of the bank's ladders) that make an existing VIP. */
  vipTiers: string[];
}

/** A signal as staff or the kiosk observed it. */
export interface ObservedSignal {
  code: string;
  /** Free text from the observer (e.g. "asked the threshold of a 500,000 fund"); never scored. */
  note?: string;
}

/** One line of "why": a counted signal (or the known tier) with its weight. */
export interface IdentificationReason {
  code: string;
  weight: number;
  text: LocalizedText;
  /** The observers' notes for this signal, in the order given. */
  notes?: string[];
}

export interface IdentificationResult {
  classification: CustomerClass;
  /** Summed weight of the counted signals. */
  score: number;
  /** The threshold the score was compared with. */
  potentialVipScore: number;
  /** Heaviest first; an existing VIP's tier leads. */
  reasons: IdentificationReason[];
  ruleVersion: number;
}

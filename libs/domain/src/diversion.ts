import type { AmountBand, PriorityClass, TriageResult } from '@lobbyflow/contracts';
import { DomainError } from './errors';
import type { BusinessTypeRules, DiversionRules, Route, RouteCondition, Thresholds } from './rules';

/** What the customer told the kiosk (or the lobby manager). */
export interface DiversionRequest {
  businessType: string;
  /** CNY; absent when unknown. */
  amount?: number;
  hasCard?: boolean;
  priority?: PriorityClass;
}

/**
 * The outcome of diversion, as the kiosk receives it from triage: the advised destination (first matching
 * route), the counter route a ticket would use, one sentence of advice, and the signals raised.
 */
export type Diversion = TriageResult;

/**
 * Diversion (引导分流, domain.md §2): business type + amount + card + branch thresholds -> where to go.
 * Advice, never a wall: a self-service route always comes with the counter route a ticket would use.
 */
export function divert(request: DiversionRequest, rules: DiversionRules): Diversion {
  const businessType = findBusinessType(rules, request.businessType);
  const matching = businessType.routes.filter((route) => conditionHolds(route.when, request, rules.thresholds));
  const advised = matching[0];
  const counter = matching.find((route) => route.destination !== 'self-service');
  if (!advised || !counter?.queue) {
    throw new DomainError(
      'NO_ROUTE',
      `Business type "${businessType.code}" has no counter route for this request; ask the branch admin to complete its diversion table.`,
    );
  }
  const {
    destination: counterDestination,
    queue: counterQueue,
    advice: counterAdvice,
  } = routeForClass(counter, request.priority, rules);
  const selfService = advised.destination === 'self-service';
  return {
    destination: selfService ? advised.destination : counterDestination,
    queue: selfService ? null : counterQueue,
    selfService,
    advice: advised.advice,
    counterDestination,
    counterQueue,
    counterAdvice,
    signals: signalsFor(businessType, request, rules.thresholds),
  };
}

/**
 * Which questions change this business's route or signals, so the kiosk asks them and no others:
 * the amount when a route or signal names an amount threshold, the card when a route depends on it.
 */
export function routeQuestions(businessType: BusinessTypeRules): { asksAmount: boolean; asksCard: boolean } {
  const conditions = [...businessType.routes, ...businessType.signals].map((rule) => rule.when);
  return {
    asksAmount: conditions.some((when) => when?.amountAtMost !== undefined || when?.amountAtLeast !== undefined),
    asksCard: businessType.routes.some((route) => route.when?.hasCard !== undefined),
  };
}

/**
 * The amount bands a kiosk offers for a business type, cut at the thresholds its routes and signals name
 * (e.g. up to 20,000 / 20,000-50,000 / more than 50,000). Each band carries an amount that routes like
 * the amounts in it: the upper bound of the first band, the middle of an inner one, the last cut for the
 * open-ended band.
 */
export function amountBands(businessType: BusinessTypeRules, thresholds: Thresholds): AmountBand[] {
  const names = [...businessType.routes, ...businessType.signals].flatMap((rule) =>
    [rule.when?.amountAtMost, rule.when?.amountAtLeast].filter((name): name is string => name !== undefined),
  );
  const cuts = [...new Set(names.map((name) => threshold(thresholds, name)))].sort((a, b) => a - b);
  if (cuts.length === 0) return [];
  return [
    { above: null, upTo: cuts[0], amount: cuts[0] },
    ...cuts.slice(1).map((upTo, index) => ({ above: cuts[index], upTo, amount: Math.round((cuts[index] + upTo) / 2) })),
    { above: cuts[cuts.length - 1], upTo: null, amount: cuts[cuts.length - 1] },
  ];
}

export function findBusinessType(rules: DiversionRules, code: string): BusinessTypeRules {
  const businessType = rules.businessTypes.find((candidate) => candidate.code === code);
  if (!businessType) {
    const known = rules.businessTypes.map((candidate) => candidate.code).join(', ');
    throw new DomainError('UNKNOWN_BUSINESS_TYPE', `Unknown business type "${code}". Known types: ${known}.`);
  }
  return businessType;
}

/** True when every stated part of the condition holds; unknown facts never satisfy a stated part. */
export function conditionHolds(
  condition: RouteCondition | undefined,
  facts: Pick<DiversionRequest, 'amount' | 'hasCard'>,
  thresholds: Thresholds,
): boolean {
  if (!condition) return true;
  if (condition.hasCard !== undefined && facts.hasCard !== condition.hasCard) return false;
  if (condition.amountAtMost !== undefined) {
    if (facts.amount === undefined || facts.amount > threshold(thresholds, condition.amountAtMost)) return false;
  }
  if (condition.amountAtLeast !== undefined) {
    if (facts.amount === undefined || facts.amount < threshold(thresholds, condition.amountAtLeast)) return false;
  }
  return true;
}

function threshold(thresholds: Thresholds, name: string): number {
  const value = thresholds[name];
  if (value === undefined) {
    throw new DomainError('NO_ROUTE', `The diversion table refers to an undefined threshold "${name}".`);
  }
  return value;
}

function signalsFor(businessType: BusinessTypeRules, request: DiversionRequest, thresholds: Thresholds) {
  const raised = businessType.signals
    .filter((rule) => conditionHolds(rule.when, request, thresholds))
    .map((rule) => rule.signal);
  return [...new Set(raised)];
}

function routeForClass(route: Route, priority: PriorityClass | undefined, rules: DiversionRules) {
  const vip = rules.vipRouting;
  if (priority === 'vip' && vip && vip.from.includes(route.destination)) {
    return { destination: vip.destination, queue: vip.queue, advice: vip.advice };
  }
  return { destination: route.destination, queue: route.queue as string, advice: route.advice };
}

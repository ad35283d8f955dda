import {
  BUSINESS_CATEGORIES,
  COUNTER_KINDS,
  DESTINATIONS,
  DIVERSION_SIGNALS,
  type BusinessCategory,
  type CounterKind,
  type Destination,
  type IdentificationRules,
  type LocalizedText,
  type RuleProblem,
} from '@lobbyflow/contracts';
import { validateFollowUpCadence, type FollowUpCadence } from './follow-up';
import { isTimeOfDay, isValidTimeZone } from './numbering';
import { MAX_RATING_WINDOW_SECONDS, MIN_RATING_WINDOW_SECONDS, type RatingSettings } from './rating';
import type { CallPolicy, LifecycleSettings, Route, RouteCondition, SignalRule, Thresholds, VipRouting } from './rules';

/*
 * Checks of a branch's configuration (design.md §2.2: rules are data), shared by the seed file and the
 * admin API so that both refuse the same mistakes in the same words. Each check returns every problem
 * it finds, with a path into the object it was given (`routes[0].queue`); callers put their own prefix
 * in front with `prefixProblems`. Input arrives as parsed JSON or YAML: no shape is taken on trust.
 */

/** What a branch is called and where its day begins and ends. */
export interface BranchIdentity {
  name: LocalizedText;
  /** IANA zone (`Asia/Shanghai`) or a fixed offset (`+08:00`). */
  timeZone: string;
  /** Local time the business day (and ticket numbering) restarts, `HH:MM`. */
  dayStartsAt: string;
}

/** A reason a teller gives for pausing a counter. */
export interface PauseReasonConfig {
  code: string;
  name: LocalizedText;
}

/** The rules of a branch's hall that are not tied to one queue, business type or counter. */
export interface HallRules {
  thresholds: Thresholds;
  lifecycle: LifecycleSettings;
  callPolicy: CallPolicy;
  /** A customer should be called within this many minutes. */
  serviceLevelMinutes: number;
  pauseReasons: PauseReasonConfig[];
  callover: { answerSeconds: number };
  /** Absent on branches seeded before follow-ups existed: DEFAULT_FOLLOW_UP applies. */
  followUp?: FollowUpCadence;
  /** Absent on branches seeded before ratings existed: DEFAULT_RATING applies. */
  rating?: RatingSettings;
}

export interface QueueConfig {
  code: string;
  /** Starts every ticket number of the queue (`A` in A001). */
  prefix: string;
  destination: Destination;
  name: LocalizedText;
}

/** A business the kiosk offers and its diversion table. */
export interface BusinessTypeConfig {
  code: string;
  name: LocalizedText;
  category: BusinessCategory;
  icon: string;
  typicalServiceMinutes: number;
  routes: Route[];
  signals: SignalRule[];
}

export interface CounterConfig {
  code: string;
  name: LocalizedText;
  kind: CounterKind;
  queues: { queue: string; weight: number }[];
}

/** Codes of queues, counters and business types: letters, digits and dashes. */
export const QUEUE_CODE = /^[A-Za-z0-9-]{1,16}$/;
export const COUNTER_CODE = /^[A-Za-z0-9-]{1,16}$/;
export const BUSINESS_TYPE_CODE = /^[a-z0-9-]{1,32}$/;
/** One to four capital letters: A001, VIP001. */
export const QUEUE_PREFIX = /^[A-Z]{1,4}$/;
/** Threshold names are what routes refer to: `smallCashLimit`. */
export const THRESHOLD_NAME = /^[A-Za-z][A-Za-z0-9]{0,39}$/;
const SHORT_CODE = /^[a-z0-9-]{1,32}$/;

/** Largest amount a threshold may name (CNY); anything above is a typing mistake. */
const MAX_AMOUNT = 1e12;

/** `prefix` + `path`, as a path: `routes` + `[0].queue` is `routes[0].queue`, `settings` + `lifecycle` is `settings.lifecycle`. */
export function joinPath(prefix: string, path: string): string {
  if (!prefix) return path;
  if (!path) return prefix;
  return path.startsWith('[') ? `${prefix}${path}` : `${prefix}.${path}`;
}

/** The same problems, with paths relative to an enclosing object. */
export function prefixProblems(prefix: string, problems: readonly RuleProblem[]): RuleProblem[] {
  return problems.map((problem) => ({ path: joinPath(prefix, problem.path), message: problem.message }));
}

/** A small collector so that each check reads as a list of rules. */
class Problems {
  readonly list: RuleProblem[] = [];

  check(ok: unknown, path: string, message: string): void {
    if (!ok) this.list.push({ path, message });
  }

  text(value: unknown, path: string): void {
    const text = value as Partial<LocalizedText> | undefined;
    this.check(isText(text?.zh) && isText(text?.en), path, 'needs { zh, en } text');
  }

  oneOf(value: unknown, allowed: readonly string[], path: string): void {
    this.check(allowed.includes(value as string), path, `must be one of ${allowed.join(', ')}`);
  }

  wholeNumber(value: unknown, min: number, max: number, path: string): void {
    this.check(isWhole(value, min, max), path, `must be a whole number from ${min} to ${max}`);
  }

  add(prefix: string, problems: readonly RuleProblem[]): void {
    this.list.push(...prefixProblems(prefix, problems));
  }
}

export function validateBranchIdentity(identity: BranchIdentity): RuleProblem[] {
  const problems = new Problems();
  problems.text(identity?.name, 'name');
  problems.check(
    typeof identity?.timeZone === 'string' && isValidTimeZone(identity.timeZone),
    'timeZone',
    'must be an IANA zone such as Asia/Shanghai, or +HH:MM',
  );
  problems.check(
    typeof identity?.dayStartsAt === 'string' && isTimeOfDay(identity.dayStartsAt),
    'dayStartsAt',
    'must be a time like 00:00',
  );
  return problems.list;
}

/** Thresholds, lifecycle, call policy, service level, pause reasons, call-over answer time, follow-up. */
export function validateHallRules(rules: HallRules): RuleProblem[] {
  const problems = new Problems();
  problems.add('thresholds', validateThresholds(rules?.thresholds));

  const lifecycle = rules?.lifecycle;
  problems.wholeNumber(lifecycle?.recallDelaySeconds, 0, 3600, 'lifecycle.recallDelaySeconds');
  problems.wholeNumber(lifecycle?.noShowAfterRecalls, 0, 20, 'lifecycle.noShowAfterRecalls');
  problems.wholeNumber(lifecycle?.returnHoldSeconds, 0, 3600, 'lifecycle.returnHoldSeconds');

  const policy = rules?.callPolicy;
  problems.check(
    policy?.maxPriorityInRow === null || isWhole(policy?.maxPriorityInRow, 1, 100),
    'callPolicy.maxPriorityInRow',
    'must be a whole number from 1 to 100, or null (priority customers always first)',
  );
  problems.check(
    isNumberIn(policy?.agingMinutes, 0, 24 * 60) && policy.agingMinutes > 0,
    'callPolicy.agingMinutes',
    'must be a number of minutes above 0, at most 1440',
  );

  problems.wholeNumber(rules?.serviceLevelMinutes, 1, 480, 'serviceLevelMinutes');
  problems.add('pauseReasons', validatePauseReasons(rules?.pauseReasons));
  problems.wholeNumber(rules?.callover?.answerSeconds, 1, 3600, 'callover.answerSeconds');
  if (rules?.rating !== undefined) {
    problems.wholeNumber(
      rules.rating?.windowSeconds,
      MIN_RATING_WINDOW_SECONDS,
      MAX_RATING_WINDOW_SECONDS,
      'rating.windowSeconds',
    );
  }

  if (rules?.followUp !== undefined) {
    problems.add('followUp', validateFollowUpCadence(rules.followUp));
    for (const [grade, entry] of Object.entries(rules.followUp?.grades ?? {})) {
      problems.text(entry?.meaning, `followUp.grades.${grade}.meaning`);
    }
  }
  return problems.list;
}

/** Named amounts (CNY) the routes of the diversion table refer to. */
export function validateThresholds(thresholds: Thresholds): RuleProblem[] {
  const problems = new Problems();
  if (typeof thresholds !== 'object' || thresholds === null || Array.isArray(thresholds)) {
    problems.check(false, '', 'must map threshold names to amounts');
    return problems.list;
  }
  for (const [name, value] of Object.entries(thresholds)) {
    problems.check(THRESHOLD_NAME.test(name), name, 'a threshold name is letters and digits, like smallCashLimit');
    problems.check(isNumberIn(value, 0, MAX_AMOUNT), name, 'must be a number >= 0');
  }
  return problems.list;
}

export function validatePauseReasons(reasons: PauseReasonConfig[]): RuleProblem[] {
  const problems = new Problems();
  if (!Array.isArray(reasons) || reasons.length === 0) {
    problems.check(false, '', 'must list at least one reason');
    return problems.list;
  }
  problems.check(reasons.length <= 30, '', 'at most 30 reasons');
  const seen = new Set<string>();
  reasons.forEach((reason, index) => {
    const code = reason?.code;
    problems.check(typeof code === 'string' && SHORT_CODE.test(code), `[${index}].code`, 'must be a lower-case code');
    problems.check(!seen.has(code), `[${index}].code`, `duplicate reason "${code}"`);
    problems.text(reason?.name, `[${index}].name`);
    seen.add(code);
  });
  return problems.list;
}

/** One queue on its own (uniqueness of codes and prefixes is a matter of the whole branch). */
export function validateQueue(queue: QueueConfig): RuleProblem[] {
  const problems = new Problems();
  problems.check(QUEUE_CODE.test(queue?.code ?? ''), 'code', 'must be a short code');
  problems.check(QUEUE_PREFIX.test(queue?.prefix ?? ''), 'prefix', 'must be 1-4 capital letters');
  problems.oneOf(queue?.destination, DESTINATIONS, 'destination');
  problems.check(
    queue?.destination !== 'self-service',
    'destination',
    'a queue leads to a counter; self-service needs no ticket',
  );
  problems.text(queue?.name, 'name');
  return problems.list;
}

/** A branch's queues: each valid, codes and prefixes unique (two queues must never print the same number). */
export function validateQueues(queues: QueueConfig[]): RuleProblem[] {
  const problems = new Problems();
  if (!Array.isArray(queues) || queues.length === 0) {
    problems.check(false, '', 'must list at least one queue');
    return problems.list;
  }
  const codes = new Set<string>();
  const prefixes = new Set<string>();
  queues.forEach((queue, index) => {
    problems.add(`[${index}]`, validateQueue(queue));
    problems.check(!codes.has(queue?.code), `[${index}].code`, `duplicate queue "${queue?.code}"`);
    problems.check(!prefixes.has(queue?.prefix), `[${index}].prefix`, `prefix "${queue?.prefix}" is taken`);
    codes.add(queue?.code);
    prefixes.add(queue?.prefix);
  });
  return problems.list;
}

/** What a business type may refer to: the branch's thresholds and queue codes. */
export interface BusinessTypeContext {
  thresholds: Thresholds;
  queues: readonly string[];
}

/**
 * A business type and its diversion table: first matching route wins, so the table must end with an
 * unconditional counter route (advice is never a wall); every queue and threshold it names must exist.
 */
export function validateBusinessType(type: BusinessTypeConfig, context: BusinessTypeContext): RuleProblem[] {
  const problems = new Problems();
  problems.check(BUSINESS_TYPE_CODE.test(type?.code ?? ''), 'code', 'must be a lower-case code');
  problems.text(type?.name, 'name');
  problems.oneOf(type?.category, BUSINESS_CATEGORIES, 'category');
  problems.check(SHORT_CODE.test(type?.icon ?? ''), 'icon', 'must be a lower-case icon name');
  problems.wholeNumber(type?.typicalServiceMinutes, 1, 240, 'typicalServiceMinutes');

  const routes = type?.routes;
  problems.check(Array.isArray(routes) && routes.length > 0, 'routes', 'must list at least one route');
  (Array.isArray(routes) ? routes : []).forEach((route, index) => {
    const at = `routes[${index}]`;
    problems.oneOf(route?.destination, DESTINATIONS, `${at}.destination`);
    if (route?.destination === 'self-service') {
      problems.check(route.queue === undefined, `${at}.queue`, 'a self-service route has no queue');
    } else {
      problems.check(context.queues.includes(route?.queue ?? ''), `${at}.queue`, `unknown queue "${route?.queue}"`);
    }
    problems.text(route?.advice, `${at}.advice`);
    problems.add(`${at}.when`, validateCondition(route?.when, context.thresholds));
  });
  const last = Array.isArray(routes) ? routes[routes.length - 1] : undefined;
  problems.check(
    last && !last.when && last.destination !== 'self-service',
    'routes',
    'must end with an unconditional counter route',
  );

  const signals = type?.signals;
  problems.check(Array.isArray(signals), 'signals', 'must be a list');
  (Array.isArray(signals) ? signals : []).forEach((rule, index) => {
    problems.oneOf(rule?.signal, DIVERSION_SIGNALS, `signals[${index}].signal`);
    problems.add(`signals[${index}].when`, validateCondition(rule?.when, context.thresholds));
  });
  return problems.list;
}

function validateCondition(when: RouteCondition | undefined, thresholds: Thresholds): RuleProblem[] {
  const problems = new Problems();
  if (when === undefined) return problems.list;
  problems.check(when.hasCard === undefined || typeof when.hasCard === 'boolean', 'hasCard', 'must be true or false');
  for (const key of ['amountAtMost', 'amountAtLeast'] as const) {
    const name = when[key];
    if (name !== undefined) problems.check(name in (thresholds ?? {}), key, `unknown threshold "${name}"`);
  }
  return problems.list;
}

/** A counter and the queues it serves, each with a weight (higher: served sooner at this counter). */
export function validateCounter(counter: CounterConfig, queues: readonly string[]): RuleProblem[] {
  const problems = new Problems();
  problems.check(COUNTER_CODE.test(counter?.code ?? ''), 'code', 'must be a short code');
  problems.oneOf(counter?.kind, COUNTER_KINDS, 'kind');
  problems.text(counter?.name, 'name');
  const served = counter?.queues;
  problems.check(Array.isArray(served) && served.length > 0, 'queues', 'must serve at least one queue');
  const seen = new Set<string>();
  (Array.isArray(served) ? served : []).forEach((entry, index) => {
    const at = `queues[${index}]`;
    problems.check(queues.includes(entry?.queue), `${at}.queue`, `unknown queue "${entry?.queue}"`);
    problems.check(!seen.has(entry?.queue), `${at}.queue`, `queue "${entry?.queue}" is listed twice`);
    problems.check(isNumberIn(entry?.weight, 0, 1000) && entry.weight > 0, `${at}.weight`, 'must be a number > 0');
    seen.add(entry?.queue);
  });
  return problems.list;
}

/** Signals the diversion table raises that the identification rules do not define (each must be). */
export function missingSignals(
  rules: IdentificationRules,
  businessTypes: readonly { signals: SignalRule[] }[],
): string[] {
  const defined = new Set(rules.signals.map((signal) => signal.code));
  const raised = new Set(businessTypes.flatMap((type) => type.signals.map((rule) => rule.signal)));
  return [...raised].filter((code) => !defined.has(code));
}

/** Where a business type's table names a threshold: removing that threshold would break the table. */
export interface ThresholdUse {
  threshold: string;
  businessType: string;
  /** Path in the business type, e.g. `routes[0].when.amountAtMost`. */
  path: string;
}

export function thresholdUses(
  businessTypes: readonly Pick<BusinessTypeConfig, 'code' | 'routes' | 'signals'>[],
): ThresholdUse[] {
  const uses: ThresholdUse[] = [];
  for (const type of businessTypes) {
    const rules: [string, RouteCondition | undefined][] = [
      ...type.routes.map((route, index) => [`routes[${index}]`, route.when] as [string, RouteCondition | undefined]),
      ...type.signals.map((rule, index) => [`signals[${index}]`, rule.when] as [string, RouteCondition | undefined]),
    ];
    for (const [at, when] of rules) {
      for (const key of ['amountAtMost', 'amountAtLeast'] as const) {
        const threshold = when?.[key];
        if (threshold !== undefined) uses.push({ threshold, businessType: type.code, path: `${at}.when.${key}` });
      }
    }
  }
  return uses;
}

/** Who depends on a queue: it may not be removed while anything does. */
export interface QueueUses {
  counters: string[];
  businessTypes: string[];
  vipRouting: boolean;
}

/**
 * Counters serving the queue, business types routing to it and the VIP routing sending VIPs to it. Pass
 * only active business types: a retired type is checked again whole when it is reactivated.
 */
export function queueUses(
  code: string,
  config: {
    counters: readonly Pick<CounterConfig, 'code' | 'queues'>[];
    businessTypes: readonly Pick<BusinessTypeConfig, 'code' | 'routes'>[];
    vipRouting?: VipRouting;
  },
): QueueUses {
  return {
    counters: config.counters.filter((counter) => counter.queues.some((served) => served.queue === code)).map(codeOf),
    businessTypes: config.businessTypes.filter((type) => type.routes.some((route) => route.queue === code)).map(codeOf),
    vipRouting: config.vipRouting?.queue === code,
  };
}

function codeOf(item: { code: string }): string {
  return item.code;
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

function isWhole(value: unknown, min: number, max: number): boolean {
  return Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
}

function isNumberIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;
}

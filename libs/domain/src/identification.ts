import {
  IDENTIFICATION_STAGES,
  KNOWN_TIER_SIGNAL,
  type CustomerClass,
  type CustomerFigures,
  type IdentificationReason,
  type IdentificationResult,
  type IdentificationRules,
  type LocalizedText,
  type ObservedSignal,
  type RuleProblem,
  type SignalDefinition,
  type TierLadder,
} from '@lobbyflow/contracts';
import { DomainError } from './errors';
import { evaluateLadder, findRung } from './tiers';

/** A tier the bank's systems report for the customer (a profile found by a card swipe or an ID). */
export interface KnownTier {
  /** A rung code, e.g. `private-banking`. */
  code: string;
  /** The ladder the code belongs to, to name the tier in the reason; without it the code is shown. */
  ladder?: TierLadder | null;
}

export interface IdentificationInput {
  /** Everything observed about this customer so far, from any stage; repeats are expected. */
  signals: readonly ObservedSignal[];
  tier?: KnownTier | null;
}

/**
 * Who may be a VIP (domain.md §3), as a weighted checklist a bank edits. A known VIP tier makes an existing
 * VIP outright: no signal can add to or take away from what the bank's own books say. Otherwise each
 * distinct signal adds its weight once (the lobby manager ticking "wealth enquiry" twice is still one
 * enquiry), signals of one group count only their heaviest grade (glance < returned < detailed reading),
 * and a score at the threshold makes a potential VIP. A known tier that is not a VIP tier counts as the
 * `known-tier` signal when the bank scores it (a candidate for 贵宾升级). The result records the rule
 * version, so a flag can always be explained with the rules of the day.
 */
export function identify(input: IdentificationInput, rules: IdentificationRules): IdentificationResult {
  const definitions = new Map<string, SignalDefinition>();
  for (const definition of rules.signals) {
    if (!definitions.has(definition.code)) definitions.set(definition.code, definition);
  }
  const unknown = [...new Set(input.signals.map((signal) => signal.code))].filter((code) => !definitions.has(code));
  if (unknown.length > 0) {
    const known = [...definitions.keys()];
    throw new DomainError(
      'UNKNOWN_SIGNAL',
      `Unknown identification signal${unknown.length > 1 ? 's' : ''} ${unknown.map((code) => `"${code}"`).join(', ')}. Known signals: ${known.join(', ')}.`,
      { unknown, known },
    );
  }

  const tier = input.tier ?? null;
  const vip = tier !== null && rules.vipTiers.includes(tier.code);
  const observed = notesByCode(input.signals);
  if (vip) {
    // The VIP reason below replaces the known-tier signal: the tier is a classification, not a score.
    observed.delete(KNOWN_TIER_SIGNAL);
  } else if (tier !== null && definitions.has(KNOWN_TIER_SIGNAL) && !observed.has(KNOWN_TIER_SIGNAL)) {
    observed.set(KNOWN_TIER_SIGNAL, []);
  }

  const counted = heaviestPerGroup([...observed.keys()].map((code) => definitions.get(code) as SignalDefinition));
  const order = (definition: SignalDefinition) => rules.signals.indexOf(definition);
  counted.sort((a, b) => b.weight - a.weight || order(a) - order(b));
  const score = counted.reduce((sum, definition) => sum + definition.weight, 0);

  const reasons: IdentificationReason[] = counted.map((definition) => {
    const notes = observed.get(definition.code) ?? [];
    const text =
      definition.code === KNOWN_TIER_SIGNAL && tier !== null
        ? withTier(definition.reason, tierName(tier))
        : definition.reason;
    return { code: definition.code, weight: definition.weight, text, ...(notes.length > 0 ? { notes } : {}) };
  });
  if (vip && tier !== null) {
    const name = tierName(tier);
    reasons.unshift({ code: KNOWN_TIER_SIGNAL, weight: 0, text: withTier(EXISTING_VIP, name) });
  }

  const classification: CustomerClass = vip ? 'vip' : score >= rules.potentialVipScore ? 'potential-vip' : 'ordinary';
  return { classification, score, potentialVipScore: rules.potentialVipScore, reasons, ruleVersion: rules.version };
}

const EXISTING_VIP: LocalizedText = { zh: '现有贵宾客户', en: 'Existing VIP' };

/**
 * What is wrong with identification rules an admin submitted, so that the server refuses the edit rather
 * than flag everybody (a threshold of 0), nobody (a threshold no combination of signals reaches) or
 * somebody twice (a duplicate code). The rules arrive as parsed JSON or YAML: nothing is taken on trust.
 */
export function validateIdentificationRules(rules: IdentificationRules): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const report = (path: string, message: string) => problems.push({ path, message });
  if (!Number.isInteger(rules?.version) || rules.version < 1) {
    report('version', 'The version must be a whole number, 1 or more.');
  }
  const threshold = rules?.potentialVipScore;
  const thresholdValid = typeof threshold === 'number' && Number.isFinite(threshold) && threshold > 0;
  if (!thresholdValid) {
    report(
      'potentialVipScore',
      'The potential-VIP score must be a number above 0, or every customer would be flagged.',
    );
  }
  if (!Array.isArray(rules?.vipTiers) || !rules.vipTiers.every(isNonEmptyString)) {
    report('vipTiers', 'vipTiers must be a list of tier codes.');
  }
  if (!Array.isArray(rules?.signals)) {
    report('signals', 'signals must be a list.');
    return problems;
  }

  const seen = new Set<string>();
  const valid: SignalDefinition[] = [];
  rules.signals.forEach((signal, index) => {
    const at = `signals[${index}]`;
    const before = problems.length;
    if (!isNonEmptyString(signal?.code)) {
      report(`${at}.code`, 'Every signal needs a code.');
    } else if (seen.has(signal.code)) {
      report(`${at}.code`, `Duplicate signal code "${signal.code}".`);
    } else {
      seen.add(signal.code);
    }
    if (!(IDENTIFICATION_STAGES as readonly string[]).includes(signal?.stage)) {
      report(`${at}.stage`, `Unknown stage "${signal?.stage}"; stages: ${IDENTIFICATION_STAGES.join(', ')}.`);
    }
    if (typeof signal?.weight !== 'number' || !Number.isFinite(signal.weight)) {
      report(`${at}.weight`, 'The weight must be a number.');
    } else if (signal.weight < 0) {
      report(`${at}.weight`, `The weight must not be negative (${signal.weight}).`);
    }
    if (signal?.group !== undefined && !isNonEmptyString(signal.group)) {
      report(`${at}.group`, 'A group, when given, must be a name.');
    }
    if (!isNonEmptyString(signal?.reason?.zh) || !isNonEmptyString(signal?.reason?.en)) {
      report(`${at}.reason`, 'A reason in zh and en is required.');
    }
    if (problems.length === before) valid.push(signal);
  });

  if (thresholdValid && valid.length === rules.signals.length) {
    const best = heaviestPerGroup(valid).reduce((sum, signal) => sum + signal.weight, 0);
    if (best < threshold) {
      report(
        'potentialVipScore',
        `No combination of signals reaches ${threshold}: all signals together score at most ${best}.`,
      );
    }
  }
  return problems;
}

/** Observed codes in order of first observation, each with the observers' notes. */
function notesByCode(signals: readonly ObservedSignal[]): Map<string, string[]> {
  const observed = new Map<string, string[]>();
  for (const signal of signals) {
    const notes = observed.get(signal.code) ?? [];
    const note = signal.note?.trim();
    if (note) notes.push(note);
    observed.set(signal.code, notes);
  }
  return observed;
}

/** Ungrouped signals all count; of a group only the heaviest does (the first one listed on a tie). */
function heaviestPerGroup(definitions: readonly SignalDefinition[]): SignalDefinition[] {
  const heaviest = new Map<string, SignalDefinition>();
  for (const definition of definitions) {
    if (definition.group === undefined) continue;
    const current = heaviest.get(definition.group);
    if (!current || definition.weight > current.weight) heaviest.set(definition.group, definition);
  }
  return definitions.filter(
    (definition) => definition.group === undefined || heaviest.get(definition.group) === definition,
  );
}

function tierName(tier: KnownTier): LocalizedText {
  const rung = tier.ladder?.rungs.find((candidate) => candidate.code === tier.code);
  if (!rung || !tier.ladder) return { zh: tier.code, en: tier.code };
  return { zh: `${rung.name.zh}（${tier.ladder.name.zh}）`, en: `${rung.name.en} (${tier.ladder.name.en})` };
}

function withTier(text: LocalizedText, name: LocalizedText): LocalizedText {
  return { zh: `${text.zh}：${name.zh}`, en: `${text.en}: ${name.en}` };
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

/**
 * The tier a known customer holds: the tier the bank's own systems gave (kept as is), otherwise the
 * rungs the branch's ladders give for the customer's figures, a VIP tier before any other, then in
 * ladder order. Null when the figures reach no rung.
 */
export function knownTierOf(
  declaredTier: string | null,
  figures: CustomerFigures,
  ladders: readonly TierLadder[],
  vipTiers: readonly string[],
): KnownTier | null {
  if (declaredTier) return { code: declaredTier, ladder: findRung(ladders, declaredTier)?.ladder ?? null };
  const reached = ladders.flatMap((ladder) => {
    const rung = evaluateLadder(ladder, figures).rung;
    return rung ? [{ code: rung.code, ladder }] : [];
  });
  return reached.find((tier) => vipTiers.includes(tier.code)) ?? reached[0] ?? null;
}

import {
  DIVERSION_SIGNALS,
  IDENTIFICATION_STAGES,
  type IdentificationRules,
  type ObservedSignal,
} from '@lobbyflow/contracts';
import { domainErrorOf } from '../testing/domain-error-of';
import { identify, knownTierOf, validateIdentificationRules } from './identification';
import { DEFAULT_IDENTIFICATION_RULES } from './identification.defaults';
import { BOC_ASSET_LADDER, CARD_LADDER, EXAMPLE_LADDERS } from './ladders.fixtures';
import { evaluateLadder } from './tiers';

const rules = DEFAULT_IDENTIFICATION_RULES;
const observed = (...codes: string[]): ObservedSignal[] => codes.map((code) => ({ code }));
const classify = (...codes: string[]) => identify({ signals: observed(...codes) }, rules);

describe('DEFAULT_IDENTIFICATION_RULES', () => {
  it('passes its own validation', () => {
    expect(validateIdentificationRules(rules)).toEqual([]);
  });

  it('scores every diversion signal the kiosk raises, under the same code', () => {
    const codes = rules.signals.map((signal) => signal.code);
    for (const signal of DIVERSION_SIGNALS) expect(codes).toContain(signal);
  });

  it('covers every stage of domain.md §3', () => {
    const byStage = (stage: string) =>
      rules.signals.filter((signal) => signal.stage === stage).map((signal) => signal.code);
    expect(byStage('kiosk')).toEqual([
      'known-tier',
      'large-cash',
      'large-transfer',
      'wealth-enquiry',
      'corporate-enquiry',
    ]);
    expect(byStage('teller')).toEqual([
      'asset-query-high',
      'slip-large-amount',
      'asks-investment-amount',
      'sensitive-business',
      'product-maturity',
      'large-idle-balance',
      'large-funds-movement',
    ]);
    expect(byStage('lobby')).toEqual([
      'entry-notable-features',
      'waiting-glance',
      'waiting-returned',
      'waiting-detailed-reading',
      'fx-or-nav-browsing',
    ]);
    expect([...IDENTIFICATION_STAGES]).toEqual(['kiosk', 'teller', 'lobby']);
  });

  it('makes the VIP tiers of the example ladders VIP tiers', () => {
    const codes = EXAMPLE_LADDERS.flatMap((ladder) => ladder.rungs.map((rung) => rung.code));
    for (const tier of rules.vipTiers) expect(codes).toContain(tier);
  });
});

describe('identify: playbook scenarios', () => {
  it('keeps a 35-year-old opening an account with no signals ordinary', () => {
    expect(identify({ signals: [] }, rules)).toEqual({
      classification: 'ordinary',
      score: 0,
      potentialVipScore: 5,
      reasons: [],
      ruleVersion: 1,
    });
  });

  it('makes an 80,000 cash deposit alone a potential VIP', () => {
    expect(classify('large-cash')).toEqual({
      classification: 'potential-vip',
      score: 5,
      potentialVipScore: 5,
      reasons: [
        { code: 'large-cash', weight: 5, text: { zh: '大额现金存取', en: 'Large cash deposit or withdrawal' } },
      ],
      ruleVersion: 1,
    });
  });

  it('needs another signal for a customer reading at the fund-NAV board', () => {
    const atBoard = classify('fx-or-nav-browsing', 'waiting-detailed-reading');
    expect(atBoard).toMatchObject({ classification: 'ordinary', score: 4 });
    expect(atBoard.reasons.map((reason) => reason.code)).toEqual(['waiting-detailed-reading', 'fx-or-nav-browsing']);

    expect(classify('fx-or-nav-browsing', 'waiting-detailed-reading', 'entry-notable-features')).toMatchObject({
      classification: 'potential-vip',
      score: 6,
    });
    expect(classify('fx-or-nav-browsing', 'waiting-detailed-reading', 'asks-investment-amount')).toMatchObject({
      classification: 'potential-vip',
      score: 8,
    });
  });

  it('makes a known private-banking customer an existing VIP regardless of signals', () => {
    const tier = { code: 'private-banking', ladder: BOC_ASSET_LADDER };
    const none = identify({ signals: [], tier }, rules);
    expect(none).toEqual({
      classification: 'vip',
      score: 0,
      potentialVipScore: 5,
      reasons: [
        {
          code: 'known-tier',
          weight: 0,
          text: {
            zh: '现有贵宾客户：私人银行客户（中银资产等级）',
            en: 'Existing VIP: Private Banking (BOC asset tiers)',
          },
        },
      ],
      ruleVersion: 1,
    });
    const busy = identify({ signals: observed('large-cash', 'wealth-enquiry'), tier }, rules);
    expect(busy.classification).toBe('vip');
    expect(busy.score).toBe(9);
    expect(busy.reasons.map((reason) => reason.code)).toEqual(['known-tier', 'large-cash', 'wealth-enquiry']);
  });

  it('takes the tier from a ladder evaluation of the profile figures', () => {
    const evaluation = evaluateLadder(BOC_ASSET_LADDER, { monthlyAverageAssets: 6500000 });
    const result = identify({ signals: [], tier: { code: evaluation.rung!.code, ladder: BOC_ASSET_LADDER } }, rules);
    expect(result.classification).toBe('vip');
  });
});

describe('identify: scoring', () => {
  it('classifies at the threshold and below it', () => {
    expect(classify('wealth-enquiry')).toMatchObject({ classification: 'ordinary', score: 4 });
    expect(classify('wealth-enquiry', 'fx-or-nav-browsing')).toMatchObject({
      classification: 'potential-vip',
      score: 5,
    });
  });

  it('counts a repeated signal once and keeps every note', () => {
    const result = identify(
      {
        signals: [
          { code: 'wealth-enquiry', note: 'asked about funds' },
          { code: 'wealth-enquiry' },
          { code: 'wealth-enquiry', note: '  ' },
          { code: 'wealth-enquiry', note: 'asked again at the counter' },
        ],
      },
      rules,
    );
    expect(result.score).toBe(4);
    expect(result.reasons).toEqual([
      {
        code: 'wealth-enquiry',
        weight: 4,
        text: { zh: '咨询理财业务', en: 'Wealth management enquiry' },
        notes: ['asked about funds', 'asked again at the counter'],
      },
    ]);
  });

  it('grades waiting interest: glance < returned < detailed reading, only the highest grade counts', () => {
    expect(classify('waiting-glance').score).toBe(1);
    expect(classify('waiting-returned').score).toBe(2);
    expect(classify('waiting-detailed-reading').score).toBe(3);
    const all = classify('waiting-glance', 'waiting-returned', 'waiting-detailed-reading');
    expect(all).toMatchObject({ classification: 'ordinary', score: 3 });
    expect(all.reasons.map((reason) => reason.code)).toEqual(['waiting-detailed-reading']);
  });

  it('lists reasons heaviest first, in rule order on a tie', () => {
    const result = classify('fx-or-nav-browsing', 'corporate-enquiry', 'large-idle-balance', 'large-cash');
    expect(result.reasons.map((reason) => [reason.code, reason.weight])).toEqual([
      ['large-cash', 5],
      ['large-idle-balance', 5],
      ['corporate-enquiry', 3],
      ['fx-or-nav-browsing', 1],
    ]);
    expect(result.score).toBe(14);
  });

  it('scores a known tier that is not a VIP tier as the known-tier signal, naming the tier', () => {
    const gold = { code: 'card-gold', ladder: CARD_LADDER };
    const alone = identify({ signals: [], tier: gold }, rules);
    expect(alone).toMatchObject({ classification: 'ordinary', score: 2 });
    expect(alone.reasons).toEqual([
      {
        code: 'known-tier',
        weight: 2,
        text: {
          zh: '已知客户等级（非贵宾）：金卡客户（卡等级）',
          en: 'Known customer tier (not VIP): Gold card (card levels)',
        },
      },
    ]);
    expect(identify({ signals: observed('wealth-enquiry', 'known-tier'), tier: gold }, rules)).toMatchObject({
      classification: 'potential-vip',
      score: 6,
    });
  });

  it('names a tier by its code when the ladder is not given or does not know it', () => {
    const result = identify({ signals: [], tier: { code: 'private-banking' } }, rules);
    expect(result.reasons[0].text).toEqual({
      zh: '现有贵宾客户：private-banking',
      en: 'Existing VIP: private-banking',
    });
    const stale = identify({ signals: [], tier: { code: 'star-9', ladder: CARD_LADDER } }, rules);
    expect(stale).toMatchObject({ classification: 'ordinary', score: 2 });
    expect(stale.reasons[0].text.en).toBe('Known customer tier (not VIP): star-9');
  });

  it('does not score a known tier the bank does not weigh', () => {
    const unweighted: IdentificationRules = {
      ...rules,
      signals: rules.signals.filter((signal) => signal.code !== 'known-tier'),
    };
    expect(identify({ signals: [], tier: { code: 'card-gold' } }, unweighted)).toMatchObject({
      classification: 'ordinary',
      score: 0,
      reasons: [],
    });
  });

  it('records the version of the rules it used', () => {
    const edited: IdentificationRules = {
      ...rules,
      version: 7,
      potentialVipScore: 6,
      signals: rules.signals.map((signal) => (signal.code === 'large-cash' ? { ...signal, weight: 6 } : signal)),
    };
    expect(identify({ signals: observed('large-cash') }, edited)).toMatchObject({
      classification: 'potential-vip',
      score: 6,
      potentialVipScore: 6,
      ruleVersion: 7,
    });
    expect(identify({ signals: observed('wealth-enquiry', 'fx-or-nav-browsing') }, edited)).toMatchObject({
      classification: 'ordinary',
      ruleVersion: 7,
    });
  });

  it('refuses unknown signal codes with UNKNOWN_SIGNAL', () => {
    const error = domainErrorOf(() => classify('large-cash', 'fancy-watch', 'fancy-watch', 'sports-car'));
    expect(error.code).toBe('UNKNOWN_SIGNAL');
    expect(error.message).toMatch(/^Unknown identification signals "fancy-watch", "sports-car"\. Known signals: /);
    expect(error.details).toMatchObject({ unknown: ['fancy-watch', 'sports-car'] });
    expect(error.details?.known).toContain('large-cash');
  });

  it('refuses an unknown signal even for an existing VIP', () => {
    const tier = { code: 'private-banking' };
    expect(domainErrorOf(() => identify({ signals: observed('fancy-watch'), tier }, rules)).code).toBe(
      'UNKNOWN_SIGNAL',
    );
  });
});

describe('validateIdentificationRules', () => {
  const valid: IdentificationRules = {
    version: 1,
    potentialVipScore: 5,
    vipTiers: ['private-banking'],
    signals: [
      { code: 'large-cash', stage: 'kiosk', weight: 5, reason: { zh: '大额现金', en: 'Large cash' } },
      { code: 'waiting-glance', stage: 'lobby', weight: 1, group: 'interest', reason: { zh: '浏览', en: 'Glance' } },
    ],
  };
  const paths = (rules: unknown) =>
    validateIdentificationRules(rules as IdentificationRules).map((problem) => problem.path);

  it('accepts valid rules', () => {
    expect(validateIdentificationRules(valid)).toEqual([]);
  });

  it('reports duplicate signal codes', () => {
    const problems = validateIdentificationRules({ ...valid, signals: [...valid.signals, valid.signals[0]] });
    expect(problems).toEqual([{ path: 'signals[2].code', message: 'Duplicate signal code "large-cash".' }]);
  });

  it('reports negative and non-numeric weights', () => {
    const signals = [
      { ...valid.signals[0], weight: -1 },
      { ...valid.signals[1], weight: Number.NaN },
    ];
    const problems = validateIdentificationRules({ ...valid, signals });
    expect(problems.map((problem) => problem.path)).toEqual(['signals[0].weight', 'signals[1].weight']);
    expect(problems[0].message).toBe('The weight must not be negative (-1).');
  });

  it('accepts a weight of 0: a signal recorded but not scored', () => {
    const signals = [...valid.signals, { ...valid.signals[0], code: 'corporate-enquiry', weight: 0 }];
    expect(validateIdentificationRules({ ...valid, signals })).toEqual([]);
  });

  it.each([0, -5, Number.POSITIVE_INFINITY, undefined])('reports a potential-VIP score of %p', (potentialVipScore) => {
    expect(paths({ ...valid, potentialVipScore })).toEqual(['potentialVipScore']);
  });

  it('reports a threshold no combination of signals reaches, counting a group once', () => {
    const problems = validateIdentificationRules({
      ...valid,
      potentialVipScore: 8,
      signals: [valid.signals[0], valid.signals[1], { ...valid.signals[1], code: 'waiting-returned', weight: 2 }],
    });
    expect(problems).toEqual([
      {
        path: 'potentialVipScore',
        message: 'No combination of signals reaches 8: all signals together score at most 7.',
      },
    ]);
  });

  it('reports a bad version, stage, reason, group and vipTiers', () => {
    expect(paths({ ...valid, version: 0 })).toEqual(['version']);
    expect(paths({ ...valid, version: 1.5 })).toEqual(['version']);
    expect(paths({ ...valid, vipTiers: 'private-banking' })).toEqual(['vipTiers']);
    expect(paths({ ...valid, vipTiers: [''] })).toEqual(['vipTiers']);
    const bad = { ...valid.signals[0], stage: 'phone', group: '', reason: { zh: '大额现金' } };
    expect(paths({ ...valid, signals: [bad] })).toEqual(['signals[0].stage', 'signals[0].group', 'signals[0].reason']);
    expect(paths({ ...valid, signals: undefined })).toEqual(['signals']);
    expect(paths({ ...valid, signals: [{ ...valid.signals[0], code: ' ' }] })).toEqual(['signals[0].code']);
  });
});

describe('knownTierOf', () => {
  const vipTiers = ['private-banking', 'wealth-management', 'boc-wealth', 'card-private', 'card-diamond'];

  it("keeps the tier the bank's systems declared, named by its ladder", () => {
    expect(knownTierOf('private-banking', {}, EXAMPLE_LADDERS, vipTiers)).toEqual({
      code: 'private-banking',
      ladder: BOC_ASSET_LADDER,
    });
    expect(knownTierOf('legacy-gold', {}, EXAMPLE_LADDERS, vipTiers)).toEqual({ code: 'legacy-gold', ladder: null });
  });

  it('evaluates the ladders otherwise, a VIP tier before any other', () => {
    // A gold card (not VIP) and 12-month card spend of 120,000 (中银理财, a VIP tier).
    const figures = { cardLevel: 'gold', cardSpend12m: 120000 };
    expect(knownTierOf(null, figures, [CARD_LADDER, BOC_ASSET_LADDER], vipTiers)).toEqual({
      code: 'boc-wealth',
      ladder: BOC_ASSET_LADDER,
    });
    expect(knownTierOf(null, { cardLevel: 'gold' }, [CARD_LADDER, BOC_ASSET_LADDER], vipTiers)).toEqual({
      code: 'card-gold',
      ladder: CARD_LADDER,
    });
    expect(knownTierOf(null, { monthlyAverageAssets: 1000 }, EXAMPLE_LADDERS, vipTiers)).toBeNull();
  });
});

import type { CustomerFigures, TierCondition, TierLadder } from '@lobbyflow/contracts';
import { BOC_ASSET_LADDER, CARD_LADDER, EXAMPLE_LADDERS, STAR_POINTS_LADDER } from './ladders.fixtures';
import { conditionMet, evaluateLadder, findRung, validateLadder } from './tiers';

const tierOf = (ladder: TierLadder, figures: CustomerFigures) => evaluateLadder(ladder, figures).rung?.code ?? null;

describe('evaluateLadder: Bank of China asset ladder', () => {
  const boc = (figures: CustomerFigures) => tierOf(BOC_ASSET_LADDER, figures);

  it.each([
    [6000000, 'private-banking'],
    [5999999, 'wealth-management'],
    [1000000, 'wealth-management'],
    [999999, 'boc-wealth'],
    [200000, 'boc-wealth'],
    [199999, null],
    [0, null],
  ])('places monthly average assets of %p CNY at %p', (assets, tier) => {
    expect(boc({ monthlyAverageAssets: assets })).toBe(tier);
  });

  it('explains the line that was met in both languages', () => {
    expect(evaluateLadder(BOC_ASSET_LADDER, { monthlyAverageAssets: 1200000 })).toEqual({
      ladder: 'boc-assets',
      rung: BOC_ASSET_LADDER.rungs[1],
      condition: { metric: 'monthlyAverageAssets', atLeast: 1000000 },
      explanation: {
        zh: '月日均金融资产 1,200,000 元 ≥ 1,000,000 元：财富管理客户',
        en: 'Monthly average financial assets 1,200,000 CNY ≥ 1,000,000 CNY: Wealth Management',
      },
    });
  });

  it('reaches 中银理财 on a loan balance of 500,000 alone, but not one yuan below', () => {
    const met = evaluateLadder(BOC_ASSET_LADDER, { monthlyAverageAssets: 1000, loanBalance: 500000 });
    expect(met.rung?.code).toBe('boc-wealth');
    expect(met.condition).toEqual({ metric: 'loanBalance', atLeast: 500000 });
    expect(met.explanation.en).toBe('Personal loan balance 500,000 CNY ≥ 500,000 CNY: BOC Wealth');
    expect(boc({ loanBalance: 499999 })).toBeNull();
  });

  it('reaches 中银理财 on 12-month card spend of 100,000 alone, but not one yuan below', () => {
    const met = evaluateLadder(BOC_ASSET_LADDER, { cardSpend12m: 100000 });
    expect(met.rung?.code).toBe('boc-wealth');
    expect(met.explanation.zh).toBe('近12个月信用卡消费 100,000 元 ≥ 100,000 元：中银理财客户');
    expect(boc({ cardSpend12m: 99999 })).toBeNull();
  });

  it('names the first alternative that holds when several do', () => {
    const met = evaluateLadder(BOC_ASSET_LADDER, { monthlyAverageAssets: 300000, loanBalance: 600000 });
    expect(met.condition).toEqual({ metric: 'monthlyAverageAssets', atLeast: 200000 });
  });

  it('gives the highest rung met: a loan cannot lift a customer above 中银理财, assets can', () => {
    expect(boc({ monthlyAverageAssets: 7000000, loanBalance: 500000 })).toBe('private-banking');
    expect(boc({ loanBalance: 50000000 })).toBe('boc-wealth');
  });

  it('never lets an unknown figure meet a line', () => {
    expect(boc({})).toBeNull();
    expect(boc({ monthlyAverageAssets: null, loanBalance: null, cardSpend12m: null })).toBeNull();
    expect(boc({ monthlyAverageAssets: Number.NaN })).toBeNull();
    expect(boc({ monthlyAverageAssets: undefined, cardSpend12m: 150000 })).toBe('boc-wealth');
  });

  it('explains why no tier was reached, naming unknown figures', () => {
    expect(evaluateLadder(BOC_ASSET_LADDER, { monthlyAverageAssets: 150000 })).toEqual({
      ladder: 'boc-assets',
      rung: null,
      condition: null,
      explanation: {
        zh: '月日均金融资产 150,000 元，个人贷款余额 未知，近12个月信用卡消费 未知：未达到中银资产等级的任何等级',
        en: 'Monthly average financial assets 150,000 CNY, Personal loan balance unknown, 12-month credit-card spend unknown: no tier of BOC asset tiers',
      },
    });
  });
});

describe('evaluateLadder: card ladder', () => {
  it.each([
    ['private', 'card-private'],
    ['diamond', 'card-diamond'],
    ['platinum', 'card-platinum'],
    ['gold', 'card-gold'],
    ['ordinary', 'card-ordinary'],
  ])('places a %s card at %s', (cardLevel, tier) => {
    expect(tierOf(CARD_LADDER, { cardLevel })).toBe(tier);
  });

  it('explains a card level', () => {
    expect(evaluateLadder(CARD_LADDER, { cardLevel: 'platinum' }).explanation).toEqual({
      zh: '卡片等级为 platinum：白金卡客户',
      en: 'Card level platinum: Platinum card',
    });
  });

  it('gives no tier for an unknown or unlisted card level', () => {
    expect(tierOf(CARD_LADDER, {})).toBeNull();
    expect(tierOf(CARD_LADDER, { cardLevel: null })).toBeNull();
    expect(tierOf(CARD_LADDER, { cardLevel: 'titanium' })).toBeNull();
    expect(tierOf(CARD_LADDER, { cardLevel: 'Gold' })).toBeNull();
    expect(evaluateLadder(CARD_LADDER, {}).explanation.en).toBe('Card level unknown: no tier of card levels');
  });

  it('ignores numeric figures on a categorical ladder', () => {
    expect(tierOf(CARD_LADDER, { monthlyAverageAssets: 99000000 })).toBeNull();
  });
});

describe('evaluateLadder: star-points ladder', () => {
  const stars = (starPoints: number | null) => tierOf(STAR_POINTS_LADDER, { starPoints });

  it.each([
    [1000000, 'star-7'],
    [80000, 'star-7'],
    [79999, 'star-6'],
    [10000, 'star-6'],
    [9999, 'star-5'],
    [2000, 'star-5'],
    [1999, 'star-4'],
    [500, 'star-4'],
    [499, 'star-3'],
    [50, 'star-3'],
    [49.99, 'star-quasi'],
    [49, 'star-quasi'],
    [1, 'star-quasi'],
    [0.5, 'star-quasi'],
    [0, null],
  ])('rates %p points as %p', (points, tier) => {
    expect(stars(points)).toBe(tier);
  });

  it('gives unknown points no rating', () => {
    expect(stars(null)).toBeNull();
  });

  it('explains a band with both of its edges', () => {
    expect(evaluateLadder(STAR_POINTS_LADDER, { starPoints: 12000 }).explanation).toEqual({
      zh: '星级积分 12,000 分 ≥ 10,000 分 且 < 80,000 分：六星级客户',
      en: 'Star points 12,000 points ≥ 10,000 points and < 80,000 points: 6 stars',
    });
    expect(evaluateLadder(STAR_POINTS_LADDER, { starPoints: 12 }).explanation.en).toBe(
      'Star points 12 points > 0 points and < 50 points: Quasi-star',
    );
  });

  it('explains 0 points as no rating', () => {
    expect(evaluateLadder(STAR_POINTS_LADDER, { starPoints: 0 }).explanation).toEqual({
      zh: '星级积分 0 分：未达到星级的任何等级',
      en: 'Star points 0 points: no tier of star ratings',
    });
  });
});

describe('conditionMet', () => {
  it('treats atLeast as inclusive, above and below as exclusive', () => {
    const band: TierCondition = { metric: 'starPoints', atLeast: 10, below: 20 };
    expect(conditionMet(band, { starPoints: 10 })).toBe(true);
    expect(conditionMet(band, { starPoints: 19.5 })).toBe(true);
    expect(conditionMet(band, { starPoints: 20 })).toBe(false);
    const open: TierCondition = { metric: 'starPoints', above: 10 };
    expect(conditionMet(open, { starPoints: 10 })).toBe(false);
    expect(conditionMet(open, { starPoints: 10.01 })).toBe(true);
  });

  it('never holds for a numeric line without a lower bound', () => {
    const broken = { metric: 'starPoints', below: 20 } as unknown as TierCondition;
    expect(conditionMet(broken, { starPoints: 5 })).toBe(false);
  });
});

describe('findRung', () => {
  it('finds a tier code on any ladder', () => {
    expect(findRung(EXAMPLE_LADDERS, 'star-6')?.ladder.code).toBe('star-points');
    expect(findRung(EXAMPLE_LADDERS, 'private-banking')?.rung.name.en).toBe('Private Banking');
    expect(findRung(EXAMPLE_LADDERS, 'nope')).toBeUndefined();
  });
});

describe('validateLadder', () => {
  const ladder = (rungs: unknown): TierLadder => ({ code: 'x', name: { zh: '某', en: 'X' }, rungs }) as TierLadder;
  const rung = (code: string, anyOf: unknown) => ({ code, name: { zh: code, en: code }, anyOf });
  const paths = (target: TierLadder) => validateLadder(target).map((problem) => problem.path);

  it('accepts the three example ladders', () => {
    for (const example of EXAMPLE_LADDERS) expect(validateLadder(example)).toEqual([]);
  });

  it('keeps rung codes unique across the example ladders', () => {
    const codes = EXAMPLE_LADDERS.flatMap((example) => example.rungs.map((each) => each.code));
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('reports an empty ladder', () => {
    expect(validateLadder(ladder([]))).toEqual([{ path: 'rungs', message: 'The ladder has no rungs.' }]);
    expect(paths(ladder(undefined))).toEqual(['rungs']);
  });

  it('reports a rung without a condition', () => {
    expect(paths(ladder([rung('a', [])]))).toEqual(['rungs[0].anyOf']);
    expect(paths(ladder([rung('a', undefined)]))).toEqual(['rungs[0].anyOf']);
  });

  it('reports duplicate rung codes', () => {
    const line = [{ metric: 'starPoints', atLeast: 1 }];
    const problems = validateLadder(ladder([rung('a', line), rung('b', line), rung('a', line)]));
    expect(problems).toEqual([{ path: 'rungs[2].code', message: 'Duplicate rung code "a".' }]);
  });

  it('reports a band whose lower bound is not below its upper bound', () => {
    expect(paths(ladder([rung('a', [{ metric: 'starPoints', atLeast: 100, below: 50 }])]))).toEqual([
      'rungs[0].anyOf[0].below',
    ]);
    expect(paths(ladder([rung('a', [{ metric: 'starPoints', atLeast: 50, below: 50 }])]))).toEqual([
      'rungs[0].anyOf[0].below',
    ]);
    expect(paths(ladder([rung('a', [{ metric: 'starPoints', above: 50, below: 50 }])]))).toEqual([
      'rungs[0].anyOf[0].below',
    ]);
  });

  it('reports negative and non-numeric figures', () => {
    const problems = validateLadder(
      ladder([
        rung('a', [{ metric: 'loanBalance', atLeast: -1 }]),
        rung('b', [{ metric: 'loanBalance', atLeast: '500000' }]),
        rung('c', [{ metric: 'loanBalance', above: 0, below: -5 }]),
      ]),
    );
    expect(problems.map((problem) => problem.path)).toEqual([
      'rungs[0].anyOf[0].atLeast',
      'rungs[1].anyOf[0].atLeast',
      'rungs[2].anyOf[0].below',
      'rungs[2].anyOf[0].below',
    ]);
    expect(problems[0].message).toBe('atLeast must not be negative (-1).');
  });

  it('reports a numeric line with no lower bound or with two', () => {
    expect(paths(ladder([rung('a', [{ metric: 'starPoints', below: 50 }])]))).toEqual(['rungs[0].anyOf[0]']);
    expect(paths(ladder([rung('a', [{ metric: 'starPoints', atLeast: 1, above: 0 }])]))).toEqual(['rungs[0].anyOf[0]']);
  });

  it('reports unknown metrics and card-level lines without levels', () => {
    expect(paths(ladder([rung('a', [{ metric: 'age', atLeast: 35 }])]))).toEqual(['rungs[0].anyOf[0].metric']);
    expect(paths(ladder([rung('a', [{ metric: 'cardLevel', oneOf: [] }])]))).toEqual(['rungs[0].anyOf[0].oneOf']);
    expect(paths(ladder([rung('a', [{ metric: 'cardLevel', atLeast: 1 }])]))).toEqual(['rungs[0].anyOf[0].oneOf']);
  });

  it('reports missing codes and names', () => {
    const problems = validateLadder({
      code: '',
      name: { zh: '', en: 'X' },
      rungs: [{ anyOf: [] }],
    } as unknown as TierLadder);
    expect(problems.map((problem) => problem.path)).toEqual([
      'code',
      'name',
      'rungs[0].code',
      'rungs[0].name',
      'rungs[0].anyOf',
    ]);
  });
});

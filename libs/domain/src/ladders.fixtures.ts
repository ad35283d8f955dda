import type { TierCondition, TierLadder } from '@lobbyflow/contracts';

/**
 * The published tier ladders of domain.md §3, as examples. The specs use them and the demo seed file
 * carries the same data: a bank edits its ladders in the seed file or through the admin API, never here.
 * Rung codes are unique across the three ladders because customer profiles and `vipTiers` name a tier by
 * its rung code alone.
 */

/**
 * Bank of China, by monthly-average financial assets (月日均金融资产), with the two alternatives that also
 * reach 中银理财: a personal loan balance of 500,000 or 12-month card spend of 100,000.
 */
export const BOC_ASSET_LADDER: TierLadder = {
  code: 'boc-assets',
  name: { zh: '中银资产等级', en: 'BOC asset tiers' },
  rungs: [
    {
      code: 'private-banking',
      name: { zh: '私人银行客户', en: 'Private Banking' },
      anyOf: [{ metric: 'monthlyAverageAssets', atLeast: 6000000 }],
    },
    {
      code: 'wealth-management',
      name: { zh: '财富管理客户', en: 'Wealth Management' },
      anyOf: [{ metric: 'monthlyAverageAssets', atLeast: 1000000 }],
    },
    {
      code: 'boc-wealth',
      name: { zh: '中银理财客户', en: 'BOC Wealth' },
      anyOf: [
        { metric: 'monthlyAverageAssets', atLeast: 200000 },
        { metric: 'loanBalance', atLeast: 500000 },
        { metric: 'cardSpend12m', atLeast: 100000 },
      ],
    },
  ],
};

/** A card ladder (e.g. Zheshang Bank): private banking / diamond / platinum / gold / ordinary. */
export const CARD_LADDER: TierLadder = {
  code: 'card-levels',
  name: { zh: '卡等级', en: 'card levels' },
  rungs: [
    { code: 'card-private', name: { zh: '私人银行卡客户', en: 'Private banking card' }, anyOf: [level('private')] },
    { code: 'card-diamond', name: { zh: '钻石卡客户', en: 'Diamond card' }, anyOf: [level('diamond')] },
    { code: 'card-platinum', name: { zh: '白金卡客户', en: 'Platinum card' }, anyOf: [level('platinum')] },
    { code: 'card-gold', name: { zh: '金卡客户', en: 'Gold card' }, anyOf: [level('gold')] },
    { code: 'card-ordinary', name: { zh: '普卡客户', en: 'Ordinary card' }, anyOf: [level('ordinary')] },
  ],
};

/**
 * Star points (e.g. BoCom): 7 stars from 80,000 points down to quasi-star, more than 0 and below 50.
 * 0 points is no rating: no rung.
 */
export const STAR_POINTS_LADDER: TierLadder = {
  code: 'star-points',
  name: { zh: '星级', en: 'star ratings' },
  rungs: [
    { code: 'star-7', name: { zh: '七星级客户', en: '7 stars' }, anyOf: [{ metric: 'starPoints', atLeast: 80000 }] },
    {
      code: 'star-6',
      name: { zh: '六星级客户', en: '6 stars' },
      anyOf: [{ metric: 'starPoints', atLeast: 10000, below: 80000 }],
    },
    {
      code: 'star-5',
      name: { zh: '五星级客户', en: '5 stars' },
      anyOf: [{ metric: 'starPoints', atLeast: 2000, below: 10000 }],
    },
    {
      code: 'star-4',
      name: { zh: '四星级客户', en: '4 stars' },
      anyOf: [{ metric: 'starPoints', atLeast: 500, below: 2000 }],
    },
    {
      code: 'star-3',
      name: { zh: '三星级客户', en: '3 stars' },
      anyOf: [{ metric: 'starPoints', atLeast: 50, below: 500 }],
    },
    {
      code: 'star-quasi',
      name: { zh: '准星级客户', en: 'Quasi-star' },
      anyOf: [{ metric: 'starPoints', above: 0, below: 50 }],
    },
  ],
};

export const EXAMPLE_LADDERS: readonly TierLadder[] = [BOC_ASSET_LADDER, CARD_LADDER, STAR_POINTS_LADDER];

function level(code: string): TierCondition {
  return { metric: 'cardLevel', oneOf: [code] };
}

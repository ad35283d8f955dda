import type { IdentificationRules } from '@lobbyflow/contracts';

/**
 * Starting identification rules for the signals of domain.md §3. These are defaults for specs and an empty
 * database: a bank changes weights, thresholds and VIP tiers in its seed file (apps/server/seed/*.yaml) or
 * through the admin API, never here, and every change there is a new version.
 *
 * How the weights read against a potential-VIP score of 5:
 * - one transaction signal the playbook names as making a potential VIP (large cash or transfer, large
 *   funds in/out, a maturing product, a large idle balance, a high asset query) is enough on its own;
 * - a strong enquiry signal (wealth enquiry, asking an investment amount, sensitive business, a large amount
 *   on the business slip) needs one more small signal;
 * - hall observations are soft: reading wealth leaflets in detail (3) and browsing the fund-NAV board (1)
 *   make 4, so the lobby manager needs one more observation, e.g. notable features on entry (2);
 * - glance (1) < returned (2) < detailed reading (3) are grades of one observation: only the highest counts.
 */
export const DEFAULT_IDENTIFICATION_RULES: IdentificationRules = {
  version: 1,
  potentialVipScore: 5,
  vipTiers: [
    'private-banking',
    'wealth-management',
    'boc-wealth',
    'card-private',
    'card-diamond',
    'card-platinum',
    'star-7',
    'star-6',
    'star-5',
  ],
  signals: [
    // kiosk: card swipe, business type and amount
    {
      code: 'known-tier',
      stage: 'kiosk',
      weight: 2,
      reason: { zh: '已知客户等级（非贵宾）', en: 'Known customer tier (not VIP)' },
    },
    {
      code: 'large-cash',
      stage: 'kiosk',
      weight: 5,
      reason: { zh: '大额现金存取', en: 'Large cash deposit or withdrawal' },
    },
    {
      code: 'large-transfer',
      stage: 'kiosk',
      weight: 5,
      reason: { zh: '大额转账汇款', en: 'Large transfer or remittance' },
    },
    {
      code: 'wealth-enquiry',
      stage: 'kiosk',
      weight: 4,
      reason: { zh: '咨询理财业务', en: 'Wealth management enquiry' },
    },
    {
      code: 'corporate-enquiry',
      stage: 'kiosk',
      weight: 3,
      reason: { zh: '咨询对公业务', en: 'Corporate business enquiry' },
    },
    // teller: value judgement while serving (客户价值判定)
    {
      code: 'asset-query-high',
      stage: 'teller',
      weight: 5,
      reason: { zh: '查询客户资产：资产较高', en: 'Asset query shows high assets' },
    },
    {
      code: 'slip-large-amount',
      stage: 'teller',
      weight: 4,
      reason: { zh: '业务凭单：大额或理财产品', en: 'Business slip: large amount or wealth product' },
    },
    {
      code: 'asks-investment-amount',
      stage: 'teller',
      weight: 4,
      reason: { zh: '直接询问产品投资额度', en: 'Asked the investment amount of a product' },
    },
    {
      code: 'sensitive-business',
      stage: 'teller',
      weight: 4,
      reason: { zh: '询问敏感业务', en: 'Asked about sensitive business' },
    },
    { code: 'product-maturity', stage: 'teller', weight: 5, reason: { zh: '产品到期', en: 'A product is maturing' } },
    {
      code: 'large-idle-balance',
      stage: 'teller',
      weight: 5,
      reason: { zh: '大额活期闲置', en: 'Large idle current-account balance' },
    },
    {
      code: 'large-funds-movement',
      stage: 'teller',
      weight: 5,
      reason: { zh: '大额资金进出', en: 'Large funds moving in or out' },
    },
    // lobby manager: on entry and while waiting
    {
      code: 'entry-notable-features',
      stage: 'lobby',
      weight: 2,
      reason: { zh: '进门观察：衣着举止谈吐有特点', en: 'Notable appearance, bearing or speech on entry' },
    },
    {
      code: 'waiting-glance',
      stage: 'lobby',
      weight: 1,
      group: 'waiting-interest',
      reason: { zh: '等候时浏览理财资料后离开', en: 'Glanced at wealth information while waiting' },
    },
    {
      code: 'waiting-returned',
      stage: 'lobby',
      weight: 2,
      group: 'waiting-interest',
      reason: { zh: '办完业务后回来看理财资料', en: 'Came back to the wealth information after the business' },
    },
    {
      code: 'waiting-detailed-reading',
      stage: 'lobby',
      weight: 3,
      group: 'waiting-interest',
      reason: { zh: '驻足详细阅读理财资料', en: 'Stopped to read wealth information in detail' },
    },
    {
      code: 'fx-or-nav-browsing',
      stage: 'lobby',
      weight: 1,
      reason: { zh: '浏览外汇牌价或基金净值', en: 'Browsed FX rates or fund NAVs' },
    },
  ],
};

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { amountBands, divert, routeQuestions, type DiversionRequest } from '@lobbyflow/domain';
import { parseSeedFile } from './seed-file';

/**
 * The diversion table of shared/domain.md §2, row by row, against the demo branch's configuration:
 * the rules engine lives in libs/domain, the figures in the seed file, and this spec ties them together.
 */
const seed = parseSeedFile(readFileSync(join(__dirname, '../../seed/demo-branch.yaml'), 'utf8'));
const rules = {
  thresholds: seed.settings.thresholds,
  businessTypes: seed.businessTypes,
  vipRouting: seed.settings.vipRouting,
};
const route = (request: DiversionRequest) => divert(request, rules);

describe('domain.md §2 on the demo branch', () => {
  describe('small cash deposit or withdrawal -> self-service, with a card, up to 20,000 CNY', () => {
    it.each(['cash-deposit', 'cash-withdrawal'])('%s', (businessType) => {
      expect(route({ businessType, amount: 20000, hasCard: true })).toMatchObject({ destination: 'self-service' });
      expect(route({ businessType, amount: 20000.01, hasCard: true })).toMatchObject({ destination: 'cash-counter' });
      expect(route({ businessType, amount: 500, hasCard: false })).toMatchObject({
        destination: 'cash-counter',
        queue: 'A',
      });
      expect(route({ businessType, hasCard: true })).toMatchObject({ destination: 'cash-counter' });
    });
  });

  it('large cash (>= 50,000 CNY, the PBOC line) goes to the cash counter and is a VIP signal', () => {
    expect(route({ businessType: 'cash-deposit', amount: 50000, hasCard: true })).toMatchObject({
      destination: 'cash-counter',
      signals: ['large-cash'],
    });
    expect(route({ businessType: 'cash-withdrawal', amount: 49999.99, hasCard: true }).signals).toEqual([]);
  });

  it('bill payment -> self-service terminal, a counter ticket still possible', () => {
    expect(route({ businessType: 'bill-payment' })).toMatchObject({
      destination: 'self-service',
      counterDestination: 'open-counter',
      counterQueue: 'B',
    });
  });

  it('small transfer with a card -> self-service; large -> counter and a VIP signal', () => {
    expect(route({ businessType: 'transfer', amount: 50000, hasCard: true })).toMatchObject({
      destination: 'self-service',
    });
    expect(route({ businessType: 'transfer', amount: 8000, hasCard: false })).toMatchObject({
      destination: 'open-counter',
    });
    expect(route({ businessType: 'transfer', amount: 200000, hasCard: true })).toMatchObject({
      destination: 'open-counter',
      signals: ['large-transfer'],
    });
  });

  it('non-cash business and account opening -> open counter; opening offers e-banking and SMS alerts', () => {
    expect(route({ businessType: 'card-service' })).toMatchObject({ destination: 'open-counter', queue: 'B' });
    const opening = route({ businessType: 'account-opening' });
    expect(opening).toMatchObject({ destination: 'open-counter', queue: 'B' });
    expect(opening.advice.en).toMatch(/mobile banking and SMS alerts/);
    expect(opening.advice.zh).toMatch(/手机银行.*短信提醒/);
  });

  it('wealth, investment and FX enquiries -> relationship manager, a VIP signal', () => {
    for (const businessType of ['wealth-enquiry', 'fx']) {
      expect(route({ businessType })).toMatchObject({
        destination: 'relationship-manager',
        queue: 'W',
        signals: ['wealth-enquiry'],
      });
    }
  });

  it('corporate business -> corporate counter, a VIP signal', () => {
    expect(route({ businessType: 'corporate' })).toMatchObject({
      destination: 'corporate-counter',
      queue: 'C',
      signals: ['corporate-enquiry'],
    });
  });

  it('a known VIP with counter business goes to the VIP counter', () => {
    expect(route({ businessType: 'cash-deposit', amount: 90000, hasCard: true, priority: 'vip' })).toMatchObject({
      destination: 'vip-counter',
      queue: 'V',
    });
    expect(route({ businessType: 'wealth-enquiry', priority: 'vip' })).toMatchObject({ queue: 'W' });
  });

  it('every self-service advice is one friendly sentence in both languages', () => {
    for (const type of seed.businessTypes) {
      for (const candidate of type.routes) {
        expect(candidate.advice.zh).toMatch(/。$/);
        expect(candidate.advice.en).toMatch(/\.$/);
        expect(candidate.advice.en.split('. ').length).toBe(1);
      }
    }
  });
});

describe('amount bands on the demo branch', () => {
  const bandsOf = (code: string) =>
    amountBands(seed.businessTypes.find((type) => type.code === code) as never, seed.settings.thresholds);

  it('cuts cash at the small-cash limit and the large-cash line, each band routing as its amounts do', () => {
    expect(bandsOf('cash-deposit')).toEqual([
      { above: null, upTo: 20000, amount: 20000 },
      { above: 20000, upTo: 50000, amount: 35000 },
      { above: 50000, upTo: null, amount: 50000 },
    ]);
    const [small, middle, large] = bandsOf('cash-deposit').map((band) =>
      route({ businessType: 'cash-deposit', amount: band.amount, hasCard: true }),
    );
    expect(small).toMatchObject({ destination: 'self-service', signals: [] });
    expect(middle).toMatchObject({ destination: 'cash-counter', signals: [] });
    expect(large).toMatchObject({ destination: 'cash-counter', signals: ['large-cash'] });
  });

  it('offers no bands where the amount changes nothing', () => {
    expect(bandsOf('account-opening')).toEqual([]);
    expect(bandsOf('wealth-enquiry')).toEqual([]);
  });
});

describe('kiosk questions on the demo branch', () => {
  const questionsOf = (code: string) => routeQuestions(seed.businessTypes.find((type) => type.code === code) as never);

  it('asks only what changes the route or a signal', () => {
    expect(questionsOf('cash-deposit')).toEqual({ asksAmount: true, asksCard: true });
    expect(questionsOf('transfer')).toEqual({ asksAmount: true, asksCard: true });
    expect(questionsOf('bill-payment')).toEqual({ asksAmount: false, asksCard: false });
    expect(questionsOf('wealth-enquiry')).toEqual({ asksAmount: false, asksCard: false });
  });
});

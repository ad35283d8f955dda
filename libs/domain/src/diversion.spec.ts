import { conditionHolds, divert, findBusinessType, type DiversionRequest } from './diversion';
import type { BusinessTypeRules, DiversionRules } from './rules';
import { domainErrorOf } from '../testing/domain-error-of';

const say = (en: string) => ({ zh: en, en });

/** A small diversion table mirroring domain.md §2 with the default thresholds. */
function hallRules(): DiversionRules {
  return {
    thresholds: {
      smallCashLimit: 20000,
      largeCashLine: 50000,
      smallTransferLimit: 50000,
      largeTransferLine: 200000,
    },
    businessTypes: [
      {
        code: 'cash-deposit',
        category: 'cash',
        routes: [
          {
            when: { hasCard: true, amountAtMost: 'smallCashLimit' },
            destination: 'self-service',
            advice: say('Use the cash recycler.'),
          },
          { destination: 'cash-counter', queue: 'A', advice: say('Please wait for the cash counter.') },
        ],
        signals: [{ signal: 'large-cash', when: { amountAtLeast: 'largeCashLine' } }],
      },
      {
        code: 'bill-payment',
        category: 'bill',
        routes: [
          { destination: 'self-service', advice: say('Pay at the payment terminal.') },
          { destination: 'open-counter', queue: 'B', advice: say('Please wait for an open counter.') },
        ],
        signals: [],
      },
      {
        code: 'transfer',
        category: 'transfer',
        routes: [
          {
            when: { hasCard: true, amountAtMost: 'smallTransferLimit' },
            destination: 'self-service',
            advice: say('Transfer at a machine or in the app.'),
          },
          { destination: 'open-counter', queue: 'B', advice: say('Please wait for an open counter.') },
        ],
        signals: [{ signal: 'large-transfer', when: { amountAtLeast: 'largeTransferLine' } }],
      },
      {
        code: 'account-opening',
        category: 'non-cash',
        routes: [{ destination: 'open-counter', queue: 'B', advice: say('Please wait for an open counter.') }],
        signals: [],
      },
      {
        code: 'wealth-enquiry',
        category: 'wealth',
        routes: [
          { destination: 'relationship-manager', queue: 'W', advice: say('A relationship manager will see you.') },
        ],
        signals: [{ signal: 'wealth-enquiry' }],
      },
      {
        code: 'corporate',
        category: 'corporate',
        routes: [
          { destination: 'corporate-counter', queue: 'C', advice: say('Please wait for the corporate counter.') },
        ],
        signals: [{ signal: 'corporate-enquiry' }],
      },
    ],
    vipRouting: {
      from: ['cash-counter', 'open-counter'],
      destination: 'vip-counter',
      queue: 'V',
      advice: say('Please go to the VIP counter.'),
    },
  };
}

function rulesWith(businessType: BusinessTypeRules, thresholds: Record<string, number> = {}): DiversionRules {
  return { thresholds, businessTypes: [businessType] };
}

describe('divert', () => {
  const rules = hallRules();
  const cash = (request: Omit<DiversionRequest, 'businessType'>) =>
    divert({ businessType: 'cash-deposit', ...request }, rules);

  describe('small cash deposit', () => {
    it('sends an amount exactly at the small-cash threshold with a card to self-service', () => {
      const result = cash({ amount: 20000, hasCard: true });
      expect(result).toMatchObject({ destination: 'self-service', queue: null, selfService: true });
      expect(result.advice.en).toBe('Use the cash recycler.');
    });

    it('sends one yuan above the small-cash threshold to the cash counter', () => {
      expect(cash({ amount: 20001, hasCard: true })).toMatchObject({
        destination: 'cash-counter',
        queue: 'A',
        selfService: false,
      });
    });

    it('sends a customer without a card to the cash counter even for a small amount', () => {
      expect(cash({ amount: 100, hasCard: false })).toMatchObject({ destination: 'cash-counter', queue: 'A' });
    });

    it('sends a customer whose card status is unknown to the cash counter', () => {
      expect(cash({ amount: 100 })).toMatchObject({ destination: 'cash-counter', selfService: false });
    });

    it('never sends an unknown amount to self-service', () => {
      const result = cash({ hasCard: true });
      expect(result.selfService).toBe(false);
      expect(result).toMatchObject({ destination: 'cash-counter', queue: 'A' });
    });

    it('always names the counter route alongside self-service advice', () => {
      const result = cash({ amount: 500, hasCard: true });
      expect(result.selfService).toBe(true);
      expect(result.counterDestination).toBe('cash-counter');
      expect(result.counterQueue).toBe('A');
    });

    it('reports the same destination as counter route when the advice is a counter', () => {
      const result = cash({ amount: 30000, hasCard: true });
      expect(result.counterDestination).toBe(result.destination);
      expect(result.counterQueue).toBe(result.queue);
    });
  });

  describe('large-cash signal', () => {
    it('raises large-cash exactly at the 50,000 line', () => {
      expect(cash({ amount: 50000, hasCard: true }).signals).toEqual(['large-cash']);
    });

    it('does not raise large-cash at 49,999', () => {
      expect(cash({ amount: 49999, hasCard: true }).signals).toEqual([]);
    });

    it('does not raise large-cash when the amount is unknown', () => {
      expect(cash({ hasCard: true }).signals).toEqual([]);
    });
  });

  describe('bill payment', () => {
    it('advises self-service and keeps the open counter as the ticket route', () => {
      expect(divert({ businessType: 'bill-payment' }, rules)).toMatchObject({
        destination: 'self-service',
        queue: null,
        selfService: true,
        counterDestination: 'open-counter',
        counterQueue: 'B',
        signals: [],
      });
    });
  });

  describe('transfer', () => {
    it('advises self-service for a small transfer with a card', () => {
      expect(divert({ businessType: 'transfer', amount: 50000, hasCard: true }, rules)).toMatchObject({
        destination: 'self-service',
        counterDestination: 'open-counter',
        counterQueue: 'B',
      });
    });

    it('sends a transfer above the small limit to the open counter', () => {
      expect(divert({ businessType: 'transfer', amount: 50001, hasCard: true }, rules)).toMatchObject({
        destination: 'open-counter',
        queue: 'B',
        selfService: false,
        signals: [],
      });
    });

    it('sends a small transfer without a card to the open counter', () => {
      expect(divert({ businessType: 'transfer', amount: 10, hasCard: false }, rules)).toMatchObject({
        destination: 'open-counter',
        queue: 'B',
      });
    });

    it('raises large-transfer at the large-transfer line but not one yuan below', () => {
      expect(divert({ businessType: 'transfer', amount: 200000, hasCard: true }, rules).signals).toEqual([
        'large-transfer',
      ]);
      expect(divert({ businessType: 'transfer', amount: 199999, hasCard: true }, rules).signals).toEqual([]);
    });
  });

  describe('counter-only business', () => {
    it('sends account opening to the open counter', () => {
      expect(divert({ businessType: 'account-opening', hasCard: true }, rules)).toMatchObject({
        destination: 'open-counter',
        queue: 'B',
        selfService: false,
        signals: [],
      });
    });

    it('sends a wealth enquiry to a relationship manager with the wealth-enquiry signal', () => {
      expect(divert({ businessType: 'wealth-enquiry' }, rules)).toMatchObject({
        destination: 'relationship-manager',
        queue: 'W',
        counterDestination: 'relationship-manager',
        counterQueue: 'W',
        signals: ['wealth-enquiry'],
      });
    });

    it('sends corporate business to the corporate counter with the corporate-enquiry signal', () => {
      expect(divert({ businessType: 'corporate' }, rules)).toMatchObject({
        destination: 'corporate-counter',
        queue: 'C',
        signals: ['corporate-enquiry'],
      });
    });
  });

  describe('VIP routing', () => {
    it('reroutes a VIP cash customer from the cash counter to the VIP counter', () => {
      expect(cash({ amount: 30000, hasCard: true, priority: 'vip' })).toMatchObject({
        destination: 'vip-counter',
        queue: 'V',
        counterDestination: 'vip-counter',
        counterQueue: 'V',
        counterAdvice: say('Please go to the VIP counter.'),
      });
    });

    it('reroutes a VIP open-counter customer to the VIP counter', () => {
      expect(divert({ businessType: 'account-opening', priority: 'vip' }, rules)).toMatchObject({
        destination: 'vip-counter',
        queue: 'V',
      });
    });

    it('still advises self-service to a VIP but names the VIP counter as the ticket route', () => {
      expect(cash({ amount: 100, hasCard: true, priority: 'vip' })).toMatchObject({
        destination: 'self-service',
        queue: null,
        selfService: true,
        counterDestination: 'vip-counter',
        counterQueue: 'V',
        counterAdvice: say('Please go to the VIP counter.'),
      });
    });

    it('keeps a VIP wealth enquiry with the relationship manager', () => {
      expect(divert({ businessType: 'wealth-enquiry', priority: 'vip' }, rules)).toMatchObject({
        destination: 'relationship-manager',
        queue: 'W',
      });
    });

    it('does not reroute priority (non-VIP) customers', () => {
      expect(cash({ amount: 30000, hasCard: true, priority: 'priority' })).toMatchObject({
        destination: 'cash-counter',
        queue: 'A',
      });
    });

    it('leaves VIPs on their route when the branch has no VIP counter', () => {
      const { vipRouting: _ignored, ...withoutVip } = hallRules();
      expect(divert({ businessType: 'cash-deposit', amount: 30000, priority: 'vip' }, withoutVip)).toMatchObject({
        destination: 'cash-counter',
        queue: 'A',
      });
    });
  });

  describe('errors', () => {
    it('refuses an unknown business type with UNKNOWN_BUSINESS_TYPE naming the known types', () => {
      const error = domainErrorOf(() => divert({ businessType: 'gold-bars' }, rules));
      expect(error.code).toBe('UNKNOWN_BUSINESS_TYPE');
      expect(error.message).toContain('gold-bars');
      expect(error.message).toContain('cash-deposit');
    });

    it('refuses a table with only a self-service route with NO_ROUTE', () => {
      const selfServiceOnly = rulesWith({
        code: 'atm-only',
        category: 'cash',
        routes: [{ destination: 'self-service', advice: say('Use the ATM.') }],
        signals: [],
      });
      const error = domainErrorOf(() => divert({ businessType: 'atm-only' }, selfServiceOnly));
      expect(error.code).toBe('NO_ROUTE');
      expect(error.message).toContain('atm-only');
    });

    it('refuses with NO_ROUTE when no route matches the request', () => {
      const cardOnly = rulesWith({
        code: 'card-only',
        category: 'non-cash',
        routes: [{ when: { hasCard: true }, destination: 'open-counter', queue: 'B', advice: say('Counter.') }],
        signals: [],
      });
      expect(domainErrorOf(() => divert({ businessType: 'card-only', hasCard: false }, cardOnly)).code).toBe(
        'NO_ROUTE',
      );
    });

    it('refuses with NO_ROUTE when the counter route has no queue', () => {
      const noQueue = rulesWith({
        code: 'no-queue',
        category: 'other',
        routes: [{ destination: 'open-counter', advice: say('Counter.') }],
        signals: [],
      });
      expect(domainErrorOf(() => divert({ businessType: 'no-queue' }, noQueue)).code).toBe('NO_ROUTE');
    });

    it('throws a DomainError naming an undefined threshold', () => {
      const typo = rulesWith(
        {
          code: 'cash-typo',
          category: 'cash',
          routes: [
            { when: { amountAtMost: 'smallCashLimt' }, destination: 'self-service', advice: say('ATM.') },
            { destination: 'cash-counter', queue: 'A', advice: say('Counter.') },
          ],
          signals: [],
        },
        { smallCashLimit: 20000 },
      );
      const error = domainErrorOf(() => divert({ businessType: 'cash-typo', amount: 100 }, typo));
      expect(error.code).toBe('NO_ROUTE');
      expect(error.message).toContain('smallCashLimt');
    });

    it('throws a DomainError for an undefined threshold in a signal rule', () => {
      const typo = rulesWith({
        code: 'cash-typo',
        category: 'cash',
        routes: [{ destination: 'cash-counter', queue: 'A', advice: say('Counter.') }],
        signals: [{ signal: 'large-cash', when: { amountAtLeast: 'largeCashLien' } }],
      });
      const error = domainErrorOf(() => divert({ businessType: 'cash-typo', amount: 100 }, typo));
      expect(error.code).toBe('NO_ROUTE');
      expect(error.message).toContain('largeCashLien');
    });
  });

  it('de-duplicates signals raised by several rules', () => {
    const doubled = rulesWith(
      {
        code: 'cash-deposit',
        category: 'cash',
        routes: [{ destination: 'cash-counter', queue: 'A', advice: say('Counter.') }],
        signals: [
          { signal: 'large-cash', when: { amountAtLeast: 'largeCashLine' } },
          { signal: 'wealth-enquiry' },
          { signal: 'large-cash', when: { amountAtLeast: 'veryLargeCashLine' } },
        ],
      },
      { largeCashLine: 50000, veryLargeCashLine: 1000000 },
    );
    expect(divert({ businessType: 'cash-deposit', amount: 2000000 }, doubled).signals).toEqual([
      'large-cash',
      'wealth-enquiry',
    ]);
  });

  it('uses the first matching route as the advice', () => {
    const twoCounters = rulesWith({
      code: 'card-service',
      category: 'non-cash',
      routes: [
        { when: { hasCard: true }, destination: 'open-counter', queue: 'B', advice: say('Open counter.') },
        { destination: 'cash-counter', queue: 'A', advice: say('Cash counter.') },
      ],
      signals: [],
    });
    expect(divert({ businessType: 'card-service', hasCard: true }, twoCounters)).toMatchObject({
      destination: 'open-counter',
      queue: 'B',
    });
    expect(divert({ businessType: 'card-service', hasCard: false }, twoCounters)).toMatchObject({
      destination: 'cash-counter',
      queue: 'A',
    });
  });
});

describe('findBusinessType', () => {
  it('returns the rules of a known business type', () => {
    expect(findBusinessType(hallRules(), 'corporate').category).toBe('corporate');
  });

  it('throws UNKNOWN_BUSINESS_TYPE for an unknown code', () => {
    expect(domainErrorOf(() => findBusinessType(hallRules(), 'CASH-DEPOSIT')).code).toBe('UNKNOWN_BUSINESS_TYPE');
  });
});

describe('conditionHolds', () => {
  const thresholds = { limit: 100 };

  it('holds for an absent or empty condition', () => {
    expect(conditionHolds(undefined, {}, thresholds)).toBe(true);
    expect(conditionHolds({}, {}, thresholds)).toBe(true);
  });

  it('requires every stated part to hold', () => {
    const condition = { hasCard: true, amountAtMost: 'limit' };
    expect(conditionHolds(condition, { hasCard: true, amount: 100 }, thresholds)).toBe(true);
    expect(conditionHolds(condition, { hasCard: true, amount: 101 }, thresholds)).toBe(false);
    expect(conditionHolds(condition, { hasCard: false, amount: 1 }, thresholds)).toBe(false);
  });

  it('matches hasCard: false only when the customer said so', () => {
    expect(conditionHolds({ hasCard: false }, { hasCard: false }, thresholds)).toBe(true);
    expect(conditionHolds({ hasCard: false }, {}, thresholds)).toBe(false);
  });

  it('never lets an unknown amount satisfy an amount bound', () => {
    expect(conditionHolds({ amountAtMost: 'limit' }, {}, thresholds)).toBe(false);
    expect(conditionHolds({ amountAtLeast: 'limit' }, {}, thresholds)).toBe(false);
  });

  it('treats amountAtLeast as inclusive', () => {
    expect(conditionHolds({ amountAtLeast: 'limit' }, { amount: 100 }, thresholds)).toBe(true);
    expect(conditionHolds({ amountAtLeast: 'limit' }, { amount: 99.99 }, thresholds)).toBe(false);
  });
});

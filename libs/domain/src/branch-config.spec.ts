import type { IdentificationRules } from '@lobbyflow/contracts';
import {
  type BusinessTypeConfig,
  type HallRules,
  joinPath,
  missingSignals,
  prefixProblems,
  queueUses,
  thresholdUses,
  validateBranchIdentity,
  validateBusinessType,
  validateCounter,
  validateHallRules,
  validateQueue,
  validateQueues,
} from './branch-config';
import { DEFAULT_FOLLOW_UP } from './follow-up';

const rules: HallRules = {
  thresholds: { smallCashLimit: 20000, largeCashLine: 50000 },
  lifecycle: { recallDelaySeconds: 30, noShowAfterRecalls: 2, returnHoldSeconds: 120 },
  callPolicy: { maxPriorityInRow: 2, agingMinutes: 40 },
  serviceLevelMinutes: 10,
  pauseReasons: [{ code: 'break', name: { zh: '休息', en: 'Break' } }],
  callover: { answerSeconds: 60 },
  followUp: DEFAULT_FOLLOW_UP,
};

const cashDeposit: BusinessTypeConfig = {
  code: 'cash-deposit',
  name: { zh: '存款', en: 'Cash deposit' },
  category: 'cash',
  icon: 'cash-in',
  typicalServiceMinutes: 4,
  routes: [
    {
      when: { hasCard: true, amountAtMost: 'smallCashLimit' },
      destination: 'self-service',
      advice: { zh: '请到自助机', en: 'Use the machine' },
    },
    { destination: 'cash-counter', queue: 'A', advice: { zh: '请到现金柜台', en: 'Cash counter, please' } },
  ],
  signals: [{ signal: 'large-cash', when: { amountAtLeast: 'largeCashLine' } }],
};
const context = { thresholds: rules.thresholds, queues: ['A', 'B'] };

const paths = (problems: { path: string }[]) => problems.map((problem) => problem.path);

describe('branch configuration checks (shared by the seed file and the admin API)', () => {
  describe('validateBranchIdentity', () => {
    it('accepts an IANA zone or a fixed offset and a day start like 04:30', () => {
      const name = { zh: '演示支行', en: 'Demo Branch' };
      expect(validateBranchIdentity({ name, timeZone: 'Asia/Shanghai', dayStartsAt: '00:00' })).toEqual([]);
      expect(validateBranchIdentity({ name, timeZone: '+08:00', dayStartsAt: '04:30' })).toEqual([]);
    });

    it('names each bad field', () => {
      const problems = validateBranchIdentity({
        name: { zh: '', en: 'Demo' },
        timeZone: 'Mars/Olympus',
        dayStartsAt: '24:00',
      });
      expect(paths(problems)).toEqual(['name', 'timeZone', 'dayStartsAt']);
    });
  });

  describe('validateHallRules', () => {
    it('accepts the demo figures, and null for "priority customers always first"', () => {
      expect(validateHallRules(rules)).toEqual([]);
      expect(validateHallRules({ ...rules, callPolicy: { maxPriorityInRow: null, agingMinutes: 40 } })).toEqual([]);
    });

    it('refuses negative, fractional and out-of-range figures, naming the field', () => {
      const problems = validateHallRules({
        ...rules,
        thresholds: { smallCashLimit: -1, 'bad name': 5 },
        lifecycle: { recallDelaySeconds: 2.5, noShowAfterRecalls: -1, returnHoldSeconds: 7200 },
        callPolicy: { maxPriorityInRow: 0, agingMinutes: 0 },
        serviceLevelMinutes: 0,
        callover: { answerSeconds: 0 },
      });
      expect(paths(problems)).toEqual([
        'thresholds.smallCashLimit',
        'thresholds.bad name',
        'lifecycle.recallDelaySeconds',
        'lifecycle.noShowAfterRecalls',
        'lifecycle.returnHoldSeconds',
        'callPolicy.maxPriorityInRow',
        'callPolicy.agingMinutes',
        'serviceLevelMinutes',
        'callover.answerSeconds',
      ]);
    });

    it('needs at least one pause reason, each code once, each with a name', () => {
      expect(paths(validateHallRules({ ...rules, pauseReasons: [] }))).toEqual(['pauseReasons']);
      const twice = [...rules.pauseReasons, { code: 'break', name: { zh: '', en: 'Again' } }];
      expect(paths(validateHallRules({ ...rules, pauseReasons: twice }))).toEqual([
        'pauseReasons[1].code',
        'pauseReasons[1].name',
      ]);
    });

    it('checks the follow-up cadence with its meanings', () => {
      const followUp = {
        ...DEFAULT_FOLLOW_UP,
        grades: { ...DEFAULT_FOLLOW_UP.grades, B: { everyDays: 0, meaning: { zh: '', en: '' } } },
      };
      expect(paths(validateHallRules({ ...rules, followUp }))).toEqual([
        'followUp.grades.B.everyDays',
        'followUp.grades.B.meaning',
      ]);
    });
  });

  describe('queues', () => {
    const queue = { code: 'A', prefix: 'A', destination: 'cash-counter' as const, name: { zh: '现金', en: 'Cash' } };

    it('wants a short code, a 1-4 letter capital prefix and a counter destination', () => {
      expect(validateQueue(queue)).toEqual([]);
      expect(paths(validateQueue({ ...queue, code: 'a b', prefix: 'a1', destination: 'self-service' }))).toEqual([
        'code',
        'prefix',
        'destination',
      ]);
    });

    it('refuses two queues with one code or one prefix: they would print the same numbers', () => {
      const problems = validateQueues([queue, { ...queue, code: 'A2' }, { ...queue, prefix: 'Q' }]);
      expect(problems).toEqual([
        { path: '[1].prefix', message: 'prefix "A" is taken' },
        { path: '[2].code', message: 'duplicate queue "A"' },
      ]);
      expect(validateQueues([])).toEqual([{ path: '', message: 'must list at least one queue' }]);
    });
  });

  describe('validateBusinessType', () => {
    it('accepts a table that ends with an unconditional counter route', () => {
      expect(validateBusinessType(cashDeposit, context)).toEqual([]);
    });

    it('names an unknown queue, an unknown threshold and a signal that is not a diversion signal', () => {
      const broken: BusinessTypeConfig = {
        ...cashDeposit,
        routes: [
          { ...cashDeposit.routes[0], when: { amountAtMost: 'tinyLimit' } },
          { ...cashDeposit.routes[1], queue: 'X' },
        ],
        signals: [{ signal: 'big-smile' as never }],
      };
      expect(validateBusinessType(broken, context)).toEqual([
        { path: 'routes[0].when.amountAtMost', message: 'unknown threshold "tinyLimit"' },
        { path: 'routes[1].queue', message: 'unknown queue "X"' },
        {
          path: 'signals[0].signal',
          message: 'must be one of large-cash, large-transfer, wealth-enquiry, corporate-enquiry',
        },
      ]);
    });

    it('refuses a table that could leave a customer without a counter, and a queue on a self-service route', () => {
      const onlyMachine = { ...cashDeposit, routes: [{ ...cashDeposit.routes[0], queue: 'A' }] };
      expect(validateBusinessType(onlyMachine, context)).toEqual([
        { path: 'routes[0].queue', message: 'a self-service route has no queue' },
        { path: 'routes', message: 'must end with an unconditional counter route' },
      ]);
      expect(paths(validateBusinessType({ ...cashDeposit, routes: [] }, context))).toEqual(['routes', 'routes']);
    });

    it('checks code, name, category, icon and typical minutes', () => {
      const problems = validateBusinessType(
        {
          ...cashDeposit,
          code: 'Cash!',
          name: { zh: '存款', en: '' },
          category: 'gold' as never,
          icon: '',
          typicalServiceMinutes: 0,
        },
        context,
      );
      expect(paths(problems)).toEqual(['code', 'name', 'category', 'icon', 'typicalServiceMinutes']);
    });
  });

  describe('validateCounter', () => {
    const counter = {
      code: '3',
      name: { zh: '3号窗口', en: 'Counter 3' },
      kind: 'cash' as const,
      queues: [{ queue: 'A', weight: 2 }],
    };

    it('accepts known queues with positive weights', () => {
      expect(validateCounter(counter, ['A', 'B'])).toEqual([]);
    });

    it('refuses an unknown queue, a queue listed twice, a zero weight and no queue at all', () => {
      const problems = validateCounter(
        {
          ...counter,
          queues: [
            { queue: 'Z', weight: 1 },
            { queue: 'A', weight: 0 },
            { queue: 'A', weight: 1 },
          ],
        },
        ['A', 'B'],
      );
      expect(problems).toEqual([
        { path: 'queues[0].queue', message: 'unknown queue "Z"' },
        { path: 'queues[1].weight', message: 'must be a number > 0' },
        { path: 'queues[2].queue', message: 'queue "A" is listed twice' },
      ]);
      expect(paths(validateCounter({ ...counter, queues: [] }, ['A']))).toEqual(['queues']);
    });
  });

  describe('what depends on what', () => {
    it('finds every place a diversion table names a threshold', () => {
      expect(thresholdUses([cashDeposit])).toEqual([
        { threshold: 'smallCashLimit', businessType: 'cash-deposit', path: 'routes[0].when.amountAtMost' },
        { threshold: 'largeCashLine', businessType: 'cash-deposit', path: 'signals[0].when.amountAtLeast' },
      ]);
    });

    it('lists the counters, business types and VIP routing that use a queue', () => {
      const config = {
        counters: [
          { code: '1', queues: [{ queue: 'A', weight: 2 }] },
          { code: '4', queues: [{ queue: 'B', weight: 1 }] },
        ],
        businessTypes: [cashDeposit],
        vipRouting: { from: [], destination: 'vip-counter' as const, queue: 'V', advice: { zh: '', en: '' } },
      };
      expect(queueUses('A', config)).toEqual({ counters: ['1'], businessTypes: ['cash-deposit'], vipRouting: false });
      expect(queueUses('V', config)).toEqual({ counters: [], businessTypes: [], vipRouting: true });
    });

    it('names signals a business raises that the identification rules do not score', () => {
      const identification: IdentificationRules = {
        version: 1,
        potentialVipScore: 5,
        vipTiers: [],
        signals: [
          { code: 'large-transfer', stage: 'kiosk', weight: 5, reason: { zh: '大额转账', en: 'Large transfer' } },
        ],
      };
      expect(missingSignals(identification, [cashDeposit])).toEqual(['large-cash']);
    });
  });

  it('joins paths the way a reader writes them', () => {
    expect(joinPath('routes', '[0].queue')).toBe('routes[0].queue');
    expect(joinPath('settings', 'lifecycle')).toBe('settings.lifecycle');
    expect(joinPath('', 'code')).toBe('code');
    expect(joinPath('queues', '')).toBe('queues');
    expect(prefixProblems('counters[1]', [{ path: 'queues[0].weight', message: 'm' }])).toEqual([
      { path: 'counters[1].queues[0].weight', message: 'm' },
    ]);
  });
});

import type { CounterView, QueueView, ReferralView, StaffTicketView } from '@lobbyflow/contracts';
import type { HallState } from '../live/hall-state';
import { hallAlerts } from './hall-alerts';

const now = Date.parse('2026-11-23T02:00:00Z'); // 10:00 in Shanghai
const minutesAgo = (minutes: number) => new Date(now - minutes * 60_000).toISOString();
const secondsAgo = (seconds: number) => new Date(now - seconds * 1000).toISOString();
const settings = { serviceLevelMinutes: 10, calloverAnswerSeconds: 60 };

const queue = (code: string, waiting: number, longestWaitingSince: string | null): QueueView => ({
  code,
  prefix: code,
  name: { zh: code, en: code },
  destination: 'cash-counter',
  waiting,
  estimatedWaitMinutes: waiting * 4,
  longestWaitingSince,
});

const counter = (code: string, queues: string[], pausedAt: string | null): CounterView => ({
  id: `counter-${code}`,
  code,
  name: { zh: `${code}号窗口`, en: `Counter ${code}` },
  kind: 'cash',
  status: pausedAt ? 'paused' : 'open',
  pauseReason: pausedAt ? 'break' : null,
  pausedAt,
  queues: queues.map((code) => ({ queue: code, weight: 1 })),
  staff: null,
  currentTicket: null,
});

const hall = (queues: QueueView[], counters: CounterView[] = []): HallState => ({
  branchId: 'demo',
  branchName: { zh: '演示支行', en: 'Demo Branch' },
  timeZone: 'Asia/Shanghai',
  seq: 1,
  businessDay: '2026-11-23',
  at: new Date(now).toISOString(),
  queues,
  waiting: [],
  nowServing: [],
  parked: [],
  counters,
  rms: [],
});

const referral = (patch: Partial<ReferralView>): ReferralView => ({
  id: 'r1',
  ticketId: 't1',
  ticketNumber: 'B003',
  walkIn: null,
  customer: null,
  classification: 'potential-vip',
  score: 6,
  reasons: [],
  rulesVersion: 1,
  rm: { id: 'rm1', displayName: '周经理' },
  matchReason: 'specialty',
  status: 'alerted',
  customerHasTime: true,
  note: null,
  contact: null,
  opening: { zh: '', en: '' },
  referredBy: { id: 'lobby', role: 'lobby-manager' },
  createdAt: secondsAgo(90),
  alertedAt: secondsAgo(90),
  respondedAt: null,
  deferMinutes: null,
  declineReason: null,
  passedOver: [],
  passedOverNames: [],
  metAt: null,
  outcome: null,
  products: [],
  grade: null,
  nextContactOn: null,
  contacts: [],
  ...patch,
});

describe('hallAlerts', () => {
  it('raises a queue whose longest wait is beyond the service level, and only that one', () => {
    const alerts = hallAlerts({
      hall: hall([queue('A', 3, minutesAgo(14)), queue('B', 2, minutesAgo(9)), queue('C', 0, null)]),
      referrals: [],
      settings,
      now,
    });
    expect(alerts).toEqual([expect.objectContaining({ kind: 'queue-over-service-level', waitedMinutes: 14 })]);
    expect(alerts[0]).toMatchObject({ queue: { code: 'A' } });
  });

  it('raises a long pause only while customers wait in the queues the counter serves', () => {
    const queues = [queue('A', 2, minutesAgo(3)), queue('B', 0, null)];
    const counters = [
      counter('1', ['A'], minutesAgo(12)),
      counter('4', ['B'], minutesAgo(30)),
      counter('2', ['A'], minutesAgo(5)),
    ];
    const alerts = hallAlerts({ hall: hall(queues, counters), referrals: [], settings, now });
    expect(alerts).toEqual([
      expect.objectContaining({
        kind: 'counter-paused-long',
        pausedMinutes: 12,
        waiting: 2,
        counter: expect.objectContaining({ code: '1' }),
      }),
    ]);
  });

  it('raises call-overs that need the lobby manager, the most urgent first', () => {
    const referrals = [
      referral({ id: 'fresh', alertedAt: secondsAgo(20) }),
      referral({ id: 'passed', alertedAt: secondsAgo(20), passedOver: ['rm-1'], passedOverNames: ['吴经理'] }),
      referral({ id: 'silent', alertedAt: secondsAgo(75) }),
      referral({ id: 'nobody', status: 'declined' }),
      referral({ id: 'late', status: 'deferred', respondedAt: minutesAgo(8), deferMinutes: 5 }),
      referral({ id: 'waiting', status: 'deferred', respondedAt: minutesAgo(2), deferMinutes: 5 }),
      referral({ id: 'coming', status: 'accepted' }),
      referral({ id: 'no-time', customerHasTime: false, status: 'follow-up', alertedAt: null }),
    ];
    const alerts = hallAlerts({ hall: hall([]), referrals, settings, now });
    expect(alerts.map((alert) => [alert.kind, 'referral' in alert ? alert.referral.id : null])).toEqual([
      ['callover-declined', 'nobody'],
      ['callover-unanswered', 'silent'],
      ['rm-late', 'late'],
      ['callover-passed-over', 'passed'],
    ]);
    expect(alerts[2]).toMatchObject({ minutesLate: 3 });
  });

  it("leaves out earlier days' referrals (the branch's own calendar day)", () => {
    const yesterday = referral({ status: 'declined', createdAt: '2026-11-22T15:30:00Z' }); // 23:30 in Shanghai
    const earlyToday = referral({ id: 'r2', status: 'declined', createdAt: '2026-11-22T16:30:00Z' }); // 00:30
    const alerts = hallAlerts({ hall: hall([]), referrals: [yesterday, earlyToday], settings, now });
    expect(alerts.map((alert) => 'referral' in alert && alert.referral.id)).toEqual(['r2']);
  });

  it('raises a dissatisfied rating first, with the counter that asked, and no other grade', () => {
    const rated = (id: string, grade: 'satisfied' | 'dissatisfied') =>
      ({
        id,
        number: id.toUpperCase(),
        rating: { counterId: 'counter-3', counter: '3', grade },
      }) as unknown as StaffTicketView;
    const alerts = hallAlerts({
      hall: hall([queue('A', 1, minutesAgo(15))], [counter('3', ['A'], null)]),
      referrals: [],
      settings,
      now,
      rated: [rated('a1', 'satisfied'), rated('a2', 'dissatisfied')],
    });
    expect(alerts.map((alert) => alert.key)).toEqual(['rating:a2', 'queue:A']);
    expect(alerts[0]).toMatchObject({ kind: 'customer-dissatisfied', counter: { code: '3' } });
  });
});

import { counterKpis, diversionKpis, referralFunnel } from './hall-kpis';
import { durationStats, kpiFigures, kpisBy } from './kpi';
import { localHour } from './local-time';
import { type KpiTicketEvent, visitsFromEvents } from './visits';

/** 2026-11-23 09:00 in Shanghai is 01:00 UTC; `at(m)` is m minutes later. */
const at = (minute: number) => new Date(Date.UTC(2026, 10, 23, 1, 0) + minute * 60_000).toISOString();

function event(
  type: string,
  minute: number,
  id: string,
  extra: Partial<KpiTicketEvent['ticket']> = {},
): KpiTicketEvent {
  return {
    type,
    at: at(minute),
    ticket: {
      id,
      number: id.toUpperCase(),
      queue: 'A',
      businessType: 'cash-deposit',
      priority: 'normal',
      counter: null,
      servedBy: null,
      ...extra,
    },
  };
}

const atCounter = (counter: string, staff: string) => ({ counter, servedBy: staff });

/**
 * A hand-built morning with known answers:
 * a1 waits 5, recalled at 7 (the last call counts: wait 7), served 7..12;
 * a2 waits 10, transferred to B after 2 minutes at counter 2, waits 3 in B, served 4 at counter 4;
 * a3 called at 20 (wait 20), no-show at 23;
 * a4 called at 5, returned (stepped away), called again at 15 (wait 15), served 15..20 at counter 1;
 * a5 cancelled while waiting; a6 still waiting.
 */
const morning: KpiTicketEvent[] = [
  event('ticket.issued', 0, 'a1'),
  event('ticket.issued', 0, 'a2'),
  event('ticket.issued', 0, 'a3'),
  event('ticket.issued', 0, 'a4'),
  event('ticket.called', 5, 'a1', atCounter('1', 'u1')),
  event('ticket.called', 5, 'a4', atCounter('3', 'u3')),
  event('ticket.returned', 6, 'a4'),
  event('ticket.recalled', 7, 'a1', atCounter('1', 'u1')),
  event('ticket.started', 8, 'a1', atCounter('1', 'u1')),
  event('ticket.called', 10, 'a2', atCounter('2', 'u2')),
  event('ticket.finished', 12, 'a1', atCounter('1', 'u1')),
  event('ticket.transferred', 12, 'a2', { queue: 'B' }),
  event('ticket.called', 15, 'a2', { queue: 'B', ...atCounter('4', 'u4') }),
  event('ticket.called', 15, 'a4', atCounter('1', 'u1')),
  event('ticket.finished', 19, 'a2', { queue: 'B', ...atCounter('4', 'u4') }),
  event('ticket.called', 20, 'a3', atCounter('2', 'u2')),
  event('ticket.finished', 20, 'a4', atCounter('1', 'u1')),
  event('ticket.no-show', 23, 'a3', atCounter('2', 'u2')),
  event('ticket.issued', 30, 'a5'),
  event('ticket.cancelled', 31, 'a5'),
  event('ticket.issued', 65, 'a6'),
];

describe('visits from the branch log', () => {
  const visits = visitsFromEvents(morning);
  const visit = (id: string) => visits.find((candidate) => candidate.ticketId === id);

  it('counts the last call after a recall and starts a new wait after a transfer', () => {
    expect(visit('a1')?.legs).toEqual([
      expect.objectContaining({ calledAt: Date.parse(at(7)), recalls: 1, end: 'finished' }),
    ]);
    expect(visit('a2')?.legs.map((leg) => [leg.queue, leg.end])).toEqual([
      ['A', 'transferred'],
      ['B', 'finished'],
    ]);
    expect(visit('a4')?.legs[0]).toMatchObject({ calledAt: Date.parse(at(15)), counter: '1', staffId: 'u1' });
  });

  it('gives the figures of the whole morning', () => {
    const figures = kpiFigures(
      visits,
      visits.flatMap((entry) => entry.legs),
      10,
    );
    expect(figures).toMatchObject({ issued: 6, served: 3, noShow: 1, cancelled: 1, expired: 0, open: 1 });
    // Waits: a1 7, a2 10 then 3, a3 20, a4 15.
    expect(figures.waiting).toEqual({ count: 5, mean: 11, median: 10, p90: 20, max: 20 });
    // Services: a1 7..12 = 5, a2 2 (to the transfer) and 4, a4 5; the no-show is no service.
    expect(figures.service).toEqual({ count: 4, mean: 4, median: 4, p90: 5, max: 5 });
    expect(figures.serviceLevel).toEqual({ targetMinutes: 10, within: 3, of: 5, share: 0.6 });
  });

  it('breaks the figures down by queue, counter, staff and hour', () => {
    const byQueue = kpisBy(visits, 'queue', 10, 'Asia/Shanghai');
    expect(byQueue.map((group) => [group.key, group.figures.issued, group.figures.waiting.count])).toEqual([
      ['A', 6, 4],
      ['B', 0, 1],
    ]);
    const byCounter = kpisBy(visits, 'counter', 10, 'Asia/Shanghai');
    expect(byCounter.map((group) => [group.key, group.figures.served, group.figures.service.count])).toEqual([
      ['1', 2, 2],
      ['2', 0, 1],
      ['4', 1, 1],
    ]);
    expect(kpisBy(visits, 'staff', 10, 'Asia/Shanghai').find((group) => group.key === 'u2')?.figures.noShow).toBe(1);
    const byHour = kpisBy(visits, 'hour', 10, 'Asia/Shanghai');
    expect(byHour.map((group) => [group.key, group.figures.issued])).toEqual([
      ['09', 5],
      ['10', 1],
    ]);
  });
});

describe('ratings', () => {
  const asked = (counter: string) => ({ rating: { counter, grade: null } });
  const rated = (counter: string, grade: 'satisfied' | 'basically-satisfied' | 'dissatisfied') => ({
    rating: { counter, grade },
  });
  /**
   * The same morning with ratings: counter 1 asks a1 while serving it (satisfied); a2, transferred from
   * counter 2, is asked by counter 4 (dissatisfied: counter 4's service, not counter 2's); counter 1 asks
   * a4 right after finishing and gets no answer.
   */
  const ratedMorning = [
    ...morning.slice(0, 10),
    event('ticket.rating.requested', 11, 'a1', { ...atCounter('1', 'u1'), ...asked('1') }),
    event('ticket.rated', 12, 'a1', { ...atCounter('1', 'u1'), ...rated('1', 'satisfied') }),
    ...morning.slice(10, 14),
    event('ticket.rating.requested', 18, 'a2', { queue: 'B', ...atCounter('4', 'u4'), ...asked('4') }),
    event('ticket.rated', 19, 'a2', { queue: 'B', ...atCounter('4', 'u4'), ...rated('4', 'dissatisfied') }),
    ...morning.slice(14, 17),
    event('ticket.rating.requested', 20, 'a4', { ...atCounter('1', 'u1'), ...asked('1') }),
    ...morning.slice(17),
  ];
  const visits = visitsFromEvents(ratedMorning);

  it('gives a rating after a transfer to the leg served at the counter that asked', () => {
    const a2 = visits.find((visit) => visit.ticketId === 'a2');
    expect(a2?.legs.map((leg) => [leg.counter, leg.ratingAsked, leg.rating])).toEqual([
      ['2', false, null],
      ['4', true, 'dissatisfied'],
    ]);
  });

  it('counts requests, answers, each grade and its share, and answers per served visit', () => {
    const figures = kpiFigures(
      visits,
      visits.flatMap((visit) => visit.legs),
      10,
    );
    expect(figures.ratings).toEqual({
      asked: 3,
      rated: 2,
      counts: { satisfied: 1, 'basically-satisfied': 0, dissatisfied: 1 },
      shares: { satisfied: 0.5, 'basically-satisfied': 0, dissatisfied: 0.5 },
      perServedVisit: 0.667, // 2 answers, 3 served visits
    });
    // The rating events change no wait or service.
    expect(figures.service).toEqual(
      kpiFigures(
        visitsFromEvents(morning),
        visitsFromEvents(morning).flatMap((visit) => visit.legs),
        10,
      ).service,
    );
  });

  it('breaks the ratings down by counter and staff member', () => {
    const byCounter = kpisBy(visits, 'counter', 10, 'Asia/Shanghai');
    expect(byCounter.map((group) => [group.key, group.figures.ratings.asked, group.figures.ratings.counts])).toEqual([
      ['1', 2, { satisfied: 1, 'basically-satisfied': 0, dissatisfied: 0 }],
      ['2', 0, { satisfied: 0, 'basically-satisfied': 0, dissatisfied: 0 }],
      ['4', 1, { satisfied: 0, 'basically-satisfied': 0, dissatisfied: 1 }],
    ]);
    const u4 = kpisBy(visits, 'staff', 10, 'Asia/Shanghai').find((group) => group.key === 'u4');
    expect(u4?.figures.ratings).toMatchObject({ rated: 1, shares: { dissatisfied: 1 }, perServedVisit: 1 });
    const none = kpisBy(visits, 'counter', 10, 'Asia/Shanghai').find((group) => group.key === '2');
    expect(none?.figures.ratings.shares).toEqual({ satisfied: null, 'basically-satisfied': null, dissatisfied: null });
  });
});

describe('counters, diversion and referrals', () => {
  it('adds up busy and paused time per counter', () => {
    const visits = visitsFromEvents(morning);
    const pauses = [
      { at: at(20), counter: { code: '1', status: 'paused', pauseReason: 'break' } },
      { at: at(35), counter: { code: '1', status: 'open', pauseReason: null } },
      { at: at(40), counter: { code: '4', status: 'paused', pauseReason: 'cash-handover' } },
    ];
    const kpis = counterKpis(visits, pauses, Date.parse(at(50)));
    expect(kpis.find((counter) => counter.counter === '1')).toEqual({
      counter: '1',
      busyMinutes: 10, // 7..12 (from the last call) and 15..20; a4's first call was at counter 3
      pausedMinutes: 15,
      pausedByReason: { break: 15 },
      utilisation: 0.769, // 10 busy of the 13 minutes from 7 to 20 (the break came after)
    });
    expect(kpis.find((counter) => counter.counter === '4')).toMatchObject({
      pausedMinutes: 10,
      pausedByReason: { 'cash-handover': 10 },
    });
  });

  it('computes the diversion rate and the referral funnel', () => {
    const outcomes = ['accepted', 'declined', 'accepted', 'accepted', 'redirected'].map((outcome) => ({ outcome }));
    expect(diversionKpis(outcomes)).toEqual({ advised: 4, accepted: 3, declined: 1, rate: 0.75, redirected: 1 });
    expect(diversionKpis([]).rate).toBeNull();
    const referrals = [
      { rm: 'rm1', source: 'teller', alertedAt: at(1), metAt: at(5), outcome: 'converted' },
      { rm: 'rm1', source: 'lobby-manager', alertedAt: at(2), metAt: null, outcome: null },
      { rm: 'rm2', source: 'teller', alertedAt: null, metAt: at(60), outcome: 'interested' },
    ];
    expect(referralFunnel(referrals, (referral) => referral.rm)).toEqual([
      { key: 'rm1', flagged: 2, alerted: 2, met: 1, converted: 1 },
      { key: 'rm2', flagged: 1, alerted: 0, met: 1, converted: 0 },
    ]);
  });
});

describe('helpers', () => {
  it('takes nearest-rank statistics and returns nulls for nothing', () => {
    expect(durationStats([])).toEqual({ count: 0, mean: null, median: null, p90: null, max: null });
    expect(durationStats([1, 2, 3, 4])).toEqual({ count: 4, mean: 2.5, median: 2, p90: 4, max: 4 });
  });

  it('reads the local hour across the day boundary, in a named zone and a fixed offset', () => {
    expect(localHour(Date.parse('2026-11-23T15:59:00Z'), 'Asia/Shanghai')).toBe(23);
    expect(localHour(Date.parse('2026-11-23T16:00:00Z'), 'Asia/Shanghai')).toBe(0);
    expect(localHour(Date.parse('2026-11-23T16:00:00Z'), '+08:00')).toBe(0);
    expect(localHour(Date.parse('2026-11-23T16:00:00Z'), '-05:00')).toBe(11);
  });
});

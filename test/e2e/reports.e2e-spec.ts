import { DayRolloverService } from '../../apps/server/src/commands/day-rollover.service';
import { expectError } from './support/hall-helpers';
import { TestHall } from './support/test-app';

/**
 * KPIs from the branch's own log, on a scripted morning with known answers (times in minutes after
 * 09:00 Shanghai): the report, its CSV, its day boundary and who may read it.
 */
describe('KPI reports', () => {
  let hall: TestHall;
  const cash = { businessType: 'cash-deposit', amount: 80000, hasCard: true };

  beforeAll(async () => {
    hall = await TestHall.start('2026-11-23T01:00:00Z'); // 09:00 in Shanghai
    hall.runJobsByHand();
    await hall.login('teller2'); // counter 2: queue A
    await hall.login('teller4'); // counter 4: queue B
  });
  afterAll(() => hall.stop());

  const report = async (query = '') =>
    hall.http.get(`/api/branches/demo/reports/kpis${query}`).set('Authorization', await hall.auth('lobby'));
  const minute = () => hall.clock.advance(60);
  /** The customer's answer, from a rating pad's key or the ticket's own phone token. */
  const rate = (ticketId: string, credential: string, grade: string) =>
    hall.http
      .post(`/api/tickets/${ticketId}/rating`)
      .set('Authorization', `Bearer ${credential}`)
      .send({ grade })
      .expect(200);

  it('counts a morning: a recall, a transfer, a pause and a diversion', async () => {
    const a1 = await hall.issue(cash);
    const a2 = await hall.issue(cash);
    const a3 = await hall.issue(cash);
    await hall.http
      .post('/api/branches/demo/diversions')
      .set('Authorization', hall.kioskAuth())
      .send({ businessType: 'bill-payment' })
      .expect(201);
    for (let i = 0; i < 5; i += 1) minute();
    expect((await hall.callNext('teller2'))?.id).toBe(a1.id); // 09:05, waited 5
    minute();
    minute();
    await hall.act('teller2', a1.id, 'recall'); // 09:07: the last call counts, waited 7
    await hall.act('teller2', a1.id, 'start');
    for (let i = 0; i < 3; i += 1) minute();
    await hall.act('teller2', a1.id, 'finish'); // 09:10: served 3 (from the last call)
    await hall.act('teller2', a1.id, 'rating-request'); // right after the finish: a1 rates on counter 2's pad
    await rate(a1.id, hall.ratingPadKey('2'), 'satisfied');
    expect((await hall.callNext('teller2'))?.id).toBe(a2.id); // waited 10
    minute();
    await hall.act('teller2', a2.id, 'transfer', { queue: 'B' }); // 09:11: 1 minute at counter 2
    minute();
    expect((await hall.callNext('teller4'))?.id).toBe(a2.id); // 09:12: waited 1 in B
    minute();
    minute();
    await hall.serve('teller4', a2.id); // 09:14: served 2
    await hall.act('teller4', a2.id, 'rating-request'); // a2 rates counter 4's service on the phone page
    await rate(a2.id, a2.token, 'dissatisfied');
    expect((await hall.callNext('teller2'))?.id).toBe(a3.id); // 09:14: waited 14
    for (let i = 0; i < 2; i += 1) await hall.act('teller2', a3.id, 'recall', {}, 409); // too soon: refused
    await hall.http
      .post(`/api/counters/${(await hall.login('teller4')).user.counterId}/pause`)
      .set('Authorization', await hall.auth('teller4'))
      .send({ reason: 'break' })
      .expect(200);
    for (let i = 0; i < 6; i += 1) minute();

    const body = (await report()).body;
    expect(body).toMatchObject({ branchId: 'demo', from: '2026-11-23', to: '2026-11-23' });
    expect(body.totals).toMatchObject({ issued: 3, served: 2, noShow: 0, open: 1 });
    expect(body.totals.waiting).toEqual({ count: 4, mean: 8, median: 7, p90: 14, max: 14 });
    expect(body.totals.service).toEqual({ count: 3, mean: 2, median: 2, p90: 3, max: 3 });
    expect(body.totals.serviceLevel).toEqual({ targetMinutes: 10, within: 3, of: 4, share: 0.75 });
    expect(body.totals.ratings).toEqual({
      asked: 2,
      rated: 2,
      counts: { satisfied: 1, 'basically-satisfied': 0, dissatisfied: 1 },
      shares: { satisfied: 0.5, 'basically-satisfied': 0, dissatisfied: 0.5 },
      perServedVisit: 1,
    });
    const ratingsAt = (code: string) =>
      body.by.counter.find((group: { key: string }) => group.key === code).figures.ratings.counts;
    expect([ratingsAt('2'), ratingsAt('4')]).toEqual([
      { satisfied: 1, 'basically-satisfied': 0, dissatisfied: 0 },
      { satisfied: 0, 'basically-satisfied': 0, dissatisfied: 1 },
    ]);
    expect(body.by.queue.map((group: { key: string }) => group.key)).toEqual(['A', 'B']);
    expect(body.by.staff.map((group: { key: string }) => group.key).sort()).toEqual(
      ['杨柜员 (Teller 4)', '陈柜员 (Teller 2)'].sort(),
    );
    expect(body.by.hour).toEqual([expect.objectContaining({ key: '09' })]);
    expect(body.counters.find((counter: { counter: string }) => counter.counter === '4')).toMatchObject({
      busyMinutes: 2,
      pausedMinutes: 6,
      pausedByReason: { break: 6 },
    });
    expect(body.diversion).toEqual({ advised: 1, accepted: 1, declined: 0, rate: 1, redirected: 0 });
  });

  it('exports the same figures as CSV', async () => {
    const json = (await report()).body;
    const csv = await hall.http
      .get('/api/branches/demo/reports/kpis.csv')
      .set('Authorization', await hall.auth('lobby'));
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const [header, ...rows] = csv.text
      .trim()
      .split('\r\n')
      .map((line) => line.split(','));
    const column = (row: string[], name: string) => row[header.indexOf(name)];
    expect(rows[0].slice(0, 2)).toEqual(['all', '2026-11-23..2026-11-23']);
    expect(Number(column(rows[0], 'issued'))).toBe(json.totals.issued);
    expect(Number(column(rows[0], 'wait_p90_min'))).toBe(json.totals.waiting.p90);
    expect(
      ['ratings_asked', 'ratings', 'dissatisfied', 'dissatisfied_share', 'ratings_per_served_visit'].map((name) =>
        Number(column(rows[0], name)),
      ),
    ).toEqual([
      json.totals.ratings.asked,
      json.totals.ratings.rated,
      json.totals.ratings.counts.dissatisfied,
      json.totals.ratings.shares.dissatisfied,
      json.totals.ratings.perServedVisit,
    ]);
    const groups = Object.entries(json.by as Record<string, { key: string; figures: { served: number } }[]>).flatMap(
      ([dimension, list]) => list.map((group) => [dimension, group.key, String(group.figures.served)]),
    );
    expect(rows.slice(1).map((row) => [row[0], row[1], column(row, 'served')])).toEqual(groups);
  });

  it('counts a ticket left open at closing as expired on the day it was issued', async () => {
    hall.clock.set('2026-11-23T16:00:30Z'); // 00:00:30 in Shanghai: the next business day
    expect(await hall.app.get(DayRolloverService).rollOverDueBranches()).toEqual(['demo']);
    const yesterday = (await report('?from=2026-11-23&to=2026-11-23')).body;
    expect(yesterday.totals).toMatchObject({ issued: 3, served: 2, expired: 1, open: 0 });
    const today = (await report()).body;
    expect(today).toMatchObject({ from: '2026-11-24', to: '2026-11-24' });
    expect(today.totals.issued).toBe(0);
  });

  it('refuses a teller, a reversed or too long range, and a malformed day', async () => {
    expectError(
      await hall.http.get('/api/branches/demo/reports/kpis').set('Authorization', await hall.auth('teller2')),
      403,
      'FORBIDDEN',
    );
    expectError(await report('?from=2026-11-24&to=2026-11-23'), 400, 'VALIDATION_FAILED');
    expectError(await report('?from=2026-01-01&to=2026-11-23'), 400, 'VALIDATION_FAILED');
    expectError(await report('?from=23.11.2026'), 400, 'VALIDATION_FAILED');
  });
});

import { DayRolloverService } from '../../apps/server/src/commands/day-rollover.service';
import { TestHall } from './support/test-app';

/** A quiet branch still closes its day: the rollover check expires yesterday's tickets on its own. */
describe('day rollover of a quiet branch', () => {
  let hall: TestHall;

  beforeAll(async () => {
    hall = await TestHall.start('2026-11-23T12:00:00Z'); // 20:00 in Shanghai
    hall.runJobsByHand();
  });
  afterAll(() => hall.stop());

  it('does nothing before the local day boundary', async () => {
    await hall.issue({ businessType: 'account-opening' });
    hall.clock.set('2026-11-23T15:59:59Z'); // 23:59:59 in Shanghai
    expect(await hall.app.get(DayRolloverService).rollOverDueBranches()).toEqual([]);
  });

  it('expires the open tickets after midnight local time without any other command', async () => {
    const before = await hall.http.get('/api/branches/demo/queue').set('Authorization', hall.displayAuth()).expect(200);
    expect(before.body.waiting).toHaveLength(1);

    hall.clock.set('2026-11-23T16:00:30Z'); // 00:00:30 in Shanghai, the next business day
    expect(await hall.app.get(DayRolloverService).rollOverDueBranches()).toEqual(['demo']);

    const after = await hall.http.get('/api/branches/demo/queue').set('Authorization', hall.displayAuth()).expect(200);
    expect(after.body).toMatchObject({ businessDay: '2026-11-24', waiting: [] });
    const events = await hall.events();
    expect(events.at(-1)).toMatchObject({
      type: 'ticket.expired',
      ticket: { status: 'expired', businessDay: '2026-11-23' },
    });
    expect(await hall.app.get(DayRolloverService).rollOverDueBranches()).toEqual([]);
  });
});

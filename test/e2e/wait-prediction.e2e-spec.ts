import { TestHall } from './support/test-app';

/** Wait estimates from LobbyFlow's predictor (libs/domain wait-prediction), through the real server. */
describe('wait prediction', () => {
  let hall: TestHall;

  beforeAll(async () => {
    hall = await TestHall.start();
    await hall.login('teller2'); // counter 2: cash (queue A) only; nobody else is signed in
  });
  afterAll(() => hall.stop());

  const cash = { businessType: 'cash-deposit', amount: 80000, hasCard: true };
  const snapshot = async () =>
    (await hall.http.get('/api/branches/demo/queue').set('Authorization', hall.displayAuth()).expect(200)).body;

  it('tells a customer arriving while the only cash teller is mid-service the minutes that service has left', async () => {
    const first = await hall.issue(cash);
    expect((await hall.callNext('teller2'))?.id).toBe(first.id);
    await hall.act('teller2', first.id, 'start');
    hall.clock.advance(60);
    // Nobody waits, but counter 2 needs about 3 more minutes of a typical 4-minute cash deposit: the
    // simple estimator (people ahead x time / counters) would say 0.
    const second = await hall.issue(cash);
    expect(second).toMatchObject({ ahead: 0, estimatedWaitMinutes: 3 });
    // Behind them, a third waits for both: 3 minutes left, then the second customer's 4.
    const third = await hall.issue(cash);
    expect(third).toMatchObject({ ahead: 1, estimatedWaitMinutes: 7 });
  });

  it('learns from the services of the day: quick deposits shorten the estimate', async () => {
    // Counter 2 serves the three cash customers in one minute each (call to finish).
    const { nowServing } = await snapshot();
    await hall.act('teller2', nowServing[0].id, 'finish');
    for (let served = 0; served < 2; served += 1) {
      const next = (await hall.callNext('teller2'))?.id as string;
      await hall.act('teller2', next, 'start');
      hall.clock.advance(60);
      await hall.act('teller2', next, 'finish');
    }
    // Expected time now: (three 1-minute services + the typical 4 minutes counted three times) / 6 = 2.5.
    const fourth = await hall.issue(cash);
    await hall.act('teller2', (await hall.callNext('teller2'))?.id as string, 'start');
    expect(fourth.estimatedWaitMinutes).toBe(0); // the counter was free
    await hall.issue(cash);
    const sixth = await hall.issue(cash);
    expect(sixth).toMatchObject({ ahead: 1, estimatedWaitMinutes: 5 }); // 2.5 + 2.5, not 4 + 4
  });

  it('gives every screen the same figures for the same seq, whatever the minute it loads them', async () => {
    const before = await snapshot();
    hall.clock.advance(600);
    const after = await snapshot();
    expect(after.seq).toBe(before.seq);
    expect(after.queues).toEqual(before.queues);
  });
});

import { expectError, post, staffSnapshot } from './support/hall-helpers';
import { TestHall } from './support/test-app';

const login = (hall: TestHall, body: object) =>
  hall.http.post('/api/auth/login').send({ password: 'demo1234', ...body });

/** One seat per counter: a second sign-in gets a clear choice, and the replaced session is told. */
describe('counter seats', () => {
  let hall: TestHall;

  beforeAll(async () => {
    hall = await TestHall.start();
  });
  afterAll(() => hall.stop());

  it('refuses a second sign-in at a held counter, saying who holds it since when', async () => {
    const first = await login(hall, { username: 'teller3' });
    expect(first.status).toBe(200);
    const second = await login(hall, { username: 'teller3' });
    expectError(second, 409, 'COUNTER_SEAT_TAKEN');
    expect(second.body.details).toEqual({
      counter: '3',
      heldBy: '刘柜员 (Teller 3)',
      since: hall.clock.now().toISOString(),
    });
    expect(second.body.message).toMatch(/take it over or choose another counter/);
    // Another teller asking for counter 3 gets the same choice.
    expectError(await login(hall, { username: 'teller4', counter: '3' }), 409, 'COUNTER_SEAT_TAKEN');
    // The first session still works.
    const counter3 = (await staffSnapshot(hall)).counters.find((counter) => counter.code === '3');
    expect(counter3?.staff?.displayName).toBe('刘柜员 (Teller 3)');
    const pause = await post(hall, `Bearer ${first.body.accessToken}`, `/api/counters/${counter3?.id}/pause`, {
      reason: 'break',
    });
    expect(pause.status).toBe(200);
  });

  it('takes the seat over on request; the old session is refused from then on', async () => {
    const old = await login(hall, { username: 'teller2' });
    hall.clock.advance(60);
    const taken = await login(hall, { username: 'teller4', counter: '2', takeOver: true });
    expect(taken.status).toBe(200);
    expect(taken.body.user.counterId).toBe(old.body.user.counterId);

    const refused = await post(
      hall,
      `Bearer ${old.body.accessToken}`,
      `/api/counters/${old.body.user.counterId}/call-next`,
    );
    expectError(refused, 401, 'SESSION_REPLACED');
    const counter2 = (await staffSnapshot(hall)).counters.find((counter) => counter.code === '2');
    expect(counter2?.staff?.displayName).toBe('杨柜员 (Teller 4)');
    const works = await post(hall, `Bearer ${taken.body.accessToken}`, `/api/counters/${counter2?.id}/call-next`);
    expect(works.status).toBe(204);
  });

  it('frees the seat at sign-out, so the next sign-in needs no take-over', async () => {
    const session = await login(hall, { username: 'teller6' });
    const out = await post(hall, `Bearer ${session.body.accessToken}`, '/api/auth/logout');
    expect(out.status).toBe(204);
    expectError(await post(hall, `Bearer ${session.body.accessToken}`, '/api/auth/logout'), 401, 'SESSION_REPLACED');
    const counter6 = (await staffSnapshot(hall)).counters.find((counter) => counter.code === '6');
    expect(counter6?.staff).toBeNull();
    expect((await login(hall, { username: 'teller6' })).status).toBe(200);
  });

  it('frees a seat whose session has expired', async () => {
    await login(hall, { username: 'rm2' });
    hall.clock.advance(3601);
    expect((await login(hall, { username: 'rm2' })).status).toBe(200);
  });
});

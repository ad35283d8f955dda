import { Clock } from '../common/clock';
import { loadConfig } from '../config/app-config';
import { AttemptCounter } from './attempt-counter';

/** A clock the spec sets by hand. */
class SetClock extends Clock {
  constructor(public at: number) {
    super();
  }
  override now(): Date {
    return new Date(this.at);
  }
}

const MINUTE = 60_000;

function counter(clock: Clock): AttemptCounter {
  return new AttemptCounter(
    clock,
    loadConfig({}, '/srv', () => 'x'.repeat(43)),
  );
}

describe('AttemptCounter without Redis', () => {
  it('blocks a key past its limit for the rest of the window, and starts afresh in the next one', async () => {
    const clock = new SetClock(10 * MINUTE + 15_000);
    const attempts = counter(clock);
    const hit = () => attempts.increment('teller1', MINUTE, 3, MINUTE, 'username-ip');
    for (let attempt = 1; attempt <= 3; attempt++) {
      expect(await hit()).toMatchObject({ totalHits: attempt, isBlocked: false });
    }
    expect(await hit()).toEqual({ totalHits: 4, timeToExpire: 45, isBlocked: true, timeToBlockExpire: 45 });
    clock.at = 11 * MINUTE - 1;
    expect(await hit()).toMatchObject({ isBlocked: true, timeToBlockExpire: 1 });
    clock.at = 11 * MINUTE;
    expect(await hit()).toMatchObject({ totalHits: 1, isBlocked: false });
  });

  it('counts each key and each limit apart', async () => {
    const attempts = counter(new SetClock(0));
    await attempts.increment('teller1', MINUTE, 1, MINUTE, 'username-ip');
    expect(await attempts.increment('teller1', MINUTE, 1, MINUTE, 'username-ip')).toMatchObject({ isBlocked: true });
    expect(await attempts.increment('teller2', MINUTE, 1, MINUTE, 'username-ip')).toMatchObject({ isBlocked: false });
    expect(await attempts.increment('teller1', MINUTE, 1, MINUTE, 'ip')).toMatchObject({ isBlocked: false });
  });
});

import { ServerClock } from './server-clock';

describe('ServerClock', () => {
  let local = Date.parse('2026-11-23T10:00:00Z');
  const clock = () => new ServerClock(() => local);

  beforeEach(() => {
    local = Date.parse('2026-11-23T10:00:00Z');
  });

  it('uses the local clock until it learns a server time', () => {
    expect(new Date(clock().now()).toISOString()).toBe('2026-11-23T10:00:00.000Z');
  });

  it('follows a server whose clock is behind, and keeps the offset as local time runs', () => {
    const serverClock = clock();
    serverClock.observe('2026-11-23T01:00:00Z');
    local += 20_000;
    expect(new Date(serverClock.now()).toISOString()).toBe('2026-11-23T01:00:20.000Z');
    expect(serverClock.secondsSince('2026-11-23T00:59:30Z')).toBe(50);
  });

  it('is not pulled back by old times (replayed events) but moves forward with a server that jumped', () => {
    const serverClock = clock();
    serverClock.observe('2026-11-23T01:00:00Z');
    serverClock.observe('2026-11-23T00:50:00Z');
    expect(new Date(serverClock.now()).toISOString()).toBe('2026-11-23T01:00:00.000Z');
    serverClock.observe('2026-11-23T01:00:31Z');
    expect(new Date(serverClock.now()).toISOString()).toBe('2026-11-23T01:00:31.000Z');
  });

  it('counts no negative seconds and ignores missing or malformed times', () => {
    const serverClock = clock();
    serverClock.observe(null);
    serverClock.observe('not a time');
    expect(serverClock.secondsSince('2026-11-23T10:05:00Z')).toBe(0);
    expect(serverClock.secondsSince(null)).toBe(0);
    expect(serverClock.secondsSince('2026-11-23T09:58:00Z')).toBe(120);
  });
});

import { RESTART_GRACE_MS, RestartWindow } from './restart-window';

describe('RestartWindow', () => {
  it('shows a lost connection as offline unless the server announced a restart', () => {
    let now = 1_000_000;
    const window = new RestartWindow(() => now);
    expect(window.lostStatus()).toBe('offline');

    window.announced({ type: 'server.shutdown', at: new Date(now).toISOString(), reconnectAfterMs: 3_000 });
    expect(window.lostStatus()).toBe('connecting');
    now += 3_000 + RESTART_GRACE_MS - 1;
    expect(window.lostStatus()).toBe('connecting');
    now += 1;
    expect(window.lostStatus()).toBe('offline');
  });
});

import type { AuditEntryView } from '@lobbyflow/contracts';
import { auditLog, expectError, post } from './support/hall-helpers';
import { TestHall } from './support/test-app';

const AUDIT = '/api/branches/demo/audit';

/** The audit log is read a page at a time, newest first, without skipping or repeating an entry. */
describe('audit log pages', () => {
  let hall: TestHall;

  beforeAll(async () => {
    hall = await TestHall.start();
    // Seven changes: three in one instant, then one a minute for four minutes.
    for (let index = 0; index < 7; index++) {
      if (index >= 3) hall.clock.advance(60);
      const response = await post(hall, 'admin', '/api/branches/demo/devices', {
        kind: 'display',
        name: `Screen ${index}`,
      });
      expect(response.status).toBe(201);
    }
  });
  afterAll(() => hall.stop());

  const page = async (query: string, username = 'admin') =>
    hall.http.get(`${AUDIT}${query}`).set('Authorization', await hall.auth(username));

  it('pages through every entry, newest first, each once', async () => {
    const whole = await auditLog(hall);
    // Newest first in the order they were written, also the three of one instant.
    expect(whole.map((entry) => entry.reason.match(/"Screen (\d)"/)?.[1])).toEqual(['6', '5', '4', '3', '2', '1', '0']);
    const paged: AuditEntryView[] = [];
    const sizes: number[] = [];
    let before = '';
    for (;;) {
      const response = await page(`?limit=3${before ? `&before=${before}` : ''}`);
      expect(response.status).toBe(200);
      const entries = response.body as AuditEntryView[];
      paged.push(...entries);
      sizes.push(entries.length);
      if (entries.length < 3) break;
      before = entries[entries.length - 1].id;
    }
    expect(sizes).toEqual([3, 3, 1]);
    expect(paged.map((entry) => entry.id)).toEqual(whole.map((entry) => entry.id));
    expect(new Set(paged.map((entry) => entry.id)).size).toBe(paged.length);
    const times = paged.map((entry) => Date.parse(entry.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('refuses a page from an entry it does not hold, a bad cursor or size, and anyone but an admin', async () => {
    expectError(await page(`?before=${crypto.randomUUID()}`), 404, 'NOT_FOUND');
    expectError(await page('?before=latest'), 400, 'VALIDATION_FAILED');
    for (const limit of ['0', '501', 'ten', '2.5'])
      expectError(await page(`?limit=${limit}`), 400, 'VALIDATION_FAILED');
    expectError(await page('?limit=3&sort=asc'), 400, 'VALIDATION_FAILED');
    expectError(await page('', 'lobby'), 403, 'FORBIDDEN');
  });
});

import type { DeviceView } from '@lobbyflow/contracts';
import { auditLog, expectError, post } from './support/hall-helpers';
import { TestHall } from './support/test-app';

const DEVICES = '/api/branches/demo/devices';
const CASH = { businessType: 'cash-withdrawal', amount: 30000, hasCard: false };

/** Kiosks and displays carry per-branch keys an admin issues and revokes; staff sign in with passwords. */
describe('device keys and staff sign-in', () => {
  let hall: TestHall;
  let kiosk: { id: string; key: string };

  beforeAll(async () => {
    hall = await TestHall.start();
  });
  afterAll(() => hall.stop());

  async function listDevices(): Promise<DeviceView[]> {
    const response = await hall.http
      .get(DEVICES)
      .set('Authorization', await hall.auth('admin'))
      .expect(200);
    return response.body as DeviceView[];
  }

  it('lets an admin register a kiosk and shows the key once', async () => {
    const response = await post(hall, 'admin', DEVICES, { kind: 'kiosk', name: 'Lobby kiosk 2' });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      kind: 'kiosk',
      name: 'Lobby kiosk 2',
      counter: null,
      key: expect.stringMatching(/^lfd_[A-Za-z0-9_-]{40,}$/),
    });
    kiosk = response.body;
  });

  it('accepts the new key for issuing a ticket', async () => {
    const response = await post(hall, `Bearer ${kiosk.key}`, '/api/branches/demo/tickets', CASH);
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ number: 'A001', queue: 'A' });
    // A kiosk key is still only a kiosk key.
    const queue = await hall.http.get('/api/branches/demo/queue').set('Authorization', `Bearer ${kiosk.key}`);
    expect(queue.status).toBe(200);
    expect(queue.body.waiting[0]).not.toHaveProperty('amount');
  });

  it('lists devices with a key prefix and never the key', async () => {
    const devices = await listDevices();
    expect(devices.map((device) => device.name)).toEqual(
      expect.arrayContaining(['大厅取号机 Lobby kiosk', '大厅叫号屏 Hall display', 'Lobby kiosk 2']),
    );
    const listed = devices.find((device) => device.id === kiosk.id);
    expect(listed).toEqual({
      id: kiosk.id,
      kind: 'kiosk',
      name: 'Lobby kiosk 2',
      counter: null,
      keyPrefix: kiosk.key.slice(0, 10),
      createdAt: hall.clock.now().toISOString(),
      revokedAt: null,
    });
    const text = JSON.stringify(devices);
    expect(text).not.toContain(kiosk.key);
    expect(text).not.toContain(hall.kioskAuth().slice('Bearer '.length));
    expect(text).not.toMatch(/keyHash|"key"/);
  });

  it('revokes a key at once', async () => {
    await hall.http
      .delete(`${DEVICES}/${kiosk.id}`)
      .set('Authorization', await hall.auth('admin'))
      .expect(204);
    const refused = await post(hall, `Bearer ${kiosk.key}`, '/api/branches/demo/tickets', CASH);
    expectError(refused, 401, 'UNAUTHENTICATED');
    const listed = (await listDevices()).find((device) => device.id === kiosk.id);
    expect(listed?.revokedAt).toBe(hall.clock.now().toISOString());
    // The demo kiosk is untouched.
    await hall.issue(CASH);

    const unknown = await hall.http
      .delete(`${DEVICES}/${crypto.randomUUID()}`)
      .set('Authorization', await hall.auth('admin'));
    expectError(unknown, 404, 'DEVICE_NOT_FOUND');
  });

  it('writes each registration and revocation to the audit log, naming the key by its prefix only', async () => {
    const entries = await auditLog(hall);
    const named = `kiosk "Lobby kiosk 2" (key ${kiosk.key.slice(0, 10)}…)`;
    for (const action of ['device.register', 'device.revoke']) {
      expect(entries.filter((entry) => entry.action === action)).toEqual([
        expect.objectContaining({ actor: 'admin', actorRole: 'admin', subjectId: kiosk.id, reason: named }),
      ]);
    }
    expect(JSON.stringify(entries)).not.toContain(kiosk.key);
    // Revoking a revoked key changes nothing, and the log says nothing more.
    await hall.http
      .delete(`${DEVICES}/${kiosk.id}`)
      .set('Authorization', await hall.auth('admin'))
      .expect(204);
    expect(await auditLog(hall)).toHaveLength(entries.length);
  });

  it('lets a display key read the hall but not issue tickets', async () => {
    const response = await post(hall, 'admin', DEVICES, { kind: 'display', name: 'Upstairs display' });
    expect(response.status).toBe(201);
    const display = `Bearer ${response.body.key}`;
    await hall.http.get('/api/branches/demo/queue').set('Authorization', display).expect(200);
    expectError(await post(hall, display, '/api/branches/demo/tickets', CASH), 403, 'FORBIDDEN');
  });

  it('refuses device registration to anyone but an admin, and bad device bodies', async () => {
    const before = (await listDevices()).length;
    for (const caller of ['teller1', 'lobby', 'rm1', hall.kioskAuth()]) {
      const response = await post(hall, caller, DEVICES, { kind: 'kiosk', name: 'Rogue kiosk' });
      expectError(response, 403, 'FORBIDDEN');
    }
    expectError(await hall.http.get(DEVICES).set('Authorization', await hall.auth('teller1')), 403, 'FORBIDDEN');
    const teller = await hall.auth('teller1');
    const revoke = await hall.http.delete(`${DEVICES}/${kiosk.id}`).set('Authorization', teller);
    expectError(revoke, 403, 'FORBIDDEN');

    const badKind = await post(hall, 'admin', DEVICES, { kind: 'printer', name: 'Printer' });
    expectError(badKind, 400, 'VALIDATION_FAILED');
    expect(badKind.body.details.fields).toEqual(['kind']);
    const noName = await post(hall, 'admin', DEVICES, { kind: 'kiosk', name: '' });
    expectError(noName, 400, 'VALIDATION_FAILED');
    expect(noName.body.details.fields).toEqual(['name']);
    expect((await listDevices()).length).toBe(before);
  });

  it('refuses a wrong password and an unknown user alike with 401 INVALID_CREDENTIALS', async () => {
    const wrongPassword = await hall.http.post('/api/auth/login').send({ username: 'teller1', password: 'demo12345' });
    expectError(wrongPassword, 401, 'INVALID_CREDENTIALS');
    const unknownUser = await hall.http.post('/api/auth/login').send({ username: 'nobody', password: 'demo1234' });
    expectError(unknownUser, 401, 'INVALID_CREDENTIALS');
    // The same answer for both, so that the answer does not reveal which usernames exist.
    expect(unknownUser.body).toEqual(wrongPassword.body);
    expect(wrongPassword.body).not.toHaveProperty('accessToken');

    const good = await hall.http.post('/api/auth/login').send({ username: 'lobby', password: 'demo1234' });
    expect(good.status).toBe(200);
    expect(good.body.user).toMatchObject({ username: 'lobby', role: 'lobby-manager', branchId: 'demo' });
  });
});

import type { AdminStaffView, AuditEntryView, LoginResult } from '@lobbyflow/contracts';
import { counterByCode, expectError } from './support/hall-helpers';
import { eventually, RecordingSocket } from './support/live-clients';
import { TestHall } from './support/test-app';

const STAFF = '/api/branches/demo/admin/staff';
const NEW_PASSWORD = 'counter-7-secret';

/**
 * Staff accounts: created with a hashed password, changed, deactivated (their tokens stop working at
 * once) and reactivated; nobody deactivates themselves or the last admin; every change audited.
 */
describe('admin: staff', () => {
  let hall: TestHall;
  let baseUrl: string;
  let teller7: AdminStaffView;

  beforeAll(async () => {
    hall = await TestHall.start();
    baseUrl = await hall.listen();
  });
  afterAll(() => hall.stop());

  async function send(method: 'post' | 'patch', path: string, body?: object, username = 'admin') {
    const request = hall.http[method](path).set('Authorization', await hall.auth(username));
    return body === undefined ? request : request.send(body);
  }

  async function staff(): Promise<AdminStaffView[]> {
    const response = await hall.http
      .get(STAFF)
      .set('Authorization', await hall.auth('admin'))
      .expect(200);
    return response.body as AdminStaffView[];
  }

  async function login(username: string, password: string) {
    return hall.http.post('/api/auth/login').send({ username, password });
  }

  const idOf = async (username: string) => (await staff()).find((person) => person.username === username)?.id as string;

  it('lists every account without a password or its hash, to admins only', async () => {
    const list = await staff();
    expect(list.map((person) => person.username)).toEqual([
      'admin',
      'lobby',
      'rm1',
      'rm2',
      'teller1',
      'teller2',
      'teller3',
      'teller4',
      'teller5',
      'teller6',
    ]);
    expect(list.find((person) => person.username === 'rm2')).toMatchObject({
      role: 'rm',
      counter: 'R2',
      specialties: ['business-owners', 'professionals', 'fx', 'funds'],
      active: true,
    });
    expect(JSON.stringify(list)).not.toMatch(/password|scrypt/i);
    expectError(await hall.http.get(STAFF).set('Authorization', await hall.auth('lobby')), 403, 'FORBIDDEN');
  });

  it('creates a teller at a counter; the password is hashed, never returned, and signs in', async () => {
    const counterId = (await counterByCode(hall, '4')).id;
    const response = await send('post', STAFF, {
      username: 'teller7',
      displayName: '孙柜员 (Teller 7)',
      role: 'teller',
      counterId,
      password: NEW_PASSWORD,
    });
    expect(response.status).toBe(201);
    teller7 = response.body as AdminStaffView;
    expect(teller7).toEqual({
      id: expect.any(String),
      username: 'teller7',
      displayName: '孙柜员 (Teller 7)',
      role: 'teller',
      counterId,
      counter: '4',
      specialties: [],
      active: true,
    });
    expect(JSON.stringify(response.body)).not.toContain(NEW_PASSWORD);
    const atOwnCounter = await login('teller7', NEW_PASSWORD);
    expect(atOwnCounter.status).toBe(200);
    expect((atOwnCounter.body as LoginResult).user).toMatchObject({ username: 'teller7', counterId });
    await hall.http
      .post('/api/auth/logout')
      .set('Authorization', `Bearer ${atOwnCounter.body.accessToken}`)
      .expect(204);
  });

  it('refuses a taken username, a counter for a lobby manager, a short password and a bad role, writing nothing', async () => {
    const before = await staff();
    const taken = await send('post', STAFF, {
      username: 'teller1',
      displayName: 'Again',
      role: 'teller',
      password: NEW_PASSWORD,
    });
    expectError(taken, 409, 'ALREADY_EXISTS');
    expect(taken.body.details.problems).toEqual([
      { path: 'username', message: '"teller1" is taken; choose another login name' },
    ]);

    const counterId = (await counterByCode(hall, '1')).id;
    const bad = await send('post', STAFF, {
      username: 'lobby2',
      displayName: 'Lobby 2',
      role: 'lobby-manager',
      counterId,
      specialties: ['fx'],
      password: 'short',
    });
    expectError(bad, 400, 'CONFIG_INVALID');
    expect(bad.body.details.problems).toEqual([
      { path: 'counterId', message: 'only teller and rm accounts work at a counter' },
      { path: 'specialties', message: 'only relationship managers have specialties' },
      { path: 'password', message: 'must be 8 to 128 characters' },
    ]);
    expect(JSON.stringify(bad.body)).not.toContain('short"');

    const unknownCounter = await send('post', STAFF, {
      username: 'teller8',
      displayName: 'Teller 8',
      role: 'teller',
      counterId: '00000000-0000-4000-8000-000000000000',
      password: NEW_PASSWORD,
    });
    expectError(unknownCounter, 400, 'CONFIG_INVALID');
    expect(unknownCounter.body.details.problems).toEqual([
      { path: 'counterId', message: 'there is no such counter in this branch' },
    ]);
    const badRole = await send('post', STAFF, {
      username: 'x1',
      displayName: 'X',
      role: 'boss',
      password: NEW_PASSWORD,
    });
    expectError(badRole, 400, 'VALIDATION_FAILED');
    expect(badRole.body.details.fields).toEqual(['role']);
    expectError(
      await send('post', STAFF, { username: 'x2', displayName: 'X', role: 'teller', password: NEW_PASSWORD }, 'lobby'),
      403,
      'FORBIDDEN',
    );
    expect(await staff()).toEqual(before);
  });

  it('turns a teller into an RM with specialties; the old token stops working', async () => {
    const token = (await login('teller7', NEW_PASSWORD)).body.accessToken as string;
    const r1 = (await counterByCode(hall, 'R1')).id;
    const response = await send('patch', `${STAFF}/${teller7.id}`, {
      role: 'rm',
      counterId: r1,
      specialties: ['retirees', 'funds'],
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ role: 'rm', counter: 'R1', specialties: ['retirees', 'funds'] });
    const refused = await hall.http.get('/api/branches/demo/queue').set('Authorization', `Bearer ${token}`);
    expectError(refused, 401, 'UNAUTHENTICATED');

    // Back to teller without a word about specialties: a teller has none.
    const back = await send('patch', `${STAFF}/${teller7.id}`, { role: 'teller', counterId: teller7.counterId });
    expect(back.body).toMatchObject({ role: 'teller', counter: '4', specialties: [] });
    // A lobby manager works at no counter: asking for one is refused, naming the field.
    const lobbyAtCounter = await send('patch', `${STAFF}/${teller7.id}`, {
      role: 'lobby-manager',
      counterId: teller7.counterId,
    });
    expectError(lobbyAtCounter, 400, 'CONFIG_INVALID');
    expect(lobbyAtCounter.body.details.problems).toEqual([
      { path: 'counterId', message: 'only teller and rm accounts work at a counter' },
    ]);
  });

  it('deactivates a teller: the token is refused at once, the seat freed and the socket told and closed', async () => {
    const session = (await login('teller7', NEW_PASSWORD)).body as LoginResult;
    const socket = new RecordingSocket(baseUrl, { token: session.accessToken });
    await socket.connected();
    expect((await counterByCode(hall, '4')).staff?.displayName).toBe('孙柜员 (Teller 7)');

    const response = await send('post', `${STAFF}/${teller7.id}/deactivate`);
    expect(response.status).toBe(200);
    expect(response.body.active).toBe(false);

    const refused = await hall.http
      .get('/api/branches/demo/queue')
      .set('Authorization', `Bearer ${session.accessToken}`);
    expectError(refused, 401, 'UNAUTHENTICATED');
    expectError(await login('teller7', NEW_PASSWORD), 401, 'INVALID_CREDENTIALS');
    expect((await counterByCode(hall, '4')).staff).toBeNull();
    await eventually('the socket to be closed', () => !socket.socket.connected);
    expect(socket.named('session.ended')).toEqual([
      { type: 'session.ended', reason: 'deactivated', at: hall.clock.now().toISOString() },
    ]);
    socket.close();
    expect((await staff()).find((person) => person.username === 'teller7')?.active).toBe(false);
  });

  it('resets a password and reactivates the account: the new password signs in, the old one does not', async () => {
    const reset = await send('post', `${STAFF}/${teller7.id}/password`, { password: 'a-fresh-passphrase' });
    expect(reset.status).toBe(204);
    expect(reset.text).toBe('');
    expectError(await send('post', `${STAFF}/${teller7.id}/password`, { password: 'tiny' }), 400, 'CONFIG_INVALID');
    const reactivated = await send('post', `${STAFF}/${teller7.id}/reactivate`);
    expect(reactivated.body.active).toBe(true);
    expectError(await login('teller7', NEW_PASSWORD), 401, 'INVALID_CREDENTIALS');
    expect((await login('teller7', 'a-fresh-passphrase')).status).toBe(200);
  });

  it('ends every session of the old password at once: a token from before a reset is refused', async () => {
    const before = (
      await hall.http
        .post('/api/auth/login')
        .send({ username: 'teller7', password: 'a-fresh-passphrase', takeOver: true })
        .expect(200)
    ).body as LoginResult;
    const queue = (token: string) => hall.http.get('/api/branches/demo/queue').set('Authorization', `Bearer ${token}`);
    expect((await queue(before.accessToken)).status).toBe(200);
    expect((await send('post', `${STAFF}/${teller7.id}/password`, { password: 'another-passphrase' })).status).toBe(
      204,
    );
    const refused = await queue(before.accessToken);
    expectError(refused, 401, 'UNAUTHENTICATED');
    expect(refused.body.message).toMatch(/sessions were ended/);
    const after = (await login('teller7', 'another-passphrase')).body as LoginResult;
    expect((await queue(after.accessToken)).status).toBe(200);
  });

  it('refuses deactivating yourself and leaving the branch without an admin', async () => {
    const admin = await idOf('admin');
    const self = await send('post', `${STAFF}/${admin}/deactivate`);
    expectError(self, 409, 'CANNOT_DEACTIVATE_SELF');
    const demote = await send('patch', `${STAFF}/${admin}`, { role: 'lobby-manager' });
    expectError(demote, 409, 'LAST_ADMIN');
    expect(demote.body.details.problems).toEqual([
      { path: 'role', message: 'the branch needs at least one active admin' },
    ]);
    expect((await staff()).find((person) => person.username === 'admin')).toMatchObject({
      role: 'admin',
      active: true,
    });

    // A second admin may deactivate the head; the deputy is then the last admin and keeps the role.
    const deputy = await send('post', STAFF, {
      username: 'deputy',
      displayName: 'Deputy head',
      role: 'admin',
      password: 'deputy-passphrase',
    });
    expect(deputy.status).toBe(201);
    const deputyToken = (await login('deputy', 'deputy-passphrase')).body.accessToken as string;
    const deactivated = await hall.http
      .post(`${STAFF}/${admin}/deactivate`)
      .set('Authorization', `Bearer ${deputyToken}`);
    expect(deactivated.status).toBe(200);
    expectError(await hall.http.get(STAFF).set('Authorization', await hall.auth('admin')), 401, 'UNAUTHENTICATED');
    const lastOne = await hall.http
      .patch(`${STAFF}/${deputy.body.id}`)
      .set('Authorization', `Bearer ${deputyToken}`)
      .send({ role: 'teller' });
    expectError(lastOne, 409, 'LAST_ADMIN');
    const revived = await hall.http.post(`${STAFF}/${admin}/reactivate`).set('Authorization', `Bearer ${deputyToken}`);
    expect(revived.body.active).toBe(true);
    // Reactivated, the head signs in again: the tokens from before the deactivation stay refused.
    expectError(await hall.http.get(STAFF).set('Authorization', await hall.auth('admin')), 401, 'UNAUTHENTICATED');
    hall.forget('admin');
    expectError(
      await send('patch', `${STAFF}/00000000-0000-4000-8000-000000000000`, { displayName: 'Nobody' }),
      404,
      'STAFF_NOT_FOUND',
    );
  });

  it('writes every staff change to the audit log, never a password', async () => {
    const response = await hall.http
      .get('/api/branches/demo/audit')
      .set('Authorization', await hall.auth('admin'))
      .expect(200);
    const entries = response.body as AuditEntryView[];
    expect(entries.map((entry) => `${entry.actor} ${entry.action}`).sort()).toEqual(
      [
        'admin staff.create',
        'admin staff.update',
        'admin staff.update',
        'admin staff.deactivate',
        'admin staff.password-reset',
        'admin staff.password-reset',
        'admin staff.reactivate',
        'admin staff.create',
        'deputy staff.deactivate',
        'deputy staff.reactivate',
      ].sort(),
    );
    const text = JSON.stringify(entries);
    expect(text).not.toContain(NEW_PASSWORD);
    expect(text).not.toContain('a-fresh-passphrase');
    expect(text).not.toContain('deputy-passphrase');
    expect(text).not.toContain('another-passphrase');
    expect(entries.find((entry) => entry.action === 'staff.password-reset')?.reason).toBe(
      'staff teller7: password reset',
    );
    expect(entries.map((entry) => entry.reason)).toContainEqual(
      'staff teller7: role: "teller" → "rm"; counter: "4" → "R1"; specialties[0]: (none) → "retirees"; specialties[1]: (none) → "funds"',
    );
  });
});

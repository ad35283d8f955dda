import { allEvents, expectError } from './support/hall-helpers';
import { eventually, RecordingSocket } from './support/live-clients';
import { TestHall } from './support/test-app';

const SETTINGS = '/api/branches/demo/admin/settings';
const QUEUES = '/api/branches/demo/admin/queues';

/**
 * An admin's change of the branch reaches the open screens as `branch.configured` (numbered like every
 * event, after the commit), saying what kind of thing changed, so that they read it again.
 */
describe('branch.configured: admin changes reach the open screens', () => {
  let hall: TestHall;
  let baseUrl: string;
  let lobby: RecordingSocket;
  let display: RecordingSocket;

  beforeAll(async () => {
    hall = await TestHall.start();
    baseUrl = await hall.listen();
    lobby = new RecordingSocket(baseUrl, { token: await hall.token('lobby') });
    display = new RecordingSocket(baseUrl, { token: hall.displayKey() });
    await Promise.all([lobby.connected(), display.connected()]);
  });
  afterAll(async () => {
    lobby.close();
    display.close();
    await hall.stop();
  });

  const send = async (method: 'patch' | 'post' | 'put', path: string, body: object) =>
    hall.http[method](path)
      .set('Authorization', await hall.auth('admin'))
      .send(body);

  it('tells staff and public screens that the settings changed, in the log after the change', async () => {
    const before = (await allEvents(hall)).lastSeq;
    const response = await send('patch', SETTINGS, { serviceLevelMinutes: 12 });
    expect(response.status).toBe(200);
    await eventually('both screens to hear the change', () =>
      [lobby, display].every((socket) => socket.named('branch.configured').length === 1),
    );
    const expected = { branchId: 'demo', seq: before + 1, type: 'branch.configured', changed: ['settings'] };
    expect(lobby.named('branch.configured')[0]).toMatchObject(expected);
    // A public screen learns only what kind of thing changed.
    expect(Object.keys(display.named('branch.configured')[0]).sort()).toEqual(
      ['at', 'branchId', 'businessDay', 'changed', 'seq', 'type'].sort(),
    );
    expect((await allEvents(hall, before)).events).toEqual([expect.objectContaining(expected)]);
    const settings = await hall.http.get('/api/branches/demo/settings').set('Authorization', await hall.auth('lobby'));
    expect(settings.body.serviceLevelMinutes).toBe(12);
  });

  it('says nothing of a refused change, nor of a save that changes nothing', async () => {
    const before = (await allEvents(hall)).lastSeq;
    expectError(await send('patch', SETTINGS, { serviceLevelMinutes: -1 }), 400, 'CONFIG_INVALID');
    expect((await send('patch', SETTINGS, { serviceLevelMinutes: 12 })).status).toBe(200);
    expect((await allEvents(hall)).lastSeq).toBe(before);
  });

  it('names the queues when a queue is added; the rules only to staff, and only when they change', async () => {
    const created = await send('post', QUEUES, {
      code: 'F',
      prefix: 'F',
      destination: 'cash-counter',
      name: { zh: '外币现金', en: 'Foreign cash' },
    });
    expect(created.status).toBe(201);
    const rules = await hall.http
      .get('/api/branches/demo/rules/identification')
      .set('Authorization', await hall.auth('admin'));
    const { version, ...editable } = rules.body;
    // Saving the rules in force is no change: no new version, nothing announced.
    const same = await send('put', '/api/branches/demo/rules/identification', editable);
    expect(same.body.version).toBe(version);
    const heavier = {
      ...editable,
      signals: editable.signals.map((signal: { code: string; weight: number }) =>
        signal.code === 'large-cash' ? { ...signal, weight: signal.weight + 1 } : signal,
      ),
    };
    expect((await send('put', '/api/branches/demo/rules/identification', heavier)).body.version).toBe(version + 1);
    await eventually('both screens to hear both changes', () =>
      [lobby, display].every((socket) => socket.named('branch.configured').length === 3),
    );
    expect(lobby.named('branch.configured').map((event) => event.changed)).toEqual([
      ['settings'],
      ['queues'],
      ['rules'],
    ]);
    // A public screen is not told that the identification rules changed, only that something it does not
    // show did (its seq stays whole).
    expect(display.named('branch.configured').map((event) => event.changed)).toEqual([['settings'], ['queues'], []]);
    // A fresh snapshot, as the screens read after the event, lists the new queue.
    const snapshot = await hall.http.get('/api/branches/demo/queue').set('Authorization', hall.displayAuth());
    expect(snapshot.body.queues.map((queue: { code: string }) => queue.code)).toContain('F');
  });
});

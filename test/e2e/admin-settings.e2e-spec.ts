import type { AdminSettingsView, AuditEntryView, TriageResult } from '@lobbyflow/contracts';
import { expectError, post } from './support/hall-helpers';
import { TestHall } from './support/test-app';

const SETTINGS = '/api/branches/demo/admin/settings';
const SMALL_DEPOSIT = { businessType: 'cash-deposit', amount: 15000, hasCard: true };

/**
 * The branch head changes the branch-wide rules through the API: each change is checked whole, refused
 * with the field named and nothing written, applied by the running hall at once, and audited.
 */
describe('admin: branch settings', () => {
  let hall: TestHall;

  beforeAll(async () => {
    hall = await TestHall.start(); // 09:00 in Shanghai, Monday 2026-11-23
  });
  afterAll(() => hall.stop());

  async function settings(): Promise<AdminSettingsView> {
    const response = await hall.http
      .get(SETTINGS)
      .set('Authorization', await hall.auth('admin'))
      .expect(200);
    return response.body as AdminSettingsView;
  }

  async function patch(body: object, username = 'admin') {
    return hall.http
      .patch(SETTINGS)
      .set('Authorization', await hall.auth(username))
      .send(body);
  }

  async function triage(body: object): Promise<TriageResult> {
    const response = await post(hall, hall.kioskAuth(), '/api/branches/demo/triage', body);
    expect(response.status).toBe(200);
    return response.body as TriageResult;
  }

  async function auditLog(): Promise<AuditEntryView[]> {
    const response = await hall.http
      .get('/api/branches/demo/audit')
      .set('Authorization', await hall.auth('admin'))
      .expect(200);
    return response.body as AuditEntryView[];
  }

  it('shows the seeded settings to the admin and the lobby manager, and to nobody else', async () => {
    const view = await settings();
    expect(view).toMatchObject({
      branchId: 'demo',
      name: { zh: '演示支行', en: 'Demo Branch' },
      timeZone: 'Asia/Shanghai',
      dayStartsAt: '00:00',
      businessDay: '2026-11-23',
      thresholds: { smallCashLimit: 20000, largeCashLine: 50000, smallTransferLimit: 50000, largeTransferLine: 200000 },
      serviceLevelMinutes: 10,
      lifecycle: { recallDelaySeconds: 30, noShowAfterRecalls: 2, returnHoldSeconds: 120 },
      callPolicy: { maxPriorityInRow: 2, agingMinutes: 40 },
      callover: { answerSeconds: 60 },
      followUp: { firstContactDays: 1, grades: { A: { everyDays: 1 }, E: { everyDays: 365 } } },
    });
    expect(view.pauseReasons.map((reason) => reason.code)).toEqual([
      'break',
      'meeting',
      'cash-handover',
      'system',
      'other',
    ]);
    await hall.http
      .get(SETTINGS)
      .set('Authorization', await hall.auth('lobby'))
      .expect(200);
    expectError(await hall.http.get(SETTINGS).set('Authorization', await hall.auth('teller1')), 403, 'FORBIDDEN');
    expectError(await hall.http.get(SETTINGS).set('Authorization', hall.kioskAuth()), 403, 'FORBIDDEN');
    const otherBranch = await hall.http
      .get('/api/branches/elsewhere/admin/settings')
      .set('Authorization', await hall.auth('admin'));
    expectError(otherBranch, 403, 'WRONG_BRANCH');
  });

  it('documents every admin route in the OpenAPI document', async () => {
    const docs = await hall.http.get('/api/docs-json').expect(200);
    const admin = '/api/branches/{branchId}/admin';
    const methods = (path: string) => Object.keys(docs.body.paths[path] ?? {}).sort();
    expect(methods(`${admin}/settings`)).toEqual(['get', 'patch']);
    expect(methods(`${admin}/business-types`)).toEqual(['get', 'post']);
    expect(methods(`${admin}/business-types/{code}`)).toEqual(['patch']);
    expect(methods(`${admin}/queues`)).toEqual(['get', 'post']);
    expect(methods(`${admin}/queues/{code}`)).toEqual(['delete', 'patch']);
    expect(methods(`${admin}/counters`)).toEqual(['get', 'post']);
    expect(methods(`${admin}/counters/{counterId}`)).toEqual(['patch']);
    expect(methods(`${admin}/counters/{counterId}/close`)).toEqual(['post']);
    expect(methods(`${admin}/counters/{counterId}/open`)).toEqual(['post']);
    expect(methods(`${admin}/staff`)).toEqual(['get', 'post']);
    expect(methods(`${admin}/staff/{userId}`)).toEqual(['patch']);
    for (const action of ['deactivate', 'reactivate', 'password']) {
      expect(methods(`${admin}/staff/{userId}/${action}`)).toEqual(['post']);
    }
    expect(docs.body.paths[`${admin}/settings`].patch.tags).toEqual(['admin']);
  });

  it('lowers the small-cash limit and the very next triage follows it', async () => {
    expect(await triage(SMALL_DEPOSIT)).toMatchObject({ destination: 'self-service', selfService: true });

    const view = await settings();
    const response = await patch({ thresholds: { ...view.thresholds, smallCashLimit: 10000 } });
    expect(response.status).toBe(200);
    expect((response.body as AdminSettingsView).thresholds.smallCashLimit).toBe(10000);

    // 15,000 CNY is now above the limit: the kiosk sends the customer to a cash counter.
    expect(await triage(SMALL_DEPOSIT)).toMatchObject({
      destination: 'cash-counter',
      queue: 'A',
      selfService: false,
      advice: { en: 'Please go to a cash counter for your deposit.' },
    });
    expect(await triage({ ...SMALL_DEPOSIT, amount: 9000 })).toMatchObject({ destination: 'self-service' });
    // The kiosk's amount bands are cut at the new limit too.
    const services = await hall.http.get('/api/branches/demo/services').set('Authorization', hall.kioskAuth());
    const deposit = services.body.find((service: { code: string }) => service.code === 'cash-deposit');
    expect(deposit.amountBands[0]).toEqual({ above: null, upTo: 10000, amount: 10000 });
  });

  it('changes the lifecycle, service level, call policy, call-over time and follow-up cadence in one request', async () => {
    const before = await settings();
    const followUp = {
      ...before.followUp,
      grades: { ...before.followUp.grades, B: { ...before.followUp.grades.B, everyDays: 5 } },
    };
    const response = await patch({
      lifecycle: { recallDelaySeconds: 45, noShowAfterRecalls: 3, returnHoldSeconds: 60 },
      serviceLevelMinutes: 15,
      callPolicy: { maxPriorityInRow: null, agingMinutes: 30 },
      callover: { answerSeconds: 90 },
      followUp,
    });
    expect(response.status).toBe(200);
    const after = await settings();
    expect(after).toEqual({
      ...before,
      lifecycle: { recallDelaySeconds: 45, noShowAfterRecalls: 3, returnHoldSeconds: 60 },
      serviceLevelMinutes: 15,
      callPolicy: { maxPriorityInRow: null, agingMinutes: 30 },
      callover: { answerSeconds: 90 },
      followUp,
    });

    // The hall uses the new recall delay at once: a recall 40 s after the call is now too soon.
    const ticket = await hall.issue({ businessType: 'account-opening' });
    const called = await hall.callNext('teller4');
    expect(called?.id).toBe(ticket.id);
    hall.clock.advance(40);
    const tooSoon = await post(hall, 'teller4', `/api/tickets/${ticket.id}/recall`);
    expectError(tooSoon, 409, 'RECALL_TOO_SOON');
    expect(tooSoon.body.details).toEqual({ retryAfterSeconds: 5 });
    await hall.act('teller4', ticket.id, 'start');
    await hall.act('teller4', ticket.id, 'finish');
  });

  it('refuses a bad value naming the field, and writes nothing', async () => {
    const before = await settings();
    const response = await patch({
      serviceLevelMinutes: 0,
      lifecycle: { recallDelaySeconds: -5, noShowAfterRecalls: 2, returnHoldSeconds: 120 },
      thresholds: { ...before.thresholds, largeCashLine: -1 },
      timeZone: 'Mars/Olympus',
    });
    expectError(response, 400, 'CONFIG_INVALID');
    expect(response.body.details.problems.map((problem: { path: string }) => problem.path)).toEqual([
      'timeZone',
      'thresholds.largeCashLine',
      'lifecycle.recallDelaySeconds',
      'serviceLevelMinutes',
    ]);
    expect(response.body.details.problems[0]).toEqual({
      path: 'timeZone',
      message: 'must be an IANA zone such as Asia/Shanghai, or +HH:MM',
    });
    expect(await settings()).toEqual(before);

    const duplicateReason = await patch({ pauseReasons: [...before.pauseReasons, before.pauseReasons[0]] });
    expectError(duplicateReason, 400, 'CONFIG_INVALID');
    expect(duplicateReason.body.details.problems).toEqual([
      { path: 'pauseReasons[5].code', message: 'duplicate reason "break"' },
    ]);
  });

  it('refuses a malformed body with VALIDATION_FAILED and the field, and refuses non-admins', async () => {
    const wrongType = await patch({ serviceLevelMinutes: 'ten' });
    expectError(wrongType, 400, 'VALIDATION_FAILED');
    expect(wrongType.body.details.fields).toEqual(['serviceLevelMinutes']);
    const unknown = await patch({
      lifecycle: { recallDelaySeconds: 30, noShowAfterRecalls: 2, returnHoldSeconds: 1, x: 1 },
    });
    expectError(unknown, 400, 'VALIDATION_FAILED');
    expect(unknown.body.details.fields).toEqual(['lifecycle.x']);
    expectError(await patch({ serviceLevelMinutes: 12 }, 'lobby'), 403, 'FORBIDDEN');
    expect((await settings()).serviceLevelMinutes).toBe(15);
  });

  it('refuses removing a threshold a diversion table still names, and a pause reason a paused counter gives', async () => {
    const before = await settings();
    const { smallTransferLimit: _gone, ...thresholds } = before.thresholds;
    const response = await patch({ thresholds });
    expectError(response, 409, 'CONFIG_IN_USE');
    expect(response.body.details.problems).toEqual([
      {
        path: 'thresholds.smallTransferLimit',
        message: 'is used by business type "transfer" (routes[0].when.amountAtMost); change its diversion table first',
      },
    ]);

    const teller2 = await hall.login('teller2');
    await post(hall, 'teller2', `/api/counters/${teller2.user.counterId}/pause`, { reason: 'meeting' }).then((paused) =>
      expect(paused.status).toBe(200),
    );
    const withoutMeeting = before.pauseReasons.filter((reason) => reason.code !== 'meeting');
    const inUse = await patch({ pauseReasons: withoutMeeting });
    expectError(inUse, 409, 'CONFIG_IN_USE');
    expect(inUse.body.details.problems).toEqual([
      { path: 'pauseReasons', message: 'counter 2 is paused for "meeting"; keep that reason until it resumes' },
    ]);
    expect(await settings()).toEqual(before);

    // Once the counter resumes, the reason may go; a new one is offered at once.
    await post(hall, 'teller2', `/api/counters/${teller2.user.counterId}/resume`).then((resumed) =>
      expect(resumed.status).toBe(200),
    );
    const lunch = { code: 'lunch', name: { zh: '午餐', en: 'Lunch' } };
    expect((await patch({ pauseReasons: [...withoutMeeting, lunch] })).status).toBe(200);
    const paused = await post(hall, 'teller2', `/api/counters/${teller2.user.counterId}/pause`, { reason: 'lunch' });
    expect(paused.body).toMatchObject({ status: 'paused', pauseReason: 'lunch' });
    expectError(
      await post(hall, 'teller2', `/api/counters/${teller2.user.counterId}/pause`, { reason: 'meeting' }),
      400,
      'UNKNOWN_PAUSE_REASON',
    );
  });

  describe('time zone and day start', () => {
    it('accepts a change that keeps today, and numbering carries on', async () => {
      const first = await hall.issue({ businessType: 'cash-withdrawal', amount: 30000, hasCard: false });
      expect(first.number).toBe('A001');
      // 09:xx in Shanghai is the same day at +08:00 with a 06:00 day start.
      const response = await patch({ timeZone: '+08:00', dayStartsAt: '06:00' });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ timeZone: '+08:00', dayStartsAt: '06:00', businessDay: '2026-11-23' });
      const second = await hall.issue({ businessType: 'cash-withdrawal', amount: 30000, hasCard: false });
      expect(second.number).toBe('A002');
    });

    it('accepts a zone still on yesterday: today keeps its date and numbers until the new boundary passes it', async () => {
      // 09:xx Shanghai is 20:xx on Sunday in New York.
      const response = await patch({ timeZone: 'America/New_York', dayStartsAt: '00:00' });
      expect(response.status).toBe(200);
      expect(response.body.businessDay).toBe('2026-11-23');
      expect((await hall.issue({ businessType: 'cash-withdrawal', amount: 30000, hasCard: false })).number).toBe(
        'A003',
      );
      // Back to Shanghai: the same business day again.
      expect((await patch({ timeZone: 'Asia/Shanghai' })).status).toBe(200);
    });

    it('refuses a zone already on tomorrow while today has tickets: their numbers would restart at 001', async () => {
      const before = await settings();
      hall.clock.set('2026-11-23T12:00:00Z'); // 20:00 Shanghai: 02:00 on Tuesday at UTC+14
      const response = await patch({ timeZone: 'Pacific/Kiritimati' });
      expectError(response, 409, 'DAY_BOUNDARY_CONFLICT');
      expect(response.body.details.problems).toEqual([
        { path: 'timeZone', message: expect.stringContaining('would end business day 2026-11-23 now') },
      ]);
      expect(await settings()).toEqual(before);
      expect((await hall.issue({ businessType: 'cash-withdrawal', amount: 30000, hasCard: false })).number).toBe(
        'A004',
      );
    });
  });

  it('writes every change to the audit log with who, when and what', async () => {
    const entries = (await auditLog()).filter((entry) => entry.action === 'settings.update');
    // The thresholds, the lifecycle and friends, the lunch reason and three time-zone changes were accepted;
    // refused changes left no entry.
    expect(entries).toHaveLength(6);
    const admin = (await hall.login('admin')).user;
    expect(entries).toEqual(
      expect.arrayContaining([
        {
          id: expect.any(String),
          at: '2026-11-23T01:00:00.000Z',
          actor: 'admin',
          actorRole: 'admin',
          action: 'settings.update',
          subjectId: expect.any(String),
          reason: 'branch demo: thresholds.smallCashLimit: 20000 → 10000',
        },
        expect.objectContaining({ reason: 'branch demo: timeZone: "America/New_York" → "Asia/Shanghai"' }),
        expect.objectContaining({
          reason: expect.stringContaining(
            'branch demo: serviceLevelMinutes: 10 → 15; lifecycle.recallDelaySeconds: 30 → 45',
          ),
        }),
      ]),
    );
    expect(entries.every((entry) => entry.actor === admin.username)).toBe(true);
  });
});

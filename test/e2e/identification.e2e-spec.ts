import { auditLog, expectError } from './support/hall-helpers';
import { TestHall } from './support/test-app';

/** Identification starts at the kiosk, by rules an admin can change (and every verdict names its version). */
describe('identification at the kiosk and rule changes', () => {
  let hall: TestHall;

  beforeAll(async () => {
    hall = await TestHall.start();
  });
  afterAll(() => hall.stop());

  const putRules = async (body: object, username = 'admin') =>
    hall.http
      .put('/api/branches/demo/rules/identification')
      .set('Authorization', await hall.auth(username))
      .send(body);

  async function staffTicket(id: string) {
    const snapshot = await hall.http.get('/api/branches/demo/queue').set('Authorization', await hall.auth('lobby'));
    return snapshot.body.waiting.find((ticket: { id: string }) => ticket.id === id);
  }

  it('leaves a customer opening an account with no signal ordinary', async () => {
    const ticket = await hall.issue({ businessType: 'account-opening' });
    expect((await staffTicket(ticket.id)).identification).toEqual({
      classification: 'ordinary',
      score: 0,
      potentialVipScore: 5,
      reasons: [],
      ruleVersion: 1,
    });
  });

  it('marks an 80,000 cash deposit as a potential VIP, with the reason in both languages', async () => {
    const ticket = await hall.issue({ businessType: 'cash-deposit', amount: 80000, hasCard: true });
    const { identification } = await staffTicket(ticket.id);
    expect(identification).toMatchObject({ classification: 'potential-vip', score: 5, ruleVersion: 1 });
    expect(identification.reasons).toEqual([
      { code: 'large-cash', weight: 5, text: { zh: '大额现金存取', en: 'Large cash deposit or withdrawal' } },
    ]);
    // Public screens never learn it.
    const publicView = await hall.http.get('/api/branches/demo/queue').set('Authorization', hall.displayAuth());
    expect(JSON.stringify(publicView.body)).not.toMatch(/identification|potential-vip|large-cash/);
  });

  it('uses an admin change of a weight in the next evaluation and records the new version', async () => {
    const current = await hall.http
      .get('/api/branches/demo/rules/identification')
      .set('Authorization', await hall.auth('admin'))
      .expect(200);
    expect(current.body.version).toBe(1);
    const { version: _version, ...editable } = current.body;
    const lighter = {
      ...editable,
      signals: editable.signals.map((signal: { code: string }) =>
        signal.code === 'large-cash' ? { ...signal, weight: 2 } : signal,
      ),
    };
    const saved = await putRules(lighter);
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(2);
    // Who changed which weight is in the audit log.
    const index = editable.signals.findIndex((signal: { code: string }) => signal.code === 'large-cash');
    const weight = editable.signals[index].weight;
    expect((await auditLog(hall)).filter((entry) => entry.action === 'rules.identification')).toEqual([
      expect.objectContaining({
        actor: 'admin',
        reason: `identification rules v1 → v2: signals[${index}].weight: ${weight} → 2`,
      }),
    ]);

    const ticket = await hall.issue({ businessType: 'cash-withdrawal', amount: 90000, hasCard: true });
    expect((await staffTicket(ticket.id)).identification).toMatchObject({
      classification: 'ordinary',
      score: 2,
      ruleVersion: 2,
    });
  });

  it('refuses inconsistent rules whole, listing the problems, and keeps the version in force', async () => {
    const current = (
      await hall.http.get('/api/branches/demo/rules/identification').set('Authorization', await hall.auth('admin'))
    ).body;
    const { version: _version, ...editable } = current;
    const broken = {
      ...editable,
      signals: editable.signals.filter((signal: { code: string }) => signal.code !== 'wealth-enquiry'),
    };
    const response = await putRules(broken);
    expectError(response, 400, 'RULES_INVALID');
    expect(response.body.details.problems).toContainEqual({
      path: 'signals',
      message: 'no rule for the signal "wealth-enquiry" that a business type raises',
    });
    const duplicate = { ...editable, signals: [...editable.signals, editable.signals[0]] };
    expectError(await putRules(duplicate), 400, 'RULES_INVALID');
    expectError(await putRules({ ...editable, potentialVipScore: 'high' }), 400, 'VALIDATION_FAILED');
    expectError(await putRules(editable, 'lobby'), 403, 'FORBIDDEN');
    const after = await hall.http
      .get('/api/branches/demo/rules/identification')
      .set('Authorization', await hall.auth('admin'));
    expect(after.body.version).toBe(2);
    // A refused change is not in the audit log.
    expect((await auditLog(hall)).filter((entry) => entry.action === 'rules.identification')).toHaveLength(1);
  });

  it('lets the lobby manager flag a waiting customer reading fund NAVs; a second signal makes a potential VIP', async () => {
    const ticket = await hall.issue({ businessType: 'card-service' });
    const flag = async (username: string, body: object) =>
      hall.http
        .post(`/api/tickets/${ticket.id}/flag`)
        .set('Authorization', await hall.auth(username))
        .send(body);

    const reading = await flag('lobby', {
      signals: ['waiting-detailed-reading', 'fx-or-nav-browsing'],
      note: 'stood at the fund NAV board for ten minutes',
    });
    expect(reading.status).toBe(200);
    expect(reading.body.identification).toMatchObject({ classification: 'ordinary', score: 4, ruleVersion: 2 });
    expect(reading.body.identification.reasons[0]).toMatchObject({
      code: 'waiting-detailed-reading',
      notes: ['stood at the fund NAV board for ten minutes'],
    });

    // A glance after detailed reading is the same graded interest: it adds nothing.
    expect((await flag('lobby', { signals: ['waiting-glance'] })).body.identification.score).toBe(4);
    const second = await flag('lobby', { signals: ['entry-notable-features'] });
    expect(second.body.identification).toMatchObject({ classification: 'potential-vip', score: 6 });

    // A teller flags only the ticket at their own counter; unknown signals are refused.
    expectError(await flag('teller1', { signals: ['asks-investment-amount'] }), 403, 'WRONG_COUNTER');
    expectError(await flag('lobby', { signals: ['rich-looking'] }), 400, 'UNKNOWN_SIGNAL');
    expectError(await flag('lobby', { signals: [] }), 400, 'VALIDATION_FAILED');

    // Staff hear of it; public screens get the envelope only, never that somebody was flagged.
    const flagged = (await hall.events()).filter((event) => event.type === 'vip.flagged');
    expect(flagged.at(-1)).toMatchObject({ ticket: { id: ticket.id } });
    const publicEvents = await hall.http
      .get(`/api/branches/demo/events?after=${flagged.at(-1)!.seq - 1}`)
      .set('Authorization', hall.displayAuth());
    expect(Object.keys(publicEvents.body.events[0]).sort()).toEqual(['at', 'branchId', 'businessDay', 'seq', 'type']);
  });

  it('lets the teller serving a customer flag what the asset query and the conversation showed', async () => {
    // Counter 4 serves queue B: serve whoever is still waiting there first.
    for (let waiting = await hall.callNext('teller4'); waiting; waiting = await hall.callNext('teller4')) {
      await hall.serve('teller4', waiting.id);
    }
    const ticket = await hall.issue({ businessType: 'card-service' });
    const called = await hall.callNext('teller4');
    expect(called?.id).toBe(ticket.id);
    const flagged = await hall.http
      .post(`/api/tickets/${ticket.id}/flag`)
      .set('Authorization', await hall.auth('teller4'))
      .send({ signals: ['asset-query-high', 'product-maturity'] })
      .expect(200);
    expect(flagged.body.identification).toMatchObject({ classification: 'potential-vip', score: 10 });
    await hall.serve('teller4', ticket.id);
    expectError(
      await hall.http
        .post(`/api/tickets/${ticket.id}/flag`)
        .set('Authorization', await hall.auth('lobby'))
        .send({ signals: ['large-idle-balance'] }),
      409,
      'ILLEGAL_TRANSITION',
    );
  });

  it('refuses a change made on an older version of the rules, so that nobody undoes a change unseen', async () => {
    const current = (
      await hall.http.get('/api/branches/demo/rules/identification').set('Authorization', await hall.auth('admin'))
    ).body;
    const { version, ...editable } = current;
    // One admin rewords a reason on the version in force; it goes through.
    const reworded = {
      ...editable,
      signals: editable.signals.map((signal: { reason: { zh: string; en: string } }, index: number) =>
        index === 0 ? { ...signal, reason: { ...signal.reason, en: `${signal.reason.en} (reworded)` } } : signal,
      ),
    };
    const first = await putRules({ ...reworded, basedOnVersion: version });
    expect(first.body.version).toBe(version + 1);
    const audited = (await auditLog(hall)).length;
    // Another, who opened the rules before it, saves a change of their own: refused, nothing undone.
    const stale = await putRules({ ...editable, basedOnVersion: version });
    expectError(stale, 409, 'RULES_CHANGED');
    expect(stale.body.details).toEqual({ version: version + 1 });
    const ladders = await hall.http
      .get('/api/branches/demo/rules/ladders')
      .set('Authorization', await hall.auth('admin'));
    const { code: _code, ...assets } = ladders.body.ladders.find(
      (each: { code: string }) => each.code === 'boc-assets',
    );
    const ladder = await hall.http
      .put('/api/branches/demo/rules/ladders/boc-assets')
      .set('Authorization', await hall.auth('admin'))
      .send({ ...assets, basedOnVersion: version });
    expectError(ladder, 409, 'RULES_CHANGED');
    expectError(await putRules({ ...editable, basedOnVersion: 0 }), 400, 'VALIDATION_FAILED');
    const now = await hall.http
      .get('/api/branches/demo/rules/identification')
      .set('Authorization', await hall.auth('admin'));
    expect(now.body).toEqual({ ...reworded, version: version + 1 });
    expect(await auditLog(hall)).toHaveLength(audited);
    // After reading the rules again, the change goes through (here: the old wording back).
    expect((await putRules({ ...editable, basedOnVersion: version + 1 })).body.version).toBe(version + 2);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { auditLog, expectError } from './support/hall-helpers';
import { TestHall } from './support/test-app';

const GOOD = readFileSync(join(__dirname, '../fixtures/customers.csv'), 'utf8');
const CLEAR_NUMBERS = ['6222021234567890123', '6222029876543210', '11010519491231002X', '13800138000'];

/** Known customers: imported all-or-nothing, stored only as keyed hashes, every view audited. */
describe('customer profiles', () => {
  let hall: TestHall;

  beforeAll(async () => {
    hall = await TestHall.start();
  });
  afterAll(() => hall.stop());

  const importCsv = async (csv: string, username = 'admin') =>
    hall.http
      .post('/api/branches/demo/customers/import')
      .set('Authorization', await hall.auth(username))
      .set('Content-Type', 'text/csv')
      .send(csv);
  const count = async () =>
    Number((await hall.app.get(DataSource).query('SELECT COUNT(*) AS n FROM customer_profile'))[0].n);

  it('imports a well-formed file and updates known customers on the next import', async () => {
    const first = await importCsv(GOOD);
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ rows: 4, created: 4, updated: 0 });
    const again = await importCsv(GOOD.replace('王女士', '王女士 (VIP)'));
    expect(again.body).toEqual({ rows: 4, created: 0, updated: 4 });
    expect(await count()).toBe(4);
  });

  it('keeps no card, ID or phone number in clear anywhere in the database', async () => {
    // The SQLite file and its WAL, or on PostgreSQL every row of the spec's schema.
    const stored = await hall.database.storedBytes();
    // The search reads the real rows: the masked form is there.
    expect(stored.includes('6222 **** **** 0123')).toBe(true);
    for (const number of CLEAR_NUMBERS) {
      expect({ number, stored: stored.includes(number) }).toEqual({ number, stored: false });
    }
    const masked = await hall.app.get(DataSource).query('SELECT masked FROM customer_profile ORDER BY masked');
    expect(masked.map((row: { masked: string }) => row.masked)).toEqual([
      '110***********002X',
      '138****8000',
      '6222 **** **** 0123',
      '6222 **** **** 3210',
    ]);
  });

  it('rejects a file with a bad row, imports nothing of it, and reports every problem', async () => {
    const before = await count();
    const bad = [
      'id_kind,id_number,monthly_avg_assets,rm',
      'card,6222020000000001,300000,rm1',
      'card,12AB,100,rm1',
      'passport,E1234567,100,',
      'phone,13900000000,-5,rm9',
      'card,6222020000000001,1,',
    ].join('\n');
    const response = await importCsv(bad);
    expectError(response, 422, 'IMPORT_REJECTED');
    expect(response.body.message).toMatch(/^Nothing was imported: 5 problem\(s\) in 5 row\(s\)/);
    expect(response.body.details.rejected).toEqual([
      { row: 3, field: 'id_number', message: 'A card number must be 12 to 19 digits.' },
      { row: 4, field: 'id_kind', message: 'Must be one of card, id, phone.' },
      {
        row: 5,
        field: 'monthly_avg_assets',
        message: '"-5" is not an amount (a number ≥ 0 with at most two decimals).',
      },
      { row: 5, field: 'rm', message: 'No relationship manager "rm9" in this branch.' },
      { row: 6, field: 'id_number', message: 'The same customer as row 2.' },
    ]);
    expect(await count()).toBe(before);
  });

  it('rejects unknown columns, a missing id column, an empty file, a half-quoted file and JSON', async () => {
    expectError(await importCsv('id_kind,id_number,shoe_size\ncard,6222020000000002,42'), 422, 'IMPORT_REJECTED');
    expectError(await importCsv('id_kind\ncard'), 422, 'IMPORT_REJECTED');
    expectError(await importCsv('id_kind,id_number\n'), 422, 'IMPORT_REJECTED');
    expectError(await importCsv('id_kind,id_number\ncard,"6222'), 422, 'IMPORT_REJECTED');
    const json = await hall.http
      .post('/api/branches/demo/customers/import')
      .set('Authorization', await hall.auth('admin'))
      .send({ csv: GOOD });
    expectError(json, 415, 'UNSUPPORTED_MEDIA_TYPE');
    expectError(await importCsv(GOOD, 'lobby'), 403, 'FORBIDDEN');
  });

  it('shows assets to an RM with a reason, writes the view to the audit log, and refuses a teller', async () => {
    const [{ id }] = await hall.app
      .get(DataSource)
      .query("SELECT id FROM customer_profile WHERE masked LIKE '6222 **** **** 0123'");
    // The audit log is newest first by time; entries of the same instant have no order of their own.
    hall.clock.advance(1);
    const view = await hall.http
      .get(`/api/customers/${id}?reason=${encodeURIComponent('value panel, ticket A001')}`)
      .set('Authorization', await hall.auth('rm1'))
      .expect(200);
    expect(view.body).toMatchObject({
      masked: '6222 **** **** 0123',
      tier: 'private-banking',
      monthlyAverageAssets: 6500000,
      cardLevel: 'private',
      rm: { displayName: '周经理 (RM)' },
      segment: 'retirees',
    });
    expect(JSON.stringify(view.body)).not.toMatch(/6222021234567890123/);
    expectError(
      await hall.http.get(`/api/customers/${id}?reason=curious`).set('Authorization', await hall.auth('teller1')),
      403,
      'FORBIDDEN',
    );
    expectError(
      await hall.http.get(`/api/customers/${id}`).set('Authorization', await hall.auth('rm1')),
      400,
      'VALIDATION_FAILED',
    );
    const audit = await hall.http
      .get('/api/branches/demo/audit')
      .set('Authorization', await hall.auth('admin'))
      .expect(200);
    expect(audit.body[0]).toMatchObject({
      actor: 'rm1',
      actorRole: 'rm',
      action: 'profile.view',
      subjectId: id,
      reason: 'value panel, ticket A001',
    });
    expect(audit.body.filter((entry: { action: string }) => entry.action === 'customers.import')).toHaveLength(2);
  });
});

/** A known customer identified at the kiosk by card or phone (the number is only ever looked up). */
describe('identification of known customers at the kiosk', () => {
  let hall: TestHall;

  beforeAll(async () => {
    hall = await TestHall.start();
    await hall.http
      .post('/api/branches/demo/customers/import')
      .set('Authorization', await hall.auth('admin'))
      .set('Content-Type', 'text/csv')
      .send(GOOD)
      .expect(201);
  });
  afterAll(() => hall.stop());

  async function staffView(id: string) {
    const snapshot = await hall.http.get('/api/branches/demo/queue').set('Authorization', await hall.auth('lobby'));
    return snapshot.body.waiting.find((ticket: { id: string }) => ticket.id === id);
  }

  it('gives a known private-banking customer VIP priority at the VIP counter, and tells staff only', async () => {
    const ticket = await hall.issue({
      businessType: 'cash-withdrawal',
      amount: 30000,
      hasCard: true,
      customer: { idKind: 'card', idNumber: '6222 0212 3456 7890 123' },
    });
    expect(ticket).toMatchObject({ queue: 'V', number: 'V001', destination: 'vip-counter' });
    const staff = await staffView(ticket.id);
    expect(staff).toMatchObject({
      priority: 'vip',
      customer: { masked: '6222 **** **** 0123', displayName: '王女士', tier: 'private-banking' },
      identification: { classification: 'vip', ruleVersion: 1 },
    });
    expect(staff.identification.reasons[0]).toMatchObject({ code: 'known-tier' });
    const publicView = await hall.http.get('/api/branches/demo/queue').set('Authorization', hall.displayAuth());
    expect(JSON.stringify(publicView.body)).not.toMatch(/王女士|private-banking|6222/);
  });

  it('evaluates the ladders when the bank gave no tier: card spend reaches 中银理财 for a phone customer', async () => {
    const ticket = await hall.issue({
      businessType: 'card-service',
      customer: { idKind: 'phone', idNumber: '13800138000' },
    });
    const staff = await staffView(ticket.id);
    expect(staff.customer).toMatchObject({ masked: '138****8000', tier: null });
    expect(staff.identification.reasons[0].text.en).toMatch(/BOC Wealth/);
  });

  it('treats an unknown card as an ordinary customer and refuses a malformed number', async () => {
    const unknown = await hall.issue({
      businessType: 'card-service',
      customer: { idKind: 'card', idNumber: '6222000000000000' },
    });
    expect(await staffView(unknown.id)).toMatchObject({ customer: null, priority: 'normal' });
    const bad = await hall.http
      .post('/api/branches/demo/tickets')
      .set('Authorization', hall.kioskAuth())
      .send({ businessType: 'card-service', customer: { idKind: 'card', idNumber: 'not-a-card-12' } });
    expectError(bad, 400, 'VALIDATION_FAILED');
    expect(bad.body.details.fields).toEqual(['customer.idNumber']);
  });

  it('keeps the numbers typed at the kiosk out of the database', async () => {
    const stored = await hall.database.storedBytes();
    for (const number of [...CLEAR_NUMBERS, '6222000000000000']) {
      expect({ number, found: stored.includes(number) }).toEqual({ number, found: false });
    }
  });

  it('uses an admin edit of a tier ladder in the next identification, under a new rule version', async () => {
    const admin = await hall.auth('admin');
    const ladders = (await hall.http.get('/api/branches/demo/rules/ladders').set('Authorization', admin)).body;
    expect(ladders.version).toBe(1);
    const assets = ladders.ladders.find((ladder: { code: string }) => ladder.code === 'boc-assets');
    const customer = { idKind: 'id', idNumber: '11010519491231002X' }; // 李先生: 180,000 assets, 600,000 loans
    const before = await hall.issue({ businessType: 'card-service', customer });
    expect(before.queue).toBe('V');
    expect((await staffView(before.id)).identification).toMatchObject({
      classification: 'vip',
      ruleVersion: 1,
      reasons: [{ code: 'known-tier', text: { en: 'Existing VIP: BOC Wealth (BOC asset tiers)' } }],
    });

    // The branch raises the loan line of BOC Wealth from 500,000 to 1,000,000.
    const raised = {
      name: assets.name,
      rungs: assets.rungs.map((rung: { code: string; anyOf: { metric: string }[] }) =>
        rung.code === 'boc-wealth'
          ? {
              ...rung,
              anyOf: rung.anyOf.map((line) => (line.metric === 'loanBalance' ? { ...line, atLeast: 1000000 } : line)),
            }
          : rung,
      ),
    };
    const edit = await hall.http
      .put('/api/branches/demo/rules/ladders/boc-assets')
      .set('Authorization', admin)
      .send(raised);
    expect(edit.status).toBe(200);
    expect(edit.body.version).toBe(2);
    const rung = assets.rungs.findIndex((each: { code: string }) => each.code === 'boc-wealth');
    const line = assets.rungs[rung].anyOf.findIndex((each: { metric: string }) => each.metric === 'loanBalance');
    const audited = (await auditLog(hall)).filter((entry) => entry.action === 'rules.ladder');
    expect(audited).toEqual([
      expect.objectContaining({
        actor: 'admin',
        reason: `tier ladder boc-assets (rules v2): rungs[${rung}].anyOf[${line}].atLeast: 500000 → 1000000`,
      }),
    ]);
    const after = await hall.issue({ businessType: 'card-service', customer });
    expect(after.queue).toBe('B');
    expect((await staffView(after.id)).identification).toMatchObject({ classification: 'ordinary', ruleVersion: 2 });
  });

  it('refuses a ladder edit that would lose a VIP tier, reuse a tier code or hold an empty band, and keeps the version', async () => {
    const admin = await hall.auth('admin');
    const { ladders, version } = (await hall.http.get('/api/branches/demo/rules/ladders').set('Authorization', admin))
      .body;
    const assets = ladders.find((ladder: { code: string }) => ladder.code === 'boc-assets');
    const put = (code: string, body: object, auth = admin) =>
      hall.http.put(`/api/branches/demo/rules/ladders/${code}`).set('Authorization', auth).send(body);
    const without = { name: assets.name, rungs: assets.rungs.slice(1) };
    const gone = await put('boc-assets', without);
    expectError(gone, 400, 'RULES_INVALID');
    expect(gone.body.message).toMatch(/VIP tier "private-banking"/);
    const reused = { name: { zh: '新', en: 'New' }, rungs: [{ ...assets.rungs[2], code: 'card-gold' }] };
    expectError(await put('new-ladder', reused), 400, 'RULES_INVALID');
    const empty = {
      name: assets.name,
      rungs: [
        { ...assets.rungs[0], anyOf: [{ metric: 'monthlyAverageAssets', atLeast: 9, below: 5 }] },
        ...assets.rungs.slice(1),
      ],
    };
    expectError(await put('boc-assets', empty), 400, 'RULES_INVALID');
    expectError(
      await put('boc-assets', { ...without, rungs: [{ code: 'x', anyOf: [{ metric: 'height', atLeast: 1 }] }] }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(await put('Bad Code!', without), 400, 'VALIDATION_FAILED');
    expectError(await put('boc-assets', without, await hall.auth('lobby')), 403, 'FORBIDDEN');
    const now = (await hall.http.get('/api/branches/demo/rules/ladders').set('Authorization', admin)).body;
    expect(now).toEqual({ version, ladders });
    expect((await auditLog(hall)).filter((entry) => entry.action === 'rules.ladder')).toHaveLength(1);
  });
});

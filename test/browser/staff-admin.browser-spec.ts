import type { Page } from 'playwright-core';
import type { AdminBusinessTypeView, AdminSettingsView, DeviceView } from '@lobbyflow/contracts';
import { screenshot, useBrowserHall } from './support/browser';
import { pageErrors, pageToken, signIn } from './support/staff-console';

/** The branch admin's console (teller-ui at /staff, #/admin, 1366x768) against a real server. */
describe('the staff console: admin', () => {
  const context = useBrowserHall();
  afterEach(() => expect(pageErrors.splice(0)).toEqual([]));

  async function settings(): Promise<AdminSettingsView> {
    const response = await context.hall.http
      .get('/api/branches/demo/admin/settings')
      .set('Authorization', await context.hall.auth('admin'))
      .expect(200);
    return response.body as AdminSettingsView;
  }

  /** What the server advises for a 5,000 CNY deposit with a card (the exact amount, not a kiosk band). */
  async function triageSmallDeposit(): Promise<{ selfService: boolean; destination: string }> {
    const response = await context.hall.http
      .post('/api/branches/demo/triage')
      .set('Authorization', context.hall.kioskAuth())
      .send({ businessType: 'cash-deposit', amount: 5000, hasCard: true })
      .expect(200);
    return response.body as { selfService: boolean; destination: string };
  }

  /** Opens the kiosk (portrait, touch); `depositWithCard` takes it to the amount of a deposit with a card. */
  async function openKiosk(): Promise<Page> {
    const page = await context.browser.newPage({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${context.baseUrl}/kiosk?print=off#key=${context.hall.kioskKey()}`);
    return page;
  }

  async function depositWithCard(kiosk: Page): Promise<void> {
    await kiosk.getByRole('button', { name: '存款 / 取款' }).click();
    await kiosk.getByRole('button', { name: '存款', exact: true }).click();
    await kiosk.getByRole('button', { name: '有', exact: true }).click();
  }

  /** The admin console at one section of the side menu. */
  async function adminAt(section: string): Promise<Page> {
    const page = await signIn(context.browser, context.baseUrl, 'admin');
    await page.locator('lf-admin-view nav').getByRole('button', { name: section }).click();
    return page;
  }

  it('lowers the small-cash threshold, and a 5,000 deposit with a card goes to a counter instead of the machine', async () => {
    // Before: 5,000 is within the 20,000 small-cash limit, so the kiosk sends the customer to the machine.
    expect(await triageSmallDeposit()).toMatchObject({ selfService: true, destination: 'self-service' });
    const kiosk = await openKiosk();
    await depositWithCard(kiosk);
    await kiosk.getByRole('button', { name: '2万元 及以下' }).click();
    await kiosk.getByText('请到自助存取款机办理').waitFor();

    const page = await signIn(context.browser, context.baseUrl, 'admin');
    const form = page.locator('lf-admin-settings');
    await form.getByText('当前营业日 2026-11-23').waitFor();
    await screenshot(page, 'staff-admin-settings-zh');
    await form.getByLabel('小额现金上限（有卡可自助）').fill('3000');
    await form.getByRole('button', { name: '保存设置' }).click();
    await form.getByText('保存设置：已保存 1 项设置').waitFor();
    expect((await settings()).thresholds).toMatchObject({ smallCashLimit: 3000, largeCashLine: 50000 });

    // After: the same deposit is above the new limit; the kiosk offers the new bands and issues a counter ticket.
    expect(await triageSmallDeposit()).toMatchObject({ selfService: false, destination: 'cash-counter' });
    // This customer goes to the machine. The kiosk heard of the change and read its offer again: the next
    // customer gets the new amount bands, without a reload.
    await kiosk.getByRole('button', { name: '我去自助机办理' }).click();
    await kiosk.getByRole('button', { name: '完成' }).click();
    await depositWithCard(kiosk);
    await kiosk.getByRole('button', { name: '3,000元 及以下' }).waitFor();
    await kiosk.getByRole('button', { name: '3,000元 – 5万元' }).click();
    await kiosk.getByText('您的排队号').waitFor();
    await kiosk.getByText('请到现金柜台办理存款。').waitFor();
    await kiosk.close();
  });

  it('shows a refused field next to the field and saves nothing', async () => {
    const page = await signIn(context.browser, context.baseUrl, 'admin');
    const form = page.locator('lf-admin-settings');
    const serviceLevel = form.locator('label.field', { hasText: '服务标准（等候不超过）' });
    await serviceLevel.getByRole('spinbutton').fill('-5');
    await form.getByLabel('重呼间隔').fill('45');
    await form.getByRole('button', { name: '保存设置' }).click();
    await serviceLevel.getByText('须为 1 至 480 之间的整数').waitFor();
    await form.getByText('保存设置失败：有 1 处需要修改，已在对应字段旁标出。').waitFor();
    await screenshot(page, 'staff-admin-settings-error-zh');
    // Refused whole: neither the service level nor the recall delay sent with it was written.
    expect(await settings()).toMatchObject({ serviceLevelMinutes: 10, lifecycle: { recallDelaySeconds: 30 } });

    // A business type whose Chinese name is emptied: the server's validation names the field.
    await page.locator('lf-admin-view nav').getByRole('button', { name: '业务与分流' }).click();
    const types = page.locator('lf-admin-business-types');
    await types.getByRole('button', { name: '编辑「存款」' }).click();
    const editor = page.locator('lf-business-type-editor');
    const name = editor.locator('fieldset.pair', { hasText: '名称' }).first();
    await name.getByLabel('中文').fill('');
    await editor.getByRole('button', { name: '保存业务类型' }).click();
    await name.locator('label.field', { hasText: '中文' }).getByText('不能为空').waitFor();
    await screenshot(page, 'staff-admin-business-zh');
    const listed = await context.hall.http
      .get('/api/branches/demo/admin/business-types')
      .set('Authorization', await context.hall.auth('admin'))
      .expect(200);
    const deposit = (listed.body as AdminBusinessTypeView[]).find((type) => type.code === 'cash-deposit');
    expect(deposit?.name).toEqual({ zh: '存款', en: 'Cash deposit' });

    // Fixed, it saves; the typical time and the route's advice go with it.
    await name.getByLabel('中文').fill('现金存款');
    await editor.getByLabel('通常用时').fill('5');
    await editor.getByRole('button', { name: '保存业务类型' }).click();
    await editor.getByText('保存业务类型：现金存款').waitFor();
    const saved = await context.hall.http
      .get('/api/branches/demo/admin/business-types')
      .set('Authorization', await context.hall.auth('admin'))
      .expect(200);
    expect((saved.body as AdminBusinessTypeView[]).find((type) => type.code === 'cash-deposit')).toMatchObject({
      name: { zh: '现金存款', en: 'Cash deposit' },
      typicalServiceMinutes: 5,
    });
  });

  it("says in the screen's language why a section could not be read, and reads it on retry", async () => {
    const page = await signIn(context.browser, context.baseUrl, 'admin');
    // The network to the server drops for the devices list (every retry of the read fails too).
    const devicesList = /\/api\/branches\/demo\/devices$/;
    await page.route(devicesList, (route) => route.abort('internetdisconnected'));
    await page.locator('lf-admin-view nav').getByRole('button', { name: '取号机与叫号屏' }).click();
    const failed = page.locator('lf-admin-devices .status-line.failed');
    await failed.getByText('读取失败：无法连接服务器，请检查网络后重试。').waitFor();
    await failed
      .locator('.detail')
      .getByText(/The server could not be reached/)
      .waitFor();
    // Back online: one tap reads it.
    await page.unroute(devicesList);
    await failed.getByRole('button', { name: '重试' }).click();
    await page.locator('lf-admin-devices').getByLabel('设备名称').waitFor();
    expect(await failed.count()).toBe(0);
  });

  it('registers a kiosk, shows its key once, and revokes it', async () => {
    const page = await adminAt('取号机与叫号屏');
    const devices = page.locator('lf-admin-devices');
    await devices.getByLabel('设备名称').fill('大厅取号机 2');
    await devices.getByRole('button', { name: '登记设备' }).click();
    const shown = devices.locator('.key-once');
    await shown.getByText('「大厅取号机 2」的设备密钥只显示这一次').waitFor();
    const key = (await shown.getByLabel('设备密钥').textContent())?.trim() ?? '';
    expect(key.length).toBeGreaterThan(20);
    await screenshot(page, 'staff-admin-device-key-zh');

    // The key is a working kiosk key.
    const me = await context.hall.http.get('/api/auth/me').set('Authorization', `Bearer ${key}`).expect(200);
    expect(me.body).toMatchObject({ kind: 'device', deviceKind: 'kiosk', branchId: 'demo' });

    // Once put away, the page holds it no more; the list shows only its first characters.
    await shown.getByRole('button', { name: '我已保存密钥' }).click();
    await shown.waitFor({ state: 'detached' });
    const row = devices.locator('tr', { hasText: '大厅取号机 2' });
    await row.getByText(`${key.slice(0, 10)}…`).waitFor();
    expect(await page.content()).not.toContain(key);
    expect(await devices.evaluate((element) => element.shadowRoot?.innerHTML ?? '')).not.toContain(key);

    // Revoke asks twice; after it the key is refused.
    await row.getByRole('button', { name: '吊销' }).click();
    await row.getByRole('button', { name: '确认吊销' }).click();
    await row.getByText(/已于 .* 吊销/).waitFor();
    await context.hall.http.get('/api/auth/me').set('Authorization', `Bearer ${key}`).expect(401);
    const listed = await context.hall.http
      .get('/api/branches/demo/devices')
      .set('Authorization', await context.hall.auth('admin'))
      .expect(200);
    expect((listed.body as DeviceView[]).find((device) => device.name === '大厅取号机 2')?.revokedAt).not.toBeNull();
  });

  it('imports a customer file only when every row is right, listing each bad row and column', async () => {
    const page = await adminAt('客户导入');
    const section = page.locator('lf-admin-import');
    const picker = section.getByLabel('客户文件（.csv）');
    const header = 'id_kind,id_number,display_name,monthly_avg_assets,rm';
    await picker.setInputFiles({
      name: 'customers-bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${header}\ncard,6222021234567890123,王女士,6500000,rm1\npassport,X1,钱先生,abc,rm1\n`),
    });
    await section.getByText('customers-bad.csv：2 行数据').waitFor();
    await section.getByRole('button', { name: '导入客户' }).click();
    await section.getByText('导入客户失败：一行也没有导入：文件有 2 处问题，见下表。').waitFor();
    await section.getByText('问题清单（2）').waitFor();
    const rejected = section.locator('.rejected tbody tr');
    await rejected.filter({ hasText: 'id_kind' }).getByText('3', { exact: true }).waitFor();
    await rejected.filter({ hasText: 'monthly_avg_assets' }).waitFor();
    await screenshot(page, 'staff-admin-import-zh');

    await picker.setInputFiles({
      name: 'customers.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${header}\ncard,6222021234567890123,王女士,6500000,rm1\n`),
    });
    await section.getByRole('button', { name: '导入客户' }).click();
    await section.getByText('导入客户：已导入 1 行').waitFor();
    await section.locator('.report').getByText('位新客户').waitFor();
    expect(await section.locator('.rejected').count()).toBe(0);
  });

  it('keeps a teller out: the console does not offer the admin view and the server refuses admin calls', async () => {
    const page = await signIn(context.browser, context.baseUrl, 'teller1', { hash: '#/admin' });
    await page.getByText('「管理」页面不对您的角色开放，已回到您的工作台。').waitFor();
    await page.locator('lf-teller-view').waitFor();
    expect(await page.locator('lf-admin-view').count()).toBe(0);
    expect(page.url()).toMatch(/#\/counter$/);

    await page.evaluate(() => (location.hash = '#/reports'));
    await page.getByText('「报表」页面不对您的角色开放，已回到您的工作台。').waitFor();
    expect(await page.locator('lf-reports-view').count()).toBe(0);

    const token = `Bearer ${await pageToken(page)}`;
    for (const path of ['admin/settings', 'admin/staff', 'devices', 'audit', 'reports/kpis']) {
      const response = await context.hall.http.get(`/api/branches/demo/${path}`).set('Authorization', token);
      expect({ path, status: response.status, code: response.body.code }).toEqual({
        path,
        status: 403,
        code: 'FORBIDDEN',
      });
    }
    const patch = await context.hall.http
      .patch('/api/branches/demo/admin/settings')
      .set('Authorization', token)
      .send({ serviceLevelMinutes: 30 });
    expect(patch.status).toBe(403);
    expect((await settings()).serviceLevelMinutes).toBe(10);
  });

  it('walks through every section in English, and a staff member created there can sign in', async () => {
    const page = await signIn(context.browser, context.baseUrl, 'admin');
    await page.locator('lf-admin-settings').getByText('当前营业日').waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    const nav = page.locator('lf-admin-view nav');
    await page.locator('lf-admin-settings').getByText('Business day 2026-11-23').waitFor();
    await screenshot(page, 'staff-admin-settings-en');

    await nav.getByRole('button', { name: 'Business & diversion' }).click();
    await page.locator('lf-admin-business-types').getByRole('button', { name: 'Edit “Cash withdrawal”' }).click();
    await page.locator('lf-business-type-editor').getByText('Route 2').waitFor();
    await screenshot(page, 'staff-admin-business-en');

    await nav.getByRole('button', { name: 'Queues & prefixes' }).click();
    await page.locator('lf-admin-queues tr[data-queue="A"]').waitFor();
    await nav.getByRole('button', { name: 'Counters', exact: true }).click();
    await page.locator('lf-admin-counters [data-counter="1"]').waitFor();
    await screenshot(page, 'staff-admin-counters-en');

    await nav.getByRole('button', { name: 'Staff & roles' }).click();
    const staff = page.locator('lf-admin-staff');
    await staff.getByLabel('Username').fill('teller7');
    await staff.getByLabel('Display name').fill('孙柜员 (Teller 7)');
    await staff.getByLabel('Counter').selectOption({ label: '4 · Counter 4' });
    await staff.getByLabel('Initial password').fill('counter7pass');
    await staff.getByRole('button', { name: 'Create account' }).click();
    await staff.locator('tr[data-user="teller7"]').waitFor();
    await screenshot(page, 'staff-admin-staff-en');
    const login = await context.hall.http
      .post('/api/auth/login')
      .send({ username: 'teller7', password: 'counter7pass' })
      .expect(200);
    expect(login.body.user).toMatchObject({ role: 'teller', branchId: 'demo' });

    await nav.getByRole('button', { name: 'Identification & tiers' }).click();
    const rules = page.locator('lf-admin-rules');
    await rules.getByText(/Rules version \d+/).waitFor();
    await screenshot(page, 'staff-admin-rules-en');

    // Every change made here is in the audit log, with who made it and what changed.
    await nav.getByRole('button', { name: 'Audit log' }).click();
    const audit = page.locator('lf-admin-audit');
    await audit.locator('tr', { hasText: 'staff.create' }).getByText('admin', { exact: true }).waitFor();
    await audit
      .locator('tr', { hasText: 'settings.update' })
      .getByText(/smallCashLimit/)
      .waitFor();
    // The devices registered and revoked in this file are there too, named by their key prefix.
    await audit
      .locator('tr', { hasText: 'device.revoke' })
      .getByText(/kiosk "大厅取号机 2" \(key lfd_/)
      .waitFor();
    await audit.getByText('This is the whole log').waitFor();
    await page.getByRole('button', { name: '中文' }).click();
  });

  it('reads a long audit log a hundred entries at a time, newest first', async () => {
    for (let index = 0; index < 120; index++) {
      context.hall.clock.advance(1);
      await context.hall.http
        .post('/api/branches/demo/devices')
        .set('Authorization', await context.hall.auth('admin'))
        .send({ kind: 'display', name: `Floor screen ${index}` })
        .expect(201);
    }
    const page = await adminAt('审计日志');
    const audit = page.locator('lf-admin-audit');
    const rows = audit.locator('tbody tr');
    await audit.getByText('最近 100 条').waitFor();
    await audit.locator('tr', { hasText: '"Floor screen 119"' }).waitFor();
    expect(await audit.locator('tr', { hasText: '"Floor screen 19"' }).count()).toBe(0);
    await audit.getByRole('button', { name: '加载更早的 100 条' }).click();
    await audit.getByText('已显示全部记录').waitFor();
    await audit.locator('tr', { hasText: '"Floor screen 19"' }).waitFor();
    const total = await rows.count();
    expect(total).toBeGreaterThanOrEqual(120);
    await audit.getByText(`最近 ${total} 条`).waitFor();
    // Each entry once, newest first.
    const texts = await audit.locator('tbody td.what').allTextContents();
    expect(new Set(texts.filter((text) => text.includes('Floor screen'))).size).toBe(120);
    expect(texts.findIndex((text) => text.includes('"Floor screen 119"'))).toBeLessThan(
      texts.findIndex((text) => text.includes('"Floor screen 0"')),
    );
  });

  it("refuses to save rules opened before another admin's change, and says so", async () => {
    const first = await adminAt('识别规则与等级');
    const second = await adminAt('识别规则与等级');
    const score = (page: Page) => page.locator('lf-admin-rules').getByLabel('潜在贵宾分数线');
    const save = (page: Page) => page.locator('lf-admin-rules').getByRole('button', { name: '保存识别规则' });
    const before = Number(await score(first).inputValue());
    await score(second).waitFor();
    // The first admin raises the potential-VIP score and saves.
    await score(first).fill(String(before + 1));
    await save(first).click();
    await first
      .locator('lf-admin-rules')
      .getByText(/保存识别规则：规则版本 v\d+/)
      .waitFor();
    // The second, still looking at the older version, lowers it: refused, nothing undone.
    await score(second).fill(String(before - 1));
    await save(second).click();
    const refused = second.locator('lf-admin-rules .status-line.failed');
    await refused.getByText('保存识别规则失败：规则已被他人修改，未保存。请刷新后重新修改。').waitFor();
    await refused.getByText('RULES_CHANGED').waitFor();
    const rules = await context.hall.http
      .get('/api/branches/demo/rules/identification')
      .set('Authorization', await context.hall.auth('admin'));
    expect(rules.body.potentialVipScore).toBe(before + 1);
    // Read again, the second admin's change goes through.
    await second.locator('lf-admin-view nav').getByRole('button', { name: '网点设置' }).click();
    await second.locator('lf-admin-view nav').getByRole('button', { name: '识别规则与等级' }).click();
    await second
      .locator('lf-admin-rules .version')
      .getByText(new RegExp(`${rules.body.version}`))
      .waitFor();
    expect(await score(second).inputValue()).toBe(String(before + 1));
    await score(second).fill(String(before));
    await save(second).click();
    await second
      .locator('lf-admin-rules')
      .getByText(`保存识别规则：规则版本 v${rules.body.version + 1}`)
      .waitFor();
  });
});

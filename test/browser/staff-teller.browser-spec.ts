import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { allEvents, expectError, post } from '../e2e/support/hall-helpers';
import { screenshot, useBrowserHall } from './support/browser';
import { pageToken, signIn, staffTicket, pageErrors } from './support/staff-console';

/** The teller's counter (teller-ui at /staff, 1366x768) in headless Chromium against a real server. */
describe('the staff console: teller counter', () => {
  const context = useBrowserHall();
  afterEach(() => expect(pageErrors.splice(0)).toEqual([]));

  /** The ticket card of the counter (left column). */
  const ticketCard = (page: Page) => page.locator('lf-teller-view .ticket');

  it('serves three tickets end to end with the keyboard', async () => {
    const withdrawal = await context.hall.issue({ businessType: 'cash-withdrawal', amount: 30000, hasCard: true });
    const largeDeposit = await context.hall.issue({ businessType: 'cash-deposit', amount: 80000, hasCard: true });
    const deposit = await context.hall.issue({ businessType: 'cash-deposit', amount: 30000, hasCard: false });

    const page = await signIn(context.browser, context.baseUrl, 'teller1');
    await page.getByText('1号窗口').first().waitFor();
    await page.locator('lf-teller-view .queue').getByText('3 人等候').waitFor();
    await page.getByText('按 F1 叫下一位客户').waitFor();
    await screenshot(page, 'staff-teller-idle-zh');

    // 1: call (F1), start (F3), finish (F4, Enter keeps the business the ticket was issued for).
    await page.keyboard.press('F1');
    await ticketCard(page).getByText(withdrawal.number).waitFor();
    await ticketCard(page).getByText('已叫号，等待客户到柜台').waitFor();
    await ticketCard(page).getByText('此业务通常约 4 分钟').waitFor();
    await ticketCard(page).getByText('2万元 – 5万元 · 有卡').waitFor();
    await page.keyboard.press('F3');
    await ticketCard(page).getByText('办理中').waitFor();
    await page.keyboard.press('F4');
    await page.getByText(`办结 ${withdrawal.number}：实际办理了哪些业务？`).waitFor();
    await page.keyboard.press('Enter');
    await page.getByText(`${withdrawal.number} 已办结`).waitFor();
    await page.getByText(`起身目送 ${withdrawal.number} 离开，再叫下一位。`).waitFor();

    // 2: a large deposit, a potential VIP by the kiosk's signal; the teller ticks what they learnt, records
    // it, and finishes with two pieces of business (digit keys in the finish dialog).
    await page.keyboard.press('F1');
    await ticketCard(page).getByText(largeDeposit.number).waitFor();
    await page.keyboard.press('F3');
    await ticketCard(page).getByText('办理中').waitFor();
    const panel = page.locator('lf-value-panel');
    await panel.getByText('潜在贵宾').first().waitFor();
    await panel.getByText('大额现金存取').first().waitFor();
    await panel.getByLabel('产品到期').check();
    await panel.getByText('含勾选项的预估，尚未记录').waitFor();
    await panel.getByText('评分 10 / 5').waitFor();
    await page.keyboard.press('Alt+S');
    await panel.getByText('记录识别信号：判定为潜在贵宾').waitFor();
    await panel.getByText('产品到期').first().waitFor();
    expect((await staffTicket(context.hall, largeDeposit.id)).identification).toMatchObject({
      classification: 'potential-vip',
      score: 10,
    });
    await screenshot(page, 'staff-teller-serving-zh');
    await page.keyboard.press('F4');
    await page.getByText('请客户在评价器上为本次服务评价').waitFor();
    await page.keyboard.press('Digit2'); // also a cash withdrawal (the second business type listed)
    await screenshot(page, 'staff-teller-finish-zh');
    await page.keyboard.press('Enter');
    await page.getByText(`${largeDeposit.number} 已办结`).waitFor();
    expect((await staffTicket(context.hall, largeDeposit.id)).businessDone.sort()).toEqual([
      'cash-deposit',
      'cash-withdrawal',
    ]);

    // 3: the customer does not come at once: recall is held back for the branch's recall delay, then F2.
    await page.keyboard.press('F1');
    await ticketCard(page).getByText(deposit.number).waitFor();
    await page.getByRole('button', { name: /重呼 \(\d+\)/ }).waitFor();
    await page.keyboard.press('F2');
    expect((await allEvents(context.hall)).events.filter((event) => event.type === 'ticket.recalled')).toHaveLength(0);
    context.hall.clock.advance(31);
    // Any event tells the screen the server's time (here a new customer at the kiosk).
    await context.hall.issue({ businessType: 'account-opening' });
    await page.getByRole('button', { name: '重呼 F2' }).waitFor();
    await page.keyboard.press('F2');
    await ticketCard(page).getByText('已重呼 1 次').waitFor();
    await page.keyboard.press('F3');
    await ticketCard(page).getByText('办理中').waitFor();
    await page.keyboard.press('F4');
    await page.keyboard.press('Enter');
    await page.getByText(`${deposit.number} 已办结`).waitFor();

    const served = await Promise.all(
      [withdrawal, largeDeposit, deposit].map((ticket) => staffTicket(context.hall, ticket.id)),
    );
    expect(served.map((ticket) => ticket.status)).toEqual(['done', 'done', 'done']);
    await page.locator('lf-teller-view .queue').getByText('暂无客户等候').first().waitFor();

    // Signing out frees the counter at once.
    await page.getByRole('button', { name: '退出' }).click();
    await page.getByRole('button', { name: '登录', exact: true }).waitFor();
    const counter1 = (
      await context.hall.http.get('/api/branches/demo/queue').set('Authorization', await context.hall.auth('lobby'))
    ).body.counters.find((candidate: { code: string }) => candidate.code === '1');
    expect(counter1.staff).toBeNull();
  });

  it("judges a known customer's value: assets on request (audited), a flag that keeps a VIP, a call-over", async () => {
    await context.hall.http
      .post('/api/branches/demo/customers/import')
      .set('Authorization', await context.hall.auth('admin'))
      .set('Content-Type', 'text/csv')
      .send(readFileSync(join(__dirname, '../fixtures/customers.csv'), 'utf8'))
      .expect(201);
    await context.hall.login('rm1'); // the customer's own RM, signed in and available
    const vip = await context.hall.issue({
      businessType: 'cash-withdrawal',
      amount: 30000,
      hasCard: true,
      customer: { idKind: 'card', idNumber: '6222021234567890123' },
    });
    const page = await signIn(context.browser, context.baseUrl, 'teller1');
    await page.getByText('按 F1 叫下一位客户').waitFor();
    await page.keyboard.press('F1');
    await page.locator('lf-teller-view .ticket').getByText(vip.number).waitFor();
    await page.keyboard.press('F3');
    const panel = page.locator('lf-value-panel');
    await panel.getByText('贵宾客户').first().waitFor();
    await panel.getByText('6222 **** **** 0123').waitFor();
    await panel.getByText('私人银行客户', { exact: true }).waitFor();
    await panel.getByRole('button', { name: '查询客户资产（记录审计）' }).click();
    await panel.getByText('650万元').waitFor();
    const audit = await context.hall.http
      .get('/api/branches/demo/audit')
      .set('Authorization', await context.hall.auth('admin'));
    expect(audit.body[0]).toMatchObject({
      action: 'profile.view',
      actorRole: 'teller',
      reason: `柜面价值判定，票号 ${vip.number}`,
    });

    await panel.getByLabel('大额活期闲置').check();
    await page.keyboard.press('Alt+S');
    await panel.getByText('记录识别信号：判定为贵宾客户').waitFor();
    expect((await staffTicket(context.hall, vip.id)).identification?.classification).toBe('vip');
    await page.keyboard.press('Alt+Y');
    await panel.locator('.referred', { hasText: '已转介给 周经理 (RM)（已通知）' }).waitFor();
    await screenshot(page, 'staff-teller-vip-zh');
    await page.keyboard.press('F4');
    await page.keyboard.press('Enter');
    await page.getByText(`${vip.number} 已办结`).waitFor();
    await page.getByRole('button', { name: '退出' }).click();
    await page.getByRole('button', { name: '登录', exact: true }).waitFor();
  });

  it('sends one call for a double click; transfers, parks, returns a ticket; pauses and resumes', async () => {
    const first = await context.hall.issue({ businessType: 'cash-deposit', amount: 30000, hasCard: false });
    const second = await context.hall.issue({ businessType: 'cash-deposit', amount: 40000, hasCard: false });
    const third = await context.hall.issue({ businessType: 'cash-withdrawal', amount: 40000, hasCard: false });
    const page = await signIn(context.browser, context.baseUrl, 'teller2');
    await page.getByText('按 F1 叫下一位客户').waitFor();
    const calls = async () =>
      (await allEvents(context.hall)).events.filter((event) => event.type === 'ticket.called').length;
    const before = await calls();
    await page.getByRole('button', { name: '叫下一位 F1' }).dblclick();
    await page.getByText(`已叫 ${first.number}`).waitFor();
    expect((await calls()) - before).toBe(1);

    // The customer needs the non-cash counter: transfer (Alt+T), the first queue offered is B (digit 1).
    await page.keyboard.press('Alt+T');
    await page.getByText(`转移 ${first.number}`).first().waitFor();
    await page.keyboard.press('Digit1');
    await page.locator('lf-teller-view .ticket').getByText('当前没有客户').waitFor();
    expect((await staffTicket(context.hall, first.id)).queue).toBe('B');

    // The next customer waits for the RM (park, Alt+K).
    await page.keyboard.press('F1');
    await page.locator('lf-teller-view .ticket').getByText(second.number).waitFor();
    await page.keyboard.press('Alt+K');
    await page.getByRole('button', { name: /周经理 \(RM\)/ }).click();
    await page.locator('lf-teller-view .ticket').getByText('当前没有客户').waitFor();
    expect((await staffTicket(context.hall, second.id)).status).toBe('parked');

    // The third stepped away: back to the queue (Alt+R), keeping the place.
    await page.keyboard.press('F1');
    await page.locator('lf-teller-view .ticket').getByText(third.number).waitFor();
    await page.keyboard.press('Alt+R');
    await page.locator('lf-teller-view .ticket').getByText('当前没有客户').waitFor();
    expect((await staffTicket(context.hall, third.id)).status).toBe('waiting');

    // A break: pause with a reason (Alt+P, then 1), no calls meanwhile; resume with Alt+P again.
    await page.keyboard.press('Alt+P');
    await page.getByText('暂停服务的原因').waitFor();
    await page.keyboard.press('Digit1');
    await page.getByText('暂停中：休息').waitFor();
    expect(await page.getByRole('button', { name: '叫下一位 F1' }).isDisabled()).toBe(true);
    await page.keyboard.press('Alt+P');
    await page.getByText('营业中').waitFor();
  });

  it('asks for the sign-in again when another session takes the counter over, and returns to the same counter', async () => {
    const page = await signIn(context.browser, context.baseUrl, 'teller4', { counter: '3' });
    await page.getByText('3号窗口').first().waitFor();
    // Someone signs in at counter 3 elsewhere and takes it over.
    await context.hall.http
      .post('/api/auth/login')
      .send({ username: 'teller3', password: 'demo1234', counter: '3', takeOver: true })
      .expect(200);
    await page.getByText('您的柜台 3 已由 刘柜员 (Teller 3) 接管。').waitFor();
    await screenshot(page, 'staff-session-ended-zh');
    // The username and the counter are kept: the password is enough to carry on (taking the counter back).
    expect(await page.getByLabel('用户名').last().inputValue()).toBe('teller4');
    expect(await page.getByLabel('柜台号（柜员、理财经理）').last().inputValue()).toBe('3');
    await page.getByLabel('密码').last().fill('demo1234');
    await page.getByRole('button', { name: '登录', exact: true }).last().click();
    await page.getByText('该柜台正在使用中').waitFor();
    await page.getByRole('button', { name: '接管柜台（对方将被登出）' }).click();
    await page.getByText('您的柜台 3 已由 刘柜员 (Teller 3) 接管。').waitFor({ state: 'detached' });
    await page.locator('lf-staff-header').getByText('3号窗口').waitFor();
    // The server agrees: counter 3 is held by teller4's new session.
    const counter = (
      await context.hall.http.get('/api/branches/demo/queue').set('Authorization', await context.hall.auth('lobby'))
    ).body.counters.find((candidate: { code: string }) => candidate.code === '3');
    expect(counter.staff.displayName).toBe('杨柜员 (Teller 4)');
  });

  it('calls a chosen ticket by its number, in English', async () => {
    const transfer = await context.hall.issue({ businessType: 'transfer', amount: 300000, hasCard: true });
    const page = await signIn(context.browser, context.baseUrl, 'teller5');
    await page.getByText('5号贵宾窗口').first().waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('Counter 5 (VIP)').first().waitFor();
    await page.keyboard.press('Alt+C');
    await page.getByLabel('Ticket number').fill(transfer.number.toLowerCase());
    await page.keyboard.press('Enter');
    await page.locator('lf-teller-view .ticket').getByText(transfer.number).waitFor();
    await page.keyboard.press('F3');
    await page.getByText('This usually takes about 6 minutes').waitFor();
    await page.locator('lf-value-panel').getByText('Potential VIP').first().waitFor();
    await screenshot(page, 'staff-teller-serving-en');
    await page.getByRole('button', { name: '中文' }).click();
  });

  it('keeps a teller out of the lobby view: the route is not offered and the server refuses its calls', async () => {
    const page = await signIn(context.browser, context.baseUrl, 'teller6', { hash: '#/lobby' });
    await page.getByText('「大堂」页面不对您的角色开放，已回到您的工作台。').waitFor();
    await page.locator('lf-teller-view').waitFor();
    expect(await page.locator('lf-lobby-view').count()).toBe(0);
    expect(page.url()).toMatch(/#\/counter$/);
    const auth = `Bearer ${await pageToken(page)}`;
    const ticket = await context.hall.issue({ businessType: 'account-opening' });
    expectError(await post(context.hall, auth, `/api/tickets/${ticket.id}/cancel`, {}), 403, 'FORBIDDEN');
    expectError(await context.hall.http.get('/api/referrals').set('Authorization', auth), 403, 'FORBIDDEN');
    expectError(
      await context.hall.http
        .post('/api/referrals')
        .set('Authorization', auth)
        .send({ signals: ['waiting-glance'], description: 'by the door', customerHasTime: true }),
      403,
      'FORBIDDEN',
    );
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { allEvents } from '../e2e/support/hall-helpers';
import { reportLatency } from '../e2e/support/live-clients';
import { screenshot, useBrowserHall } from './support/browser';

/** The real built kiosk in headless Chromium, portrait 1080x1920, against a real server. */
describe('the kiosk', () => {
  const context = useBrowserHall();

  async function kiosk(query = 'print=off'): Promise<Page> {
    const page = await context.browser.newPage({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
    await page.goto(`${context.baseUrl}/kiosk?${query}#key=${context.hall.kioskKey()}`);
    await page.getByRole('button', { name: '存款 / 取款' }).waitFor();
    return page;
  }

  async function diversions() {
    return (await allEvents(context.hall)).events.filter((event) => event.type === 'diversion.recorded');
  }

  it('sends a small deposit with a card to the machine when the customer accepts', async () => {
    const page = await kiosk();
    await screenshot(page, 'kiosk-home-zh');
    await page.getByRole('button', { name: '存款 / 取款' }).click();
    await page.getByRole('button', { name: '存款', exact: true }).click();
    await page.getByRole('button', { name: '有', exact: true }).click();
    await screenshot(page, 'kiosk-amount-zh');
    await page.getByRole('button', { name: '2万元 及以下' }).click();
    await page.getByText('请到自助存取款机办理').waitFor();
    await screenshot(page, 'kiosk-advice-zh');
    await page.getByRole('button', { name: '我去自助机办理' }).click();
    await page.getByText('谢谢！').waitFor();
    expect((await diversions()).at(-1)).toMatchObject({ outcome: 'accepted', businessType: 'cash-deposit' });
    const snapshot = await context.hall.http
      .get('/api/branches/demo/queue')
      .set('Authorization', context.hall.displayAuth());
    expect(snapshot.body.waiting).toEqual([]);
  });

  it('gives a customer who declines the machine a counter ticket with a QR code to the phone page', async () => {
    const page = await kiosk();
    await page.getByRole('button', { name: '存款 / 取款' }).click();
    await page.getByRole('button', { name: '取款', exact: true }).click();
    await page.getByRole('button', { name: '有', exact: true }).click();
    await page.getByRole('button', { name: '2万元 及以下' }).click();
    await page.getByRole('button', { name: '我仍要取号' }).click();
    await page.getByText('您的排队号').waitFor();
    await page.getByText('A001').waitFor();
    await page.getByText('请到现金柜台办理取款。').waitFor();
    await screenshot(page, 'kiosk-ticket-zh');
    expect((await diversions()).at(-1)).toMatchObject({ outcome: 'declined', businessType: 'cash-withdrawal' });
    const qr = await page.locator('lf-kiosk').locator('img[alt="QR"]').getAttribute('src');
    expect(qr).toMatch(/^data:image\/gif;base64,/);
  });

  it('gives a wealth enquiry an RM-queue ticket, in English', async () => {
    const page = await kiosk();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Wealth & investment' }).click();
    await screenshot(page, 'kiosk-choose-en');
    await page.getByRole('button', { name: 'Wealth & investment', exact: true }).click();
    await page.getByText('Your number').waitFor();
    await page.getByText('W001').waitFor();
    await screenshot(page, 'kiosk-ticket-en');
    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('button', { name: 'Deposit / withdraw' }).waitFor();
    await screenshot(page, 'kiosk-home-en');
    await page.getByRole('button', { name: '中文' }).click();
  });

  it('updates a display in another tab as a kiosk issues, without a reload', async () => {
    const display = await context.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await display.goto(`${context.baseUrl}/display#key=${context.hall.displayKey()}`);
    await display.getByText('非现金业务 B').waitFor();
    await display.getByText('等候 0 人').first().waitFor();
    const page = await kiosk();
    await page.getByRole('button', { name: '银行卡与账户' }).click();
    await page.getByRole('button', { name: '开户' }).click();
    await page.getByText('B001').waitFor();
    const issuedAt = Date.now();
    await display.locator('.queue', { hasText: '非现金业务 B' }).getByText('等候 1 人').waitFor();
    reportLatency('kiosk ticket on the display', issuedAt);
  });

  it('survives a server restart: says so plainly, then works again without a reload', async () => {
    const page = await context.browser.newPage({ viewport: { width: 1920, height: 1080 }, hasTouch: true });
    await page.goto(`${context.baseUrl}/kiosk?print=off#key=${context.hall.kioskKey()}`);
    await page.getByRole('button', { name: '对公业务' }).waitFor();
    await screenshot(page, 'kiosk-landscape-zh');
    const restarting = context.hall.restart(3);
    await page.getByText('系统暂时无法连接，请联系工作人员').waitFor({ timeout: 5000 });
    await screenshot(page, 'kiosk-offline-zh');
    await restarting;
    await page.getByText('系统暂时无法连接，请联系工作人员').waitFor({ state: 'detached', timeout: 15000 });
    await page.getByRole('button', { name: '对公业务' }).click();
    await page.getByText('C001').waitFor();
  });

  it('recognises a known private-banking customer from a swiped card and sends them to the VIP counter', async () => {
    await context.hall.http
      .post('/api/branches/demo/customers/import')
      .set('Authorization', await context.hall.auth('admin'))
      .set('Content-Type', 'text/csv')
      .send(readFileSync(join(__dirname, '../fixtures/customers.csv'), 'utf8'))
      .expect(201);
    const page = await kiosk();
    await page.getByRole('button', { name: '刷卡或输入手机号（可选）' }).click();
    await page.getByText('本机不保存您的卡号或手机号').waitFor();
    await screenshot(page, 'kiosk-identify-zh');
    // A keyboard-wedge card reader types the number and presses Enter.
    await page.locator('lf-kiosk').locator('#id-number').fill('6222021234567890123');
    await page.keyboard.press('Enter');
    await page.getByText('已录入，尾号 0123').waitFor();
    await page.getByRole('button', { name: '存款 / 取款' }).click();
    await page.getByRole('button', { name: '取款', exact: true }).click();
    await page.getByRole('button', { name: '有', exact: true }).click();
    await page.getByRole('button', { name: '2万元 – 5万元' }).click();
    await page.getByText('V001').waitFor();
    await page.getByText('请到5号贵宾窗口办理').waitFor();
    await page.getByRole('button', { name: '完成' }).click();
    // The next customer starts unidentified.
    await page.getByRole('button', { name: '刷卡或输入手机号（可选）' }).waitFor();
  });

  it('returns to the start when left idle', async () => {
    const page = await kiosk('print=off&idle=1');
    await page.getByRole('button', { name: '银行卡与账户' }).click();
    await page.getByText('请选择具体业务').waitFor();
    await page.getByText('请选择具体业务').waitFor({ state: 'detached', timeout: 5000 });
    await page.getByRole('button', { name: '存款 / 取款' }).waitFor();
  });
});

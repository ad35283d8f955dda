import { reportLatency } from '../e2e/support/live-clients';
import { screenshot, useBrowserHall } from './support/browser';

/**
 * The real built display board and phone page in headless Chromium against a real server: a teller's
 * call (made over the API) reaches both within a second, without a reload.
 */
describe('display board and phone ticket page', () => {
  const context = useBrowserHall();

  it('shows a teller call on the display and on the phone within a second, in both languages', async () => {
    const ticket = await context.hall.issue({ businessType: 'cash-deposit', amount: 80000, hasCard: true });
    await context.hall.issue({ businessType: 'account-opening' });
    await context.hall.issue({ businessType: 'wealth-enquiry' });

    const display = await context.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await display.goto(`${context.baseUrl}/display#key=${context.hall.displayKey()}`);
    await display.getByText('现金业务 A').waitFor();
    await display.getByText('等候 1 人').first().waitFor();

    const phone = await context.browser.newPage({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    await phone.goto(`${context.baseUrl}/t/${ticket.token}`);
    await phone.getByText(ticket.number).waitFor();
    await phone.getByText('下一位就是您').waitFor();

    const calledAt = Date.now();
    const called = await context.hall.callNext('teller1');
    expect(called?.id).toBe(ticket.id);
    // Pushed, not polled: both pages change without a reload (how fast is reported, not asserted).
    await display.locator('.calling .number', { hasText: ticket.number }).waitFor();
    reportLatency('teller call on the display', calledAt);
    await phone.getByText('请到 1号窗口 办理').waitFor();
    reportLatency('teller call on the phone page', calledAt);
    await screenshot(display, 'display-board');
    await screenshot(phone, 'phone-called-zh');

    await phone.getByRole('button', { name: 'English' }).click();
    await phone.getByText('Please go to Counter 1').waitFor();
    // Every visible string switched (the branch name comes from the server in both languages).
    // (The language button itself offers "中文" to switch back.)
    const visible = await phone.locator('lf-phone-ticket').evaluate((host) =>
      Array.from(host.shadowRoot?.children ?? [])
        .map((element) =>
          [...Array.from(element.querySelectorAll('*')), element]
            .filter((node) => !node.closest('.lang') && node.childNodes.length)
            .flatMap((node) =>
              Array.from(node.childNodes)
                .filter((child) => child.nodeType === 3)
                .map((child) => child.textContent),
            )
            .join(' '),
        )
        .join(' '),
    );
    expect(visible).not.toMatch(/[\u4e00-\u9fff]/);
    await screenshot(phone, 'phone-called-en');

    // A reload keeps the ticket (the token is in the address) and the language choice.
    await phone.reload();
    await phone.getByText('Please go to Counter 1').waitFor();
  });

  it('shows a queue an admin adds and renames, without a reload', async () => {
    const display = await context.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await display.goto(`${context.baseUrl}/display#key=${context.hall.displayKey()}`);
    await display.getByText('现金业务 A').waitFor();
    const admin = await context.hall.auth('admin');
    await context.hall.http
      .post('/api/branches/demo/admin/queues')
      .set('Authorization', admin)
      .send({ code: 'F', prefix: 'F', destination: 'cash-counter', name: { zh: '外币现金', en: 'Foreign cash' } })
      .expect(201);
    await display.getByText('外币现金 F').waitFor();
    // Eight queues: every card still on the screen, below the call.
    for (const [code, zh, en] of [
      ['G', '黄金业务', 'Gold'],
      ['H', '养老金', 'Pensions'],
    ]) {
      await context.hall.http
        .post('/api/branches/demo/admin/queues')
        .set('Authorization', admin)
        .send({ code, prefix: code, destination: 'cash-counter', name: { zh, en } })
        .expect(201);
    }
    await display.getByText('养老金 H').waitFor();
    const cards = await display
      .locator('lf-display-board .queue')
      .evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect().toJSON() as DOMRect));
    expect(cards.length).toBeGreaterThanOrEqual(8);
    const calling = await display.locator('lf-display-board section').first().boundingBox();
    for (const card of cards) {
      expect(card.right).toBeLessThanOrEqual(1920);
      expect(card.bottom).toBeLessThanOrEqual(1080);
      expect(card.top).toBeGreaterThanOrEqual((calling?.y ?? 0) + (calling?.height ?? 0));
    }
    await context.hall.http
      .patch('/api/branches/demo/admin/queues/F')
      .set('Authorization', admin)
      .send({ name: { zh: '外币兑换', en: 'Currency exchange' } })
      .expect(200);
    await display.getByText('外币兑换 F').waitFor();
    await display.getByText('外币现金 F').waitFor({ state: 'detached' });

    // A call made right after an admin's change, while the board reads its fresh snapshot, is still
    // shown as a call and listed among the recent ones.
    await context.hall.issue({ businessType: 'account-opening' });
    await context.hall.http
      .patch('/api/branches/demo/admin/queues/F')
      .set('Authorization', admin)
      .send({ name: { zh: '外币现金', en: 'Foreign cash' } })
      .expect(200);
    const called = await context.hall.callNext('teller4');
    const number = called?.number as string;
    expect(number).toMatch(/^B\d{3}$/);
    await display.locator('.calling .number', { hasText: number }).waitFor();
    await display.locator('ol li', { hasText: number }).waitFor();
    await display.close();
  });

  it('says plainly on the display when the key is missing', async () => {
    const page = await context.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${context.baseUrl}/display`);
    await page.getByText('此屏幕需要设备密钥').waitFor();
  });
});

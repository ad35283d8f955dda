import type { Page } from 'playwright-core';
import { screenshot, useBrowserHall } from './support/browser';
import { LOBBY_TABLET, pageErrors, signIn, staffTicket } from './support/staff-console';

/** A counter-top tablet in landscape. */
const PAD_SCREEN = { width: 1024, height: 640 };

/**
 * A rating bound to a visit, across four real screens: the teller asks (Alt+E), counter 4's rating pad
 * lights up with three buttons, the customer presses "dissatisfied", the lobby manager's alerts name the
 * counter and the teller, the teller sees the answer, and the report page draws the ratings by counter.
 */
describe('customer ratings on the counter pad', () => {
  const context = useBrowserHall();
  afterEach(() => expect(pageErrors.splice(0)).toEqual([]));

  async function openPad(counter: string): Promise<Page> {
    const page = await context.browser.newPage({ viewport: PAD_SCREEN, hasTouch: true });
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${context.baseUrl}/pad#key=${context.hall.ratingPadKey(counter)}`);
    return page;
  }

  it('asks, shows the buttons on the pad, alerts the lobby to a dissatisfied customer and tells the teller', async () => {
    const ticket = await context.hall.issue({ businessType: 'account-opening' }); // queue B: counter 4
    const pad = await openPad('4');
    await pad.getByText('欢迎光临').waitFor();
    await pad.getByText('演示支行 · 4号窗口').waitFor();
    const lobby = await signIn(context.browser, context.baseUrl, 'lobby', { viewport: LOBBY_TABLET, touch: true });
    await lobby.locator('lf-lobby-view').getByText('大堂').first().waitFor();
    const teller = await signIn(context.browser, context.baseUrl, 'teller4');
    const card = teller.locator('lf-teller-view .ticket');
    await teller.getByText('4号窗口').first().waitFor();
    await teller.locator('lf-teller-view .queue').getByText('1 人等候').waitFor();

    await teller.keyboard.press('F1');
    await card.getByText(ticket.number).waitFor();
    await teller.keyboard.press('F3');
    await card.getByText('办理中').waitFor();
    await card.getByRole('button', { name: /请客户评价/ }).waitFor();
    await teller.keyboard.press('Alt+E');
    await card.getByText(/评价器已亮起，等待客户评价/).waitFor();

    await pad.getByText('请您为本次服务评价').waitFor();
    await pad.getByText(`${ticket.number} 号`).waitFor();
    await pad.getByRole('button', { name: '基本满意' }).waitFor();
    await screenshot(pad, 'pad-ask-zh');
    await pad.getByRole('button', { name: 'English' }).tap();
    await pad.getByText('How was our service today?').waitFor();
    await screenshot(pad, 'pad-ask-en');

    await pad.getByRole('button', { name: 'Dissatisfied' }).tap();
    await pad.getByText('Thank you for your rating!').waitFor();
    await screenshot(pad, 'pad-thanks-en');
    expect((await staffTicket(context.hall, ticket.id)).rating).toMatchObject({
      counter: '4',
      grade: 'dissatisfied',
      source: 'pad',
    });

    await lobby
      .locator('lf-lobby-view .alerts')
      .getByText(`${ticket.number} 对 4号窗口（杨柜员 (Teller 4)）的服务不满意，请您关注`)
      .waitFor();
    await screenshot(lobby, 'staff-lobby-rating-alert-zh');
    await card.getByText('客户评价：不满意').waitFor();
    await teller.keyboard.press('F4');
    await teller.keyboard.press('Enter');
    await teller.getByText(`${ticket.number} 已办结`).waitFor();
    // One request per visit: the finished visit keeps its answer and offers no second request.
    await teller.locator('lf-teller-view .ticket').getByText('客户评价：不满意').waitFor();
    await Promise.all([pad.close(), lobby.close(), teller.close()]);
  });

  it('draws the ratings by counter on the report page', async () => {
    const page = await signIn(context.browser, context.baseUrl, 'admin', { hash: '#/reports' });
    const view = page.locator('lf-reports-view');
    const ratings = view.locator('[data-figure="ratings"]');
    await ratings.getByText('客户满意率').waitFor();
    await ratings.getByText('满意 0 · 基本满意 0 · 不满意 1（共 1 条评价，邀请 1 次）').waitFor();
    await page.waitForFunction(() => {
      const reports = document.querySelector('lf-staff-app')?.shadowRoot?.querySelector('lf-reports-view');
      const chart = reports?.shadowRoot?.querySelector('lf-kpi-chart.ratings')?.shadowRoot?.querySelector('canvas');
      return !!chart && chart.width > 100 && chart.height > 100;
    });
    await view.locator('lf-kpi-chart.ratings').scrollIntoViewIfNeeded();
    await screenshot(page, 'staff-reports-ratings-zh');
    await page.close();
  });
});

import { allEvents } from '../e2e/support/hall-helpers';
import { screenshot, useBrowserHall } from './support/browser';
import { LOBBY_TABLET, signIn, staffTicket, pageErrors } from './support/staff-console';

/** The lobby manager's hall (teller-ui at /staff, tablet 1024x768, touch) against a real server. */
describe('the staff console: lobby manager', () => {
  const context = useBrowserHall();
  afterEach(() => expect(pageErrors.splice(0)).toEqual([]));

  it('sees the waiting customers, flags one as a potential VIP, calls an RM over and cancels another', async () => {
    await context.hall.login('rm1'); // an RM signed in is available for call-overs
    const cards = await context.hall.issue({ businessType: 'card-service' });
    const deposit = await context.hall.issue({ businessType: 'cash-deposit', amount: 80000, hasCard: true });
    const opening = await context.hall.issue({ businessType: 'account-opening' });
    await context.hall.issue({ businessType: 'wealth-enquiry' });

    const page = await signIn(context.browser, context.baseUrl, 'lobby', { viewport: LOBBY_TABLET, touch: true });
    await page.getByText('等候客户（4）').waitFor();
    const row = (number: string) => page.locator('lf-lobby-view .waiting li', { hasText: number });
    await row(deposit.number).getByText('潜在贵宾').waitFor();
    await row(cards.number).getByText('银行卡与账户服务').waitFor();
    await page.getByText('周经理 (RM) · 空闲').waitFor();

    // Flag: the customer with the card business reads the wealth leaflets in detail and looked notable on entry.
    await row(cards.number).tap();
    const sheet = page.locator('lf-ticket-sheet');
    await sheet.getByText('观察到的信号').waitFor();
    await sheet.getByLabel('驻足详细阅读理财资料').check();
    await sheet.getByLabel('进门观察：衣着举止谈吐有特点').check();
    await sheet.getByText('含勾选项的预估，尚未记录').waitFor();
    await sheet.getByText('评分 5 / 5').waitFor();
    await screenshot(page, 'staff-lobby-ticket-zh');
    await sheet.getByRole('button', { name: '记录信号' }).tap();
    await sheet.getByText('记录信号 B001：判定为潜在贵宾').waitFor();
    expect((await staffTicket(context.hall, cards.id)).identification).toMatchObject({
      classification: 'potential-vip',
      score: 5,
    });
    await row(cards.number).getByText('潜在贵宾').waitFor();

    // The customer has time: the RM is called over, and the referral board shows it live.
    await sheet.getByPlaceholder('给理财经理的话（可选）').fill('靠窗沙发，灰色西装');
    await sheet.getByRole('button', { name: '有时间：请理财经理过来' }).tap();
    await sheet.getByText(`${cards.number} 已转介给 周经理 (RM)`).waitFor();
    await sheet.getByRole('button', { name: '关闭' }).tap();
    const board = page.locator('lf-referral-board');
    await board.locator('li', { hasText: cards.number }).getByText('已通知').waitFor();
    await board.getByText('“靠窗沙发，灰色西装”').waitFor();

    // Cancel: the customer who came to open an account left; two taps, so that a slip does not cancel.
    await row(opening.number).tap();
    await sheet.getByRole('button', { name: '取消票号' }).tap();
    await sheet.getByRole('button', { name: `确认取消 ${opening.number}` }).tap();
    await row(opening.number).waitFor({ state: 'detached' });
    await page.getByText('等候客户（3）').waitFor();
    expect((await staffTicket(context.hall, opening.id)).status).toBe('cancelled');
  });

  it('raises alerts for a queue beyond the service level and a call-over nobody answered', async () => {
    // The escalation job runs when this test says: on its 5 s timer it could pass the call-over on before
    // the screen showed it unanswered.
    const jobs = context.hall.runJobsByHand();
    const page = await signIn(context.browser, context.baseUrl, 'lobby', { viewport: LOBBY_TABLET, touch: true });
    await page.getByText('等候客户（3）').waitFor();
    // Eleven minutes later (the demo service level is 10) and past the RM's 60 s to answer.
    context.hall.clock.advance(11 * 60);
    await context.hall.issue({ businessType: 'bill-payment' });
    await page.getByText(/非现金业务 B 最长已等 1[01] 分钟，超过服务标准 10 分钟/).waitFor();
    await page.getByText('B001：周经理 (RM) 已 11分钟 未应答转介').waitFor();
    await screenshot(page, 'staff-lobby-hall-zh');
    // The escalation passes it to the next RM, and the alert says so.
    expect(await jobs.tick('callover-escalation')).toBe(true);
    await page.getByText(/B001：周经理 \(RM\) 未接，已转给 /).waitFor();
    await page.getByText('B001：周经理 (RM) 已 11分钟 未应答转介').waitFor({ state: 'detached' });
    // An alert the manager has seen to can be put away; the others stay.
    const alerts = page.locator('lf-lobby-view .alert');
    const shown = await alerts.count();
    await alerts.first().getByRole('button', { name: '知道了' }).tap();
    await page.waitForFunction(
      (expected) =>
        document
          .querySelector('lf-staff-app')
          ?.shadowRoot?.querySelector('lf-lobby-view')
          ?.shadowRoot?.querySelectorAll('.alert').length === expected,
      shown - 1,
    );
    await page.getByRole('button', { name: 'English' }).tap();
    await page.getByText(/Waiting customers \(4\)/).waitFor();
    await screenshot(page, 'staff-lobby-hall-en');
    await page.getByRole('button', { name: '中文' }).tap();
  });

  it("follows an admin's change of the service level without a reload", async () => {
    const page = await signIn(context.browser, context.baseUrl, 'lobby', { viewport: LOBBY_TABLET, touch: true });
    const overLevel = page.getByText(/非现金业务 B 最长已等 1[01] 分钟，超过服务标准 10 分钟/);
    await overLevel.waitFor();
    const serviceLevel = async (minutes: number) =>
      context.hall.http
        .patch('/api/branches/demo/admin/settings')
        .set('Authorization', await context.hall.auth('admin'))
        .send({ serviceLevelMinutes: minutes })
        .expect(200);
    // Fifteen minutes: an eleven-minute wait is within it, and the alert goes.
    await serviceLevel(15);
    await overLevel.waitFor({ state: 'detached' });
    await serviceLevel(10);
    await overLevel.waitFor();
  });

  it('refers a walk-in without a ticket who has no time: a follow-up for an RM', async () => {
    const page = await signIn(context.browser, context.baseUrl, 'lobby', { viewport: LOBBY_TABLET, touch: true });
    await page.getByRole('button', { name: '登记未取号客户' }).tap();
    const dialog = page.locator('lf-walk-in-dialog');
    await dialog.getByLabel('浏览外汇牌价或基金净值').check();
    await dialog.getByLabel('客户描述（位置、特征）').fill('外汇牌价屏前，戴眼镜的先生');
    await dialog.getByRole('button', { name: '没时间：递贵宾体验卡' }).tap();
    await dialog.getByText(/未取号客户 已转介给/).waitFor();
    const referrals = await context.hall.http
      .get('/api/referrals')
      .set('Authorization', await context.hall.auth('lobby'));
    const walkIn = (referrals.body as { walkIn: string | null; status: string }[]).find(
      (referral) => referral.walkIn === '外汇牌价屏前，戴眼镜的先生',
    );
    expect(walkIn?.status).toBe('follow-up');
    await dialog.getByRole('button', { name: '关闭' }).tap();
    await page.locator('lf-referral-board').getByText('外汇牌价屏前，戴眼镜的先生').waitFor();
  });

  it("shows the server's refusal of a walk-in when the branch has no RM to refer to", async () => {
    const staff = '/api/branches/demo/admin/staff';
    const admin = await context.hall.auth('admin');
    const accounts = (await context.hall.http.get(staff).set('Authorization', admin).expect(200)).body as {
      id: string;
      role: string;
    }[];
    const rms = accounts.filter((account) => account.role === 'rm');
    expect(rms.length).toBeGreaterThan(0);
    const setActive = (action: 'deactivate' | 'reactivate') =>
      Promise.all(
        rms.map((rm) => context.hall.http.post(`${staff}/${rm.id}/${action}`).set('Authorization', admin).expect(200)),
      );
    await setActive('deactivate');
    try {
      const page = await signIn(context.browser, context.baseUrl, 'lobby', { viewport: LOBBY_TABLET, touch: true });
      const dialog = page.locator('lf-walk-in-dialog');
      const refusal = dialog.locator('.status-line.failed');
      const referWalkIn = async (labels: { open: string; signal: string; who: string; noTime: string }) => {
        await page.getByRole('button', { name: labels.open }).tap();
        await dialog.getByLabel(labels.signal).check();
        await dialog.getByLabel(labels.who).fill('门口，拿着公文包的女士');
        await dialog.getByRole('button', { name: labels.noTime }).tap();
      };
      await referWalkIn({
        open: '登记未取号客户',
        signal: '浏览外汇牌价或基金净值',
        who: '客户描述（位置、特征）',
        noTime: '没时间：递贵宾体验卡',
      });
      // The refusal in the screen's words, the server's own sentence under it, and the code.
      await refusal.getByText('转介失败：找不到相应的员工（例如本网点没有可转介的理财经理）。').waitFor();
      await refusal.locator('.detail').getByText('This branch has no relationship manager to call over.').waitFor();
      await refusal.getByText('STAFF_NOT_FOUND').waitFor();
      await screenshot(page, 'staff-lobby-walk-in-refused-zh');
      // The referral board still names the RM who did not answer B001, though the account is off now.
      await dialog.getByRole('button', { name: '关闭' }).tap();
      await page.locator('lf-referral-board li', { hasText: 'B001' }).getByText('未接：周经理 (RM)').waitFor();

      // On an English screen the server's sentence is the message itself.
      await page.getByRole('button', { name: 'English' }).tap();
      await referWalkIn({
        open: 'Walk-in referral',
        signal: 'Browsed FX rates or fund NAVs',
        who: 'Who and where (appearance, where they are)',
        noTime: 'No: hand a VIP experience card',
      });
      await refusal.getByText('Refer failed: This branch has no relationship manager to call over.').waitFor();
      expect(await refusal.locator('.detail').count()).toBe(0);
      await dialog.getByRole('button', { name: 'Close' }).tap();
      await page.getByRole('button', { name: '中文' }).tap();
    } finally {
      await setActive('reactivate');
    }
  });

  it('moves a ticket to another queue, and sends a customer with a card to the machines', async () => {
    const fx = await context.hall.issue({ businessType: 'fx' });
    const withdrawal = await context.hall.issue({
      businessType: 'cash-withdrawal',
      amount: 5000,
      hasCard: true,
      declinedAdvice: true,
    });
    const page = await signIn(context.browser, context.baseUrl, 'lobby', { viewport: LOBBY_TABLET, touch: true });
    const row = (number: string) => page.locator('lf-lobby-view .waiting li', { hasText: number });
    const sheet = page.locator('lf-ticket-sheet');

    await row(fx.number).tap();
    await sheet.getByRole('button', { name: '对公业务 C' }).tap();
    await sheet.waitFor({ state: 'detached' });
    expect((await staffTicket(context.hall, fx.id)).queue).toBe('C');

    // The customer agreed to use the cash machine after all: the advice first, then the ticket goes.
    await row(withdrawal.number).tap();
    await sheet.getByRole('button', { name: '查看自助办理建议' }).tap();
    await sheet.getByText('请到自助存取款机办理').waitFor();
    await sheet.getByRole('radio', { name: '客户愿意使用自助设备' }).tap();
    await sheet.getByRole('button', { name: '客户同意去自助机：取消票号' }).tap();
    await row(withdrawal.number).waitFor({ state: 'detached' });
    expect((await staffTicket(context.hall, withdrawal.id)).status).toBe('cancelled');
    const diversions = (await allEvents(context.hall)).events.filter((event) => event.type === 'diversion.recorded');
    expect(diversions.at(-1)).toMatchObject({
      businessType: 'cash-withdrawal',
      outcome: 'redirected',
      reason: '客户愿意使用自助设备',
    });
  });

  it('follows the hall again after the server restarts, without a reload', async () => {
    const page = await signIn(context.browser, context.baseUrl, 'lobby', { viewport: LOBBY_TABLET, touch: true });
    const count = async () => Number((await page.getByText(/等候客户（\d+）/).textContent())?.match(/\d+/)?.[0]);
    await page.getByText(/等候客户（\d+）/).waitFor();
    const before = await count();
    const restarting = context.hall.restart(2);
    await page.getByText('与服务器的连接中断，正在重新连接').waitFor();
    await restarting;
    await page.getByText('与服务器的连接中断，正在重新连接').waitFor({ state: 'detached', timeout: 15_000 });
    const ticket = await context.hall.issue({ businessType: 'transfer', amount: 300000, hasCard: true });
    await page.locator('lf-lobby-view .waiting li', { hasText: ticket.number }).waitFor();
    expect(await count()).toBe(before + 1);
  });
});

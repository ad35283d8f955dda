import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReferralView } from '@lobbyflow/contracts';
import { addDays } from '@lobbyflow/domain';
import type { Page } from 'playwright-core';
import { ReferralsService } from '../../apps/server/src/referrals/referrals.service';
import { expectError, post, staffSnapshot } from '../e2e/support/hall-helpers';
import { reportLatency } from '../e2e/support/live-clients';
import { screenshot, useBrowserHall } from './support/browser';
import { LOBBY_TABLET, TELLER_SCREEN, pageErrors, pageToken, signIn, staffTicket } from './support/staff-console';

/** Counts the notes of the call-over chime: each note is one oscillator of the page's Web Audio. */
async function countChimeNotes(page: Page): Promise<void> {
  await page.evaluate(() => {
    const scope = window as unknown as { chimeNotes: number };
    scope.chimeNotes = 0;
    const create = AudioContext.prototype.createOscillator;
    AudioContext.prototype.createOscillator = function (this: AudioContext) {
      scope.chimeNotes += 1;
      return create.call(this);
    };
  });
}

const chimeNotes = (page: Page) => page.evaluate(() => (window as unknown as { chimeNotes: number }).chimeNotes);

/** A browser with no sound at all (no Web Audio): the RM console must work the same, silently. */
async function removeAudio(page: Page): Promise<void> {
  await page.evaluate(() => {
    Reflect.deleteProperty(window, 'AudioContext');
    Reflect.deleteProperty(window, 'webkitAudioContext');
  });
}

/**
 * The relationship manager's console (teller-ui at /staff, #/rm) against a real server, with the teller
 * and the lobby manager whose referrals reach it; and the lobby's re-diversion seen on the public screens.
 */
describe('the staff console: relationship manager', () => {
  const context = useBrowserHall();
  afterEach(() => expect(pageErrors.splice(0)).toEqual([]));

  it("takes a teller's call-over: chime and alert, coming, met, outcome graded B; the follow-up is due in 7 days", async () => {
    const transfer = await context.hall.issue({ businessType: 'transfer', amount: 300000, hasCard: true });
    const rm = await signIn(context.browser, context.baseUrl, 'rm1', { viewport: TELLER_SCREEN });
    const desk = rm.locator('lf-rm-view');
    await desk.getByText('暂无转介。有客户需要您时，这里会响铃并显示提醒。').waitFor();
    await desk.getByRole('button', { name: '空闲' }).and(rm.locator('[aria-pressed="true"]')).waitFor();
    await countChimeNotes(rm);

    // The teller serves the large transfer, ticks what the slip says and calls the RM over.
    const teller = await signIn(context.browser, context.baseUrl, 'teller5');
    await teller.getByText('按 F1 叫下一位客户').waitFor();
    await teller.keyboard.press('F1');
    await teller.locator('lf-teller-view .ticket').getByText(transfer.number).waitFor();
    await teller.keyboard.press('F3');
    const panel = teller.locator('lf-value-panel');
    await panel.getByText('潜在贵宾').first().waitFor();
    await panel.getByLabel('业务凭单：大额或理财产品').check();
    await teller.keyboard.press('Alt+S');
    await panel.getByText('记录识别信号：判定为潜在贵宾').waitFor();
    await panel.getByPlaceholder('给理财经理的话（可选）').fill('客户有半小时，想了解稳健理财');
    const referredAt = Date.now();
    await panel.getByRole('button', { name: /有时间：请理财经理过来/ }).click();

    // The RM's screen rings and shows who, where, why and how to open, without a reload.
    const card = rm.locator('lf-callover-card', { hasText: transfer.number });
    await card.getByText('新转介，请应答').waitFor();
    reportLatency('teller call-over on the RM console', referredAt);
    await card.getByText('正在 5号贵宾窗口 办理业务').waitFor();
    await card.getByText('大额转账汇款', { exact: true }).waitFor();
    await card.getByText('业务凭单：大额或理财产品', { exact: true }).waitFor();
    await card.getByText('“客户有半小时，想了解稳健理财”').waitFor();
    await card.getByText('潜在贵宾').waitFor();
    await card.getByText(/评分 9 \/ 5/).waitFor();
    await card.getByText(/秒内未应答将转给其他理财经理/).waitFor();
    await card.getByText('建议开场白').waitFor();
    expect(await chimeNotes(rm)).toBeGreaterThan(0);
    await screenshot(rm, 'staff-rm-callover-zh');

    // Coming: the RM is with the customer now, then meets them and records the outcome.
    await card.getByRole('button', { name: '马上过来' }).click();
    await card.getByText('您已答应马上过去').waitFor();
    await desk.getByRole('button', { name: '接待中' }).and(rm.locator('[aria-pressed="true"]')).waitFor();
    await card.getByRole('button', { name: '已见到客户' }).click();
    await card.getByText(/面谈中/).waitFor();
    await card.getByRole('radio', { name: '有意向' }).check();
    await card.getByRole('radio', { name: 'B 级：预计3个月内成交，每周跟进' }).check();
    const businessDay = (await staffSnapshot(context.hall)).businessDay;
    const due = addDays(businessDay, 7);
    const dueText = `${Number(due.slice(5, 7))}月${Number(due.slice(8, 10))}日`;
    await card.getByText(`下次联系 ${dueText}（7 天后）`).waitFor();
    await card.getByLabel('讨论的产品').fill('稳健理财，大额存单');
    await screenshot(rm, 'staff-rm-outcome-zh');
    await card.getByRole('button', { name: '记录面谈结果' }).click();
    await card.waitFor({ state: 'detached' });
    await desk.getByText(`${transfer.number}：B 级，下次联系 ${dueText}（7 天后）`).waitFor();
    await desk.getByRole('button', { name: '空闲' }).and(rm.locator('[aria-pressed="true"]')).waitFor();

    // The follow-up list shows it, due in 7 days, with the products; the server agrees.
    const followUp = rm.locator('lf-follow-up-list li', { hasText: transfer.number });
    await followUp.getByText('7 天后').waitFor();
    await followUp.getByText('大额存单').waitFor();
    const auth = `Bearer ${await pageToken(rm)}`;
    const followUps = (await context.hall.http.get('/api/follow-ups').set('Authorization', auth).expect(200))
      .body as ReferralView[];
    expect(followUps.find((referral) => referral.ticketNumber === transfer.number)).toMatchObject({
      status: 'follow-up',
      outcome: 'interested',
      grade: 'B',
      nextContactOn: due,
      products: ['稳健理财', '大额存单'],
    });

    // A later phone call in English: graded A, the customer is due tomorrow.
    await rm.getByRole('button', { name: 'English' }).click();
    await followUp.getByRole('button', { name: 'Record a contact' }).click();
    await followUp.getByRole('radio', { name: 'Phone' }).check();
    await followUp.getByRole('radio', { name: 'Grade A: Expected to convert within a month: daily' }).check();
    await followUp.getByRole('radio', { name: 'Interested', exact: true }).check();
    await followUp.getByLabel('Note (optional)').fill('Wants the fund factsheet');
    await screenshot(rm, 'staff-rm-contact-en');
    await followUp.getByRole('button', { name: 'Record the contact' }).click();
    await followUp.getByText('tomorrow').waitFor();
    await followUp.getByText('“Wants the fund factsheet”').waitFor();
    await screenshot(rm, 'staff-rm-followups-en');
    const regraded = (await context.hall.http.get('/api/follow-ups').set('Authorization', auth).expect(200))
      .body as ReferralView[];
    expect(regraded.find((referral) => referral.ticketNumber === transfer.number)).toMatchObject({
      grade: 'A',
      nextContactOn: addDays(businessDay, 1),
      contacts: [expect.objectContaining({ channel: 'phone', grade: 'A', outcome: 'interested' })],
    });
    await rm.getByRole('button', { name: '中文' }).click();

    // Both sign out: the RM is away, the teller's counter and the RM's desk are free for the next tests.
    await teller.keyboard.press('F4');
    await teller.keyboard.press('Enter');
    await teller.getByText(`${transfer.number} 已办结`).waitFor();
    await teller.getByRole('button', { name: '退出' }).click();
    await rm.getByRole('button', { name: '退出' }).click();
    await rm.getByRole('button', { name: '登录', exact: true }).waitFor();
    expect((await staffSnapshot(context.hall)).rms.find((entry) => entry.displayName === '周经理 (RM)')?.presence).toBe(
      'away',
    );
  });

  it('re-diverts a waiting small deposit to self-service: the display and the kiosk count one fewer', async () => {
    const deposit = await context.hall.issue({
      businessType: 'cash-deposit',
      amount: 5000,
      hasCard: true,
      declinedAdvice: true,
    });
    const cashQueue = (await staffSnapshot(context.hall)).queues.find((queue) => queue.code === 'A');
    expect(cashQueue?.waiting).toBe(1);

    const display = await context.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await display.goto(`${context.baseUrl}/display#key=${context.hall.displayKey()}`);
    const displayCash = display.locator('.queue', { hasText: '现金业务 A' });
    await displayCash.getByText('等候 1 人').waitFor();
    const kiosk = await context.browser.newPage({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
    await kiosk.goto(`${context.baseUrl}/kiosk?print=off#key=${context.hall.kioskKey()}`);
    const kioskCash = kiosk.locator('lf-kiosk .queues span', { hasText: '现金业务 A' });
    await kioskCash.getByText(/约 \d+ 分钟/).waitFor();

    const lobby = await signIn(context.browser, context.baseUrl, 'lobby', { viewport: LOBBY_TABLET, touch: true });
    await lobby.locator('lf-lobby-view .waiting li', { hasText: deposit.number }).tap();
    const sheet = lobby.locator('lf-ticket-sheet');
    await sheet.getByRole('button', { name: '查看自助办理建议' }).tap();
    await sheet.getByText(/自助存取款机/).waitFor();
    await sheet.getByRole('radio', { name: '金额较小，可自助办理' }).tap();
    const redivertedAt = Date.now();
    await sheet.getByRole('button', { name: '客户同意去自助机：取消票号' }).tap();
    await lobby.locator('lf-lobby-view .waiting li', { hasText: deposit.number }).waitFor({ state: 'detached' });

    await displayCash.getByText('等候 0 人').waitFor();
    reportLatency('re-diversion on the display', redivertedAt);
    await kioskCash.getByText('无需等候').waitFor();
    reportLatency('re-diversion on the kiosk', redivertedAt);
    expect((await staffTicket(context.hall, deposit.id)).status).toBe('cancelled');
  });

  it('shows the staffing hints in the lobby in the server words, and lets the manager put one away', async () => {
    // Three companies wait for the corporate counter, which nobody has opened: far beyond the service level.
    for (let company = 0; company < 3; company += 1) await context.hall.issue({ businessType: 'corporate' });
    const hints = (
      await context.hall.http
        .get('/api/branches/demo/staffing-hints')
        .set('Authorization', await context.hall.auth('lobby'))
        .expect(200)
    ).body as { kind: string; text: { zh: string; en: string } }[];
    const openCounter = hints.find((hint) => hint.kind === 'open-counter');
    expect(openCounter).toBeDefined();
    const lobby = await signIn(context.browser, context.baseUrl, 'lobby', { viewport: LOBBY_TABLET, touch: true });
    const line = lobby.locator('lf-staffing-hints');
    await line.getByText(openCounter!.text.zh).waitFor();
    await screenshot(lobby, 'staff-rm-lobby-hints-zh');
    await line.locator('.hint', { hasText: openCounter!.text.zh }).getByRole('button', { name: '知道了' }).tap();
    await line.getByText(openCounter!.text.zh).waitFor({ state: 'detached' });
  });

  it('keeps a teller out of the RM view: the route is not offered and the server refuses RM-only calls', async () => {
    const page = await signIn(context.browser, context.baseUrl, 'teller2', { hash: '#/rm' });
    await page.getByText('「理财经理」页面不对您的角色开放，已回到您的工作台。').waitFor();
    await page.locator('lf-teller-view').waitFor();
    expect(await page.locator('lf-rm-view').count()).toBe(0);
    expect(await page.locator('a[href="#/rm"]').count()).toBe(0);
    expect(page.url()).toMatch(/#\/counter$/);

    const auth = `Bearer ${await pageToken(page)}`;
    const referrals = await context.hall.http
      .get('/api/referrals')
      .set('Authorization', await context.hall.auth('lobby'));
    const referral = (referrals.body as ReferralView[])[0];
    expectError(
      await post(context.hall, auth, `/api/referrals/${referral.id}/respond`, { response: 'coming' }),
      403,
      'FORBIDDEN',
    );
    expectError(await post(context.hall, auth, `/api/referrals/${referral.id}/meet`, {}), 403, 'FORBIDDEN');
    expectError(
      await post(context.hall, auth, `/api/referrals/${referral.id}/contacts`, { channel: 'phone', grade: 'B' }),
      403,
      'FORBIDDEN',
    );
    expectError(await context.hall.http.get('/api/follow-ups').set('Authorization', auth), 403, 'FORBIDDEN');
    expectError(
      await context.hall.http.put('/api/rms/me/presence').set('Authorization', auth).send({ presence: 'available' }),
      403,
      'FORBIDDEN',
    );
    await page.getByRole('button', { name: '退出' }).click();
  });

  it("passes a call-over an RM does not answer to the next RM, silently where there is no audio; shows a known customer's assets (audited)", async () => {
    // The escalation runs when this test says, not on its 5 s timer (which could run it first).
    context.hall.runJobsByHand();
    await context.hall.http
      .post('/api/branches/demo/customers/import')
      .set('Authorization', await context.hall.auth('admin'))
      .set('Content-Type', 'text/csv')
      .send(readFileSync(join(__dirname, '../fixtures/customers.csv'), 'utf8'))
      .expect(201);
    const fx = await context.hall.issue({
      businessType: 'fx',
      customer: { idKind: 'card', idNumber: '6222029876543210' },
    });
    // Mr Chen's own RM works on a tablet whose browser has no sound; the other RM at a desktop.
    const own = await signIn(context.browser, context.baseUrl, 'rm2', { viewport: LOBBY_TABLET, touch: true });
    await removeAudio(own);
    const other = await signIn(context.browser, context.baseUrl, 'rm1', { viewport: TELLER_SCREEN });
    await other.locator('lf-rm-view').getByText('暂无转介。有客户需要您时，这里会响铃并显示提醒。').waitFor();

    await post(context.hall, await context.hall.auth('lobby'), `/api/tickets/${fx.id}/callover`, {
      customerHasTime: true,
      note: '贵宾室沙发',
    });
    const ownCard = own.locator('lf-callover-card', { hasText: fx.number });
    await ownCard.getByText('新转介，请应答').waitFor();
    await ownCard.getByText('在等候区排队（理财咨询 W）').waitFor();
    await ownCard.getByText('陈先生').waitFor();
    await ownCard.getByText('6222 **** **** 3210').waitFor();
    await ownCard.getByText('“贵宾室沙发”').waitFor();
    await ownCard.getByRole('button', { name: '查询客户资产（记录审计）' }).tap();
    await ownCard.getByText('120万元').waitFor();
    await screenshot(own, 'staff-rm-tablet-zh');
    const audit = await context.hall.http
      .get('/api/branches/demo/audit')
      .set('Authorization', await context.hall.auth('admin'));
    expect(audit.body[0]).toMatchObject({
      action: 'profile.view',
      actorRole: 'rm',
      reason: `理财经理接待转介客户 ${fx.number}`,
    });

    // Nobody answered within the branch's 60 seconds: the call-over moves on to the other RM.
    context.hall.clock.advance(61);
    expect(await context.hall.app.get(ReferralsService).escalateAll()).toBeGreaterThanOrEqual(1);
    await own.getByText(`${fx.number} 的转介未及时应答，已转给其他理财经理。`).waitFor();
    await ownCard.waitFor({ state: 'detached' });
    const otherCard = other.locator('lf-callover-card', { hasText: fx.number });
    await otherCard.getByText('新转介，请应答').waitFor();
    await other.getByRole('button', { name: 'English' }).click();
    await otherCard.getByText('New call-over — please answer').waitFor();
    await otherCard.getByText('Waiting in the hall (Wealth W)').waitFor();
    await screenshot(other, 'staff-rm-callover-en');
    await other.getByRole('button', { name: '中文' }).click();

    // The other RM cannot come either: with nobody left, the lobby manager arranges it.
    await otherCard.getByRole('button', { name: '无法接待' }).click();
    await otherCard.getByRole('button', { name: '正在接待其他客户' }).click();
    await otherCard.getByRole('button', { name: '确认无法接待' }).click();
    await other.getByText(`${fx.number}：没有其他理财经理能接待，已交回大堂经理安排。`).waitFor();
    await otherCard.waitFor({ state: 'detached' });
    const lobbyView = (
      await context.hall.http.get('/api/referrals').set('Authorization', await context.hall.auth('lobby'))
    ).body as ReferralView[];
    expect(lobbyView.find((referral) => referral.ticketNumber === fx.number)).toMatchObject({
      status: 'declined',
      declineReason: '正在接待其他客户',
    });
  });
});

import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { KpiReport } from '@lobbyflow/contracts';
import { screenshot, useBrowserHall } from './support/browser';
import { LOBBY_TABLET, pageErrors, signIn } from './support/staff-console';

/**
 * The report page (teller-ui at /staff, #/reports) after a scripted morning at the demo branch: the
 * figures the page shows are the ones the server computed, the charts are drawn, the CSV downloads.
 */
describe('the staff console: reports', () => {
  const context = useBrowserHall();
  afterEach(() => expect(pageErrors.splice(0)).toEqual([]));

  /** Moves the hall's clock to a Shanghai time of the test's Monday (2026-11-23). */
  const at = (time: string) => context.hall.clock.set(`2026-11-23T${time}+08:00`);

  /** Calls a ticket at the teller's counter, starts it, and finishes it `minutes` later. */
  async function serve(teller: string, ticketId: string, minutes: number) {
    await context.hall.act(teller, ticketId, 'call');
    await context.hall.act(teller, ticketId, 'start');
    context.hall.clock.advance(minutes * 60);
    await context.hall.act(teller, ticketId, 'finish');
  }

  /**
   * The morning: five tickets in two hours, four served, one no-show; waits of 4, 9, 12, 7 and 8 minutes (after a recall the last call counts)
   * (one over the 10-minute service level); one customer took the machine; the large deposit was referred
   * to an RM who met the customer and converted.
   */
  beforeAll(async () => {
    const hall = context.hall;
    at('09:00:00');
    await hall.login('rm1'); // signed in: available for a call-over
    const withdrawal = await hall.issue({ businessType: 'cash-withdrawal', amount: 30000, hasCard: true });
    const deposit = await hall.issue({ businessType: 'cash-deposit', amount: 80000, hasCard: true });
    const opening = await hall.issue({ businessType: 'account-opening' });
    await hall.http
      .post('/api/branches/demo/diversions')
      .set('Authorization', hall.kioskAuth())
      .set('Idempotency-Key', 'reports-morning-diversion-1')
      .send({ businessType: 'cash-deposit', amount: 5000, hasCard: true })
      .expect(201);

    at('09:04:00');
    await serve('teller1', withdrawal.id, 5); // waited 4, served 5
    at('09:09:00');
    await serve('teller4', opening.id, 6); // waited 9, served 6
    at('09:12:00');
    await hall.act('teller1', deposit.id, 'call'); // waited 12: over the service level
    await hall.act('teller1', deposit.id, 'start');
    const referral = await hall.act('teller1', deposit.id, 'callover', { customerHasTime: true }, 201);
    await asRm(referral.id, 'respond', { response: 'coming' }); // within the RM's minute to answer
    await asRm(referral.id, 'meet', {});
    context.hall.clock.advance(10 * 60);
    await hall.act('teller1', deposit.id, 'finish');
    await asRm(referral.id, 'outcome', { outcome: 'converted', grade: 'A', products: ['funds'] });

    at('10:00:00');
    const cards = await hall.issue({ businessType: 'card-service' });
    at('10:02:00');
    const cash = await hall.issue({ businessType: 'cash-withdrawal', amount: 60000, hasCard: false });
    at('10:06:00');
    await hall.act('teller4', cards.id, 'call'); // called after 6 minutes, recalled twice: a wait of 7, then a no-show
    at('10:06:30');
    await hall.act('teller4', cards.id, 'recall');
    at('10:07:00');
    await hall.act('teller4', cards.id, 'recall');
    at('10:07:30');
    await hall.act('teller4', cards.id, 'no-show');
    at('10:10:00');
    await serve('teller1', cash.id, 4); // waited 8, served 4
    at('10:30:00');
  });

  /** The referred RM answers a call-over, meets the customer, records the outcome. */
  async function asRm(referralId: string, step: string, body: object) {
    const response = await context.hall.http
      .post(`/api/referrals/${referralId}/${step}`)
      .set('Authorization', await context.hall.auth('rm1'))
      .send(body);
    expect({ step, status: response.status }).toEqual({ step, status: 200 });
  }

  async function report(): Promise<KpiReport> {
    const response = await context.hall.http
      .get('/api/branches/demo/reports/kpis')
      .set('Authorization', await context.hall.auth('lobby'))
      .expect(200);
    return response.body as KpiReport;
  }

  /** The size a chart's canvas was drawn at. */
  async function canvasSize(page: Page, chart: string): Promise<{ width: number; height: number }> {
    const canvas = page.locator(`lf-reports-view lf-kpi-chart.${chart} canvas`);
    await canvas.waitFor();
    await page.waitForFunction((name) => {
      const view = document.querySelector('lf-staff-app')?.shadowRoot?.querySelector('lf-reports-view');
      const element = view?.shadowRoot?.querySelector(`lf-kpi-chart.${name}`)?.shadowRoot?.querySelector('canvas');
      return !!element && element.width > 0 && element.height > 0;
    }, chart);
    return canvas.evaluate((element) => ({
      width: (element as HTMLCanvasElement).width,
      height: (element as HTMLCanvasElement).height,
    }));
  }

  it('shows the morning: totals, service level, diversion, tables and the funnel, with charts drawn', async () => {
    const expected = await report();
    expect(expected.totals).toMatchObject({ issued: 5, served: 4, noShow: 1, cancelled: 0, expired: 0, open: 0 });
    expect(expected.totals.waiting).toMatchObject({ count: 5, median: 8, p90: 12, max: 12 });
    expect(expected.totals.serviceLevel).toMatchObject({ within: 4, of: 5, share: 0.8 });
    expect(expected.diversion).toMatchObject({ advised: 1, accepted: 1, rate: 1 });
    expect(expected.referrals.total).toMatchObject({ flagged: 1, alerted: 1, met: 1, converted: 1 });

    // The lobby manager opens the reports from the lobby (tablet).
    const page = await signIn(context.browser, context.baseUrl, 'lobby', { viewport: LOBBY_TABLET, touch: true });
    await page.locator('lf-lobby-view').getByRole('link', { name: '报表' }).tap();
    const view = page.locator('lf-reports-view');
    await view.getByText('营业日 2026-11-23（Asia/Shanghai）', { exact: false }).waitFor();
    const figure = (name: string) => view.locator(`[data-figure="${name}"] dd`);
    expect(await figure('issued').textContent()).toBe('5');
    expect(await figure('served').textContent()).toBe('4');
    expect(await figure('no-show').textContent()).toBe('1');
    expect(await figure('waiting-mean').textContent()).toBe(String(expected.totals.waiting.mean));
    expect(await figure('waiting-median').textContent()).toBe('8');
    expect(await figure('waiting-p90').textContent()).toBe('12');
    expect(await figure('waiting-max').textContent()).toBe('12');
    expect(await figure('service-mean').textContent()).toBe(String(expected.totals.service.mean));
    await view.locator('[data-figure="service-level"]').getByText('80%').waitFor();
    await view.locator('[data-figure="service-level"]').getByText('5 次等候中 4 次在 10 分钟内叫号').waitFor();
    await view.locator('[data-figure="diversion"]').getByText('100%').waitFor();

    const byQueue = view.locator('[data-table="按队列"]');
    await byQueue.locator('tr', { hasText: 'A · 现金业务' }).getByText('3', { exact: true }).first().waitFor();
    const byCounter = view.locator('[data-table="按柜台"] tr', { hasText: '1号窗口' });
    await byCounter.getByText('3', { exact: true }).first().waitFor();
    await view.locator('[data-table="按员工"]').getByText('张柜员 (Teller 1)').waitFor();
    await view.locator('[data-table="按时段"]').getByText('09时').waitFor();
    const funnel = view.locator('[data-table="转介理财经理"]');
    await funnel.locator('tr', { hasText: '周经理 (RM)' }).waitFor();
    await funnel.locator('tr', { hasText: '柜员' }).getByText('1').first().waitFor();

    for (const chart of ['waits', 'issued', 'funnel']) {
      const size = await canvasSize(page, chart);
      expect(size.width).toBeGreaterThan(100);
      expect(size.height).toBeGreaterThan(100);
    }
    await screenshot(page, 'staff-reports-tablet-zh');
  });

  it('downloads the CSV of the range shown, and reads in English', async () => {
    const page = await signIn(context.browser, context.baseUrl, 'admin', { hash: '#/reports' });
    const view = page.locator('lf-reports-view');
    await view.locator('[data-figure="issued"] dd').getByText('5').waitFor();
    await canvasSize(page, 'waits');
    await screenshot(page, 'staff-reports-zh');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      view.getByRole('button', { name: '下载 CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('lobbyflow-demo-kpis-2026-11-23_2026-11-23.csv');
    const csv = readFileSync((await download.path()) as string, 'utf8').replace(/^\uFEFF/, '');
    const [header, totals, ...rows] = csv.trim().split('\n');
    expect(header.split(',').slice(0, 6)).toEqual(['dimension', 'key', 'issued', 'served', 'no_show', 'cancelled']);
    expect(totals.split(',').slice(2, 5)).toEqual(['5', '4', '1']);
    expect(rows.some((row) => row.startsWith('queue,A,3,3,0'))).toBe(true);

    // A range: the last 7 days hold only this morning, so the figures stay.
    await view.getByRole('button', { name: '近 7 天' }).click();
    await view.getByText('营业日 2026-11-17 至 2026-11-23', { exact: false }).waitFor();
    expect(await view.locator('[data-figure="issued"] dd').textContent()).toBe('5');

    await page.getByRole('button', { name: 'English' }).click();
    await view.getByText('Waits by hour').waitFor();
    await view.locator('[data-figure="service-level"]').getByText('4 of 5 waits called within 10 min').waitFor();
    await canvasSize(page, 'funnel');
    await screenshot(page, 'staff-reports-en');
    await view.locator('[data-table="By counter"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'staff-reports-tables-en');
    await page.getByRole('button', { name: '中文' }).click();
  });
});

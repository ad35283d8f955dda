import type { Browser, Page } from 'playwright-core';
import type { StaffTicketView } from '@lobbyflow/contracts';
import type { TestHall } from '../../e2e/support/test-app';

/** Screens the staff console is built for: the teller's desktop and the lobby manager's tablet. */
export const TELLER_SCREEN = { width: 1366, height: 768 };
export const LOBBY_TABLET = { width: 1024, height: 768 };

/** Script errors of the pages opened here; a spec checks after each test that there were none. */
export const pageErrors: string[] = [];

/** Opens /staff on a new page and signs in as a demo user (password demo1234), optionally at a counter. */
export async function signIn(
  browser: Browser,
  baseUrl: string,
  username: string,
  options: { viewport?: { width: number; height: number }; touch?: boolean; counter?: string; hash?: string } = {},
): Promise<Page> {
  const page = await browser.newPage({ viewport: options.viewport ?? TELLER_SCREEN, hasTouch: options.touch ?? false });
  // Fail a wait with its own message well before the test's time limit.
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${baseUrl}/staff${options.hash ?? ''}`);
  await fillSignIn(page, username, options.counter);
  return page;
}

/** Fills the sign-in form (Chinese labels, the default language) and submits it. */
export async function fillSignIn(page: Page, username: string, counter?: string): Promise<void> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('demo1234');
  if (counter !== undefined) await page.getByLabel('柜台号（柜员、理财经理）').fill(counter);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

/** The staff token a signed-in page holds (to check what the server lets that very session do). */
export async function pageToken(page: Page): Promise<string> {
  const session = await page.evaluate(() => sessionStorage.getItem('lobbyflow.staff.session'));
  return (JSON.parse(session ?? '{}') as { token: string }).token;
}

/** One ticket as the lobby manager's snapshot or log shows it, by id (open or closed today). */
export async function staffTicket(hall: TestHall, id: string): Promise<StaffTicketView> {
  const response = await hall.http
    .get('/api/branches/demo/events?after=0')
    .set('Authorization', await hall.auth('lobby'))
    .expect(200);
  const events = response.body.events as { ticket?: StaffTicketView }[];
  const found = events.filter((event) => event.ticket?.id === id).at(-1)?.ticket;
  if (!found) throw new Error(`no event for ticket ${id}`);
  return found;
}

import { mkdirSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { TestHall } from '../../e2e/support/test-app';

/** Debian's Chromium, as CI installs it (`apt-get install chromium`); never a downloaded browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** Saves a screenshot under docs/screenshots/ for people to look at (never compared in a test). */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `docs/screenshots/${name}.png` });
}

/** A real server on a SQLite file, listening, and Chromium: set up before a spec's tests, closed after. */
export interface BrowserHall {
  hall: TestHall;
  baseUrl: string;
  browser: Browser;
}

export function useBrowserHall(): BrowserHall {
  const context = {} as BrowserHall;
  beforeAll(async () => {
    mkdirSync('docs/screenshots', { recursive: true });
    context.hall = await TestHall.start();
    context.baseUrl = await context.hall.listen();
    context.browser = await launchChromium();
  });
  afterAll(async () => {
    await context.browser?.close();
    await context.hall?.stop();
  });
  return context;
}

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
  const violations: string[] = [];
  beforeAll(async () => {
    mkdirSync('docs/screenshots', { recursive: true });
    context.hall = await TestHall.start();
    context.baseUrl = await context.hall.listen();
    context.browser = reportingCspViolations(await launchChromium(), violations);
  });
  // The screens run under the server's Content-Security-Policy: anything it blocks fails the test.
  afterEach(() => {
    const blocked = violations.splice(0);
    expect(blocked).toEqual([]);
  });
  afterAll(async () => {
    await context.browser?.close();
    await context.hall?.stop();
  });
  return context;
}

/**
 * Chromium reports what the Content-Security-Policy blocked on the page's console ("Refused to load ...
 * because it violates the following Content Security Policy directive"). Every page this browser opens
 * adds those messages to `violations`.
 */
export function reportingCspViolations(browser: Browser, violations: string[]): Browser {
  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (options) => {
    const page = await newPage(options);
    page.on('console', (message) => {
      if (/Content[- ]Security[- ]Policy/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
    });
    return page;
  };
  return browser;
}

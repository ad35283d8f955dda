import { useBrowserHall } from './support/browser';

/**
 * Swagger UI at /api/docs under its own Content-Security-Policy (inline styles allowed there only): the
 * page renders the API's operations, and nothing is blocked (checked after each test by useBrowserHall).
 */
describe('API reference page', () => {
  const context = useBrowserHall();

  it('renders the OpenAPI document in Swagger UI', async () => {
    const page = await context.browser.newPage();
    await page.goto(`${context.baseUrl}/api/docs`);
    await page.locator('.swagger-ui .info .title').filter({ hasText: 'LobbyFlow API' }).waitFor();
    await page.locator('.opblock-summary-path', { hasText: '/api/auth/login' }).first().waitFor();
    await page.close();
  });
});

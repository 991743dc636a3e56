import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createTestApp, TestApp } from '../support/app';
import { createUser } from '../support/factories';
import { launchChromium } from './chromium';

const ARTIFACTS = join(__dirname, '..', 'artifacts');

/** What the page did that it should not: CSP violations, script errors, calls off this server. */
function watchPage(page: Page, origin: string): string[] {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(origin) && !url.startsWith('data:')) problems.push(`off-site: ${url}`);
  });
  return problems;
}

describe('Swagger UI in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    browser = await launchChromium();
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    origin = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
  }, 600_000); // the first run may install chromium
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('authorizes with a real token and executes GET /auth/me from the UI', async () => {
    const { user, token } = await createUser(t);
    const page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
    const problems = watchPage(page, origin);
    await page.goto(`${origin}/docs`);

    await page.locator('.auth-wrapper .authorize').click();
    const modal = page.locator('.modal-ux');
    await modal.locator('input[type=text], input[type=password]').first().fill(token);
    await modal.locator('button.modal-btn.authorize').click();
    await modal.getByRole('button', { name: 'Remove authorization' }).waitFor();
    await modal.locator('button.modal-btn.btn-done').click();

    const operation = page.locator('#operations-auth-getMe');
    await operation.locator('.opblock-summary-control').click();
    await operation.getByRole('button', { name: 'Try it out' }).click();
    await operation.getByRole('button', { name: 'Execute' }).click();

    const answer = operation.locator('.live-responses-table tr.response');
    await answer.waitFor();
    const status = await answer.locator('.response-col_status').innerText();
    const body = await answer.locator('.response-col_description pre').first().innerText();
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'swagger-ui-auth-me.png'), fullPage: true });

    // The cell reads "200" (plus "Undocumented" under ts-jest, where the Swagger CLI plugin that
    // documents return types does not run; the dist-built document lists the 200).
    expect(status.trim().split(/\s+/)[0]).toBe('200');
    expect(JSON.parse(body)).toMatchObject({ id: user.id, username: user.username });
    expect(problems).toEqual([]);
  });
});

import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';

/** Where the browser tests save their screenshots (not committed; a person looks at them). */
export const WEB_UI_REPORTS = resolve(__dirname, '../../reports/web-ui');
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];

/**
 * A fresh browser context (its own cookies: another person, or another device) with a page in UK
 * English, in a zone other than London's so that the app must show London time itself. Script
 * errors, policy violations and requests to other sites are collected in `faults`; an answer 4xx
 * is a failed load the browser logs, and is the API's to give.
 */
export async function newBrowserPage(
  browser: Browser,
  faults: string[],
  origin: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'America/New_York', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:')) faults.push(`request to another site: ${url}`);
  });
  page.on('pageerror', (error) => faults.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/^Failed to load resource: the server responded with a status of 4\d\d/.test(message.text()))
      faults.push(`console: ${message.text()}`);
  });
  return { context, page };
}

/** axe at WCAG 2.2 AA on the page as it is: the violations (none expected), then its screenshot as `<name>.png`. */
export async function checkAndSaveScreen(page: Page, name: string): Promise<{ screen: string; violations: unknown[] }> {
  mkdirSync(WEB_UI_REPORTS, { recursive: true });
  const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  await page.screenshot({ path: join(WEB_UI_REPORTS, `${name}.png`), fullPage: true });
  return {
    screen: name,
    violations: results.violations.map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      where: violation.nodes.map((node) => node.target.join(' ')),
    })),
  };
}

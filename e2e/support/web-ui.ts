import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD, gatewayUrl } from './api';
import { launchChromium } from './browser';

/**
 * The web app in Debian's Chromium, for the browser tests: pages in a zone other than the UK's
 * (the app must still show London time), every request and every script error or policy violation
 * watched, and each screen checked with axe at WCAG 2.2 AA and saved as a screenshot under
 * reports/web-ui (looked at by a person; not committed).
 */
export const WEB_UI_REPORTS = resolve(__dirname, '../../reports/web-ui');
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];
export const BROWSER_ZONE = 'America/New_York';

/** An instant as the app writes it: UK format, London time. */
export const LONDON = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export interface WebUi {
  browser: Browser;
  /** Every URL any page of it asked for. */
  requested: string[];
  /** Script errors, policy violations and console errors (a 4xx answer aside) of any page. */
  problems: string[];
  /** A page in a fresh browser context (its own cookies: its own session). */
  newPage(): Promise<{ context: BrowserContext; page: Page }>;
  /** axe at WCAG 2.2 AA on the screen as it is, then its screenshot, `<prefix><NN>-<name>.png`. */
  checkScreen(name: string, page: Page): Promise<void>;
  close(): Promise<void>;
}

/** Launches Chromium (installing it where it is missing takes minutes: call from a beforeAll with room). */
export async function openWebUi(screenshotPrefix: string, log: (line: string) => void): Promise<WebUi> {
  mkdirSync(WEB_UI_REPORTS, { recursive: true });
  const browser = await launchChromium(log);
  const requested: string[] = [];
  const problems: string[] = [];
  let screens = 0;
  return {
    browser,
    requested,
    problems,
    async newPage() {
      const context = await browser.newContext({
        locale: 'en-GB',
        timezoneId: BROWSER_ZONE,
        viewport: { width: 1280, height: 900 },
      });
      const page = await context.newPage();
      page.on('request', (request) => requested.push(request.url()));
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      // An answer 4xx is logged by the browser as a failed load (a refused contact is one); a policy violation or a script error is a fault.
      page.on('console', (message) => {
        if (
          message.type() === 'error' &&
          !/^Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())
        )
          problems.push(`console: ${message.text()}`);
      });
      return { context, page };
    },
    async checkScreen(name, page) {
      const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
      const violations = results.violations.map((violation) => ({
        rule: violation.id,
        impact: violation.impact,
        where: violation.nodes.map((node) => node.target.join(' ')),
      }));
      expect({ screen: name, violations }).toEqual({ screen: name, violations: [] });
      await page.screenshot({
        path: join(WEB_UI_REPORTS, `${screenshotPrefix}${String(++screens).padStart(2, '0')}-${name}.png`),
        fullPage: true,
      });
    },
    close: () => browser.close(),
  };
}

/** Signs a demo user in through the sign-in screen (the page must be on it). */
export async function signInThroughPage(page: Page, userId: string, password = DEMO_PASSWORD): Promise<void> {
  await page.getByLabel('User id').fill(userId);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Opens the app and signs a demo user in: their organisation's contacts come first. */
export async function openSignedIn(page: Page, userId: string): Promise<void> {
  await page.goto(`${gatewayUrl()}/`);
  await signInThroughPage(page, userId);
  await page.getByRole('heading', { level: 1, name: "My organisation's contacts" }).waitFor();
}

/** Fills "Log a contact" for a DTL on the meter point (the page must be on it). */
export async function fillDtl(page: Page, mprn: string, answers: { readDate: string; telephone: string }): Promise<void> {
  await page.getByLabel('MPRN').fill(mprn);
  await page.getByRole('radio', { name: 'Dead to Live (DTL)' }).check();
  await page.getByLabel('Name').fill('Amelia Hart');
  await page.getByLabel('Telephone (optional)').fill(answers.telephone);
  await page
    .getByLabel('What the originator knows')
    .fill('Customer reports gas in use; meter dials have advanced since the last read.');
  await page.getByLabel('Meter read').fill('04521');
  await fillDate(page, 'Date of the read', answers.readDate);
  await page.getByLabel('Meter serial number').fill('G4A-00123456');
}

/** A date typed day, month and year apart, as people write a UK date, into the group named `legend`. */
export async function fillDate(page: Page, legend: string, date: string): Promise<void> {
  const [year, month, day] = date.split('-');
  const group = page.getByRole('group', { name: legend });
  await group.getByLabel('Day').fill(String(Number(day)));
  await group.getByLabel('Month').fill(String(Number(month)));
  await group.getByLabel('Year').fill(year);
}

/** No page asked anything of another site, nor met a script error or a policy violation. */
export function expectOwnSiteOnly(ui: WebUi): void {
  const origin = new URL(gatewayUrl()).origin;
  expect(ui.requested.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:'))).toEqual([]);
  expect(ui.problems).toEqual([]);
}

import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD, gatewayUrl } from './api';
import { launchChromium } from './browser';
import { checkAndSaveScreen, newBrowserPage } from './web-browser';

/**
 * The web app in Debian's Chromium, for one browser test file: its pages (web-browser.ts: UK
 * English in another zone than London's, faults collected), each screen checked with axe at WCAG
 * 2.2 AA and saved as `<prefix><NN>-<name>.png` under reports/web-ui; and the steps the files share.
 */

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
  /** Script errors, policy violations and requests to other sites, of any of its pages. */
  faults: string[];
  /** A page in a fresh browser context (its own cookies: its own session). */
  newPage(): Promise<{ context: BrowserContext; page: Page }>;
  /** axe at WCAG 2.2 AA on the screen as it is (no violation), then its screenshot. */
  checkScreen(name: string, page: Page): Promise<void>;
  close(): Promise<void>;
}

/** Launches Chromium (installing it where it is missing takes minutes: call from a beforeAll with room). */
export async function openWebUi(screenshotPrefix: string, log: (line: string) => void): Promise<WebUi> {
  const browser = await launchChromium(log);
  const faults: string[] = [];
  let screens = 0;
  return {
    browser,
    faults,
    newPage: () => newBrowserPage(browser, faults, new URL(gatewayUrl()).origin),
    async checkScreen(name, page) {
      const saved = `${screenshotPrefix}${String(++screens).padStart(2, '0')}-${name}`;
      expect(await checkAndSaveScreen(page, saved)).toEqual({ screen: saved, violations: [] });
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
